"""The generated Sammanfattning and what the sub-region raises to the regional level.

A steering group reads the first page and decides from it. So the summary's
opening is generated from the figures, not left to the coordinator's own
introduction: who reported and who did not, the main figures with their change
from last year (like with like), the categories flagged as possible system
faults, what was raised to the sub-regional level and how last year's raised
deviations stand. Every format builds these lines here, so they say the same.
"""

from __future__ import annotations

from vastbus_cli.render.common import (
    count_of,
    fault_rule,
    follow_up_sentences,
    missing_where,
    names,
    neither_year,
    num,
    quoted,
    signed,
)
from vastbus_cli.reports.summary import (
    Change,
    Comparison,
    Part,
    RegionalIssue,
    Summary,
    ThemeBlock,
)

Line = tuple[str, str]  # (bold lead, text)


def whole(s: Summary) -> Part:
    """The part the opening speaks of: the regional totals, or the one sub-region."""
    return s.totals or s.parts[0]


def _change(c: Change) -> str:
    return f"{num(c.previous)} → {num(c.current)} ({signed(c.change)})"


def _same_groups(c: Comparison) -> str:
    n = len(c.both)
    return (f"Jämfört med {c.previous_year} ("
            + ("samma grupp" if n == 1 else f"samma {n} grupper") + ")")


def _figure(c: Comparison | None, label: str) -> Change | None:
    if c is None or not c.both:
        return None
    return next((f for f in c.figures if f.label == label), None)


def _groups_line(s: Summary, p: Part) -> Line:
    o = p.overview
    if o.expected is not None:
        text = f"{num(o.reported)} av {num(o.expected)} lokala grupper har lämnat årsberättelse."
    else:
        text = f"{count_of(o.reported, 'lokal grupp', 'lokala grupper')} har lämnat årsberättelse."
    if p.missing:
        text += f" Saknas: {missing_where(s, p)}."
        neither = neither_year(p)
        if neither and p.comparison is not None:
            text += (f" {names(neither)} lämnade inte heller årsberättelse "
                     f"{p.comparison.previous_year}.")
    if p.not_included:
        text += (f" Inlämnad men ej medtagen på grund av fel i filen: {names(p.not_included)}.")
    return "Grupper", text


def _meetings_line(p: Part) -> Line:
    o = p.overview
    text = (f"{num(o.meetings_held)} av {num(o.meetings_planned)} planerade möten genomfördes; "
            f"{'gruppen har' if o.reported == 1 else 'grupperna har sammanlagt'} "
            f"{count_of(o.representatives, 'representant', 'representanter')}.")
    held = _figure(p.comparison, "Genomförda möten")
    reps = _figure(p.comparison, "Representanter")
    if p.comparison is not None and held is not None and reps is not None:
        text += (f" {_same_groups(p.comparison)}: genomförda möten {_change(held)}, "
                 f"representanter {_change(reps)}.")
    return "Möten", text


def _deviations_line(p: Part) -> Line:
    d = p.deviations
    if d.total == 0:
        return "Avvikelser", "Inga avvikelser rapporterades."
    reporting = sum(1 for g in d.by_group if g.total > 0)
    text = (f"{count_of(d.total, 'avvikelse', 'avvikelser')} i "
            f"{count_of(len(d.categories), 'kategori', 'kategorier')} från "
            f"{count_of(reporting, 'grupp', 'grupper')}")
    text += "."  # how many were raised: the line of its own below
    widest = max(len(c.groups) for c in d.categories)
    most = [c for c in d.categories if len(c.groups) == widest]
    if widest < 2:
        text += " Ingen kategori rapporteras av mer än en grupp."
    elif len(most) == 1:
        text += (f" Flest grupper rapporterar {quoted([most[0].category.label])} "
                 f"({num(widest)} av {num(p.overview.reported)} grupper, "
                 f"{count_of(most[0].total, 'avvikelse', 'avvikelser')}).")
    else:
        text += (f" Flest grupper rapporterar {quoted([c.category.label for c in most])} "
                 f"({num(widest)} av {num(p.overview.reported)} grupper vardera).")
    total = _figure(p.comparison, "Avvikelser totalt")
    if p.comparison is not None and total is not None:
        text += f" {_same_groups(p.comparison)}: {_change(total)}"
        movers = largest_changes(p.comparison)
        text += "; " + ", ".join(movers) + "." if movers else "."
    return "Avvikelser", text


def _reasons(i: RegionalIssue, p: Part) -> str:
    """Why a category is flagged, each rule that holds side by side."""
    side = p.subregions
    if side is None:
        return f"{num(len(i.groups))} grupper"
    return " och ".join([*([f"{num(len(i.groups))} av {num(i.of)} grupper"] if i.recurring else []),
                         *([f"{num(len(i.subregions))} av {num(len(side.columns))} delregioner"]
                           if i.across else [])])


def largest_changes(c: Comparison) -> list[str]:
    """The biggest rise and the biggest fall among the categories, as `mest ökade ”A” 7 → 23
    (+16)`: a small total change can hide large movements in both directions."""
    rise = max(c.deviations, key=lambda ch: ch.change, default=None)
    fall = min(c.deviations, key=lambda ch: ch.change, default=None)
    bits = []
    if rise is not None and rise.change > 0:
        bits.append(f"mest ökade {quoted([rise.label])} {_change(rise)}")
    if fall is not None and fall.change < 0:
        bits.append(f"mest minskade {quoted([fall.label])} {_change(fall)}")
    return bits


def _flagged_line(p: Part) -> Line:
    d = p.deviations
    flagged = [i for i in p.to_region if i.possible_fault]
    lead = "Möjliga övergripande systemfel"
    if not flagged:
        side = p.subregions
        more = f" eller i {side.threshold} delregioner eller fler" if side is not None else ""
        return lead, f"Ingen avvikelsekategori förekommer i {d.threshold} grupper eller fler{more}."
    items = [f"{quoted([i.category.label])} ({_reasons(i, p)}, {num(i.total)} avvikelser)"
             for i in flagged]
    return lead, f"Kategorier som {fault_rule(p)} rapporterar: " + "; ".join(items) + "."


def _raised_line(p: Part) -> Line | None:
    d = p.deviations
    if not d.raised:
        return None
    groups = list(dict.fromkeys(e.group for e in d.raised))
    categories = list(dict.fromkeys(e.category.label for e in d.raised))
    total = sum(e.count for e in d.raised)
    return "Lyft till delregional nivå", (
        f"{count_of(total, 'avvikelse', 'avvikelser')} från "
        f"{count_of(len(groups), 'grupp', 'grupper')} ({names(groups)}), i "
        f"{'kategorin' if len(categories) == 1 else 'kategorierna'} {quoted(categories)}.")


def _follow_up_line(s: Summary, p: Part) -> Line | None:
    if p.follow_up is None:
        return None
    year = p.comparison.previous_year if p.comparison else s.year - 1
    return f"Uppföljning av {year}", " ".join(follow_up_sentences(p, s.year))


def top_themes(blocks: list[ThemeBlock]) -> list[ThemeBlock]:
    """The theme(s) most groups name (ties all shown); entries without a theme never count."""
    themed = [b for b in blocks if b.theme is not None]
    if not themed:
        return []
    most = max(len(b.groups) for b in themed)
    return [b for b in themed if len(b.groups) == most]


def _themes_line(p: Part) -> Line | None:
    n = p.overview.reported
    bits = []
    for what, blocks in (("kompetensbehov", p.competence_needs),
                         ("utvecklingsområden", p.development_areas),
                         ("pågående arbete", p.work)):
        top = top_themes(blocks)
        if top:
            labels = [b.theme.label for b in top if b.theme is not None]
            bits.append(f"{what} {quoted(labels)} ({num(len(top[0].groups))} av {num(n)} "
                        f"grupper)")
    if not bits:
        return None
    text = "; ".join(bits)
    return "Vanligaste teman", text[0].upper() + text[1:] + "."


def _composition_line(p: Part) -> Line | None:
    gaps = [g for g in p.composition.gaps if g.expected and g.missing_in]
    if not gaps:
        return None
    gaps.sort(key=lambda g: -len(g.missing_in))
    bits = [f"{g.organisation.label if i == 0 else g.organisation.label.lower()} saknas i "
            f"{num(len(g.missing_in))} av {num(g.groups)} grupper" for i, g in enumerate(gaps)]
    return "Sammansättning", "; ".join(bits) + "."


def digest_lines(s: Summary) -> list[Line]:
    """The Sammanfattning: half a page of (lead, text), all from the figures."""
    p = whole(s)
    lines: list[Line | None] = [
        _groups_line(s, p), _meetings_line(p), _deviations_line(p), _flagged_line(p),
        _raised_line(p), _follow_up_line(s, p), _themes_line(p), _composition_line(p)]
    return [line for line in lines if line is not None]


def region_lead(s: Summary) -> str:
    p = whole(s)
    d = p.deviations
    if not p.to_region:
        return (f"Inga avvikelser har lyfts till delregional nivå, och ingen avvikelsekategori "
                f"förekommer i {d.threshold} grupper eller fler. Delregionen lyfter därför inga "
                f"avvikelser till regional nivå.")
    return (f"Hit hör de avvikelsekategorier som {fault_rule(p)} rapporterar (möjliga övergripande "
            f"systemfel) och "
            f"de avvikelser som lokala grupper har lyft till delregional nivå; de kategorier som "
            f"flest grupper rapporterar står först.")


def region_text(i: RegionalIssue) -> str:
    """The sentences under an issue's heading: how widespread, whether flagged, who raised it."""
    where = (f"{count_of(i.total, 'avvikelse', 'avvikelser')} i {num(len(i.groups))} av "
             f"{num(i.of)} grupper ({names(i.groups)})")
    if i.subregions:  # the regional totals: the sub-regions too, and which rule holds
        where += (f" och {count_of(len(i.subregions), 'delregion', 'delregioner')} "
                  f"({names(i.subregions)})")
        rules = [*(["grupper"] if i.recurring else []), *(["delregioner"] if i.across else [])]
        because = f" efter antalet {' och antalet '.join(rules)}" if rules else ""
    else:
        because = ""
    text = where + (f" – ett möjligt övergripande systemfel{because}." if i.possible_fault
                    else ".")
    if i.raised:
        n = "den" if i.raised == 1 else f"{num(i.raised)} av dem"
        if i.raised == i.total:
            n = "alla" if i.total > 1 else "den"
        text += f" {n[0].upper() + n[1:]} har lyfts till delregional nivå av {names(i.raised_by)}."
    if i.raised_last_year:
        text += (f" {names(i.raised_last_year)} lyfte kategorin redan förra året och "
                 f"rapporterar den igen i år.")
    return text
