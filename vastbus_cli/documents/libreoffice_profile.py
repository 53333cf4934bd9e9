"""A throw-away LibreOffice profile holding one Basic macro: open, update the contents, save as PDF.

`soffice --convert-to pdf` lays the document out but never updates a table of
contents: the page numbers in the PDF would be the ones written in the .docx,
which no Python library can know. The macro opens the document hidden,
updates every index (the contents field among them) with LibreOffice's own
layout, and exports the PDF from that same layout, so the numbers are right.

The profile is seeded as an initialised one (`ooSetupInstCompleted`): a fresh
profile would otherwise be overwritten by LibreOffice's presets on first start,
macro library included. A macro in the profile's own library ("Mina makron")
runs without a security question, and the profile is separate from the user's,
so this works while LibreOffice is open. Its locale is Swedish (`LOCALE`), so the
numbers LibreOffice formats itself, a chart's labels, have a decimal comma.
"""

from __future__ import annotations

from pathlib import Path

MACRO = "macro:///Standard.Vastbus.ToPdf"
LOCALE = "sv-SE"  # the profile's locale: LibreOffice formats a chart's numbers by it
_DTD = '<!DOCTYPE {kind} PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "{dtd}">'
_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
_LIBRARY_NS = 'xmlns:library="http://openoffice.org/2000/library"'

_MODULE = """Sub ToPdf(source As String, target As String)
  Export(source, target, "writer_pdf_Export", "")
End Sub

Sub ToText(source As String, target As String)
  Export(source, target, "Text (encoded)", "UTF8")
End Sub

Sub Export(source As String, target As String, filter As String, options As String)
  On Error Goto Failed
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden" : load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(source), "_blank", 0, load())
  indexes = doc.getDocumentIndexes()
  For i = 0 To indexes.getCount() - 1
    indexes.getByIndex(i).update()
  Next i
  Dim store(1) As New com.sun.star.beans.PropertyValue
  store(0).Name = "FilterName" : store(0).Value = filter
  store(1).Name = "FilterOptions" : store(1).Value = options
  doc.storeToURL(ConvertToURL(target), store())
  doc.close(True)
  Exit Sub
Failed:
  If Not IsNull(doc) And Not IsEmpty(doc) Then doc.close(True)
End Sub
"""


def _escape(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        .replace('"', "&quot;")


def write_profile(folder: Path) -> str:
    """A LibreOffice user profile in `folder` with the macro; its URI for `-env:UserInstallation`."""
    user = folder / "user"
    standard = user / "basic" / "Standard"
    standard.mkdir(parents=True)
    (user / "registrymodifications.xcu").write_text(
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
        f'oor:op="fuse"><value>{LOCALE}</value></prop></item>\n</oor:items>\n',
        encoding="utf-8")
    for kind in ("script", "dialog"):
        (user / "basic" / f"{kind}.xlc").write_text(
            _HEAD + _DTD.format(kind="library:libraries", dtd="libraries.dtd")
            + f'\n<library:libraries {_LIBRARY_NS} xmlns:xlink="http://www.w3.org/1999/xlink">'
            '<library:library library:name="Standard" library:link="false"/>'
            '</library:libraries>\n', encoding="utf-8")
        element = '<library:element library:name="Vastbus"/>' if kind == "script" else ""
        (standard / f"{kind}.xlb").write_text(
            _HEAD + _DTD.format(kind="library:library", dtd="library.dtd")
            + f'\n<library:library {_LIBRARY_NS} library:name="Standard" '
            f'library:readonly="false" library:passwordprotected="false">{element}'
            '</library:library>\n', encoding="utf-8")
    (standard / "Vastbus.xba").write_text(
        _HEAD + _DTD.format(kind="script:module", dtd="module.dtd")
        + '\n<script:module xmlns:script="http://openoffice.org/2000/script" '
        f'script:name="Vastbus" script:language="StarBasic">{_escape(_MODULE)}</script:module>\n',
        encoding="utf-8")
    return folder.as_uri()


def macro_call(source: Path, target: Path, text: bool = False) -> str:
    """The command-line argument that runs the macro on `source`, writing `target` (a PDF, or
    with `text` the document as UTF-8 text, contents updated)."""
    def quoted(path: Path) -> str:
        return '"' + str(path).replace('"', '""') + '"'

    name = MACRO.replace("ToPdf", "ToText") if text else MACRO
    return f"{name}({quoted(source)},{quoted(target)})"
