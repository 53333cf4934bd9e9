"""What every summary renderer shares: section titles, Swedish phrases, number formats.

The renderers differ in layout only; every sentence a reader sees is built here
once, so the Markdown, Word and Excel versions say the same thing.
"""

from __future__ import annotations

import datetime as dt  # noqa: F401  (was used here; templates see it, the sandbox refuses it)

from vastbus_cli.documents.dates import MONTHS, date_sv  # noqa: F401  (used by templates)
from vastbus_cli.documents.numbers import count_cell as count_cell
from vastbus_cli.documents.numbers import signed as signed
from vastbus_cli.documents.phrases import names as names
from vastbus_cli.documents.problem import DocumentProblem
from vastbus_cli.documents.properties import Properties
from vastbus_cli.reports.summary import (
    Comparison,
    Deviations,
    FollowUp,
    GroupDeviations,
    OrganisationGap,
    Part,
    Summary,
    format_number,
)

#: Section titles, in the order every format presents them.
TITLES = {
    "digest": "Sammanfattning",
    "to_region": "Det delregionen lyfter till regional nivå",
    "overview": "Översikt",
    "follow_up": "Uppföljning av förra årets lyfta avvikelser",
    "support_wanted": "Önskat stöd från den delregionala gruppen",
    "meetings": "Möten och representanter",
    "composition": "Sammansättning",
    "work": "Pågående arbete",
    "deviations": "Avvikelser",
    "development_areas": "Utvecklingsområden",
    "competence_needs": "Kompetensbehov",
    "themes": "Teman i årsberättelserna",
    "support": "Goda exempel och planer",
    "good_examples": "Goda exempel",
    "plans": "Planer för nästa år",
    "key_figures": "Nyckeltal",
    "comparison": "Jämfört med föregående år",
    "appendix": "Bilaga: gruppernas årsberättelser",
    "totals": "Regionala totaler",
    "subregions": "Delregionerna sida vid sida",
    "intro": "Inledning",
    "conclusions": "Slutsatser och rekommendationer",
}
NO_THEME = "Utan tema"

#: A summary of several sub-regions speaks for all of them, not for one.
REGIONAL_TITLES = {**TITLES, "to_region": "Det delregionerna lyfter till regional nivå"}


def titles(s: Summary) -> dict[str, str]:
    """The section titles for `s`: `TITLES`, or `REGIONAL_TITLES` for several sub-regions."""
    return REGIONAL_TITLES if len(s.parts) > 1 else TITLES


RenderProblem = DocumentProblem  # the name the renderers and the CLI use


def num(value: float) -> str:
    return format_number(value)




def quoted(labels: list[str]) -> str:
    """Theme or category names in a sentence, each in quotes: `”A”, ”B” och ”C”`.

    A label can itself contain "och" (Barns och ungas delaktighet), so the quotes
    show where one name ends.
    """
    return names([f"”{label}”" for label in labels])


SUBTITLE = "Delregional sammanställning till den regionala styrgruppen"
SUBJECT = "Delregional sammanställning av Västbusarbetet"
REGIONAL_SUBTITLE = "Regional sammanställning till den regionala styrgruppen"
REGIONAL_SUBJECT = "Regional sammanställning av Västbusarbetet"


def subtitle(s: Summary) -> str:
    """Several sub-regions (a roll-up, or reports from several) make a regional summary."""
    return REGIONAL_SUBTITLE if len(s.parts) > 1 else SUBTITLE


REGIONAL_AUTHOR = "Västbus i Västra Götaland"  # a roll-up without --sender: no one sub-region


def author(s: Summary) -> str:
    """Who sends the summary: the sub-regional group (from the roster, or named after the
    sub-region); a regional roll-up of several sub-regions is not any one group's."""
    if s.sender:
        return s.sender
    return REGIONAL_AUTHOR if len(s.parts) > 1 else f"Västbus delregionala grupp {s.subregion}"


DEFAULT_RECIPIENT = "Regionala styrgruppen för Västbus"


def title_facts(s: Summary) -> list[tuple[str, str]]:
    """The title page's labelled facts, in every format (the roster's only when it gives them)."""
    facts = [("Till", s.recipient or DEFAULT_RECIPIENT),
             ("Delregioner" if len(s.parts) > 1 else "Delregion", s.subregion),
             ("Verksamhetsår", str(s.year)),
             ("Datum", date_sv(s.produced))]
    if s.reference:
        facts.append(("Diarienummer", s.reference))
    if s.sender:
        facts.append(("Från", s.sender))
    if s.coordinator_role:
        facts.append(("Upprättad av", s.coordinator_role))
    return facts


def properties(s: Summary) -> Properties:
    """Document properties of the summary (Word and Excel)."""
    return Properties(title=s.title, author=author(s), date=s.produced,
                      subject=REGIONAL_SUBJECT if len(s.parts) > 1 else SUBJECT,
                      keywords=f"Västbus; {s.subregion}; {s.year}",
                      identifier=s.reference or "", comments=s.coordinator_role or "")


def deadline_sentence(s: Summary) -> str:
    if s.deadline_passed:
        return (f"Sista dag för sammanställningen till den regionala styrgruppen var "
                f"{date_sv(s.deadline)}; den har passerat.")
    days = (s.deadline - s.produced).days
    return (f"Sista dag för sammanställningen till den regionala styrgruppen är "
            f"{date_sv(s.deadline)} ({days} {'dag' if days == 1 else 'dagar'} kvar).")


def missing_where(s: Summary, p: Part) -> str:
    """The missing groups; in the regional totals with the sub-region each belongs to
    (`Gullspång och Karlsborg (Norra Skaraborg); Vara (Västra Skaraborg)`)."""
    if p is not s.totals or sorted(m for q in s.parts for m in q.missing) != sorted(p.missing):
        return names(p.missing)  # one sub-region, or a roster that is not the parts' (compile)
    return "; ".join(f"{names(q.missing)} ({q.subregion})" for q in s.parts if q.missing)


def overview_lines(s: Summary, part: Part, totals: bool) -> list[list[str | int]]:
    """A part's overview as (label, value) rows; files left out belong to the whole summary."""
    o = part.overview
    expected = o.expected if o.expected is not None else "okänt (ingen gruppförteckning)"
    rows: list[list[str | int]] = [
        ["Grupper som ska rapportera", expected],
        ["Grupper som har rapporterat", o.reported],
        ["Grupper som saknas", missing_where(s, part) if o.missing else "inga"],
    ]
    if o.not_included:
        rows.append([NOT_INCLUDED_LABEL, names(o.not_included)])
    elif s.skipped and (totals or len(s.parts) == 1):  # no group name could be read
        rows.append(["Filer som inte är med (fel i filen)", names(s.skipped)])
    rows += [
        ["Planerade möten", o.meetings_planned],
        ["Genomförda möten", o.meetings_held],
        ["Representanter", o.representatives],
    ]
    return rows


COMPOSITION_NOTE = ("Antal representanter per organisation och grupp (– betyder att gruppen "
                    "inte har någon representant från organisationen).")


def gap_sentence(g: OrganisationGap) -> str:
    """A core organisation missing is a gap; the others are counted where they take part."""
    n = len(g.missing_in)
    if not g.expected:
        present = g.groups - n
        if present == g.groups:
            return f"{g.organisation.label} finns i alla {g.groups} grupper."
        return f"{g.organisation.label} finns i {present} av {g.groups} grupper."
    if n == 0:
        return f"{g.organisation.label} finns i alla {g.groups} grupper."
    where = "" if n == g.groups else f" ({names(g.missing_in)})"
    return f"{g.organisation.label} saknas i {n} av {g.groups} grupper{where}."


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




def opening(s: Summary) -> list[str]:
    """What a reader meets first, before any part: decisions first. The generated
    Sammanfattning and the coordinator's conclusions (the proposals to the steering group)
    fill the first content page; the coordinator's introduction and what goes to the
    regional level follow (in Word after the contents, `FIRST_PAGE`)."""
    return ["digest", *(["conclusions"] if s.conclusions else []),
            *(["intro"] if s.intro else []), "to_region"]


#: The opening sections on the first content page, before the contents (Word).
FIRST_PAGE = frozenset({"digest", "conclusions"})


def sections(part: Part, totals: bool, conclusions: bool = False) -> list[str]:
    """The sections a part shows, in order; the regional totals show the figures only.

    `conclusions` is accepted for copies of older templates and no longer used: the
    conclusions follow the Sammanfattning (`opening`).
    """
    keys = ["overview", "follow_up", "support_wanted", "meetings", "composition", "themes",
            "work", "deviations", "development_areas", "competence_needs", "support",
            "key_figures", "comparison", "appendix"]
    if totals:
        keys = ["overview", "follow_up", "composition", "deviations", "key_figures",
                "comparison"]
        if part.subregions is not None:
            keys.insert(1, "subregions")
    if part.comparison is None:
        keys.remove("comparison")
    if part.follow_up is None and not part.follow_up_text:
        keys.remove("follow_up")
    if not part.appendix and "appendix" in keys:
        keys.remove("appendix")
    empty = {"support_wanted": not part.support_by_theme, "work": not part.work,
             "development_areas": not part.development_areas,
             "competence_needs": not part.competence_needs,
             "support": not part.good_examples and not part.plans,
             "key_figures": not part.key_figures}
    return [k for k in keys if not empty.get(k, False)]  # an empty section is left out


def comparison_intro(c: Comparison) -> str:
    """Which groups the changes cover: the like-for-like promise, in words."""
    if not c.both:
        return (f"Ingen grupp lämnade årsberättelse både {c.previous_year} och {c.year}, "
                f"så det finns inget att jämföra grupp för grupp.")
    n = len(c.both)
    who = "den grupp" if n == 1 else f"de {n} grupper"
    return (f"Jämförelsen gäller {who} som lämnade årsberättelse både {c.previous_year} och "
            f"{c.year}: {names(c.both)}.")


def neither_year(part: Part) -> list[str]:
    """The roster's groups missing this year that did not report last year either (known only
    with last year's reports): a group silent two years running is worth naming on its own."""
    c = part.comparison
    if c is None:
        return []
    return [g for g in part.missing if g not in c.only_previous]


def comparison_lines(c: Comparison, part: Part | None = None) -> list[tuple[str, str]]:
    """The year-over-year lists as (lead, text): group names joined, theme names quoted (a
    theme such as "Barns och ungas delaktighet" has its own "och"); empty reads "inga".

    With `part` the groups that reported neither year are named too, so that "Rapporterade
    inte {year}" (last year's groups only) is not read as the full list of groups missing."""
    not_before = [n for n in c.only_current if n not in c.new_in_roster]
    lines = [(f"Rapporterade inte {c.previous_year}", names(not_before) or "inga")]
    if c.new_in_roster:
        lines.append((f"Nya i gruppförteckningen {c.year}", names(c.new_in_roster)))
    if part is not None:
        lines.append((f"Rapporterade {c.previous_year} men inte {c.year}",
                      names(c.only_previous) or "inga"))
        lines.append((f"Rapporterade varken {c.previous_year} eller {c.year}",
                      names(neither_year(part)) or "inga"))
    else:
        lines.append((f"Rapporterade inte {c.year}", names(c.only_previous) or "inga"))
    lines += [
        ("Nya teman", quoted(c.themes_new) or "inga"),
        ("Teman som består", quoted(c.themes_persisting) or "inga"),
        ("Teman som inte längre nämns", quoted(c.themes_dropped) or "inga"),
    ]
    return lines


def one_year_only_note(c: Comparison) -> str:
    return ("Grupper som bara lämnade årsberättelse ett av åren ingår inte i förändringen; "
            "deras siffror står här för sig.")


def key_figure_comparison_note(c: Comparison) -> str:
    return ("Varje nyckeltal jämförs för de grupper som redovisade det både "
            f"{c.previous_year} och {c.year}.")


def sentence(text: str) -> str:
    """`text` ending in a full stop (or its own ! ? : …), so that the next sentence can follow."""
    text = text.rstrip()
    return text if not text or text[-1] in ".!?…:" else text + "."


def count_of(n: int, one: str, many: str) -> str:
    """`1 avvikelse`, `3 avvikelser`."""
    return f"{num(n)} {one if n == 1 else many}"


_STILL_THERE_AS = {"löst": "delvis löst", "pågående": "pågående", "ej_löst": "ej löst",
                   "lyft_till_delregional_nivå": "lyft igen"}


def _statuses_now(f: FollowUp) -> str:
    """This year's statuses in the category, as words after "Kvarstår" (`ej löst, lyft igen`)."""
    return ", ".join(_STILL_THERE_AS.get(s.code, s.label.lower()) for s in f.current_statuses)


def follow_up_state(f: FollowUp) -> str:
    """The one status cell: the outcome, and for a deviation still there, this year's statuses."""
    if f.outcome.code != "kvarstår" or not f.current_statuses:
        return f.outcome.label
    return f"{f.outcome.label} ({_statuses_now(f)})"


def _follow_up_clauses(rows: list[FollowUp], year: int) -> list[str]:
    """What this year's reports say, outcome by outcome, naming the group and the category.

    A deviation raised last year is a case of last year; this year's report says only
    whether the same group reports the same kind of deviation again, so the sentence
    gives this year's own count and never says that last year's cases are still open."""
    again = [f for f in rows if f.outcome.code == "kvarstår"]
    out = []
    if again:
        same = "samma grupp" if len({f.group for f in again}) == 1 else "samma grupper"
        items = [f"{f.group} {num(f.current_count)} i {quoted([f.category.label])} "
                 f"({_statuses_now(f)})" for f in again]
        kinds = "kategori" if len({f.category.code for f in again}) == 1 else "kategorier"
        out.append(f"I årsberättelserna för {year} rapporterar {same} nya avvikelser i samma "
                   f"{kinds}: {names(items)}.")
    for code, words in (("löst", "Avvikelserna i samma kategori anges som lösta {year} av"),
                        ("nämns-inte", "Kategorin nämns inte {year} av"),
                        ("ingen-årsberättelse", "Ingen årsberättelse för {year} har kommit från")):
        which = [f for f in rows if f.outcome.code == code]
        if not which:
            continue
        items = (list(dict.fromkeys(f.group for f in which)) if code == "ingen-årsberättelse"
                 else [f"{f.group} ({quoted([f.category.label])})" for f in which])
        out.append(f"{words.format(year=year)} {names(items)}.")
    return out


def follow_up_text_title(totals: bool) -> str:
    """The heading of the coordinator's account (`uppfoljning.md`) inside the follow-up
    section: what was done with the issues, after what the reports say of them."""
    return ("Vad de delregionala grupperna har gjort" if totals
            else "Vad den delregionala gruppen har gjort")


def follow_up_sentences(part: Part, year: int) -> list[str]:
    """Last year's raised deviations counted as deviations and categories, then what this
    year's reports say of the same groups and categories."""
    rows = part.follow_up or []
    previous_year = part.comparison.previous_year if part.comparison else year - 1
    if not rows:
        return [f"Inga avvikelser lyftes till delregional nivå i årsberättelserna för "
                f"{previous_year}."]
    total = sum(f.previous_count for f in rows)
    categories = len({f.category.code for f in rows})
    groups = len({f.group for f in rows})
    first = (f"I årsberättelserna för {previous_year} lyfte "
             f"{count_of(groups, 'grupp', 'grupper')} {count_of(total, 'avvikelse', 'avvikelser')} "
             f"i {count_of(categories, 'kategori', 'kategorier')} till delregional nivå.")
    out = [first, *_follow_up_clauses(rows, year)]
    if any(f.outcome.code == "kvarstår" for f in rows):
        out.append(f"Om de enskilda avvikelserna från {previous_year} är lösta säger "
                   f"årsberättelserna inte.")
    return out


def follow_up_detail(f: FollowUp, previous_year: int, year: int) -> str:
    """Last year's description and action, and what the group reports was done this year."""
    then = f"{previous_year}: {sentence(f.description)} Åtgärd: {sentence(f.action)}"
    if f.outcome.code == "ingen-årsberättelse":
        return then
    if not f.current_actions:
        return f"{then} {year}: kategorin nämns inte i gruppens årsberättelse."
    done = " ".join(sentence(a) for a in f.current_actions)
    state = _statuses_now(f) if f.outcome.code == "kvarstår" else f.outcome.label.lower()
    return (f"{then} {year} ({count_of(f.current_count, 'avvikelse', 'avvikelser')}, {state}): "
            f"{done}")


NO_DEVIATIONS = "Inga avvikelser"
NOT_FILLED_IN = "Ej ifyllt"


def deviation_note(g: GroupDeviations) -> str:
    """`Inga avvikelser` (`avvikelser: []`) and `Ej ifyllt` (no `avvikelser` at all) differ."""
    if not g.filled_in:
        return NOT_FILLED_IN
    return NO_DEVIATIONS if g.total == 0 else ""


def deviation_lines(d: Deviations) -> list[str]:
    """The sentences opening the deviations section."""
    none = [g.group for g in d.by_group if g.filled_in and g.total == 0]
    unfilled = [g.group for g in d.by_group if not g.filled_in]
    if d.total == 0 and not unfilled:
        return [f"{NO_DEVIATIONS} i någon grupp."]
    lines = [f"Totalt {num(d.total)} {'avvikelse' if d.total == 1 else 'avvikelser'}."]
    if none:
        lines.append(f"{NO_DEVIATIONS}: {names(none)}.")
    if unfilled:
        lines.append(f"Avvikelser ej ifyllda (avsnittet saknas i årsberättelsen): "
                     f"{names(unfilled)}.")
    return lines


NOT_INCLUDED_LABEL = "Inlämnade men ej medtagna (fel i filen)"


def raised_pointer(d: Deviations, section: str = TITLES["to_region"]) -> str:
    """The deviations section names the raised ones once; their text is in the regional part."""
    total = sum(e.count for e in d.raised)
    groups = list(dict.fromkeys(e.group for e in d.raised))
    return (f"{num(total)} av avvikelserna har lyfts till delregional nivå, av {names(groups)}; "
            f"de beskrivs under ”{section}”.")


def single_key_figures(part: Part) -> str:
    """Key figures one group reported: a value and its group, never a lowest and highest."""
    one = [f for f in part.key_figures if len(f.values) == 1]
    if not one:
        return ""
    return ("Redovisat av en grupp: " + "; ".join(
        f"{f.name} {num(f.total)} ({next(iter(f.values))})" for f in one) + ".")


def fault_rule(p: Part) -> str:
    """Who must report a category for it to be a possible system fault: `N av M grupper`,
    and in the regional totals also `eller minst K av L delregioner` (one rule, two reasons)."""
    text = f"minst {p.deviations.threshold} av {num(p.overview.reported)} grupper"
    side = p.subregions
    if side is not None:
        text += f" eller minst {side.threshold} av {num(len(side.columns))} delregioner"
    return text
