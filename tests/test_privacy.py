"""The privacy guard: personnummer and samordningsnummer, not organisation numbers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vastbus_cli.privacy import (
    find_identity_numbers,
    luhn_ok,
    mask_identity_numbers,
    may_hold_identity_number,
)


@pytest.mark.parametrize("text", [
    "811218-9876", "8112189876", "19811218-9876", "198112189876", "811218+9876",
    "Barnet (121212-1212) fick vänta",
])
def test_valid_personnummer_found(text: str) -> None:
    (found,) = find_identity_numbers(text)
    assert found.kind == "personnummer"


def test_coordination_number_day_plus_60() -> None:
    (found,) = find_identity_numbers("samordningsnr 701063-2391")
    assert found.kind == "samordningsnummer"
    assert found.text == "701063-2391"


@pytest.mark.parametrize("text", [
    "811218-9875",          # wrong check digit
    "556677-8899",          # organisation number: "month" 66
    "212000-0142",          # municipality organisation number: month 20
    "811232-9876",          # no 32nd day
    "2025-06-01", "14 SIP-möten", "tel 0500-123456", "1234567890123",
])
def test_not_flagged(text: str) -> None:
    assert list(find_identity_numbers(text)) == []


def test_luhn() -> None:
    assert luhn_ok("8112189876")
    assert not luhn_ok("8112189875")


def test_mask() -> None:
    masked, count = mask_identity_numbers("Gäller 811218-9876 och 701063-2391.")
    assert count == 2
    assert masked == "Gäller [personnummer borttaget] och [personnummer borttaget]."


def test_masked_model_masks_deep_and_keeps_a_clean_model_as_it_is() -> None:
    from typing import NamedTuple

    from pydantic import BaseModel

    from vastbus_cli.privacy import masked_model

    class Pair(NamedTuple):
        text: str
        count: int

    class Inner(BaseModel):
        texts: list[str]
        pairs: list[Pair] = []
        named: dict[str, str] = {}

    class Outer(BaseModel):
        title: str
        inner: list[Inner]

    clean = Outer(title="Rapport", inner=[Inner(texts=["a", "b"], pairs=[Pair("x", 1)])])
    assert masked_model(clean) is clean
    dirty = Outer(title="Rapport", inner=[
        Inner(texts=["ok"]),
        Inner(texts=["ok", "Barnet (121212-1212)"], pairs=[Pair("121212-1212", 2)],
              named={"121212-1212": "Ring 121212-1212"})])
    masked = masked_model(dirty)
    assert masked.inner[0] is dirty.inner[0]
    assert masked.inner[1].texts == ["ok", "Barnet ([personnummer borttaget])"]
    assert masked.inner[1].pairs == [Pair("[personnummer borttaget]", 2)]
    assert isinstance(masked.inner[1].pairs[0], Pair)
    assert masked.inner[1].named == {"[personnummer borttaget]": "Ring [personnummer borttaget]"}
    assert dirty.inner[1].texts[1] == "Barnet (121212-1212)"  # the input is not changed


_NUMBERISH = ["121212-1212", "19121212-1212", "811218 9876", "701063-2391", "١٢١٢١٢-١٢١٢",
              "123456", "0701234567", "2025-06-01", "x", "Skövde \"citat\" \\ ny\nrad", ""]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_NUMBERISH), max_size=3).map("".join), max_size=6),
       st.dictionaries(st.sampled_from(_NUMBERISH), st.sampled_from(_NUMBERISH), max_size=3),
       st.integers(0, 10**9))
def test_masked_model_is_the_walk_whatever_the_texts(texts: list[str], named: dict[str, str],
                                                     number: int) -> None:
    """The one-search fast path (a model's JSON without six digits in a row) answers
    exactly what the walk over every text does, Unicode digits and escapes included."""
    from pydantic import BaseModel

    from vastbus_cli.privacy import _masked, masked_model

    class Inner(BaseModel):
        texts: list[str]
        named: dict[str, str] = {}
        number: int = 0

    class Outer(BaseModel):
        title: str
        inner: list[Inner]
        maybe: Inner | None = None

    model = Outer(title=texts[0] if texts else "", inner=[Inner(texts=texts, number=number)],
                  maybe=Inner(texts=[], named=named))
    walked = _masked(model)
    fast = masked_model(model)
    assert fast == walked
    assert (fast is model) == (walked is model)


_DIGITY = st.text(st.one_of(st.sampled_from("0123456789-+ x\n"), st.characters()), max_size=60)


@settings(max_examples=500, deadline=None)
@given(_DIGITY)
def test_the_fast_test_never_hides_a_number(text: str) -> None:
    """`may_hold_identity_number` is False only where the regex finds no six digits."""
    if not may_hold_identity_number(text):
        assert re.search(r"\d{6}", text) is None
        assert next(find_identity_numbers(text), None) is None


def test_the_fast_test_sees_digits_outside_ascii() -> None:
    assert may_hold_identity_number("٨١١٢١٨-٩٨٧٦")  # Arabic-Indic digits: `\d` finds them
    assert not may_hold_identity_number("år 2025, 12345 kr")
