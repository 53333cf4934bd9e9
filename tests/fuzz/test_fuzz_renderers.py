"""Fuzz targets for every renderer: any summary or tally renders, and opens in its own library.

The summary is merged from reports drawn with awkward text (markup, formulas, identity
numbers, right-to-left marks, emoji); the tally from drawn export tables. Examples per
target come from the hypothesis profile (tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from formats_read import SUMMARY_FORMATS, TALLY_FORMATS, read_back
from hypothesis import given
from hypothesis import strategies as st
from reportfactory import as_report

from fuzz.strategies import name_text, report_dicts, some_text, tables
from vastbus_cli.render.formats import render_summary
from vastbus_cli.reports.merge import merge
from vastbus_cli.reports.roster import Roster
from vastbus_cli.reports.summary import Summary
from vastbus_cli.survey.model import Tally
from vastbus_cli.survey.readers import read_responses
from vastbus_cli.survey.render import render_bytes
from vastbus_cli.survey.tally import tally


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@st.composite
def summaries(draw: st.DrawFn) -> Summary:
    names = draw(st.lists(name_text, min_size=1, max_size=3,
                          unique_by=lambda n: n.strip().casefold()))
    reports = [as_report(draw(report_dicts(name))) for name in names]
    previous = None
    if draw(st.booleans()):
        previous = [as_report({**draw(report_dicts(name)), "år": 2024}) for name in names[:2]]
    roster = None
    if draw(st.booleans()):
        roster = Roster.model_validate({"delregion": "Skaraborg", "grupper": [
            {"namn": n, "kommun": n} for n in [*names, *draw(st.lists(name_text, max_size=2))]]})
    return merge(reports, roster, previous=previous, recurring=draw(st.integers(1, 4)),
                 produced=dt.date(2026, 5, 20))


@pytest.mark.parametrize("fmt", SUMMARY_FORMATS)
@given(summary=summaries())
def test_summary_renderers(fmt: str, summary: Summary) -> None:
    """Every format of ours (formats.SUMMARY) renders and opens in its own library."""
    assert read_back(fmt, render_summary(summary, fmt)).strip()


@given(summaries())
def test_summary_json(folder: Path, summary: Summary) -> None:
    """The JSON reads back (as the roll-up reads it) to the summary it was written from."""
    from vastbus_cli.rollup.summary_file import read_summary

    written = render_summary(summary, "json")
    assert isinstance(json.loads(written), dict)
    path = folder / "sammanstallning.json"
    path.write_bytes(written)
    back, problems = read_summary(path)
    assert problems == [] and back is not None
    assert back.model_dump(mode="json") == summary.model_dump(mode="json")




@st.composite
def tallies(draw: st.DrawFn, folder: Path) -> Tally:
    import csv

    rows = draw(tables)
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows(rows)
    rounds = []
    for index in range(draw(st.integers(1, 2))):
        path = folder / f"svar-{index}.csv"
        path.write_text(buffer.getvalue() if index == 0 else buffer.getvalue() + "x;y\r\n",
                        encoding="utf-8")
        rounds.append(read_responses(path, f"r{index}"))
    columns = max(len(r) for r in rows)
    header = rows[0] + [""] * (columns - len(rows[0]))
    by = draw(st.sampled_from([None, *header]))
    result, _ = tally(rounds, None, by if by and by.strip() else None)
    return result


@pytest.mark.parametrize("fmt", TALLY_FORMATS)
@given(data=st.data())
def test_tally_renderers(folder: Path, fmt: str, data: st.DataObject) -> None:
    result = data.draw(tallies(folder))
    if fmt == "table":
        from rich.console import Console

        from vastbus_cli.survey.render.table import print_tally

        print_tally(result, Console(file=io.StringIO(), width=100))
        return
    read_back(fmt, render_bytes(result, fmt))


_MONKEY = ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address"]


@st.composite
def matrix_tallies(draw: st.DrawFn, folder: Path) -> Tally:
    """A SurveyMonkey matrix (a heading over its rows, a scale in the cells) with drawn texts,
    in one or two rounds: every renderer draws it as one table."""
    import csv

    heading = draw(some_text)
    rows = draw(st.lists(some_text, min_size=2, max_size=4, unique_by=str.casefold))
    scale = [*draw(st.lists(some_text, min_size=1, max_size=4)), "Stämmer delvis"]
    result_rounds = []
    for index in range(draw(st.integers(1, 2))):
        answers = draw(st.lists(st.lists(st.sampled_from(["", *scale]), min_size=len(rows),
                                         max_size=len(rows)), min_size=1, max_size=6))
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([*_MONKEY, "Fungerar samverkan?", heading, *[""] * (len(rows) - 1)])
        writer.writerow([*[""] * len(_MONKEY), "Response", *rows])
        writer.writerows([str(1000 + n), *[""] * (len(_MONKEY) - 1), "Ja", *cells]
                         for n, cells in enumerate(answers))
        path = folder / f"matris-{index}.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        result_rounds.append(read_responses(path, f"r{index}"))
    return tally(result_rounds, None)[0]


@pytest.mark.parametrize("fmt", TALLY_FORMATS)
@given(data=st.data())
def test_tally_matrix_renderers(folder: Path, fmt: str, data: st.DataObject) -> None:
    result = data.draw(matrix_tallies(folder))
    if fmt == "table":
        from rich.console import Console

        from vastbus_cli.survey.render.table import print_tally

        print_tally(result, Console(file=io.StringIO(), width=80))
        return
    read_back(fmt, render_bytes(result, fmt))
