"""An independent generator of Swedish identity numbers, valid and nearly valid.

Written from Skatteverket's description, not from vastbus_cli/privacy.py: dates come
from `datetime.date` (which knows the calendar), the check digit from a Luhn sum
written out here, the separators from a list typed here. The property tests hold the
guard against it, so a mistake in one is caught by the other.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from hypothesis import strategies as st

# what people type between the date and the serial (typed here, not imported)
MARKS = ["-", "+", "–", "—", "‐", "‑", "−", "/", "_", ".", "－"]
SPACES = [" ", "\u00a0", "\u202f"]
SEPARATORS = ["", *SPACES, "  ", *MARKS, " - ", " – ", "\u00a0–\u00a0", "- ", " /"]
# what a number may be glued to: letters, punctuation, nothing (never a digit)
GLUE = ["", " ", "ID-", "ID", "nr:", "(", ")", "x", "å", "Barnet ", "\n", "\"", "#", ",", "-"]
AFTER = ["", " ", ")", ".", ",", "x", "-", "kr", "\n", ";", "–"]


def check_digit(nine: str) -> str:
    """The Luhn digit that completes `nine` digits."""
    total = 0
    for position, char in enumerate(nine):
        product = int(char) * (2 - position % 2)  # 2, 1, 2, 1, ... from the first
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


def real_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


@dataclass(frozen=True)
class Number:
    text: str          # as written, separator included
    coordination: bool
    check_digit_ok: bool = True  # a typo'd check digit is still a number (issue 26 item 18)


@st.composite
def valid_numbers(draw: st.DrawFn) -> Number:
    """A real date (1900-2099), perhaps as a samordningsnummer, written in any way."""
    date = draw(st.dates(datetime.date(1900, 1, 1), datetime.date(2099, 12, 31)))
    coordination = draw(st.booleans())
    day = date.day + (60 if coordination else 0)
    short = f"{date.year % 100:02}{date.month:02}{day:02}"
    serial = f"{draw(st.integers(0, 999)):03}"
    right = draw(st.booleans())
    digits = _ten(short, serial, right)
    century = draw(st.booleans())
    head = f"{date.year // 100}{digits[:6]}" if century else digits[:6]
    return Number(head + draw(st.sampled_from(SEPARATORS)) + digits[6:], coordination, right)


def _ten(short: str, serial: str = "123", right: bool = True) -> str:
    digit = check_digit(short + serial)
    if not right:
        digit = str((int(digit) + 1) % 10)
    return short + serial + digit


@st.composite
def invalid_numbers(draw: st.DrawFn) -> str:
    """Ten or twelve digits that look like an identity number and are none (a wrong check
    digit alone does not make one: `valid_numbers` draws those)."""
    sep = draw(st.sampled_from(SEPARATORS))
    serial = f"{draw(st.integers(0, 999)):03}"
    yy = draw(st.integers(0, 99))
    way = draw(st.sampled_from([
        "month", "day", "coordination day", "leap 12", "leap 10", "century",
        "organisation"]))
    if way == "month":
        short = f"{yy:02}{draw(st.sampled_from([0, 13, 19])):02}{draw(st.integers(1, 28)):02}"
    elif way == "day":
        month = draw(st.integers(1, 12))
        bad = [d for d in range(0, 61) if not real_date(2000, month, d)]  # 2000: leap
        short = f"{yy:02}{month:02}{draw(st.sampled_from(bad)):02}"
    elif way == "coordination day":
        month = draw(st.integers(1, 12))
        bad = [d + 60 for d in range(0, 40) if not real_date(2000, month, d)]
        short = f"{yy:02}{month:02}{draw(st.sampled_from(bad)):02}"
    elif way == "leap 12":
        year = draw(st.sampled_from([y for y in range(1900, 2100) if not real_date(y, 2, 29)]))
        day = draw(st.sampled_from([29, 89]))
        ten = _ten(f"{year % 100:02}02{day:02}", serial)
        return f"{year // 100}{ten[:6]}{sep}{ten[6:]}"
    elif way == "leap 10":  # no century makes 20YY or 19YY a leap year
        year = draw(st.sampled_from([y for y in range(1, 100) if y % 4]))
        short = f"{year:02}02{draw(st.sampled_from([29, 89]))}"
    elif way == "century":
        date = draw(st.dates(datetime.date(1900, 1, 1), datetime.date(2099, 12, 31)))
        short = f"{date.year % 100:02}{date.month:02}{date.day:02}"
        ten = _ten(short, serial)
        century = draw(st.sampled_from(["00", "17", "18", "21", "99"]))
        return f"{century}{ten[:6]}{sep}{ten[6:]}"
    else:  # an organisation number: "month" 20 or more
        short = f"{draw(st.integers(10, 99)):02}{draw(st.integers(20, 99)):02}" \
                f"{draw(st.integers(1, 31)):02}"
    ten = _ten(short, serial)
    return ten[:6] + sep + ten[6:]


glue = st.sampled_from(GLUE)
after = st.sampled_from(AFTER)
