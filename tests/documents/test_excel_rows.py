"""`excel_rows.sheet_data` writes exactly the `<sheetData>` openpyxl writes (or declines)."""

from __future__ import annotations

import io
import re
import zipfile

from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from vastbus_cli.documents.excel import save_workbook
from vastbus_cli.render.cells import set_text

values = st.one_of(
    st.none(), st.integers(-10**12, 10**12), st.booleans(),
    st.floats(allow_nan=True, allow_infinity=True), st.dates(),
    st.text(st.sampled_from(list("ab å&<>\"' \r\n\t=+-@😀\x01")), max_size=8))


def _plain_save(wb: Workbook) -> bytes:
    from openpyxl.writer.excel import ExcelWriter

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).save()
    return buffer.getvalue()


def _sheets(data: bytes) -> list[bytes]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return [archive.read(n) for n in sorted(archive.namelist())
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", n)]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 4), values, st.integers(0, 3)),
                max_size=25),
       st.lists(st.tuples(st.integers(1, 6), st.integers(1, 3)), max_size=3),
       st.booleans())
def test_same_sheet_xml_as_openpyxl(cells: list[tuple[int, int, object, int]],
                                    heights: list[tuple[int, int]], raw: bool) -> None:
    books = []
    for _ in range(2):
        wb = Workbook()
        ws = wb.active
        styles = [None, Font(bold=True), Alignment(vertical="top"), "+0;-0;0"]
        for row, col, value, style in cells:
            cell = ws.cell(row=row, column=col)
            if raw and not isinstance(value, str):
                cell.value = value
            else:
                set_text(cell, value)
            if style == 1:
                cell.font = styles[1]
            elif style == 2:
                cell.alignment = styles[2]
            elif style == 3:
                cell.number_format = styles[3]
        for row, lines in heights:
            ws.row_dimensions[row].height = 15 * lines
        books.append(wb)
    assert _sheets(save_workbook(books[0])) == _sheets(_plain_save(books[1]))
