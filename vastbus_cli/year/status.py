"""Where each group of the roster stands before the deadline: the data behind `vastbus status`.

The weeks before the summary are spent chasing reports: who has sent, whose file
has errors, who has left half of the template unfilled. All of that follows from
the validate pipeline run over the folder, so a report is judged exactly as
`validate` and `compile` judge it; this module only sorts the result by group.
It never prints.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from vastbus_cli.placeholder import is_placeholder
from vastbus_cli.problems import Problem, plural
from vastbus_cli.reports.load import load_file
from vastbus_cli.reports.parse_messages import NOT_FILLED
from vastbus_cli.reports.roster import Roster, group_key, groups_deadline
from vastbus_cli.reports.validate import FileResult, ValidationResult, validate_paths


class State(str, Enum):
    """A group's state, worst first; the value is the stable code in the JSON."""

    MISSING = "inte-inkommen"
    ERRORS = "fel"
    UNFILLED = "ej-ifylld"
    READY = "klar"


class ContactSource(str, Enum):
    ROSTER = "gruppförteckningen"
    REPORT = "årsberättelsen"
    PREVIOUS = "förra årets årsberättelse"


@dataclass(frozen=True)
class Contact:
    role: str | None
    email: str | None
    source: ContactSource

    def text(self) -> str:
        return " ".join(x for x in (self.role, f"<{self.email}>" if self.email else None) if x)


@dataclass
class GroupStatus:
    """One row: a group of the roster (or a file naming a group the roster lacks)."""

    group: str
    municipality: str | None
    in_roster: bool
    files: list[FileResult] = field(default_factory=list)
    contact: Contact | None = None

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    @property
    def unfilled(self) -> int:
        return sum(p.code == NOT_FILLED for p in self.problems)

    @property
    def errors(self) -> int:
        """Errors other than fields left unfilled (those are counted apart)."""
        return sum(p.is_error and p.code != NOT_FILLED for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(not p.is_error for p in self.problems)

    @property
    def state(self) -> State:
        if not self.files:
            return State.MISSING
        if self.errors:
            return State.ERRORS
        if self.unfilled:
            return State.UNFILLED
        return State.READY

    def state_text(self) -> str:
        """The state in the coordinator's words: `inkommen med 2 fel`."""
        state = self.state
        if state is State.MISSING:
            return "inte inkommen"
        if state is State.READY:
            return "klar"
        unfilled = (f"{self.unfilled} fält ej ifyllda" if self.unfilled > 1
                    else "1 fält ej ifyllt") if self.unfilled else ""
        if not self.errors:
            return f"inkommen, {unfilled}"
        errors = f"inkommen med {plural(self.errors, 'fel', 'fel')}"
        return f"{errors}, {unfilled}" if unfilled else errors

    @property
    def file_names(self) -> list[str]:
        return [Path(f.path).name for f in self.files]


@dataclass
class StatusResult:
    validation: ValidationResult
    today: dt.date
    year: int
    deadline: dt.date
    rows: list[GroupStatus]

    @property
    def roster(self) -> Roster | None:
        return self.validation.roster

    @property
    def days_left(self) -> int:
        return (self.deadline - self.today).days

    @property
    def ready(self) -> bool:
        return bool(self.rows) and all(r.state is State.READY for r in self.rows)

    def counts(self) -> Counter[State]:
        return Counter(r.state for r in self.rows)


def group_name_in(data: Any) -> str | None:
    """The group a report names (`grupp: namn:`), if that much can be read."""
    group = data.get("grupp") if isinstance(data, dict) else None
    name = group.get("namn") if isinstance(group, dict) else None
    return name.strip() if isinstance(name, str) and name.strip() else None


def _file_group(result: FileResult) -> tuple[str | None, Contact | None, int | None]:
    """The group, contact and year a file names: from the model, or read loosely when it failed."""
    if result.report is not None:
        report = result.report.report
        contact = (Contact(report.contact.role, report.contact.email, ContactSource.REPORT)
                   if report.contact else None)
        return report.group.name, contact, report.year
    data = load_file(Path(result.path)).data
    raw = data.get("kontakt") if isinstance(data, dict) else None
    contact = None
    if isinstance(raw, dict):
        role, email = _text(raw.get("roll")), _text(raw.get("epost"))
        email = email if email and sendable(email) else None
        if role or email:
            contact = Contact(role, email, ContactSource.REPORT)
    year = data.get("år") if isinstance(data, dict) else None
    return group_name_in(data), contact, year if isinstance(year, int) else None


def sendable(email: str) -> bool:
    """An address a letter can go to, as the report's own Email type checks it."""
    from vastbus_cli.year.addresses import AddressError, mail_address

    try:
        mail_address(email)
    except AddressError:
        return False
    return True


def _text(value: Any) -> str | None:
    """A text the group wrote, not the template's placeholder."""
    if not isinstance(value, str) or not value.strip() or is_placeholder(value):
        return None
    return value.strip()


def _previous_contacts(previous: Path | None, today: dt.date) -> dict[str, Contact]:
    """Last year's contacts by group, for groups that have not sent a report this year."""
    if previous is None:
        return {}
    found: dict[str, Contact] = {}
    for rf in validate_paths([previous], today=today).reports():
        c = rf.report.contact
        if c is not None:
            found.setdefault(group_key(rf.report.group.name),
                             Contact(c.role, c.email, ContactSource.PREVIOUS))
    return found


def _best(*contacts: Contact | None) -> Contact | None:
    """The first contact with an address; otherwise the first with anything at all."""
    present = [c for c in contacts if c is not None]
    return next((c for c in present if c.email), present[0] if present else None)


def group_status(
    folder: Path,
    *,
    roster: Path | None = None,
    previous: Path | None = None,
    today: dt.date | None = None,
    progress: Callable[[Path], None] | None = None,
) -> StatusResult:
    """Validate the folder and sort the result into one row per roster group.

    Files naming a group the roster lacks (or no readable group) follow as rows of
    their own, so nothing handed in is hidden. The deadline is the groups' own: the
    roster's `sista_dag_grupper`, or 1 March after the reports' year (the year most
    reports give; without reports, the year before `today`). The summary's 1 June is
    `compile`'s.
    """
    today = today or dt.date.today()
    validation = validate_paths([folder], roster_path=roster, today=today, progress=progress)
    listed = validation.roster.groups if validation.roster is not None else []
    rows: dict[str, GroupStatus] = {}
    for g in listed:
        rows.setdefault(group_key(g.name), GroupStatus(
            g.name, g.municipality, True,
            contact=Contact(g.contact, g.email, ContactSource.ROSTER)
            if g.contact or g.email else None))
    years: Counter[int] = Counter()
    for result in validation.files:
        name, contact, year = _file_group(result)
        if year is not None:
            years[year] += 1
        key = group_key(name) if name else f"\0{result.path}"
        row = rows.get(key)
        if row is None:
            row = rows[key] = GroupStatus(name or Path(result.path).stem, None, False)
        row.files.append(result)
        if contact is not None and (row.contact is None or not row.contact.email):
            row.contact = _best(row.contact, contact)
    last_year = _previous_contacts(previous, today)
    for key, row in rows.items():
        if row.contact is None or not row.contact.email:
            row.contact = _best(row.contact, last_year.get(key))
    year = years.most_common(1)[0][0] if years else today.year - 1
    deadline = (validation.roster.groups_deadline_for(year) if validation.roster is not None
                else groups_deadline(year))
    return StatusResult(validation, today, year, deadline, list(rows.values()))
