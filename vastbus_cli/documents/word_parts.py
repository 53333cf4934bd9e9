"""Word building blocks python-docx lacks: fields, repeated header rows, page setup, styles.

Only called from `documents/word.py`, which imports python-docx lazily; so does
every function here.
"""

from __future__ import annotations

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


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    node = OxmlElement("w:tblHeader")
    node.set(qn("w:val"), "true")
    trpr.append(node)
    cant_split = OxmlElement("w:cantSplit")
    trpr.append(cant_split)


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


def _header_height(row: Any, labels: list[str]) -> None:
    """Room for rotated header text (Word and LibreOffice do not grow the row for it)."""
    from docx.enum.table import WD_ROW_HEIGHT_RULE
    from docx.shared import Cm

    longest = max(len(label) for label in labels)
    row.height = Cm(min(longest * CHAR_CM * 0.85 + 0.3, MAX_HEADER_CM))
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST


def _rotate(cell: Any) -> None:
    """Header text running bottom to top, so a matrix of counts stays narrow."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tcpr = cell._tc.get_or_add_tcPr()
    node = OxmlElement("w:textDirection")
    node.set(qn("w:val"), "btLr")
    tcpr.append(node)


def add_table(body: Any, before: Any, table: Table, usable_cm: float, style_id: str) -> Any:
    """A table with a bold header row repeated on every page and numbers right-aligned.

    Built as one element and inserted before `before` (the body's section
    properties), so adding a table never scans the document: linear time.
    Headers of number columns are right-aligned like their numbers; totals rows
    are bold.
    """
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.table import CT_Tbl
    from docx.shared import Cm, Pt
    from docx.table import Table as DocxTable

    size = Pt(WIDE_TABLE_FONT_PT if len(table.headers) >= WIDE else TABLE_FONT_PT)
    numeric = [table.numeric(i) for i in range(len(table.headers))]
    rotated = {i for i in range(1, len(table.headers)) if numeric[i]} if (
        table.dash_zero and len(table.headers) >= WIDE) else set()  # a wide matrix of counts
    widths = _widths(table, usable_cm, rotated)
    body_rows = table.text_rows()
    tbl = CT_Tbl.new_tbl(len(body_rows) + 1, len(table.headers), Cm(sum(widths)))
    before.addprevious(tbl)
    out = DocxTable(tbl, body)
    _style(tbl, style_id)
    out.autofit = False
    for i, column in enumerate(out.columns):  # the grid (LibreOffice reads it) and the cells
        column.width = Cm(widths[i])
    first_total = len(body_rows) - table.totals
    for r, (row, values) in enumerate(zip(out.rows, [table.headers, *body_rows], strict=True)):
        if r == 0:
            _repeat_header(row)
            if rotated:
                _header_height(row, [table.headers[i] for i in rotated])
        bold_row = r == 0 or r - 1 >= first_total
        for i, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
            cell.width = Cm(widths[i])
            paragraph = cell.paragraphs[0]
            run = paragraph.add_run(text(value))
            run.font.size = size
            run.bold = bold_row
            if numeric[i] and not (r == 0 and i in rotated):
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if r == 0 and i in rotated:
                _rotate(cell)
    return out


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
