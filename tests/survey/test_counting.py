"""Hypothesis: the chunked counting and reading equal a naive row-by-row reference.

The fast path counts cell values per column and chunk and interprets each
distinct value once; the references below are the plain loops it replaced.
Whatever the rows, chunk size, groups and fields, both must agree exactly:
counts, blanks, the listed blank respondents (in order), private answers with
their first line.
"""

from __future__ import annotations

import csv
import io
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vastbus_cli.survey.counting import MAX_LISTED, FieldCounts, count_round, has_identity_number
from vastbus_cli.survey.readers.text import TextFormat, iter_csv_chunks
from vastbus_cli.survey.responses import BLANK, Choice, Field, Layout, Responses

WIDTH = 6
_CELLS = st.sampled_from(["", " ", "Ja", " Ja ", "Nej", "Ja, delvis", "1", "0", "Y", "x",
                          "G1", "G2", " G1", "19121212-1212", "Ring 121212-1212", "a\nb",
                          "\u3000", "Nej, men"])
_ROWS = st.lists(st.lists(_CELLS, min_size=WIDTH, max_size=WIDTH), max_size=60)

FIELDS = [
    Field(key="q1", text="q1", column=1),
    Field(key="q2", text="q2", column=2, value_labels={"Y": "Ja", "1": "Ett"}),
    Field(key="q3", text="q3", choices=(Choice(column=3, label="A"), Choice(column=4, label="B")),
          other_column=5),
    Field(key="q4", text="q4", choices=(Choice(column=3, label="A"),), tick="Y"),
    Field(key="q5", text="q5", column=4, other_column=2),
]


def reference(rows: list[tuple[int, list[str]]], fields: list[Field], by: int | None,
              respondent: int | None) -> tuple[list[FieldCounts], Counter]:
    """The row-by-row count the chunked one replaced."""
    counts = [FieldCounts(f) for f in fields]
    respondents: Counter = Counter()
    for line, cells in rows:
        group = (cells[by].strip() or "(tomt)") if by is not None else None
        respondents[group] += 1
        for fc in counts:
            raw = fc.field.answer(cells)
            if raw == BLANK:
                fc.blanks[group] += 1
                listed = fc.blank_respondents.setdefault(group, [])
                if len(listed) < MAX_LISTED:
                    who = cells[respondent].strip() if respondent is not None else ""
                    listed.append(who or f"rad {line}")
                continue
            if (group, raw) not in fc.answers and raw not in fc.private and has_identity_number(raw):
                fc.private[raw] = line
            fc.answers[(group, raw)] += 1
    return counts, respondents


def _chunks(rows: list[tuple[int, list[str]]], size: int):
    for start in range(0, len(rows), size):
        part = rows[start:start + size]
        yield [n for n, _ in part], [c for _, c in part]


@settings(max_examples=300, deadline=None)
@given(rows=_ROWS, size=st.integers(1, 7), by=st.sampled_from([None, 0, 2]),
       respondent=st.sampled_from([None, 0, 1]), repeat=st.integers(1, 3),
       wider=st.integers(0, 2))
def test_chunked_counting_equals_row_by_row(rows, size, by, respondent, repeat, wider) -> None:
    """Also with rows wider than the header by blank cells (the reader keeps those)."""
    rows = [row + [""] * (wider * (i % 2)) for i, row in enumerate(rows)]
    _check_counting(rows, size, by, respondent, repeat)


def _check_counting(rows, size, by, respondent, repeat) -> None:
    numbered = list(enumerate(rows * repeat, start=2))
    layout = Layout(name="t", header_rows=1, fields=tuple(FIELDS), headers=("",) * WIDTH)
    responses = Responses("x.csv", "r1", layout, _chunks(numbered, size))
    counted = count_round(responses, FIELDS, by, respondent)
    expected, respondents = reference(numbered, FIELDS, by, respondent)
    assert counted.respondents == respondents
    assert list(counted.respondents) == list(respondents)
    for got, want in zip(counted.fields, expected, strict=True):
        assert got.answers == want.answers
        assert list(got.answers) == list(want.answers)  # first-seen order, as before
        assert got.blanks == want.blanks
        assert got.blank_respondents == want.blank_respondents
        assert got.private == want.private


def test_blank_respondents_stop_at_the_limit() -> None:
    numbered = [(n, ["", "", "", "", "", ""]) for n in range(2, 2 + MAX_LISTED + 50)]
    layout = Layout(name="t", header_rows=1, fields=(FIELDS[0],), headers=("",) * WIDTH)
    counted = count_round(Responses("x", "r", layout, _chunks(numbered, 64)), [FIELDS[0]], None, None)
    assert counted.fields[0].blanks[None] == MAX_LISTED + 50
    assert counted.fields[0].blank_respondents[None] == [f"rad {n}" for n in range(2, 2 + MAX_LISTED)]


def naive_rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """The row-by-row reader the chunked one replaced."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    out = []
    previous = 0
    for cells in reader:
        start = previous + 1
        previous = reader.line_num
        if cells and cells[0].startswith("\ufeff"):
            cells[0] = cells[0][1:]
        if any(c.strip() for c in cells):
            out.append((start, cells))
    return out


_TEXT_ROWS = st.lists(st.lists(st.sampled_from(["", " ", "a", "Ja, delvis", "x\ny", "p\r\nq",
                                                "r\rs", "\u3000", '"']), max_size=4),
                      max_size=30)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=_TEXT_ROWS, size=st.integers(1, 6), newline=st.sampled_from(["\n", "\r\n"]),
       bom=st.booleans())
def test_chunked_reading_equals_row_by_row(rows, size, newline, bom) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator=newline).writerows(rows)
    text = ("\ufeff" if bom else "") + buffer.getvalue()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.csv"
        path.write_bytes(text.encode("utf-8"))
        problems: list = []
        got = [(n, cells) for lines, chunk in iter_csv_chunks(path, TextFormat("utf-8", ","), "x",
                                                                problems, size)
               for n, cells in zip(lines, chunk, strict=True)]
    assert problems == []
    assert got == naive_rows(text, ",")
