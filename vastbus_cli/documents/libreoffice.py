"""PDF through LibreOffice: the Word document converted by `soffice --headless --convert-to pdf`.

PDF is what most steering groups receive. LibreOffice is not a Python package;
when it is missing the user gets a Swedish message saying how to install it
(or to save the Word file as PDF). Each conversion uses its own throw-away
LibreOffice profile, so it works while the user has LibreOffice open.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from vastbus_cli.documents.problem import DocumentProblem

TIMEOUT_S = 180
WINDOWS_PATHS = (r"C:\Program Files\LibreOffice\program\soffice.exe",
                 r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")
INSTALL_HINT = ("Installera LibreOffice (gratis, https://sv.libreoffice.org; i Debian/Ubuntu: "
                "sudo apt install libreoffice-writer), eller skriv en Word-fil (.docx) och "
                "spara den som PDF i Word.")


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
    """The PDF of a .docx given as bytes; a `DocumentProblem` when LibreOffice is missing or fails.

    The contents field is updated with LibreOffice's layout before the export
    (`libreoffice_profile`), so its page numbers are the PDF's. Should the macro
    not run (a LibreOffice without Basic), the plain conversion is used.
    """
    from vastbus_cli.documents.libreoffice_profile import macro_call, write_profile

    soffice = find_soffice()
    if soffice is None:
        raise DocumentProblem("PDF kräver LibreOffice, men programmet soffice hittades inte.",
                              INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="vastbus-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / f"{name}.docx"
        source.write_bytes(docx)
        target = folder / f"{name}.pdf"
        profile = write_profile(folder / "profil")
        start = [soffice, f"-env:UserInstallation={profile}", "--headless", "--norestore"]
        done = _run(soffice, [*start, macro_call(source, target)])
        if not target.is_file():
            done = _run(soffice, [*start, "--convert-to", "pdf", "--outdir", str(folder),
                                  str(source)])
        if done.returncode != 0 or not target.is_file():
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip()
            raise DocumentProblem(
                "LibreOffice kunde inte göra om Word-dokumentet till PDF"
                + (f" ({said.splitlines()[-1]})." if said else "."),
                "Försök igen, eller skriv .docx och spara som PDF i Word.")
        return target.read_bytes()


def with_page_numbers(docx: bytes) -> bytes:
    """The .docx with its contents' page numbers filled in as LibreOffice lays it out.

    Word shows a field's last result until it updates the field, and asking it to
    update on open brings up a warning; so the numbers are written into the
    document. Word's own layout may differ by a line, and it renews them when
    printing or saving as PDF. Unchanged when LibreOffice is missing, fails, or
    its contents do not list the same headings.
    """
    import re
    import zipfile

    from vastbus_cli.documents.libreoffice_profile import macro_call, write_profile

    soffice = find_soffice()
    member = "word/document.xml"
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        xml = package.read(member).decode("utf-8")
    pattern = re.compile(r'(PAGEREF (_Toc\d+) \\h </w:instrText></w:r><w:r><w:fldChar '
                         r'w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve">)'
                         r"(</w:t>)")
    names = [m.group(2) for m in pattern.finditer(xml)]
    if soffice is None or not names:
        return docx
    with tempfile.TemporaryDirectory(prefix="vastbus-toc-") as tmp:
        folder = Path(tmp)
        source, target = folder / "dokument.docx", folder / "dokument.txt"
        source.write_bytes(docx)
        profile = write_profile(folder / "profil")
        try:
            _run(soffice, [soffice, f"-env:UserInstallation={profile}", "--headless",
                           "--norestore", macro_call(source, target, text=True)])
        except DocumentProblem:
            return docx
        if not target.is_file():
            return docx
        lines = target.read_text(encoding="utf-8-sig", errors="replace").splitlines()
    from html import unescape

    titles = dict(re.findall(r'w:anchor="(_Toc\d+)" w:history="1"><w:r><w:t xml:space='
                             r'"preserve">([^<]*)</w:t>', xml))
    listed = [(title.strip(), int(page)) for line in lines
              if (found := re.fullmatch(r"(.*)\t(\d+)", line.strip()))
              for title, page in [found.groups()]]
    by_name: dict[str, int] = {}
    for name in names:  # in order: each heading's line after the previous one's
        title = unescape(titles.get(name, "")).strip()
        at = next((i for i, (t, _) in enumerate(listed) if t == title), None)
        if at is None:
            return docx
        by_name[name] = listed[at][1]
        listed = listed[at + 1:]
    filled = pattern.sub(lambda m: f"{m.group(1)}{by_name[m.group(2)]}{m.group(3)}", xml)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info, filled.encode("utf-8") if info.filename == member
                         else old.read(info))
    return out.getvalue()


def _run(soffice: str, command: list[str]) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(command, capture_output=True, timeout=TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise DocumentProblem(f"LibreOffice blev inte klart med PDF-filen på {TIMEOUT_S} s.",
                              "Försök igen, eller spara Word-filen som PDF i Word.") from None
    except OSError as exc:
        raise DocumentProblem(f"LibreOffice ({soffice}) kunde inte startas: {exc.strerror}.",
                              INSTALL_HINT) from None
