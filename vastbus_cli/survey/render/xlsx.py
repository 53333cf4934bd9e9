"""The tally as an Excel workbook: a sheet per section with a native bar chart per closed
question, and a long "Data" sheet for pivot tables.

Every text goes through `set_text`, so an answer like "=SUMMA(A1)" stays text.
Shares are stored as exact fractions, so Excel can compute and chart them without
rounding, and shown with the Word report's precision: whole percent below
`DECIMAL_BASE` answers ('0%'), one decimal from it ('0.0%'). The change is the
exact difference of the shares in percentage points, shown rounded as in the Word report
(`CHANGE_RULE`), so a recalculation from the shares beside it agrees. The "Data" sheet shows every share with one decimal. With `--by`, each closed question is
one cross-table (the groups across) with a clustered bar chart. A matrix question is one
block, a row per statement (`xlsx_matrix`). Free texts and
the "Annat" texts of closed questions are listed on a sheet of their own (more
sheets past Excel's 1 048 576 rows), every one of them.

The workbook is written with openpyxl's write-only worksheets, so a million free-text
answers stream to the file instead of becoming a million cell objects: the section
sheets (small) are laid out in a `_Grid` and sent in row order; the long sheets are
appended row by row.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from itertools import chain, islice
from typing import IO, Any

from vastbus_cli.documents.alt_text import describe
from vastbus_cli.documents.cells import set_text, xlsx_value
from vastbus_cli.documents.excel import ChartTexts, add_chart, write_workbook
from vastbus_cli.survey.model import Matrix, QuestionResult, Result, Tally, blocks
from vastbus_cli.survey.render.common import (
    LONG_HEADER,
    MULTI_NOTE,
    RANK_NOTE,
    SMALL_NOTE,
    STAT_LABELS,
    TEXT_HEADER,
    CrossColumn,
    blank_lines,
    change_decimals,
    change_header,
    cross_columns,
    cross_options,
    group_name,
    groups,
    is_cross,
    kind_name,
    long_rows,
    option_labels,
    option_share,
    rank_table,
    results_by_round,
    round_labels,
    sentence_case,
    share_decimals,
    shown_change,
    text_rows,
)

DATA_SHEET = "Data"
TEXT_SHEET = "Fritext"
SHARE = "0.0%"  # the Data sheet, and section sheets from DECIMAL_BASE answers
COLUMN_WIDTH = 12  # characters, the columns right of the options
CHANGE_WIDTH = 17  # characters: '(procentenheter)' in bold on one line
LINE_HEIGHT = 15  # points, a line of 11-point text
WHOLE_SHARE = "0%"  # section sheets below DECIMAL_BASE answers, as the Word report
CHANGES = ('+0;"−"0;"±"0', '+0.0;"−"0.0;"±"0.0')  # percentage points, whole or one decimal


def share_format(result: Result | None) -> str:
    """The number format that shows a share as the Word report does."""
    return SHARE if result and share_decimals(result.answered) else WHOLE_SHARE

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


MAX_ROWS = 1_048_576  # Excel's rows per sheet


class _Grid:
    """A section sheet laid out cell by cell (`cell(row, column)`, `sheet[row]`), then sent
    to its write-only sheet in row order by `flush`."""

    def __init__(self, sheet: Any, texts: ChartTexts) -> None:
        self.sheet = sheet
        self.texts = texts  # the workbook's charts' alternative text
        self.title = sheet.title
        self.column_dimensions = sheet.column_dimensions
        self.row_dimensions = sheet.row_dimensions
        self.cells: dict[tuple[int, int], Any] = {}

    def cell(self, row: int, column: int) -> Any:
        found = self.cells.get((row, column))
        if found is None:
            from openpyxl.cell import Cell

            found = self.cells[row, column] = Cell(self.sheet, row=row, column=column)
        return found

    def __getitem__(self, row: int) -> list[Any]:
        return [self.cells[key] for key in sorted(self.cells) if key[0] == row]

    def add_chart(self, chart: Any, anchor: str, title: str, description: str) -> None:
        add_chart(self.sheet, chart, anchor, self.texts, title, description)

    def flush(self) -> None:
        if not self.cells:
            return
        width = max(column for _row, column in self.cells)
        for row in range(1, max(row for row, _column in self.cells) + 1):
            self.sheet.append([self.cells.get((row, column)) for column in range(1, width + 1)])


def render(tally: Tally, report: object = None) -> bytes:
    buffer = io.BytesIO()
    write(tally, buffer, report)
    return buffer.getvalue()


def write(tally: Tally, out: IO[bytes], report: object = None) -> None:
    """The workbook saved to `out` (the output file itself, so a million answers' worth of
    compressed XML is never held in memory as well)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from vastbus_cli.documents.excel import ZIP_EPOCH
    from vastbus_cli.documents.properties import Properties

    workbook = Workbook(write_only=True)
    # the document's own properties and a fixed date: the same answers give the same bytes
    from vastbus_cli.survey.render.docx import ReportOptions

    options = report if isinstance(report, ReportOptions) else ReportOptions()
    properties = Properties(title=tally.survey, author=options.sender or "Västbus",
                            date=options.date or ZIP_EPOCH, subject="Enkätuppföljning",
                            keywords="enkät, uppföljning",
                            identifier=options.reference_number)
    used: set[str] = {DATA_SHEET.casefold(), TEXT_SHEET.casefold(), ABOUT_SHEET.casefold()}
    texts: ChartTexts = {}
    about = about_rows(tally, options)
    if about:
        _table_sheet(workbook.create_sheet(ABOUT_SHEET), ("Uppgift", "Text"), iter(about))
    for section, questions in tally.sections():
        sheet = _Grid(workbook.create_sheet(sheet_title(sentence_case(section), used)), texts)
        sheet.column_dimensions["A"].width = 48
        for index in range(2, 40):
            sheet.column_dimensions[get_column_letter(index)].width = COLUMN_WIDTH
        for index in range(1, len(tally.rounds)):  # 'Förändring' / '(procentenheter)'
            sheet.column_dimensions[get_column_letter(4 + 3 * index)].width = CHANGE_WIDTH
        row = 1
        set_text(sheet.cell(row, 1), tally.survey)
        sheet.cell(row, 1).font = Font(bold=True, size=14)
        row += 2
        for block in blocks(questions):
            if isinstance(block, Matrix):
                row = _matrix(sheet, block, tally, row) + 2
            else:
                row = _question(sheet, block, tally, row) + 2
        _print_setup(sheet.sheet)
        sheet.flush()
    _table_sheet(workbook.create_sheet(DATA_SHEET), excel_header((*LONG_HEADER[:-1], "andel")),
                 iter(long_rows(tally, texts=False)), share_column=len(LONG_HEADER))
    rows: Iterator[tuple[object, ...]] = text_rows(tally)
    title, number = TEXT_SHEET, 1
    # the first sheet even when empty (the section sheets point to it by name), then one
    # more for each 1 048 575 rows
    while _table_sheet(workbook.create_sheet(title), excel_header(TEXT_HEADER), rows):
        following = next(rows, None)
        if following is None:
            break
        rows = chain([following], rows)
        number += 1
        title = sheet_title(f"{TEXT_SHEET} {number}", used)
    write_workbook(workbook, out, properties, texts)  # the archive closed however the save ends


ABOUT_SHEET = "Om rapporten"


def about_rows(tally: Tally, options: Any) -> list[tuple[object, ...]]:
    """The first sheet, when the Word report's options are given with `-o x.xlsx`: the
    title facts and date, the background, the introduction and the conclusions, a line per
    row (nothing when none of them is given: the workbook is then the tables alone)."""
    from vastbus_cli.documents.markdown_text import plain_text
    from vastbus_cli.survey.render.docx import background_lines

    texts = (options.intro.strip() or options.conclusions.strip() or options.date
             or options.recipient or options.sender or options.reference_number)
    if not texts:
        return []
    rows: list[tuple[object, ...]] = [("Enkät", tally.survey)]
    rows += [(label, value) for label, value in (
        ("Till", options.recipient), ("Från", options.sender),
        ("Datum", options.date.isoformat() if options.date else ""),
        ("Diarienummer", options.reference_number)) if value]
    rows += [("Bakgrund" if i == 0 else "", line)
             for i, line in enumerate(background_lines(tally, options))]
    for title, source in (("Inledning", options.intro), ("Slutsatser", options.conclusions)):
        lines = plain_text(source) if source.strip() else []
        rows += [(title if i == 0 else "", line) for i, line in enumerate(lines)]
    return rows


def excel_header(names: tuple[str, ...]) -> tuple[str, ...]:
    """The long format's column names as a sheet's headers read: "Omgång", "Fråge-id"
    (CSV and JSON keep the lower-case names other tools key on)."""
    return tuple(name.replace("_", "-").capitalize() for name in names)


def _print_setup(sheet: Any) -> None:
    """A4 landscape, fit to one page wide, charts kept whole on a page where they fit."""
    sheet.page_setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4)
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = False


def _table_sheet(sheet: Any, header: tuple[str, ...], rows: Iterator[tuple[object, ...]],
                 share_column: int = 0) -> bool:
    """A long table for filters and pivot tables: bold frozen header, printed on every page
    (a screen reader and a printout both need the header with each row), an autofilter.

    Takes rows until the sheet is full: True when it is (`rows` may have more).
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    for index, width in enumerate((10, 18, 22, 50, 40, 8, 8, 10)[:len(header)], start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    bold = Font(bold=True)
    heading = []
    for text in header:
        cell = WriteOnlyCell(sheet, text)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    written = 1
    for values in islice(rows, MAX_ROWS - 1):
        line = [_value(sheet, v) for v in values]
        if share_column and values[share_column - 1] is not None:
            count, base = values[share_column - 3], values[share_column - 2]  # exact share
            share = WriteOnlyCell(sheet, count / base if base else None)  # type: ignore[operator]
            share.number_format = SHARE
            line[share_column - 1] = share
        sheet.append(line)
        written += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(header))}{max(written, 2)}"
    _print_setup(sheet)
    return written == MAX_ROWS


def _value(sheet: Any, value: object) -> Any:
    """A value for `append`: as it is, unless openpyxl would make it a formula ('=…')."""
    value = xlsx_value(value)
    if isinstance(value, str) and value.startswith("="):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(sheet)
        set_text(cell, value)
        return cell
    return value


def _matrix(sheet: Any, matrix: Matrix, tally: Tally, row: int) -> int:
    """One block for the matrix (`xlsx_matrix`); with --by, each statement's cross-table."""
    from vastbus_cli.survey.render.xlsx_matrix import matrix_block

    row = matrix_block(sheet, matrix, tally, row)
    for question in matrix.rows if tally.by else []:
        row = _question(sheet, question, tally, row + 1)
    return row


def _question(sheet: Any, question: QuestionResult, tally: Tally, row: int) -> int:
    from openpyxl.styles import Font

    labels = round_labels(tally)
    set_text(sheet.cell(row, 1), question.text)
    sheet.cell(row, 1).font = Font(bold=True)
    set_text(sheet.cell(row + 1, 1), f"{question.id} · {kind_name(question)}")
    row += 2
    if is_cross(question, tally):
        return _cross(sheet, question, tally, labels, row)
    for group in groups(tally):
        results = results_by_round(question, group, labels)
        if tally.by:
            set_text(sheet.cell(row, 1), group_name(group))
            sheet.cell(row, 1).font = Font(italic=True)
            row += 1
        if question.kind == "rank":
            row = _rank(sheet, results, labels, row)
        elif question.kind in ("single", "multi"):
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
        row = texts_note(sheet, question, results, row) + 1
    return row


def texts_note(sheet: Any, question: QuestionResult, results: list[Result | None], row: int) -> int:
    texts = sum(a.count for r in results if r for a in r.answers)
    if texts:
        word = "svar" if question.kind == "text" else "egna svar (Annat)"
        set_text(sheet.cell(row, 1), f"{texts} {word}: se bladet '{TEXT_SHEET}'.")
        row += 1
    return row


def _cross(sheet: Any, question: QuestionResult, tally: Tally, labels: list[str], row: int) -> int:
    """Per round: options down, per group a count and a share column; a clustered bar chart."""
    from openpyxl.styles import Font

    small = False
    for label in labels:
        columns = cross_columns(question, tally, label)
        if len(labels) > 1:
            set_text(sheet.cell(row, 1), label)
            sheet.cell(row, 1).font = Font(italic=True)
            row += 1
        header = row
        set_text(sheet.cell(header, 1), "Alternativ")
        for index, column in enumerate(columns):
            set_text(sheet.cell(header, 2 + 2 * index), f"{column.heading} antal")
            set_text(sheet.cell(header, 3 + 2 * index), f"{column.heading} andel")
        heading_row(sheet, header, {})
        options = cross_options(columns)
        for offset, option in enumerate(options, start=1):
            set_text(sheet.cell(header + offset, 1), option)
            for index, column in enumerate(columns):
                count, share = column.option(option)
                set_text(sheet.cell(header + offset, 2 + 2 * index), count)
                if share is not None:
                    cell = sheet.cell(header + offset, 3 + 2 * index)
                    cell.value = _fraction(count, column.result)
                    cell.number_format = share_format(column.result)
        last = header + len(options)
        set_text(sheet.cell(last + 1, 1), "Svarande (bas)")
        set_text(sheet.cell(last + 2, 1), "Ej svar")
        for index, column in enumerate(columns):
            if column.result:
                set_text(sheet.cell(last + 1, 2 + 2 * index), column.result.answered)
                set_text(sheet.cell(last + 2, 2 + 2 * index), column.result.missing)
        sheet.cell(last + 1, 1).font = Font(bold=True)
        if options:
            _cross_chart(sheet, f"{question.text} ({label})", header, last, columns)
        row = max(last + 4, header + chart_rows(len(options), len(columns)))
        small = small or any(c.small for c in columns)
        for line in blank_lines(question, None, [label]):
            set_text(sheet.cell(row, 1), f"Obligatorisk fråga utan svar från {line}")
            row += 1
    if question.kind == "multi":
        set_text(sheet.cell(row, 1), MULTI_NOTE)
        row += 1
    if small:
        set_text(sheet.cell(row, 1), SMALL_NOTE)
        row += 1
    return texts_note(sheet, question, [question.result(label, None) for label in labels], row)


def heading_row(sheet: Any, row: int, widths: dict[int, int]) -> None:
    """A table's headings bold and wrapped at word breaks ('Fyrbodal' / 'antal'), the row as
    high as its longest heading: Excel does not grow a row for wrapped text itself."""
    from openpyxl.styles import Alignment, Font

    lines = 1
    for cell in sheet[row]:
        cell.font = Font(bold=True)
        if cell.column > 1:
            cell.alignment = Alignment(wrap_text=True, vertical="bottom")
            lines = max(lines, _wrapped_lines(str(cell.value or ""),
                                              widths.get(cell.column, COLUMN_WIDTH)))
    sheet.row_dimensions[row].height = LINE_HEIGHT * lines


def _wrapped_lines(text: str, width: int) -> int:
    """Lines a heading takes when wrapped at word breaks in a column `width` characters wide
    (a character less for bold text)."""
    lines, used = 1, 0
    for word in text.split():
        if used and used + 1 + len(word) > width - 1:
            lines, used = lines + 1, len(word)
        else:
            used += (1 if used else 0) + len(word)
    return lines


def _percent(option: Any, result: Result | None) -> float | None:
    return None if option is None or result is None else option_share(option, result)


def _fraction(count: int | None, result: Result | None) -> float | None:
    if count is None or result is None or not result.answered:
        return None
    return count / result.answered


def chart_rows(options: int, series: int) -> int:
    """Rows a cross-table's chart covers (at 15 points a row), so the next block starts below."""
    return int(chart_height(options, series) / 0.53) + 2


def chart_height(options: int, series: int) -> float:
    return max(7.0, 0.35 * options * max(series, 2) + 3)


def _cross_chart(sheet: Any, title: str, header: int, last: int,
                 columns: list[CrossColumn]) -> None:
    """Clustered bars: one series per group whose base is large enough to show a share."""
    from openpyxl.chart import Reference

    shown = [i for i, c in enumerate(columns) if c.result is not None and not c.small]
    if not shown:
        return
    chart = bar_chart(title)
    for index in shown:
        chart.add_data(Reference(sheet, min_col=3 + 2 * index, min_row=header, max_row=last),
                       titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=header + 1, max_row=last))
    series_colours(chart)
    chart.height = chart_height(last - header, len(shown))
    chart.width = 18
    options = cross_options(columns)
    said = describe(title, options, [
        (columns[i].heading, [_fraction(columns[i].option(o)[0], columns[i].result)
                              for o in options]) for i in shown],
        formats=[share_format(columns[i].result) for i in shown])
    sheet.add_chart(chart, sheet.cell(header, 3 + 2 * len(columns)).coordinate, title, said)


def bar_chart(title: str) -> Any:
    from openpyxl.chart import BarChart

    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "clustered"
    chart.title = title if len(title) <= 80 else title[:79] + "…"
    chart.y_axis.title = "Andel"
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    chart.x_axis.delete = False  # openpyxl 3.1 hides axes unless told otherwise
    chart.y_axis.delete = False
    chart.x_axis.scaling.orientation = "maxMin"  # options top-down in the table's order
    chart.y_axis.crosses = "max"  # and the value axis stays at the bottom
    chart.x_axis.tickLblSkip = 1  # every option named, not every other one
    chart.legend.position = "b"  # below, the series left to right in the table's order
    return chart


def series_colours(chart: Any) -> None:
    """The Word report's colours: the rounds (or groups) light to dark blue, the latest
    darkest, never the application's default red for the second series."""
    from vastbus_cli.documents.colours import ramp

    for series, colour in zip(chart.series, reversed(ramp(len(chart.series))), strict=True):
        series.graphicalProperties.solidFill = colour
        series.graphicalProperties.line.solidFill = colour


def _options(sheet: Any, question: QuestionResult, results: list[Any], labels: list[str],
             row: int, chart: bool) -> int:

    header = row
    set_text(sheet.cell(header, 1), "Alternativ")
    for index, label in enumerate(labels):
        set_text(sheet.cell(header, 2 + 3 * index), f"{label} antal")
        set_text(sheet.cell(header, 3 + 3 * index), f"{label} andel")
        set_text(sheet.cell(header, 4 + 3 * index),
                 change_header(labels, index) if index else "")
    heading_row(sheet, header, {4 + 3 * index: CHANGE_WIDTH for index in range(1, len(labels))})
    options = option_labels(results)
    for offset, option in enumerate(options, start=1):
        set_text(sheet.cell(header + offset, 1), option)
        for index, result in enumerate(results):
            found = next((o for o in result.options if o.label == option), None) if result else None
            if found is None:
                continue
            set_text(sheet.cell(header + offset, 2 + 3 * index), found.count)
            sheet.cell(header + offset, 3 + 3 * index).value = _fraction(found.count, result)
            sheet.cell(header + offset, 3 + 3 * index).number_format = share_format(result)
            if not index:
                continue
            before = next((o for o in results[index - 1].options if o.label == option), None) \
                if results[index - 1] else None
            decimals = change_decimals(results, index)
            points = shown_change(_percent(before, results[index - 1]),
                                  _percent(found, result), decimals)
            if points is not None:
                set_text(sheet.cell(header + offset, 4 + 3 * index), points)
                sheet.cell(header + offset, 4 + 3 * index).number_format = CHANGES[decimals]
    last = header + len(options)
    set_text(sheet.cell(last + 1, 1), "Svarande (bas)")
    set_text(sheet.cell(last + 2, 1), "Ej svar")
    for index, result in enumerate(results):
        if result:
            set_text(sheet.cell(last + 1, 2 + 3 * index), result.answered)
            set_text(sheet.cell(last + 2, 2 + 3 * index), result.missing)
    if chart and options:
        said = describe(question.text, options, [
            (label, [_fraction(next((o.count for o in result.options if o.label == option), None),
                               result) if result else None for option in options])
            for label, result in zip(labels, results, strict=True)],
            formats=[share_format(result) for result in results])
        _chart(sheet, question.text, header, last, len(labels), said)
        return max(last + 3, header + chart_rows(len(options), len(labels)))
    return last + 3


def _chart(sheet: Any, title: str, header: int, last: int, rounds: int,
           description: str) -> None:
    from openpyxl.chart import Reference

    chart = bar_chart(title)
    for index in range(rounds):
        column = 3 + 3 * index
        chart.add_data(Reference(sheet, min_col=column, min_row=header, max_row=last),
                       titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=header + 1, max_row=last))
    series_colours(chart)
    chart.height = chart_height(last - header, rounds)
    chart.width = 16
    anchor = sheet.cell(header, 3 + 3 * rounds).coordinate
    sheet.add_chart(chart, anchor, title, description)


def _rank(sheet: Any, results: list[Result | None], labels: list[str], row: int) -> int:
    """Mean place (a number, two decimals) and first places per round."""
    from openpyxl.styles import Font

    headers, rows = rank_table(results, labels)
    for column, header in enumerate(headers, start=1):
        set_text(sheet.cell(row, column), header)
        sheet.cell(row, column).font = Font(bold=True)
    for offset, option in enumerate(r[0] for r in rows[:-1]):
        set_text(sheet.cell(row + 1 + offset, 1), option)
        for index, result in enumerate(results):
            found = next((o for o in result.options if o.label == option), None) if result else None
            if found is None:
                continue
            set_text(sheet.cell(row + 1 + offset, 2 + 2 * index), found.mean_rank)
            sheet.cell(row + 1 + offset, 2 + 2 * index).number_format = "0.00"
            set_text(sheet.cell(row + 1 + offset, 3 + 2 * index), found.count)
    last = row + len(rows)
    set_text(sheet.cell(last, 1), "Svarande (bas)")
    for index, result in enumerate(results):
        if result:
            set_text(sheet.cell(last, 2 + 2 * index), result.answered)
    set_text(sheet.cell(last + 1, 1), RANK_NOTE)
    return last + 2


def _stats(sheet: Any, results: list[Any], labels: list[str], row: int) -> int:
    for index, label in enumerate(labels):
        set_text(sheet.cell(row, 2 + index), label)
    for offset, (key, name) in enumerate(STAT_LABELS, start=1):
        set_text(sheet.cell(row + offset, 1), name)
        for index, result in enumerate(results):
            if result and result.stats:
                set_text(sheet.cell(row + offset, 2 + index), getattr(result.stats, key))
    return row + len(STAT_LABELS) + 1
