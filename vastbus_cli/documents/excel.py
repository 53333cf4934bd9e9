"""Excel workbooks: properties that stay as set, saved to bytes.

openpyxl's `Workbook.save` stamps "modified" with the current time; the
workbook is written through its `ExcelWriter` instead, so the properties say
the document's own date and a workbook made again later is the same.
"""

from __future__ import annotations

import io
from typing import Any

from vastbus_cli.documents.properties import Properties, set_excel_properties


def save_workbook(workbook: Any, props: Properties | None = None) -> bytes:
    from zipfile import ZIP_DEFLATED, ZipFile

    from openpyxl.writer.excel import ExcelWriter

    if props is not None:
        set_excel_properties(workbook, props)
    buffer = io.BytesIO()
    with ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    return buffer.getvalue()
