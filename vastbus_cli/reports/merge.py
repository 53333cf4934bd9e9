"""Reports → Summary: the pure middle of `vastbus compile`.

No I/O and no printing: everything comes in as models and goes out as a model,
so the arithmetic can be tested on its own. Reports are split by sub-region
(compared the way group names are); each sub-region becomes one `Part`, and
with more than one a `totals` part gives the regional view.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence

from vastbus_cli.documents.phrases import names as join_names
from vastbus_cli.reports.appendix import appendix_report
from vastbus_cli.reports.merge_compare import compare
from vastbus_cli.reports.merge_deviations import deviations
from vastbus_cli.reports.merge_followup import follow_up
from vastbus_cli.reports.merge_region import across_subregions, to_region
from vastbus_cli.reports.model import Report, support_text, support_theme
from vastbus_cli.reports.roster import Roster, group_key, summary_deadline
from vastbus_cli.reports.summary import (
    Composition,
    CompositionRow,
    Entry,
    GroupRow,
    KeyFigure,
    Labelled,
    OrganisationGap,
    Overview,
    Part,
    Summary,
    ThemeBlock,
)
from vastbus_cli.rollup.combine import side_by_side
from vastbus_cli.vocabulary import Organisation, Theme

#: Organisations every local group is meant to have; a column even when all lack it.
CORE_ORGANISATIONS = (Organisation.SOCIALTJANST, Organisation.SKOLA, Organisation.BUP,
                      Organisation.PRIMARVARD, Organisation.HABILITERING)
REGION = "Hela regionen"

Named = list[tuple[str, Report, str]]  # (group name as shown, report, file)


def merge(
    reports: Sequence[Report],
    roster: Roster | None,
    *,
    previous: Sequence[Report] | None = None,
    previous_roster: Roster | None = None,
    recurring: int = 3,
    skipped: Sequence[str] = (),
    skipped_groups: Sequence[str] = (),
    produced: dt.date,
    files: Sequence[str] | None = None,
    appendix: bool = False,
) -> Summary:
    """The summary of `reports` (one year); `files` names each report's file, if known.

    `appendix` adds each report in full (the body counts and quotes; the appendix is the
    only place where every group's text stands verbatim, and only when asked for).

    `previous_roster` (last year's roster) tells a group new in the roster from one that
    simply did not report last year. `skipped_groups` names the groups whose files were left
    out for errors: they handed in a report, so they are not "missing".
    """
    if not reports:
        raise ValueError("merge needs at least one report")
    year = Counter(r.year for r in reports).most_common(1)[0][0]
    paths = list(files) if files is not None else [""] * len(reports)
    by_region: dict[str, list[tuple[Report, str]]] = {}
    names: dict[str, str] = {}
    for report, path in zip(reports, paths, strict=True):
        key = group_key(report.group.subregion)
        by_region.setdefault(key, []).append((report, path))
        names.setdefault(key, report.group.subregion)
    roster_key = group_key(roster.subregion) if roster else None
    if roster is not None and roster_key is not None:
        if len(by_region) == 1:  # the user's roster is for these reports, however spelt
            roster_key = next(iter(by_region))
        names[roster_key] = roster.subregion
    order = sorted(by_region, key=lambda k: (k != roster_key, k))
    prev_by_region: dict[str, list[Report]] = {}
    for report in previous or []:  # one sub-region: last year's reports are all its own
        key = order[0] if len(order) == 1 else group_key(report.group.subregion)
        prev_by_region.setdefault(key, []).append(report)
    parts = []
    all_named: Named = []  # the regional view lists groups part by part
    for key in order:
        expected = roster.names() if roster is not None and key == roster_key else None
        prev = prev_by_region.get(key, []) if previous is not None else None
        named = _named(by_region[key], expected)
        all_named += named
        rosters = (roster, previous_roster) if expected is not None else (None, None)
        parts.append(_part(names[key], named, expected, prev, recurring, appendix=appendix,
                           rosters=rosters, skipped_groups=skipped_groups))
    totals = None
    if len(parts) > 1:
        expected_all = roster.names() if roster is not None else None
        totals = _part(REGION, all_named, expected_all,
                       list(previous) if previous is not None else None, recurring,
                       appendix=False, rosters=(roster, previous_roster),
                       skipped_groups=skipped_groups)
        totals = across_subregions(totals, side_by_side(parts), parts)
    whole = totals or parts[0]
    deadline = roster.deadline_for(year) if roster else summary_deadline(year)
    subregion = join_names([p.subregion for p in parts])
    return Summary(
        title=f"Sammanställning av Västbusarbetet {year} – {subregion}",
        subregion=subregion, year=year, produced=produced, deadline=deadline,
        deadline_passed=produced > deadline,
        groups=whole.groups, missing=[m for p in parts for m in p.missing],
        skipped=list(skipped), not_included=_not_included(skipped_groups, whole.groups),
        deviations=whole.deviations, parts=parts, totals=totals,
    )


def _named(reports: list[tuple[Report, str]], expected: list[str] | None) -> Named:
    """Reports with the roster's spelling of their group, in roster order, others after."""
    roster_order = {group_key(n): (i, n) for i, n in enumerate(expected or [])}
    rows = []
    for report, path in reports:
        index, name = roster_order.get(group_key(report.group.name),
                                       (len(roster_order), report.group.name))
        rows.append(((index, group_key(name)), name, report, path))
    rows.sort(key=lambda row: row[0])
    return [(name, report, path) for _, name, report, path in rows]


def _part(subregion: str, named: Named, expected: list[str] | None,
          previous: list[Report] | None, threshold: int, appendix: bool,
          rosters: tuple[Roster | None, Roster | None] = (None, None),
          skipped_groups: Sequence[str] = ()) -> Part:
    groups = [name for name, _, _ in named]
    reported = {group_key(g) for g in groups}
    handed_in = {group_key(g) for g in skipped_groups}
    accounted = reported | handed_in
    missing = [n for n in expected or [] if group_key(n) not in accounted]
    not_included = [n for n in expected or [] if group_key(n) in handed_in - reported]
    if expected is None:  # without a roster, the files' own spelling
        not_included = _not_included(skipped_groups, groups)
    support = _support(named)
    comparison = None
    if previous is not None:
        comparison = compare(named, [(r.group.name, r) for r in previous], *rosters)
    devs = deviations(named, threshold)
    followed = follow_up(named, previous, named[0][1].year) if previous is not None else None
    return Part(
        subregion=subregion, groups=groups, missing=missing, not_included=not_included,
        overview=_overview(named, expected, missing, not_included),
        composition=_composition(named),
        work=_themes((r.theme, name, Entry(group=name, title=r.title, text=r.description))
                     for name, report, _ in named for r in report.ongoing_work),
        deviations=devs,
        development_areas=_themes((t.theme, name, Entry(group=name, text=t.description))
                                  for name, report, _ in named for t in report.development_areas),
        competence_needs=_themes((t.theme, name, Entry(group=name, text=t.description))
                                 for name, report, _ in named for t in report.competence_needs),
        support_wanted=[entry for _, _, entry in support],
        support_by_theme=_themes(support),
        good_examples=[Entry(group=name, title=g.title, text=g.description)
                       for name, r, _ in named for g in r.good_examples],
        plans=[Entry(group=name, text=p) for name, r, _ in named for p in r.plans],
        key_figures=_key_figures(named),
        comparison=comparison,
        follow_up=followed,
        to_region=to_region(devs, len(named), followed),
        appendix=[appendix_report(r, name, path) for name, r, path in named] if appendix else [],
    )


def _support(named: Named) -> list[tuple[Theme | None, str, Entry]]:
    """Every wish for support, with its theme (None for a plain text item)."""
    rows = []
    for name, report, _ in named:
        for item in report.support_wanted:
            theme = support_theme(item)
            rows.append((theme, name, Entry(group=name, text=support_text(item),
                                            theme=Labelled.of(theme) if theme else None)))
    return rows


def _representatives(report: Report) -> Counter[Organisation]:
    counts: Counter[Organisation] = Counter()
    for member in report.composition:
        counts[member.organisation] += member.representatives
    return counts


def _not_included(skipped_groups: Sequence[str], reported: list[str]) -> list[str]:
    """Groups of left-out files, once each, unless another file of theirs is included."""
    keys = {group_key(g) for g in reported}
    out: dict[str, str] = {}
    for name in skipped_groups:
        if group_key(name) not in keys:
            out.setdefault(group_key(name), name)
    return list(out.values())


def _overview(named: Named, expected: list[str] | None, missing: list[str],
              not_included: list[str]) -> Overview:
    rows = []
    for name, report, path in named:
        reps = _representatives(report)
        rows.append(GroupRow(
            name=name, municipality=report.group.municipality, file=path,
            meetings_planned=report.meetings.planned, meetings_held=report.meetings.held,
            representatives=sum(reps.values()),
            organisations=sum(1 for n in reps.values() if n > 0),
            contact_role=report.contact.role if report.contact else None,
        ))
    return Overview(
        expected=len(expected) if expected is not None else None, reported=len(rows),
        missing=missing, not_included=not_included, groups=rows,
        meetings_planned=sum(r.meetings_planned for r in rows),
        meetings_held=sum(r.meetings_held for r in rows),
        representatives=sum(r.representatives for r in rows),
    )


def _composition(named: Named) -> Composition:
    reps = [(name, _representatives(report)) for name, report, _ in named]
    present = {org for _, counts in reps for org, n in counts.items() if n > 0}
    columns = [org for org in Organisation if org in CORE_ORGANISATIONS or org in present]
    rows = [CompositionRow(group=name, counts=[counts[org] for org in columns])
            for name, counts in reps]
    gaps = [OrganisationGap(organisation=Labelled.of(org),
                            missing_in=[name for name, counts in reps if counts[org] <= 0],
                            groups=len(reps), expected=org in CORE_ORGANISATIONS)
            for org in columns]
    return Composition(organisations=[Labelled.of(o) for o in columns], rows=rows, gaps=gaps)


def _themes(items: Iterable[tuple[Theme | None, str, Entry]]) -> list[ThemeBlock]:
    """Entries grouped by theme in vocabulary order; entries without a theme last."""
    by_theme: dict[Theme | None, list[Entry]] = {}
    for theme, _group, entry in items:
        by_theme.setdefault(theme, []).append(entry)
    order: list[Theme | None] = [*Theme, None]
    return [
        ThemeBlock(theme=Labelled.of(theme) if theme is not None else None,
                   groups=list(dict.fromkeys(e.group for e in by_theme[theme])),
                   entries=by_theme[theme])
        for theme in order if theme in by_theme
    ]


def _key_figures(named: Named) -> list[KeyFigure]:
    """Key figures matched by name (case and å/ä/ö-folding do not matter), first spelling wins."""
    spelling: dict[str, str] = {}
    values: dict[str, dict[str, float]] = {}
    for name, report, _ in named:
        for figure, value in report.key_figures.items():
            key = group_key(figure)
            spelling.setdefault(key, figure)
            per_group = values.setdefault(key, {})
            per_group[name] = per_group.get(name, 0) + value
    figures = []
    for key, per_group in values.items():
        low = min(per_group, key=lambda g: per_group[g])
        high = max(per_group, key=lambda g: per_group[g])
        figures.append(KeyFigure(
            name=spelling[key], total=sum(per_group.values()), min=per_group[low],
            max=per_group[high], min_group=low, max_group=high, values=per_group))
    return figures
