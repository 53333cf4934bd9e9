"""Bidi and control characters are written out when printed to a terminal (issue #19.5)."""

from __future__ import annotations

import pytest

from vastbus_cli.reporters import visible


@pytest.mark.parametrize(("raw", "shown"), [
    ("abc\u202edcb", "abc\\u202edcb"),          # right-to-left override
    ("a\u2066b\u2069", "a\\u2066b\\u2069"),      # isolates
    ("rad\u2028två\u2029", "rad\\u2028två\\u2029"),  # line and paragraph separators
    ("\ufeffbom", "\\ufeffbom"),
    ("\u061carabic mark", "\\u061carabic mark"),
    ("\x1b[2J", "\\x1b[2J"),
    ("\u2060joiner", "\\u2060joiner"),
    ("Skövde – Hjo → Tibro", "Skövde – Hjo → Tibro"),  # ordinary text untouched
])
def test_visible_writes_out_what_a_terminal_would_obey(raw: str, shown: str) -> None:
    assert visible(raw) == shown
