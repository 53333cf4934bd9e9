"""A matrix question as one block on its section sheet: a row per statement (and round).

The lines of the Word report's matrix table (`matrix.matrix_lines`), with the round in a
column of its own (each line stands alone, for a filter): the share of
each scale step stored as the exact fraction and shown with the Word report's precision,
the base and the blanks per statement, a change line in percentage points after each later
round, and the counts per step to the right, so they can be summed. With one round a
chart per matrix: as in the Word report a 100 % bar per statement split into the steps
(`matrix.step_colours`: dark to light blue, "Vet inte" grey), or for several choices per
statement a bar per step for each statement (Excel's own colours). With several rounds the statements' lines of one round are not
one range of cells, so there is no chart: the figures are all in the block. The "Data"
sheet keeps one row per statement and step.
"""

from __future__ import annotations

from typing import Any

from vastbus_cli.documents.alt_text import describe
from vastbus_cli.documents.cells import set_text
from vastbus_cli.survey.model import Matrix, Tally
from vastbus_cli.survey.render.common import (
    CHANGE_RULE_SHORT,
    MULTI_NOTE,
    change_header,
    round_labels,
)
from vastbus_cli.survey.render.matrix import (
    BASE,
    MISSING,
    ROUND,
    STATEMENT,
    matrix_blanks,
    matrix_kind,
    matrix_lines,
    scale,
    step_colours,
)
from vastbus_cli.survey.render.xlsx import (
    CHANGE_WIDTH,
    CHANGES,
    bar_chart,
    chart_height,
    chart_rows,
    heading_row,
    share_format,
    texts_note,
)


def matrix_block(sheet: Any, matrix: Matrix, tally: Tally, row: int) -> int:
    """The block from `row`; the row after it."""
    from openpyxl.chart import Reference
    from openpyxl.styles import Alignment, Font

    labels = round_labels(tally)
    set_text(sheet.cell(row, 1), matrix.text)
    sheet.cell(row, 1).font = Font(bold=True)
    set_text(sheet.cell(row + 1, 1),
             f"{', '.join(q.id for q in matrix.rows)} · {matrix_kind(matrix)}")
    header = row + 2
    several = len(labels) > 1
    first = 3 if several else 2  # the first step's share column
    steps = scale(matrix, None, labels)
    base, missing = first + len(steps), first + len(steps) + 1
    set_text(sheet.cell(header, 1), STATEMENT)
    if several:
        set_text(sheet.cell(header, 2), ROUND)
        sheet.column_dimensions["B"].width = CHANGE_WIDTH  # '(procentenheter)' on one line
    for index, step in enumerate(steps):
        set_text(sheet.cell(header, first + index), f"{step} andel")
        set_text(sheet.cell(header, missing + 1 + index), f"{step} antal")
    set_text(sheet.cell(header, base), BASE)
    set_text(sheet.cell(header, missing), MISSING)
    heading_row(sheet, header, {})
    lines = matrix_lines(matrix, None, labels, steps)
    for offset, line in enumerate(lines, start=1):
        at = header + offset
        set_text(sheet.cell(at, 1), line.statement or None)
        if several:
            set_text(sheet.cell(at, 2), line.round)
            if line.change:
                sheet.cell(at, 2).alignment = Alignment(wrap_text=True)
                sheet.row_dimensions[at].height = 30
        for index in range(len(steps)):
            if line.change and line.points is not None:
                if line.points[index] is not None:
                    set_text(sheet.cell(at, first + index), line.points[index])
                    sheet.cell(at, first + index).number_format = CHANGES[line.decimals]
                continue
            count = line.counts[index]
            if count is None or line.result is None or not line.result.answered:
                continue
            sheet.cell(at, first + index).value = count / line.result.answered
            sheet.cell(at, first + index).number_format = share_format(line.result)
            set_text(sheet.cell(at, missing + 1 + index), count)
        if line.result is not None:
            set_text(sheet.cell(at, base), line.result.answered)
            set_text(sheet.cell(at, missing), line.result.missing)
    last = header + len(lines)
    row = last + 1
    if several:
        set_text(sheet.cell(row, 1), f"{change_header(labels, 1)}: {CHANGE_RULE_SHORT}")
        row += 1
    if not several and steps:
        stacked = matrix.rows[0].kind != "multi"  # a single choice per statement: 100 %
        chart = bar_chart(matrix.text)
        for index in range(len(steps)):
            chart.add_data(Reference(sheet, min_col=first + index, min_row=header, max_row=last),
                           titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=1, min_row=header + 1, max_row=last))
        if stacked:  # as in the Word report: a bar per statement split into the steps
            chart.grouping, chart.overlap = "percentStacked", 100
            for series, colour in zip(chart.series, step_colours(steps), strict=True):
                series.graphicalProperties.solidFill = colour
                series.graphicalProperties.line.solidFill = colour
        bars = 1 if stacked else len(steps)
        chart.height = chart_height(len(lines), bars)
        chart.width = 18
        said = describe(matrix.text, [line.statement for line in lines],
                        [(step, [line.shares[index] for line in lines])
                         for index, step in enumerate(steps)], stacked=stacked)
        sheet.add_chart(chart, sheet.cell(header, missing + 2 + len(steps)).coordinate,
                        matrix.text, said)
        row = max(row, header + chart_rows(len(lines), bars))
    if matrix.rows[0].kind == "multi":
        set_text(sheet.cell(row, 1), MULTI_NOTE)
        row += 1
    for blank in matrix_blanks(matrix, None, labels):
        set_text(sheet.cell(row, 1), f"Obligatorisk fråga utan svar: {blank}")
        row += 1
    for question in matrix.rows:
        row = texts_note(sheet, question, [question.result(label, None) for label in labels],
                         row)
    return row
