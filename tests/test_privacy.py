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


@pytest.mark.parametrize(("text", "kind"), [
    ("811218-9875", "personnummer med fel kontrollsiffra"),
    ("19811218-9875", "personnummer med fel kontrollsiffra"),
    ("8112189875", "personnummer med fel kontrollsiffra"),
    ("701063-2392", "samordningsnummer med fel kontrollsiffra"),
    ("811218-9876", "personnummer"),
])
def test_a_wrong_check_digit_is_still_found_and_named(text: str, kind: str) -> None:
    """Issue 26 item 18: a typo in one digit still identifies a child to anyone with the
    register, so the date shape decides; the check digit only names it."""
    (found,) = find_identity_numbers(f"Gäller {text} i texten")
    assert (found.text, found.kind) == (text, kind)
    assert found.check_digit_ok is (kind == "personnummer")
    assert mask_identity_numbers(f"nr {text}.") == ("nr [personnummer borttaget].", 1)


@pytest.mark.parametrize("text", [
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


# --- issue 19: the spellings people type, and the boundaries of the date ----------------

def _ten(short: str, serial: str = "123") -> str:
    from idnumbers import check_digit
    return short + serial + check_digit(short + serial)


@pytest.mark.parametrize("text", [
    "ID-050607-1232", "ID050607-1232", "(050607-1232)", "nr:050607–1232", "050607—1232",
    "050607\u00a01232", "050607/1232", "050607_1232", "050607.1232", "050607 – 1232",
    "050607\u2212" "1232", "050607\u20111232", "050607  1232", "20050607-1232",
    "pn.20050607–1232.", "050607-1232kr", "\u00a0050607\u202f1232",
])
def test_real_world_spellings_are_found(text: str) -> None:
    (found,) = find_identity_numbers(text)
    assert found.text[0].isdigit() and found.text[-1].isdigit()  # the glue is left out
    assert "".join(c for c in found.text if c.isdigit()).endswith("0506071232")


@pytest.mark.parametrize("text", [
    "050607---1232", "050607   1232", "050607 -  - 1232", "1050607-1232", "050607-12321",
    "050607-123", "05060-71232",
])
def test_not_a_separator_or_part_of_a_longer_number(text: str) -> None:
    assert list(find_identity_numbers(text)) == []


@pytest.mark.parametrize(("short", "century", "kind"), [
    ("810101", "", "personnummer"),         # a January birth, the 1st
    ("811231", "19", "personnummer"),       # the last day of December
    ("810131", "", "personnummer"),
    ("810161", "", "samordningsnummer"),    # day 61: the 1st as a samordningsnummer
    ("810191", "19", "samordningsnummer"),  # day 91: 31 January
    ("000229", "20", "personnummer"),       # 2000 is a leap year (a century divisible by 400)
    ("960229", "19", "personnummer"),
    ("000229", "", "personnummer"),         # 2000-02-29 may be meant
    ("960289", "", "samordningsnummer"),    # the leap day as a samordningsnummer
    ("040289", "20", "samordningsnummer"),
])
def test_date_boundaries_that_are_real(short: str, century: str, kind: str) -> None:
    ten = _ten(short)
    (found,) = find_identity_numbers(f"Barnet {century}{ten[:6]}-{ten[6:]} väntar")
    assert found.kind == kind


@pytest.mark.parametrize(("short", "century"), [
    ("810001", ""), ("811301", ""), ("810100", ""), ("810132", ""), ("810160", ""),
    ("810192", ""), ("810230", ""), ("810431", "19"), ("810491", ""),
    ("000229", "19"),   # 1900 is no leap year
    ("010229", "20"), ("010229", ""),   # 2001 and 1901: neither
    ("010289", ""), ("970229", "19"), ("000289", "19"),
])
def test_date_boundaries_that_are_not(short: str, century: str) -> None:
    ten = _ten(short)
    assert list(find_identity_numbers(f"Barnet {century}{ten[:6]}-{ten[6:]} väntar")) == []


def test_every_number_is_found_after_an_invalid_candidate() -> None:
    bad_date, bad_check = _ten("811232"), _ten("811218")[:-1] + "0"
    good, other = _ten("050607"), _ten("810161", "456")
    text = f"{bad_date} och {bad_check}, sedan {good} och 19{other}."
    found = list(find_identity_numbers(text))
    assert [n.text for n in found] == [bad_check, good, f"19{other}"]
    assert [n.coordination for n in found] == [False, False, True]
    assert [n.check_digit_ok for n in found] == [False, True, True]
    assert [n.start for n in found] == [text.index(bad_check), text.index(good),
                                        text.index(f"19{other}")]
    masked, count = mask_identity_numbers(text)
    assert count == 3 and good not in masked and other not in masked and bad_check not in masked
    assert bad_date in masked


def test_the_form_gets_the_public_rules() -> None:
    from vastbus_cli.form.rules import privacy_data
    from vastbus_cli.privacy import CANDIDATE_PATTERN, CENTURIES, DAYS_IN_MONTH

    data = privacy_data()
    assert data["wrongCheckDigit"] == " med fel kontrollsiffra"
    assert data["pattern"] == CANDIDATE_PATTERN and data["centuries"] == list(CENTURIES)
    assert data["daysInMonth"] == list(DAYS_IN_MONTH) == [31, 29, 31, 30, 31, 30, 31, 31,
                                                          30, 31, 30, 31]
    assert CANDIDATE_PATTERN.isascii()  # \uXXXX escapes: the same text is a JS RegExp


# --- the walk over models, mutant by mutant (docs/mutation.md) ---------------------------

def test_masked_walk_returns_clean_containers_themselves() -> None:
    from vastbus_cli.privacy import _masked

    clean: list[object] = [{"a": "b"}, ["x", "y"], ("x", "y"), "ord", 3, None]
    for value in clean:
        assert _masked(value) is value
    text = "inget nummer"
    assert _masked(text) is text


def test_masked_walk_masks_a_key_or_a_value_alone() -> None:
    from vastbus_cli.privacy import _masked

    assert _masked({"121212-1212": "ok"}) == {"[personnummer borttaget]": "ok"}
    assert _masked({"ok": "121212-1212", "b": "c"}) == {"ok": "[personnummer borttaget]",
                                                        "b": "c"}
    assert _masked({"a": "b", "ok": "121212-1212"}) == {"a": "b",
                                                        "ok": "[personnummer borttaget]"}
    # two keys that mask to the same text: the masked dict is returned, never the original
    both = {"[personnummer borttaget]": "x", "121212-1212": "x"}
    assert _masked(both) == {"[personnummer borttaget]": "x"}
    assert _masked(("121212-1212", "x")) == ("[personnummer borttaget]", "x")
    assert _masked(["x", "121212-1212"]) == ["x", "[personnummer borttaget]"]
    assert type(_masked(("121212-1212",))) is tuple


def test_a_field_left_out_of_the_json_is_still_masked() -> None:
    from pydantic import BaseModel, Field

    from vastbus_cli.privacy import masked_model

    class Hidden(BaseModel):
        shown: str = "ok"
        note: str = Field(default="", exclude=True)

    masked = masked_model(Hidden(note="Ring 121212-1212"))
    assert masked.note == "Ring [personnummer borttaget]"


def test_a_clean_pydantic_model_is_not_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    from pydantic import BaseModel

    from vastbus_cli import privacy

    class Plain(BaseModel):
        text: str = "inget nummer här"

    def walked(value: object) -> object:
        raise AssertionError("walked")

    monkeypatch.setattr(privacy, "_masked", walked)
    model = Plain()
    assert privacy.masked_model(model) is model


def test_the_fast_test_takes_lone_surrogates() -> None:
    # text decoded with surrogateescape (undecodable bytes) still gets the guard
    assert may_hold_identity_number("\udce9 121212-1212")
    assert not may_hold_identity_number("\udce9 12345")
