"""`vastbus template`: pre-filled annual-report templates for one group or a whole roster."""

from __future__ import annotations

from pathlib import Path

import typer

from vastbus_cli.cli.app import app
from vastbus_cli.cli.common import (
    EXIT_PROBLEMS,
    check_outputs,
    err_console,
    fail,
    show_problems,
    stdout_or_file,
    write_output,
    write_stdout,
)


@app.command("template", help="Skapa förifyllda mallar för årsberättelsen.")
def template_command(
    year: int = typer.Option(..., "--year", "-y", help="Verksamhetsåret, t.ex. 2025.",
                             show_default=False),
    group: str | None = typer.Option(None, "--group", "-g", help="Gruppens namn."),
    municipality: str | None = typer.Option(None, "--municipality", "-m",
                                            help="Kommun eller stadsdel."),
    subregion: str | None = typer.Option(None, "--subregion", "-s", help="Delregion."),
    roster: Path | None = typer.Option(None, "--roster", "-r",
                                       help="Gruppförteckning: en mall per grupp i en mapp."),
    output: Path | None = typer.Option(None, "--output", "-o",
                                       help="Fil (en grupp) eller mapp (--roster)."),
    force: bool = typer.Option(False, "--force", help="Ersätt befintliga filer."),
) -> None:
    from vastbus_cli.schema import SCHEMA_FILE, report_schema_json
    from vastbus_cli.template import GroupInfo, render_template

    if roster is not None:
        if group or municipality or subregion:
            fail("Ange antingen --roster eller --group/--municipality/--subregion, inte båda.")
        if stdout_or_file(output) is None:
            fail("Med --roster behövs en mapp att skriva mallarna i.", "Lägg till t.ex. -o mallar/")
        assert output is not None
        _from_roster(roster, year, output, force)
        return
    if not (group and municipality and subregion):
        fail("Ange --group, --municipality och --subregion (eller --roster).",
             'Exempel: vastbus template --group "Skövde" --municipality Skövde '
             "--subregion Skaraborg --year 2025")
    info = GroupInfo(group, municipality, subregion)
    output = stdout_or_file(output)
    if output is None:
        write_stdout(render_template(info, year))
        return
    write_output(output, render_template(info, year, name=output.name).encode("utf-8"), force)
    _write_schema_beside(output.parent, report_schema_json(), SCHEMA_FILE)


def _from_roster(roster_path: Path, year: int, folder: Path, force: bool) -> None:
    from vastbus_cli.roster import load_roster
    from vastbus_cli.schema import SCHEMA_FILE, report_schema_json
    from vastbus_cli.template import GroupInfo, file_name, render_template

    roster, problems, _ = load_roster(roster_path)
    if roster is None:
        show_problems(problems, "Gruppförteckningen kan inte läsas; inga mallar skrevs.")
        raise typer.Exit(EXIT_PROBLEMS)
    targets = [(folder / file_name(GroupInfo(g.name, g.municipality, roster.subregion), year),
                GroupInfo(g.name, g.municipality, roster.subregion)) for g in roster.groups]
    names = [t.name for t, _ in targets]
    if len(set(names)) != len(names):
        fail("Två grupper i förteckningen ger samma filnamn.", "Ge grupperna olika namn.")
    # refuse before writing anything, so a run never stops half-way
    check_outputs(*(target for target, _ in targets), force=force, inputs=[roster_path])
    for target, info in targets:
        write_output(target, render_template(info, year).encode("utf-8"), force, [roster_path])
    _write_schema_beside(folder, report_schema_json(), SCHEMA_FILE, [roster_path])
    err_console().print(f"{len(targets)} mallar skrevs till {folder}/.")


def _write_schema_beside(folder: Path, text: str, name: str,
                         inputs: list[Path] | None = None) -> None:
    """The schema the templates point at, so editors validate while the user types.

    It is generated, so an identical copy is left alone and an older one replaced.
    """
    target = folder / name
    if target.is_file() and not target.is_symlink() and \
            target.read_text(encoding="utf-8", errors="replace") == text:
        return
    write_output(target, text.encode("utf-8"), force=True, inputs=inputs or [])
