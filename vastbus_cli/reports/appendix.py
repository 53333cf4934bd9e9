"""Each group's report in full, as titled lists of Swedish lines for the summary's appendix.

The appendix is the one place where a whole report is shown; turning it into
plain lines here means every renderer prints it the same way.
"""

from __future__ import annotations

from vastbus_cli.reports.merge_deviations import filled_in
from vastbus_cli.reports.model import Report, SupportItem, support_text, support_theme
from vastbus_cli.reports.summary import AppendixReport, AppendixSection, format_number

NOT_FILLED_IN = "Ej ifyllt (avsnittet saknas i årsberättelsen)."


def _sentence(text: str) -> str:
    """A full stop after the group's text, so that "Tema: …" starts a sentence of its own."""
    text = text.rstrip()
    return text if not text or text[-1] in ".!?…:" else text + "."


def _with_theme(text: str, theme: str | None) -> str:
    return f"{_sentence(text)} Tema: {theme}." if theme else text


def _support(item: str | SupportItem) -> str:
    theme = support_theme(item)
    return _with_theme(support_text(item), theme.label if theme else None)


def _count(n: int) -> str:
    return f"{n} {'avvikelse' if n == 1 else 'avvikelser'}"


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
    work = [_with_theme(f"{a.title}: {a.description}", a.theme.label if a.theme else None)
            for a in report.ongoing_work]
    deviations = [] if report.deviations or not filled_in(report) else ["Inga avvikelser."]
    deviations += [
        f"{d.category.label}: {_count(d.count)}, {d.status.label.lower()}. "
        f"{_sentence(d.description)} Åtgärd: {_sentence(d.action)}"
        for d in report.deviations
    ]
    sections = [
        ("Gruppen", group),
        ("Sammansättning (antal representanter)", members),
        ("Möten", [f"Planerade: {report.meetings.planned}",
                   f"Genomförda: {report.meetings.held}"]),
        ("Pågående arbete", work),
        ("Avvikelser", deviations or [NOT_FILLED_IN]),
        ("Utvecklingsområden",
         [f"{t.theme.label}: {t.description}" for t in report.development_areas]),
        ("Kompetensbehov", [f"{t.theme.label}: {t.description}" for t in report.competence_needs]),
        ("Stöd från den delregionala gruppen", [_support(s) for s in report.support_wanted]),
        ("Goda exempel", [f"{g.title}: {g.description}" for g in report.good_examples]),
        ("Planer för nästa år", list(report.plans)),
        ("Nyckeltal", [f"{k}: {format_number(v)}" for k, v in report.key_figures.items()]),
    ]
    # a section the group left empty is left out: "Inget angivet." under a heading says nothing
    return AppendixReport(group=name, municipality=report.group.municipality, file=file,
                          sections=[AppendixSection(title=t, items=items)
                                    for t, items in sections if items])
