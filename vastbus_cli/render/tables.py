"""The summary's tables as headers and rows of raw values, shared by every renderer.

Markdown and Word show a cell through `cell_text` (Swedish number format, a
dash for an empty count); Excel writes the raw numbers so they can be summed
and charted. The columns are decided here, once.
"""

from __future__ import annotations

from vastbus_cli.documents.table import Table as Table
from vastbus_cli.documents.table import Value as Value
from vastbus_cli.documents.table import cell_text as cell_text
from vastbus_cli.summary import Change, Deviations, Part


def meetings_table(part: Part) -> Table:
    o = part.overview
    rows: list[list[Value]] = [
        [g.name, g.meetings_planned, g.meetings_held, g.representatives, g.organisations]
        for g in o.groups]
    rows.append(["Totalt", o.meetings_planned, o.meetings_held, o.representatives, None])
    return Table(["Grupp", "Planerade möten", "Genomförda möten", "Representanter",
                  "Organisationer"], rows)


def composition_table(part: Part) -> Table:
    comp = part.composition
    rows: list[list[Value]] = [[r.group, *r.counts, sum(r.counts)] for r in comp.rows]
    rows.append(["Saknas i antal grupper", *[len(g.missing_in) for g in comp.gaps], None])
    return Table(["Grupp", *[o.label for o in comp.organisations], "Totalt"], rows,
                 dash_zero=True)


def category_table(d: Deviations) -> Table:
    rows: list[list[Value]] = [
        [c.category.label, c.total, len(c.groups), *[c.by_status.get(s.code, 0) for s in d.statuses],
         "Ja" if c.recurring else ""]
        for c in d.categories
    ]
    rows.append(["Totalt", d.total, None, *[d.by_status.get(s.code, 0) for s in d.statuses], ""])
    return Table(["Kategori", "Antal", "Grupper", *[s.label for s in d.statuses],
                  "Möjligt systemfel"], rows, dash_zero=True)


def group_deviation_table(d: Deviations) -> Table:
    return Table(
        ["Grupp", *[c.category.label for c in d.categories], "Totalt"],
        [[g.group, *g.counts, g.total] for g in d.by_group],
        dash_zero=True,
    )


def key_figure_table(part: Part) -> Table:
    return Table(
        ["Nyckeltal", "Summa", "Lägst", "Grupp (lägst)", "Högst", "Grupp (högst)",
         "Antal grupper"],
        [[f.name, f.total, f.min, f.min_group, f.max, f.max_group, len(f.values)]
         for f in part.key_figures],
    )


def change_table(changes: list[Change], first: str, previous_year: int, year: int) -> Table:
    return Table([first, str(previous_year), str(year), "Förändring"],
                 [[c.label, c.previous, c.current, c.change] for c in changes],
                 signed=frozenset({3}))
