"""The body condensed: per theme, how many groups name it, and a few of their own words.

Twelve groups' texts in full are forty pages nobody reads; "NPF som
kompetensbehov: 7 av 12 grupper" with two quotations is what a reader keeps.
The verbatim text is the optional appendix (`compile --appendix`), never a
second copy in the body.
"""

from __future__ import annotations

from vastbus_cli.render.common import names, num, sentence, theme_title
from vastbus_cli.render.tables import Table, Value
from vastbus_cli.reports.summary import Entry, Part, ThemeBlock

QUOTES = 2  # quoted examples per theme
#: The sections counted per theme, with the short column headers of the theme table.
SECTIONS = (("work", "Arbete"), ("development_areas", "Utveckling"),
            ("competence_needs", "Kompetens"), ("support_by_theme", "Stöd"))
THEME_TABLE_NOTE = ("Antal grupper av {of} som tar upp varje tema: i pågående arbete, "
                    "utvecklingsområden, kompetensbehov och önskat stöd.")


def by_count(blocks: list[ThemeBlock]) -> list[ThemeBlock]:
    """Themes most groups name first (vocabulary order among equals); no theme last."""
    order = {id(b): i for i, b in enumerate(blocks)}
    return sorted(blocks, key=lambda b: (b.theme is None, -len(b.groups), order[id(b)]))


def theme_lead(block: ThemeBlock, of: int) -> str:
    """`Neuropsykiatriska funktionsnedsättningar (NPF): 7 av 12 grupper`."""
    n = len(block.groups)
    return (f"{theme_title(block.theme.label if block.theme else None)}: {num(n)} av {num(of)} "
            f"{'grupp' if of == 1 else 'grupper'}")


def _quote(e: Entry) -> str:
    return f"{e.group}: ”{sentence(e.text)}”"


def examples(block: ThemeBlock) -> list[Entry]:
    """The shortest `QUOTES` entries from different groups, in the block's order."""
    seen: set[str] = set()
    mine = []
    for e in sorted(block.entries, key=lambda e: len(e.text)):
        if e.group not in seen:
            seen.add(e.group)
            mine.append(e)
        if len(mine) == QUOTES:
            break
    return [e for e in block.entries if e in mine]


def quoted_item(block: ThemeBlock, of: int) -> tuple[str, str]:
    """(lead, rest) for one theme: the count, who, and a few quotations.

    `NPF: 7 av 12 grupper` + ` (Essunga, …). Till exempel Hjo: ”…”; Skövde: ”…”`
    """
    quotes = "; ".join(_quote(e) for e in examples(block))
    if len(block.groups) == 1 and len(block.entries) == 1:
        return theme_lead(block, of), f"– {quotes}"
    more = "Till exempel " if len(block.entries) > QUOTES else ""
    return theme_lead(block, of), f"({names(block.groups)}). {more}{quotes}"


def titled_item(block: ThemeBlock, of: int) -> tuple[str, str]:
    """(lead, rest) for ongoing work: the count, then each group's title (titles are short)."""
    titles = "; ".join(f"{e.group}: {e.title}" if e.title else f"{e.group}: {e.text}"
                       for e in block.entries)
    return theme_lead(block, of), f"– {sentence(titles)}"


def theme_table(part: Part) -> Table:
    """Groups per theme in each section: the one table that shows what the year was about."""
    columns = [(label, {(b.theme.code if b.theme else None): len(b.groups)
                        for b in getattr(part, key)}) for key, label in SECTIONS]
    codes: list[str | None] = []
    labels: dict[str | None, str] = {}
    for key, _ in SECTIONS:
        for b in getattr(part, key):
            code = b.theme.code if b.theme else None
            if code not in labels:
                codes.append(code)
                labels[code] = theme_title(b.theme.label if b.theme else None)
    from vastbus_cli.vocabulary import Theme

    rank = {t.value: i for i, t in enumerate(Theme)}
    codes.sort(key=lambda c: (c is None, -max(col.get(c, 0) for _, col in columns),
                              rank.get(c or "", len(rank))))
    rows: list[list[Value]] = [[labels[c], *[col.get(c, 0) for _, col in columns]] for c in codes]
    return Table(["Tema", *[label for label, _ in columns]], rows, dash_zero=True)


def plans_by_group(part: Part) -> list[tuple[str, str]]:
    """(group, its plans in one line): one line per group instead of one per plan."""
    out: dict[str, list[str]] = {}
    for e in part.plans:
        out.setdefault(e.group, []).append(e.text.rstrip("."))
    return [(group, sentence("; ".join(texts))) for group, texts in out.items()]
