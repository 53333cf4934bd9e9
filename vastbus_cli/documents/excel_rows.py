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


def sheet_data(ws: Any) -> bytes | None:
    """The inside of the sheet's `<sheetData>` as openpyxl would write it, or None."""
    from openpyxl.compat import safe_string
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.datetime import to_excel

    rows: dict[int, list[Any]] = {}
    for (row, _col), cell in sorted(ws._cells.items()):
        rows.setdefault(row, []).append(cell)
    dims = ws.row_dimensions
    if dims.keys() - rows.keys() or ws.parent.iso_dates:
        return None
    epoch = ws.parent.epoch
    style_ids = ws.parent._cell_styles
    known: dict[int, str | None] = {}  # id of a style array → its " s=…" (cells share arrays)
    letters: dict[int, str] = {}
    out: list[str] = []
    for row_idx in sorted(rows):
        attrs = {"r": f"{row_idx}"}
        attrs.update(dims.get(row_idx, {}))
        out.append("<row " + " ".join(f'{k}="{_attr(v)}"' for k, v in attrs.items()) + ">")
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
    if _NOT_XML.search(text):
        return None
    return text.encode("ascii", "xmlcharrefreplace")
