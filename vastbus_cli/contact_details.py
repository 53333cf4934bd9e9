"""Contact details in free text: e-mail addresses and telephone numbers.

A survey answer ("ring mig på 070-123 45 67", "skriv till anna@example.se") or a
column heading can hold them, and a tally is sent on to people who must not
see them. They are masked wherever the tally shows a text, apart from the
identity numbers that `privacy.py` guards (a separate concern with its own
rules).

Telephone numbers in the forms people write them: Swedish (070-123 45 67,
0701234567, 08-123 456 78, 031-12 34 56, +46 70 123 45 67, +46 (0)70-123 45 67,
0046 70 123 45 67) and international (+47 912 34 567, +1 (555) 123-4567,
+44 20 7946 0958): a leading `+` or `00` and 7 to 15 digits, or a Swedish trunk
`0` followed by an area code, 8 to 10 digits in all. Digits are grouped by single
spaces, hyphens, dots or slashes. Dates (2019-10-07), amounts and identity
numbers start otherwise and are left alone; so is anything shaped like an identity
number (YYMMDD-NNNN), which `privacy.py` judges by its own rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

EMAIL_MASK = "[e-postadress borttagen]"
PHONE_MASK = "[telefonnummer borttaget]"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]*\w@\w[\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
_SEP = r"(?:[ \-./]|\u00a0)"
_SEP_SE = r"(?:[ \-/]|\u00a0)"  # no dots: "08.30-10.00" is a time
_PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+|00)[1-9]\d{0,2}" + _SEP + r"?(?:\(0\)" + _SEP + r"?)?(?:\(\d{1,4}\)" + _SEP + r"?)?"
    r"\d(?:" + _SEP + r"?\d){5,13}"
    r"|\(?0[1-9]\d{0,3}\)?" + _SEP_SE + r"?\d(?:" + _SEP_SE + r"?\d){4,8}"
    r")(?![\w])")
_DIGIT = re.compile(r"\d")
_TIME_RANGE = re.compile(r"^[0-2]\d[0-5]\d-[0-2]\d[0-5]\d$")  # 0830-1000
# the shape of an identity number (YYMMDD-NNNN): privacy.py's rules decide about those
_IDENTITY_SHAPE = re.compile(r"^\d{6}(?:\d{2})?[-+]\d{4}$")


@dataclass(frozen=True)
class ContactDetail:
    start: int
    end: int
    kind: str  # "e-postadress" or "telefonnummer"


def _phone_ok(text: str) -> bool:
    digits = len(_DIGIT.findall(text))
    if text.startswith(("+", "00")):
        return 7 <= digits <= 15
    return 8 <= digits <= 10 and not _TIME_RANGE.match(text) and not _IDENTITY_SHAPE.match(text)


def find_contact_details(text: str) -> Iterator[ContactDetail]:
    """Every e-mail address and telephone number in `text`, in order."""
    found: list[ContactDetail] = []
    if "@" in text:
        found += [ContactDetail(m.start(), m.end(), "e-postadress") for m in _EMAIL.finditer(text)]
    if "0" in text or "+" in text:
        for m in _PHONE.finditer(text):
            if _phone_ok(m.group()) and not any(f.start <= m.start() < f.end for f in found):
                found.append(ContactDetail(m.start(), m.end(), "telefonnummer"))
    yield from sorted(found, key=lambda f: f.start)


def mask_contact_details(text: str) -> tuple[str, int, int]:
    """`text` with every contact detail replaced; and how many e-mail addresses and
    telephone numbers were masked."""
    found = list(find_contact_details(text))
    emails = sum(1 for f in found if f.kind == "e-postadress")
    for detail in reversed(found):
        mask = EMAIL_MASK if detail.kind == "e-postadress" else PHONE_MASK
        text = text[: detail.start] + mask + text[detail.end:]
    return text, emails, len(found) - emails


def mostly_contact_details(texts: list[str]) -> str | None:
    """'e-postadresser' or 'telefonnummer' when (nearly) every text is one: a column of
    addresses, whatever its heading says, identifies the respondents."""
    if not texts:
        return None
    whole = [next(iter(find_contact_details(t.strip())), None) for t in texts]
    for kind, name in (("e-postadress", "e-postadresser"), ("telefonnummer", "telefonnummer")):
        hits = sum(1 for t, f in zip(texts, whole, strict=True)
                   if f is not None and f.kind == kind and f.end - f.start >= len(t.strip()) - 1)
        if 10 * hits >= 8 * len(texts):
            return name
    return None
