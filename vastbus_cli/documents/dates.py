"""Swedish long dates, the same in every document: "20 maj 2026"."""

from __future__ import annotations

import datetime as dt

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")


def date_sv(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
