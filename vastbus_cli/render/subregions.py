"""The sub-regions side by side (the regional totals): tables and sentences every format shows.

A column per sub-region and one for the whole region; deviation categories that appear
in several sub-regions are flagged, the regional counterpart of a category recurring in
several local groups.
"""

from __future__ import annotations

from vastbus_cli.documents.table import Table, Value
from vastbus_cli.reports.summary import SideBySide

TOTAL = "Totalt"  # short: a long header is broken mid-word in a narrow Word column


def figures_table(side: SideBySide) -> Table:
    """Rows of figures, a column per sub-region and the region's total last."""
    cols = side.columns
    known = all(c.expected is not None for c in cols)

    def row(label: str, values: list[int | None]) -> list[Value]:
        total = sum(v or 0 for v in values) if all(v is not None for v in values) else None
        return [label, *values, total]

    rows = [row("Grupper som ska rapportera", [c.expected for c in cols])] if known else []
    rows += [
        row("Grupper som har rapporterat", [c.reported for c in cols]),
        *([row("Grupper som saknas", [c.missing for c in cols])] if known else []),
        row("Planerade möten", [c.meetings_planned for c in cols]),
        row("Genomförda möten", [c.meetings_held for c in cols]),
        row("Representanter", [c.representatives for c in cols]),
        row("Avvikelser", [c.deviations for c in cols]),
    ]
    return Table(["Uppgift", *(c.subregion for c in cols), TOTAL], rows)


def categories_table(side: SideBySide) -> Table:
    """Deviations per category and sub-region, and in how many sub-regions (a flagged
    category is marked with an asterisk; the list under the table names them)."""
    n = len(side.columns)
    rows: list[list[Value]] = [
        [c.category.label + (" *" if c.flagged else ""), *c.counts, c.total,
         f"{len(c.subregions)} av {n}"] for c in side.categories]
    return Table(["Kategori", *(c.subregion for c in side.columns), TOTAL, "Delregioner"],
                 rows, dash_zero=True)


def flagged_sentence(side: SideBySide) -> str:
    flagged = [c for c in side.categories if c.flagged]
    if not flagged:
        return (f"Ingen avvikelsekategori förekommer i {side.threshold} delregioner eller fler.")
    return (f"* Avvikelsekategorier som förekommer i minst {side.threshold} delregioner "
            f"(möjliga övergripande systemfel för hela regionen):")


def flagged_items(side: SideBySide) -> list[str]:
    from vastbus_cli.render.common import names, num

    out = []
    for c in side.categories:
        if not c.flagged:
            continue
        line = (f"{c.category.label}: {num(c.total)} avvikelser i {len(c.subregions)} "
                f"delregioner ({names(c.subregions)}).")
        if c.recurring_in:
            line += f" Återkommande inom {names(c.recurring_in)}."
        out.append(line)
    return out
