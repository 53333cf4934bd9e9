"""The privacy guard: Swedish personal identity and co-ordination numbers.

Reports, free-text survey answers, survey headings and numeric survey columns must
never identify a child. This module is the one guard every path uses; the browser
form mirrors its rules (the constants below) in JavaScript.

The rules, as written by the people who type them:

- A personnummer is YYMMDD or CCYYMMDD, an optional separator (`SEPARATOR_MARKS`,
  with up to two `SEPARATOR_SPACES` on either side, or up to two spaces alone, or
  nothing) and four digits: a three-digit serial and a Luhn check digit computed
  over the ten-digit form YYMMDDNNNC (`luhn_ok`).
- The date is a real one: month 1-12, day 1 to the month's length
  (`DAYS_IN_MONTH`); 29 February only in a leap year: with the century given, a
  Gregorian leap year; without it, a two-digit year divisible by 4 (1900 + YY or
  2000 + YY is then a leap year for some century: 2000 for 00).
- The century, when given, is one of `CENTURIES`.
- A samordningsnummer is the same with `COORDINATION_DAY_OFFSET` (60) added to the
  day: day 61 is the 1st.
- Organisation numbers have a "month" of 20 or more, so the date check leaves
  them alone.
- The number may be glued to letters or punctuation (`ID-050607-1232`,
  `(811218-9876)`), but not to more digits: a digit right before or after it
  makes it part of a longer number (`NOT_A_DIGIT_BEFORE`, `NOT_A_DIGIT_AFTER`).
- A number whose check digit is wrong is still found (`IdentityNumber.check_digit_ok`
  is False): a typo in one digit still identifies a child to anyone with the register,
  so it is warned about and masked like a valid one; only the date shape decides.
- Every number in a text is found: a candidate that fails the date never stops the scan.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, fields, is_dataclass, replace
from operator import is_not
from typing import TYPE_CHECKING, Any, TypeVar, get_args

if TYPE_CHECKING:
    from pydantic import BaseModel

M = TypeVar("M")

#: Marks people type between the date and the serial: hyphen-minus, plus (100 years or
#: older), hyphen, non-breaking hyphen, figure dash, en dash, em dash, horizontal bar,
#: minus sign, small and full-width hyphen-minus, full-width plus, slash, underscore, full stop.
SEPARATOR_MARKS = "-+\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d\uff0b/_."
#: Spaces that may stand alone as the separator or around a mark: space, no-break space,
#: figure space, thin space, narrow no-break space.
SEPARATOR_SPACES = " \u00a0\u2007\u2009\u202f"
#: At most this many spaces on either side of a mark, or alone.
MAX_SEPARATOR_SPACES = 2
#: Centuries a twelve-digit number may start with (a child's or a parent's birth year).
CENTURIES = ("19", "20")
#: A samordningsnummer's day is the day of birth plus this.
COORDINATION_DAY_OFFSET = 60
#: Days in each month, February with its leap day (checked apart: `valid_date`).
DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
#: The lookarounds that keep a number out of a longer digit run (letters and punctuation
#: may touch it).
NOT_A_DIGIT_BEFORE = r"(?<!\d)"
NOT_A_DIGIT_AFTER = r"(?!\d)"
#: Added to the kind of a number whose check digit is wrong ("… ser ut som ett
#: personnummer med fel kontrollsiffra").
WRONG_CHECK_DIGIT = " med fel kontrollsiffra"


# the character classes with each character as \uXXXX: the same text is a JS RegExp
_MARK_CLASS = "[" + "".join(f"\\u{ord(c):04x}" for c in SEPARATOR_MARKS) + "]"
_SPACE_CLASS = "[" + "".join(f"\\u{ord(c):04x}" for c in SEPARATOR_SPACES) + "]"
_SPACES = _SPACE_CLASS + f"{{0,{MAX_SEPARATOR_SPACES}}}"
#: The separator group: a mark with optional spaces around it, or spaces alone.
SEPARATOR_PATTERN = (f"(?:{_SPACES}{_MARK_CLASS}{_SPACES}"
                     f"|{_SPACE_CLASS}{{1,{MAX_SEPARATOR_SPACES}}})")
#: A candidate, before the date and check-digit tests. Groups (the browser form reads them
#: by number): 1 century or none, 2 YY, 3 MM, 4 DD, 5 separator or none, 6 serial, 7 check digit.
CANDIDATE_PATTERN = (NOT_A_DIGIT_BEFORE + r"(\d{2})?(\d{2})(\d{2})(\d{2})"
                     f"({SEPARATOR_PATTERN})?" + r"(\d{3})(\d)" + NOT_A_DIGIT_AFTER)
_CANDIDATE = re.compile(CANDIDATE_PATTERN)
_SIX_DIGITS = re.compile(r"\d{6}")  # every candidate starts with six digits
# UTF-8 bytes that can belong to a digit: the ASCII digits and every byte of a non-ASCII
# character (a digit `\d` also finds, like '٣', is one of those) all become b"0"
_DIGIT_BYTES = bytes(0x30 if 0x30 <= b <= 0x39 or b >= 0x80 else 0x2E for b in range(256))


@dataclass(frozen=True)
class IdentityNumber:
    start: int
    end: int
    text: str
    coordination: bool
    check_digit_ok: bool = True

    @property
    def kind(self) -> str:
        """What the number looks like, as the warnings say it ("… ser ut som ett {kind}")."""
        base = "samordningsnummer" if self.coordination else "personnummer"
        return base if self.check_digit_ok else base + WRONG_CHECK_DIGIT


def luhn_ok(digits: str) -> bool:
    """The Luhn check over ten digits: every other digit from the first doubled."""
    total = 0
    for i, char in enumerate(digits):
        value = int(char) * (2 if i % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def valid_date(century: str | None, yy: str, mm: str, dd: str) -> bool | None:
    """None when the date is impossible, else whether it is a samordningsnummer's."""
    month, day = int(mm), int(dd)
    coordination = day > COORDINATION_DAY_OFFSET
    if coordination:
        day -= COORDINATION_DAY_OFFSET
    if not (1 <= month <= 12 and 1 <= day <= DAYS_IN_MONTH[month - 1]):
        return None
    # without the century, the two-digit year: a leap year for 00 (2000) and every fourth
    if (month, day) == (2, 29) and not _leap(int((century or "") + yy)):
        return None
    if century is not None and century not in CENTURIES:
        return None
    return coordination


def may_hold_identity_number(text: str) -> bool:
    """False when `text` has no six digits in a row, so no identity number (never a wrong
    False). For a whole file: one pass over its bytes, ten times faster than a regex search."""
    return b"000000" in text.encode("utf-8", "surrogatepass").translate(_DIGIT_BYTES)


def find_identity_numbers(text: str) -> Iterator[IdentityNumber]:
    """Every personnummer or samordningsnummer in `text` with a valid date, its check digit
    right or wrong (`check_digit_ok` says which)."""
    if not _SIX_DIGITS.search(text):  # every candidate starts with six digits; 5x faster search
        return
    for match in _CANDIDATE.finditer(text):
        century, yy, mm, dd, _sep, serial, check = match.groups()
        coordination = valid_date(century, yy, mm, dd)
        if coordination is None:
            continue
        yield IdentityNumber(match.start(), match.end(), match.group(), coordination,
                             luhn_ok(yy + mm + dd + serial + check))


def mask_identity_numbers(text: str) -> tuple[str, int]:
    """`text` with every identity number replaced; returns the count masked too."""
    found = list(find_identity_numbers(text))
    for number in reversed(found):
        text = text[: number.start] + "[personnummer borttaget]" + text[number.end :]
    return text, len(found)


def masked_model(model: M) -> M:
    """`model` with every identity number in any of its texts masked: the last net before a
    summary or a tally is rendered, whatever the number came in through."""
    cls: type = type(model)
    if _is_pydantic(model) and _json_has_every_text(cls) and not _six_digits_in_json(model):
        return model  # nothing to mask: one pass over its JSON instead of a walk
    masked: M = _masked(model)
    return masked


def _six_digits_in_json(model: Any) -> bool:
    """Whether the model's JSON may have six digits in a row (as `may_hold_identity_number`
    for a text): the JSON has every text with its digits as written."""
    from pydantic_core import to_json

    return b"000000" in to_json(model).translate(_DIGIT_BYTES)


def _is_pydantic(value: Any) -> bool:
    """A pydantic model (reports); looked for only when pydantic is loaded, so the tally, whose
    models are dataclasses, never imports it."""
    pydantic = sys.modules.get("pydantic")
    return pydantic is not None and isinstance(value, pydantic.BaseModel)


@functools.cache
def _json_has_every_text(cls: type[BaseModel]) -> bool:
    """Whether a model's JSON holds every text the walk in `_masked` would see.

    The JSON has each text with its digits as they are (escaping never touches a
    digit), so when it has no six digits in a row, no text has an identity number.
    A field left out of the JSON (`exclude`) would hide its texts: then walk.
    """
    from pydantic import BaseModel

    seen: set[type] = set()
    todo: list[Any] = [cls]
    while todo:
        item = todo.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            if item in seen:
                continue
            seen.add(item)
            for info in item.model_fields.values():
                if info.exclude:
                    return False
                todo.append(info.annotation)
        else:
            todo += get_args(item)
    return True


def _model_fields(value: Any) -> list[str] | None:
    """The field names of a model: a pydantic model (reports) or a dataclass (the tally).

    pydantic is looked for only when it is already loaded, so the tally never imports it.
    """
    if is_dataclass(value) and not isinstance(value, type):
        return [f.name for f in fields(value)]
    if _is_pydantic(value):
        return list(type(value).model_fields)
    return None


def _masked(value: Any) -> Any:
    """`value` itself when nothing in it is masked (no copies of a clean summary), else a copy."""
    if isinstance(value, str):  # the same object when nothing is masked (enums, DateText)
        return mask_identity_numbers(value)[0]
    names = _model_fields(value)
    if names is not None:
        changed = {}
        for name in names:
            item = getattr(value, name)
            new = _masked(item)
            if new is not item:
                changed[name] = new
        if not changed:
            return value
        if is_dataclass(value) and not isinstance(value, type):
            return replace(value, **changed)
        return value.model_copy(update=changed)
    if isinstance(value, dict):
        masked = {_masked(key): _masked(item) for key, item in value.items()}
        if (len(masked) == len(value) and not any(map(is_not, masked, value))
                and not any(map(is_not, masked.values(), value.values()))):
            return value
        return masked
    if isinstance(value, (list, tuple)):
        items = [_masked(item) for item in value]
        if not any(map(is_not, items, value)):
            return value
        if isinstance(value, tuple) and hasattr(value, "_fields"):  # a NamedTuple
            return type(value)(*items)
        return type(value)(items)
    return value


PRIVACY_MESSAGE = (
    "Texten innehåller något som ser ut som ett {kind}. "
    "Varken årsberättelser eller enkätsvar får innehålla uppgifter som kan identifiera "
    "enskilda personer."
)
#: The same for a text the coordinator writes (--intro, --conclusions): it goes into what
#: is sent on, which is neither a report nor a survey answer.
OWN_TEXT_PRIVACY_MESSAGE = (
    "Texten innehåller något som ser ut som ett {kind}. "
    "Det som skickas vidare får inte innehålla uppgifter som kan identifiera enskilda personer."
)
PRIVACY_HINT = "Ta bort numret och beskriv händelsen utan personuppgifter."
#: Said after `PRIVACY_MESSAGE` where the number is masked in the document that is written.
MASKED_NOTE = " Det är maskerat i sammanställningen."
