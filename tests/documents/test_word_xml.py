"""Paragraphs and runs parsed from strings are the same XML as made element by element."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from vastbus_cli.documents import word_parts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def _made(style_id: str | None, page_break: bool,
          runs: list[tuple[str, bool, bool, int | None]]) -> Any:
    """The element-by-element way (what `new_paragraph` and `add_run` did)."""
    p = etree.Element(f"{{{W}}}p", nsmap={"w": W})
    if style_id is not None or page_break:
        ppr = etree.SubElement(p, f"{{{W}}}pPr")
        if style_id is not None:
            etree.SubElement(ppr, f"{{{W}}}pStyle", {f"{{{W}}}val": style_id})
        if page_break:
            etree.SubElement(ppr, f"{{{W}}}pageBreakBefore")
    for value, bold, italic, half_points in runs:
        r = etree.SubElement(p, f"{{{W}}}r")
        if bold or italic or half_points:
            rpr = etree.SubElement(r, f"{{{W}}}rPr")
            if bold:
                etree.SubElement(rpr, f"{{{W}}}b")
            if italic:
                etree.SubElement(rpr, f"{{{W}}}i")
            if half_points:
                etree.SubElement(rpr, f"{{{W}}}sz", {f"{{{W}}}val": str(half_points)})
                etree.SubElement(rpr, f"{{{W}}}szCs", {f"{{{W}}}val": str(half_points)})
        t = etree.SubElement(r, f"{{{W}}}t", {f"{{{XML_NS}}}space": "preserve"})
        t.text = word_parts.text(value)
    return p


texts = st.text(st.sampled_from(list("ab å&<>\"'\r\n\t\x01]]>") + ["\u2028", "😀"]), max_size=12)
runs = st.lists(st.tuples(texts, st.booleans(), st.booleans(), st.sampled_from([None, 18, 20])),
                max_size=4)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([None, "ListBullet", "Rubrik1", 'a&b"c']), st.booleans(), runs)
def test_parsed_paragraph_is_the_made_one(style_id: str | None, page_break: bool,
                                          items: list[tuple[str, bool, bool, int | None]]) -> None:
    content = "".join(word_parts.run_xml(v, bold=b, italic=i, half_points=h)
                      for v, b, i, h in items)
    xml = word_parts.paragraph_xml(content, style_id, page_break)
    [parsed] = word_parts.parse_fragments(xml)
    made = _made(style_id, page_break, items)
    assert etree.tostring(parsed) == etree.tostring(made)
    # as text in the document (UTF-8, `w:` declared at its root), it is what lxml writes
    as_written = etree.tostring(made, encoding="unicode")
    assert xml == as_written.replace(f' xmlns:w="{W}"', "", 1)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["p", "h", "b", "t", "m"]), texts), max_size=8))
def test_document_as_text_is_the_document_as_elements(steps: list[tuple[str, str]]) -> None:
    """Saved from text (placeholders filled in) or with every paragraph and table made
    into elements right away (as when a caller uses them), document.xml is the same."""
    import datetime as dt
    import io
    import zipfile

    from vastbus_cli.documents.properties import Properties
    from vastbus_cli.documents.table import Table
    from vastbus_cli.documents.word import WordDocument

    def build(use: bool) -> bytes:
        doc = WordDocument(Properties(title="T", author="A", date=dt.date(2026, 3, 1)))
        doc.title_page("Titel", "Under", [("Delregion", "Skaraborg")])
        doc.contents()
        for kind, value in steps:
            if kind == "p":
                made = doc.paragraph(value, bold_lead="Obs! " if value else "")
            elif kind == "h":
                made = doc.heading(value or "Rubrik", 1, new_page=bool(value))
            elif kind == "b":
                made = doc.bullet(value)
            elif kind == "t":
                made = doc.table(Table(["Grupp", "Antal"], [[value, 3], ["Totalt", 3]]))
            else:
                doc.markdown(f"# {value or 'x'}\n\nText *{value}*", below=1)
                continue
            if use:
                _ = made._element if kind != "t" else made._tbl
        data = doc.save()
        return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")

    assert build(use=False) == build(use=True)
