"""The sub-regions side by side (the regional totals): tables and sentences every format shows.

A column per sub-region and one for the whole region; deviation categories that appear
in several sub-regions are flagged, the regional counterpart of a category recurring in
several local groups.
"""

from __future__ import annotations

from vastbus_cli.documents.table import Table, Value
from vastbus_cli.reports.summary import SideBySide

TOTAL = "Totalt"  # short: a long header is broken mid-word in a narrow Word column
#: How the region-wide group tables are ordered (issue 26.12: the order was unexplained).
ORDER_NOTE = ("I regionens tabeller per grupp står grupperna delregion för delregion, i samma "
              "ordning som delregionerna ovan, och inom varje delregion i den ordning som "
              "delregionens egen sammanställning har dem; kolumnen Delregion säger var varje "
              "grupp hör hemma.")


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
    """Deviations per category and sub-region, and in how many sub-regions (a possible system
    fault, by either rule, is marked with an asterisk; the list under the table says why)."""
    n = len(side.columns)
    rows: list[list[Value]] = [
        [c.category.label + (" *" if c.possible_fault else ""), *c.counts, c.total,
         f"{len(c.subregions)} av {n}"] for c in side.categories]
    return Table(["Kategori", *(c.subregion for c in side.columns), TOTAL, "Delregioner"],
                 rows, dash_zero=True)


def _rule(side: SideBySide) -> str:
    """The rule in the Sammanfattning's words and order: groups, then sub-regions."""
    text = f"minst {side.threshold} av {len(side.columns)} delregioner"
    if side.group_threshold is not None and side.reporting is not None:
        text = f"minst {side.group_threshold} av {side.reporting} grupper eller {text}"
    return text


def flagged_sentence(side: SideBySide) -> str:
    if not any(c.possible_fault for c in side.categories):
        more = (f" eller i {side.group_threshold} grupper eller fler"
                if side.group_threshold is not None else "")
        return (f"Ingen avvikelsekategori förekommer i {side.threshold} delregioner eller "
                f"fler{more}.")
    return (f"* Möjliga övergripande systemfel för hela regionen: avvikelsekategorier som "
            f"{_rule(side)} rapporterar (samma regel som i sammanfattningen):")


def flagged_items(side: SideBySide) -> list[str]:
    """Each flagged category with both counts, and which rule (or both) flags it."""
    from vastbus_cli.render.common import names, num

    out = []
    for c in side.categories:
        if not c.possible_fault:
            continue
        reasons = [*([f"minst {side.group_threshold} grupper"] if c.recurring else []),
                   *([f"minst {side.threshold} delregioner"] if c.flagged else [])]
        line = (f"{c.category.label}: {num(c.total)} avvikelser i {len(c.subregions)} av "
                f"{len(side.columns)} delregioner ({names(c.subregions)})")
        if side.reporting is not None:
            line += f" och {c.groups} av {side.reporting} grupper"
        line += f" – skäl: {' och '.join(reasons)}."
        if c.recurring_in:
            line += f" Återkommande inom {names(c.recurring_in)}."
        out.append(line)
    return out
