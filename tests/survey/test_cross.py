"""--by: one cross-table per question, the groups as columns, small bases marked.

Regenerate the golden file after an intended change, then review the diff:

    VASTBUS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/survey/test_cross.py
"""

from __future__ import annotations

import io

import pytest
from goldenfile import matches_golden
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.survey.conftest import FIXTURES
from vastbus_cli.cli import app
from vastbus_cli.survey.model import Tally
from vastbus_cli.survey.readers import read_responses
from vastbus_cli.survey.render import render_bytes
from vastbus_cli.survey.tally import tally

FIXTURE = "google_forms_groups.csv"


@pytest.fixture(scope="module")
def crossed() -> Tally:
    rounds = [read_responses(FIXTURES / FIXTURE, "r1", name=FIXTURE)]
    return tally(rounds, by="Delregion")[0]


def test_the_by_column_is_no_question(crossed: Tally) -> None:
    assert [q.text for q in crossed.questions] == [
        "Finns en rutin?", "Vilka insatser har genomförts? (välj ett eller flera)", "Kommentar"]


def test_terminal_cross_table_has_groups_as_columns() -> None:
    run = CliRunner().invoke(app, ["tally", str(FIXTURES / FIXTURE), "--by", "Delregion"],
                             env={"COLUMNS": "120"})
    assert run.exit_code == 0, run.output
    lines = run.output.splitlines()
    head = next(line for line in lines if line.startswith("Alternativ"))
    assert [c.strip() for c in head.split("┃")] == ["Alternativ", "Totalt", "Fyrbodal",
                                                     "Skaraborg", "VVG *"]
    ja = next(line for line in lines if line.startswith("Ja "))
    # VVG has two respondents: its count only, never a share; the others in whole percent
    # (fewer than 100 answered), as in the Word report
    assert [c.strip() for c in ja.split("│")] == ["Ja", "7 (54\xa0%)", "3 (50\xa0%)",
                                                   "3 (60\xa0%)", "1"]
    base = next(line for line in lines if line.startswith("Svarande (bas)"))
    assert [c.strip() for c in base.split("│")] == ["Svarande (bas)", "13", "6", "5", "2"]
    assert "* Färre än 5 svarande i gruppen: bara antal visas" in run.output
    assert "100,0 %" not in run.output and "100\xa0%" not in run.output


def test_markdown_cross_table_golden(crossed: Tally) -> None:
    text = render_bytes(crossed, "md").decode("utf-8")
    matches_golden("enkat-by.md", text)
    assert "| Alternativ | Totalt | Fyrbodal | Skaraborg | VVG \\* |" in text
    assert "| Ja | 7 (54\xa0%) | 3 (50\xa0%) | 3 (60\xa0%) | 1 |" in text


def test_xlsx_cross_table_on_one_sheet_with_a_clustered_chart(crossed: Tally) -> None:
    workbook = load_workbook(io.BytesIO(render_bytes(crossed, "xlsx")))
    sheet = workbook["Frågor"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    header = next(r for r in rows if r[0] == "Alternativ")
    assert header[:9] == ["Alternativ", "Totalt antal", "Totalt andel", "Fyrbodal antal",
                          "Fyrbodal andel", "Skaraborg antal", "Skaraborg andel", "VVG * antal",
                          "VVG * andel"]
    ja = next(r for r in rows if r[0] == "Ja")
    assert ja[1:9] == [7, pytest.approx(7 / 13), 3, 0.5, 3, 0.6, 1, None]
    cells = next(r for r in sheet.iter_rows() if r[0].value == "Ja")
    assert [cells[i].number_format for i in (2, 4, 6)] == ["0%"] * 3  # 13, 6, 5 answered
    assert next(r for r in rows if r[0] == "Svarande (bas)")[1:8:2] == [13, 6, 5, 2]
    charts = sheet._charts
    assert len(charts) == 2  # the two closed questions
    assert charts[0].grouping == "clustered" and charts[0].type == "bar"
    # one series per group with a base large enough for shares: Totalt, Fyrbodal, Skaraborg
    assert len(charts[0].series) == 3
    assert any(str(v).startswith("* Färre än 5 svarande") for r in rows for v in r)
