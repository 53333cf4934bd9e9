"""Every hostile survey export against `tally`; see corpus.py for what every run asserts."""

from __future__ import annotations

from pathlib import Path

import pytest
from adversarial.corpus import Case, check, run
from adversarial.survey_cases import CSV_CASES, XLSX_CASES, SurveyCase

ALL = CSV_CASES + XLSX_CASES


@pytest.mark.parametrize("case", ALL, ids=[f"{c.name.rsplit('.')[-1]}-{c.id}" for c in ALL])
def test_tally(tmp_path: Path, case: SurveyCase) -> None:
    outcome = run(tmp_path, {case.name: case.data},
                  ["tally", case.name, *case.options, "-o", "ut.md"])
    check(outcome, Case(case.id, case.data, case.says, case.line, case.code), case.name)
    if case.code == 0:
        assert outcome.created == {"ut.md"}
        written = (tmp_path / "ut.md").read_text(encoding="utf-8")
        for answer, count in case.shows:
            assert shows(written, answer, count), f"{answer} ({count}) not in:\n{written}"


def shows(markdown: str, answer: str, count: int) -> bool:
    """An answer with its count: a table row for a closed question, a list item for free text."""
    text = markdown.replace("\\", "")
    rows = (f"| {answer} | {count} |", f"- {answer} ({count} svar)")
    return any(line.startswith(rows) or (count == 1 and line == f"- {answer}")
               for line in text.splitlines())


FORMULAS = ('Vilken grupp?;=1+1 Fråga?;Kommentar\r\nSkövde;"=HYPERLINK(""http://x"")";=cmd|x\r\n'
            "Götene;+1+1;@SUM(1)\r\nSkara;-2+3;ok\r\n").encode()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_formulas_in_an_export_never_become_formulas_in_the_output(tmp_path: Path,
                                                                   fmt: str) -> None:
    outcome = run(tmp_path, {"svar.csv": FORMULAS}, ["tally", "svar.csv", "-o", f"ut.{fmt}"])
    assert outcome.code == 0, outcome.output
    if fmt == "csv":
        import csv

        text = (tmp_path / "ut.csv").read_text(encoding="utf-8-sig")
        cells = [cell for row in csv.reader(text.splitlines()) for cell in row]
        assert "'=HYPERLINK(\"http://x\")" in cells and "'@SUM(1)" in cells
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
    else:
        from openpyxl import load_workbook

        book = load_workbook(tmp_path / "ut.xlsx")
        cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
        assert '=HYPERLINK("http://x")' in [c.value for c in cells]  # shown as text
        assert not [c.coordinate for c in cells if c.data_type == "f"]
