"""The summary's tables as headers and rows of raw values, shared by every renderer.

Markdown and Word show a cell through `cell_text` (Swedish number format, a
dash for an empty count); Excel writes the raw numbers so they can be summed
and charted. The columns are decided here, once.
"""

from __future__ import annotations

from dataclasses import dataclass

from vastbus_cli.render.common import count_cell, num, signed
from vastbus_cli.summary import Change, Deviations, Part

Value = str | float | int | None


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[Value]]
    dash_zero: bool = False  # a matrix of counts: show 0 as a dash
    signed: frozenset[int] = frozenset()  # columns of changes: shown as +3 / −2 / ±0
    left: bool = False  # a list of labelled values: everything left-aligned

    def numeric(self, column: int) -> bool:
        """A column of numbers (right-aligned in every format)."""
        if self.left:
            return False
        values = [row[column] for row in self.rows if row[column] not in (None, "")]
        return bool(values) and all(isinstance(v, (int, float)) for v in values)

    def text_rows(self) -> list[list[str]]:
        return [[signed(v) if i in self.signed and isinstance(v, (int, float))
                 else cell_text(v, self.dash_zero) for i, v in enumerate(row)]
                for row in self.rows]


def cell_text(value: Value, dash_zero: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return count_cell(value) if dash_zero else num(value)
    return str(value)


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
