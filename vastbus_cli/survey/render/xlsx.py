"""The tally as an Excel workbook: a sheet per section with a native bar chart per closed
question, and a long "Data" sheet for pivot tables.

Every text goes through `set_text`, so an answer like "=SUMMA(A1)" stays text.
Shares are stored as numbers (percent, one decimal) so they can be charted.
"""

from __future__ import annotations

import io
import re
from typing import Any

from vastbus_cli.render.cells import set_text
from vastbus_cli.survey.model import QuestionResult, Tally
from vastbus_cli.survey.render.common import (
    LONG_HEADER,
    MULTI_NOTE,
    STAT_LABELS,
    blank_lines,
    group_name,
    groups,
    kind_name,
    long_rows,
    option_labels,
    results_by_round,
    round_labels,
)

DATA_SHEET = "Data"
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_title(name: str, used: set[str]) -> str:
    """A valid, unique sheet name: no []:*?/\\, at most 31 characters."""
    base = _BAD_SHEET_CHARS.sub(" ", name).strip()[:31] or "Frågor"
    title, n = base, 2
    while title.casefold() in used:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.casefold())
    return title


def render(tally: Tally) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = {DATA_SHEET.casefold()}
    for section, questions in tally.sections():
        sheet = workbook.create_sheet(sheet_title(section, used))
        sheet.column_dimensions["A"].width = 48
        for index in range(3 * len(tally.rounds)):
            sheet.column_dimensions[get_column_letter(2 + index)].width = 14
        row = 1
        set_text(sheet.cell(row, 1), tally.survey)
        sheet.cell(row, 1).font = Font(bold=True, size=14)
        row += 2
        for question in questions:
            row = _question(sheet, question, tally, row) + 2
    data = workbook.create_sheet(DATA_SHEET)
    data.append(list(LONG_HEADER))
    for values in long_rows(tally):
        data.append([None] * len(values))
        for column, value in enumerate(values, start=1):
            set_text(data.cell(data.max_row, column), value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _question(sheet: Any, question: QuestionResult, tally: Tally, row: int) -> int:
    from openpyxl.styles import Font

    labels = round_labels(tally)
    set_text(sheet.cell(row, 1), question.text)
    sheet.cell(row, 1).font = Font(bold=True)
    set_text(sheet.cell(row + 1, 1), f"{question.id} · {kind_name(question)}")
    row += 2
    for group in groups(tally):
        results = results_by_round(question, group, labels)
        if tally.by:
            set_text(sheet.cell(row, 1), group_name(group))
            sheet.cell(row, 1).font = Font(italic=True)
            row += 1
        if question.kind in ("single", "multi"):
            row = _options(sheet, question, results, labels, row, chart=group is None)
        elif question.kind == "number":
            row = _stats(sheet, results, labels, row)
        else:
            for label, result in zip(labels, results, strict=False):
                if result:
                    set_text(sheet.cell(row, 1), f"{label}: {result.answered} svar, "
                                                 f"{result.missing} utan svar")
                    row += 1
        if question.kind == "multi":
            set_text(sheet.cell(row, 1), MULTI_NOTE)
            row += 1
        for line in blank_lines(question, group, labels):
            set_text(sheet.cell(row, 1), f"Obligatorisk fråga utan svar från {line}")
            row += 1
        for result in results:
            if not result or not result.answers:
                continue
            word = "Svar" if question.kind == "text" else "Egna svar (Annat)"
            set_text(sheet.cell(row, 1), f"{word} {result.round}:")
            sheet.cell(row, 1).font = Font(italic=True)
            row += 1
            for answer in result.answers:
                set_text(sheet.cell(row, 1), answer.text)
                if answer.count > 1:
                    set_text(sheet.cell(row, 2), f"{answer.count} svar")
                row += 1
        row += 1
    return row


def _options(sheet: Any, question: QuestionResult, results: list[Any], labels: list[str],
             row: int, chart: bool) -> int:
    from openpyxl.styles import Font

    header = row
    set_text(sheet.cell(header, 1), "Alternativ")
    for index, label in enumerate(labels):
        set_text(sheet.cell(header, 2 + 3 * index), f"{label} antal")
        set_text(sheet.cell(header, 3 + 3 * index), f"{label} andel (%)")
        set_text(sheet.cell(header, 4 + 3 * index),
                 "förändring (p.e.)" if index else "")
    for cell in sheet[header]:
        cell.font = Font(bold=True)
    options = option_labels(results)
    for offset, option in enumerate(options, start=1):
        set_text(sheet.cell(header + offset, 1), option)
        for index, result in enumerate(results):
            found = next((o for o in result.options if o.label == option), None) if result else None
            if found is None:
                continue
            set_text(sheet.cell(header + offset, 2 + 3 * index), found.count)
            set_text(sheet.cell(header + offset, 3 + 3 * index), found.percent)
            sheet.cell(header + offset, 3 + 3 * index).number_format = "0.0"
            if index and found.change is not None:
                set_text(sheet.cell(header + offset, 4 + 3 * index), found.change)
                sheet.cell(header + offset, 4 + 3 * index).number_format = "+0.0;-0.0;0.0"
    last = header + len(options)
    set_text(sheet.cell(last + 1, 1), "Svarande (bas)")
    set_text(sheet.cell(last + 2, 1), "Ej svar")
    for index, result in enumerate(results):
        if result:
            set_text(sheet.cell(last + 1, 2 + 3 * index), result.answered)
            set_text(sheet.cell(last + 2, 2 + 3 * index), result.missing)
    if chart and options:
        _chart(sheet, question.text, header, last, len(labels))
    return last + 3


def _chart(sheet: Any, title: str, header: int, last: int, rounds: int) -> None:
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "bar"
    chart.title = title if len(title) <= 80 else title[:79] + "…"
    chart.y_axis.title = "Andel (%)"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.x_axis.delete = False  # openpyxl 3.1 hides axes unless told otherwise
    chart.y_axis.delete = False
    chart.x_axis.scaling.orientation = "maxMin"  # options top-down in the table's order
    chart.y_axis.crosses = "max"  # and the value axis stays at the bottom
    for index in range(rounds):
        column = 3 + 3 * index
        chart.add_data(Reference(sheet, min_col=column, min_row=header, max_row=last),
                       titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=header + 1, max_row=last))
    chart.height = max(6.0, 1.2 * (last - header) + 3)
    chart.width = 16
    anchor = sheet.cell(header, 3 + 3 * rounds).coordinate
    sheet.add_chart(chart, anchor)


def _stats(sheet: Any, results: list[Any], labels: list[str], row: int) -> int:
    for index, label in enumerate(labels):
        set_text(sheet.cell(row, 2 + index), label)
    for offset, (key, name) in enumerate(STAT_LABELS, start=1):
        set_text(sheet.cell(row + offset, 1), name)
        for index, result in enumerate(results):
            if result and result.stats:
                set_text(sheet.cell(row + offset, 2 + index), getattr(result.stats, key))
    return row + len(STAT_LABELS) + 1
