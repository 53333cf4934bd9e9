"""E-mail drafts (.eml) for the groups that need to act: the coordinator reviews and sends.

The message itself (recipient, headers, privacy guard) is built by `year/mail.py`.
Nothing here sends anything. A problem is told in the form's words: the field's label
(`Avvikelser, post 2 › Beskrivning`) and the line, not a YAML path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vastbus_cli.problems import Problem
from vastbus_cli.reports.load import Positions, load_file
from vastbus_cli.reports.parse_messages import NOT_FILLED_HINT, subject, where
from vastbus_cli.reports.template import GroupInfo, slug
from vastbus_cli.year.letters import reminder_text, subject_line
from vastbus_cli.year.mail import Attachment, Draft, draft_message, recipient
from vastbus_cli.year.status import GroupStatus, State, StatusResult

Path_ = tuple[str | int, ...]


def label(path: Path_, data: Any = None) -> str:
    """A place in the report in the form's words (`form/assets/js/values.js`, `place`):
    ”Beskrivning” i Avvikelse 2, ”Antal” för BUP, ”Planerade” under Möten,
    Nyckeltalet ”X”, Punkt 1 under Planer nästa år: an entry by its name on the screen
    (`ITEM_TITLES`). `data` (the file as read) names the row of a table section by its
    choice, as the form does."""
    from vastbus_cli.form.fields import ITEM_TITLES, TABLES, readable

    if not path:
        return "Filen"
    section = readable(str(path[0]))
    entry = ITEM_TITLES.get(str(path[0]), section)
    if len(path) == 1:
        return section
    last = path[-1]
    if len(path) == 2 and isinstance(last, int):
        return f"{entry} {last + 1} under {section}"
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
        return f"{name} i {entry} {path[1] + 1}"
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
                  data: Any = None, form: bool = False) -> str:
    """`”Planerade” under Möten (rad 60) är inte ifyllt. …`: the form's words, not a YAML path.

    For a group that uses the form (`form`), no line numbers (it never opened the file as
    text) and the form's hints instead of hints about the file's syntax (`form_hint`)."""
    path = at.get((problem.line, problem.column))
    said = (form_hint(problem.hint) if form else problem.hint) if hint else ""
    hint_text = f" {said}" if said else ""
    line = f"rad {problem.line}" if problem.line else "hela filen"
    if path is not None:
        place = label(path, data)
        at_line = "" if form else f" ({line})"
        for quoted in (where(path), subject(path)):
            if problem.message.startswith(quoted):
                return f"{place}{at_line}{problem.message[len(quoted):]}{hint_text}"
            if quoted in problem.message:
                changed = problem.message.replace(quoted, place, 1)
                return (changed if form else f"{line.capitalize()}: {changed}") + hint_text
        return f"{place}{at_line}: {problem.message}{hint_text}"
    return (problem.message if form else f"{line.capitalize()}: {problem.message}") + hint_text


#: hints about writing the file by hand (quotes, colons, keys, the template's example text)
#: that mean nothing in the form, and what the form's user does instead (form/rules.py)
_FILE_SYNTAX = ("citattecken", "kolon", "'- '", "nyckel", "mallen", "rad ")


def form_hint(hint: str) -> str:
    """Validate's hint in the form's words: fill in the field, choose from the list."""
    if hint == NOT_FILLED_HINT:
        return "Skriv er egen uppgift i fältet."
    if hint.startswith(("Menade du", "Tillåtna värden")):
        return "Välj ett av alternativen i listan."
    return "" if any(word in hint for word in _FILE_SYNTAX) else hint


def problem_lines(row: GroupStatus, form: bool = False) -> list[str]:
    lines: list[str] = []
    hints: set[str] = set()
    for result in row.files:
        loaded = load_file(Path(result.path))  # positions and the rows' choices
        at = paths_at(loaded.positions)
        for p in result.problems:  # a hint said once is enough (24 unfilled fields, one hint)
            lines.append(plain_problem(p, at, hint=p.hint not in hints, data=loaded.data,
                                       form=form))
            hints.add(p.hint)
    return lines


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
        # the form goes to every group that uses it (to open its file in, when it has errors)
        attachment = template_attachment(row, result, form) \
            if form or row.state is State.MISSING else None
        to = recipient(f"Västbus {row.group}", row.contact.email if row.contact else None)
        problems = [] if row.state is State.MISSING else problem_lines(row, form)
        body = reminder_text(row, result, problems, attachment.name if attachment else None,
                             form=form)
        drafts.append(Draft(row.group, draft_name(row, result.year),
                            draft_message(to, subject_line(row, result), body, attachment),
                            addressed=to is not None))
    return drafts
