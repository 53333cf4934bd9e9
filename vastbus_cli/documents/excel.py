"""Excel workbooks: rows streamed to write-only sheets, properties that stay as set, bytes.

The summary's workbook is made with `Workbook(write_only=True)`: each sheet is written
row by row as it is appended, so no cell objects are kept, and a row's cells are styled
once per column instead of once per cell (`StyledRows`). What a write-only sheet needs
before its first row (column widths, frozen panes, row heights) is set before appending.

openpyxl's `Workbook.save` stamps "modified" with the current time; the workbook is
written through its `ExcelWriter` instead, so the properties say the document's own
date and a workbook made again later is the same.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from vastbus_cli.documents.properties import Properties, set_excel_properties

#: A cell's styling: `cell.name = value` assignments (alignment, font, fill,
#: number_format…), in order.
Steps = tuple[dict[str, Any], ...]


def styled_cell(ws: Any, steps: Steps, value: Any = None) -> Any:
    """A write-only cell holding `value` (as `set_text` writes it), then styled by `steps`."""
    from openpyxl.cell import WriteOnlyCell

    from vastbus_cli.render.cells import set_text

    cell = WriteOnlyCell(ws)
    set_text(cell, value)
    for step in steps:
        for name, style in step.items():
            setattr(cell, name, style)
    return cell


class StyledRows:
    """Rows appended to the write-only sheet `ws`, column `i` styled by `steps[i]`.

    A write-only sheet writes a row out when it is appended, so one styled cell per
    column serves every row: it is given the row's value (`set_text`: text stays text)
    and appended again. openpyxl matches each style set on a cell by hashing it; styling
    once per column instead of once per cell saves ~145 000 of those for the region's
    420 reports. A date gets a cell of its own (`set_text` gives it a date format).
    """

    def __init__(self, ws: Any, steps: Sequence[Steps]) -> None:
        self.ws = ws
        self.steps = list(steps)
        self.cells = [styled_cell(ws, s) for s in self.steps]

    def append(self, values: Sequence[Any]) -> None:
        from vastbus_cli.render.cells import set_text

        row = []
        for value, cell, steps in zip(values, self.cells, self.steps, strict=False):
            if isinstance(value, dt.date):
                row.append(styled_cell(self.ws, steps, value))
                continue
            set_text(cell, value)
            row.append(cell)
        self.ws.append(row)


def save_workbook(workbook: Any, props: Properties | None = None) -> bytes:
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    if props is not None:
        set_excel_properties(workbook, props)
    buffer = io.BytesIO()
    with ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    return buffer.getvalue()
