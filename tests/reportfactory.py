"""Small annual reports and rosters written as YAML, for the compile tests.

Tests build their own reports here so they never depend on `examples/`, and
compute what they expect from the same dictionaries they wrote.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from vastbus_cli.reports.model import Report

DEFAULT_COMPOSITION = {"socialtjänst": 2, "skola_elevhälsa": 2, "bup": 1,
                       "primärvård": 1, "habilitering": 1}


def deviation(category: str, count: int, status: str = "pågående",
              description: str = "SIP kallades sent.", action: str = "Rutinen förtydligad.",
              ) -> dict[str, Any]:
    return {"kategori": category, "antal": count, "beskrivning": description,
            "åtgärd": action, "status": status}


def report_dict(
    name: str,
    *,
    subregion: str = "Skaraborg",
    year: int = 2025,
    composition: dict[str, int] | None = None,
    meetings: tuple[int, int] = (8, 7),
    work: list[tuple[str, str, str | None]] | None = None,
    deviations: list[dict[str, Any]] | None = None,
    development: list[tuple[str, str]] | None = None,
    competence: list[tuple[str, str]] | None = None,
    support: list[str | dict[str, str]] | None = None,
    examples: list[tuple[str, str]] | None = None,
    plans: list[str] | None = None,
    key_figures: dict[str, int | float] | None = None,
) -> dict[str, Any]:
    """An annual report as a local group writes it (Swedish keys)."""
    comp = DEFAULT_COMPOSITION if composition is None else composition
    data: dict[str, Any] = {
        "formatversion": 1,
        "år": year,
        "grupp": {"namn": name, "kommun": name, "delregion": subregion},
        "kontakt": {"roll": "Ordförande", "epost": "vastbus@example.se"},
        "sammansättning": [{"organisation": o, "antal": n} for o, n in comp.items()],
        "möten": {"planerade": meetings[0], "genomförda": meetings[1]},
        "pågående_arbete": [
            {"titel": t, "beskrivning": d, **({"tema": th} if th else {})}
            for t, d, th in (work or [])
        ],
        "avvikelser": deviations or [],
        "utvecklingsområden": [{"tema": t, "beskrivning": d} for t, d in development or []],
        "kompetensbehov": [{"tema": t, "beskrivning": d} for t, d in competence or []],
        "stöd_från_delregionen": support or [],
        "goda_exempel": [{"titel": t, "beskrivning": d} for t, d in examples or []],
        "planer_nästa_år": plans or [],
        "nyckeltal": key_figures or {},
    }
    return data


def as_report(data: dict[str, Any]) -> Report:
    return Report.model_validate(data)


def file_name(name: str, year: int) -> str:
    return f"{name.lower().replace(' ', '-')}-{year}.yaml"


def write_report(folder: Path, data: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name(data["grupp"]["namn"], data["år"])
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def write_roster(folder: Path, names: list[str], subregion: str = "Skaraborg",
                 deadline: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = {"delregion": subregion}
    if deadline:
        data["sista_dag"] = deadline
    data["grupper"] = [{"namn": n, "kommun": n} for n in names]
    path = folder / "grupper.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def folder_with_words(tmp_path: Path) -> Path:
    """A sub-region's folder with one report, a roster naming the sender and a reference
    number, and an introduction in Windows-1252 with CRLF line ends. Its four-page summary
    was the one whose contents' page numbers came out differently from run to run."""
    folder = tmp_path / "rapporter med åäö" / "2025"
    roster = write_roster(folder, ["Skövde", "Hjo"])
    data = yaml.safe_load(roster.read_text(encoding="utf-8"))
    data.update(delregional_grupp="Västbus delregionala grupp Skaraborg",
                diarienummer="SKKF 2026/123")
    roster.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    write_report(folder, report_dict("Skövde"))
    (folder / "inledning.md").write_bytes("# Bakgrund\r\n\r\nÅret då **allt** hände.\r\n"
                                          .encode("cp1252"))
    return folder

def sample_data() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """This year's and last year's reports for the renderer tests, with awkward text."""
    current = [
        report_dict(
            "Skövde", meetings=(10, 9),
            deviations=[deviation("sip_ej_kallad_eller_försenad", 4),
                        deviation("information_ej_överförd", 2, "lyft_till_delregional_nivå",
                                  "Uppgifter | kom <b>inte</b> fram\noch rad två.",
                                  "=SUM(A1:A9) lyft till delregionen")],
            work=[("SIP i skolan", "Gemensam rutin för *alla*.", "sip")],
            development=[("samverkansrutiner", "Rutin för övergångar.")],
            competence=[("npf", "-Utbildning för lärare.")],
            support=[{"beskrivning": "@Gemensam utbildningsdag.", "tema": "sip"}],
            examples=[("Mottagning", "+Fungerar bra.")],
            key_figures={"Antal SIP-möten": 14},
        ),
        report_dict(
            "Lidköping", composition={"socialtjänst": 2, "skola_elevhälsa": 1, "bup": 1},
            meetings=(6, 6),
            deviations=[deviation("sip_ej_kallad_eller_försenad", 1, "löst"),
                        deviation("väntetider", 3)],
            development=[("samverkansrutiner", "Bättre kallelser.\x07")],
            plans=["Fyra ärendedragningar."],
            support=["Hjälp att nå primärvården.",
                     {"beskrivning": "SIP-rutin vid flytt.", "tema": "sip"}],
            key_figures={"Antal SIP-möten": 6},
        ),
        report_dict(
            "Mariestad", meetings=(4, 3),
            deviations=[deviation("sip_ej_kallad_eller_försenad", 2, "ej_löst")],
        ),
    ]
    previous = [
        report_dict("Skövde", year=2024, meetings=(10, 10),
                    deviations=[deviation("sip_ej_kallad_eller_försenad", 1),
                                deviation("väntetider", 2, "lyft_till_delregional_nivå",
                                          "Lång väntan på BUP.", "Lyft i november.")],
                    key_figures={"Antal SIP-möten": 10}),
        report_dict("Hjo", year=2024, meetings=(4, 4)),
    ]
    return current, previous


SAMPLE_ROSTER = ["Skövde", "Lidköping", "Mariestad", "Hjo"]


def sample_summary(previous: bool = True, appendix: bool = False) -> Any:
    import datetime as dt

    from vastbus_cli.reports.merge import merge
    from vastbus_cli.reports.roster import Roster

    current, last_year = sample_data()
    roster = Roster.model_validate(
        {"delregion": "Skaraborg", "grupper": [{"namn": n, "kommun": n} for n in SAMPLE_ROSTER]})
    return merge([as_report(d) for d in current], roster,
                 previous=[as_report(d) for d in last_year] if previous else None,
                 recurring=3, skipped=["tibro-2025.yaml"], produced=dt.date(2026, 5, 20),
                 files=[file_name(d["grupp"]["namn"], 2025) for d in current], appendix=appendix)


def figures_summary() -> Any:
    """A summary that exercises every figure a careful reader checks (issue 9, section 2):
    like-for-like year over year with groups in one year only and one new in the roster,
    the follow-up of last year's raised deviations in all four outcomes, support by theme,
    'Inga avvikelser' beside 'not filled in', a group left out for errors, and 'Annan'."""
    import datetime as dt

    from vastbus_cli.reports.merge import merge
    from vastbus_cli.reports.roster import Roster

    raised = "lyft_till_delregional_nivå"
    skovde = report_dict(
        "Skövde", meetings=(10, 9), composition={**DEFAULT_COMPOSITION, "annan": 1},
        deviations=[deviation("sip_ej_kallad_eller_försenad", 3, "pågående"),
                    deviation("väntetider", 2, raised, "Lång väntan på utredning.")],
        support=[{"beskrivning": "Utbildningsdag om SIP.", "tema": "sip"},
                 "Nätverk för ordförande."],
        key_figures={"Antal SIP-möten": 14})
    lidkoping = report_dict(
        "Lidköping", meetings=(6, 6),
        deviations=[deviation("otydligt_ansvar", 1, "löst")],
        support=[{"beskrivning": "Rutin för SIP vid flytt.", "tema": "sip"},
                 {"beskrivning": "Få primärvården att delta.",
                  "tema": "gruppens_sammansättning"}],
        key_figures={"Antal SIP-möten": 5})
    mariestad = report_dict("Mariestad", meetings=(4, 4), deviations=[])  # none
    tibro = report_dict("Tibro", meetings=(4, 3))
    del tibro["avvikelser"]  # not filled in
    previous = [
        report_dict("Skövde", year=2024, meetings=(10, 10),
                    deviations=[deviation("sip_ej_kallad_eller_försenad", 5, raised, "Sena kallelser."),
                                deviation("väntetider", 1)],
                    key_figures={"Antal SIP-möten": 10}),
        report_dict("Lidköping", year=2024, meetings=(6, 5),
                    deviations=[deviation("otydligt_ansvar", 2, raised, "Oklart ansvar."),
                                deviation("väntetider", 2, raised, "Kö till BUP.")],
                    key_figures={"Antal SIP-möten": 7}),
        report_dict("Karlsborg", year=2024, meetings=(4, 2),
                    deviations=[deviation("information_ej_överförd", 1, raised, "Uppgifter saknades.")]),
    ]
    names = ["Skövde", "Lidköping", "Mariestad", "Tibro", "Hjo", "Karlsborg"]
    roster = Roster.model_validate(
        {"delregion": "Skaraborg", "grupper": [{"namn": n, "kommun": n} for n in names]})
    last_roster = Roster.model_validate(
        {"delregion": "Skaraborg",
         "grupper": [{"namn": n, "kommun": n} for n in names if n != "Tibro"]})
    current = [skovde, lidkoping, mariestad, tibro]
    return merge([as_report(d) for d in current], roster,
                 previous=[as_report(d) for d in previous], previous_roster=last_roster,
                 recurring=2, skipped=["hjo-2025.yaml"], skipped_groups=["Hjo"],
                 produced=dt.date(2026, 5, 20),
                 files=[file_name(d["grupp"]["namn"], 2025) for d in current])
