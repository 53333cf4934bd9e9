"""What the sub-region raises to the regional level: the one list a steering group acts on.

Two things in the reports point past the sub-region: a deviation category that
several local groups report (a possible övergripande systemfel, a fault no
group can mend alone), and a deviation a local group has already raised to the
sub-regional level. Both become one entry per category, the categories that
most groups report first; last year's follow-up adds which groups raised the
same category a year ago and still report it.
"""

from __future__ import annotations

from vastbus_cli.reports.summary import Deviations, FollowUp, RegionalIssue

STILL_THERE = "kvarstår"


def to_region(d: Deviations, groups: int, follow_up: list[FollowUp] | None) -> list[RegionalIssue]:
    """`groups`: how many groups reported this year (the count the shares are taken of)."""
    order = {c.category.code: i for i, c in enumerate(d.categories)}
    issues = []
    for c in d.categories:
        raised = [e for e in d.raised if e.category.code == c.category.code]
        if not c.recurring and not raised:
            continue
        again = [f.group for f in follow_up or []
                 if f.category.code == c.category.code and f.outcome.code == STILL_THERE]
        issues.append(RegionalIssue(
            category=c.category, total=c.total, groups=c.groups, of=groups,
            recurring=c.recurring, raised=sum(e.count for e in raised),
            raised_by=list(dict.fromkeys(e.group for e in raised)), entries=raised,
            raised_last_year=list(dict.fromkeys(again))))
    issues.sort(key=lambda i: (not i.recurring, -len(i.groups), -i.total,
                               order[i.category.code]))
    return issues
