"""What real exports also contain: display-text columns and choices exported as codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.survey.conftest import FIXTURES, counts, question, tally_files
from vastbus_cli.cli import app
from vastbus_cli.survey.spec import load_spec

CODED = ["limesurvey_display_codes.csv", "qualtrics_codes.csv"]


@pytest.mark.parametrize(("name", "display"), [("limesurvey_display_codes.csv", "info"),
                                               ("qualtrics_codes.csv", "Instruktion")])
def test_display_text_column_is_left_out_and_named_under_verbose(name: str, display: str) -> None:
    result, problems = tally_files(name)
    assert [q.text for q in result.questions] == ["Vilken är din favoritfrukt?",
                                                  "Hur många möten har ni haft?"]
    assert not problems
    run = CliRunner().invoke(app, ["tally", str(FIXTURES / name), "-v"])
    assert run.exit_code == 0, run.output
    assert (f"kolumnen '{display}' har samma långa text på varje rad (visningstext) och "
            "räknas inte.") in run.output
    quiet = CliRunner().invoke(app, ["tally", str(FIXTURES / name)])
    assert "visningstext" not in quiet.output


@pytest.mark.parametrize("name", CODED)
def test_numeric_codes_under_a_choice_heading_are_a_choice(name: str) -> None:
    result, _ = tally_files(name)
    fruit = question(result, "Vilken är din favoritfrukt?")
    assert fruit.kind == "single"  # never a mean of "favourite fruit"
    assert counts(fruit) == {"1": 3, "2": 2, "3": 1}
    meetings = question(result, "Hur många möten har ni haft?")
    assert meetings.kind == "number"
    assert meetings.results[0].stats is not None and meetings.results[0].stats.sum == 17


@pytest.mark.parametrize("name", CODED)
def test_with_a_spec_codes_map_to_the_labels(name: str, tmp_path: Path) -> None:
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_text(
        "enkät: Frukt\nfrågor:\n"
        "  - {id: frukt, text: Vilken är din favoritfrukt?, typ: enkelval,\n"
        "     alternativ: [Äpple, Päron, Banan, Kiwi]}\n"
        "  - {id: moten, text: Hur många möten har ni haft?, typ: tal}\n", encoding="utf-8")
    spec, _ = load_spec(spec_file)
    result, problems = tally_files(name, spec=spec)
    assert counts(question(result, "frukt")) == {"Äpple": 3, "Päron": 2, "Banan": 1, "Kiwi": 0}
    # the display text is no unknown column either
    assert not [p for p in problems if p.code == "okänd-kolumn"]


RANKED = ["google_forms_rank.csv", "excel_sv_rank.csv", "qualtrics_rank.csv",
          "surveymonkey_rank.csv"]
STEM = "Rangordna insatserna efter hur viktiga de är"


@pytest.mark.parametrize("name", RANKED)
def test_rank_question_gets_mean_place_and_first_places(name: str) -> None:
    result, problems = tally_files(name)
    assert [q.text for q in result.questions] == [STEM]
    q = question(result, STEM)
    assert q.kind == "rank"
    found = q.results[0]
    # places per respondent (Information, Utbildning, Handledning):
    # (1,2,3) (2,1,3) (1,3,2) (1,2,3) (3,1,2)
    assert [(o.label, o.mean_rank, o.count) for o in found.options] == [
        ("Information", 1.6, 3), ("Utbildning", 1.8, 2), ("Handledning", 2.6, 0)]
    assert found.answered == 5
    assert not problems


def test_rank_question_in_terminal_and_a_spec_written_and_read_back(tmp_path: Path) -> None:
    run = CliRunner().invoke(app, ["tally", str(FIXTURES / "qualtrics_rank.csv")],
                             env={"COLUMNS": "120"})
    assert run.exit_code == 0, run.output
    line = next(x for x in run.output.splitlines() if x.startswith("Information"))
    assert [c.strip() for c in line.split("│")] == ["Information", "1,60", "3"]
    assert "medelplaceringen är den genomsnittliga platsen" in run.output
    spec_file = tmp_path / "spec.yaml"
    written = CliRunner().invoke(app, ["tally", str(FIXTURES / "qualtrics_rank.csv"),
                                       "--infer-spec", "-o", str(spec_file)])
    assert written.exit_code == 0, written.output
    assert "typ: rangordning" in spec_file.read_text(encoding="utf-8")
    spec, problems = load_spec(spec_file)
    assert spec is not None, problems
    result, problems = tally_files("google_forms_rank.csv", spec=spec)
    assert not [p for p in problems if p.code in ("okänd-kolumn", "fråga-saknas")]
    q = result.questions[0]
    assert q.kind == "rank"
    assert [(o.label, o.mean_rank) for o in q.results[0].options] == [
        ("Information", 1.6), ("Utbildning", 1.8), ("Handledning", 2.6)]


def test_rank_question_in_markdown_excel_and_word() -> None:
    import io

    from docx import Document
    from openpyxl import load_workbook

    from vastbus_cli.survey.render import render_bytes

    result, _ = tally_files("surveymonkey_rank.csv")
    text = render_bytes(result, "md").decode("utf-8")
    assert "| Information | 1,60 | 3 |" in text
    sheet = load_workbook(io.BytesIO(render_bytes(result, "xlsx")))["Frågor"]
    rows = {r[0]: r for r in sheet.iter_rows(values_only=True) if r[0]}
    assert rows["Information"][1:3] == (1.6, 3)
    doc = Document(io.BytesIO(render_bytes(result, "docx")))
    table = doc.tables[-1]
    assert [c.text for c in table.rows[1].cells] == ["Information", "1,60", "3"]
