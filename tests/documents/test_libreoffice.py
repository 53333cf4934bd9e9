"""PDF through LibreOffice, and the Swedish message when it is not installed."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pdfcontents import chapters_docx

from vastbus_cli.documents import libreoffice
from vastbus_cli.documents.problem import DocumentProblem
from vastbus_cli.documents.properties import Properties
from vastbus_cli.documents.word import WordDocument


def small_docx() -> bytes:
    doc = WordDocument(Properties("Titel", "Författare", dt.date(2026, 1, 2)))
    doc.heading("Rubrik", 1)
    doc.paragraph("Hej världen, åäö.")
    return doc.save()


def test_missing_libreoffice_is_a_swedish_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(DocumentProblem) as caught:
        libreoffice.docx_to_pdf(small_docx())
    assert caught.value.message == "PDF kräver LibreOffice, men programmet soffice hittades inte."
    assert "Installera LibreOffice" in caught.value.hint


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_converts_with_libreoffice() -> None:
    data = libreoffice.docx_to_pdf(small_docx())
    assert data.startswith(b"%PDF")


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or pdftotext is not installed")
def test_contents_page_numbers_are_the_pdfs(tmp_path: Path) -> None:
    """LibreOffice updates the TOC field before exporting: each entry names its heading's page."""
    doc = WordDocument(Properties("Titel", "Författare", dt.date(2026, 1, 2)))
    doc.title_page("Titel")
    doc.contents()
    for i, pages in enumerate([1, 3, 2], start=1):
        doc.heading(f"Kapitel {i}", 1, new_page=i > 1)
        for _ in range(pages * 45):
            doc.paragraph("Rad med text som fyller sidan.")
    target = tmp_path / "x.pdf"
    target.write_bytes(libreoffice.docx_to_pdf(doc.save()))
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = text.split("\f")
    listed = dict(re.findall(r"^(Kapitel \d)[ .]+(\d+)\s*$", pages[1], re.MULTILINE))
    found = {f"Kapitel {i}": str(next(n for n, page in enumerate(pages, start=1)
                                      if page.lstrip().startswith(f"Kapitel {i}")))
             for i in (1, 2, 3)}
    assert listed == found
    assert found["Kapitel 1"] == "3" and int(found["Kapitel 3"]) > int(found["Kapitel 2"]) > 4


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_docx_gets_the_contents_page_numbers_as_laid_out() -> None:
    """Word shows a field's last result: the numbers are written in, nothing asks to update."""
    import io
    import zipfile

    data = libreoffice.with_page_numbers(chapters_docx(2, "Kapitel {} & mer")).docx
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    found = re.findall(r"PAGEREF (_Toc\d+) .{0,120}?preserve\">(\d*)</w:t>", xml)
    assert found == [("_Toc00000001", "3"), ("_Toc00000002", "4")]
    assert "w:dirty" not in xml


def test_docx_page_numbers_without_libreoffice_leave_the_document_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    data = small_docx()
    assert libreoffice.with_page_numbers(data) == libreoffice.Numbered(data)


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="LibreOffice or pdftotext is not installed")
def test_chart_labels_have_the_swedish_decimal_comma(tmp_path: Path) -> None:
    """LibreOffice formats a chart's labels by its own locale: the machine's en-US gave
    "16.7 %" beside the tables' "16,7 %"; the throw-away profile is Swedish."""
    from vastbus_cli.documents.word_chart import BarChart, add_bar_chart

    doc = WordDocument(Properties("Titel", "Författare", dt.date(2026, 1, 2)))
    add_bar_chart(doc, BarChart(["Ja", "Nej"], [("2025", [0.167, 0.833])],
                                label_formats=["0.0 %"]))
    target = tmp_path / "x.pdf"
    target.write_bytes(libreoffice.docx_to_pdf(doc.save()))
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "16,7 %" in text and "83,3 %" in text
    assert "16.7" not in text


def pdf_facts(data: bytes, tmp_path: Path) -> dict[str, str]:
    """pdfinfo's answers about a PDF, and the catalogue's language and viewer preference."""
    target = tmp_path / "fakta.pdf"
    target.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True,
                          check=True).stdout
    facts = {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in info.splitlines())}
    found = re.search(rb"/Lang\s*\(([^)]*)\)", data)
    facts["Lang"] = found.group(1).decode() if found else ""
    facts["DisplayDocTitle"] = "yes" if re.search(rb"/DisplayDocTitle\s+true", data) else "no"
    facts["Outlines"] = "yes" if b"/Outlines" in data else "no"
    facts["PDF/UA"] = "yes" if b"pdfuaid:part>1<" in data else "no"
    return facts


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdfinfo") is None,
                    reason="LibreOffice or pdfinfo is not installed")
@pytest.mark.parametrize("route", ["macro", "convert-to"])
def test_the_pdf_is_tagged_titled_swedish_with_bookmarks(tmp_path: Path, route: str) -> None:
    """Every PDF vastbus writes is tagged (a structure tree for screen readers), marked PDF/UA,
    shows its title rather than its file name, says it is Swedish and has bookmarks; by the
    macro and by the plain conversion used when the macro cannot run."""
    from vastbus_cli.documents.libreoffice_profile import PDF_EXPORT_OPTIONS, pdf_filter

    assert PDF_EXPORT_OPTIONS == {"UseTaggedPDF": True, "PDFUACompliance": True,
                                  "ExportBookmarks": True, "DisplayPDFDocumentTitle": True}
    doc = WordDocument(Properties("Sammanställning 2025", "Västbus", dt.date(2026, 1, 2)))
    doc.heading("Rubrik", 1)
    doc.paragraph("Hej världen, åäö.")
    if route == "macro":
        data = libreoffice.docx_to_pdf(doc.save(), "fil-namn")
    else:
        source = tmp_path / "fil-namn.docx"
        source.write_bytes(doc.save())
        subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}",
                        "--headless", "--convert-to", pdf_filter(), "--outdir", str(tmp_path),
                        str(source)], capture_output=True, check=True, timeout=300)
        data = (tmp_path / "fil-namn.pdf").read_bytes()
    facts = pdf_facts(data, tmp_path)
    assert (facts["Tagged"], facts["Title"], facts["Lang"], facts["DisplayDocTitle"],
            facts["Outlines"], facts["PDF/UA"]) == (
        "yes", "Sammanställning 2025", "sv-SE", "yes", "yes", "yes")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_two_runs_at_once_each_get_their_pdf(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Two vastbus runs at the same time: each takes a cached profile of its own (a second
    LibreOffice on one profile hands its work to the first and quits)."""
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    with ThreadPoolExecutor(2) as pool:
        made = list(pool.map(lambda n: libreoffice.docx_to_pdf(chapters_docx(n)), (1, 2)))
    assert [libreoffice.pdf_problem(data) for data in made] == [None, None]
    assert [len(re.findall(rb"/Type\s*/Page\b", data)) for data in made] == [3, 4]
    assert sorted(p.name for p in (tmp_path / "cache" / "vastbus").glob("*/?")) == ["0", "1"]
