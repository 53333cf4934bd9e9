"""XLSX → rows, streamed with openpyxl in read-only mode.

The stored sheet dimension is often wrong in files written by survey tools
(it can claim A1:A1), so it is reset before reading. Date and time cells are
returned as `DateText`: they are timestamps, never answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from vastbus_cli.problems import Problem, error
from vastbus_cli.survey.readers.limits import (
    MAX_COLUMNS,
    MAX_ROWS,
    dimension_problem,
    xlsx_problem,
)

Row = tuple[int, list[str]]


class DateText(str):
    """A cell Excel stored as a date or time; counted as metadata, never as an answer."""


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return DateText(value.isoformat())
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def iter_xlsx_rows(path: Path, sheet: str | None, name: str,
                   problems: list[Problem]) -> Iterator[Row]:
    refused = xlsx_problem(path, name)
    if refused is not None:
        problems.append(refused)
        return
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many types on damaged files; all mean "cannot read"
        problems.append(error(name, 0, 0, "inte-xlsx", "Filen kan inte läsas som Excel-fil (.xlsx).",
                              "Öppna filen i Excel och spara den på nytt som .xlsx, "
                              "eller exportera svaren som CSV."))
        return
    try:
        if sheet is None:
            worksheet = workbook.worksheets[0]
        elif sheet in workbook.sheetnames:
            worksheet = workbook[sheet]
        else:
            problems.append(error(name, 0, 0, "blad-saknas", f"Bladet '{sheet}' finns inte.",
                                  "Bladen i filen: " + ", ".join(workbook.sheetnames) + "."))
            return
        refused = dimension_problem(name, *_declared_size(worksheet))
        if refused is not None:
            problems.append(refused)
            return
        worksheet.reset_dimensions()
        rows = enumerate(worksheet.iter_rows(values_only=True), start=1)
        while True:
            try:
                number, values = next(rows)
            except StopIteration:
                return
            except Exception:  # a damaged sheet part; report where reading stopped
                problems.append(error(name, 0, 0, "inte-xlsx",
                                      "Bladet i Excel-filen är skadat och kan inte läsas.",
                                      "Öppna filen i Excel och spara den på nytt."))
                return
            refused = dimension_problem(name, number if number > MAX_ROWS else None,
                                        len(values) if len(values) > MAX_COLUMNS else None)
            if refused is not None:
                problems.append(refused)
                return
            cells = [cell_text(v) for v in values]
            if any(c.strip() for c in cells):
                yield number, cells
    finally:
        workbook.close()


def _declared_size(worksheet: Any) -> tuple[int | None, int | None]:
    """The rows and columns the sheet's stored dimension claims (often wrong, never trusted
    to be small, but a claim beyond the limits is refused before reading)."""
    try:
        return worksheet.max_row, worksheet.max_column
    except Exception:  # a malformed dimension: the streaming count still applies
        return None, None
