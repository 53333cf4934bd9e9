"""Sub-regional summaries → the regional overview: the pure middle of `vastbus rollup`.

Each sub-region sends its summary, not its groups' raw files, so the regional
figures are worked out from the summaries' `Part`s. They are the figures
`merge` would give for all the raw reports at once (a test holds the two
equal, figure by figure): sums are summed, lists joined in sub-region order,
and what depends on the whole (a category recurring in N groups, the lowest
and highest key figure, which organisations lack where) is worked out again
over the joined rows, never from the sub-regions' own conclusions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence

from vastbus_cli.documents.phrases import names as join_names
from vastbus_cli.reports.merge_region import across_subregions
from vastbus_cli.reports.roster import group_key
from vastbus_cli.reports.summary import (
    CategoryAcross,
    CategoryTotal,
    Change,
    Comparison,
    Composition,
    CompositionRow,
    Deviations,
    Entry,
    GroupDeviations,
    KeyFigure,
    Labelled,
    OneYearOnly,
    OrganisationGap,
    Overview,
    Part,
    SideBySide,
    SubregionColumn,
    Summary,
    ThemeBlock,
)
from vastbus_cli.vocabulary import DeviationCategory, DeviationStatus, Organisation, Theme

REGION = "Hela regionen"
ACROSS = 2  # sub-regions a deviation category must appear in to be flagged regionally


def side_by_side(parts: Sequence[Part], threshold: int = ACROSS) -> SideBySide:
    """Each sub-region's figures as a column; the categories found in several sub-regions."""
    columns = [SubregionColumn(
        subregion=p.subregion, expected=p.overview.expected, reported=p.overview.reported,
        missing=len(p.missing), meetings_planned=p.overview.meetings_planned,
        meetings_held=p.overview.meetings_held, representatives=p.overview.representatives,
        deviations=p.deviations.total) for p in parts]
    found = {c.category.code for p in parts for c in p.deviations.categories}
    categories = []
    for category in DeviationCategory:
        if category.value not in found:
            continue
        counts = [p.deviations.by_category.get(category.value, 0) for p in parts]
        where = [p.subregion for p, n in zip(parts, counts, strict=True) if n > 0]
        recurring = [p.subregion for p in parts if category.value in p.deviations.recurring]
        categories.append(CategoryAcross(
            category=Labelled.of(category), counts=counts, total=sum(counts), subregions=where,
            recurring_in=recurring, flagged=len(where) >= threshold))
    return SideBySide(columns=columns, threshold=threshold, categories=categories)


def _themes(blocks: Iterable[ThemeBlock]) -> list[ThemeBlock]:
    """Blocks of the same theme joined (entries in sub-region order), themes in vocabulary
    order and entries without a theme last, as `merge` orders them."""
    by_theme: dict[str | None, list[Entry]] = {}
    labels: dict[str | None, Labelled | None] = {}
    for block in blocks:
        code = block.theme.code if block.theme else None
        by_theme.setdefault(code, []).extend(block.entries)
        labels[code] = block.theme
    order: list[str | None] = [*(t.value for t in Theme), None]
    return [ThemeBlock(theme=labels[code], groups=list(dict.fromkeys(e.group for e in
                                                                       by_theme[code])),
                       entries=by_theme[code]) for code in order if code in by_theme]


def _composition(parts: Sequence[Part]) -> Composition:
    # the core organisations are a column in every part, and are the gaps `expected`
    present = {o.code for p in parts for o in p.composition.organisations}
    core = {g.organisation.code for p in parts for g in p.composition.gaps if g.expected}
    columns = [o for o in Organisation if o.value in present]
    rows = []
    for p in parts:
        codes = [o.code for o in p.composition.organisations]
        for row in p.composition.rows:
            counts = dict(zip(codes, row.counts, strict=True))
            rows.append(CompositionRow(group=row.group,
                                       counts=[counts.get(o.value, 0) for o in columns]))
    gaps = [OrganisationGap(organisation=Labelled.of(o),
                            missing_in=[r.group for r in rows if r.counts[i] <= 0],
                            groups=len(rows), expected=o.value in core)
            for i, o in enumerate(columns)]
    return Composition(organisations=[Labelled.of(o) for o in columns], rows=rows, gaps=gaps)


def _deviations(parts: Sequence[Part], threshold: int) -> Deviations:
    found = {c.category.code for p in parts for c in p.deviations.categories}
    categories = [c for c in DeviationCategory if c.value in found]
    totals = []
    for category in categories:
        mine = [c for p in parts for c in p.deviations.categories
                if c.category.code == category.value]
        groups = list(dict.fromkeys(g for c in mine for g in c.groups))
        by_status = {s.value: sum(c.by_status.get(s.value, 0) for c in mine)
                     for s in DeviationStatus if any(s.value in c.by_status for c in mine)}
        totals.append(CategoryTotal(category=Labelled.of(category),
                                    total=sum(c.total for c in mine), groups=groups,
                                    by_status=by_status, recurring=len(groups) >= threshold))
    by_group = []
    for p in parts:
        codes = [c.category.code for c in p.deviations.categories]
        for g in p.deviations.by_group:
            counts = dict(zip(codes, g.counts, strict=True))
            by_group.append(GroupDeviations(group=g.group, total=g.total,
                                            counts=[counts.get(c.value, 0) for c in categories],
                                            filled_in=g.filled_in))
    return Deviations(
        total=sum(p.deviations.total for p in parts),
        by_category={t.category.code: t.total for t in totals},
        recurring=[t.category.code for t in totals if t.recurring],
        threshold=threshold, categories=totals,
        statuses=[Labelled.of(s) for s in DeviationStatus],
        by_status={s.value: sum(p.deviations.by_status.get(s.value, 0) for p in parts)
                   for s in DeviationStatus},
        by_group=by_group,
        raised=[e for p in parts for e in p.deviations.raised])


def _key_figures(parts: Sequence[Part]) -> list[KeyFigure]:
    """Matched by name as `merge` matches them (first spelling wins); lowest and highest anew."""
    spelling: dict[str, str] = {}
    values: dict[str, dict[str, float]] = {}
    for p in parts:
        for figure in p.key_figures:
            key = group_key(figure.name)
            spelling.setdefault(key, figure.name)
            per_group = values.setdefault(key, {})
            for group, value in figure.values.items():
                per_group[group] = per_group.get(group, 0) + value
    out = []
    for key, per_group in values.items():
        low = min(per_group, key=lambda g: per_group[g])
        high = max(per_group, key=lambda g: per_group[g])
        out.append(KeyFigure(name=spelling[key], total=sum(per_group.values()),
                             min=per_group[low], max=per_group[high], min_group=low,
                             max_group=high, values=per_group))
    return out


def _changes(lists: Iterable[list[Change]], order: Callable[[list[str]], list[str]]
             ) -> list[Change]:
    """Changes with the same label summed (they cover disjoint groups), in `order`. Labels
    are matched as `merge` matches key figures' names (`group_key`: 'SIP-möten' and
    'sip-möten' are one figure), the first spelling shown."""
    sums: dict[str, list[float]] = {}
    groups: dict[str, int | None] = {}
    spelling: dict[str, str] = {}
    for changes in lists:
        for ch in changes:
            label = spelling.setdefault(group_key(ch.label), ch.label)
            total = sums.setdefault(label, [0, 0])
            total[0] += ch.previous
            total[1] += ch.current
            if ch.groups is not None:
                groups[label] = (groups.get(label) or 0) + ch.groups
            else:
                groups.setdefault(label, None)
    return [Change(label=label, previous=sums[label][0], current=sums[label][1],
                   change=sums[label][1] - sums[label][0], groups=groups[label])
            for label in order(list(sums))]


def _comparison(parts: Sequence[Part]) -> Comparison | None:
    """The year-over-year figures, when every sub-region's summary has them."""
    found = [p.comparison for p in parts]
    if not found or any(c is None for c in found):
        return None
    cs = [c for c in found if c is not None]
    years = {(c.previous_year, c.year) for c in cs}
    if len(years) != 1:
        return None
    labels = [c.label for c in DeviationCategory]

    def as_found(names: list[str]) -> list[str]:
        return names

    def in_vocabulary(names: list[str]) -> list[str]:
        return sorted(names, key=lambda n: labels.index(n) if n in labels else len(labels))

    def themes(kind: str) -> set[str]:
        return {t for c in cs for t in getattr(c, kind)}

    now = themes("themes_new") | themes("themes_persisting")
    before = themes("themes_persisting") | themes("themes_dropped")
    theme_order = [t.label for t in Theme]
    one = [c.one_year_only for c in cs if c.one_year_only]
    one_year: list[OneYearOnly] = []
    if one:
        totals: dict[str, list[float]] = {}
        for rows in one:
            for row in rows:
                t = totals.setdefault(row.label, [0, 0])
                t[0] += row.previous
                t[1] += row.current
        one_year = [OneYearOnly(label=k, previous=v[0], current=v[1]) for k, v in totals.items()]
    previous_year, year = next(iter(years))
    return Comparison(
        previous_year=previous_year, year=year,
        both=[g for c in cs for g in c.both],
        only_current=[g for c in cs for g in c.only_current],
        only_previous=[g for c in cs for g in c.only_previous],
        new_in_roster=[g for c in cs for g in c.new_in_roster],
        figures=_changes((c.figures for c in cs), as_found),
        deviations=_changes((c.deviations for c in cs), in_vocabulary),
        key_figures=_changes((c.key_figures for c in cs), as_found),
        one_year_only=one_year,
        themes_new=[t for t in theme_order if t in now - before],
        themes_persisting=[t for t in theme_order if t in now & before],
        themes_dropped=[t for t in theme_order if t in before - now],
    )


def totals_of(parts: Sequence[Part], threshold: int = 3, across: int = ACROSS) -> Part:
    """The regional totals over `parts` (in order), as `merge` makes them from raw reports."""
    groups = [g for p in parts for g in p.groups]
    missing = [m for p in parts for m in p.missing]
    not_included = [n for p in parts for n in p.not_included]
    expected = [p.overview.expected for p in parts]
    rows = [r for p in parts for r in p.overview.groups]
    follow = [p.follow_up for p in parts]
    devs = _deviations(parts, threshold)
    followed = None if any(f is None for f in follow) else [x for f in follow for x in f or []]
    if followed:  # as merge orders them: this year's groups in order, then those not reporting
        at = {group_key(g): i for i, g in enumerate(groups)}
        followed.sort(key=lambda f: at.get(group_key(f.group), len(at)))
    whole = Part(
        subregion=REGION, groups=groups, missing=missing, not_included=not_included,
        overview=Overview(
            expected=None if any(e is None for e in expected) else sum(e or 0 for e in expected),
            reported=len(rows), missing=missing, not_included=not_included, groups=rows,
            meetings_planned=sum(r.meetings_planned for r in rows),
            meetings_held=sum(r.meetings_held for r in rows),
            representatives=sum(r.representatives for r in rows)),
        composition=_composition(parts),
        work=_themes(b for p in parts for b in p.work),
        deviations=devs,
        development_areas=_themes(b for p in parts for b in p.development_areas),
        competence_needs=_themes(b for p in parts for b in p.competence_needs),
        support_wanted=[e for p in parts for e in p.support_wanted],
        support_by_theme=_themes(b for p in parts for b in p.support_by_theme),
        good_examples=[e for p in parts for e in p.good_examples],
        plans=[e for p in parts for e in p.plans],
        key_figures=_key_figures(parts),
        comparison=_comparison(parts),
        follow_up=followed,
        appendix=[],
    )
    return across_subregions(whole, side_by_side(parts, across), parts)


def rollup(summaries: Sequence[Summary], *, produced: dt.date, recurring: int = 3,
           across: int = ACROSS, appendix: bool = False) -> Summary:
    """The regional overview of several sub-regional summaries (one year, distinct sub-regions;
    the caller checks both). Sub-regions in the order `merge` gives them: by name."""
    parts = sorted((p for s in summaries for p in s.parts), key=lambda p: group_key(p.subregion))
    if not appendix:
        parts = [p.model_copy(update={"appendix": []}) for p in parts]
    totals = totals_of(parts, recurring, across) if len(parts) > 1 else None
    whole = totals or parts[0]
    year = summaries[0].year
    deadline = max(s.deadline for s in summaries)
    names = join_names([p.subregion for p in parts])
    return Summary(
        title=f"Regional sammanställning av Västbusarbetet {year} – {names}",
        subregion=names, year=year, produced=produced, deadline=deadline,
        deadline_passed=produced > deadline, groups=whole.groups,
        missing=[m for p in parts for m in p.missing],
        skipped=[f for s in summaries for f in s.skipped],
        not_included=[n for s in summaries for n in s.not_included],
        deviations=whole.deviations, parts=parts, totals=totals,
    )
