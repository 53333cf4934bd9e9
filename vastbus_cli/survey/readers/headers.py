"""Small helpers every layout reader shares: clean header text, column names, "other" columns."""

from __future__ import annotations

import re

from vastbus_cli.survey.responses import STRAY, Field

_OTHER = re.compile(
    r"^(other|annat|annan|övrigt|övriga|andra|något annat|sonstiges|autre|otro|anders|muu|"
    r"andet|annet)\b.*\b(please specify|specify|specif|ange|precisera|beskriv|nämligen|namely|"
    r"bitte angeben|préciser|especifique|namelijk|tarkenna)"
)


# the heading pandas writes for a blank one when a re-saved export (`df.to_csv`) is shared
_PLACEHOLDER = re.compile(r"^Unnamed: \d+(?:_level_\d+)?$")


def clean(text: str) -> str:
    """Header text with BOM, line breaks and repeated spaces removed; a blank heading that a
    pandas round trip named "Unnamed: 13" is blank again, so that the options of a question
    over several columns stay under it."""
    cleaned = " ".join(text.replace("\ufeff", "").translate(STRAY).split())
    return "" if _PLACEHOLDER.match(cleaned) else cleaned


def pad(rows: list[list[str]]) -> list[list[str]]:
    width = max((len(r) for r in rows), default=0)
    return [[clean(c) for c in r] + [""] * (width - len(r)) for r in rows]


def column_name(index: int) -> str:
    """Excel's column letters (A, B, … AA), for columns without a heading."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def is_other(label: str) -> bool:
    return bool(_OTHER.match(clean(label).casefold()))


def unnamed_field(index: int) -> Field:
    """A column with data but no heading; the tally drops it when it holds no answers."""
    return Field(key="", text=f"Kolumn {column_name(index)}", column=index)
