"""Year over year: this year's reports against last year's, for one sub-region (or all)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from vastbus_cli.model import Report
from vastbus_cli.roster import group_key
from vastbus_cli.summary import Change, Comparison
from vastbus_cli.vocabulary import DeviationCategory, Theme


def _change(label: str, previous: float, current: float) -> Change:
    return Change(label=label, previous=previous, current=current, change=current - previous)


def _figures(reports: Sequence[Report]) -> dict[str, float]:
    return {
        "Grupper som rapporterat": len(reports),
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


def compare(current: Sequence[tuple[str, Report, str]],
            previous: Sequence[tuple[str, Report]]) -> Comparison:
    """`current`: (group name as shown, report, file); `previous`: (group name, report)."""
    now = [r for _, r, _ in current]
    before = [r for _, r in previous]
    years = Counter(r.year for r in before)
    previous_year = years.most_common(1)[0][0] if years else (now[0].year - 1 if now else 0)
    fig_now, fig_before = _figures(now), _figures(before)
    cat_now, cat_before = _per_category(now), _per_category(before)
    names_now = {group_key(n): n for n, _, _ in current}
    names_before = {group_key(n): n for n, _ in previous}
    themes_now, themes_before = _themes(now), _themes(before)
    return Comparison(
        previous_year=previous_year,
        figures=[_change(label, fig_before[label], fig_now[label]) for label in fig_now],
        deviations=[_change(c.label, cat_before[c], cat_now[c]) for c in DeviationCategory
                    if cat_before[c] or cat_now[c]],
        new_groups=[n for k, n in names_now.items() if k not in names_before],
        groups_not_reporting_again=[n for k, n in names_before.items() if k not in names_now],
        themes_new=[t.label for t in Theme if t in themes_now - themes_before],
        themes_persisting=[t.label for t in Theme if t in themes_now & themes_before],
        themes_dropped=[t.label for t in Theme if t in themes_before - themes_now],
    )
