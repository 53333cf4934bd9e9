"""Layer 1: how many of the first rows are headings, found from the cells, whatever the tool.

A question over several columns is written once above its first column, and the row below
names each column (an option, a matrix row): so a row whose cells label columns under blank
cells of the row above, the question being the nearest non-empty cell to its left, is a header
row too. A data row is told apart by its cells under the one-column questions: a header row
leaves them blank (or says "Response"), a respondent fills most of them.
"""

from __future__ import annotations

MAX_HEADER_ROWS = 3


def header_rows(rows: list[list[str]]) -> int:
    """The number of header rows (1–3) at the top of `rows` (already padded to one width)."""
    count = 1
    while count < min(MAX_HEADER_ROWS, len(rows)) and _labels_below(rows[count - 1], rows[count]):
        count += 1
    return count


def _labels_below(top: list[str], row: list[str]) -> bool:
    spanned = 0  # cells of `row` under a blank top cell with a question to its left
    single = filled_single = 0  # one-column questions of `top`, and cells of `row` under them
    started = False
    for index, (above, cell) in enumerate(zip(top, row, strict=False)):
        if above:
            started = True
            next_blank = index + 1 < len(top) and not top[index + 1]
            if not next_blank:
                single += 1
                filled_single += bool(cell)
        elif started and cell:
            spanned += 1
    return spanned >= 1 and 3 * filled_single <= single
