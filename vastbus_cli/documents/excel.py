"""Excel workbooks: properties that stay as set, saved to bytes.

openpyxl's `Workbook.save` stamps "modified" with the current time; the
workbook is written through its `ExcelWriter` instead, so the properties say
the document's own date and a workbook made again later is the same.
"""

from __future__ import annotations

import datetime as dt
import io
from copy import copy
from typing import Any

from vastbus_cli.documents.excel_rows import PENDING, Pending, row_cells
from vastbus_cli.documents.properties import Properties, set_excel_properties

#: What openpyxl stores a value of each type as, once `set_text` has made it a cell's value
#: (text is always text, never a formula); other types go through openpyxl itself
_DATA_TYPES: dict[type, str] = {type(None): "n", bool: "b", int: "n", float: "n", str: "s",
                                dt.date: "d", dt.datetime: "d"}
MAX_TEXT = 32767  # openpyxl keeps this much of a text
_KEPT = (int, float, dt.date)  # what xlsx_value leaves as it is (None too)


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
        self._arrays: dict[tuple[Any, ...], Any] = {}  # put_row: (type, steps) → array
        self._keep: list[Any] = []  # the objects whose ids are in the keys stay alive

    def set(self, cell: Any, **styles: Any) -> None:
        """`cell.name = value` for each of `styles` (alignment, font, fill, number_format…)."""
        start = None if cell._style is None else tuple(cell._style)
        key = (start, *((name, id(value)) for name, value in styles.items()))
        made = self._made.get(key)
        if made is not None:
            cell._style = copy(made)
            return
        if cell._style is not None:  # the array may be shared (`put_row`): change a copy
            cell._style = copy(cell._style)
        for name, value in styles.items():
            setattr(cell, name, value)
        self._made[key] = copy(cell._style)
        self._keep.append(styles)

    def put_row(self, ws: Any, row: int, values: list[Any],
                steps: list[tuple[dict[str, Any], ...]]) -> None:
        """Cells `row`, 1… of `ws` as `set_text(cell, value)` and then `set(cell, **step)`
        for each step of `steps[i]` would leave them, made directly: no per-cell checks
        and descriptors. Pass the same tuple of steps for alike cells (it keys the style
        array, which such cells share; `set` copies before changing one). A value of
        another type than text, number, date or None goes the ordinary way."""
        from openpyxl.cell.cell import Cell

        from vastbus_cli.render.cells import set_text, strip_illegal

        cells = ws._cells
        for col, (value, cell_steps) in enumerate(zip(values, steps, strict=False), start=1):
            if value is not None and not isinstance(value, _KEPT):  # xlsx_value, inline
                value = strip_illegal(str(value))
            kind = _DATA_TYPES.get(type(value))
            if kind is None:
                cell = ws.cell(row=row, column=col)
                set_text(cell, value)
                for step in cell_steps:
                    self.set(cell, **step)
                continue
            style = self.style_array(ws, row, col, kind, value, cell_steps)
            cell = Cell.__new__(Cell)
            cell.parent, cell.row, cell.column = ws, row, col
            cell._value = value[:MAX_TEXT] if kind == "s" else value
            cell.data_type, cell._style = kind, style
            cell._hyperlink = cell._comment = None
            cells[(row, col)] = cell
        ws._current_row = max(ws._current_row, row)

    def write_row(self, ws: Any, row: int, values: list[Any],
                  steps: list[tuple[dict[str, Any], ...]]) -> None:
        """What `put_row` would make, kept as the row's `<c>` elements (text) until the
        sheet is saved (`excel_rows.sheet_data`): no cell objects at all. A row below the
        sheet's cells only; a row with another type of value (or none) goes to `put_row`.
        Such rows are made cells after all if the sheet is written by openpyxl itself."""
        pending: Pending | None = getattr(ws, PENDING, None)
        if pending is None:
            pending = Pending(self, ws.parent.epoch)
            setattr(ws, PENDING, pending)
        made = None
        if row > ws._current_row and row not in pending.rows and values and steps:
            made = row_cells(self, pending, ws, row, values, steps)
        if made is None:
            self.put_row(ws, row, values, steps)
            return
        pending.rows[row] = (*made, values, steps)

    def style_array(self, ws: Any, row: int, col: int, kind: str, value: Any,
                    cell_steps: tuple[dict[str, Any], ...]) -> Any:
        """The style array `put_row` gives a cell of this type and these steps."""
        from openpyxl.cell.cell import Cell

        from vastbus_cli.render.cells import set_text

        key = (kind, id(cell_steps))  # callers pass the same tuples for alike cells
        style = self._arrays.get(key)
        if style is None:  # the first such cell: made the ordinary way, its array kept
            cell = Cell(ws, row=row, column=col)
            set_text(cell, value)
            for step in cell_steps:
                self.set(cell, **step)
            self._arrays[key] = style = cell._style
            self._keep.append(cell_steps)
        return style


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
    from openpyxl.worksheet.dimensions import SheetDimension
    from openpyxl.writer.excel import ExcelWriter

    from vastbus_cli.documents.excel_rows import PLACEHOLDER, dimension, make_cells, sheet_data

    class SheetWriter(WorksheetWriter):
        fast_rows: bytes | None = None  # not `rows`: a WorksheetWriter method

        def write_dimensions(self) -> None:
            self.xf.send(SheetDimension(dimension(self.ws)).to_tree())

        def write_rows(self) -> None:
            self.fast_rows = sheet_data(self.ws)
            if self.fast_rows is None:
                make_cells(self.ws)
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
