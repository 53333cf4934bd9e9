"""What the terminal says about LibreOffice: that it is working, and when the page numbers were
left out. Shared by `compile`, `rollup` and `tally` (the Word and PDF documents).

LibreOffice takes seconds on a long document; a silent terminal for that long
reads as a hang. Plain lines on stderr (no rich: one line is not worth loading it).
"""

from __future__ import annotations

import sys

WORKING = {
    "docx": "LibreOffice räknar fram innehållsförteckningens sidnummer …",
    "pdf": "LibreOffice gör PDF-filen …",
}


def announce(fmt: str) -> None:
    """The line that says LibreOffice is working, before a Word or PDF document is made with it."""
    from vastbus_cli.documents.libreoffice import find_soffice

    if fmt in WORKING and find_soffice() is not None:
        sys.stderr.write(WORKING[fmt] + "\n")
        sys.stderr.flush()


def with_page_numbers(docx: bytes) -> bytes:
    """The .docx with its contents' page numbers; when LibreOffice could not give them, the
    document as it is, and the terminal says so and what Word does instead."""
    from vastbus_cli.documents.libreoffice import with_page_numbers as numbered

    result = numbered(docx)
    if result.skipped:
        sys.stderr.write(
            f"Innehållsförteckningens sidnummer fylldes inte i: {result.skipped} Dokumentet "
            "skrevs utan dem; i Word fyller du i dem genom att högerklicka på "
            "innehållsförteckningen och välja Uppdatera fält.\n")
    return result.docx
