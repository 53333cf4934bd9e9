"""Year over year: this year's reports against last year's, like with like.

A change in a total says something only when both totals cover the same
groups: a group that joins or drops out would otherwise show up as more or
fewer meetings and deviations. So the changes cover the groups that reported
both years, and the groups that reported only one of the years get their own
figures beside them, not mixed in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from vastbus_cli.reports.model import Report
from vastbus_cli.reports.roster import Roster, group_key
from vastbus_cli.reports.summary import Change, Comparison, OneYearOnly
from vastbus_cli.vocabulary import DeviationCategory, Theme

GROUPS = "Grupper"


def _change(label: str, previous: float, current: float, groups: int | None = None) -> Change:
    return Change(label=label, previous=previous, current=current, change=current - previous,
                  groups=groups)


def _figures(reports: Sequence[Report]) -> dict[str, float]:
    return {
        "Planerade möten": sum(r.meetings.planned for r in reports),
        "Genomförda möten": sum(r.meetings.held for r in reports),
        "Representanter": sum(m.representatives for r in reports for m in r.composition),
        "Avvikelser totalt": sum(d.count for r in reports for d in r.deviations),
    }


def _per_category(reports: Sequence[Report]) -> Counter[DeviationCategory]:
    counts: Counter[DeviationCategory] = Counter()
    for report in reports:
        for d in report.deviations:
            counts[d.category] += d.count
    return counts


def _themes(reports: Sequence[Report]) -> set[Theme]:
    """Themes a year's reports name anywhere: ongoing work, development areas, competence."""
    themes: set[Theme] = set()
    for r in reports:
        themes.update(a.theme for a in r.ongoing_work if a.theme is not None)
        themes.update(t.theme for t in r.development_areas)
        themes.update(t.theme for t in r.competence_needs)
    return themes


def _key_figures(pairs: list[tuple[Report, Report]]) -> list[Change]:
    """Each key figure summed over the groups that reported it both years (first spelling)."""
    spelling: dict[str, str] = {}
    sums: dict[str, list[float]] = {}
    for before, now in pairs:
        old = {group_key(k): v for k, v in before.key_figures.items()}
        for name, value in now.key_figures.items():
            key = group_key(name)
            if key not in old:
                continue
            spelling.setdefault(key, name)
            total = sums.setdefault(key, [0, 0, 0])
            total[0] += old[key]
            total[1] += value
            total[2] += 1
    return [_change(spelling[k], t[0], t[1], int(t[2])) for k, t in sums.items()]


def compare(current: Sequence[tuple[str, Report, str]],
            previous: Sequence[tuple[str, Report]],
            roster: Roster | None = None,
            previous_roster: Roster | None = None) -> Comparison:
    """`current`: (group name as shown, report, file); `previous`: (group name, report)."""
    now = [r for _, r, _ in current]
    years = Counter(r.year for _, r in previous)
    year = now[0].year if now else 0
    previous_year = years.most_common(1)[0][0] if years else year - 1
    before_by_key = {group_key(n): r for n, r in previous}
    now_keys = {group_key(n) for n, _, _ in current}
    both = [(n, before_by_key[group_key(n)], r) for n, r, _ in current
            if group_key(n) in before_by_key]
    only_now = [(n, r) for n, r, _ in current if group_key(n) not in before_by_key]
    only_before = [(n, r) for n, r in previous if group_key(n) not in now_keys]
    new_in_roster: list[str] = []
    if roster is not None and previous_roster is not None:
        new_in_roster = [n for n, _ in only_now
                         if roster.find(n) is not None and previous_roster.find(n) is None]
    fig_before = _figures([b for _, b, _ in both])
    fig_now = _figures([r for _, _, r in both])
    cat_before = _per_category([b for _, b, _ in both])
    cat_now = _per_category([r for _, _, r in both])
    one_before = {GROUPS: len(only_before), **_figures([r for _, r in only_before])}
    one_now = {GROUPS: len(only_now), **_figures([r for _, r in only_now])}
    themes_now, themes_before = _themes(now), _themes([r for _, r in previous])
    return Comparison(
        previous_year=previous_year, year=year,
        both=[n for n, _, _ in both],
        only_current=[n for n, _ in only_now],
        only_previous=[n for n, _ in only_before],
        new_in_roster=new_in_roster,
        figures=[_change(label, fig_before[label], fig_now[label]) for label in fig_now],
        deviations=[_change(c.label, cat_before[c], cat_now[c]) for c in DeviationCategory
                    if cat_before[c] or cat_now[c]],
        key_figures=_key_figures([(b, r) for _, b, r in both]),
        one_year_only=[OneYearOnly(label=label, previous=one_before[label],
                                   current=one_now[label]) for label in one_now]
        if only_now or only_before else [],
        themes_new=[t.label for t in Theme if t in themes_now - themes_before],
        themes_persisting=[t.label for t in Theme if t in themes_now & themes_before],
        themes_dropped=[t.label for t in Theme if t in themes_before - themes_now],
    )
