"""Excel workbooks: rows streamed to write-only sheets, properties that stay as set, bytes.

The summary's workbook is made with `Workbook(write_only=True)`: each sheet is written
row by row as it is appended, so no cell objects are kept, and a row's cells are styled
once per column instead of once per cell (`StyledRows`). What a write-only sheet needs
before its first row (column widths, frozen panes, row heights) is set before appending.

openpyxl's `Workbook.save` stamps "modified" with the current time; the workbook is
written through its `ExcelWriter` instead, so the properties say the document's own
date, and its zip members carry that date too: a workbook made again later is the same,
byte for byte.

Every chart carries alternative text (issue 27): openpyxl has no API for a chart's
`descr` (it names each graphic frame "Chart n" and nothing more), so a renderer adds its
charts through `add_chart` with their text (`documents/alt_text.py`), and `save_workbook` /
`write_workbook` write it into each drawing's `xdr:cNvPr` on the way out.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Sequence
from typing import IO, Any

from vastbus_cli.documents.properties import Properties, set_excel_properties

#: A cell's styling: `cell.name = value` assignments (alignment, font, fill,
#: number_format…), in order.
Steps = tuple[dict[str, Any], ...]

ZIP_EPOCH = dt.date(1980, 1, 1)  # the earliest date a zip member can carry
SPOOL_BYTES = 32 * 1024 * 1024  # a staged workbook larger than this waits on disk

#: sheet title → its charts' (title, alternative text), in the order they were added
ChartTexts = dict[str, list[tuple[str, str]]]


def add_chart(ws: Any, chart: Any, anchor: str, texts: ChartTexts, title: str,
              description: str) -> None:
    """`chart` on `ws` at `anchor`, its title and alternative text kept for saving."""
    ws.add_chart(chart, anchor)
    texts.setdefault(ws.title, []).append((title, description))


def styled_cell(ws: Any, steps: Steps, value: Any = None) -> Any:
    """A write-only cell holding `value` (as `set_text` writes it), then styled by `steps`."""
    from openpyxl.cell import WriteOnlyCell

    from vastbus_cli.documents.cells import set_text

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

    A column without steps gets its plain values: openpyxl writes an unstyled value in
    about half the time of a styled cell (for the region's long Data sheet, ~45 000 of
    them). Only text that could become a formula goes in a cell marked as text.
    """

    def __init__(self, ws: Any, steps: Sequence[Steps]) -> None:
        self.ws = ws
        self.steps = list(steps)
        self.cells = [styled_cell(ws, s) if s else None for s in self.steps]

    def append(self, values: Sequence[Any]) -> None:
        from vastbus_cli.documents.cells import is_formula_like, set_text, xlsx_value

        row = []
        for value, cell, steps in zip(values, self.cells, self.steps, strict=False):
            if isinstance(value, dt.date):
                row.append(styled_cell(self.ws, steps, value))
            elif cell is not None:
                set_text(cell, value)
                row.append(cell)
            else:
                value = xlsx_value(value)
                plain = not (isinstance(value, str) and is_formula_like(value))
                row.append(value if plain else styled_cell(self.ws, steps, value))
        self.ws.append(row)


def save_workbook(workbook: Any, props: Properties | None = None,
                  texts: ChartTexts | None = None) -> bytes:
    """The workbook as .xlsx bytes; with `props`, the same bytes whenever it is made again."""
    buffer = io.BytesIO()
    write_workbook(workbook, buffer, props, texts)
    return buffer.getvalue()


def write_workbook(workbook: Any, out: IO[bytes], props: Properties | None = None,
                   texts: ChartTexts | None = None) -> None:
    """The workbook written to `out`, its charts described (`texts`).

    openpyxl stamps each zip member with the time it was written (write-only sheets with
    their temporary file's); the members are written uncompressed first (in memory, or on
    disk past `SPOOL_BYTES`), then compressed once into `out`, each stamped with the
    document's date instead."""
    import tempfile
    from zipfile import ZIP_DEFLATED, ZIP_STORED, ZipFile, ZipInfo

    if props is not None:
        set_excel_properties(workbook, props)
    day = props.date if props is not None else ZIP_EPOCH
    stamp = (max(day.year, ZIP_EPOCH.year), day.month, day.day, 0, 0, 0)
    with tempfile.SpooledTemporaryFile(SPOOL_BYTES) as staged:
        _write_archive(workbook, staged, ZIP_STORED)
        with ZipFile(staged) as source, ZipFile(out, "w", ZIP_DEFLATED, allowZip64=True) as zipped:
            described = _drawing_texts(source, texts or {})
            for member in source.infolist():
                info = ZipInfo(member.filename, date_time=stamp)
                info.compress_type = ZIP_DEFLATED
                info.external_attr = 0o600 << 16  # rw for the owner, as zipfile gives a text
                with source.open(member) as data, zipped.open(info, "w") as target:
                    if member.filename in described:
                        target.write(_describe(data.read(), described[member.filename]))
                    else:
                        shutil.copyfileobj(data, target, 1024 * 1024)


def _write_archive(workbook: Any, out: IO[bytes], compression: int) -> None:
    """The workbook written to `out` as `Workbook.save` would, the archive closed whatever
    happens.

    When the save stops half-way (a full disk, Ctrl-C, SIGTERM), openpyxl leaves its
    zip archive open; collected later, the archive tries to finish itself on a file
    that is gone and prints a `ZipFile.__del__` traceback after the Swedish message.
    Here the archive is closed on the way out, and a failure to close is the failure
    already being reported.
    """
    import contextlib
    from zipfile import ZipFile

    from openpyxl.writer.excel import ExcelWriter

    if not workbook.worksheets:
        workbook.create_sheet()
    archive = ZipFile(out, "w", compression, allowZip64=True)
    try:
        ExcelWriter(workbook, archive).save()
    except BaseException:
        with contextlib.suppress(Exception):
            archive.close()
        raise
    archive.close()


def _drawing_texts(package: Any, texts: ChartTexts) -> dict[str, list[tuple[str, str]]]:
    """Drawing part → its sheet's chart texts: sheet names through the workbook's and the
    sheets' relationships (the parts as any .xlsx has them)."""
    import posixpath

    from lxml import etree

    def targets(part: str) -> dict[str, tuple[str, str]]:
        """Relationship id → (type, the target's member name) of `part`."""
        folder, name = posixpath.split(part)
        rels = posixpath.join(folder, "_rels", name + ".rels")
        if rels not in package.namelist():
            return {}
        found = {}
        for rel in etree.fromstring(package.read(rels)):
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join(folder, target))
            found[rel.get("Id")] = (rel.get("Type", ""), path)
        return found

    if not texts:
        return {}
    sheets = targets("xl/workbook.xml")
    book = etree.fromstring(package.read("xl/workbook.xml"))
    described = {}
    for sheet in book.iter(f"{{{_MAIN}}}sheet"):
        said = texts.get(sheet.get("name", ""))
        part = sheets.get(sheet.get(f"{{{_REL}}}id", ""))
        if not said or part is None:
            continue
        for kind, drawing in targets(part[1]).values():
            if kind.endswith("/drawing"):
                described[drawing] = said
    return described


def _describe(xml: bytes, texts: list[tuple[str, str]]) -> bytes:
    """A drawing part whose charts' frames (in order) carry their title and description."""
    from lxml import etree

    from vastbus_cli.documents.cells import strip_illegal

    root = etree.fromstring(xml)
    frames = root.iter(f"{{{_XDR}}}graphicFrame")
    for frame, (title, description) in zip(frames, texts, strict=False):
        names = frame.find(f"{{{_XDR}}}nvGraphicFramePr/{{{_XDR}}}cNvPr")
        if names is not None:
            names.set("title", strip_illegal(title))
            names.set("descr", strip_illegal(description))
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return data


_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
