"""Each group's report in full, as titled lists of Swedish lines for the summary's appendix.

The appendix is the one place where a whole report is shown; turning it into
plain lines here means every renderer prints it the same way.
"""

from __future__ import annotations

from vastbus_cli.reports.merge_deviations import filled_in
from vastbus_cli.reports.model import Report, SupportItem, support_text, support_theme
from vastbus_cli.reports.summary import AppendixReport, AppendixSection, format_number

NOTHING = "Inget angivet."
NOT_FILLED_IN = "Ej ifyllt (avsnittet saknas i årsberättelsen)."


def _section(title: str, items: list[str]) -> AppendixSection:
    return AppendixSection(title=title, items=items or [NOTHING])


def _support(item: str | SupportItem) -> str:
    theme, text = support_theme(item), support_text(item)
    return f"{text} Tema: {theme.label}." if theme else text


def appendix_report(report: Report, name: str, file: str) -> AppendixReport:
    """`name` is the group's name as the summary shows it (the roster's spelling)."""
    group = [f"Kommun/stadsdel: {report.group.municipality}",
             f"Delregion: {report.group.subregion}"]
    if report.contact is not None:
        contact = f"Kontakt: {report.contact.role}"
        if report.contact.email:
            contact += f" ({report.contact.email})"
        group.append(contact)
    members = [
        f"{m.organisation.label}: {m.representatives}" + (f" ({m.note})" if m.note else "")
        for m in report.composition
    ]
    work = [
        f"{a.title}: {a.description}" + (f" Tema: {a.theme.label}." if a.theme else "")
        for a in report.ongoing_work
    ]
    deviations = [] if report.deviations or not filled_in(report) else ["Inga avvikelser."]
    deviations += [
        f"{d.category.label}, {d.count} st, {d.status.label.lower()}: {d.description} "
        f"Åtgärd: {d.action}"
        for d in report.deviations
    ]
    sections = [
        _section("Gruppen", group),
        _section("Sammansättning (antal representanter)", members),
        _section("Möten", [f"Planerade: {report.meetings.planned}",
                           f"Genomförda: {report.meetings.held}"]),
        _section("Pågående arbete", work),
        _section("Avvikelser", deviations or [NOT_FILLED_IN]),
        _section("Utvecklingsområden",
                 [f"{t.theme.label}: {t.description}" for t in report.development_areas]),
        _section("Kompetensbehov",
                 [f"{t.theme.label}: {t.description}" for t in report.competence_needs]),
        _section("Stöd från den delregionala gruppen",
                 [_support(s) for s in report.support_wanted]),
        _section("Goda exempel", [f"{g.title}: {g.description}" for g in report.good_examples]),
        _section("Planer för nästa år", list(report.plans)),
        _section("Nyckeltal",
                 [f"{k}: {format_number(v)}" for k, v in report.key_figures.items()]),
    ]
    return AppendixReport(group=name, municipality=report.group.municipality, file=file,
                          sections=sections)
