"""Every format a renderer of ours writes, read back with its own library, and the tests'
format parameters taken from the tables in `vastbus_cli/formats.py`.

A format added to a table is then in the identity-number leak tests and the fuzz
targets at once; without a reader here those tests fail naming it (`read_back`).
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable

from vastbus_cli.formats import SUMMARY, TALLY, OutputFormat


def own(table: dict[str, OutputFormat], files_only: bool = False) -> list[str]:
    """The formats vastbus's own code writes (a conversion, PDF, adds no text of its own);
    with `files_only`, not the terminal table."""
    return [f.name for f in table.values() if f.own_renderer and not (files_only and f.terminal)]


SUMMARY_FORMATS = own(SUMMARY)
TALLY_FORMATS = own(TALLY)  # with the terminal table
TALLY_FILE_FORMATS = own(TALLY, files_only=True)


def _text(data: bytes) -> str:
    return data.decode("utf-8-sig")


def _json(data: bytes) -> str:
    found = json.loads(data)
    assert isinstance(found, dict)
    return json.dumps(found, ensure_ascii=False)


def _xlsx(data: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames
    return "\n".join(str(c.value) for s in book.worksheets for row in s.iter_rows()
                     for c in row if c.value is not None)


def _docx(data: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(data))
    assert doc.paragraphs
    return "\n".join([p.text for p in doc.paragraphs]
                     + [c.text for t in doc.tables for r in t.rows for c in r.cells])


READERS: dict[str, Callable[[bytes], str]] = {
    "md": _text, "csv": _text, "json": _json, "xlsx": _xlsx, "docx": _docx}


def read_back(fmt: str, data: bytes) -> str:
    """The file's text as its own library reads it (it opens, or the test fails)."""
    assert fmt in READERS, f"no reader for the format {fmt!r}: add one to tests/formats_read.py"
    return READERS[fmt](data)
