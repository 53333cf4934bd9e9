"""The Word summary's charts: what a reader would rather look at than read.

Two shares of the reporting groups, drawn as horizontal bars from 0 to 100 %:
how many groups report each deviation category (the measure a possible system
fault is flagged by), and how many groups have each organisation at the table;
and, with last year's reports, the deviations per category both years for the
groups that reported both (counts). Built here as plain data; `render/docx.py`
draws them with `documents/word_chart.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from vastbus_cli.reports.summary import Part

SHARE_AXIS = "Andel av grupperna"


@dataclass(frozen=True)
class Shares:
    title: str
    series: str
    categories: list[str]
    values: list[float]


@dataclass(frozen=True)
class Counts:
    title: str
    axis: str
    categories: list[str]
    series: list[tuple[str, list[float]]]  # oldest first


def deviation_change(part: Part) -> Counts | None:
    """Deviations per category, last year and this year, like with like (None: nothing to
    compare)."""
    c = part.comparison
    if c is None or not c.both or not c.deviations:
        return None
    n = len(c.both)
    return Counts(
        title=f"Avvikelser per kategori {c.previous_year} och {c.year} "
              f"({'samma grupp' if n == 1 else f'samma {n} grupper'})",
        axis="Antal avvikelser",
        categories=[d.label for d in c.deviations],
        series=[(str(c.previous_year), [d.previous for d in c.deviations]),
                (str(c.year), [d.current for d in c.deviations])])


def deviation_shares(part: Part) -> Shares | None:
    """Share of the reporting groups that report each category (None: no deviations)."""
    d = part.deviations
    of = part.overview.reported
    if not d.categories or of == 0:
        return None
    widest = sorted(d.categories, key=lambda c: -len(c.groups))  # stable: table order in ties
    return Shares(
        title=f"Andel av de {of} grupperna som rapporterar varje kategori",
        series="Andel grupper",
        categories=[c.category.label for c in widest],
        values=[len(c.groups) / of for c in widest])


def composition_shares(part: Part) -> Shares | None:
    """Share of the reporting groups with at least one representative of each organisation."""
    gaps = part.composition.gaps
    if not gaps or gaps[0].groups == 0:
        return None
    of = gaps[0].groups
    return Shares(
        title=f"Andel av de {of} grupperna där organisationen deltar",
        series="Andel grupper",
        categories=[g.organisation.label for g in gaps],
        values=[(g.groups - len(g.missing_in)) / g.groups for g in gaps])
