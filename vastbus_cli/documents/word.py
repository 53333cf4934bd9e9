"""A Word document built top to bottom: title page, contents, headings, text, Markdown, tables.

The one Word layer every job uses (the sub-regional summary, the survey
report). Usage:

    doc = WordDocument(Properties(title=…, author=…, date=…))
    doc.title_page(title, subtitle, facts=[("Delregion", "Skaraborg")])
    doc.contents()
    doc.heading("Översikt", 1)
    doc.paragraph("Text", bold_lead="Obs! ")
    doc.markdown(open("inledning.md").read(), below=1)
    doc.table(Table(["Grupp", "Antal"], [["Skövde", 3], ["Totalt", 3]]))
    data = doc.save()

Time is linear in the document's length: python-docx's `add_paragraph` finds
the section properties by scanning the body on every insert and looks styles up
by name through every style, so this class inserts each element directly before
the section properties it holds on to and caches style ids once.

The contents is a real table-of-contents field (`TOC \\o "1-n" \\h`), written
when the document is saved with one linked entry per heading; its page
numbers are filled by LibreOffice on the way to PDF and by Word when it
updates fields (see `_fill_contents`).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from vastbus_cli.documents import docx_xml, markdown_text, word_parts
from vastbus_cli.documents.properties import Properties, set_word_properties
from vastbus_cli.documents.table import Table
from vastbus_cli.documents.word_parts import text

EMU_PER_CM = 360000
CONTENTS_TITLE = "Innehåll"


class WordDocument:
    def __init__(self, properties: Properties, reference: Path | None = None,
                 contents_levels: int = 1) -> None:
        self.doc = word_parts.open_document(reference)
        self.properties = properties
        self.container = docx_xml.body(self.doc)  # the container proxy paragraphs and tables belong to
        body = self.doc.element.body
        self._end = body.find(_qn("w:sectPr"))
        if self._end is None:  # a body without section properties: keep an anchor at the end
            self._end = body.makeelement(_qn("w:sectPr"), {})
            body.append(self._end)
        self._style_ids = {s.name: s.style_id for s in self.doc.styles}
        section = self.doc.sections[-1]
        self.usable_cm = (section.page_width - section.left_margin
                          - section.right_margin) / EMU_PER_CM
        self.contents_levels = contents_levels
        self._contents_at: Any = None
        self._headings: list[tuple[int, str, str]] = []  # level, text, bookmark
        self._level = 0  # the last heading's level
        self._page_pending = False
        # paragraphs and tables kept as WordprocessingML text (see `_queue`)
        self._pending: list[str] = []
        self._batch = 0  # the number of the pending batch
        self._made: dict[int, list[Any] | None] = {}  # batch → its elements (None: as text)
        self._texts: list[str] = []  # batches kept as text, by placeholder number

    # -- low level ------------------------------------------------------------------
    def _style_id(self, name: str) -> str | None:
        return self._style_ids.get(name)

    def has_style(self, name: str) -> bool:
        return name in self._style_ids

    def new_paragraph(self, style: str | None = None) -> Any:
        """An empty paragraph at the end of the document (a python-docx `Paragraph`)."""
        from docx.oxml import OxmlElement
        from docx.text.paragraph import Paragraph

        self._seal()
        p = OxmlElement("w:p")
        style_id = self._style_id(style) if style else None
        if (style_id is not None and style != "Normal") or self._page_pending:
            ppr = word_parts.sub(p, "w:pPr")
            if style_id is not None and style != "Normal":
                word_parts.sub(ppr, "w:pStyle", val=style_id)
            if self._page_pending:
                word_parts.sub(ppr, "w:pageBreakBefore")
                self._page_pending = False
        self._end.addprevious(p)
        return Paragraph(p, self.container)

    # -- building blocks -------------------------------------------------------------
    def title_page(self, title: str, subtitle: str = "",
                   facts: list[tuple[str, str]] | None = None,
                   notes: list[tuple[str, str]] | None = None) -> None:
        """A title, a subtitle, labelled facts (Delregion: Skaraborg …), notes; then a new page."""
        from docx.shared import Pt

        p = self.new_paragraph("Title")
        p.add_run(text(title))
        p.paragraph_format.space_before = Pt(140)  # a title page, not a heading
        if subtitle:
            self.new_paragraph("Subtitle").add_run(text(subtitle))
        for label, value in facts or []:
            self.paragraph(value, f"{label}: ")
        for label, value in notes or []:
            self.paragraph(value, f"{label} " if label else "")
        self.page_break()

    def page_break(self) -> None:
        """The next paragraph starts a new page."""
        self._page_pending = True

    def contents(self, title: str = CONTENTS_TITLE, new_page: bool = True) -> None:
        """The place of the contents list; the headings are listed there when saving.

        `new_page=False` lets what follows share the page (a short report's summary)."""
        if self.has_style("TOC Heading"):
            self.new_paragraph("TOC Heading").add_run(title)
        else:  # a reference document without it: a bold line, kept out of the contents
            self.new_paragraph().add_run(title).bold = True
        self._contents_at = self.new_paragraph()
        if new_page:
            self.page_break()

    def heading(self, value: str, level: int, new_page: bool = False) -> Any:
        """A real heading (navigable, listed in the contents); `new_page` starts a page with it.

        At most one level below the heading before it: a screen reader lists the headings,
        and a skipped level (the coordinator's Markdown going from # to ###) reads as a
        missing section (WCAG 1.3.1, PDF/UA)."""
        level = max(1, min(level, 9, self._level + 1))
        style = f"Heading {level}"
        while not self.has_style(style) and level > 1:  # a reference document with fewer levels
            level -= 1
            style = f"Heading {level}"
        self._level = level
        if new_page:
            self.page_break()
        content = word_parts.run_xml(value)
        listed = level <= self.contents_levels
        if listed:
            name = f"_Toc{len(self._headings) + 1:08d}"
            content = word_parts.bookmark_xml(content, name, len(self._headings) + 1)
            self._headings.append((level, value, name))
        return self._add(content, style)

    def paragraph(self, value: str = "", bold_lead: str = "", italic: bool = False,
                  style: str | None = None, keep_with_next: bool | None = None) -> Any:
        """A paragraph; a lead-in line (ending in a colon, or a bold lead alone) stays on the
        page of what it introduces unless `keep_with_next` says otherwise."""
        content = word_parts.run_xml(bold_lead, bold=True) if bold_lead else ""
        if value:
            content += word_parts.run_xml(value, italic=italic)
        if keep_with_next is None:
            keep_with_next = is_lead_in(value, bold_lead)
        return self._add(content, style, keep_with_next)

    def _add(self, content: str, style: str | None, keep_with_next: bool = False) -> Any:
        """A paragraph of `content` (WordprocessingML runs) at the end, as `new_paragraph`
        would make it."""
        style_id = self._style_id(style) if style and style != "Normal" else None
        xml = word_parts.paragraph_xml(content, style_id, self._page_pending, keep_with_next)
        self._page_pending = False
        return self._queue(xml, "p")

    # -- text: a long document is written as text, never as a tree of elements ------
    def _queue(self, xml: str, kind: str) -> _Later:
        """Keep a paragraph or table as text; it becomes elements only if it is used.

        A document tree of half a million elements costs ~140 MB for 1,000
        reports and is slow to build and to write out; as text, each batch of
        paragraphs between two elements made with python-docx stands in the tree
        as one placeholder and is put in place when the document is saved.
        """
        self._pending.append(xml)
        return _Later(self, self._batch, len(self._pending) - 1, kind)

    def _materialize(self) -> None:
        """The pending paragraphs and tables as real elements, in place."""
        elements = word_parts.parse_fragments("".join(self._pending)) if self._pending else []
        for element in elements:
            self._end.addprevious(element)
        self._made[self._batch] = elements
        self._pending = []
        self._batch += 1

    def _seal(self) -> None:
        """The pending paragraphs and tables stay text: a placeholder holds their place."""
        from lxml import etree

        if not self._pending:
            return
        self._end.addprevious(etree.ProcessingInstruction(_PLACEHOLDER, str(len(self._texts))))
        self._texts.append("".join(self._pending))
        self._made[self._batch] = None
        self._pending = []
        self._batch += 1

    def element_at(self, batch: int, index: int) -> Any:
        if batch == self._batch:
            self._materialize()
        elements = self._made[batch]
        if elements is None:
            raise RuntimeError("A paragraph or table was used after later content was "
                               "written as text; use it right away.")
        return elements[index]

    def bullet(self, value: str, bold_lead: str = "", level: int = 1) -> Any:
        style = "List Bullet" if level <= 1 else f"List Bullet {min(level, 3)}"
        if not self.has_style(style):
            style = "List Bullet"
        return self.paragraph(value, bold_lead, style=style)

    def markdown(self, source: str, below: int = 0) -> None:
        """The coordinator's Markdown: its headings go under a heading of level `below`."""
        from docx.shared import Cm

        blocks = markdown_text.parse(source)
        shift = below + 1 - markdown_text.top_level(blocks)  # its top headings go right below
        for block in blocks:
            if block.kind == "heading":
                self.heading(block.text, block.level + shift)
                continue
            if block.kind == "item" and block.number is None:
                style = "List Bullet" if block.level <= 1 else f"List Bullet {min(block.level, 3)}"
                paragraph = self.new_paragraph(style if self.has_style(style) else "List Bullet")
            else:
                paragraph = self.new_paragraph("Quote" if block.kind == "quote"
                                               and self.has_style("Quote") else None)
                if block.kind == "item":  # numbered: the number as text, hanging
                    paragraph.paragraph_format.left_indent = Cm(0.63 * block.level)
                    paragraph.paragraph_format.first_line_indent = Cm(-0.63)
                    paragraph.add_run(f"{block.number}.\t")
            self._spans(paragraph, block.spans)

    def _spans(self, paragraph: Any, spans: list[markdown_text.Span]) -> None:
        for span in spans:
            if span.href:
                word_parts.external_link(paragraph, span.text, span.href, span.bold, span.italic)
                continue
            parts = span.text.split("\n")
            for i, part in enumerate(parts):
                run = paragraph.add_run(text(part))
                if i < len(parts) - 1:
                    run.add_break()
                run.bold = span.bold or None
                run.italic = span.italic or None
                if span.code:
                    run.font.name = "Consolas"

    def table(self, table: Table) -> Any:
        """A table (empty columns left out), then a little space."""
        out = self._queue(word_parts.table_xml(table.without_empty_columns(), self.usable_cm,
                                               self._style_id("Table Grid") or "TableGrid"), "tbl")
        self._add("", None)
        return out

    # -- finishing -----------------------------------------------------------------
    def _fill_contents(self) -> None:
        """The contents as a real TOC field: Word and LibreOffice can update it.

        Each entry links to its heading and carries a PAGEREF field for its page.
        The page numbers are left to the program that lays the document out:
        the PDF route updates the field in LibreOffice before exporting
        (`documents/libreoffice.py`), Word fills PAGEREF fields when printing or saving
        as PDF and on "Uppdatera fält" (F9). Nothing asks Word to update on
        open, which would show a warning about fields referring to other files.
        """
        if self._contents_at is None:
            return
        levels = range(1, max(1, self.contents_levels) + 1)
        styles: dict[int, str | None] = {level: self._contents_style(level) for level in levels}
        xml = word_parts.contents_xml(self._headings, self.contents_levels, styles,
                                      self.usable_cm)
        anchor = docx_xml.paragraph_element(self._contents_at)
        for element in word_parts.parse_fragments(xml):
            anchor.addprevious(element)
        anchor.getparent().remove(anchor)

    def _contents_style(self, level: int) -> str:
        """The style id of contents entries of `level`: Word's "toc n" (a reference document
        may bring it), else added in the entries' own look (`word_parts.contents_style_xml`)."""
        found = self._style_id(f"toc {level}") or self._style_id(f"TOC {level}")
        if found is not None:
            return found
        from docx.oxml.parser import parse_xml

        self.doc.styles.element.append(
            parse_xml(word_parts.contents_style_xml(level, self.usable_cm)))
        self._style_ids[f"toc {level}"] = f"TOC{level}"
        return f"TOC{level}"

    def save(self, footer: str | None = None) -> bytes:
        """The document as .docx bytes; `footer` labels every page but the first (with `Sida n av m`)."""
        self._seal()
        self._fill_contents()
        word_parts.footer_page_numbers(self.doc, footer or self.properties.title)
        set_word_properties(self.doc, self.properties)
        buffer = io.BytesIO()
        self.doc.save(buffer)
        if not self._texts:
            return buffer.getvalue()
        return _put_texts(buffer.getvalue(), self.doc.part.partname.membername, self._texts)


_PLACEHOLDER = "vastbus-text"


def is_lead_in(value: str, bold_lead: str = "") -> bool:
    """A line that introduces what follows: "Svar, 2019:", or a bold lead with nothing after it."""
    return (value or bold_lead).rstrip().endswith(":") or bool(bold_lead and not value.strip())


class _Later:
    """A paragraph or table kept as text: used, it becomes python-docx's object."""

    def __init__(self, doc: WordDocument, batch: int, index: int, kind: str) -> None:
        self._doc, self._where, self._kind = doc, (batch, index), kind

    def __getattr__(self, name: str) -> Any:
        from docx.table import Table as DocxTable
        from docx.text.paragraph import Paragraph

        element = self._doc.element_at(*self._where)
        made = (Paragraph if self._kind == "p" else DocxTable)(element, self._doc.container)
        return getattr(made, name)


def _put_texts(docx: bytes, member: str, texts: list[str]) -> bytes:
    """The saved package with each placeholder in `member` replaced by its text."""
    import re
    from zipfile import ZipFile

    pattern = re.compile(rb"<\?" + _PLACEHOLDER.encode() + rb" (\d+)\?>")
    out = io.BytesIO()
    with ZipFile(io.BytesIO(docx)) as old, ZipFile(out, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == member:
                data = pattern.sub(lambda m: texts[int(m.group(1))].encode("utf-8"), data)
            new.writestr(info, data)
    return out.getvalue()


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)
