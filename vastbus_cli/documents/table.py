"""A table as headers and rows of raw values: what Word, Excel and Markdown are given.

Word and Markdown show a cell through `cell_text` (Swedish number format, a
dash for an empty count); Excel writes the raw numbers so they can be summed
and charted. Trailing rows whose first cell is a totals label are the table's
totals: bold in Word, kept outside the sortable range in Excel.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from vastbus_cli.documents.numbers import count_cell, format_number, signed

Value = str | float | int | dt.date | None

#: A figure written as text: a share, a signed change or a dash for none.
_NUMBER = r"[+\u2212\u00b1-]?\d[\d\u00a0]*(?:,\d+)?(?:\u00a0?%)?"
_FIGURE = re.compile(rf"^(?:{_NUMBER}(?:[\u00a0 ]\({_NUMBER}\))?|\u2013)$")  # also "3 (43 %)"

#: First cells that mark a totals row (at the end of a table).
TOTAL_LABELS = frozenset({"Totalt", "Summa", "Saknas i antal grupper"})


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[Value]]
    dash_zero: bool = False  # a matrix of counts: show 0 as a dash
    signed: frozenset[int] = frozenset()  # columns of changes: shown as +3 / −2 / ±0
    left: bool = False  # a list of labelled values: everything left-aligned
    heads: frozenset[int] = frozenset()  # rows (0 = the first row) that head the rows below

    def numeric(self, column: int) -> bool:
        """A column of numbers (right-aligned in every format): counts, or beyond the first
        column figures already written as text ("43 %", "+14", "±0", "3 (43 %)", "–")."""
        if self.left:
            return False
        values = [row[column] for row in self.rows if row[column] not in (None, "")]
        if not values:
            return False
        if all(isinstance(v, (int, float)) for v in values):
            return True
        return column > 0 and all(isinstance(v, (int, float)) or (
            isinstance(v, str) and _FIGURE.match(v) is not None) for v in values) and any(
            isinstance(v, str) and v != "–" for v in values)

    def text_rows(self) -> list[list[str]]:
        return [[signed(v) if i in self.signed and isinstance(v, (int, float))
                 else cell_text(v, self.dash_zero) for i, v in enumerate(row)]
                for row in self.rows]

    @property
    def totals(self) -> int:
        """How many rows at the end are totals."""
        n = 0
        for row in reversed(self.rows):
            if not row or row[0] not in TOTAL_LABELS:
                break
            n += 1
        return n

    def without_empty_columns(self) -> Table:
        """The table without columns that hold nothing in any row (they look like a mistake)."""
        keep = [i for i in range(len(self.headers))
                if i == 0 or any(row[i] not in (None, "") for row in self.rows)]
        if len(keep) == len(self.headers):
            return self
        signed_cols = frozenset(keep.index(i) for i in self.signed if i in keep)
        return replace(self, headers=[self.headers[i] for i in keep],
                       rows=[[row[i] for i in keep] for row in self.rows], signed=signed_cols)


def cell_text(value: Value, dash_zero: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return count_cell(value) if dash_zero else format_number(value)
    return str(value)
