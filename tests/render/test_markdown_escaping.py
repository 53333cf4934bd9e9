"""Markdown escaping: just enough that text renders as itself, no more (no `\\(` everywhere)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from vastbus_cli.documents.cells import md_cell, md_text

MD = MarkdownIt("commonmark")


def rendered(markdown: str) -> tuple[str, set[str]]:
    """The text a reader sees, and the kinds of tokens it came from."""
    kinds: set[str] = set()
    texts: list[str] = []
    for tok in MD.parse(markdown):
        kinds.add(tok.type)
        for child in tok.children or []:
            kinds.add(child.type)
            if child.type in ("text", "code_inline", "html_inline"):
                texts.append(child.content)
            elif child.type == "softbreak":
                texts.append("\n")
    return "".join(texts), kinds


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1.#>+-*_`[]()<>&;!\\|~=åÖ")), max_size=30))
def test_text_renders_as_itself(value: str) -> None:
    line = " ".join(value.split())  # one line, as in a list item or a cell
    if not line:
        return
    text, kinds = rendered(md_text(line))
    assert text == line
    assert kinds <= {"paragraph_open", "paragraph_close", "inline", "text"}


def test_ordinary_sentences_stay_readable() -> None:
    assert md_text("Primärvård saknas i 1 av 3 grupper (Lidköping).") == (
        "Primärvård saknas i 1 av 3 grupper (Lidköping).")
    assert md_text("+3 möten, 50 % fler; #1 i länet") == "+3 möten, 50 % fler; #1 i länet"
    assert md_text("sip_ej_kallad & BUP") == "sip_ej_kallad & BUP"
    assert md_text("# 1. <b>*x*</b> [länk](y)") == "\\# 1. \\<b>\\*x\\*\\</b> \\[länk](y)"
    assert md_cell("a | b") == "a \\| b"


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(list("ab1٣ .)>#+-*_`~[]\\<&;!/\n\t\r\u00a0")), max_size=14))
def test_md_text_shortcut_is_the_full_escape(text: str) -> None:
    """Text the shortcut passes through unchanged is text the full escape leaves alone."""
    from vastbus_cli.documents.cells import md_escape, strip_illegal

    assert md_text(text) == md_escape(strip_illegal(text))
