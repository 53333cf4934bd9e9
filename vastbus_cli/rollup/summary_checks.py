"""A summary's own figures against each other: every stated total recomputed from its rows.

`rollup` adds up what the sub-regions send. A summary edited by hand, or made by another
tool, can state a total its rows do not give (a regional issue of "1 012 avvikelser" beside a
table summing to 19), or hold a count list shorter than its columns (the roll-up would
misplace every figure after the gap). Each contradiction is found here, with the key path of
the stated value so the reader can give its line and column; the roll-up is made only from
a summary whose every total agrees with its rows, which is what `compile` writes.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from vastbus_cli.reports.summary import Deviations, Number, Part, Summary
from vastbus_cli.vocabulary import DeviationStatus

Loc = tuple[int | str, ...]
#: (key path of the contradicted value, code, Swedish message)
Contradiction = tuple[Loc, str, str]

LENGTH = "fel-antal-värden"
TOTAL = "fel-summa"
EMPTY = "tom-delregion"
LIFTED = DeviationStatus.LYFT.value


def _total(loc: Loc, stated: Number, rows: Number, what: str, source: str = "raderna"
           ) -> Iterator[Contradiction]:
    if not math.isclose(stated, rows, rel_tol=1e-9, abs_tol=1e-9):
        yield loc, TOTAL, f"{what} är {_shown(stated)}, men {source} ger {_shown(rows)}."


def _shown(value: Number) -> str:
    return str(value).replace(".", ",")


def _length(loc: Loc, values: Sequence[object], columns: int, what: str
            ) -> Iterator[Contradiction]:
    if len(values) != columns:
        yield loc, LENGTH, (f"{what} har {len(values)} värden, men tabellen har {columns} "
                            "kolumner.")


def _deviations(at: Loc, d: Deviations) -> Iterator[Contradiction]:
    columns = len(d.categories)
    rows = []
    for i, g in enumerate(d.by_group):
        here = (*at, "by_group", i)
        found = list(_length((*here, "counts"), g.counts, columns,
                             f"Avvikelserna per kategori för {g.group}"))
        yield from found
        if not found:
            rows.append(g.counts)
            yield from _total((*here, "total"), g.total, sum(g.counts),
                              f"Summan av avvikelserna för {g.group}")
    for j, c in enumerate(d.categories):
        here = (*at, "categories", j)
        name = c.category.label
        if len(rows) == len(d.by_group):
            yield from _total((*here, "total"), c.total, sum(r[j] for r in rows),
                              f"Antalet avvikelser i kategorin {name}")
            reporting = [g.group for g, r in zip(d.by_group, rows, strict=True) if r[j] > 0]
            if c.groups != reporting:
                yield (*here, "groups"), TOTAL, (
                    f"Grupperna som rapporterar kategorin {name} stämmer inte med tabellen "
                    "per grupp.")
        if c.by_status:
            yield from _total((*here, "by_status"), sum(c.by_status.values()), c.total,
                              f"Summan per status i kategorin {name}", "kategorins antal")
        if d.by_category.get(c.category.code) != c.total:
            yield (*at, "by_category"), TOTAL, (
                f"Summan per kategori för {name} är {d.by_category.get(c.category.code)}, "
                f"men kategoritabellen ger {c.total}.")
    if set(d.by_category) != {c.category.code for c in d.categories}:
        yield (*at, "by_category"), TOTAL, "Summorna per kategori stämmer inte med kategorierna."
    in_categories = sum(c.total for c in d.categories)
    yield from _total((*at, "total"), d.total, in_categories, "Det totala antalet avvikelser")
    yield from _total((*at, "by_status"), sum(d.by_status.values()), in_categories,
                      "Summan av avvikelserna per status", "kategorierna")
    raised = sum(e.count for e in d.raised)
    yield from _total((*at, "by_status", LIFTED), d.by_status.get(LIFTED, 0), raised,
                      "Antalet avvikelser som lyfts till delregional nivå")


def _part(at: Loc, p: Part) -> Iterator[Contradiction]:
    o = p.overview
    rows = o.groups
    if not rows:
        yield (*at, "groups"), EMPTY, (f"Delregionen {p.subregion} har inga grupper som har "
                                       "rapporterat; den skulle inte bidra med något.")
        return
    names = [r.name for r in rows]
    if p.groups != names:
        yield (*at, "groups"), TOTAL, (f"Grupperna i delregionen {p.subregion} stämmer inte "
                                       "med översiktens rader.")
    yield from _total((*at, "overview", "reported"), o.reported, len(rows),
                      "Antalet grupper som har rapporterat")
    for key, what in (("meetings_planned", "Antalet planerade möten"),
                      ("meetings_held", "Antalet genomförda möten"),
                      ("representatives", "Antalet representanter")):
        yield from _total((*at, "overview", key), getattr(o, key),
                          sum(getattr(r, key) for r in rows), what)
    columns = len(p.composition.organisations)
    for i, row in enumerate(p.composition.rows):
        yield from _length((*at, "composition", "rows", i, "counts"), row.counts, columns,
                           f"Sammansättningen för {row.group}")
    yield from _deviations((*at, "deviations"), p.deviations)
    if [g.group for g in p.deviations.by_group] != names:
        yield (*at, "deviations", "by_group"), TOTAL, (
            f"Grupperna i avvikelsetabellen för {p.subregion} stämmer inte med översiktens "
            "rader.")
    by_code = {c.category.code: c for c in p.deviations.categories}
    for i, issue in enumerate(p.to_region):
        category = by_code.get(issue.category.code)
        here = (*at, "to_region", i)
        stated = 0 if category is None else category.total
        yield from _total((*here, "total"), issue.total, stated,
                          f"Antalet avvikelser som lyfts till regional nivå i kategorin "
                          f"{issue.category.label}")
        yield from _total((*here, "raised"), issue.raised, sum(e.count for e in issue.entries),
                          f"Antalet lyfta avvikelser i kategorin {issue.category.label}")
    for i, figure in enumerate(p.key_figures):
        yield from _total((*at, "key_figures", i, "total"), figure.total,
                          sum(figure.values.values()), f"Summan av nyckeltalet {figure.name}")


def contradictions(summary: Summary) -> list[Contradiction]:
    """Every place where `summary` states a figure its own rows do not give, in file order."""
    if not summary.parts:
        return [(("parts",), EMPTY, "Sammanställningen har inga delregioner ('parts' är tom).")]
    found = [c for i, p in enumerate(summary.parts) for c in _part(("parts", i), p)]
    joined = [g for p in summary.parts for g in p.groups]
    if not found and summary.groups != joined:
        found.append((("groups",), TOTAL, "Grupperna överst i filen stämmer inte med "
                                          "delregionernas grupper."))
    return found
