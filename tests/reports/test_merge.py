"""`merge` on its own: reports in, Summary out, totals checked against the data we wrote."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from reportfactory import as_report, deviation, report_dict

from vastbus_cli.reports.merge import merge
from vastbus_cli.reports.roster import Roster

ROSTER = Roster.model_validate({
    "delregion": "Skaraborg",
    "grupper": [{"namn": n, "kommun": n} for n in
                ["Skövde", "Lidköping", "Mariestad", "Falköping", "Hjo"]],
})
PRODUCED = dt.date(2026, 5, 20)


def current_data() -> list[dict]:
    return [
        report_dict("Skövde", meetings=(10, 9),
                    deviations=[deviation("sip_ej_kallad_eller_försenad", 4),
                                deviation("information_ej_överförd", 2,
                                          "lyft_till_delregional_nivå",
                                          "Journaluppgifter kom inte fram.")],
                    work=[("SIP i skolan", "Gemensam rutin.", "sip"),
                          ("Frånvaroteam", "Tidiga möten.", "skolfrånvaro")],
                    development=[("samverkansrutiner", "Rutin för övergångar.")],
                    competence=[("npf", "Utbildning för lärare.")],
                    support=["Gemensam utbildningsdag."],
                    key_figures={"Antal SIP-möten": 14}),
        report_dict("lidköping", composition={"socialtjänst": 2, "skola_elevhälsa": 1, "bup": 1,
                                              "habilitering": 1},
                    meetings=(6, 6),
                    deviations=[deviation("sip_ej_kallad_eller_försenad", 1, "löst")],
                    work=[("Föräldrastöd", "Grupper för föräldrar.", None)],
                    development=[("samverkansrutiner", "Bättre kallelser."),
                                 ("npf", "Kartläggning.")],
                    key_figures={"antal sip-möten": 6, "Ärenden": 2.5}),
        report_dict("Mariestad", composition={"socialtjänst": 1, "skola_elevhälsa": 1, "bup": 0,
                                              "primärvård": 0, "habilitering": 1,
                                              "förskola": 2},
                    meetings=(4, 3),
                    deviations=[deviation("sip_ej_kallad_eller_försenad", 2, "ej_löst"),
                                deviation("väntetider", 5)],
                    examples=[("Gemensam mottagning", "Fungerar bra.")],
                    plans=["Fyra ärendedragningar."],
                    key_figures={"Antal SIP-möten": 9}),
        report_dict("Falköping", meetings=(8, 8), plans=["Ny rutin."]),
    ]


def previous_data() -> list[dict]:
    return [
        report_dict("Skövde", year=2024, meetings=(10, 10),
                    deviations=[deviation("sip_ej_kallad_eller_försenad", 1)],
                    development=[("npf", "Kartläggning."), ("missbruk_och_beroende", "Samverkan.")]),
        report_dict("Hjo", year=2024, meetings=(4, 4),
                    deviations=[deviation("väntetider", 3)]),
    ]


def summary(**kw):
    data = current_data()
    return merge([as_report(d) for d in data], ROSTER, produced=PRODUCED,
                 recurring=kw.pop("recurring", 3), **kw), data


def test_overview_counts_and_missing_groups() -> None:
    s, data = summary(skipped=["trasig.yaml"])
    part = s.parts[0]
    assert s.subregion == "Skaraborg" and s.year == 2025
    assert s.groups == ["Skövde", "Lidköping", "Mariestad", "Falköping"]  # roster order, spelling
    assert s.missing == ["Hjo"]
    assert s.skipped == ["trasig.yaml"]
    assert part.overview.expected == 5 and part.overview.reported == 4
    assert part.overview.meetings_held == sum(d["möten"]["genomförda"] for d in data)
    assert part.overview.meetings_planned == sum(d["möten"]["planerade"] for d in data)
    reps = sum(m["antal"] for d in data for m in d["sammansättning"])
    assert part.overview.representatives == reps
    mariestad = part.overview.groups[2]
    assert (mariestad.name, mariestad.representatives, mariestad.organisations) == ("Mariestad", 5, 4)
    assert s.deadline == dt.date(2026, 6, 1) and s.deadline_passed is False
    assert s.totals is None


def test_deadline_from_roster() -> None:
    roster = ROSTER.model_copy(update={"deadline": dt.date(2026, 5, 15)})
    s = merge([as_report(d) for d in current_data()], roster, produced=PRODUCED)
    assert s.deadline == dt.date(2026, 5, 15) and s.deadline_passed is True


def test_composition_gaps() -> None:
    s, data = summary()
    comp = s.parts[0].composition
    codes = [o.code for o in comp.organisations]
    # the five core organisations always, förskola because Mariestad has it
    assert codes == ["socialtjänst", "skola_elevhälsa", "förskola", "bup", "primärvård",
                     "habilitering"]
    gaps = {g.organisation.code: g.missing_in for g in comp.gaps}
    assert gaps["primärvård"] == ["Lidköping", "Mariestad"]
    assert gaps["bup"] == ["Mariestad"]
    assert gaps["förskola"] == ["Skövde", "Lidköping", "Falköping"]
    assert all(g.groups == 4 for g in comp.gaps)
    assert comp.rows[2].counts[codes.index("förskola")] == 2


def test_deviation_totals_and_recurring() -> None:
    s, data = summary()
    expected: Counter[str] = Counter()
    for d in data:
        for dev in d["avvikelser"]:
            expected[dev["kategori"]] += dev["antal"]
    assert s.deviations.by_category == dict(expected)
    assert s.deviations.total == sum(expected.values())
    assert s.deviations.recurring == ["sip_ej_kallad_eller_försenad"]  # in 3 groups
    sip = s.deviations.categories[0]
    assert sip.groups == ["Skövde", "Lidköping", "Mariestad"]
    assert sip.by_status == {"löst": 1, "pågående": 4, "ej_löst": 2}
    assert [r.group for r in s.deviations.raised] == ["Skövde"]
    assert s.deviations.raised[0].description == "Journaluppgifter kom inte fram."
    falkoping = s.deviations.by_group[3]
    assert (falkoping.group, falkoping.total) == ("Falköping", 0)
    assert s.deviations.by_status["lyft_till_delregional_nivå"] == 2


def test_recurring_threshold_is_a_parameter() -> None:
    s, _ = summary(recurring=2)
    assert s.deviations.recurring == ["sip_ej_kallad_eller_försenad"]
    s, _ = summary(recurring=4)
    assert s.deviations.recurring == []
    s, _ = summary(recurring=1)
    assert s.deviations.recurring == ["sip_ej_kallad_eller_försenad",
                                      "information_ej_överförd", "väntetider"]


def test_themes_group_entries_with_their_groups() -> None:
    s, _ = summary()
    part = s.parts[0]
    dev = {b.theme.code if b.theme else None: b for b in part.development_areas}
    assert dev["samverkansrutiner"].groups == ["Skövde", "Lidköping"]
    assert [e.text for e in dev["npf"].entries] == ["Kartläggning."]
    work = [b.theme.code if b.theme else None for b in part.work]
    assert work == ["sip", "skolfrånvaro", None]  # vocabulary order, no theme last
    assert part.support_wanted[0].group == "Skövde"
    assert [e.group for e in part.plans] == ["Mariestad", "Falköping"]


def test_key_figures_match_names_loosely() -> None:
    s, _ = summary()
    figures = {f.name: f for f in s.parts[0].key_figures}
    sip = figures["Antal SIP-möten"]
    assert (sip.total, sip.min, sip.max) == (29, 6, 14)
    assert (sip.min_group, sip.max_group) == ("Lidköping", "Skövde")
    assert figures["Ärenden"].values == {"Lidköping": 2.5}


def test_year_over_year_compares_like_with_like() -> None:
    s, data = summary(previous=[as_report(d) for d in previous_data()])
    cmp = s.parts[0].comparison
    assert cmp is not None and (cmp.previous_year, cmp.year) == (2024, 2025)
    # only Skövde reported both years: the changes are Skövde's alone
    assert cmp.both == ["Skövde"]
    figures = {c.label: (c.previous, c.current, c.change) for c in cmp.figures}
    assert figures["Genomförda möten"] == (10, 9, -1)
    assert figures["Avvikelser totalt"] == (1, 6, 5)
    deviations = {c.label: (c.previous, c.current) for c in cmp.deviations}
    assert deviations == {"SIP ej kallad eller försenad": (1, 4),
                          "Information har inte förts vidare": (0, 2)}
    # the others are counted apart: Hjo only last year, three groups only this year
    only = {o.label: (o.previous, o.current) for o in cmp.one_year_only}
    assert only["Grupper"] == (1, 3)
    assert only["Genomförda möten"] == (4, 6 + 3 + 8)
    assert only["Avvikelser totalt"] == (3, 1 + 2 + 5)
    assert cmp.only_current == ["Lidköping", "Mariestad", "Falköping"]
    assert cmp.only_previous == ["Hjo"]
    assert cmp.new_in_roster == []  # no roster for last year: nobody is called new
    assert "Neuropsykiatriska funktionsnedsättningar (NPF)" in cmp.themes_persisting
    assert "Missbruk och beroende" in cmp.themes_dropped
    assert "SIP (samordnad individuell plan)" in cmp.themes_new


def test_new_only_when_new_in_the_roster() -> None:
    last_roster = ROSTER.model_copy(update={"groups": [g for g in ROSTER.groups
                                                       if g.name != "Falköping"]})
    s, _ = summary(previous=[as_report(d) for d in previous_data()], previous_roster=last_roster)
    cmp = s.parts[0].comparison
    assert cmp is not None and cmp.new_in_roster == ["Falköping"]
    from vastbus_cli.render.common import comparison_lines

    lines = dict(comparison_lines(cmp))
    assert lines["Rapporterade inte 2024"] == "Lidköping och Mariestad"
    assert lines["Nya i gruppförteckningen 2025"] == "Falköping"
    assert lines["Rapporterade inte 2025"] == "Hjo"
    # theme names quoted, since a theme can have its own "och"
    assert lines["Teman som inte längre nämns"] == "”Missbruk och beroende”"


def test_key_figures_year_over_year_cover_groups_reporting_them_both_years() -> None:
    previous = [report_dict("Skövde", year=2024, key_figures={"antal SIP-möten": 10}),
                report_dict("Lidköping", year=2024, key_figures={"Ärenden": 1}),
                report_dict("Mariestad", year=2024, key_figures={"Antal SIP-möten": 3})]
    s, _ = summary(previous=[as_report(d) for d in previous])
    cmp = s.parts[0].comparison
    assert cmp is not None
    rows = {k.label: (k.groups, k.previous, k.current, k.change) for k in cmp.key_figures}
    # Skövde 10 → 14, Mariestad 3 → 9; Lidköping's "Ärenden" 1 → 2.5
    assert rows == {"Antal SIP-möten": (2, 13, 23, 10), "Ärenden": (1, 1, 2.5, 1.5)}


def test_follow_up_of_last_years_raised_deviations() -> None:
    raised = "lyft_till_delregional_nivå"
    previous = [
        report_dict("Skövde", year=2024, deviations=[
            deviation("sip_ej_kallad_eller_försenad", 3, raised, "Kallelser sent."),
            deviation("otydligt_ansvar", 2, raised)]),
        report_dict("Lidköping", year=2024, deviations=[deviation("sip_ej_kallad_eller_försenad",
                                                                  1, raised)]),
        report_dict("Mariestad", year=2024, deviations=[deviation("väntetider", 4, raised),
                                                        deviation("otydligt_ansvar", 9)]),
        report_dict("Hjo", year=2024, deviations=[deviation("väntetider", 2, raised)]),
    ]
    s, _ = summary(previous=[as_report(d) for d in previous])
    rows = [(f.group, f.category.code, f.previous_count, f.outcome.code, f.current_count)
            for f in s.parts[0].follow_up or []]
    assert rows == [
        ("Skövde", "sip_ej_kallad_eller_försenad", 3, "kvarstår", 4),
        ("Skövde", "otydligt_ansvar", 2, "nämns-inte", 0),
        ("Lidköping", "sip_ej_kallad_eller_försenad", 1, "löst", 1),  # the roster's spelling
        ("Mariestad", "väntetider", 4, "kvarstår", 5),
        ("Hjo", "väntetider", 2, "ingen-årsberättelse", 0),
    ]
    assert s.parts[0].follow_up[0].description == "Kallelser sent."
    from vastbus_cli.render.common import follow_up_detail, follow_up_sentences, follow_up_state

    # deviations (3 + 2 + 1 + 4 + 2 = 12) and categories (3), not entries (5)
    sentences = follow_up_sentences(s.parts[0], 2025)
    assert sentences[:3] == [
        "I årsberättelserna för 2024 lyfte 4 grupper 12 avvikelser i 3 kategorier till "
        "delregional nivå.",
        # this year's own counts, never "7 kvarstår" (last year's cases are not followed)
        "I årsberättelserna för 2025 rapporterar samma grupper nya avvikelser i samma kategorier: "
        "Skövde 4 i ”SIP ej kallad eller försenad” (pågående) och Mariestad 5 i ”Väntetider” "
        "(pågående).",
        "Avvikelserna i samma kategori anges som lösta 2025 av Lidköping (”SIP ej kallad eller "
        "försenad”)."]
    assert sentences[-1] == ("Om de enskilda avvikelserna från 2024 är lösta säger "
                             "årsberättelserna inte.")
    assert not any("kvarstår" in t for t in sentences)
    skovde = s.parts[0].follow_up[0]
    assert follow_up_state(skovde) == "Kvarstår (pågående)"  # one status column
    assert skovde.current_actions == ["Rutinen förtydligad."]  # what was done this year
    assert follow_up_detail(skovde, 2024, 2025) == (
        "2024: Kallelser sent. Åtgärd: Rutinen förtydligad. "
        "2025 (4 avvikelser, pågående): Rutinen förtydligad.")
    assert follow_up_detail(s.parts[0].follow_up[1], 2024, 2025).endswith(
        "2025: kategorin nämns inte i gruppens årsberättelse.")


def test_support_wanted_grouped_by_theme_with_the_groups_that_asked() -> None:
    reports = [report_dict("Skövde", support=[{"beskrivning": "SIP-dag", "tema": "sip"},
                                              "Nätverk"]),
               report_dict("Hjo", support=[{"beskrivning": "SIP-rutin", "tema": "sip"},
                                           {"beskrivning": "Utan tema här"}])]
    s = merge([as_report(d) for d in reports], None, produced=PRODUCED)
    blocks = [(b.theme.code if b.theme else None, b.groups, [e.text for e in b.entries])
              for b in s.parts[0].support_by_theme]
    assert blocks == [("sip", ["Hjo", "Skövde"], ["SIP-rutin", "SIP-dag"]),
                      (None, ["Hjo", "Skövde"], ["Utan tema här", "Nätverk"])]
    assert [e.text for e in s.parts[0].support_wanted] == ["SIP-rutin", "Utan tema här",
                                                           "SIP-dag", "Nätverk"]


def test_several_subregions_give_parts_and_regional_totals() -> None:
    reports = [as_report(d) for d in current_data()]
    reports.append(as_report(report_dict("Uddevalla", subregion="Fyrbodal", meetings=(5, 5),
                                         deviations=[deviation("väntetider", 1)])))
    s = merge(reports, None, produced=PRODUCED)
    assert [p.subregion for p in s.parts] == ["Fyrbodal", "Skaraborg"]
    assert s.subregion == "Fyrbodal och Skaraborg"
    assert s.totals is not None
    assert s.totals.overview.reported == 5
    assert s.totals.overview.meetings_held == 9 + 6 + 3 + 8 + 5
    assert s.deviations.by_category["väntetider"] == 6
    assert s.parts[0].deviations.by_category == {"väntetider": 1}
    assert s.parts[0].overview.expected is None and s.missing == []
    assert not s.parts[1].appendix  # the appendix only when asked for
    s = merge(reports, None, produced=PRODUCED, appendix=True)
    assert s.parts[1].appendix and not s.totals.appendix


def test_appendix_has_every_section_the_group_filled_in() -> None:
    s, _ = summary(appendix=True)
    skovde = s.parts[0].appendix[0]
    titles = [sec.title for sec in skovde.sections]
    assert titles[0] == "Gruppen" and "Avvikelser" in titles and titles[-1] == "Nyckeltal"
    items = {sec.title: sec.items for sec in skovde.sections}
    assert items["Avvikelser"][0] == (
        "SIP ej kallad eller försenad: 4 avvikelser, pågående. SIP kallades sent. "
        "Åtgärd: Rutinen förtydligad.")  # never "4 st"
    assert items["Pågående arbete"][0] == "SIP i skolan: Gemensam rutin. Tema: SIP (samordnad " \
        "individuell plan)."
    assert "Goda exempel" not in items  # left empty: left out, never "Inget angivet."
    falkoping = s.parts[0].appendix[3]
    avv = next(sec for sec in falkoping.sections if sec.title == "Avvikelser")
    assert avv.items == ["Inga avvikelser."]  # avvikelser: [] is an answer


def test_no_deviations_and_not_filled_in_look_different() -> None:
    data = current_data()
    del data[3]["avvikelser"]  # Falköping says nothing about deviations
    data[2]["avvikelser"] = []  # Mariestad has none
    s = merge([as_report(d) for d in data], ROSTER, produced=PRODUCED, appendix=True)
    by_group = {g.group: (g.filled_in, g.total) for g in s.parts[0].deviations.by_group}
    assert by_group["Mariestad"] == (True, 0) and by_group["Falköping"] == (False, 0)
    from vastbus_cli.render.common import deviation_lines
    from vastbus_cli.render.tables import group_deviation_table

    assert deviation_lines(s.parts[0].deviations) == [
        "Totalt 7 avvikelser.", "Inga avvikelser: Mariestad.",
        "Avvikelser ej ifyllda (avsnittet saknas i årsberättelsen): Falköping."]
    rows = {r[0]: r[1:] for r in group_deviation_table(s.parts[0].deviations).rows}
    assert rows["Mariestad"] == [0, 0, 0, "Inga avvikelser"]
    assert rows["Falköping"] == [None, None, None, "Ej ifyllt"]
    appendix = {r.group: next(sec.items for sec in r.sections if sec.title == "Avvikelser")
                for r in s.parts[0].appendix}
    assert appendix["Mariestad"] == ["Inga avvikelser."]
    assert appendix["Falköping"] == ["Ej ifyllt (avsnittet saknas i årsberättelsen)."]


def test_no_reports_is_an_error() -> None:
    with pytest.raises(ValueError):
        merge([], ROSTER, produced=PRODUCED)


def test_other_organisations_are_never_a_gap_and_a_dash_means_no_representative() -> None:
    reports = [report_dict("Skövde", composition={"socialtjänst": 2, "annan": 1}),
               report_dict("Hjo", composition={"socialtjänst": 1, "förskola": 1}),
               report_dict("Tibro", composition={"socialtjänst": 1})]
    s = merge([as_report(d) for d in reports], None, produced=PRODUCED)
    from vastbus_cli.render.common import gap_sentence
    from vastbus_cli.render.tables import composition_table

    sentences = [gap_sentence(g) for g in s.parts[0].composition.gaps]
    assert "Annan finns i 1 av 3 grupper." in sentences
    assert "Förskola finns i 1 av 3 grupper." in sentences
    assert "BUP saknas i 3 av 3 grupper." in sentences
    assert not any(s.startswith(("Annan saknas", "Förskola saknas")) for s in sentences)
    table = composition_table(s.parts[0])
    assert table.rows[-1][0] == "Totalt"  # no row where a dash would mean "no group lacks it"
    assert table.headers[-2] == "Annan" and table.rows[-1][-2] == 1


def test_status_counts_add_up_to_the_number_of_deviations() -> None:
    from reportfactory import figures_summary, sample_summary

    for s in (summary()[0], sample_summary(), figures_summary()):
        d = s.parts[0].deviations
        for c in d.categories:
            assert sum(c.by_status.values()) == c.total, c
        assert sum(d.by_status.values()) == d.total
        from vastbus_cli.render.tables import category_table

        table = category_table(d)
        statuses = range(3, 3 + len(d.statuses))
        for row in table.rows:  # every row, the totals row too, adds up across the statuses
            assert sum(row[i] for i in statuses) == row[1], row
