"""The privacy guard against an independent generator (tests/idnumbers.py).

Deterministic in CI: the `ci` profile (tests/conftest.py) derandomizes hypothesis and
keeps no example database, so a mutant is killed in every run or in none.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from idnumbers import after, glue, invalid_numbers, valid_numbers

from vastbus_cli.privacy import find_identity_numbers, mask_identity_numbers

MASK = "[personnummer borttaget]"


@settings(max_examples=400)
@given(glue, valid_numbers(), after)
def test_every_valid_number_is_found_in_any_spelling(before: str, number, end: str) -> None:
    text = before + number.text + end
    (found,) = find_identity_numbers(text)
    assert (found.start, found.end) == (len(before), len(before) + len(number.text))
    assert found.text == number.text
    assert found.coordination is number.coordination
    kind = "samordningsnummer" if number.coordination else "personnummer"
    assert found.kind == kind + ("" if number.check_digit_ok else " med fel kontrollsiffra")
    assert found.check_digit_ok is number.check_digit_ok


@settings(max_examples=400)
@given(glue, invalid_numbers(), after)
def test_no_invalid_number_is_found(before: str, text: str, end: str) -> None:
    assert list(find_identity_numbers(before + text + end)) == []


_JOIN = st.sampled_from([" ", ", ", " och ", "\n", "; ", " (", ") ", " ID-", "x"])


@settings(max_examples=300)
@given(st.lists(st.one_of(valid_numbers(), invalid_numbers()), min_size=1, max_size=6),
       st.lists(_JOIN, min_size=6, max_size=6))
def test_every_number_in_a_text_is_found_after_invalid_ones(items: list, joins: list[str]
                                                            ) -> None:
    text = ""
    expected = []
    for item, join in zip(items, joins, strict=False):
        if isinstance(item, str):
            text += item + join
        else:
            expected.append((len(text), item.text))
            text += item.text + join
    found = [(n.start, n.text) for n in find_identity_numbers(text)]
    assert found == expected
    masked, count = mask_identity_numbers(text)
    assert count == len(expected)
    assert masked.count(MASK) == len(expected)
    for _start, number in expected:
        assert number not in masked
