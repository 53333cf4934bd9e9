"""`vastbus status`: which groups of the roster have sent a report, and in what state.

The exit code says whether every group is ready (0) or not (1), so the command can
run in a scheduled task; 2 is a usage error, as everywhere.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from vastbus_cli.cli.app import app
from vastbus_cli.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    check_outputs,
    err_console,
    fail,
    out_console,
    parse_date,
    show_problems,
    stdout_or_file,
    write_output,
    write_stdout,
)
from vastbus_cli.documents.phrases import names
from vastbus_cli.formats import STATUS, choices, extension_list, files, for_path

if TYPE_CHECKING:
    from vastbus_cli.year.status import StatusResult


if TYPE_CHECKING:
    class StatusFormat(str, Enum):
        """What mypy sees; at run time the members are the rows of `formats.STATUS`."""
else:
    StatusFormat = choices("StatusFormat", STATUS)

_SHOWN = [f"{f.name} (skärmen)" if f.terminal else f.name for f in STATUS.values()]


@app.command("status", help="Visa läget för årsberättelserna: en rad per grupp i "
                            "gruppförteckningen (inte inkommen, fel, fält ej ifyllda, klar), "
                            "kontakt och fil, och dagar kvar till gruppernas sista dag. Slutkod 0 när alla är "
                            "klara, 1 annars.")
def status_command(
    folder: Path = typer.Argument(..., help="Mappen med årets årsberättelser (.yaml).",
                                  show_default=False, metavar="MAPP"),
    roster: Path | None = typer.Option(
        None, "--roster", "-r",
        help="Gruppförteckning (grupper.yaml). Hämtas automatiskt ur mappen."),
    previous: Path | None = typer.Option(
        None, "--previous", "-p",
        help="Mappen med förra årets årsberättelser: kontakt för grupper som inte har skickat."),
    date: str | None = typer.Option(
        None, "--date", "-d", metavar="ÅÅÅÅ-MM-DD",
        help="Dagens datum för dagar kvar (standard: i dag)."),
    format: StatusFormat | None = typer.Option(
        None, "--format", "-f",
        help=f"Format: {names(_SHOWN, 'eller')} (går före filändelsen)."),
    output: Path | None = typer.Option(
        None, "--output", "-o",
        help=f"Fil att skriva ({', '.join(f.extension for f in files(STATUS))}). "
             "Utan -o: skärmen."),
    drafts: Path | None = typer.Option(
        None, "--drafts", metavar="UTGÅNG/",
        help="Skriv ett e-postutkast (.eml) per grupp som behöver göra något: påminnelse med "
             "sista dag och felen i filen, eller mallen bifogad. Inget skickas."),
    form: bool = typer.Option(
        False, "--form", help="Bifoga formuläret (.html) i stället för YAML-mallen i utkasten; "
                              "breven säger hur det fylls i och att den sparade .yaml-filen "
                              "skickas tillbaka."),
    force: bool = typer.Option(False, "--force", help="Ersätt befintliga utdatafiler och utkast."),
) -> None:
    from vastbus_cli.paths import path_problem

    fmt = _choose_format(format, output)
    output = stdout_or_file(output)
    row = STATUS[fmt]
    if row.binary and output is None:
        fail(f"Formatet {fmt} kan inte skrivas till skärmen.", "Ange en fil med -o, t.ex. "
             f"-o läget{row.extension}.")
    if row.terminal and output is not None:
        fail("Tabellen visas bara på skärmen.",
             f"Välj {extension_list(files(STATUS))} för en fil.")
    today = parse_date(date)
    for path, what, want in ((folder, "Mappen", "mapp"), (previous, "Mappen för förra året", "mapp"),
                             (roster, "Gruppförteckningen", "fil")):
        wrong = path_problem(path, want) if path is not None else None
        if wrong is not None:
            fail(f"{what}: {wrong}", "Kontrollera sökvägen.")
    from vastbus_cli.reports.validate import input_files
    from vastbus_cli.year.status import group_status

    inputs = [*input_files([folder], roster), *(input_files([previous]) if previous else [])]
    if output is not None:
        check_outputs(output, force=force, inputs=inputs)
    result = group_status(folder, roster=roster, previous=previous, today=today)
    general = result.validation.general
    if general:
        show_problems(general, result.validation.summary_line(general))
    if result.roster is None:
        if result.validation.roster_path is None:
            fail(f"Det finns ingen gruppförteckning (grupper.yaml) i {folder}.",
                 "Lägg grupper.yaml i mappen eller ange den med --roster.")
        fail("Gruppförteckningen kan inte läsas; läget kan inte visas.", code=EXIT_PROBLEMS)
    _show(result, fmt, output, force, inputs)
    if drafts is not None:
        from vastbus_cli.cli.drafts import write_reminders

        write_reminders(result, drafts, force=force, form=form, inputs=inputs)
    raise typer.Exit(EXIT_OK if result.ready else EXIT_PROBLEMS)


def _choose_format(option: StatusFormat | None, output: Path | None) -> str:
    from vastbus_cli.output import is_stdout

    if option is not None:
        return str(option.value)
    if output is None or is_stdout(output):
        return "table"
    found = for_path(STATUS, output)
    if found is None:
        fail(f"Okänd filändelse för {output}.",
             f"Använd {extension_list(files(STATUS))}, eller ange --format.")
    return found.name


def _show(result: StatusResult, fmt: str, output: Path | None, force: bool,
          inputs: list[Path]) -> None:
    from vastbus_cli.year import status_output

    if fmt == "table":
        _terminal(result)
        return
    data: bytes
    if fmt == "xlsx":
        data = status_output.xlsx(result)
    else:
        text = status_output.markdown(result) if fmt == "md" else status_output.as_json(result)
        if output is None:
            write_stdout(text)
            return
        data = text.encode("utf-8")
    assert output is not None
    write_output(output, data, force, inputs)
    err_console().print(f"Läget skrevs till {output}. {status_output.count_line(result)}",
                        highlight=False)


STYLES = {"inte-inkommen": "red", "fel": "red", "ej-ifylld": "yellow", "klar": "green"}


def _terminal(result: StatusResult) -> None:
    """Title and deadline above the table, the counts below; columns that do not fit the
    terminal without breaking an address or a file name are left out (`fitting_columns`), and
    each column is as wide as its longest word, so rich wraps at spaces and never inside one."""
    from rich.table import Table
    from rich.text import Text

    from vastbus_cli.reporters import visible
    from vastbus_cli.year import status_output

    console = out_console()
    cells = [[visible(c) for c in r] for r in status_output.rows(result, files_joined="\n")]
    shown = status_output.fitting_columns(cells, console.width)
    console.print(Text(visible(status_output.title(result)), style="bold"))
    for line in status_output.heading_lines(result):
        console.print(line, highlight=False)
    table = Table()
    for i in shown:
        header = status_output.HEADERS[i]
        table.add_column(header, min_width=status_output.least_width(header, [c[i] for c in cells]))
    for row, row_cells in zip(result.rows, cells, strict=True):
        # Text, not markup: a role written as '[red]' in a report is shown as written
        table.add_row(*(Text(row_cells[i]) for i in shown), style=STYLES[row.state.value])
    console.print(table)
    left_out = [status_output.HEADERS[i] for i in range(len(status_output.HEADERS))
                if i not in shown]
    if left_out:
        console.print(f"({' och '.join(left_out)} får inte plats i fönstret; se -o läget.xlsx.)",
                      highlight=False)
    console.print(status_output.count_line(result), highlight=False)
