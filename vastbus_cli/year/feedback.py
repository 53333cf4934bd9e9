"""Feedback after compile: one short letter per group, what its report added and what was unclear.

Read from the `Summary` (what the group's report contributed, in the words the summary
uses) and from the group's own file (the warnings validate gave it). The letters are
drafts in the same form as the reminders (`drafts.py`); nothing is sent.
"""

from __future__ import annotations

from collections.abc import Iterable

from vastbus_cli.problems import plural
from vastbus_cli.reports.compile import CompileResult
from vastbus_cli.reports.roster import group_key
from vastbus_cli.reports.summary import Part, Summary, ThemeBlock
from vastbus_cli.reports.template import slug
from vastbus_cli.year.drafts import paths_at, plain_problem
from vastbus_cli.year.letters import whose
from vastbus_cli.year.mail import Draft, draft_message, recipient


def _mine(blocks: Iterable[ThemeBlock], group: str) -> list[str]:
    """The themes under which `group` wrote something, by label ('utan tema' last)."""
    return [b.theme.label if b.theme else "utan tema"
            for b in blocks if group in b.groups or any(e.group == group for e in b.entries)]


def _count(blocks: Iterable[ThemeBlock], group: str) -> int:
    return sum(e.group == group for b in blocks for e in b.entries)


def contributed(part: Part, group: str) -> list[str]:
    """What the group's report added to the summary, one line per section it filled in."""
    from vastbus_cli.documents.phrases import names

    lines = []
    row = next(r for r in part.overview.groups if r.name == group)
    lines.append(f"Möten: {row.meetings_held} genomförda av {row.meetings_planned} planerade; "
                 f"{plural(row.representatives, 'representant', 'representanter')} från "
                 f"{plural(row.organisations, 'organisation', 'organisationer')}.")
    for title, blocks in (("Pågående arbete", part.work),
                          ("Utvecklingsområden", part.development_areas),
                          ("Kompetensbehov", part.competence_needs)):
        n = _count(blocks, group)
        if n:
            lines.append(f"{title}: {plural(n, 'punkt', 'punkter')} "
                         f"({names(_mine(blocks, group))}).")
    d = part.deviations
    mine = next((g for g in d.by_group if g.group == group), None)
    if mine is not None and mine.total:
        per = [f"{c.category.label} {n}" for c, n in zip(d.categories, mine.counts, strict=True)
               if n]
        lines.append(f"Avvikelser: {mine.total} ({'; '.join(per)}).")
        flagged = [c for c, n in zip(d.categories, mine.counts, strict=True)
                   if n and c.recurring]
        for c in flagged:
            lines.append(f"Kategorin ”{c.category.label}” finns i {len(c.groups)} grupper och "
                         "är med bland de möjliga övergripande systemfelen som lyfts till "
                         "regional nivå.")
    raised = [e for e in d.raised if e.group == group]
    if raised:
        lines.append(f"Lyfta till delregional nivå: {plural(len(raised), 'avvikelse', 'avvikelser')}"
                     f" ({'; '.join(e.category.label for e in raised)}).")
    for title, count in (
            ("Önskat stöd från den delregionala gruppen",
             sum(e.group == group for e in part.support_wanted)),
            ("Goda exempel", sum(e.group == group for e in part.good_examples)),
            ("Planer för nästa år", sum(e.group == group for e in part.plans)),
            ("Nyckeltal", sum(group in k.values for k in part.key_figures))):
        if count:
            lines.append(f"{title}: {count}.")
    return lines


def unclear(part: Part, group: str) -> list[str]:
    """What the summary could not use as the group meant it (beside the file's warnings)."""
    lines = []
    mine = next((g for g in part.deviations.by_group if g.group == group), None)
    if mine is not None and not mine.filled_in:
        lines.append("Avsnittet om avvikelser saknas i berättelsen, så vi vet inte om ni hade "
                     "några. Skriv 'avvikelser: []' om det inte fanns några.")
    untitled = sum(e.group == group for b in part.work if b.theme is None for e in b.entries)
    if untitled:
        lines.append(f"{plural(untitled, 'punkt', 'punkter')} i pågående arbete saknar tema och "
                     "redovisas därför under 'Utan tema'.")
    for gap in part.composition.gaps:
        if gap.expected and group in gap.missing_in:
            lines.append(f"Gruppen har ingen representant från {gap.organisation.label} "
                         "(en av de organisationer varje grupp väntas ha).")
    return lines


def feedback_text(summary: Summary, part: Part, group: str, notes: list[str],
                  signature: list[str]) -> str:
    lines = ["Hej!", "",
             f"Tack för årsberättelsen för {summary.year} {whose(group)}. Den är nu med "
             f"i den delregionala sammanställningen för {part.subregion}. Det här kom med från "
             "er berättelse:", ""]
    lines += [f"- {line}" for line in contributed(part, group)]
    todo = unclear(part, group) + notes
    if todo:
        lines += ["", "Det här var oklart eller kan bli tydligare nästa år:", ""]
        lines += [f"- {line}" for line in todo]
    return "\n".join([*lines, "", "Hälsningar", *signature]) + "\n"


def _saved_by_form(path: str) -> bool:
    """A group whose file the form saved never saw its lines: its letter names fields only."""
    from pathlib import Path

    from vastbus_cli.form import saved_by_form

    try:
        return saved_by_form(Path(path).read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return False


def feedback(compiled: CompileResult) -> list[Draft]:
    """One draft per group in the summary, addressed as the reminders are."""
    from vastbus_cli.render.common import author

    summary = compiled.summary
    if summary is None:
        return []
    roster = compiled.validation.roster
    signature = [x for x in (author(summary), summary.coordinator_role) if x]
    by_group = {group_key(f.report.report.group.name): f for f in compiled.validation.files
                if f.report is not None}
    drafts = []
    for part in summary.parts:
        for group in part.groups:
            file = by_group.get(group_key(group))
            listed = roster.find(group) if roster is not None else None
            email = (listed.email if listed is not None else None) or (
                file.report.report.contact.email
                if file is not None and file.report is not None and file.report.report.contact
                else None)
            notes: list[str] = []
            if file is not None and file.report is not None:
                at = paths_at(file.report.positions)
                form = _saved_by_form(file.path)
                notes = [plain_problem(p, at, form=form) for p in file.problems
                         if not p.is_error]
            body = feedback_text(summary, part, group, notes, signature)
            title = f"Tack för årsberättelsen för {summary.year} {whose(group)}"
            to = recipient(f"Västbus {group}", email)
            drafts.append(Draft(group, f"aterkoppling-{summary.year}-{slug(group)}.eml",
                                draft_message(to, title, body), addressed=to is not None))
    return drafts
