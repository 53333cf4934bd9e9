"""Deviations across groups: totals, per group and status, and the recurring categories.

A category that several local groups report is a candidate for an
övergripande systemfel (a system-wide fault): something that cannot be solved
locally and should go to the regional level.
"""

from __future__ import annotations

from collections import Counter

from vastbus_cli.reports.model import Report
from vastbus_cli.reports.summary import (
    CategoryTotal,
    DeviationEntry,
    Deviations,
    GroupDeviations,
    Labelled,
)
from vastbus_cli.vocabulary import DeviationCategory, DeviationStatus


def filled_in(report: Report) -> bool:
    """Whether the report says anything about deviations (`avvikelser: []` says "none")."""
    return "deviations" in report.model_fields_set


def deviations(named: list[tuple[str, Report, str]], threshold: int) -> Deviations:
    """`named`: (group name as shown, report, file), in the summary's group order."""
    entries = [(name, d) for name, report, _ in named for d in report.deviations]
    reported = {d.category for _, d in entries}
    categories = [c for c in DeviationCategory if c in reported]
    totals: list[CategoryTotal] = []
    for category in categories:
        mine = [(name, d) for name, d in entries if d.category is category]
        groups = list(dict.fromkeys(name for name, d in mine if d.count > 0))
        by_status: Counter[str] = Counter()
        for _, d in mine:
            by_status[d.status.value] += d.count
        totals.append(CategoryTotal(
            category=Labelled.of(category), total=sum(d.count for _, d in mine), groups=groups,
            by_status={s.value: by_status[s.value] for s in DeviationStatus if s.value in by_status},
            recurring=len(groups) >= threshold,
        ))
    by_group = []
    for name, report, _ in named:
        counts: Counter[DeviationCategory] = Counter()
        for d in report.deviations:
            counts[d.category] += d.count
        by_group.append(GroupDeviations(group=name, total=sum(counts.values()),
                                        counts=[counts[c] for c in categories],
                                        filled_in=filled_in(report)))
    status_totals: Counter[str] = Counter()
    for _, d in entries:
        status_totals[d.status.value] += d.count
    return Deviations(
        total=sum(d.count for _, d in entries),
        by_category={t.category.code: t.total for t in totals},
        recurring=[t.category.code for t in totals if t.recurring],
        threshold=threshold,
        categories=totals,
        statuses=[Labelled.of(s) for s in DeviationStatus],
        by_status={s.value: status_totals[s.value] for s in DeviationStatus},
        by_group=by_group,
        raised=[
            DeviationEntry(group=name, category=Labelled.of(d.category), count=d.count,
                           description=d.description, action=d.action,
                           status=Labelled.of(d.status))
            for name, d in entries if d.status is DeviationStatus.LYFT
        ],
    )
