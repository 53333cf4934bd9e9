"""The Word layer on its own: properties, title page, contents, Markdown, tables; linear inserts."""

from __future__ import annotations

import datetime as dt
import io

import docx
from docx.oxml.ns import qn

from vastbus_cli.documents.properties import Properties
from vastbus_cli.documents.table import Table
from vastbus_cli.documents.word import WordDocument

PROPS = Properties(title="Rapport 2025", author="Västbus delregionala grupp Skaraborg",
                   date=dt.date(2026, 3, 15), subject="Ämne", identifier="Dnr 2026/17")


def build() -> docx.document.Document:
    doc = WordDocument(PROPS)
    doc.title_page("Rapport 2025", "Underrubrik", [("Datum", "15 mars 2026")])
    doc.contents()
    doc.heading("Inledning", 1)
    doc.markdown("# Bakgrund\n\nText med **fetstil**, *kursiv* och [länk](https://x.se).\n\n"
                 "- ett\n  - två\n", below=1)
    doc.heading("Siffror", 1)
    doc.table(Table(["Grupp", "Tom", "Antal"], [["Skövde", None, 3], ["Lidköping", "", 4],
                                                 ["Totalt", None, 7]]))
    return docx.Document(io.BytesIO(doc.save()))


def test_properties_are_the_documents_own() -> None:
    core = build().core_properties
    assert (core.title, core.author, core.subject, core.identifier, core.language) == (
        "Rapport 2025", "Västbus delregionala grupp Skaraborg", "Ämne", "Dnr 2026/17", "sv-SE")
    assert core.created == core.modified == dt.datetime(2026, 3, 15, tzinfo=dt.timezone.utc)
    assert core.last_modified_by != "python-docx"


def test_title_page_contents_and_markdown() -> None:
    doc = build()
    texts = [p.text for p in doc.paragraphs]
    assert texts[:3] == ["Rapport 2025", "Underrubrik", "Datum: 15 mars 2026"]
    at = texts.index("Innehåll") + 1
    assert texts[at:at + 2] == ["Inledning\t", "Siffror\t"]  # level-1 headings, a tab to the page
    bakgrund = next(p for p in doc.paragraphs if p.text == "Bakgrund")
    assert bakgrund.style.name == "Heading 2"
    para = next(p for p in doc.paragraphs if p.text.startswith("Text med"))
    assert [(r.text, r.bold, r.italic) for r in para.runs][:4] == [
        ("Text med ", None, None), ("fetstil", True, None), (", ", None, None),
        ("kursiv", None, True)]
    assert "länk" in para.text and para._p.find(qn("w:hyperlink")) is not None
    assert [p.style.name for p in doc.paragraphs if p.text in ("ett", "två")] == [
        "List Bullet", "List Bullet 2"]


def test_table_drops_empty_columns_and_bolds_totals() -> None:
    table = build().tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Grupp", "Antal"]
    assert [c.text for c in table.rows[-1].cells] == ["Totalt", "7"]
    assert table.rows[-1].cells[0].paragraphs[0].runs[0].bold
    size = table.rows[1].cells[0].paragraphs[0].runs[0].font.size
    assert size.pt >= 9  # readable, no 8 pt tables
    right = table.rows[0].cells[1].paragraphs[0].alignment
    assert right is not None and int(right) == 2  # the header sits over its numbers


def test_body_order_is_kept_with_direct_inserts() -> None:
    doc = WordDocument(PROPS)
    for i in range(50):
        doc.paragraph(f"p{i}")
    out = docx.Document(io.BytesIO(doc.save()))
    assert [p.text for p in out.paragraphs] == [f"p{i}" for i in range(50)]
    assert out.element.body[-1].tag == qn("w:sectPr")


def test_contents_is_a_toc_field_with_a_pageref_per_heading() -> None:
    doc = build()
    body = doc.element.body.xml
    assert body.count(' TOC \\o "1-1" \\h \\z \\u ') == 1
    assert body.count('w:fldCharType="begin"') == 3  # the TOC and one PAGEREF per entry
    entries = [p for p in doc.paragraphs if " PAGEREF " in p._p.xml]
    assert [p.text for p in entries] == ["Inledning\t", "Siffror\t"]
    link = entries[0]._p.find(qn("w:hyperlink"))
    anchor = link.get(qn("w:anchor"))
    assert f" PAGEREF {anchor} \\h " in entries[0]._p.xml and f'w:name="{anchor}"' in body
    assert 'w:leader="dot"' in entries[0]._p.xml
    # nothing makes Word ask to update fields on open
    assert doc.settings.element.find(qn("w:updateFields")) is None and "w:dirty" not in body


def test_headings_never_skip_a_level() -> None:
    """A screen reader's list of headings has no gaps: the coordinator's Markdown may jump
    from # to ###, a report may start a section at level 2; each heading is at most one
    level below the one before it (issue 27)."""
    doc = WordDocument(PROPS)
    doc.heading("Om uppföljningen", 2)
    doc.markdown("# Bakgrund\n\n### Detalj\n\n#### Mer\n\n## Nästa\n", below=1)
    doc.heading("Resultat", 1)
    doc.heading("Fråga", 3)
    levels = [(p.text, p.style.name) for p in docx.Document(io.BytesIO(doc.save())).paragraphs
              if p.style.name.startswith("Heading")]
    assert levels == [("Om uppföljningen", "Heading 1"), ("Bakgrund", "Heading 2"),
                      ("Detalj", "Heading 3"), ("Mer", "Heading 4"), ("Nästa", "Heading 3"),
                      ("Resultat", "Heading 1"), ("Fråga", "Heading 2")]
