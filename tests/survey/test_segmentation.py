"""Multi-select without a spec: cells cut into the options the column itself shows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from tests.survey.conftest import EXAMPLES, FIXTURES, counts, question, tally_files
from vastbus_cli.cli import app
from vastbus_cli.survey.readers import read_responses
from vastbus_cli.survey.split import segment
from vastbus_cli.survey.tally import tally

NEVER_ALONE = ["google_forms_never_alone.csv", "excel_sv_never_alone.csv"]


def test_shipped_2018_example_without_a_spec_counts_each_option() -> None:
    result, problems = tally([read_responses(EXAMPLES / "enkat-2018.csv", "2018")])
    q = question(result, "Har information/utbildning")
    assert q.kind == "multi"
    # before segmentation "Ja, för chefer i kommuner och region" showed 2, next to a row for
    # the combination "Ja, för chefer …, Ja, för medarbetare …"
    assert counts(q, "2018") == {
        "Ja, för chefer i kommuner och region": 4,
        "Ja, i den delregionala vårdsamverkansgruppen": 3,
        "Ja, för medarbetare i verksamheterna": 2,
        "Nej, inga insatser utöver informationsmötet": 1,
        "Nej, men insatser planeras": 1,
    }
    assert not [p for p in problems if p.code == "flerval-osäkert"]


@pytest.mark.parametrize("name", NEVER_ALONE)
def test_options_never_chosen_alone_are_found(name: str) -> None:
    result, _ = tally_files(name)
    q = question(result, "Vilka insatser har genomförts?")
    assert q.kind == "multi"
    assert counts(q) == {"Handledning": 3, "Information": 3, "Utbildning": 3}
    genres = question(result, "Vilka genrer")
    # "Family" only ever comes with another genre, but with different ones
    assert counts(genres) == {"Comedy": 2, "Drama": 2, "Family": 2}


@pytest.mark.parametrize("name", NEVER_ALONE)
def test_option_with_a_comma_never_chosen_alone_stays_whole(name: str) -> None:
    result, problems = tally_files(name)
    q = question(result, "Vilka stöd har ni fått?")
    assert counts(q) == {"Ja, för chefer": 3, "Ja, för medarbetare": 2,
                         "Nej, inget stöd än": 1}
    assert q.results[0].answered == 4


@pytest.mark.parametrize("name", NEVER_ALONE)
def test_single_choice_answer_with_a_comma_stays_whole(name: str) -> None:
    result, problems = tally_files(name)
    q = question(result, "Vilken ort?")
    assert q.kind == "single"
    assert counts(q) == {"Göteborg, Hisingen": 2, "Alingsås": 1, "Borås": 1}
    assert not [p for p in problems if "Vilken ort" in p.message]


@pytest.mark.parametrize("name", NEVER_ALONE)
def test_weak_evidence_is_a_warning_naming_both_readings(name: str) -> None:
    result, problems = tally_files(name)
    doubts = [p for p in problems if p.code == "flerval-osäkert"]
    assert [(p.line, p.column, p.severity.value) for p in doubts] == [(1, 7, "varning")]
    assert doubts[0].message == (
        "Frågan 'Favoritfrukt' kan läsas på två sätt: som enkelval där 'Banan, Kiwi' är ett "
        "svar, eller som flerval där det är 'Banan' och 'Kiwi' (inget av alternativen har valts "
        "ensamt). Räknad som enkelval.")
    assert "--infer-spec" in doubts[0].hint and "--spec" in doubts[0].hint
    assert question(result, "Favoritfrukt").kind == "single"


def test_weak_split_is_a_warning_too() -> None:
    cut = segment(["Göteborg, Sverige", "Malmö, Sverige", "Oslo"])
    assert cut.joined and cut.weak == ["Göteborg", "Malmö"]


def test_hello_world_stays_whole_and_ms_forms_keeps_working() -> None:
    cut = segment(["Hello, World", "Foo", "Bar", "Foo"])
    assert not cut.joined and cut.cells["Hello, World"] == ["Hello, World"]
    ms = segment(["Information;Utbildning, chefer;", "Handledning;", "Information;"], ";")
    assert ms.cells["Information;Utbildning, chefer;"] == ["Information", "Utbildning, chefer"]


def test_infer_spec_writes_the_split_options(tmp_path: Path) -> None:
    out = tmp_path / "spec.yaml"
    run = CliRunner().invoke(app, ["tally", str(FIXTURES / "google_forms_never_alone.csv"),
                                   "--infer-spec", "-o", str(out)])
    assert run.exit_code == 0, run.output
    spec = yaml.safe_load(out.read_text(encoding="utf-8"))
    by_text = {q["text"]: q for q in spec["frågor"]}
    assert by_text["Vilka insatser har genomförts?"]["typ"] == "flerval"
    assert sorted(by_text["Vilka insatser har genomförts?"]["alternativ"]) == [
        "Handledning", "Information", "Utbildning"]
    assert by_text["Vilka stöd har ni fått? (välj ett eller flera)"]["alternativ"] == [
        "Ja, för chefer", "Ja, för medarbetare", "Nej, inget stöd än"]
    assert "flerval-osäkert" in run.output
