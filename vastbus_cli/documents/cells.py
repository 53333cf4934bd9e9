"""Safe text for spreadsheet cells and Markdown, shared by every renderer.

A value a user wrote must never become a formula: Excel evaluates a cell that
starts with `=`, `+`, `-` or `@` (and a leading tab or carriage return can
smuggle one in), and openpyxl turns a string starting with `=` into a formula.
Markdown output must not let user text open raw HTML or break a table.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Any

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def strip_illegal(text: str) -> str:
    """Remove characters XML (and so .xlsx and .docx) cannot carry, e.g. pasted control codes."""
    return _ILLEGAL_XML.sub("", text)


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_START)


def xlsx_value(value: Any) -> Any:
    """A value ready for an openpyxl cell: numbers stay numbers, text loses illegal characters.

    Use `set_text` to write it: that also keeps formula-like text a string.
    """
    if value is None or isinstance(value, (int, float, dt.date)):
        return value
    return strip_illegal(str(value))


def set_text(cell: Any, value: Any) -> None:
    """Write `value` into an openpyxl cell; text is stored as text, never as a formula."""
    value = xlsx_value(value)
    cell.value = value
    if isinstance(value, dt.date):
        cell.number_format = "yyyy-mm-dd"
    elif isinstance(value, str):
        cell.data_type = "s"  # openpyxl marks '=…' as 'f'; force plain text


def csv_text(value: Any) -> str:
    """Neutralise formula-like text for CSV (opened in Excel): prefix with an apostrophe."""
    text = "" if value is None else str(value)
    return "'" + text if is_formula_like(text) else text


_MD_INLINE = re.compile(r"[`*~\[]|\\(?=[!-/:-@\[-`{-~])|(?<!\w)_|_(?!\w)"
                        r"|<(?=[A-Za-z/!?])|&(?=#?\w+;)")
_MD_LINE_START = re.compile(
    r"^(\s*)(>|[#+-](?=\s|$)|-(?=[-\s]*$)|#{1,6}(?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))")

# every match of either pattern above starts with one of these (a line start, spaces, a mark)
_MD_MAYBE = re.compile(r"[`*~\[\\_<&]|^\s*[>#+\-\d]", re.MULTILINE)


def md_text(value: Any) -> str:
    """User text for Markdown, escaped only where it would change the rendering.

    Emphasis, code, links, raw HTML, entities and strikethrough are neutralised
    anywhere; headings, quotes and list markers only at the start of a line. A
    parenthesis, a plus or a hash inside a sentence stays as written, so the
    Markdown reads as plain text too.
    """
    text = strip_illegal("" if value is None else str(value))
    if not _MD_MAYBE.search(text):  # most texts: nothing either pattern could match
        return text
    return md_escape(text)


def md_escape(text: str) -> str:
    """`md_text` without its shortcut for text that needs no escaping."""
    text = _MD_INLINE.sub(lambda m: "\\" + m.group(0), text)
    return "\n".join(_MD_LINE_START.sub(_escape_start, line) for line in text.split("\n"))


def _escape_start(m: re.Match[str]) -> str:
    lead, mark = m.group(1), m.group(2)
    if mark.isdigit():  # "1." or "1)" starts a numbered list: escape the dot or bracket
        return f"{lead}{mark}\\"
    return f"{lead}\\{mark}"


def md_cell(value: Any) -> str:
    """User text for a Markdown table cell: escaped, `|` too, and line breaks cannot end the row."""
    return _md_cell("" if value is None else str(value))


@functools.lru_cache(maxsize=1 << 16)  # table cells repeat: numbers, dashes, group names
def _md_cell(text: str) -> str:
    return " ".join(md_text(text).replace("|", "\\|").split())
