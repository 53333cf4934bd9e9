"""The roll-up's pure middle on a region built in memory, fast enough for mutation testing.

Each sub-region is merged on its own and the summaries rolled up; the result must equal
merging every report at once (the invariant `test_rollup.py` holds through the CLI on the
examples). The region is shaped to hold what the examples do not (issue 28): a category no
group reports between two that are reported (a `continue` that became `break` would drop the
later ones), `antal: 0` in two groups (not "reporting" the category), one group listing a
category twice (counts add up), and a sub-region without a roster (the region's expected
groups are then unknown, never a sum that counts it as 0).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from reportfactory import as_report, deviation, report_dict
from subregions import ROSTER_KEYS, without

from vastbus_cli.reports.merge import merge
from vastbus_cli.reports.roster import Roster
from vastbus_cli.reports.summary import Summary
from vastbus_cli.rollup.combine import REGION, rollup

DAY = dt.date(2026, 5, 20)
LIFT = "lyft_till_delregional_nivå"
SIP, INFO, UNCLEAR, MOVE, WAIT, OTHER = (
    "sip_ej_kallad_eller_försenad", "information_ej_överförd", "otydligt_ansvar",
    "övergång_mellan_verksamheter", "väntetider", "annan")

#: sub-region → [(group, deviations, key figures)]; nobody reports UNCLEAR
REGION_DATA: dict[str, list[tuple[str, list[dict[str, Any]], dict[str, int | float]]]] = {
    "Norra": [
        ("Hjo", [deviation(SIP, 2), deviation(SIP, 3, "löst"), deviation(INFO, 0)],
         {"SIP-möten": 4}),
        ("Tibro", [deviation(WAIT, 1, LIFT, "Lång väntan.", "Lyft."), deviation(INFO, 0)],
         {"SIP-möten": 9.5}),
    ],
    "Södra": [
        ("Falköping", [deviation(SIP, 1, "ej_löst"), deviation(MOVE, 2)], {"sip-möten": 1}),
        ("Skövde", [deviation(WAIT, 4, LIFT, "Väntan.", "Lyft igen."), deviation(OTHER, 1)],
         {}),
    ],
    "Västra": [
        ("Vara", [deviation(MOVE, 5, "löst"), deviation(SIP, 1)], {"Utbildningsdagar": 2}),
    ],
}
ROSTERS = {"Norra": ["Hjo", "Tibro", "Karlsborg"], "Västra": ["Vara", "Götene"]}  # Södra: none

#: what the groups write besides deviations, this year and last (themes that are new,
#: persist and are dropped; support, examples and plans joined in sub-region order)
TEXTS: dict[str, dict[str, Any]] = {
    "Hjo": {"work": [("SIP i skolan", "Rutin.", "sip"), ("Utan tema", "Text.", None)],
            "development": [("samverkansrutiner", "Kallelser.")], "plans": ["Fler möten."]},
    "Falköping": {"competence": [("npf", "Kurs.")], "examples": [("Mottagning", "Bra.")],
                  "support": [{"beskrivning": "SIP-stöd.", "tema": "sip"}]},
    "Skövde": {"work": [("Närvaro", "Team.", "skolfrånvaro")],
               "development": [("psykisk_ohälsa", "Stöd.")], "meetings": (10, 9)},
    "Vara": {"competence": [("sip", "Utbildning.")], "plans": ["Utvärdera."],
             # no habilitering (a core organisation: a gap), one 'annan' (never a gap)
             "composition": {"socialtjänst": 1, "skola_elevhälsa": 2, "bup": 1,
                             "primärvård": 1, "annan": 1}},
    "Tibro": {"development": [("npf", "Utredningar.")], "support": ["Utbildning."],
              "meetings": (6, 6), "composition": {"socialtjänst": 2, "skola_elevhälsa": 2,
                                                  "förskola": 1, "bup": 1, "primärvård": 1,
                                                  "habilitering": 1}},
}
PREVIOUS: dict[str, list[tuple[str, list[dict[str, Any]], dict[str, Any]]]] = {
    "Norra": [("Hjo", [deviation(SIP, 1)], {"key_figures": {"SIP-möten": 3},
                                           "work": [("SIP", "Rutin.", "sip")]}),
              ("Karlsborg", [deviation(WAIT, 2, LIFT, "Väntan.", "Lyft.")],
               {"development": [("våld_i_nära_relationer", "Rutin.")],
                "key_figures": {"Ärenden": 5}})],
    "Södra": [("Falköping", [deviation(MOVE, 4)], {"key_figures": {"SIP-möten": 2}}),
              ("Skövde", [deviation(WAIT, 6, LIFT, "Väntan.", "Lyft.")],
               {"work": [("Närvaro", "Team.", "skolfrånvaro")], "meetings": (9, 9)})],
    "Västra": [("Vara", [deviation(SIP, 2)], {"key_figures": {"Utbildningsdagar": 1}})],
}


def _reports(subregion: str) -> list[Any]:
    return [as_report(report_dict(name, subregion=subregion, deviations=devs,
                                  key_figures=figures, **TEXTS.get(name, {})))
            for name, devs, figures in REGION_DATA[subregion]]


def _previous(subregion: str) -> list[Any]:
    return [as_report(report_dict(name, subregion=subregion, year=2024, deviations=devs,
                                  **more))
            for name, devs, more in PREVIOUS[subregion]]


def _roster(subregion: str) -> Roster | None:
    names = ROSTERS.get(subregion)
    if names is None:
        return None
    return Roster.model_validate({"delregion": subregion,
                                  "grupper": [{"namn": n, "kommun": n} for n in names]})


def _summary(subregion: str, recurring: int = 3) -> Summary:
    return merge(_reports(subregion), _roster(subregion), recurring=recurring, produced=DAY)


@pytest.fixture  # per test: mutation testing sees which test runs merge (a few ms)
def rolled() -> Summary:
    return rollup([_summary(s) for s in REGION_DATA], produced=DAY)


@pytest.fixture  # per test: mutation testing sees which test runs merge (a few ms)
def direct() -> Summary:
    everything = [r for s in REGION_DATA for r in _reports(s)]
    return merge(everything, None, produced=DAY)


def test_rollup_equals_merging_every_report_at_once(rolled: Summary, direct: Summary) -> None:
    assert rolled.totals is not None and direct.totals is not None
    assert without(rolled.totals.model_dump(), ROSTER_KEYS) == \
        without(direct.totals.model_dump(), ROSTER_KEYS)
    for mine, theirs in zip(rolled.parts, direct.parts, strict=True):
        assert without(mine.model_dump(), ROSTER_KEYS) == without(theirs.model_dump(),
                                                                    ROSTER_KEYS)
    assert rolled.deviations == rolled.totals.deviations
    assert rolled.groups == direct.groups == ["Hjo", "Tibro", "Falköping", "Skövde", "Vara"]


def test_the_totals(rolled: Summary) -> None:
    t = rolled.totals
    assert t is not None and t.subregion == REGION
    d = t.deviations
    assert [c.category.code for c in d.categories] == [SIP, INFO, MOVE, WAIT, OTHER]
    assert {c.category.code: (c.total, c.groups, c.by_status) for c in d.categories} == {
        SIP: (7, ["Hjo", "Falköping", "Vara"], {"pågående": 3, "löst": 3, "ej_löst": 1}),
        INFO: (0, [], {"pågående": 0}),  # antal: 0 in two groups is no group reporting it
        MOVE: (7, ["Falköping", "Vara"], {"pågående": 2, "löst": 5}),
        WAIT: (5, ["Tibro", "Skövde"], {LIFT: 5}),
        OTHER: (1, ["Skövde"], {"pågående": 1}),
    }
    assert d.total == 20 and d.recurring == [SIP]
    assert d.by_status == {"löst": 8, "pågående": 6, "ej_löst": 1, LIFT: 5}
    assert [(g.group, g.total, g.counts) for g in d.by_group] == [
        ("Hjo", 5, [5, 0, 0, 0, 0]), ("Tibro", 1, [0, 0, 0, 1, 0]),
        ("Falköping", 3, [1, 0, 2, 0, 0]), ("Skövde", 5, [0, 0, 0, 4, 1]),
        ("Vara", 6, [1, 0, 5, 0, 0])]
    assert [(e.group, e.count) for e in d.raised] == [("Tibro", 1), ("Skövde", 4)]
    where = [("Hjo", "Norra"), ("Tibro", "Norra"), ("Falköping", "Södra"), ("Skövde", "Södra"),
             ("Vara", "Västra")]
    assert [(g.group, g.subregion) for g in d.by_group] == where
    assert [(g.name, g.subregion) for g in t.overview.groups] == where
    assert [(r.group, r.subregion) for r in t.composition.rows] == where
    o = t.overview
    assert o.expected is None  # Södra has no roster: the region's expected groups are unknown
    assert (o.reported, o.meetings_planned, o.meetings_held) == (5, 40, 36)
    assert t.missing == ["Karlsborg", "Götene"]
    assert [(k.name, k.total, k.min, k.min_group, k.max, k.max_group) for k in t.key_figures] \
        == [("SIP-möten", 14.5, 1, "Falköping", 9.5, "Tibro"),
            ("Utbildningsdagar", 2, 2, "Vara", 2, "Vara")]


def test_side_by_side(rolled: Summary) -> None:
    assert rolled.totals is not None
    side = rolled.totals.subregions
    assert side is not None
    assert [(c.subregion, c.expected, c.reported, c.missing, c.deviations)
            for c in side.columns] == [("Norra", 3, 2, 1, 6), ("Södra", None, 2, 0, 8),
                                       ("Västra", 2, 1, 1, 6)]
    assert [(c.category.code, c.counts, c.total, c.subregions, c.flagged, c.groups, c.recurring,
             c.possible_fault) for c in side.categories] == [
        (SIP, [5, 1, 1], 7, ["Norra", "Södra", "Västra"], True, 3, True, True),
        (INFO, [0, 0, 0], 0, [], False, 0, False, False),
        (MOVE, [0, 2, 5], 7, ["Södra", "Västra"], True, 2, False, True),
        (WAIT, [1, 4, 0], 5, ["Norra", "Södra"], True, 2, False, True),
        (OTHER, [0, 1, 0], 1, ["Södra"], False, 1, False, False)]
    assert (side.threshold, side.group_threshold, side.reporting) == (2, 3, 5)
    assert [c.recurring_in for c in side.categories] == [[]] * 5  # no sub-region alone has 3
    one = rollup([_summary(s, recurring=1) for s in REGION_DATA], produced=DAY).totals
    assert one is not None and one.subregions is not None
    cats = one.subregions.categories  # one group is enough: recurring wherever reported
    assert [c.recurring_in for c in cats] == [c.subregions for c in cats]
    assert cats[0].recurring_in == ["Norra", "Södra", "Västra"] and cats[1].recurring_in == []
    comp = rolled.totals.composition
    assert [o.code for o in comp.organisations] == [
        "socialtjänst", "skola_elevhälsa", "förskola", "bup", "primärvård", "habilitering",
        "annan"]
    assert [(r.group, r.counts) for r in comp.rows] == [
        ("Hjo", [2, 2, 0, 1, 1, 1, 0]), ("Tibro", [2, 2, 1, 1, 1, 1, 0]),
        ("Falköping", [2, 2, 0, 1, 1, 1, 0]), ("Skövde", [2, 2, 0, 1, 1, 1, 0]),
        ("Vara", [1, 2, 0, 1, 1, 0, 1])]
    assert [(g.organisation.code, g.missing_in, g.expected) for g in comp.gaps] == [
        ("socialtjänst", [], True), ("skola_elevhälsa", [], True),
        ("förskola", ["Hjo", "Falköping", "Skövde", "Vara"], False), ("bup", [], True),
        ("primärvård", [], True), ("habilitering", ["Vara"], True),
        ("annan", ["Hjo", "Tibro", "Falköping", "Skövde"], False)]
    issues = rolled.totals.to_region
    assert [(i.category.code, i.recurring, i.across, i.subregions, i.raised)
            for i in issues] == [(SIP, True, True, ["Norra", "Södra", "Västra"], 0),
                                 (MOVE, False, True, ["Södra", "Västra"], 0),
                                 (WAIT, False, True, ["Norra", "Södra"], 5)]


def test_every_roster_known_sums_the_expected_groups() -> None:
    summaries = [_summary("Norra"), _summary("Västra")]
    rolled = rollup(summaries, produced=DAY, across=3)
    assert rolled.totals is not None and rolled.totals.overview.expected == 5
    assert rolled.totals.subregions is not None
    assert [c.flagged for c in rolled.totals.subregions.categories] == [False] * 4
    assert rolled.title == "Regional sammanställning av Västbusarbetet 2025 – Norra och Västra"


def test_one_subregion_is_its_own_whole() -> None:
    one = rollup([_summary("Södra")], produced=DAY)
    assert one.totals is None and one.parts[0].appendix == []
    assert one.deviations == one.parts[0].deviations and one.groups == ["Falköping", "Skövde"]


def test_year_over_year_rolls_up_as_it_merges() -> None:
    """With last year's reports: the comparison, the follow-up of raised deviations and the
    themes, summed over the sub-regions, are what merging every report at once gives."""
    summaries = [merge(_reports(s), _roster(s), previous=_previous(s), produced=DAY)
                 for s in REGION_DATA]
    rolled = rollup(summaries, produced=DAY)
    direct = merge([r for s in REGION_DATA for r in _reports(s)], None,
                   previous=[r for s in REGION_DATA for r in _previous(s)], produced=DAY)
    assert rolled.totals is not None and direct.totals is not None
    assert without(rolled.totals.model_dump(), ROSTER_KEYS) == \
        without(direct.totals.model_dump(), ROSTER_KEYS)
    c = rolled.totals.comparison
    assert c is not None and (c.previous_year, c.year) == (2024, 2025)
    assert c.both == ["Hjo", "Falköping", "Skövde", "Vara"]
    assert (c.only_current, c.only_previous) == (["Tibro"], ["Karlsborg"])
    assert [(ch.label, ch.previous, ch.current, ch.change) for ch in c.deviations] == [
        ("SIP ej kallad eller försenad", 3, 7, 4), ("Övergång mellan verksamheter", 4, 7, 3),
        ("Väntetider", 6, 4, -2), ("Annan avvikelse", 0, 1, 1)]
    assert [(ch.label, ch.previous, ch.current, ch.groups) for ch in c.key_figures] == [
        ("SIP-möten", 5, 5, 2), ("Utbildningsdagar", 1, 2, 1)]
    assert [(y.label, y.previous, y.current) for y in c.one_year_only][:3] == [
        ("Grupper", 1, 1), ("Planerade möten", 8, 6), ("Genomförda möten", 7, 6)]
    assert (c.themes_new, c.themes_persisting, c.themes_dropped) == (
        ["Samverkansrutiner", "Psykisk ohälsa", "Neuropsykiatriska funktionsnedsättningar (NPF)"],
        ["SIP (samordnad individuell plan)", "Problematisk skolfrånvaro"],
        ["Våld i nära relationer"])
    themes = [(b.theme.code if b.theme else None, b.groups) for b in rolled.totals.work]
    assert themes == [("sip", ["Hjo"]), ("skolfrånvaro", ["Skövde"]), (None, ["Hjo"])]
    assert [e.group for e in rolled.totals.support_wanted] == ["Tibro", "Falköping"]
    assert [e.group for e in rolled.totals.plans] == ["Hjo", "Vara"]
    follow = rolled.totals.follow_up
    assert follow is not None and [(f.group, f.outcome.code) for f in follow] == [
        ("Skövde", "kvarstår"), ("Karlsborg", "ingen-årsberättelse")]  # as merge orders them
    assert [i.raised_last_year for i in rolled.totals.to_region] == [[], [], ["Skövde"]]
    # one sub-region without last year's reports: the region has no comparison
    partial = rollup([*summaries[:2], _summary("Västra")], produced=DAY)
    assert partial.totals is not None and partial.totals.comparison is None
    assert partial.totals.follow_up is None
