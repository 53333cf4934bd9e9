"""Excel workbooks: properties that stay as set, saved to bytes.

openpyxl's `Workbook.save` stamps "modified" with the current time; the
workbook is written through its `ExcelWriter` instead, so the properties say
the document's own date and a workbook made again later is the same.
"""

from __future__ import annotations

import io
from copy import copy
from typing import Any

from vastbus_cli.documents.properties import Properties, set_excel_properties


class CellStyles:
    """Styles set on many cells, each combination worked out once.

    Setting `cell.alignment = …` makes openpyxl hash the style object and compare
    it with the workbook's list of styles, slowly, on every cell. The same objects
    set on a cell with the same style always give the same style array (and add
    the same entries to the workbook's lists, in the same order, the first time),
    so after the first cell the array is copied. One instance per workbook; the
    style objects passed must not be changed afterwards.
    """

    def __init__(self) -> None:
        self._made: dict[tuple[Any, ...], Any] = {}
        self._keep: list[Any] = []  # the objects whose ids are in the keys stay alive

    def set(self, cell: Any, **styles: Any) -> None:
        """`cell.name = value` for each of `styles` (alignment, font, fill, number_format…)."""
        start = None if cell._style is None else tuple(cell._style)
        key = (start, *((name, id(value)) for name, value in styles.items()))
        made = self._made.get(key)
        if made is not None:
            cell._style = copy(made)
            return
        for name, value in styles.items():
            setattr(cell, name, value)
        self._made[key] = copy(cell._style)
        self._keep.append(styles)


def save_workbook(workbook: Any, props: Properties | None = None) -> bytes:
    from zipfile import ZIP_DEFLATED, ZipFile

    if props is not None:
        set_excel_properties(workbook, props)
    buffer = io.BytesIO()
    with ZipFile(buffer, "w", ZIP_DEFLATED, allowZip64=True) as archive:
        _writer(workbook, archive).save()
    return buffer.getvalue()


def _writer(workbook: Any, archive: Any) -> Any:
    """openpyxl's `ExcelWriter`, with each sheet's cells written by `excel_rows` when it can."""
    from pathlib import Path
    from zipfile import ZipInfo

    from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
    from openpyxl.worksheet._writer import WorksheetWriter
    from openpyxl.writer.excel import ExcelWriter

    from vastbus_cli.documents.excel_rows import PLACEHOLDER, sheet_data

    class SheetWriter(WorksheetWriter):
        fast_rows: bytes | None = None  # not `rows`: a WorksheetWriter method

        def write_rows(self) -> None:
            self.fast_rows = sheet_data(self.ws)
            if self.fast_rows is None:
                super().write_rows()
                return
            xf = self.xf.send(True)
            with xf.element("sheetData"):
                xf.write(PLACEHOLDER)
            self.xf.send(None)

    class Writer(ExcelWriter):
        def write_worksheet(self, ws: Any) -> None:  # openpyxl's, but for the SheetWriter
            if self.workbook.write_only:
                super().write_worksheet(ws)
                return
            ws._drawing = SpreadsheetDrawing()
            ws._drawing.charts = ws._charts
            ws._drawing.images = ws._images
            writer = SheetWriter(ws)
            writer.write()
            ws._rels = writer._rels
            if writer.fast_rows is None:
                self._archive.write(writer.out, ws.path[1:])
            else:
                data = Path(writer.out).read_bytes().replace(
                    f"<sheetData>{PLACEHOLDER}</sheetData>".encode(),
                    b"<sheetData>" + writer.fast_rows + b"</sheetData>", 1)
                info = ZipInfo.from_file(writer.out, ws.path[1:])
                self._archive.writestr(info, data, self._archive.compression,
                                       self._archive.compresslevel)
            self.manifest.append(ws)
            writer.cleanup()

    return Writer(workbook, archive)
