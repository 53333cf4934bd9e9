"""Word building blocks python-docx lacks: fields, repeated header rows, page setup, styles.

Only called from `documents/word.py`, which imports python-docx lazily; so does
every function here.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from vastbus_cli.documents import docx_xml
from vastbus_cli.documents.cells import strip_illegal
from vastbus_cli.documents.problem import DocumentProblem
from vastbus_cli.documents.table import Table

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
NARROW_TABLE_FONT_PT = 8  # a table whose headers need more than two lines at 9 pt
WIDE = 7  # columns; from here on a table uses the smaller font
CHAR_CM = 0.25  # a generous character width at 9–10 pt (bold, serif fallbacks), in cm
CM_PER_PT = 2.54 / 72
KEEP_ROWS = 25  # a table with fewer rows is kept on one page
MAX_HEADER_LINES = 2  # a header word is hyphenated over at most this many lines ("Social-
# tjänst"); three or more ("Soci-al-tjänst") reads as a puzzle, so the table's font goes down
# a point first (`_table_points`)
TWIPS_PER_CM = 566.93
CELL_PADDING_CM = 0.4  # Word's default cell margins, left and right (0.19 cm each), and a hair


class MissingStyle(DocumentProblem):
    """The reference document lacks a style the summary needs."""


def text(value: object) -> str:
    """Text Word can carry: pasted control characters removed."""
    return strip_illegal("" if value is None else str(value))


def open_document(reference: Path | None) -> Any:
    """A new document, or the reference document emptied of its content (keeping its styles,
    and nothing active: `reference.clean`)."""
    import docx
    from docx.shared import Cm

    if reference is None:
        doc = docx.Document()
        for section in doc.sections:  # python-docx's default is US Letter; Sweden uses A4
            section.page_width, section.page_height = Cm(21.0), Cm(29.7)
            section.left_margin = section.right_margin = Cm(2.2)
            section.top_margin = section.bottom_margin = Cm(2.2)
    else:
        import io

        from vastbus_cli.documents.reference import clean

        cleaned = clean(reference)  # only styles, page setup, headers …: see reference.py
        try:
            doc = docx.Document(io.BytesIO(cleaned.data))
            body = doc.element.body
            for child in list(body):
                if not child.tag.endswith("}sectPr"):
                    body.remove(child)
            check_styles(doc, reference)
            _prepare(doc)
        except DocumentProblem:
            raise
        except Exception as exc:  # python-docx raises several types for a file that is not .docx
            # (or one whose parts are damaged: a core-properties part of the wrong type)
            raise DocumentProblem(f"{reference} kan inte läsas som ett Word-dokument (.docx).",
                                "Spara dokumentet som .docx i Word och försök igen.") from exc
        return doc
    _prepare(doc)
    return doc


def _prepare(doc: Any) -> None:
    doc.core_properties.language = "sv-SE"
    _swedish_proofing(doc)


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
        docx_xml.run_element(run).append(fld)
        return run

    char("begin")
    instr = docx_xml.run_element(paragraph.add_run())
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


def text_cm(value: str, points: float) -> float:
    """A generous width of `value` in bold at `points`: capitals and m/w wider than the rest.

    Measured against the widest fonts a table may fall back to (DejaVu Serif
    Bold where Calibri or Cambria are missing), so a word estimated to fit does.
    """
    return _text_ems(value) * points * CM_PER_PT


@functools.lru_cache(maxsize=1 << 16)  # a table's words repeat: names, numbers, headers
def _text_ems(value: str) -> float:
    """`value`'s width in ems (`text_cm`); the column widths of the region's tables measure
    ~70 000 words and texts, a character at a time this was a fifth of the Word rendering."""
    return sum(map(_char_ems, value))


@functools.cache
def _char_ems(c: str) -> float:
    return (1.1 if c in "MW%" else 1.05 if c in "mw" else 0.82 if c.isupper()
            else 0.42 if c in "iljtfr.,:;'|!-()/ " else 0.7)


_BREAKS = re.compile(r"[ \t\n\r\u2002-\u2006\u2008\u200a\u200b]+")  # not U+00A0, U+2007, U+202F


def _widths(table: Table, usable_cm: float, rows: list[list[str]], points: float) -> list[float]:
    """Column widths in cm: each column fits its longest word, text columns share the rest.

    When the table does not fit, header words are hyphenated (`hyphenate`) one
    line at a time, always in the column that gains most, up to
    `MAX_HEADER_LINES`; body words never are. When even that does not fit the
    page, the columns with air to spare give it up, down to the header's
    shortest syllable.
    """
    need, body = _needs(table, rows, points)
    needs, lines = _hyphenated(table, usable_cm, need)
    if sum(needs) > usable_cm:  # columns with air give it up, none below its shortest piece
        least = [need(i, len(table.headers[i])) for i in range(len(needs))]
        over = sum(needs) - usable_cm
        room = sum(needs) - sum(least)
        if room >= over:
            needs = [n - (n - m) * over / room for n, m in zip(needs, least, strict=True)]
        else:
            needs = [usable_cm * m / sum(least) for m in least]
    return _shared_out(table, usable_cm, rows, points, needs)


def _needs(table: Table, rows: list[list[str]], points: float) -> tuple[Any, list[float]]:
    """`need(i, lines)`: column i's width with its header words over `lines` lines; the body's
    widest word per column."""
    from vastbus_cli.documents.hyphenate import widest_piece

    def measure(word: str) -> float:
        return text_cm(word, points)

    # a word ends at a space a line may break at, not at a no-break space: "19,3 % (29)" is
    # written unbreakable and must fit whole (str.split() also split at U+00A0)
    body = [max([measure(w) for r in rows for w in _BREAKS.split(r[i]) if w] + [measure("00")])
            for i in range(len(table.headers))]

    def need(i: int, lines: int) -> float:
        return max([body[i], *[widest_piece(w, lines, measure) for w in table.headers[i].split()]]
                   ) + CELL_PADDING_CM

    return need, body


def _hyphenated(table: Table, usable_cm: float, need: Any) -> tuple[list[float], list[int]]:
    """Column widths with header words hyphenated only as much as the page needs."""
    # hyphenate only as much as the page needs: each step gives one more header line to
    # the column whose header saves the most by it
    lines = [1] * len(table.headers)
    needs = [need(i, 1) for i in range(len(table.headers))]
    while sum(needs) > usable_cm:
        gains = [(needs[i] - need(i, lines[i] + 1), i) for i in range(len(needs))
                 if lines[i] < MAX_HEADER_LINES]
        gain, best = max(gains, default=(0.0, -1))
        if gain <= 1e-9:
            break
        lines[best] += 1
        needs[best] -= gain
    return needs, lines


def _table_points(table: Table, usable_cm: float, rows: list[list[str]]) -> float:
    """The table's font: 10 pt, 9 pt from `WIDE` columns, 8 pt when the headers would need
    more than `MAX_HEADER_LINES` lines at 9 pt."""
    if len(table.headers) < WIDE:
        return TABLE_FONT_PT
    need, _ = _needs(table, rows, WIDE_TABLE_FONT_PT)
    needs, _ = _hyphenated(table, usable_cm, need)
    return WIDE_TABLE_FONT_PT if sum(needs) <= usable_cm + 1e-9 else NARROW_TABLE_FONT_PT


def _shared_out(table: Table, usable_cm: float, rows: list[list[str]], points: float,
                need_cm: list[float]) -> list[float]:
    """What is left of the page shared among the text columns that can use it."""

    def measure(word: str) -> float:
        return text_cm(word, points)

    spare: list[float] = []
    for i, header in enumerate(table.headers):
        longest = max([measure(r[i]) for r in rows] + [measure(header)])
        spare.append(0.0 if table.numeric(i)
                     else max(min(longest, 60 * CHAR_CM) - need_cm[i] + CELL_PADDING_CM, 0))
    left = usable_cm - sum(need_cm)
    if left <= 1e-9:
        return need_cm
    if sum(spare) > left:
        return [n + left * sp / sum(spare) for n, sp in zip(need_cm, spare, strict=True)]
    extra = left - sum(spare)  # everything fits on one line: share what is left alike
    return [n + sp + extra / len(need_cm) for n, sp in zip(need_cm, spare, strict=True)]


def header_run_xml(value: str, width_cm: float, half_points: int) -> str:
    """A bold header cell's run; a word wider than the column gets soft hyphens (`w:softHyphen`)."""
    from vastbus_cli.documents.hyphenate import points

    room = width_cm - CELL_PADDING_CM
    parts: list[str | None] = []
    for i, word in enumerate(text(value).split(" ")):
        if i:
            parts.append(" ")
        cuts = points(word) if text_cm(word, half_points / 2) > room + 1e-9 else ()
        start = 0
        for cut in (*cuts, len(word)):
            piece = word[start:cut]
            if start and word[start - 1] not in "/-":
                parts.append(None)  # a soft hyphen before this piece
            parts.append(piece)
            start = cut
    runs = "".join("<w:softHyphen/>" if p is None else
                   f'<w:t xml:space="preserve">{_escape(p)}</w:t>' for p in parts if p != "")
    size = f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
    return f"<w:r><w:rPr><w:b/>{size}</w:rPr>{runs or _EMPTY_TEXT}</w:r>"


def table_xml(table: Table, usable_cm: float, style_id: str) -> str:
    """A table with a bold header row repeated on every page and numbers right-aligned.

    WordprocessingML as one string (`w:` declared by the document around it), so a
    table never scans the document or the style list and makes no element one by
    one: linear time. Headers of number columns are right-aligned like their
    numbers; totals rows and rows that head others (`Table.heads`) are bold, the latter kept
    with the row below. No row is split across pages, and a table
    of up to `KEEP_ROWS` rows is kept on one page (each row kept with the next).
    Header text is never rotated: long words are hyphenated instead.
    """
    numeric = [table.numeric(i) for i in range(len(table.headers))]
    body_rows = table.text_rows()
    half_points = round(2 * _table_points(table, usable_cm, body_rows))
    cm = _widths(table, usable_cm, body_rows, half_points / 2)
    widths = [str(round(w * TWIPS_PER_CM)) for w in cm]
    out = [f'<w:tbl><w:tblPr><w:tblStyle w:val="{_attr(style_id)}"/>'
           '<w:tblW w:w="0" w:type="auto"/><w:tblLayout w:type="fixed"/>'
           '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
           'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>']
    out += [f'<w:gridCol w:w="{w}"/>' for w in widths]
    out.append("</w:tblGrid>")
    keep = len(body_rows) < KEEP_ROWS
    starts = []
    for together in (True, False):
        para = ("<w:keepNext/>" if together else "")
        starts.append([f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr><w:p>'
                       + (f"<w:pPr>{para}" + ('<w:jc w:val="right"/>' if numeric[i] else "")
                          + "</w:pPr>" if para or numeric[i] else "")
                       for i, w in enumerate(widths)])
    first_total = len(body_rows) - table.totals
    for r, values in enumerate([table.headers, *body_rows]):
        out.append("<w:tr><w:trPr><w:cantSplit/>" + ("<w:tblHeader/>" if r == 0 else "")
                   + "</w:trPr>")
        # the header always stays with the first row, a row that heads others with them;
        # a short table stays together
        head = r - 1 in table.heads
        start = starts[0] if r == 0 or head or (keep and r < len(body_rows)) else starts[1]
        bold = r == 0 or head or r - 1 >= first_total
        for i, value in enumerate(values):
            cell = (header_run_xml(value, cm[i], half_points) if r == 0
                    else run_xml(value, bold=bold, half_points=half_points))
            out += (start[i], cell, "</w:p></w:tc>")
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


def field_xml(instruction: str, result: str = "", dirty: bool = False) -> str:
    """A complete field (PAGE, PAGEREF …) as runs: begin, instruction, separate, result, end."""
    return (_field_begin(instruction, dirty) + run_xml(result) + _FIELD_END)


def _field_begin(instruction: str, dirty: bool = False) -> str:
    mark = ' w:dirty="true"' if dirty else ""
    return (f'<w:r><w:fldChar w:fldCharType="begin"{mark}/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {_escape(instruction)} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>')


_FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'


def contents_xml(headings: list[tuple[int, str, str]], levels: int,
                 styles: dict[int, str | None], usable_cm: float,
                 pages: dict[str, int] | None = None) -> str:
    """Paragraphs of a TOC field over `headings` (level, text, bookmark), one entry each.

    The field spans the paragraphs: it begins in the first and ends in the
    last, as Word writes it. An entry is a link to its bookmark, a right tab
    with dots and a PAGEREF field holding the page from `pages` (empty when
    not known: the program that lays the document out fills it in).
    """
    begin = _field_begin(f'TOC \\o "1-{max(1, levels)}" \\h \\z \\u')
    if not headings:
        return f"<w:p>{begin}{_FIELD_END}</w:p>"
    out = []
    for i, (level, value, name) in enumerate(headings):
        style = styles.get(level)
        props = ((f'<w:pStyle w:val="{_attr(style)}"/>' if style else "")
                 + _contents_entry_props(level, usable_cm))
        page = str((pages or {}).get(name, ""))
        number = field_xml(f"PAGEREF {name} " + "\\h", page)
        entry = (f'<w:hyperlink w:anchor="{_attr(name)}" w:history="1">{run_xml(value)}'
                 f'<w:r><w:tab/></w:r>{number}</w:hyperlink>')
        out.append(f"<w:p><w:pPr>{props}</w:pPr>{begin if i == 0 else ''}{entry}"
                   f"{_FIELD_END if i == len(headings) - 1 else ''}</w:p>")
    return "".join(out)


def _contents_entry_props(level: int, usable_cm: float) -> str:
    """A contents entry's look: a right tab with dots at the margin, a little space after,
    indented by level."""
    tab = round(usable_cm * TWIPS_PER_CM)
    return (f'<w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{tab}"/></w:tabs>'
            '<w:spacing w:after="40"/>'
            + (f'<w:ind w:left="{round(0.7 * (level - 1) * TWIPS_PER_CM)}"/>'
               if level > 1 else ""))


def contents_style_xml(level: int, usable_cm: float) -> str:
    """Word's built-in style for contents entries of `level` ("toc 1" …), in the entries' look.

    The program that makes the contents anew (LibreOffice before a PDF, Word on
    "Uppdatera hela tabellen") sets them in this style. Without it each uses its
    own, with more space between entries: LibreOffice's contents ran a page longer
    than the ones written, and every page number after them was one too high.
    """
    return (f'<w:style {_W_NS} w:type="paragraph" w:styleId="TOC{level}">'
            f'<w:name w:val="toc {level}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>'
            f'<w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
            f'<w:pPr>{_contents_entry_props(level, usable_cm)}</w:pPr></w:style>')


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
    docx_xml.paragraph_element(paragraph).append(link)


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


# -- WordprocessingML as text: parsing a string once is several times faster than making
# -- and appending its elements one by one (each `sub` costs a proxy and a namespace search)
_W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_EMPTY_TEXT = '<w:t xml:space="preserve"></w:t>'


def _escape(value: str) -> str:
    """Text content as lxml writes it: a carriage return stays one (a parser would not)."""
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;"))


def _attr(value: str) -> str:
    return _escape(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def run_xml(value: object, bold: bool = False, italic: bool = False,
            half_points: int | None = None) -> str:
    """A run with its text, in schema order: what `add_run` makes, as a string."""
    props = ""
    if bold or italic or half_points:
        props = ("<w:rPr>" + ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
                 + (f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
                    if half_points else "") + "</w:rPr>")
    return f'<w:r>{props}<w:t xml:space="preserve">{_escape(text(value))}</w:t></w:r>'


def paragraph_xml(content: str, style_id: str | None = None, page_break: bool = False,
                  keep_with_next: bool = False) -> str:
    """A paragraph around `content` (runs, bookmarks), with its style, keep-with-next and a
    page break."""
    props = ""
    if style_id is not None or page_break or keep_with_next:
        props = ("<w:pPr>" + (f'<w:pStyle w:val="{_attr(style_id)}"/>' if style_id is not None
                              else "") + ("<w:keepNext/>" if keep_with_next else "")
                 + ("<w:pageBreakBefore/>" if page_break else "") + "</w:pPr>")
    return f"<w:p>{props}{content}</w:p>" if props or content else "<w:p/>"  # as lxml


def bookmark_xml(content: str, name: str, number: int) -> str:
    """`content` inside a bookmark, as `bookmark` puts one around a paragraph's runs."""
    return (f'<w:bookmarkStart w:id="{number}" w:name="{_attr(name)}"/>{content}'
            f'<w:bookmarkEnd w:id="{number}"/>')


def parse_fragments(xml: str) -> list[Any]:
    """Paragraphs and tables as python-docx's element classes, parsed at once.

    An empty text set through lxml is written `<w:t></w:t>`, a parsed one `<w:t/>`:
    empty texts are set again so the document is the same byte for byte.
    """
    from docx.oxml.parser import parse_xml

    wrapper = parse_xml(f"<w:body {_W_NS}>{xml}</w:body>")
    if _EMPTY_TEXT in xml:
        for node in wrapper.iter(_clark("w:t")):
            if node.text is None:
                node.text = ""
    return list(wrapper)
