"""Fuzz targets for everything that reads a user's file: results or problems, never a crash.

Examples per target come from the hypothesis profile (tests/conftest.py): a few in CI,
10 000 with `pytest tests/fuzz --hypothesis-profile=fuzz`.
"""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportdata import ROSTER, VALID

from fuzz.strategies import tables, yamlish
from vastbus_cli.problems import Problem
from vastbus_cli.reports.load import load_bytes
from vastbus_cli.reports.model import Report
from vastbus_cli.reports.parse import parse_model
from vastbus_cli.reports.roster import Roster
from vastbus_cli.survey.readers import ReadOptions, read_responses
from vastbus_cli.survey.spec import load_spec
from vastbus_cli.survey.tally import tally

SPEC = (Path(__file__).parents[2] / "examples" / "enkat" / "spec.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


def well_formed(problems: Iterable[Problem]) -> None:
    for p in problems:
        assert p.file and p.message and p.code
        assert p.line >= 0 and p.column >= 0


def mutated(text: str) -> st.SearchStrategy[str]:
    """`text` with a stretch replaced by YAML-ish noise."""
    return st.builds(lambda start, length, insert: text[:start] + insert + text[start + length:],
                     st.integers(0, len(text)), st.integers(0, 40), yamlish)


def _parse(raw: bytes, model: type) -> None:
    loaded = load_bytes(raw, "f.yaml")
    result, problems = parse_model(loaded, model)
    assert result is not None or loaded.problems or problems
    well_formed(loaded.problems + problems)


@given(st.binary(max_size=400))
def test_yaml_loader_on_bytes(raw: bytes) -> None:
    loaded = load_bytes(raw, "f.yaml")
    well_formed(loaded.problems)


@given(yamlish)
def test_yaml_loader_on_yamlish_text(text: str) -> None:
    loaded = load_bytes(text.encode(), "f.yaml")
    assert loaded.data is None or not loaded.problems
    well_formed(loaded.problems)


@given(mutated(VALID))
def test_report_parser(text: str) -> None:
    _parse(text.encode(), Report)


@given(mutated(ROSTER))
def test_roster_parser(text: str) -> None:
    _parse(text.encode(), Roster)


@given(mutated(SPEC))
def test_spec_loader(folder: Path, text: str) -> None:
    path = folder / "spec.yaml"
    path.write_bytes(text.encode())
    spec, problems = load_spec(path)
    assert spec is not None or problems
    well_formed(problems)


def _read(folder: Path, data: bytes, name: str, options: ReadOptions | None = None) -> None:
    path = folder / name
    path.write_bytes(data)
    responses = read_responses(path, "r", options)
    well_formed(responses.problems)
    if not responses.layout.headers:
        assert responses.problems
        return
    result, problems = tally([responses])
    well_formed(problems)
    assert result.rounds[0].respondents >= 0


@given(st.binary(max_size=400))
def test_csv_reader_on_bytes(folder: Path, data: bytes) -> None:
    _read(folder, data, "svar.csv")


@given(tables, st.sampled_from([",", ";", "\t"]), st.sampled_from(["utf-8", "cp1252", "utf-16"]),
       st.booleans())
def test_csv_reader_on_tables(folder: Path, rows: list[list[str]], delimiter: str, encoding: str,
                              quoted: bool) -> None:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter,
               quoting=csv.QUOTE_ALL if quoted else csv.QUOTE_MINIMAL).writerows(rows)
    _read(folder, buffer.getvalue().encode(encoding, errors="replace"), "svar.csv")


@given(st.binary(max_size=400))
def test_xlsx_reader_on_bytes(folder: Path, data: bytes) -> None:
    _read(folder, b"PK\x03\x04" + data, "svar.xlsx")


@given(tables)
def test_xlsx_reader_on_workbooks(folder: Path, rows: list[list[str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", cell) for cell in row])
    buffer = io.BytesIO()
    book.save(buffer)
    _read(folder, buffer.getvalue(), "svar.xlsx")
