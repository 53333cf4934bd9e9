"""`squeeze_blank_lines` does what the regular expression it replaced did."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from vastbus_cli.render.markdown import squeeze_blank_lines


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("a\n\r ")), max_size=60))
def test_same_as_the_regular_expression(text: str) -> None:
    assert squeeze_blank_lines(text) == re.sub(r"\n{3,}", "\n\n", text)


def test_examples() -> None:
    assert squeeze_blank_lines("") == ""
    assert squeeze_blank_lines("a\n\nb") == "a\n\nb"
    assert squeeze_blank_lines("\n\n\n\n\na\n\n\nb\n\n\n") == "\n\na\n\nb\n\n"
