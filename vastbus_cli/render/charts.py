"""The Word summary's charts: what a reader would rather look at than read.

Two shares of the reporting groups, both drawn as horizontal bars from 0 to
100 %: how many groups report each deviation category (the measure a possible
system fault is flagged by), and how many groups have each organisation at the
table. Built here as plain data; `render/docx.py` draws them with
`documents/word_chart.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from vastbus_cli.reports.summary import Part


@dataclass(frozen=True)
class Shares:
    title: str
    series: str
    categories: list[str]
    values: list[float]


def deviation_shares(part: Part) -> Shares | None:
    """Share of the reporting groups that report each category (None: no deviations)."""
    d = part.deviations
    of = part.overview.reported
    if not d.categories or of == 0:
        return None
    widest = sorted(d.categories, key=lambda c: -len(c.groups))  # stable: table order in ties
    return Shares(
        title=f"Andel av de {of} grupperna som rapporterar kategorin "
              f"(möjligt systemfel från {d.threshold} grupper)",
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
