"""Each private python-docx name `documents/docx_xml.py` relies on still means what it did:
a python-docx release that renames or changes one fails here, loudly, by name."""

from __future__ import annotations

from docx import Document
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from vastbus_cli.documents import docx_xml


def test_paragraph_run_and_table_elements() -> None:
    doc = Document()
    paragraph = doc.add_paragraph("a")
    run = paragraph.add_run("b")
    table = doc.add_table(rows=1, cols=1)
    assert docx_xml.paragraph_element(paragraph).tag == qn("w:p"), "Paragraph._p"
    assert docx_xml.run_element(run).tag == qn("w:r"), "Run._r"
    assert docx_xml.run_element(run).getparent() is docx_xml.paragraph_element(paragraph)
    assert docx_xml.table_element(table).tag == qn("w:tbl"), "Table._tbl"
    assert docx_xml.table_element(table).getparent() is doc.element.body


def test_body_and_parent_make_proxies_that_belong_to_the_document() -> None:
    doc = Document()
    table = doc.add_table(rows=1, cols=1)
    body = docx_xml.body(doc)
    assert body is docx_xml.block_parent(table), "Document._body, Table._parent"
    assert body is docx_xml.block_parent(doc.add_paragraph("x"))
    element = docx_xml.paragraph_element(doc.add_paragraph("y"))
    made = Paragraph(element, body)
    assert made.part is doc.part  # what styles and relationships are looked up through
    made.style = "Heading 1"
    assert made.style.name == "Heading 1"


def test_set_blob_is_what_the_part_saves() -> None:
    doc = Document()
    part = Part(PackURI("/word/charts/chart1.xml"), "application/xml", b"", doc.part.package)
    docx_xml.set_blob(part, b"<c/>")
    assert part.blob == b"<c/>", "Part._blob"
