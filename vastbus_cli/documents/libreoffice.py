"""LibreOffice conversion: a .docx to PDF, and the page numbers of a .docx's contents.

PDF is what most steering groups receive. LibreOffice is not a Python package;
when it is missing the user gets a Swedish message saying how to install it
(or to save the Word file as PDF). Each run uses a profile of vastbus's own
(`libreoffice_profile`: made once, kept in the cache), so it works while the
user has LibreOffice open, and runs as a bounded child (`libreoffice_run`):
a time limit, a cap on what it prints, its whole process group killed on the
way out. What it writes is checked to be a PDF with pages before it is used.

One LibreOffice run per command: the PDF's contents are updated and the PDF
exported from one layout (`ToPdf`), the .docx's page numbers come from one
layout of the document as written (`ToPages`).
"""

from __future__ import annotations

import io
import math
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vastbus_cli.documents.problem import DocumentProblem

TIMEOUT_S = 180  # for a PDF: the document the user asked for
# for the .docx's page numbers (after which the document is written without them): short,
# but growing with the document: the region's 420 reports (2.4 MB of document.xml) take
# LibreOffice 16 s of CPU, over 60 s of wall time on a loaded 2-core machine
PAGE_NUMBERS_TIMEOUT_S = 30
PAGE_NUMBERS_S_PER_MB = 30
WINDOWS_PATHS = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                 r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")
INSTALL_HINT = ("Installera LibreOffice (gratis, https://sv.libreoffice.org; i Debian/Ubuntu: "
                "sudo apt install libreoffice-writer), eller skriv en Word-fil (.docx) och "
                "spara den som PDF i Word.")
RETRY_HINT = "Försök igen, eller skriv .docx och spara som PDF i Word."
if TYPE_CHECKING:
    from vastbus_cli.documents.libreoffice_run import Finished

_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")


def find_soffice() -> str | None:
    """The LibreOffice program, from PATH or its usual place on Windows."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    if os.name == "nt":
        return next((p for p in WINDOWS_PATHS if Path(p).is_file()), None)
    return None


def docx_to_pdf(docx: bytes, name: str = "dokument") -> bytes:
    """The PDF of a .docx given as bytes; a `DocumentProblem` when LibreOffice is missing, fails,
    takes longer than `TIMEOUT_S` or writes something that is not a PDF with pages.

    The contents field is updated with LibreOffice's layout before the export
    (the `ToPdf` macro), so its page numbers are the PDF's. Should the macro
    not run (a LibreOffice without Basic), the plain conversion is used.
    """
    from vastbus_cli.documents.libreoffice_profile import (
        macro_call,
        pdf_filter,
        write_descriptions,
    )
    from vastbus_cli.documents.word_chart import chart_descriptions

    soffice = find_soffice()
    if soffice is None:
        raise DocumentProblem("PDF kräver LibreOffice, men programmet soffice hittades inte.",
                              INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="vastbus-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / f"{name}.docx"
        source.write_bytes(docx)
        write_descriptions(source, chart_descriptions(docx))
        target = folder / f"{name}.pdf"
        said = _run(soffice, folder, [macro_call("ToPdf", source, target)], TIMEOUT_S)
        if not target.is_file():
            said = _run(soffice, folder, ["--convert-to", pdf_filter(), "--outdir", str(folder),
                                          str(source)], TIMEOUT_S)
        if said.returncode != 0 or not target.is_file():
            raise DocumentProblem(
                "LibreOffice kunde inte göra om Word-dokumentet till PDF"
                + (f" ({said.said})." if said.said else "."), RETRY_HINT)
        data = target.read_bytes()
    wrong = pdf_problem(data)
    if wrong:
        raise DocumentProblem(f"LibreOffice avslutades utan fel men {wrong}.", RETRY_HINT)
    return data


def pdf_problem(data: bytes) -> str | None:
    """Why `data` is not a usable PDF (Swedish, to follow "LibreOffice … men"), or None.

    A pure check, no PDF library: the `%PDF-` header, the end-of-file mark and at
    least one page object. LibreOffice writes page objects uncompressed.
    """
    if not data:
        return "PDF-filen är tom"
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-2048:]:
        return "det den skrev är ingen PDF-fil"
    if not _PAGE.search(data):
        return "PDF-filen har inga sidor"
    return None


@dataclass(frozen=True)
class Numbered:
    """The .docx with its contents' page numbers, or unchanged with `skipped` saying why
    (Swedish, for the terminal; empty when there was nothing to do)."""

    docx: bytes
    skipped: str = ""


def with_page_numbers(docx: bytes) -> Numbered:
    """The .docx with its contents' page numbers filled in as LibreOffice lays it out.

    Word shows a field's last result until it updates the field, and asking it to
    update on open brings up a warning; so the numbers are written into the
    document. They are the pages of the headings in the document as written
    (the `ToPages` macro reads each heading's bookmark, in the layout a PDF export
    makes, so they are the pages LibreOffice's plain conversion shows, every run):
    the contents LibreOffice would make itself are set in its own styles and can be
    a page longer, which put every number one too high. Unchanged when LibreOffice
    is missing (quietly), fails or takes longer than its time limit (with a reason):
    `PAGE_NUMBERS_TIMEOUT_S` and `PAGE_NUMBERS_S_PER_MB` of the document's text.
    """
    import zipfile

    from vastbus_cli.documents.libreoffice_profile import macro_call

    member = "word/document.xml"
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        xml = package.read(member).decode("utf-8")
    pattern = re.compile(r'(PAGEREF (_Toc\d+) \\h </w:instrText></w:r><w:r><w:fldChar '
                         r'w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve">)'
                         r"(</w:t>)")
    names = {m.group(2) for m in pattern.finditer(xml)}
    soffice = find_soffice()
    if soffice is None or not names:
        return Numbered(docx)
    timeout = math.ceil(PAGE_NUMBERS_TIMEOUT_S + PAGE_NUMBERS_S_PER_MB * len(xml) / 1e6)
    with tempfile.TemporaryDirectory(prefix="vastbus-toc-") as tmp:
        folder = Path(tmp)
        source, target = folder / "dokument.docx", folder / "sidor.txt"
        source.write_bytes(docx)
        try:
            _run(soffice, folder, [macro_call("ToPages", source, target)], timeout)
        except DocumentProblem as exc:
            return Numbered(docx, exc.message)
        found = target.read_text(encoding="utf-8", errors="replace") if target.is_file() else ""
    pages = {name: int(page) for name, page in re.findall(r"(?m)^(_Toc\d+)\t(\d+)\s*$", found)}
    if not names <= pages.keys():
        return Numbered(docx, "LibreOffice kunde inte ta fram sidorna.")
    filled = pattern.sub(lambda m: f"{m.group(1)}{pages[m.group(2)]}{m.group(3)}", xml)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info, filled.encode("utf-8") if info.filename == member
                         else old.read(info))
    return Numbered(out.getvalue())


def _run(soffice: str, scratch: Path, arguments: list[str], timeout: float) -> Finished:
    """One headless LibreOffice run on a vastbus profile, bounded (`libreoffice_run`)."""
    from vastbus_cli.documents.libreoffice_profile import profile
    from vastbus_cli.documents.libreoffice_run import ChildTimeout, run

    with profile(scratch) as used:
        command = [soffice, f"-env:UserInstallation={used.uri}", "--headless", "--norestore",
                   *arguments]
        try:
            done = run(command, timeout)
        except ChildTimeout:
            used.spoilt = True
            raise DocumentProblem(f"LibreOffice blev inte klart på {timeout:g} s och stoppades.",
                                  RETRY_HINT) from None
        except OSError as exc:
            raise DocumentProblem(f"LibreOffice ({soffice}) kunde inte startas: {exc.strerror}.",
                                  INSTALL_HINT) from None
        used.spoilt = done.returncode != 0
        return done
