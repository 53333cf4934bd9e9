"""The only place vastbus reaches into python-docx's private names, and why.

python-docx has no API for what our documents need beyond plain paragraphs and
tables: Word fields (PAGE, TOC), internal and web links, a table of contents
filled in after the headings, keeping a table with the paragraph after it, and
native charts. Those are made as WordprocessingML elements (`docx.oxml`, the
library's public XML helpers) and put into the document through the element a
proxy object wraps. python-docx keeps that element, and a few other things, under
private names; every use goes through the functions here. tests/documents/
test_docx_xml.py checks each of them against the installed python-docx, so a
release that renames one fails that test, not a user's document.
"""

from __future__ import annotations

from typing import Any


def paragraph_element(paragraph: Any) -> Any:
    """The `<w:p>` a `docx.text.paragraph.Paragraph` wraps."""
    return paragraph._p


def run_element(run: Any) -> Any:
    """The `<w:r>` a `docx.text.run.Run` wraps."""
    return run._r


def table_element(table: Any) -> Any:
    """The `<w:tbl>` a `docx.table.Table` wraps."""
    return table._tbl


def block_parent(block: Any) -> Any:
    """The container (body, cell …) a paragraph or table belongs to: what a new
    `Paragraph(element, parent)` next to it is given."""
    return block._parent


def body(document: Any) -> Any:
    """The body container of a `docx.document.Document` (the parent of its paragraphs)."""
    return document._body


def set_blob(part: Any, blob: bytes) -> None:
    """A generic `docx.opc.part.Part`'s content, once its relationships are known (a chart's
    XML names the embedded workbook by the relationship id made after the part)."""
    part._blob = blob
