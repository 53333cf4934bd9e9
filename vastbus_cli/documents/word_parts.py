"""Word building blocks python-docx lacks: fields, repeated header rows, page setup, styles.

Only called from `documents/word.py`, which imports python-docx lazily; so does
every function here.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from vastbus_cli.documents.problem import DocumentProblem
from vastbus_cli.documents.table import Table
from vastbus_cli.render.cells import strip_illegal

#: Styles the summary uses, with the name Swedish Word shows for each.
STYLES = {
    "Normal": "Normal",
    "Title": "Rubrik",
    "Subtitle": "Underrubrik",
    "Heading 1": "Rubrik 1",
    "Heading 2": "Rubrik 2",
    "Heading 3": "Rubrik 3",
    "List Bullet": "Punktlista",
    "Table Grid": "Tabellrutnät",
}
TABLE_FONT_PT = 10
WIDE_TABLE_FONT_PT = 9
WIDE = 7  # columns; from here on a table uses the smaller font
CHAR_CM = 0.25  # a generous character width at 9–10 pt (bold, serif fallbacks), in cm
MAX_HEADER_CM = 4.0  # a longer rotated header wraps onto a second line
TWIPS_PER_CM = 566.93
CELL_PADDING_CM = 0.5  # Word's default cell margins, left and right, and a little air


class MissingStyle(DocumentProblem):
    """The reference document lacks a style the summary needs."""


def text(value: object) -> str:
    """Text Word can carry: pasted control characters removed."""
    return strip_illegal("" if value is None else str(value))


def open_document(reference: Path | None) -> Any:
    """A new document, or the reference document emptied of its content (keeping its styles)."""
    import docx
    from docx.shared import Cm

    if reference is None:
        doc = docx.Document()
        for section in doc.sections:  # python-docx's default is US Letter; Sweden uses A4
            section.page_width, section.page_height = Cm(21.0), Cm(29.7)
            section.left_margin = section.right_margin = Cm(2.2)
            section.top_margin = section.bottom_margin = Cm(2.2)
    else:
        try:
            doc = docx.Document(str(reference))
        except Exception as exc:  # python-docx raises several types for a file that is not .docx
            raise DocumentProblem(f"{reference} kan inte läsas som ett Word-dokument (.docx).",
                                "Spara dokumentet som .docx i Word och försök igen.") from exc
        body = doc.element.body
        for child in list(body):
            if not child.tag.endswith("}sectPr"):
                body.remove(child)
        check_styles(doc, reference)
    doc.core_properties.language = "sv-SE"
    _swedish_proofing(doc)
    return doc


def check_styles(doc: Any, reference: Path) -> None:
    names = {s.name for s in doc.styles}
    for name, swedish in STYLES.items():
        try:
            doc.styles[name]
        except KeyError:
            if name not in names:
                raise MissingStyle(
                    f"Referensdokumentet {reference} saknar formatmallen '{name}' "
                    f"('{swedish}' i svenska Word).",
                    "Lägg till formatmallen i dokumentet (t.ex. genom att använda den en gång), "
                    "eller utgå från ett dokument som har den.") from None


def _swedish_proofing(doc: Any) -> None:
    """Mark the document's default language Swedish, so Word spell-checks in Swedish."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        return
    rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if rpr is None:
        return
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "sv-SE")


def add_field(paragraph: Any, instruction: str, placeholder: str = "") -> None:
    """A Word field (PAGE, TOC …) as begin/instr/separate/result/end runs."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> Any:
        run = paragraph.add_run()
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        run._r.append(fld)
        return run

    char("begin")
    instr = paragraph.add_run()._r
    node = OxmlElement("w:instrText")
    node.set(qn("xml:space"), "preserve")
    node.text = f" {instruction} "
    instr.append(node)
    char("separate")
    paragraph.add_run(placeholder)
    char("end")


def footer_page_numbers(doc: Any, label: str) -> None:
    """`label · Sida 3 av 12` in every footer; the title page has none."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for section in doc.sections:
        section.different_first_page_header_footer = True
        paragraph = section.footer.paragraphs[0]
        paragraph.text = ""
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(f"{text(label)} · Sida ")
        add_field(paragraph, "PAGE", "1")
        paragraph.add_run(" av ")
        add_field(paragraph, "NUMPAGES", "1")


def _widths(table: Table, usable_cm: float, rotated: set[int]) -> list[float]:
    """Column widths in cm: each column fits its longest word, text columns share the rest.

    A rotated header does not count (it runs along the column). When even the
    longest words do not fit the page, every column shrinks alike.
    """
    rows = table.text_rows()
    need: list[float] = []
    spare: list[float] = []
    for i, header in enumerate(table.headers):
        cells = [r[i] for r in rows] + ([] if i in rotated else [header])
        words = max([len(w) for c in cells for w in c.split()] + [2])
        need.append(words * CHAR_CM + CELL_PADDING_CM)
        longest = max([len(c) for c in cells] + [0])
        spare.append(0.0 if table.numeric(i) else max(min(longest, 60) - words, 0) * CHAR_CM)
    left = usable_cm - sum(need)
    if left <= 0:
        return [usable_cm * n / sum(need) for n in need]
    if sum(spare) > left:
        return [n + left * sp / sum(spare) for n, sp in zip(need, spare, strict=True)]
    extra = left - sum(spare)  # everything fits on one line: share what is left alike
    return [n + sp + extra / len(need) for n, sp in zip(need, spare, strict=True)]


def add_table(body: Any, before: Any, table: Table, usable_cm: float, style_id: str) -> Any:
    """A table with a bold header row repeated on every page and numbers right-aligned.

    Written as raw WordprocessingML and inserted before `before` (the body's
    section properties), so adding a table never scans the document or the
    style list: linear time. Headers of number columns are right-aligned like
    their numbers; totals rows are bold.
    """
    from docx.oxml import OxmlElement
    from docx.table import Table as DocxTable

    half_points = 2 * (WIDE_TABLE_FONT_PT if len(table.headers) >= WIDE else TABLE_FONT_PT)
    numeric = [table.numeric(i) for i in range(len(table.headers))]
    rotated = {i for i in range(1, len(table.headers)) if numeric[i]} if (
        table.dash_zero and len(table.headers) >= WIDE) else set()  # a wide matrix of counts
    widths = [str(round(w * TWIPS_PER_CM)) for w in _widths(table, usable_cm, rotated)]
    body_rows = table.text_rows()
    tbl = OxmlElement("w:tbl")
    pr = sub(tbl, "w:tblPr")
    sub(pr, "w:tblStyle", val=style_id)
    sub(pr, "w:tblW", w="0", type="auto")
    sub(pr, "w:tblLayout", type="fixed")
    sub(pr, "w:tblLook", val="04A0", firstRow="1", lastRow="0", firstColumn="1", lastColumn="0",
        noHBand="0", noVBand="1")
    grid = sub(tbl, "w:tblGrid")
    for w in widths:
        sub(grid, "w:gridCol", w=w)
    first_total = len(body_rows) - table.totals
    for r, values in enumerate([table.headers, *body_rows]):
        tr = sub(tbl, "w:tr")
        if r == 0:
            trpr = sub(tr, "w:trPr")
            sub(trpr, "w:cantSplit")
            if rotated:
                longest = max(len(table.headers[i]) for i in rotated)
                height = min(longest * CHAR_CM * 0.85 + 0.3, MAX_HEADER_CM)
                sub(trpr, "w:trHeight", val=str(round(height * TWIPS_PER_CM)), hRule="atLeast")
            sub(trpr, "w:tblHeader")
        bold = r == 0 or r - 1 >= first_total
        for i, value in enumerate(values):
            tc = sub(tr, "w:tc")
            tcpr = sub(tc, "w:tcPr")
            sub(tcpr, "w:tcW", w=widths[i], type="dxa")
            if r == 0 and i in rotated:
                sub(tcpr, "w:textDirection", val="btLr")
            p = sub(tc, "w:p")
            if numeric[i] and not (r == 0 and i in rotated):
                sub(sub(p, "w:pPr"), "w:jc", val="right")
            add_run(p, value, bold=bold, half_points=half_points)
    before.addprevious(tbl)
    return DocxTable(tbl, body)


def _style(tbl: Any, style_id: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tbl_pr = tbl.tblPr
    node = tbl_pr.find(qn("w:tblStyle"))
    if node is None:
        node = OxmlElement("w:tblStyle")
        tbl_pr.insert(0, node)
    node.set(qn("w:val"), style_id)


def bookmark(paragraph: Any, name: str, number: int) -> None:
    """A bookmark around a paragraph's content (a target for the contents list's links)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    p = paragraph._p
    ppr = p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def internal_link(paragraph: Any, label: str, anchor: str) -> None:
    """Text that jumps to a bookmark (in Word and in a PDF made by LibreOffice)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    run = OxmlElement("w:r")
    node = OxmlElement("w:t")
    node.set(qn("xml:space"), "preserve")
    node.text = text(label)
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


def external_link(paragraph: Any, label: str, url: str, bold: bool = False,
                  italic: bool = False) -> None:
    """A web link: blue and underlined, as Word shows one."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    rpr = OxmlElement("w:rPr")
    for tag, value in (("w:b", None), ("w:i", None), ("w:color", "0563C1"), ("w:u", "single")):
        if (tag == "w:b" and not bold) or (tag == "w:i" and not italic):
            continue
        node = OxmlElement(tag)
        if value:
            node.set(qn("w:val"), value)
        rpr.append(node)
    run.append(rpr)
    node = OxmlElement("w:t")
    node.set(qn("xml:space"), "preserve")
    node.text = text(label)
    run.append(node)
    link.append(run)
    paragraph._p.append(link)


# -- fast XML: python-docx's property setters search long successor lists on every call ----
@functools.cache
def _clark(tag: str) -> str:
    """`w:b` → `{namespace}b`, once per tag (qn splits and looks up on every call)."""
    from docx.oxml.ns import qn

    return qn(tag)


def sub(parent: Any, tag: str, **attrs: str) -> Any:
    """A child element `w:tag` with `w:` attributes, appended (no successor search)."""
    node = parent.makeelement(_clark(tag), {_clark(f"w:{k}"): v for k, v in attrs.items()})
    parent.append(node)
    return node


def add_run(p: Any, value: str, bold: bool = False, italic: bool = False,
            half_points: int | None = None) -> Any:
    """A run with its text appended to paragraph element `p`, in schema order."""
    r = sub(p, "w:r")
    if bold or italic or half_points:
        rpr = sub(r, "w:rPr")
        if bold:
            sub(rpr, "w:b")
        if italic:
            sub(rpr, "w:i")
        if half_points:
            sub(rpr, "w:sz", val=str(half_points))
            sub(rpr, "w:szCs", val=str(half_points))
    t = sub(r, "w:t")
    t.set(_clark("xml:space"), "preserve")
    t.text = text(value)
    return r
