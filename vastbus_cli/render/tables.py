"""The summary's tables as headers and rows of raw values, shared by every renderer.

Markdown and Word show a cell through `cell_text` (Swedish number format, a
dash for an empty count); Excel writes the raw numbers so they can be summed
and charted. The columns are decided here, once.
"""

from __future__ import annotations

from dataclasses import replace

from vastbus_cli.documents.table import Table as Table
from vastbus_cli.documents.table import Value as Value
from vastbus_cli.documents.table import cell_text as cell_text
from vastbus_cli.render.common import deviation_note, fault_rule, follow_up_state, quoted
from vastbus_cli.reports.summary import Change, Comparison, Deviations, Part


def with_subregions(table: Table, subregions: list[str | None]) -> Table:
    """A region-wide group table (rows carry their sub-region) gets a Delregion column first;
    the rows stand sub-region by sub-region, as `SUBREGION_ORDER` says under the side-by-side
    tables. The rows after the groups' (the totals) keep their label in the first column."""
    if not any(subregions):
        return table
    n = len(subregions)
    rows = [*([where, *row] for where, row in zip(subregions, table.rows[:n], strict=True)),
            *([row[0], None, *row[1:]] for row in table.rows[n:])]
    return replace(table, headers=["Delregion", *table.headers], rows=rows,
                   signed=frozenset(c + 1 for c in table.signed))


def meetings_table(part: Part) -> Table:
    o = part.overview
    rows: list[list[Value]] = [
        [g.name, g.meetings_planned, g.meetings_held, g.representatives, g.organisations]
        for g in o.groups]
    rows.append(["Totalt", o.meetings_planned, o.meetings_held, o.representatives, None])
    return with_subregions(Table(["Grupp", "Planerade möten", "Genomförda möten",
                                  "Representanter", "Organisationer"], rows),
                           [g.subregion for g in o.groups])


def composition_table(part: Part) -> Table:
    comp = part.composition
    rows: list[list[Value]] = [[r.group, *r.counts, sum(r.counts)] for r in comp.rows]
    # a totals row: a dash in it means the same as above (no representative), nothing else
    rows.append(["Totalt", *[sum(r.counts[i] for r in comp.rows)
                             for i in range(len(comp.organisations))],
                 sum(sum(r.counts) for r in comp.rows)])
    return with_subregions(Table(["Grupp", *[o.label for o in comp.organisations], "Totalt"],
                                 rows, dash_zero=True), [r.subregion for r in comp.rows])


def category_table(d: Deviations, flag_column: bool = True) -> Table:
    """Per category and status. Without `flag_column` (Word and Markdown, where a column of
    a few "Ja" wastes the width) `flagged_note` names the possible system faults instead."""
    flag: list[Value] = []
    rows: list[list[Value]] = [
        [c.category.label, c.total, len(c.groups), *[c.by_status.get(s.code, 0) for s in d.statuses],
         *(["Ja" if c.possible_fault else ""] if flag_column else flag)]
        for c in d.categories
    ]
    rows.append(["Totalt", d.total, None, *[d.by_status.get(s.code, 0) for s in d.statuses],
                 *([""] if flag_column else flag)])
    return Table(["Kategori", "Antal", "Grupper", *[s.label for s in d.statuses],
                  *(["Möjligt systemfel"] if flag_column else [])], rows, dash_zero=True)


def flagged_note(part: Part) -> str:
    """The categories flagged as possible system faults, in words under the status table,
    by the document's one rule (`common.fault_rule`: groups, and in a roll-up sub-regions)."""
    rule = fault_rule(part)
    flagged = [c.category.label for c in part.deviations.categories if c.possible_fault]
    if not flagged:
        return (f"Ingen kategori rapporteras av {rule}, så ingen är ett möjligt övergripande "
                f"systemfel.")
    which = "Kategorin" if len(flagged) == 1 else "Kategorierna"
    return (f"{which} {quoted(flagged)} rapporteras av {rule} och är "
            f"{'ett möjligt' if len(flagged) == 1 else 'möjliga'} övergripande systemfel.")


def group_deviation_table(d: Deviations, notes_column: bool = True) -> Table:
    """Per group; a group without deviations says so, one that did not fill them in is empty.

    Without `notes_column` (Word, where the columns are narrow) the sentences above the
    table name those groups instead."""
    rows: list[list[Value]] = [
        [g.group, *g.counts, g.total] if g.filled_in
        else [g.group, *[None for _ in g.counts], None] for g in d.by_group]
    notes = [deviation_note(g) for g in d.by_group]
    total: list[Value] = ["Totalt", *[c.total for c in d.categories], d.total]
    where = [g.subregion for g in d.by_group]
    if not any(notes) or not notes_column:
        return with_subregions(Table(["Grupp", *[c.category.label for c in d.categories],
                                      "Totalt"], [*rows, total], dash_zero=True), where)
    return with_subregions(Table(
        ["Grupp", *[c.category.label for c in d.categories], "Totalt", "Anmärkning"],
        [*[[*row, note] for row, note in zip(rows, notes, strict=True)], [*total, None]],
        dash_zero=True), where)


def key_figure_table(part: Part) -> Table:
    return Table(
        ["Nyckeltal", "Summa", "Lägst", "Grupp (lägst)", "Högst", "Grupp (högst)",
         "Antal grupper"],
        [[f.name, f.total, f.min, f.min_group, f.max, f.max_group, len(f.values)]
         for f in part.key_figures if len(f.values) > 1],
    )


def change_table(changes: list[Change], first: str, previous_year: int, year: int) -> Table:
    return Table([first, str(previous_year), str(year), "Förändring"],
                 [[c.label, c.previous, c.current, c.change] for c in changes],
                 signed=frozenset({3}))


def key_figure_change_table(c: Comparison) -> Table:
    """Key figures year over year, each over the groups that reported it both years."""
    return Table(["Nyckeltal", "Grupper", str(c.previous_year), str(c.year), "Förändring"],
                 [[k.label, k.groups, k.previous, k.current, k.change] for k in c.key_figures],
                 signed=frozenset({4}))


def one_year_only_table(c: Comparison) -> Table:
    """The groups that reported only one of the years, kept apart from the changes."""
    return Table(["Uppgift", f"Bara {c.previous_year}", f"Bara {c.year}"],
                 [[o.label, o.previous, o.current] for o in c.one_year_only])


def follow_up_table(part: Part, year: int, actions: bool = False) -> Table:
    """Last year's raised deviations and, in one status column, what this year's report says;
    `actions` adds last year's text and this year's actions (for Excel, where width is free)."""
    previous_year = part.comparison.previous_year if part.comparison else year - 1
    extra = [f"Beskrivning {previous_year}", f"Åtgärd {previous_year}", f"Åtgärd {year}"]
    return Table(
        ["Grupp", "Avvikelsekategori", f"Antal {previous_year}", f"Antal {year}",
         f"Läget {year}", *(extra if actions else [])],
        [[f.group, f.category.label, f.previous_count,
          None if f.outcome.code == "ingen-årsberättelse" else f.current_count,
          follow_up_state(f),
          *([f.description, f.action, " ".join(f.current_actions)] if actions else [])]
         for f in part.follow_up or []])
