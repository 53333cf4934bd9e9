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

from fuzz.strategies import cells, tables, yamlish
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


def _csv(rows: list[list[str]], delimiter: str, encoding: str, quoted: bool) -> bytes:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter,
               quoting=csv.QUOTE_ALL if quoted else csv.QUOTE_MINIMAL).writerows(rows)
    return buffer.getvalue().encode(encoding, errors="replace")


DELIMITERS = st.sampled_from([",", ";", "\t"])
ENCODINGS = st.sampled_from(["utf-8", "cp1252", "utf-16"])


@given(tables, DELIMITERS, ENCODINGS, st.booleans())
def test_csv_reader_on_tables(folder: Path, rows: list[list[str]], delimiter: str, encoding: str,
                              quoted: bool) -> None:
    _read(folder, _csv(rows, delimiter, encoding, quoted), "svar.csv")


#: a header row of questions and 0-8 rows of answers, as wide as the header
answered = st.integers(1, 5).flatmap(lambda width: st.tuples(
    st.just([f"Fråga {i}" for i in range(1, width + 1)]),
    st.lists(st.lists(cells, min_size=width, max_size=width), max_size=8)))


@given(answered, DELIMITERS, ENCODINGS, st.booleans())
def test_csv_reader_reads_back_the_table_it_was_given(
        folder: Path, table: tuple[list[str], list[list[str]]], delimiter: str, encoding: str,
        quoted: bool) -> None:
    """An oracle: the table written is the table read (delimiter and encoding given, as with
    `tally --delimiter --encoding`): every row with an answer in it, blank rows skipped, each
    first cell as written (after the encoding's own replacements), and one respondent a row."""
    header, rows = table
    path = folder / "svar.csv"
    path.write_bytes(_csv([header, *rows], delimiter, encoding, quoted))
    options = ReadOptions(encoding=encoding, delimiter=delimiter)
    expected = [[cell.encode(encoding, errors="replace").decode(encoding) for cell in row]
                for row in rows if any(cell.strip() for cell in row)]
    responses = read_responses(path, "r", options)
    assert responses.layout.headers == tuple(header)
    read = [row for _, chunk in responses.chunks for row in chunk]
    assert [row[0] for row in read] == [row[0] for row in expected]
    result, problems = tally([read_responses(path, "r", options)])
    assert result.rounds[0].respondents == len(expected)
    # (a cell shaped like a personnummer adds a warning: problems are not compared whole)
    assert ("Filen har rubriker men inga svar." in [p.message for p in problems]) == (
        not expected)


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
