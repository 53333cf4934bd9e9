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
