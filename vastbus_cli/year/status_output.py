"""`vastbus status` as a table, Markdown, JSON or Excel: one row per group, the same in each."""

from __future__ import annotations

import json
from typing import Any

from vastbus_cli.documents.table import Table
from vastbus_cli.privacy import mask_identity_numbers
from vastbus_cli.problems import plural
from vastbus_cli.year.status import State, StatusResult

HEADERS = ["Grupp", "Läge", "Kontakt", "Fil"]
#: the order in which columns give way when the terminal is too narrow for all
DROPPED_FIRST = ("Fil", "Kontakt")


def masked(text: str) -> str:
    """The privacy guard of `compile` on everything `status` shows (`privacy.py`)."""
    return mask_identity_numbers(text)[0]


def title(result: StatusResult) -> str:
    where = result.roster.subregion if result.roster is not None else ""
    return masked(f"Årsberättelser {result.year}{' – ' + where if where else ''}")


def deadline_line(result: StatusResult) -> str:
    """The groups' deadline, once for the whole table: it is the same for every row."""
    from vastbus_cli.documents.dates import date_sv

    days = result.days_left
    when = date_sv(result.deadline)
    if days >= 0:
        return f"Sista dag för grupperna: {when} ({plural(days, 'dag', 'dagar')} kvar)."
    if result.ready:  # every group is done: nothing is late
        return f"Sista dag för grupperna: {when}."
    return f"Sista dag för grupperna: {when} (passerad för {plural(-days, 'dag', 'dagar')} sedan)."


def heading_lines(result: StatusResult) -> list[str]:
    """What the table is about: the groups' deadline, the date it was made."""
    from vastbus_cli.documents.dates import date_sv

    return [deadline_line(result), f"Läget {date_sv(result.today)}."]


def count_line(result: StatusResult) -> str:
    """`15 grupper: 9 klara, 3 med fel, 1 med fält ej ifyllda, 2 inte inkomna.`"""
    counts = result.counts()
    pieces = [(State.READY, "klar", "klara"), (State.ERRORS, "med fel", "med fel"),
              (State.UNFILLED, "med fält ej ifyllda", "med fält ej ifyllda"),
              (State.MISSING, "inte inkommen", "inte inkomna")]
    said = [f"{counts[s]} {one if counts[s] == 1 else many}" for s, one, many in pieces
            if counts[s]]
    total = plural(len(result.rows), "grupp", "grupper")
    return f"{total}: {', '.join(said)}." if said else f"{total}."


def rows(result: StatusResult, files_joined: str = ", ") -> list[list[str]]:
    """A row per group under HEADERS, masked; several files joined by `files_joined`."""
    out = []
    for row in result.rows:
        name = row.group if row.in_roster else f"{row.group} (finns inte i gruppförteckningen)"
        contact = (row.contact.email or row.contact.role or "") if row.contact else ""
        cells = [name, row.state_text(), contact or "ingen kontakt",
                 files_joined.join(row.file_names) or "–"]
        out.append([masked(c) for c in cells])
    return out


def least_width(header: str, cells: list[str]) -> int:
    """The narrowest a column can be without breaking a word, an address or a file name."""
    return max(len(p) for p in [header, *(part for c in cells for part in c.split())])


def fitting_columns(table_rows: list[list[str]], width: int) -> list[int]:
    """Indexes of HEADERS that fit in `width` terminal columns with no word broken: the
    columns in DROPPED_FIRST give way, in that order, until the rest fit (a box table
    takes three characters per column and one more for its edge)."""
    shown = list(range(len(HEADERS)))
    least = [least_width(h, [r[i] for r in table_rows]) for i, h in enumerate(HEADERS)]
    for header in DROPPED_FIRST:
        if sum(least[i] for i in shown) + 3 * len(shown) + 1 <= width:
            break
        shown.remove(HEADERS.index(header))
    return shown


def table(result: StatusResult) -> Table:
    return Table(HEADERS, [list(r) for r in rows(result)], left=True)


def markdown(result: StatusResult) -> str:
    from vastbus_cli.documents.cells import md_cell as cell

    lines = [f"# {cell(title(result))}", "", *heading_lines(result), "", count_line(result), "",
             "| " + " | ".join(HEADERS) + " |", "| " + " | ".join(":---" for _ in HEADERS) + " |"]
    lines += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows(result)]
    return "\n".join(lines) + "\n"


def as_data(result: StatusResult) -> dict[str, Any]:
    """The status for tools and scheduled tasks: codes beside the Swedish texts (masked)."""
    data = {
        "subregion": result.roster.subregion if result.roster is not None else None,
        "year": result.year,
        "date": result.today.isoformat(),
        "deadline": result.deadline.isoformat(),
        "days_left": result.days_left,
        "all_ready": result.ready,
        "groups": [{
            "group": r.group,
            "municipality": r.municipality,
            "in_roster": r.in_roster,
            "state": r.state.value,
            "state_text": r.state_text(),
            "errors": r.errors,
            "unfilled": r.unfilled,
            "warnings": r.warnings,
            "files": r.file_names,
            "contact": None if r.contact is None else {
                "role": r.contact.role, "email": r.contact.email,
                "source": r.contact.source.value},
        } for r in result.rows],
    }
    return _masked_data(data)


def _masked_data(value: Any) -> Any:
    if isinstance(value, str):
        return masked(value)
    if isinstance(value, dict):
        return {k: _masked_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_masked_data(v) for v in value]
    return value


def as_json(result: StatusResult) -> str:
    return json.dumps(as_data(result), ensure_ascii=False, indent=2) + "\n"


def xlsx(result: StatusResult) -> bytes:
    """One sheet, a row per group; days left and the counts as numbers, to sort and filter."""
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Font

    from vastbus_cli.documents.cells import set_text
    from vastbus_cli.documents.excel import save_workbook
    from vastbus_cli.documents.properties import Properties

    wb = Workbook()
    ws = wb.active
    ws.title = "Läget"
    headers = ["Grupp", "Kommun", "Läge", "Fel", "Fält ej ifyllda", "Varningar",
               "Kontakt", "E-post", "Kontakt från", "Fil", "Sista dag", "Dagar kvar"]
    bold = Font(bold=True)
    for col, text in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=col)
        set_text(cell, text)
        cell.font = bold
    for n, r in enumerate(result.rows, start=2):
        values: list[Any] = [
            r.group, r.municipality or "", r.state_text(), r.errors, r.unfilled, r.warnings,
            r.contact.role if r.contact and r.contact.role else "",
            r.contact.email if r.contact and r.contact.email else "",
            r.contact.source.value if r.contact else "", ", ".join(r.file_names),
            result.deadline, "" if r.state is State.READY else result.days_left]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=n, column=col)
            if isinstance(value, str):
                set_text(cell, masked(value))
            else:
                cell.value = value
            if isinstance(value, dt.date):
                cell.number_format = "yyyy-mm-dd"
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    for letter, width in zip("ABCDEFGHIJKL", (18, 14, 34, 6, 14, 10, 40, 30, 24, 36, 12, 11),
                             strict=True):
        ws.column_dimensions[letter].width = width
    props = Properties(title=title(result), author="vastbus", date=result.today,
                       subject="Läget för årsberättelserna", keywords="Västbus; årsberättelser",
                       identifier="", comments="")
    return save_workbook(wb, props)
