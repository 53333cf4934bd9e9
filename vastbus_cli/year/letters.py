"""The reminders' words: what a local group reads in a draft from `status --drafts`.

A letter names the groups' own deadline (1 March by default, `sista_dag_grupper` in the
roster), never the summary's 1 June: a group that sends on 1 June makes the coordinator
late by definition. A group that uses the browser form is told what to do in the form's
words (its buttons *Spara årsberättelsen* and *Öppna en årsberättelse*, its field labels)
and to send back the .yaml file the form saves, not the .html: the answers typed into the
form stay in that browser.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vastbus_cli.problems import plural

if TYPE_CHECKING:
    from vastbus_cli.year.status import GroupStatus, StatusResult

SAVE = "Spara årsberättelsen"
OPEN = "Öppna en årsberättelse"


def whose(group: str) -> str:
    """`från Västbusgruppen i Karlsborg`: the report named by its group, as Swedish says it."""
    return f"från Västbusgruppen i {group}"


def signature(result: StatusResult) -> list[str]:
    roster = result.roster
    if roster is None:
        return ["Delregional samordnare för Västbus"]
    return [x for x in (roster.sender or f"Delregional Västbusgrupp {roster.subregion}",
                        roster.coordinator_role) if x]


def deadline_sentence(result: StatusResult) -> str:
    """`Sista dag är 1 mars 2026 (12 dagar kvar).` or, once passed, a request to send soon."""
    from vastbus_cli.documents.dates import date_sv

    days = result.days_left
    if days < 0:
        return (f"Sista dag var {date_sv(result.deadline)}, så vi är tacksamma om ni kan "
                "skicka den så snart som möjligt.")
    return f"Sista dag är {date_sv(result.deadline)} ({plural(days, 'dag', 'dagar')} kvar)."


def form_steps(form_name: str, saved_name: str) -> list[str]:
    """How to fill in the attached form and what to send back (the .yaml, not the .html)."""
    return [
        f"1. Spara den bifogade filen {form_name} och öppna den med ett dubbelklick. Den "
        "öppnas i webbläsaren (Edge, Chrome eller Firefox) och behöver ingen installation.",
        "2. Fyll i fälten. Formuläret visar direkt vid fältet om något saknas eller är fel.",
        f"3. Klicka på {SAVE}. Då laddas filen {saved_name} ner, oftast till mappen "
        "Hämtade filer.",
        f"4. Skicka filen {saved_name} till oss som svar på det här brevet. Skicka inte "
        f"formuläret ({form_name}): det ni skriver i det sparas bara i er webbläsare.",
    ]


def reminder_text(row: GroupStatus, result: StatusResult, problems: list[str],
                  attachment: str | None, form: bool = False) -> str:
    """The letter: short, Swedish, the groups' deadline, and what to do."""
    year = result.year
    saved = saved_name(row, result)
    lines = ["Hej!", ""]
    if not problems and not row.files:
        lines += [f"Vi har ännu inte fått årsberättelsen för {year} {whose(row.group)}. "
                  f"{deadline_sentence(result)}", ""]
        if attachment and form:
            lines += ["Formuläret för årsberättelsen är bifogat. Så här gör ni:", "",
                      *form_steps(attachment, saved), ""]
        elif attachment:
            lines += [f"Mallen är bifogad ({attachment}). Fyll i den och skicka den till oss "
                      "som svar på det här brevet.", ""]
    else:
        files = ", ".join(row.file_names)
        lines += [f"Tack för årsberättelsen för {year} ({files}). När vi kontrollerade den "
                  f"hittade vi {plural(len(problems), 'sak', 'saker')} att rätta eller fylla i. "
                  f"{deadline_sentence(result)}", ""]
        lines += [f"{n}. {text}" for n, text in enumerate(problems, start=1)]
        lines += [""]
        if form:
            lines += [f"Så här rättar ni: öppna formuläret{f' ({attachment}, bifogat)' if attachment else ''}"
                      f" och klicka på {OPEN}. Välj filen {files} som ni skickade; formuläret "
                      f"visar samma saker vid fälten. Rätta dem, klicka på {SAVE} och skicka den "
                      f"nya filen {saved} till oss som svar på det här brevet (inte formuläret).",
                      ""]
        else:
            lines += ["Rätta filen och skicka den igen som svar på det här brevet. Innan ni "
                      "skickar den kan ni kontrollera den med vastbus validate, eller i "
                      f"formuläret: klicka på {OPEN} och välj filen. Formuläret visar då "
                      "vid varje fält vad som saknas eller är fel.", ""]
    return "\n".join([*lines, "Hälsningar", *signature(result)]) + "\n"


def saved_name(row: GroupStatus, result: StatusResult) -> str:
    """The file the form saves for this group (`template.file_name`)."""
    from vastbus_cli.reports.template import GroupInfo, file_name

    return file_name(GroupInfo(row.group, row.municipality or row.group, ""), result.year)


def subject_line(row: GroupStatus, result: StatusResult) -> str:
    """`Påminnelse: årsberättelsen för 2025 från Västbusgruppen i Karlsborg, senast 1 mars 2026`."""
    from vastbus_cli.documents.dates import date_sv

    by = f", senast {date_sv(result.deadline)}" if result.days_left >= 0 else ""
    if not row.files:
        return f"Påminnelse: årsberättelsen för {result.year} {whose(row.group)}{by}"
    return (f"Årsberättelsen för {result.year} {whose(row.group)}: några saker att rätta"
            f"{by}")
