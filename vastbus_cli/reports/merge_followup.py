"""Follow-up of last year's escalated deviations: what the steering group asks first.

A deviation a local group raised to the sub-regional level last year is a
promise to look at it; this year's report of the same group says whether the
same kind of deviation is still there, was solved, or is not mentioned.
"""

from __future__ import annotations

from collections.abc import Sequence

from vastbus_cli.reports.model import Report
from vastbus_cli.reports.roster import group_key
from vastbus_cli.reports.summary import FollowUp, Labelled
from vastbus_cli.vocabulary import DeviationStatus

STILL_THERE = "kvarstår"
SOLVED = "löst"
NOT_MENTIONED = "nämns-inte"
NO_REPORT = "ingen-årsberättelse"


def _outcome(code: str, year: int) -> Labelled:
    labels = {STILL_THERE: "Kvarstår", SOLVED: "Löst",
              NOT_MENTIONED: f"Nämns inte {year}",
              NO_REPORT: f"Ingen årsberättelse {year}"}
    return Labelled(code=code, label=labels[code])


def follow_up(current: Sequence[tuple[str, Report, str]], previous: Sequence[Report],
              year: int) -> list[FollowUp]:
    """Last year's raised deviations, in this year's group order, then the groups not reporting."""
    now = {group_key(name): (name, report) for name, report, _ in current}
    order = {group_key(name): i for i, (name, _, _) in enumerate(current)}
    rows: list[tuple[int, FollowUp]] = []
    for before in previous:
        key = group_key(before.group.name)
        name, report = now.get(key, (before.group.name, None))
        for d in before.deviations:
            if d.status is not DeviationStatus.LYFT:
                continue
            same = [x for x in report.deviations if x.category is d.category] if report else []
            statuses = list(dict.fromkeys(x.status for x in same))
            if report is None:
                code = NO_REPORT
            elif not same:
                code = NOT_MENTIONED
            elif all(s is DeviationStatus.LOST for s in statuses):
                code = SOLVED
            else:
                code = STILL_THERE
            rows.append((order.get(key, len(order)), FollowUp(
                group=name, category=Labelled.of(d.category), previous_count=d.count,
                description=d.description, action=d.action, outcome=_outcome(code, year),
                current_count=sum(x.count for x in same),
                current_statuses=[Labelled.of(s) for s in DeviationStatus if s in statuses],
                current_actions=list(dict.fromkeys(x.action for x in same)))))
    rows.sort(key=lambda row: row[0])
    return [f for _, f in rows]
