"""Hypothesis: the loader's shortcuts for text and decimal scalars equal PyYAML's resolver.

`load_full.Builder.scalar` answers most scalars without asking the resolver or
building a node (a profile of `validate` showed those calls as its largest
cost). The reference below is the full path: resolve the tag, keep dates and
YAML 1.1's octal/hex/sexagesimal integers as text, construct.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from vastbus_cli.reports.load import load_text

_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_STR = "tag:yaml.org,2002:str"


def reference(value: str, implicit: tuple[bool, bool]) -> Any:
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, implicit)
    if tag == "tag:yaml.org,2002:timestamp" or (
            tag == "tag:yaml.org,2002:int" and not _DECIMAL.fullmatch(value)):
        tag = _STR
    node = yaml.ScalarNode(tag, value)
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


_WORDS = st.sampled_from(["Ja", "Nej", "yes", "no", "on", "off", "true", "False", "null", "~",
                          "Trollhättan", "010", "0x1F", "10:30", "2025-03-01", "1_000", "-5",
                          "+7", "0", "3.5", ".5", "1e3", ".inf", "-.Inf", ".nan", "<fyll i>",
                          "=SUMMA", "Öckerö", "nyckel", "y", "n", "O", "12345678901234567890"])
_TEXT = st.one_of(_WORDS, st.from_regex(r"[A-Za-z0-9.+\-_:~=<åäö ]{1,12}", fullmatch=True))


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_plain_scalars_load_as_the_resolver_says(value: str) -> None:
    value = value.strip()
    loaded = load_text(f"k: {value}\n", "f.yaml")
    if loaded.problems or not value:
        return  # not a plain scalar on its own (e.g. '- x', 'a: b'); the loader said so
    composed = yaml.compose(f"k: {value}\n", Loader=yaml.SafeLoader)
    plain = composed.value[0][1]
    if not isinstance(plain, yaml.ScalarNode) or plain.style:
        return
    expected = reference(plain.value, (True, False))
    assert list(loaded.data) == ["k"]
    assert repr(loaded.data["k"]) == repr(expected)  # repr: .nan equals itself
    assert type(loaded.data["k"]) is type(expected)


@given(_TEXT)
def test_quoted_scalars_are_text(value: str) -> None:
    loaded = load_text(f"k: '{value}'\n", "f.yaml")
    assert loaded.data == {"k": value}
