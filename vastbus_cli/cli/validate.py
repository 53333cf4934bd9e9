"""`vastbus validate`: every mistake in every report, in Swedish, with its position."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from vastbus_cli.cli.app import app
from vastbus_cli.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    fail,
    show_problems,
    write_stdout,
)


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("validate", help="Kontrollera årsberättelser (filer eller mappar) och visa alla fel.")
def validate_command(
    paths: list[Path] = typer.Argument(..., help="Årsberättelser (.yaml) eller mappar med sådana.",
                                       show_default=False, metavar="SÖKVÄGAR"),
    roster: Path | None = typer.Option(
        None, "--roster", "-r",
        help="Gruppförteckning (grupper.yaml). Hämtas automatiskt från en mapp som kontrolleras.",
    ),
    format: ProblemFormat = typer.Option(ProblemFormat.text, "--format", "-f",
                                         help="Utdata: text eller json."),
    strict: bool = typer.Option(False, "--strict", help="Räkna varningar som fel."),
) -> None:
    from vastbus_cli.reports.validate import validate_paths

    result = validate_paths(paths, roster_path=roster)
    problems = result.problems
    if not result.files and not result.failed():  # nothing checked is not "no problems"
        where = ", ".join(str(p) for p in paths)
        fail(f"Det finns inga årsberättelser (.yaml) i {where}.",
             "Ange mappen med årsberättelserna, eller skapa mallar med 'vastbus template'.",
             code=EXIT_PROBLEMS)
    if format is ProblemFormat.json:
        from vastbus_cli.reporters import problems_json

        write_stdout(problems_json(problems, result.summary_line(),
                                   filer=[f.path for f in result.files]))
    else:
        if result.roster is not None:
            write_stdout(f"Gruppförteckning: {result.roster_path} ({result.roster.subregion}, "
                         f"{len(result.roster.names())} grupper)")
        if problems:
            show_problems(problems, result.summary_line(), stderr=False)
        else:
            write_stdout(result.summary_line())
    raise typer.Exit(EXIT_PROBLEMS if result.failed(strict) else EXIT_OK)
