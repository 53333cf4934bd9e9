"""Free-text scale (issue 19 item 6): every answer in the data formats, a capped list with a
Swedish note in documents and the terminal, and an Excel file streamed sheet by sheet."""

from __future__ import annotations

import io
import tracemalloc

import pytest
from openpyxl import load_workbook

from vastbus_cli.survey.model import QuestionResult, Result, RoundInfo, Tally, TextAnswer
from vastbus_cli.survey.render import render_bytes
from vastbus_cli.survey.render import xlsx as xlsx_render
from vastbus_cli.survey.render.common import MAX_SHOWN_ANSWERS

NOTE = ("Visar 200 av {n} olika svar, de vanligaste först; alla finns i Excel-, CSV- och "
        "JSON-utdata (t.ex. -o svar.xlsx).")


def _tally(answers: int) -> Tally:
    texts = [TextAnswer(text=f"=svar nummer {i}" if i == 7 else f"svar nummer {i}",
                        count=2 if i < 3 else 1) for i in range(answers)]
    result = Result(round="2026", group=None, answered=answers + 3, missing=0, answers=texts)
    question = QuestionResult(id="f1", text="Hur fungerar samverkan?", section=None,
                              kind="text", mandatory=False, results=[result])
    return Tally(survey="Enkät", rounds=[RoundInfo(label="2026", source="svar.csv",
                                                   respondents=answers + 3)],
                 questions=[question])


@pytest.mark.parametrize("fmt", ["md", "docx"])
def test_documents_list_the_first_answers_and_say_where_the_rest_are(fmt: str) -> None:
    data = render_bytes(_tally(300), fmt)
    if fmt == "docx":
        from docx import Document

        text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    else:
        text = data.decode()
    assert "svar nummer 199" in text and "svar nummer 200" not in text
    assert "svar nummer 0 (2 svar)" in text  # the most common first
    assert NOTE.format(n="300") in text.replace("*", "")


def test_the_terminal_lists_the_first_answers_and_says_so() -> None:
    from rich.console import Console

    from vastbus_cli.survey.render.table import print_tally

    console = Console(file=io.StringIO(), width=200, color_system=None)
    print_tally(_tally(300), console)
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "svar nummer 199" in shown and "svar nummer 200" not in shown
    assert NOTE.format(n="300") in shown


def test_no_note_when_every_answer_is_shown() -> None:
    text = render_bytes(_tally(MAX_SHOWN_ANSWERS), "md").decode()
    assert f"svar nummer {MAX_SHOWN_ANSWERS - 1}" in text and "Visar" not in text


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_data_formats_have_every_answer(fmt: str) -> None:
    data = render_bytes(_tally(300), fmt).decode()
    assert all(f"svar nummer {i}" in data for i in range(300))
    assert "Visar" not in data


def test_excel_has_every_answer_on_as_many_sheets_as_it_takes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_render, "MAX_ROWS", 101)  # a header and 100 answers a sheet
    workbook = load_workbook(io.BytesIO(render_bytes(_tally(250), "xlsx")))
    assert workbook.sheetnames == ["Frågor", "Data", "Fritext", "Fritext 2", "Fritext 3"]
    listed = []
    for name, rows in (("Fritext", 100), ("Fritext 2", 100), ("Fritext 3", 50)):
        values = list(workbook[name].iter_rows(values_only=True))
        assert values[0] == ("Omgång", "Grupp", "Fråge-id", "Fråga", "Svar", "Antal")
        assert len(values) == rows + 1
        assert workbook[name].freeze_panes == "A2"
        assert workbook[name].auto_filter.ref == f"A1:F{rows + 1}"
        listed += [v[4] for v in values[1:]]
    assert listed == [f"=svar nummer {i}" if i == 7 else f"svar nummer {i}" for i in range(250)]
    cell = workbook["Fritext"]["E9"]
    assert cell.value == "=svar nummer 7" and cell.data_type == "s"  # text, not a formula


def test_excel_with_exactly_a_full_sheet_has_no_empty_extra_sheet(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(xlsx_render, "MAX_ROWS", 101)
    workbook = load_workbook(io.BytesIO(render_bytes(_tally(100), "xlsx")))
    assert workbook.sheetnames == ["Frågor", "Data", "Fritext"]
    empty = load_workbook(io.BytesIO(render_bytes(_tally(0), "xlsx")))
    assert list(empty["Fritext"].iter_rows(values_only=True)) == [
        ("Omgång", "Grupp", "Fråge-id", "Fråga", "Svar", "Antal")]


def test_excel_streams_the_answers_instead_of_holding_a_cell_for_each() -> None:
    """20 000 answers: openpyxl's ordinary sheets held ~120 000 cell objects (tens of MB);
    the write-only sheets hold one row at a time."""
    tally = _tally(20_000)
    tracemalloc.start()
    try:
        render_bytes(tally, "xlsx")
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 12 * 2**20, peak


def test_tens_of_thousands_of_distinct_answers_are_free_text_without_segmenting_each(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from collections import Counter

    from vastbus_cli.survey import kinds
    from vastbus_cli.survey.spec import Kind

    def segment(*args: object) -> None:
        raise AssertionError("segmented")

    answers = Counter({f"Svar {i}, med komma": 1 for i in range(20_001)})
    monkeypatch.setattr(kinds, "segment", segment)
    assert kinds.decide("Hur fungerar samverkan?", answers, []).kind is Kind.text
    # many that recur, or fewer: segmented as before
    cut: list[int] = []
    monkeypatch.undo()
    real_segment = kinds.segment
    monkeypatch.setattr(kinds, "segment", lambda texts, sep: (cut.append(len(texts)),
                                                              real_segment(texts, sep))[1])
    kinds.decide("Vilka?", Counter({f"Svar {i}, med komma": 3 for i in range(20_001)}), [])
    kinds.decide("Vilka?", Counter({f"Svar {i}, med komma": 1 for i in range(20_000)}), [])
    assert cut == [20_001, 20_000]


def test_json_is_the_models_fields_written_piece_by_piece() -> None:
    import json

    from vastbus_cli.survey.model import as_json

    tally = _tally(20_000)
    expected = (json.dumps(as_json(tally), ensure_ascii=False, indent=2) + "\n").encode()
    tracemalloc.start()
    try:
        data = render_bytes(tally, "json")
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert data == expected
    # measured: 15.6 MiB with a dict per answer and a list of every piece, 5.8 MiB now
    assert peak < 9 * 2**20, peak
