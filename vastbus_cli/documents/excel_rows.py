"""A worksheet's cells written as one string: what openpyxl writes, without its per-cell work.

openpyxl writes every cell through lxml's incremental writer (an element context,
an attribute dict and a text element per cell): most of the time of saving a
sheet of 100,000 cells. `sheet_data` writes the same `<sheetData>` as text for
the cells a report workbook holds (text, numbers, dates, empty styled cells),
and returns None for a sheet with anything else (formulas, rich text, comments,
hyperlinks, rows without cells, characters XML cannot carry), which openpyxl
then writes itself. A hypothesis test compares both writers.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

PLACEHOLDER = "vastbus-sheet-data"  # written inside <sheetData> by openpyxl, replaced after
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_PLAIN_TYPES = (str, int, float, dt.date)


def _escape(value: str) -> str:
    """Text as lxml writes it in an ASCII document."""
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))


def _attr(value: str) -> str:
    return (_escape(value).replace('"', "&quot;").replace("\n", "&#10;")
            .replace("\t", "&#9;"))


PENDING = "_vastbus_pending"  # a worksheet's rows kept as text by `CellStyles.write_row`
_MARK = "\x01"  # around a style's number in pending text; never in a cell's text (strip_illegal)


class Pending:
    """A worksheet's rows written by `CellStyles.write_row`: row → (its `<c>` elements with
    each style as a mark, the styles first seen in it, its number of cells, values, steps)."""

    def __init__(self, styles: Any, epoch: Any) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.utils.datetime import to_excel

        from vastbus_cli.documents.excel import _DATA_TYPES, _KEPT
        from vastbus_cli.render.cells import strip_illegal

        # what `row_cells` uses, imported once per sheet rather than once per row
        self.tools = (get_column_letter, to_excel, _DATA_TYPES, _KEPT, strip_illegal)
        self.styles = styles  # the CellStyles that made them (to make cells, `make_cells`)
        self.epoch = epoch
        self.rows: dict[int, tuple[str, list[tuple[str, Any]], int, Any, Any]] = {}
        self.marks: dict[int, tuple[str, Any]] = {}  # id of a style array → (mark, array)
        self.by_key: dict[tuple[str, int], tuple[str, Any]] = {}  # (type, id of steps) → mark
        self.tails: dict[str, str] = {}  # a text → its cell after `<c r=… s=…`
        self.letters: list[str] = []  # column number → letter (0 unused)


def row_cells(styles: Any, pending: Pending, ws: Any, row: int, values: list[Any],
              steps: list[Any]) -> tuple[str, list[tuple[str, Any]], int] | None:
    """The row's cells as `sheet_data` writes them, a style as its mark; None for a value
    `sheet_data` would not write itself (or a row it would not write at all)."""
    get_column_letter, to_excel, data_types, kept, strip_illegal = pending.tools
    out: list[str] = []
    new: list[tuple[str, Any]] = []
    marks, by_key, tails, letters = pending.marks, pending.by_key, pending.tails, pending.letters
    while len(letters) <= len(values):
        letters.append(get_column_letter(len(letters) or 1))
    width = 0
    for col, (value, cell_steps) in enumerate(zip(values, steps, strict=False), start=1):
        width = col
        cls = type(value)
        if cls is str or not (value is None or isinstance(value, kept)):  # xlsx_value, inline
            if cls is not str:
                value = strip_illegal(str(value))
            tail = tails.get(value)  # the same texts recur (groups, labels): worked out once
            if tail is None:
                tail = tails[value] = _text_tail(strip_illegal(value))
            kind = "s"
        elif value is None:
            kind, tail = "n", ' t="n"></c>'
        elif (cls is int or cls is float) and isinstance(value, (int, float)):  # (mypy)
            if cls is float and not math.isfinite(value):
                return None
            kind, tail = "n", f' t="n"><v>{value:.16g}</v></c>'  # openpyxl's safe_string
        elif data_types.get(cls) == "d" and getattr(value, "tzinfo", None) is None:
            kind, tail = "d", f' t="n"><v>{float(to_excel(value, pending.epoch)):.16g}</v></c>'
        else:  # bool, a subclass of int, a date with a time zone: the ordinary way
            return None
        seen = by_key.get((kind, id(cell_steps)))
        if seen is None:
            style = styles.style_array(ws, row, col, kind, value, cell_steps)
            seen = marks.get(id(style))
            if seen is None:
                mark = f"{_MARK}{len(marks)}{_MARK}" if style is not None and any(style) else ""
                seen = marks[id(style)] = (mark, style)
                new.append(seen)
            by_key[(kind, id(cell_steps))] = seen
        if value is None and not seen[0]:
            continue
        out.append(f'<c r="{letters[col]}{row}"{seen[0]}{tail}')
    if not out:
        return None
    return "".join(out), new, width


def _text_tail(value: str) -> str:
    """A text cell after its `<c r=… s=…`, as `sheet_data` writes it."""
    from vastbus_cli.documents.excel import MAX_TEXT

    value = value[:MAX_TEXT]
    if value == "":
        return ' t="inlineStr"></c>'
    space = ' xml:space="preserve"' if value != value.strip() else ""
    if "&" in value or "<" in value or ">" in value or "\r" in value:
        value = _escape(value)
    return f' t="inlineStr"><is><t{space}>{value}</t></is></c>'


def make_cells(ws: Any) -> None:
    """The pending rows as the cells `put_row` makes, for openpyxl's own writer."""
    pending: Pending | None = getattr(ws, PENDING, None)
    if pending is None:
        return
    delattr(ws, PENDING)
    for row, (*_, values, steps) in sorted(pending.rows.items()):
        pending.styles.put_row(ws, row, values, steps)


def dimension(ws: Any) -> str:
    """`ws.calculate_dimension()`, counting the pending rows' cells as well."""
    from openpyxl.utils import get_column_letter

    pending: Pending | None = getattr(ws, PENDING, None)
    if pending is None or not pending.rows:
        return str(ws.calculate_dimension())
    rows = {row for row, _ in ws._cells} | pending.rows.keys()
    cols = {col for _, col in ws._cells} | {1} | {p[2] for p in pending.rows.values()}
    return (f"{get_column_letter(min(cols))}{min(rows)}:"
            f"{get_column_letter(max(cols))}{max(rows)}")


def sheet_data(ws: Any) -> bytes | None:
    """The inside of the sheet's `<sheetData>` as openpyxl would write it, or None."""
    from openpyxl.compat import safe_string
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.datetime import to_excel

    rows: dict[int, list[Any]] = {}
    for (row, _col), cell in sorted(ws._cells.items()):
        rows.setdefault(row, []).append(cell)
    pending: Pending | None = getattr(ws, PENDING, None)
    text_rows = pending.rows if pending is not None else {}
    dims = ws.row_dimensions
    if dims.keys() - rows.keys() - text_rows.keys() or ws.parent.iso_dates:
        return None
    epoch = ws.parent.epoch
    if pending is not None and text_rows and (rows.keys() & text_rows.keys()
                                              or epoch != pending.epoch):
        return None
    marks: list[tuple[str, str]] = []
    escaped: dict[str, str] = {}  # a row attribute's value → escaped
    style_ids = ws.parent._cell_styles
    known: dict[int, str | None] = {}  # id of a style array → its " s=…" (cells share arrays)
    letters: dict[int, str] = {}
    out: list[str] = []
    for row_idx in sorted(rows.keys() | text_rows.keys()):
        # the row number has nothing to escape; a dimension's values recur (heights)
        attrs = [f'<row r="{row_idx}"']
        if row_idx in dims:
            for key, value in dims[row_idx]:  # never "r": not one of a dimension's fields
                text = escaped.get(value)
                if text is None:
                    text = escaped[value] = _attr(value)
                attrs.append(f' {key}="{text}"')
        out.append("".join(attrs) + ">")
        if row_idx in text_rows:
            text, first_seen, *_ = text_rows[row_idx]
            for mark, style in first_seen:
                if mark and id(style) not in known:
                    known[id(style)] = f' s="{style_ids.add(style)}"' if any(style) else None
                if mark:
                    marks.append((mark, known[id(style)] or ""))
            out.append(text + "</row>")
            continue
        written = False
        for cell in rows[row_idx]:
            value = cell._value
            if cell._comment is not None or cell._hyperlink is not None:
                return None
            style = cell._style
            s_attr = known.get(id(style)) if style is not None else None
            if style is not None and id(style) not in known:
                # what `cell.has_style` and `cell.style_id` give, adding to the workbook's
                # list of cell formats in the order openpyxl's writer would
                s_attr = f' s="{style_ids.add(style)}"' if any(style) else None
                known[id(style)] = s_attr
            if value is None and s_attr is None:
                continue
            kind = cell.data_type
            if kind == "f" or not (value is None or isinstance(value, _PLAIN_TYPES)):
                return None
            if isinstance(value, float) and not math.isfinite(value):
                return None
            written = True
            column = cell.column
            letter = letters.get(column)
            if letter is None:
                letter = letters[column] = get_column_letter(column)
            head = f'<c r="{letter}{row_idx}"{s_attr or ""}'
            if kind == "s":
                head += ' t="inlineStr"'
            elif kind == "d":
                if not isinstance(value, dt.date) or getattr(value, "tzinfo", None) is not None:
                    return None
                head += ' t="n"'
                value = to_excel(value, epoch)
            elif kind in ("n", "b", "e"):
                head += f' t="{kind}"'
            else:
                return None
            if value is None or value == "":
                out.append(head + "></c>")  # lxml's element context, never "/>"
            elif kind == "s":
                if not isinstance(value, str):
                    return None
                space = ' xml:space="preserve"' if value != value.strip() else ""
                if "&" in value or "<" in value or ">" in value or "\r" in value:
                    value = _escape(value)
                out.append(f"{head}><is><t{space}>{value}</t></is></c>")
            else:
                text = safe_string(value)  # a number's has nothing to escape
                out.append(f"{head}><v>{text if isinstance(value, (int, float)) else _escape(text)}"
                           "</v></c>")
        if not written:
            return None
        out.append("</row>")
    text = "".join(out)
    for mark, s_attr in marks:
        text = text.replace(mark, s_attr)
    if _NOT_XML.search(text):
        return None
    return text.encode("ascii", "xmlcharrefreplace")
