"""A LibreOffice user profile holding vastbus's Basic macros, made once and reused from the cache.

`soffice --convert-to pdf` lays the document out but never updates a table of
contents: the page numbers in the PDF would be the ones written in the .docx,
which no Python library can know. The macros open the document hidden and
either update every index (the contents field among them) with LibreOffice's
own layout and export the PDF from that same layout (`ToPdf`), or write down
the page each heading is on in the document as written (`ToPages`), for the
.docx's contents.

`ToPages` reads the pages only after a PDF export of the first page
(`SettledLayout`): the export lays the whole document out from the start, as the
plain `--convert-to pdf` (and printing) do. The hidden view's own layout is made
piecemeal as the view cursor asks for pages, and that layout is not always the
same: for a four-page summary 7 runs of 12 put headings a page later than the
plain conversion does, 3 of them on a 5th page the document does not have.

The profile is seeded as an initialised one (`ooSetupInstCompleted`): a fresh
profile would otherwise be overwritten by LibreOffice's presets on first start,
macro library included. A macro in the profile's own library ("Mina makron")
runs without a security question, and the profile is separate from the user's,
so this works while LibreOffice is open. Its locale is Swedish (`LOCALE`), so the
numbers LibreOffice formats itself, a chart's labels, have a decimal comma.

LibreOffice spends about a third of a short run filling a new profile, so the
profile is kept in the user's cache folder (`cache_folder`) and reused. One
profile can serve one LibreOffice at a time (a second one started on it hands
its work to the first and quits), so there are `SLOTS` profiles, each taken
under an exclusive file lock that the system releases when vastbus ends, however
it ends; when all are taken, or the cache cannot be written, the run uses a
throw-away profile of its own. The folder's name carries a hash of the seed, so a
vastbus with other macros or settings never uses an old profile.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

MACRO_LIBRARY = "macro:///Standard.Vastbus"
LOCALE = "sv-SE"  # the profile's locale: LibreOffice formats a chart's numbers by it
SLOTS = 4  # profiles in the cache: as many LibreOffice runs at once as reuse one

#: LibreOffice's PDF export options for every PDF vastbus writes (writer_pdf_Export's
#: filter data): a tagged PDF (a structure tree for screen readers, table header cells
#: as headers), marked as PDF/UA, bookmarks from the headings, and the document's title
#: shown by a PDF reader instead of the file name. The title and the language (sv-SE)
#: come from the .docx's core properties and styles (`documents/properties.py`).
PDF_EXPORT_OPTIONS: dict[str, bool] = {
    "UseTaggedPDF": True,
    "PDFUACompliance": True,
    "ExportBookmarks": True,
    "DisplayPDFDocumentTitle": True,
}

#: Beside the .docx, the charts' alternative text for the PDF (`write_descriptions`):
#: LibreOffice 7.4 drops a chart's `wp:docPr` name and `descr` when it reads a .docx (it
#: names the charts "Object1", "Object2" … in document order), so the macro gives each
#: chart its description back before exporting; the tagged PDF carries it as the figure's
#: `/Alt`. Only the description: LibreOffice joins a title to it ("title - description"),
#: and the description already begins with what the title says.
DESCRIPTIONS = ".alt.txt"

_DTD = '<!DOCTYPE {kind} PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "{dtd}">'
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_LIBRARY_NS = 'xmlns:library="http://openoffice.org/2000/library"'

_MODULE = """Sub ToPdf(source As String, target As String)
  On Error Goto Failed
  doc = LoadHidden(source)
  indexes = doc.getDocumentIndexes()
  For i = 0 To indexes.getCount() - 1
    indexes.getByIndex(i).update()
  Next i
  Describe(doc, source & DESCRIPTIONS)
{pdf_options}
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName" : store(0).Value = "writer_pdf_Export"
  store(1).Name = "FilterData" : store(1).Value = options()
  doc.storeToURL(ConvertToURL(target), store())
  doc.close(True)
  Exit Sub
Failed:
  If Not IsNull(doc) And Not IsEmpty(doc) Then doc.close(True)
End Sub

Sub ToPages(source As String, target As String)
  Rem each contents bookmark's page, in the layout of the document as written
  On Error Goto Failed
  doc = LoadHidden(source)
  Rem the layout a PDF is made from: the view's own is formatted piecemeal, in an order
  Rem that depends on timing, and did not always come out the same (see SettledLayout)
  SettledLayout(doc, target & ".pdf")
  cursor = doc.getCurrentController().getViewCursor()
  marks = doc.getBookmarks()
  names = marks.getElementNames()
  Rem a check that reading does not move anything: read until two passes agree
  lines = ""
  passes = 0
  Do
    before = lines
    lines = ""
    cursor.jumpToLastPage()
    For i = LBound(names) To UBound(names)
      If Left(names(i), 4) = "_Toc" Then
        cursor.gotoRange(marks.getByName(names(i)).getAnchor(), False)
        lines = lines & names(i) & Chr(9) & cursor.getPage() & Chr(10)
      End If
    Next i
    passes = passes + 1
  Loop Until lines = before Or passes = 5
  n = FreeFile()
  Open target For Output As #n
  Print #n, lines
  Close #n
  doc.close(True)
  Exit Sub
Failed:
  If Not IsNull(doc) And Not IsEmpty(doc) Then doc.close(True)
End Sub

Sub SettledLayout(doc As Object, scratch As String)
  Rem Exporting a PDF lays the whole document out afresh, page after page, as the plain
  Rem conversion does; only the first page is written, so this costs the layout alone.
  Dim first(0) As New com.sun.star.beans.PropertyValue
  first(0).Name = "PageRange" : first(0).Value = "1"
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName" : store(0).Value = "writer_pdf_Export"
  store(1).Name = "FilterData" : store(1).Value = first()
  doc.storeToURL(ConvertToURL(scratch), store())
End Sub

Sub Describe(doc As Object, listing As String)
  files = CreateUnoService("com.sun.star.ucb.SimpleFileAccess")
  If Not files.exists(ConvertToURL(listing)) Then Exit Sub
  reader = CreateUnoService("com.sun.star.io.TextInputStream")
  reader.setInputStream(files.openFileRead(ConvertToURL(listing)))
  reader.setEncoding("UTF-8")
  objects = doc.getEmbeddedObjects()
  number = 0
  Do While Not reader.isEOF()
    said = reader.readLine()
    number = number + 1
    For Each name In Array("Diagram " & number, "Object" & number)
      If objects.hasByName(name) Then
        objects.getByName(name).Description = said
        Exit For
      End If
    Next name
  Loop
  reader.closeInput()
End Sub

Function LoadHidden(source As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden" : load(0).Value = True
  LoadHidden = StarDesktop.loadComponentFromURL(ConvertToURL(source), "_blank", 0, load())
End Function
"""


def pdf_filter() -> str:
    """`PDF_EXPORT_OPTIONS` as `--convert-to`'s filter (LibreOffice's JSON filter options)."""
    return "pdf:writer_pdf_Export:" + json.dumps(
        {name: {"type": "boolean", "value": "true" if on else "false"}
         for name, on in PDF_EXPORT_OPTIONS.items()}, separators=(",", ":"))


def _module() -> str:
    """The Basic module, `PDF_EXPORT_OPTIONS` written in as the export's filter data."""
    lines = [f"  Dim options({len(PDF_EXPORT_OPTIONS) - 1}) As New com.sun.star.beans.PropertyValue"]
    for i, (name, on) in enumerate(PDF_EXPORT_OPTIONS.items()):
        lines.append(f'  options({i}).Name = "{name}" : options({i}).Value = {on}')
    return _MODULE.replace("{pdf_options}", "\n".join(lines)).replace(
        "DESCRIPTIONS", f'"{DESCRIPTIONS}"')


def write_descriptions(source: Path, descriptions: list[str]) -> None:
    """The charts' alternative texts beside `source`, a line each in document order, for
    the macro (no line break after the last: LibreOffice's reader would keep it)."""
    import re

    source.with_name(source.name + DESCRIPTIONS).write_text(
        "\n".join(re.sub(r"\s*[\t\r\n]\s*", " ", said) for said in descriptions),
        encoding="utf-8")


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        .replace('"', "&quot;")


def _seed() -> dict[str, str]:
    """The profile's files before LibreOffice first starts on it: relative path → text."""
    files = {"user/registrymodifications.xcu": (
        _HEAD + '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
        'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
        '<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" '
        'oor:op="fuse"><value>true</value></prop></item>\n'
        '<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" '
        'oor:op="fuse"><value>false</value></prop></item>\n'
        # Swedish number formats where LibreOffice formats numbers itself (a chart's labels
        # and axis: "16,7 %", not the machine's "16.7 %")
        '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" '
        f'oor:op="fuse"><value>{LOCALE}</value></prop></item>\n</oor:items>\n')}
    for kind in ("script", "dialog"):
        files[f"user/basic/{kind}.xlc"] = (
            _HEAD + _DTD.format(kind="library:libraries", dtd="libraries.dtd")
            + f'\n<library:libraries {_LIBRARY_NS} xmlns:xlink="http://www.w3.org/1999/xlink">'
            '<library:library library:name="Standard" library:link="false"/>'
            '</library:libraries>\n')
        element = '<library:element library:name="Vastbus"/>' if kind == "script" else ""
        files[f"user/basic/Standard/{kind}.xlb"] = (
            _HEAD + _DTD.format(kind="library:library", dtd="library.dtd")
            + f'\n<library:library {_LIBRARY_NS} library:name="Standard" '
            f'library:readonly="false" library:passwordprotected="false">{element}'
            '</library:library>\n')
    files["user/basic/Standard/Vastbus.xba"] = (
        _HEAD + _DTD.format(kind="script:module", dtd="module.dtd")
        + '\n<script:module xmlns:script="http://openoffice.org/2000/script" '
        f'script:name="Vastbus" script:language="StarBasic">{_escape(_module())}'
        '</script:module>\n')
    return files


def write_profile(folder: Path) -> str:
    """A LibreOffice user profile in `folder` with the macros; its URI for `-env:UserInstallation`."""
    for name, text in _seed().items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder.as_uri()


def cache_folder() -> Path:
    """Where vastbus keeps what it can make again: the platform's cache folder for users."""
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "vastbus" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "vastbus"
    base = os.environ.get("XDG_CACHE_HOME", "")
    return (Path(base) if os.path.isabs(base) else Path.home() / ".cache") / "vastbus"


def _seed_hash() -> str:
    digest = hashlib.sha256()
    for name, text in sorted(_seed().items()):
        digest.update(f"{name}\0{text}\0".encode())
    return digest.hexdigest()[:12]


@contextmanager
def profile(scratch: Path) -> Iterator[Profile]:
    """A profile for one LibreOffice run: a free slot of the cached ones, else a new one in
    `scratch` (a folder of the run's own, removed by the caller)."""
    base = cache_folder() / f"libreoffice-{_seed_hash()}"
    for slot in range(SLOTS):
        handle = _lock(base / f"{slot}.lock")
        if handle is None:
            continue
        try:
            folder = base / str(slot)
            try:
                if not (folder / "ready").is_file():
                    shutil.rmtree(folder, ignore_errors=True)
                    write_profile(folder)
                    (folder / "ready").write_text("", encoding="utf-8")
                    _remove_others(base)
                # LibreOffice's own lock from a run that was killed: ours says nobody uses it
                (folder / ".lock").unlink(missing_ok=True)
                (folder / "user" / ".lock").unlink(missing_ok=True)
            except OSError:
                continue
            found = Profile(folder)
            yield found
            if found.spoilt:  # made again next time rather than trusted after a failure
                shutil.rmtree(folder, ignore_errors=True)
            return
        finally:
            handle.close()  # closing the file releases the lock
    own = Path(tempfile.mkdtemp(prefix="profil-", dir=scratch))
    write_profile(own)
    yield Profile(own)


def _remove_others(base: Path) -> None:
    """Remove the profiles of another vastbus (another seed) that no run is using.

    An earlier vastbus's are of no more use; but two versions of vastbus can run on one
    machine (two checkouts, a test run beside the user's), and pulling a profile from
    under a running LibreOffice fails that run. So a folder goes only while we hold
    every one of its slot locks.
    """
    for other in base.parent.glob("libreoffice-*"):
        if other == base:
            continue
        handles = [_lock(other / f"{slot}.lock") for slot in range(SLOTS)]
        try:
            if all(handle is not None for handle in handles):
                shutil.rmtree(other, ignore_errors=True)
        finally:
            for handle in handles:
                if handle is not None:
                    handle.close()


class Profile:
    """A profile in use: its URI; `spoilt` set when LibreOffice failed or was killed on it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.uri = folder.as_uri()
        self.spoilt = False


def _lock(path: Path) -> IO[bytes] | None:
    """The open lock file, locked for us alone, or None when another run holds it (or the
    cache cannot be written). The lock goes with the file's closing or the process's end."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+b")  # noqa: SIM115 (the caller closes it)
    except OSError:
        return None
    if _try_lock(handle):
        return handle
    handle.close()
    return None


def _try_lock(handle: IO[bytes]) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def macro_call(name: str, source: Path, target: Path) -> str:
    """The command-line argument that runs macro `name` (`ToPdf`, `ToPages`) on `source`,
    writing `target`."""
    def quoted(path: Path) -> str:
        return '"' + str(path).replace('"', '""') + '"'

    return f"{MACRO_LIBRARY}.{name}({quoted(source)},{quoted(target)})"
