"""What every summary renderer shares: section titles, Swedish phrases, number formats.

The renderers differ in layout only; every sentence a reader sees is built here
once, so the Markdown, Word and Excel versions say the same thing.
"""

from __future__ import annotations

import datetime as dt

from vastbus_cli.documents.numbers import count_cell as count_cell
from vastbus_cli.documents.numbers import signed as signed
from vastbus_cli.documents.problem import DocumentProblem
from vastbus_cli.documents.properties import Properties
from vastbus_cli.summary import (
    Comparison,
    CompositionRow,
    Deviations,
    OrganisationGap,
    Part,
    Summary,
    format_number,
)

MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december")

#: Section titles, in the order every format presents them.
TITLES = {
    "overview": "Översikt",
    "meetings": "Möten och representanter",
    "composition": "Sammansättning",
    "work": "Pågående arbete",
    "deviations": "Avvikelser",
    "development_areas": "Utvecklingsområden",
    "competence_needs": "Kompetensbehov",
    "support": "Stöd, goda exempel och planer",
    "support_wanted": "Stöd från den delregionala gruppen",
    "good_examples": "Goda exempel",
    "plans": "Planer för nästa år",
    "key_figures": "Nyckeltal",
    "comparison": "Jämfört med föregående år",
    "appendix": "Bilaga: gruppernas årsberättelser",
    "totals": "Regionala totaler",
}
NO_THEME = "Utan tema"


RenderProblem = DocumentProblem  # the name the renderers and the CLI use


NOTHING = "Inget att redovisa."


def num(value: float) -> str:
    return format_number(value)




def date_sv(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def names(items: list[str]) -> str:
    """`A, B och C`."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " och " + items[-1]


SUBTITLE = "Delregional sammanställning till den regionala styrgruppen"
SUBJECT = "Delregional sammanställning av Västbusarbetet"


def author(s: Summary) -> str:
    """Who sends the summary: the sub-regional group (from the roster, or named after the sub-region)."""
    return f"Västbus delregionala grupp {s.subregion}"


def title_facts(s: Summary) -> list[tuple[str, str]]:
    """The title page's labelled facts, in every format."""
    return [("Delregion", s.subregion), ("Verksamhetsår", str(s.year)),
            ("Datum", date_sv(s.produced))]


def properties(s: Summary) -> Properties:
    """Document properties of the summary (Word and Excel)."""
    return Properties(title=s.title, author=author(s), date=s.produced, subject=SUBJECT,
                      keywords=f"Västbus; {s.subregion}; {s.year}")


def deadline_sentence(s: Summary) -> str:
    if s.deadline_passed:
        return (f"Sista dag för sammanställningen till den regionala styrgruppen var "
                f"{date_sv(s.deadline)}; den har passerat.")
    days = (s.deadline - s.produced).days
    return (f"Sista dag för sammanställningen till den regionala styrgruppen är "
            f"{date_sv(s.deadline)} ({days} {'dag' if days == 1 else 'dagar'} kvar).")


def overview_lines(s: Summary, part: Part, totals: bool) -> list[list[str | int]]:
    """A part's overview as (label, value) rows; files left out belong to the whole summary."""
    o = part.overview
    expected = o.expected if o.expected is not None else "okänt (ingen gruppförteckning)"
    rows: list[list[str | int]] = [
        ["Grupper som ska rapportera", expected],
        ["Grupper som har rapporterat", o.reported],
        ["Grupper som saknas", names(o.missing) if o.missing else "inga"],
    ]
    if totals or len(s.parts) == 1:
        rows.append(["Filer som inte är med (fel i filen)", names(s.skipped) or "inga"])
    rows += [
        ["Planerade möten", o.meetings_planned],
        ["Genomförda möten", o.meetings_held],
        ["Representanter", o.representatives],
    ]
    return rows


def skipped_sentence(s: Summary) -> str:
    if not s.skipped:
        return ""
    return ("Ej medtagna på grund av fel i filen: " + names(s.skipped)
            + ". Rätta filerna (vastbus validate) och sammanställ igen.")


def gap_sentence(g: OrganisationGap) -> str:
    n = len(g.missing_in)
    if n == 0:
        return f"{g.organisation.label} finns i alla {g.groups} grupper."
    where = "" if n == g.groups else f" ({names(g.missing_in)})"
    return f"{g.organisation.label} saknas i {n} av {g.groups} grupper{where}."


def composition_total(row: CompositionRow) -> int:
    return sum(row.counts)


def recurring_sentence(d: Deviations) -> str:
    flagged = [c for c in d.categories if c.recurring]
    if not flagged:
        return (f"Ingen avvikelsekategori förekommer i {d.threshold} grupper eller fler; "
                f"inga möjliga övergripande systemfel.")
    return (f"Möjliga övergripande systemfel att lyfta till regional nivå "
            f"(kategorier som förekommer i minst {d.threshold} grupper):")


def recurring_item(d: Deviations, code: str) -> str:
    c = next(c for c in d.categories if c.category.code == code)
    return (f"{c.category.label}: {num(c.total)} avvikelser i {len(c.groups)} grupper "
            f"({names(c.groups)}).")


def status_text(counts: dict[str, int], d: Deviations) -> str:
    """`Löst 1, Pågående 4` in vocabulary order."""
    return ", ".join(f"{s.label} {num(counts[s.code])}" for s in d.statuses
                     if counts.get(s.code))


def parts_in_order(s: Summary) -> list[tuple[Part, bool]]:
    """The regional totals first (flagged True) when there are several parts, then each part."""
    rows = [(p, False) for p in s.parts]
    if s.totals is not None:
        rows.insert(0, (s.totals, True))
    return rows


def part_heading(s: Summary, part: Part, totals: bool) -> str | None:
    """A heading per part only when there are several; one sub-region needs none."""
    if totals:
        return f"{TITLES['totals']} ({names([p.subregion for p in s.parts])})"
    return f"Delregion {part.subregion}" if len(s.parts) > 1 else None


def theme_title(label: str | None) -> str:
    return label or NO_THEME




def sections(part: Part, totals: bool) -> list[str]:
    """The sections a part shows, in order; the regional totals show the figures only."""
    keys = ["overview", "meetings", "composition", "work", "deviations", "development_areas",
            "competence_needs", "support", "key_figures", "comparison", "appendix"]
    if totals:
        keys = ["overview", "composition", "deviations", "key_figures", "comparison"]
    if part.comparison is None:
        keys.remove("comparison")
    if not part.appendix and "appendix" in keys:
        keys.remove("appendix")
    return keys


def comparison_lines(c: Comparison) -> list[tuple[str, list[str]]]:
    """The year-over-year lists: (lead, names); an empty list reads as "inga"."""
    return [
        ("Nya grupper som rapporterat", c.new_groups),
        (f"Grupper som rapporterade {c.previous_year} men inte i år",
         c.groups_not_reporting_again),
        ("Nya teman", c.themes_new),
        ("Teman som består", c.themes_persisting),
        ("Teman som inte längre nämns", c.themes_dropped),
    ]
