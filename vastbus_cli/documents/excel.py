"""Excel workbooks: properties that stay as set, saved to bytes.

openpyxl's `Workbook.save` stamps "modified" with the current time; the
workbook is written through its `ExcelWriter` instead, so the properties say
the document's own date and a workbook made again later is the same.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from vastbus_cli.documents.properties import Properties, set_excel_properties


def put_row(ws: Any, row: int, values: list[Any],
            steps: Sequence[tuple[dict[str, Any], ...]]) -> None:
    """Cells `row`, 1… of `ws`: `set_text(cell, value)`, then each step of `steps[i]` as
    `cell.name = value` assignments (alignment, font, fill, number_format…), in order."""
    from vastbus_cli.render.cells import set_text

    for col, (value, cell_steps) in enumerate(zip(values, steps, strict=False), start=1):
        cell = ws.cell(row=row, column=col)
        set_text(cell, value)
        for step in cell_steps:
            for name, style in step.items():
                setattr(cell, name, style)


def save_workbook(workbook: Any, props: Properties | None = None) -> bytes:
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    if props is not None:
        set_excel_properties(workbook, props)
    buffer = io.BytesIO()
    with ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    return buffer.getvalue()
