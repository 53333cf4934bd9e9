"""Test helpers: a document of chapters with contents, and a PDF's contents read back with
pdftotext, each entry beside the page its heading is on.

The contents are the lines that end in dot leaders and a number (an entry too long for
one line continues on the next); each heading is looked for, in order, from the contents' first page on (a
heading may share it) or from the first entry's page when that comes before the contents (the
summary's Sammanfattning), as a line of its own (or two or three lines, when it wraps).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path


def chapters_docx(count: int, label: str = "Kapitel {}") -> bytes:
    """A .docx: title page, contents, then `count` one-line chapters, each on a page of its own
    (the first on the page after the contents)."""
    import datetime as dt

    from vastbus_cli.documents.properties import Properties
    from vastbus_cli.documents.word import WordDocument

    doc = WordDocument(Properties("Titel", "Författare", dt.date(2026, 1, 2)))
    doc.title_page("Titel")
    doc.contents()
    for i in range(1, count + 1):
        doc.heading(label.format(i), 1, new_page=i > 1)
        doc.paragraph("Text.")
    return doc.save()


def listed_pages(docx: Path) -> list[int]:
    """The page numbers written into a .docx's contents entries (`with_page_numbers`), in order."""
    import zipfile

    xml = zipfile.ZipFile(docx).read("word/document.xml").decode("utf-8")
    return [int(n) for n in re.findall(
        r'PAGEREF _Toc\d+ \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
        r'</w:r><w:r><w:t xml:space="preserve">(\d+)</w:t>', xml)]


_ENTRY = re.compile(r"^(.*?)\s*\.{3,}\s*(\d+)$")


def contents_and_pages(pdf: Path) -> list[tuple[str, int, int | None]]:
    """(title, page listed in the contents, page the heading is on) for every entry."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = [[" ".join(line.split()) for line in page.splitlines() if line.strip()]
             for page in text.split("\f")]
    entries: list[tuple[str, int]] = []
    first = 0
    for number, lines in enumerate(pages, start=1):
        held = ""  # a long line just before an entry is the start of its title
        for line in lines:
            found = _ENTRY.match(line)
            if found:
                entries.append((f"{held} {found.group(1)}".strip(), int(found.group(2))))
                first, held = first or number, ""
            else:
                held = line if len(line) > 60 else ""
    out: list[tuple[str, int, int | None]] = []
    # a heading may share the contents' page (the survey's Sammanfattning) or come before it
    # (the summary's Sammanfattning and proposals, on the first page after the title page)
    at = min([first, *(listed for _, listed in entries[:1])])
    for title, listed in entries:
        on = next((n for n in range(at, len(pages) + 1) if _starts_line(pages[n - 1], title)),
                  None)
        out.append((title, listed, on))
        at = on or at
    return out


def _starts_line(lines: list[str], title: str) -> bool:
    return any(" ".join(lines[i:i + k]) == title for i in range(len(lines)) for k in (1, 2, 3))
