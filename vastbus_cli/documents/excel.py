"""Excel workbooks: rows streamed to write-only sheets, properties that stay as set, bytes.

The summary's workbook is made with `Workbook(write_only=True)`: each sheet is written
row by row as it is appended, so no cell objects are kept, and a row's cells are styled
once per column instead of once per cell (`StyledRows`). What a write-only sheet needs
before its first row (column widths, frozen panes, row heights) is set before appending.

openpyxl's `Workbook.save` stamps "modified" with the current time; the workbook is
written through its `ExcelWriter` instead, so the properties say the document's own
date, and its zip members carry that date too: a workbook made again later is the same,
byte for byte.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import IO, Any

from vastbus_cli.documents.properties import Properties, set_excel_properties

#: A cell's styling: `cell.name = value` assignments (alignment, font, fill,
#: number_format…), in order.
Steps = tuple[dict[str, Any], ...]

ZIP_EPOCH = dt.date(1980, 1, 1)  # the earliest date a zip member can carry


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
    """The workbook as .xlsx bytes; with `props`, the same bytes whenever it is made again.

    openpyxl stamps each zip member with the time it was written (write-only sheets with
    their temporary file's); the members are written uncompressed first, then compressed
    once into the result, each stamped with the document's date instead."""
    buffer = io.BytesIO()
    write_workbook(workbook, buffer, props)
    return buffer.getvalue()


def write_workbook(workbook: Any, target: IO[bytes], props: Properties | None = None) -> None:
    """`save_workbook` written to `target`, staged in a temporary file rather than in
    memory and copied member by member, so a survey's million answers are never held
    whole (the tally's Excel output streams)."""
    import shutil
    import tempfile
    from zipfile import ZIP_DEFLATED, ZIP_STORED, ZipFile, ZipInfo

    from openpyxl.writer.excel import ExcelWriter

    if props is not None:
        set_excel_properties(workbook, props)
    day = props.date if props is not None else ZIP_EPOCH
    stamp = (max(day.year, ZIP_EPOCH.year), day.month, day.day, 0, 0, 0)
    with tempfile.TemporaryFile() as staged:
        with ZipFile(staged, "w", ZIP_STORED, allowZip64=True) as archive:
            ExcelWriter(workbook, archive).save()
        staged.seek(0)
        with ZipFile(staged) as source, ZipFile(target, "w", ZIP_DEFLATED,
                                                allowZip64=True) as out:
            for member in source.infolist():
                info = ZipInfo(member.filename, date_time=stamp)
                info.compress_type = ZIP_DEFLATED
                info.external_attr = 0o600 << 16  # rw for the owner, as zipfile gives a text
                info.file_size = member.file_size  # a member past 2 GiB gets zip64 fields
                with source.open(member) as data, out.open(info, "w") as sink:
                    shutil.copyfileobj(data, sink, 1 << 20)
