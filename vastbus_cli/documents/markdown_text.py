"""The coordinator's own Markdown (introduction, conclusions) as simple blocks every format can lay out.

Parsed with markdown-it-py (already installed: rich depends on it), CommonMark
with raw HTML switched off, so a `<script>` in an introduction stays text.
What a coordinator writes in a letter is supported: headings, paragraphs,
bullet and numbered lists (nested), bold, italic, code, links, quotes and line
breaks. Anything else (tables, images, code blocks) comes through as its text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

BULLET = "•"


@dataclass(frozen=True)
class Span:
    """A run of text with its emphasis; `href` when it is (part of) a link."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    href: str | None = None


@dataclass(frozen=True)
class Block:
    """A heading, a paragraph or a list item.

    `kind` is "heading", "paragraph", "item" or "quote"; `level` is the heading
    level (1–6) or the list depth (1 for a top-level item); `number` is set for
    an item of a numbered list.
    """

    kind: str
    spans: list[Span] = field(default_factory=list)
    level: int = 1
    number: int | None = None

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


def parse(source: str) -> list[Block]:
    """Blocks in reading order (CRLF, a BOM and tabs are fine)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False})
    tokens = md.parse(source.replace("\r\n", "\n").lstrip("\ufeff"))
    blocks: list[Block] = []
    lists: list[list[int | None]] = []  # per open list: [next number] or [None] for bullets
    quote = 0
    pending_item: tuple[int, int | None] | None = None
    heading_level = 0
    for tok in tokens:
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            start = int(tok.attrGet("start") or 1) if t == "ordered_list_open" else None
            lists.append([start])
        elif t in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif t == "list_item_open":
            number = lists[-1][0]
            if number is not None:
                lists[-1][0] = number + 1
            pending_item = (len(lists), number)
        elif t == "blockquote_open":
            quote += 1
        elif t == "blockquote_close":
            quote -= 1
        elif t == "heading_open":
            heading_level = int(tok.tag[1])
        elif t == "heading_close":
            heading_level = 0
        elif t == "inline":
            spans = _spans(tok.children or [])
            if not spans:
                continue
            if heading_level:
                blocks.append(Block("heading", spans, heading_level))
            elif pending_item is not None:
                blocks.append(Block("item", spans, pending_item[0], pending_item[1]))
                pending_item = None
            elif lists:  # a second paragraph inside a list item
                blocks.append(Block("item", spans, len(lists), None))
            else:
                blocks.append(Block("quote" if quote else "paragraph", spans))
        elif t in ("fence", "code_block"):
            blocks.append(Block("paragraph", [Span(tok.content.rstrip("\n"), code=True)]))
    return blocks


def _spans(children: list[Any]) -> list[Span]:
    out: list[Span] = []
    bold = italic = 0
    href: str | None = None
    for tok in children:
        t = tok.type
        if t == "strong_open":
            bold += 1
        elif t == "strong_close":
            bold -= 1
        elif t == "em_open":
            italic += 1
        elif t == "em_close":
            italic -= 1
        elif t == "link_open":
            href = str(tok.attrGet("href") or "") or None
        elif t == "link_close":
            href = None
        elif t in ("text", "html_inline"):
            out.append(Span(tok.content, bool(bold), bool(italic), False, href))
        elif t == "code_inline":
            out.append(Span(tok.content, bool(bold), bool(italic), True, href))
        elif t == "softbreak":
            out.append(Span(" ", bool(bold), bool(italic), False, href))
        elif t == "hardbreak":
            out.append(Span("\n", bool(bold), bool(italic), False, href))
        elif t == "image":
            out.append(Span(tok.content or "", bool(bold), bool(italic), False, href))
    return _merge(out)


def _merge(spans: list[Span]) -> list[Span]:
    """Neighbouring spans with the same look as one (markdown-it splits text at every `*`)."""
    merged: list[Span] = []
    for s in spans:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].code, merged[-1].href) == (
                s.bold, s.italic, s.code, s.href):
            merged[-1] = Span(merged[-1].text + s.text, s.bold, s.italic, s.code, s.href)
        else:
            merged.append(s)
    return merged


def plain_line(block: Block) -> str:
    """One block as plain text: a list item with its bullet or number, a link with its address."""
    text = "".join(s.text + (f" ({s.href})" if s.href and s.href != s.text else "")
                   for s in block.spans)
    if block.kind == "item":
        mark = f"{block.number}." if block.number is not None else BULLET
        return "  " * (block.level - 1) + f"{mark} {text}"
    return text


def plain_text(source: str) -> list[str]:
    """The Markdown as plain lines (for a spreadsheet cell per line)."""
    return [plain_line(b) for b in parse(source)]


def top_level(blocks: list[Block]) -> int:
    """The level of the text's own top headings (1 when it has none)."""
    return min((b.level for b in blocks if b.kind == "heading"), default=1)


def shift_headings(source: str, below: int) -> str:
    """The Markdown with its headings moved under a heading of level `below` (for an outer document).

    The text's top headings (`#` or `##`, whichever it starts from) become
    level `below + 1`, and the others keep their distance below them; levels
    stop at 6. Only ATX headings outside code are moved.
    """
    from markdown_it import MarkdownIt

    text = source.replace("\r\n", "\n").lstrip("\ufeff")
    lines = text.split("\n")
    tokens = MarkdownIt("commonmark", {"html": False}).parse(text)
    top = min((int(t.tag[1]) for t in tokens if t.type == "heading_open"), default=1)
    for tok in tokens:
        if tok.type == "heading_open" and tok.markup.startswith("#") and tok.map:
            row = tok.map[0]
            stripped = lines[row].lstrip()
            indent = lines[row][: len(lines[row]) - len(stripped)]
            level = min(int(tok.tag[1]) - top + 1 + below, 6)
            lines[row] = indent + "#" * level + stripped[len(tok.markup):]
    return "\n".join(lines).strip("\n")
