"""`vastbus status` as a table, Markdown, JSON or Excel: one row per group, the same in each."""

from __future__ import annotations

import json
from typing import Any

from vastbus_cli.documents.table import Table
from vastbus_cli.problems import plural
from vastbus_cli.reports.status import State, StatusResult

HEADERS = ["Grupp", "Läge", "Kontakt", "Fil", "Dagar kvar"]
FORMATS = ("table", "md", "json", "xlsx")


def days_text(days: int) -> str:
    if days < 0:
        return f"passerad ({plural(-days, 'dag', 'dagar')} sedan)"
    return str(days)


def title(result: StatusResult) -> str:
    where = result.roster.subregion if result.roster is not None else ""
    return f"Årsberättelser {result.year}{' – ' + where if where else ''}"


def heading_lines(result: StatusResult) -> list[str]:
    """What the table is about: the deadline and the days left, the date it was made."""
    from vastbus_cli.render.common import date_sv

    days = result.days_left
    when = (f"{date_sv(result.deadline)} ({plural(days, 'dag', 'dagar')} kvar)" if days >= 0
            else f"{date_sv(result.deadline)} (passerad för {plural(-days, 'dag', 'dagar')} sedan)")
    return [f"Sista dag: {when}.", f"Läget {date_sv(result.today)}."]


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


def rows(result: StatusResult) -> list[list[str]]:
    days = days_text(result.days_left)
    out = []
    for row in result.rows:
        name = row.group if row.in_roster else f"{row.group} (finns inte i gruppförteckningen)"
        contact = (row.contact.email or row.contact.role or "") if row.contact else ""
        out.append([name, row.state_text(), contact or "ingen kontakt",
                    ", ".join(row.file_names) or "–", days])
    return out


def table(result: StatusResult) -> Table:
    return Table(HEADERS, [list(r) for r in rows(result)], left=True)


def markdown(result: StatusResult) -> str:
    from vastbus_cli.render.cells import md_cell as cell

    lines = [f"# {cell(title(result))}", "", *heading_lines(result), "", count_line(result), "",
             "| " + " | ".join(HEADERS) + " |", "| " + " | ".join(":---" for _ in HEADERS) + " |"]
    lines += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows(result)]
    return "\n".join(lines) + "\n"


def as_data(result: StatusResult) -> dict[str, Any]:
    """The status for tools and scheduled tasks: codes beside the Swedish texts."""
    return {
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


def as_json(result: StatusResult) -> str:
    return json.dumps(as_data(result), ensure_ascii=False, indent=2) + "\n"


def xlsx(result: StatusResult) -> bytes:
    """One sheet, a row per group; days left and the counts as numbers, to sort and filter."""
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Font

    from vastbus_cli.documents.excel import save_workbook
    from vastbus_cli.documents.properties import Properties
    from vastbus_cli.render.cells import set_text

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
            result.deadline, result.days_left]
        for col, value in enumerate(values, start=1):
            cell = ws.cell(row=n, column=col)
            if isinstance(value, str):
                set_text(cell, value)
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
