"""Multi-select cells → options, and option labels matched the way people type them.

Google Forms joins the chosen options of one question with ", " and an option
label can itself contain ", " ("Ja, delvis"); Microsoft Forms joins with ";"
and ends with ";". A cell is split only into known options, the longest label
first; what matches no option is the respondent's own "other" text. Each
distinct cell value is split once by the caller, never once per row.
"""

from __future__ import annotations

from collections.abc import Iterable

GOOGLE_SEPARATOR = ", "
MS_SEPARATOR = ";"


def fold(label: str) -> str:
    """A label as compared: case-blind, whitespace collapsed."""
    return " ".join(label.split()).casefold()


def separator_for(values: Iterable[str]) -> str:
    """";" when every non-empty cell ends with ";" (Microsoft Forms), else ", "."""
    seen = False
    for value in values:
        if value:
            seen = True
            if not value.rstrip().endswith(MS_SEPARATOR):
                return GOOGLE_SEPARATOR
    return MS_SEPARATOR if seen else GOOGLE_SEPARATOR


def split_joined(value: str, known: dict[str, str], separator: str) -> tuple[list[str], str]:
    """The known options in `value` (canonical labels, in cell order) and the leftover text.

    `known` maps folded label → label. At each position the longest run of
    pieces that forms a known label wins, so "Ja, delvis, Nej" with options
    "Ja, delvis" and "Nej" gives both, never "Ja" and "delvis".
    """
    text = value.strip()
    if separator == MS_SEPARATOR:
        text = text.rstrip(MS_SEPARATOR)
    pieces = text.split(separator)
    found: list[str] = []
    leftover: list[str] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            label = known.get(fold(separator.join(pieces[i:j])))
            if label is not None:
                if label not in found:
                    found.append(label)
                i = j
                break
        else:
            leftover.append(pieces[i])
            i += 1
    other = separator.join(leftover).strip()
    return found, other


def learn_options(values: Iterable[str], separator: str) -> tuple[list[str], bool]:
    """Options learned from cells that hold one option alone; and whether any cell joins several.

    Shorter values are learned first, so a value is an option unless it can be
    made entirely of two or more shorter options. Microsoft Forms ends every
    option with ";", so there each piece is an option by itself.
    """
    distinct = sorted({v.strip() for v in values if v.strip()}, key=lambda v: (len(v), v))
    if separator == MS_SEPARATOR:
        pieces = [p.strip() for v in distinct for p in v.split(MS_SEPARATOR) if p.strip()]
        joined = any(v.rstrip(MS_SEPARATOR).count(MS_SEPARATOR) for v in distinct)
        return list({fold(p): p for p in pieces}.values()), joined
    known: dict[str, str] = {}
    joined = False
    for value in distinct:
        parts, other = split_joined(value, known, separator)
        if len(parts) >= 2 and not other:
            joined = True
        else:
            label = value.rstrip(MS_SEPARATOR).strip() if separator == MS_SEPARATOR else value
            known.setdefault(fold(label), label)
    return list(known.values()), joined
