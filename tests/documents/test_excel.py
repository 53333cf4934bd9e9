"""The Excel layer on its own: rows streamed to a write-only sheet in styled cells."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font

from vastbus_cli.documents.excel import StyledRows, save_workbook

TOP = {"alignment": Alignment(vertical="top")}
BOLD = {"font": Font(bold=True)}


def test_each_row_keeps_its_own_values_in_the_columns_styles() -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Blad")
    rows = StyledRows(ws, [(TOP,), (TOP, BOLD), (TOP, {"number_format": "+0;-0;0"})])
    rows.append(["Skövde", 3, -2])
    rows.append(["=SUM(A1:A2)", None, 4])  # formula-like text stays text
    rows.append([dt.date(2026, 5, 20), "-Utbildning", 0])  # a date: its own cell and format
    rows.append(["Hjo"])  # a shorter row
    sheet = load_workbook(io.BytesIO(save_workbook(wb)))["Blad"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Skövde", 3, -2], ["=SUM(A1:A2)", None, 4],
        [dt.datetime(2026, 5, 20), "-Utbildning", 0], ["Hjo", None, None]]
    assert sheet["A2"].data_type == "s" and sheet["B3"].data_type == "s"
    assert sheet["A3"].number_format == "yyyy-mm-dd" and sheet["A4"].number_format == "General"
    for row in range(1, 4):
        assert sheet.cell(row, 1).alignment.vertical == "top"
        assert sheet.cell(row, 2).font.b and not sheet.cell(row, 1).font.b
        assert sheet.cell(row, 3).number_format == "+0;-0;0"
    assert sheet["B2"].font.b  # an empty cell keeps its column's style


def test_a_workbook_made_again_later_is_the_same_bytes() -> None:
    import time
    import zipfile

    from vastbus_cli.documents.properties import Properties

    props = Properties(title="Läget", author="Västbus", date=dt.date(2026, 5, 20))

    def made() -> bytes:
        wb = Workbook(write_only=True)
        StyledRows(wb.create_sheet("Blad"), [(TOP,)]).append(["Skövde"])
        return save_workbook(wb, props)

    first = made()
    members = zipfile.ZipFile(io.BytesIO(first)).infolist()
    assert {m.date_time for m in members} == {(2026, 5, 20, 0, 0, 0)}  # not the clock's time
    assert {m.compress_type for m in members} == {zipfile.ZIP_DEFLATED}
    time.sleep(0.01)
    assert made() == first
    assert load_workbook(io.BytesIO(first))["Blad"]["A1"].value == "Skövde"
