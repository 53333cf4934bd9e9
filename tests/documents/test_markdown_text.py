"""The coordinator's Markdown as blocks: headings, lists, emphasis, links; raw HTML stays text."""

from __future__ import annotations

from vastbus_cli.documents.markdown_text import parse, plain_text, shift_headings

INTRO = """# Inledning\r
\r
Året präglades av **nya rutiner** för *SIP* och [Västbus](https://www.vastbus.se).\r
\r
- Skövde har\r
  - en ny grupp\r
- <b>Lidköping</b>\r
\r
1. Först\r
2. Sedan\r
"""


def test_blocks_keep_structure_and_emphasis() -> None:
    blocks = parse(INTRO)
    assert [(b.kind, b.level, b.number) for b in blocks] == [
        ("heading", 1, None), ("paragraph", 1, None), ("item", 1, None), ("item", 2, None),
        ("item", 1, None), ("item", 1, 1), ("item", 1, 2)]
    para = blocks[1].spans
    assert [(s.text, s.bold, s.italic, s.href) for s in para] == [
        ("Året präglades av ", False, False, None), ("nya rutiner", True, False, None),
        (" för ", False, False, None), ("SIP", False, True, None), (" och ", False, False, None),
        ("Västbus", False, False, "https://www.vastbus.se"), (".", False, False, None)]
    assert blocks[4].text == "<b>Lidköping</b>"  # raw HTML is text, never markup


def test_plain_text_for_a_spreadsheet() -> None:
    assert plain_text(INTRO) == [
        "Inledning",
        "Året präglades av nya rutiner för SIP och Västbus (https://www.vastbus.se).",
        "• Skövde har", "  • en ny grupp", "• <b>Lidköping</b>", "1. Först", "2. Sedan"]


def test_headings_move_under_the_outer_heading() -> None:
    assert shift_headings("# A\n\ntext\n\n## B\n\n```\n# not a heading\n```", 1) == (
        "## A\n\ntext\n\n### B\n\n```\n# not a heading\n```")
    assert shift_headings("## Topp\n\n### Under", 1) == "## Topp\n\n### Under"
    assert shift_headings("# A\n\n###### Djup", 3).endswith("###### Djup")
