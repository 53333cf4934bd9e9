"""E-mail drafts (.eml) for the groups that need to act: the coordinator reviews and sends.

The message itself (recipient, headers, privacy guard) is built by `year/mail.py`.
Nothing here sends anything. A problem is told in the form's words: the field's label
(`Avvikelser, post 2 › Beskrivning`) and the line, not a YAML path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vastbus_cli.problems import Problem, plural
from vastbus_cli.reports.load import Positions, load_file
from vastbus_cli.reports.parse_messages import subject, where
from vastbus_cli.reports.status import GroupStatus, State, StatusResult
from vastbus_cli.reports.template import GroupInfo, slug
from vastbus_cli.year.mail import Attachment, Draft, draft_message, recipient

Path_ = tuple[str | int, ...]


def label(path: Path_, data: Any = None) -> str:
    """A place in the report in the form's words (`form/assets/js/values.js`, `place`):
    ”Beskrivning” i Avvikelser 2, ”Antal” för BUP, ”Planerade” under Möten,
    Nyckeltalet ”X”, Punkt 1 under Planer nästa år. `data` (the file as read) names the
    row of a table section by its choice, as the form does."""
    from vastbus_cli.form.fields import TABLES, readable

    if not path:
        return "Filen"
    section = readable(str(path[0]))
    if len(path) == 1:
        return section
    last = path[-1]
    if len(path) == 2 and isinstance(last, int):
        return f"Punkt {last + 1} under {section}"
    if len(path) == 2 and path[0] == "nyckeltal":
        return f"Nyckeltalet ”{last}”"
    name = f"”{readable(str(last))}”"
    if len(path) == 2:
        return f"{name} under {section}"
    row_key = TABLES.get(str(path[0]))
    if row_key and last != row_key and isinstance(path[1], int):
        choice = _choice(data, str(path[0]), path[1], row_key)
        if choice:
            return f"{name} för {choice}"
    if isinstance(path[1], int):
        return f"{name} i {section} {path[1] + 1}"
    return f"{name} under {section} › {readable(str(path[1]))}"


def _choice(data: Any, section: str, index: int, key: str) -> str | None:
    """The Swedish label of the choice in row `index` of a table section, if it is one."""
    from vastbus_cli.vocabulary import Organisation

    rows = data.get(section) if isinstance(data, dict) else None
    row = rows[index] if isinstance(rows, list) and 0 <= index < len(rows) else None
    value = row.get(key) if isinstance(row, dict) else None
    found = next((o for o in Organisation if o.value == value), None)
    return found.label if found is not None and key == "organisation" else None


def paths_at(positions: Positions) -> dict[tuple[int, int], Path_]:
    """(line, column) → the deepest path there: values first, then keys."""
    found: dict[tuple[int, int], Path_] = {}
    for table in (positions.values, positions.keys):
        for path, pos in table.items():
            here = found.get(pos)
            if here is None or len(path) > len(here):
                found[pos] = path
    return found


def plain_problem(problem: Problem, at: dict[tuple[int, int], Path_], hint: bool = True,
                  data: Any = None) -> str:
    """`”Planerade” under Möten (rad 60) är inte ifyllt. …`: the form's words, not a YAML path."""
    path = at.get((problem.line, problem.column))
    hint_text = f" {problem.hint}" if problem.hint and hint else ""
    line = f"rad {problem.line}" if problem.line else "hela filen"
    if path is not None:
        place = label(path, data)
        for quoted in (where(path), subject(path)):
            if problem.message.startswith(quoted):
                return f"{place} ({line}){problem.message[len(quoted):]}{hint_text}"
            if quoted in problem.message:
                changed = problem.message.replace(quoted, place, 1)
                return f"{line.capitalize()}: {changed}{hint_text}"
        return f"{place} ({line}): {problem.message}{hint_text}"
    return f"{line.capitalize()}: {problem.message}{hint_text}"


def _problem_lines(row: GroupStatus) -> list[str]:
    lines: list[str] = []
    hints: set[str] = set()
    for result in row.files:
        loaded = load_file(Path(result.path))  # positions and the rows' choices
        at = paths_at(loaded.positions)
        for p in result.problems:  # a hint said once is enough (24 unfilled fields, one hint)
            lines.append(plain_problem(p, at, hint=p.hint not in hints, data=loaded.data))
            hints.add(p.hint)
    return lines


def _signature(result: StatusResult) -> list[str]:
    roster = result.roster
    if roster is None:
        return ["Delregional samordnare för Västbus"]
    return [x for x in (roster.sender or f"Delregional Västbusgrupp {roster.subregion}",
                        roster.coordinator_role) if x]


def _deadline(result: StatusResult) -> str:
    from vastbus_cli.render.common import date_sv

    days = result.days_left
    if days < 0:
        return f"{date_sv(result.deadline)}, och den dagen har passerat"
    return f"{date_sv(result.deadline)} ({plural(days, 'dag', 'dagar')} kvar)"


def reminder_text(row: GroupStatus, result: StatusResult, attachment: str | None) -> str:
    """The letter: short, Swedish, the deadline, and what to do."""
    year = result.year
    lines = ["Hej!", ""]
    if row.state is State.MISSING:
        lines += [f"Vi har ännu inte fått Västbusgruppen {row.group}s årsberättelse för {year}. "
                  f"Sista dag är {_deadline(result)}.", ""]
        if attachment:
            lines += [f"Mallen är bifogad ({attachment}). Fyll i den och skicka den till oss "
                      f"som svar på det här brevet.", ""]
    else:
        problems = _problem_lines(row)
        files = ", ".join(row.file_names)
        lines += [f"Tack för årsberättelsen för {year} ({files}). När vi kontrollerade den "
                  f"hittade vi {plural(len(problems), 'sak', 'saker')} att rätta eller fylla i. "
                  f"Sista dag är {_deadline(result)}.", ""]
        lines += [f"{n}. {text}" for n, text in enumerate(problems, start=1)]
        lines += ["", "Rätta filen och skicka den igen som svar på det här brevet. Filen kan "
                      "kontrolleras med formuläret eller med vastbus validate innan den skickas.",
                  ""]
    return "\n".join([*lines, "Hälsningar", *_signature(result)]) + "\n"


def subject_line(row: GroupStatus, result: StatusResult) -> str:
    what = ("Påminnelse: årsberättelse" if row.state is State.MISSING
            else "Årsberättelse att komplettera")
    from vastbus_cli.render.common import date_sv

    return f"{what} {result.year} – Västbus {row.group} (sista dag {date_sv(result.deadline)})"


def draft_name(row: GroupStatus, year: int) -> str:
    return f"paminnelse-{year}-{slug(row.group)}.eml"


def template_attachment(row: GroupStatus, result: StatusResult, form: bool) -> Attachment:
    """The group's blank template (YAML) or browser form (.html), filled in from the roster."""
    subregion = result.roster.subregion if result.roster is not None else ""
    info = GroupInfo(row.group, row.municipality or row.group, subregion)
    if form:
        from vastbus_cli.form.build import form_file_name, render_form

        return Attachment(form_file_name(info, result.year),
                          render_form(info, result.year).encode("utf-8"), "text", "html")
    from vastbus_cli.reports.template import file_name, render_template

    name = file_name(info, result.year)
    return Attachment(name, render_template(info, result.year, name=name).encode("utf-8"),
                      "application", "yaml")


def reminders(result: StatusResult, form: bool = False) -> list[Draft]:
    """One draft per group that is not ready, in roster order."""
    drafts = []
    for row in result.rows:
        if row.state is State.READY:
            continue
        attachment = template_attachment(row, result, form) if row.state is State.MISSING \
            else None
        to = recipient(f"Västbus {row.group}", row.contact.email if row.contact else None)
        body = reminder_text(row, result, attachment.name if attachment else None)
        drafts.append(Draft(row.group, draft_name(row, result.year),
                            draft_message(to, subject_line(row, result), body, attachment),
                            addressed=to is not None))
    return drafts
