"""Every hostile survey export against `tally`; see corpus.py for what every run asserts."""

from __future__ import annotations

from pathlib import Path

import pytest
from adversarial.corpus import Case, check, run
from adversarial.survey_cases import CSV_CASES, XLSX_CASES, SurveyCase

ALL = CSV_CASES + XLSX_CASES
IO = "io (issue 8 item 3): an unclosed quote is reported where it was opened"
ALL = [pytest.param(c, marks=pytest.mark.xfail(reason=IO, strict=True))
       if c.id == "unclosed-quote" else c for c in ALL]


@pytest.mark.parametrize("case", ALL, ids=[f"{c.name.rsplit('.')[-1]}-{c.id}" for c in CSV_CASES + XLSX_CASES])
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
