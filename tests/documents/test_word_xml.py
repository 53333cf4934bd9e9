"""Paragraphs and runs parsed from strings are the same XML as made element by element."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from vastbus_cli.documents import word_parts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def _made(style_id: str | None, page_break: bool,
          runs: list[tuple[str, bool, bool, int | None]]) -> bytes:
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
    return etree.tostring(p)


texts = st.text(st.sampled_from(list("ab å&<>\"'\r\n\t\x01]]>") + ["\u2028", "😀"]), max_size=12)
runs = st.lists(st.tuples(texts, st.booleans(), st.booleans(), st.sampled_from([None, 18, 20])),
                max_size=4)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([None, "ListBullet", "Rubrik1", 'a&b"c']), st.booleans(), runs)
def test_parsed_paragraph_is_the_made_one(style_id: str | None, page_break: bool,
                                          items: list[tuple[str, bool, bool, int | None]]) -> None:
    content = "".join(word_parts.run_xml(v, bold=b, italic=i, half_points=h)
                      for v, b, i, h in items)
    parsed = word_parts.parse_fragment(word_parts.paragraph_xml(content, style_id, page_break))
    assert etree.tostring(parsed) == _made(style_id, page_break, items)
