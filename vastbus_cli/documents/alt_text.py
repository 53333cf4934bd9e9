"""Alternative text for a chart: what a screen reader says in its place, in plain Swedish.

Documents that may be published on a public body's website must be accessible (the Swedish
law on accessible digital public services, WCAG 2.1 AA): a chart without alternative text is
silent to a screen reader, and the figures the steering group is meant to act on are lost.

One wording for every chart vastbus draws (the Word summary, roll-up and survey report, the
Excel workbooks): the kind of chart, what it shows (its title) and its figures category by
category, as the table beside every chart has them:

    Stapeldiagram: andel av de 12 grupperna som rapporterar kategorin. SIP ej kallad 50 %,
    Väntetider 25 % och 3 till.

Read aloud it stays short: at most `MAX_FIGURES` figures, then "och N till" (the table next
to the chart has them all).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal

from vastbus_cli.documents.numbers import format_number

#: The most figures read aloud; the categories beyond are counted ("och 3 till").
MAX_FIGURES = 12
BARS = "Stapeldiagram"
STACKED = "Stapeldiagram med en stapel på 100 % per rad"
MISSING = "uppgift saknas"

Series = Sequence[tuple[str, Sequence[float | None]]]


def describe(title: str, categories: Sequence[str], series: Series, number_format: str = "0 %",
             formats: Sequence[str] | None = None, stacked: bool = False) -> str:
    """The alternative text of a bar chart of `series` (name, a value per category) over
    `categories`; values as the chart labels them (`number_format`, or one per series in
    `formats`: Excel codes, "0 %" for a fraction shown as a whole percentage)."""
    kind = STACKED if stacked else BARS
    what = _lower_first(" ".join(title.split()).rstrip("."))
    lead = f"{kind}: {what}{'' if what[-1:] in '?!' else '.'}" if what else f"{kind}."
    shown = max(1, MAX_FIGURES // max(1, len(series)))
    codes = list(formats or [number_format] * len(series))
    parts = []
    for index, category in enumerate(categories[:shown]):
        figures = [(name, figure(values[index], code))
                   for (name, values), code in zip(series, codes, strict=True)
                   if index < len(values) and values[index] is not None]
        if len(series) == 1:
            parts.append(f"{category} {figures[0][1] if figures else MISSING}")
        else:
            named = ", ".join(f"{name} {value}" for name, value in figures) or MISSING
            parts.append(f"{category}: {named}")
    if not parts:
        return lead
    joined = ("; " if len(series) > 1 else ", ").join(parts)
    rest = len(categories) - shown
    return f"{lead} {joined}{f' och {rest} till' if rest > 0 else ''}."


def figure(value: float | None, number_format: str) -> str:
    """A value as a chart labelled with `number_format` shows it, in Swedish: `50 %`, `16,7 %`,
    `1 234` (half away from zero, as Excel rounds)."""
    if value is None:
        return MISSING
    decimals = len(number_format.split(".", 1)[1].rstrip(" %")) if "." in number_format else 0
    percent = "%" in number_format
    exact = Decimal(repr(float(value))) * (100 if percent else 1)
    rounded = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = format_number(float(rounded)) if decimals == 0 else \
        f"{rounded:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return f"{text}\u00a0%" if percent else text


def _lower_first(text: str) -> str:
    """A title after "Stapeldiagram:": its first letter small, unless the first word is an
    abbreviation or a name written with capitals inside ("SIP", "PostNord")."""
    word = text.split(" ", 1)[0]
    if len(word) > 1 and not word[1:].islower():
        return text
    return text[:1].lower() + text[1:]
