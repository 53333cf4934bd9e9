"""What the sub-region raises to the regional level: the one list a steering group acts on.

Two things in the reports point past the sub-region: a deviation category that
several local groups report (a possible övergripande systemfel, a fault no
group can mend alone), and a deviation a local group has already raised to the
sub-regional level. Both become one entry per category, the categories that
most groups report first; last year's follow-up adds which groups raised the
same category a year ago and still report it.
"""

from __future__ import annotations

from collections.abc import Sequence

from vastbus_cli.reports.summary import Deviations, FollowUp, Part, RegionalIssue, SideBySide

STILL_THERE = "kvarstår"


def to_region(d: Deviations, groups: int, follow_up: list[FollowUp] | None,
              side: SideBySide | None = None) -> list[RegionalIssue]:
    """`groups`: how many groups reported this year (the count the shares are taken of);
    `side`: the sub-regions side by side, in the regional totals (the second rule)."""
    order = {c.category.code: i for i, c in enumerate(d.categories)}
    across = {c.category.code: c for c in side.categories} if side else {}
    issues = []
    for c in d.categories:
        raised = [e for e in d.raised if e.category.code == c.category.code]
        if not c.possible_fault and not raised:
            continue
        where = across.get(c.category.code)
        again = [f.group for f in follow_up or []
                 if f.category.code == c.category.code and f.outcome.code == STILL_THERE]
        issues.append(RegionalIssue(
            category=c.category, total=c.total, groups=c.groups, of=groups,
            recurring=c.recurring, across=c.across,
            subregions=where.subregions if where else [], raised=sum(e.count for e in raised),
            raised_by=list(dict.fromkeys(e.group for e in raised)), entries=raised,
            raised_last_year=list(dict.fromkeys(again))))
    issues.sort(key=lambda i: (not i.possible_fault, -len(i.groups), -i.total,
                               order[i.category.code]))
    return issues


def across_subregions(part: Part, side: SideBySide, parts: Sequence[Part]) -> Part:
    """The regional totals under one rule for possible system faults (issue 26.10).

    A region has two: a category that enough groups report (the sub-regions' own rule, over
    all the region's groups) and one found in enough sub-regions (`side.threshold`). A
    category is a possible system fault when either holds, everywhere the document says so:
    the Sammanfattning, the issues raised to the regional level, the category table and the
    side-by-side table, each of which can then show both reasons. The region-wide group rows
    get their sub-region (from `parts`), for the tables' Delregion column (issue 26.12)."""
    where = {g: p.subregion for p in parts for g in p.groups}
    o, comp = part.overview, part.composition
    flagged = {c.category.code: c.flagged for c in side.categories}
    categories = [c.model_copy(update={"across": flagged.get(c.category.code, False)})
                  for c in part.deviations.categories]
    devs = part.deviations.model_copy(update={
        "categories": categories,
        "by_group": [g.model_copy(update={"subregion": where.get(g.group)})
                     for g in part.deviations.by_group]})
    mine = {c.category.code: c for c in categories}
    side = side.model_copy(update={
        "group_threshold": devs.threshold, "reporting": part.overview.reported,
        "categories": [c.model_copy(update={"groups": len(mine[c.category.code].groups),
                                            "recurring": mine[c.category.code].recurring})
                       if c.category.code in mine else c for c in side.categories]})
    return part.model_copy(update={
        "overview": o.model_copy(update={"groups": [
            g.model_copy(update={"subregion": where.get(g.name)}) for g in o.groups]}),
        "composition": comp.model_copy(update={"rows": [
            r.model_copy(update={"subregion": where.get(r.group)}) for r in comp.rows]}),
        "deviations": devs, "subregions": side,
        "to_region": to_region(devs, part.overview.reported, part.follow_up, side)})
