"""`vastbus template`: pre-filled annual-report templates for one group or a whole roster."""

from __future__ import annotations

from pathlib import Path

import typer

from vastbus_cli.cli.app import app
from vastbus_cli.cli.common import (
    EXIT_PROBLEMS,
    check_one_line,
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
    force: bool = typer.Option(
        False, "--force",
        help="Ersätt befintliga filer som fortfarande är tomma mallar; årsberättelser som "
             "grupperna har fyllt i lämnas orörda."),
    overwrite_filled: bool = typer.Option(
        False, "--overwrite-filled",
        help="Ersätt även årsberättelser som grupperna redan har fyllt i med tomma mallar "
             "(deras text går förlorad)."),
    form: bool = typer.Option(False, "--form",
                              help="Skapa ett formulär (.html) att fylla i i webbläsaren i stället "
                                   "för en YAML-mall."),
) -> None:
    from vastbus_cli.reports.schema import SCHEMA_FILE, report_schema_json
    from vastbus_cli.reports.template import GroupInfo, render_template

    if roster is not None:
        if group or municipality or subregion:
            fail("Ange antingen --roster eller --group/--municipality/--subregion, inte båda.")
        if stdout_or_file(output) is None:
            fail("Med --roster behövs en mapp att skriva mallarna i.", "Lägg till t.ex. -o mallar/")
        assert output is not None
        _from_roster(roster, year, output, force or overwrite_filled, form, overwrite_filled)
        return
    if not (group and municipality and subregion):
        fail("Ange --group, --municipality och --subregion (eller --roster).",
             'Exempel: vastbus template --group "Skövde" --municipality Skövde '
             "--subregion Skaraborg --year 2025")
    for option, value in (("--group", group), ("--municipality", municipality),
                          ("--subregion", subregion)):
        _check_name(option, value)
    info = GroupInfo(group, municipality, subregion)
    if form:
        from vastbus_cli.form.build import form_file_name, render_form

        target = stdout_or_file(output) or Path(form_file_name(info, year))
        check_outputs(target, force=force)
        write_output(target, render_form(info, year).encode("utf-8"), force)
        err_console().print(f"Formuläret skrevs till {target}.")
        return
    output = stdout_or_file(output)
    if output is None:
        write_stdout(render_template(info, year))
        return
    blank = render_template(info, year, name=output.name)
    if _filled_in([(output, blank)], force and not overwrite_filled):
        fail(f"{output} är redan ifylld och ersätts inte med en tom mall.",
             "Välj ett annat filnamn, eller lägg till --overwrite-filled om den ifyllda "
             "årsberättelsen verkligen ska ersättas.")
    write_output(output, blank.encode("utf-8"), force or overwrite_filled)
    _write_schema_beside(output.parent, report_schema_json(), SCHEMA_FILE)


def _filled_in(targets: list[tuple[Path, str]], guard: bool) -> list[Path]:
    """The existing targets that hold a group's work rather than the blank they would get.

    Only asked with --force (without it every existing file is refused anyway) and not
    with --overwrite-filled.
    """
    from vastbus_cli.reports.template import differs_from_blank

    if not guard:
        return []
    return [path for path, blank in targets
            if path.is_file() and not path.is_symlink() and differs_from_blank(path, blank)]


def _check_name(option: str, value: str) -> None:
    """A name that validate would refuse in the report is refused before it is written:
    bytes that are not UTF-8, control characters (a line break, ESC, NUL), a personnummer."""
    check_one_line(option, value, "namnet")
    _refuse_identity_number(option, value)


def _refuse_identity_number(what: str, value: str) -> None:
    """A name holding a personnummer is refused, never masked: the name becomes the file's
    name, the report's group and the summary's row, and no group is called
    "[personnummer borttaget]". The number is not quoted back."""
    from vastbus_cli.privacy import find_identity_numbers

    found = next(find_identity_numbers(value), None)
    if found is not None:
        fail(f"{what}: namnet innehåller något som ser ut som ett {found.kind}; det skrivs "
             "inte i mallen.", "Skriv gruppens, kommunens eller delregionens namn utan "
             "personuppgifter.")


def _from_roster(roster_path: Path, year: int, folder: Path, force: bool, form: bool,
                 overwrite_filled: bool) -> None:
    from vastbus_cli.reports.roster import load_roster
    from vastbus_cli.reports.schema import SCHEMA_FILE, report_schema_json
    from vastbus_cli.reports.template import GroupInfo, file_name, render_template

    roster, problems, _ = load_roster(roster_path)
    if roster is None:
        show_problems(problems, "Gruppförteckningen kan inte läsas; inga mallar skrevs.")
        raise typer.Exit(EXIT_PROBLEMS)
    if form:
        from vastbus_cli.form.build import form_file_name as name_of
        from vastbus_cli.form.build import render_form as render
    else:
        name_of, render = file_name, render_template
    infos = [GroupInfo(g.name, g.municipality, roster.subregion) for g in roster.distinct_groups()]
    for info in infos:
        for what, value in (("En grupp i gruppförteckningen", info.name),
                            ("En kommun i gruppförteckningen", info.municipality),
                            ("Delregionen i gruppförteckningen", info.subregion)):
            _refuse_identity_number(what, value)
    targets = [(folder / name_of(info, year), info) for info in infos]
    names = [t.name for t, _ in targets]
    if len(set(names)) != len(names):
        fail("Två grupper i förteckningen ger samma filnamn.", "Ge grupperna olika namn.")
    # refuse before writing anything, so a run never stops half-way
    check_outputs(*(target for target, _ in targets), force=force, inputs=[roster_path])
    texts = [(target, render(info, year)) for target, info in targets]
    kept = set(_filled_in(texts, force and not form and not overwrite_filled))
    for target, text in texts:
        if target not in kept:
            write_output(target, text.encode("utf-8"), force, [roster_path])
    written = len(texts) - len(kept)
    if form:
        err_console().print(f"{written} formulär skrevs till {folder}/.")
        return
    _write_schema_beside(folder, report_schema_json(), SCHEMA_FILE, [roster_path])
    err_console().print(f"{written} mallar skrevs till {folder}/.")
    if kept:
        _say_kept(sorted(kept))


def _say_kept(kept: list[Path]) -> None:
    from rich.markup import escape

    from vastbus_cli.problems import plural

    console = err_console()
    console.print(f"{plural(len(kept), 'ifylld årsberättelse', 'ifyllda årsberättelser')} "
                  "lämnades orörda (de skiljer sig från en tom mall):", highlight=False)
    for path in kept:
        console.print(f"  {escape(str(path))}", highlight=False)
    console.print("  → Lägg till --overwrite-filled om de verkligen ska ersättas med tomma "
                  "mallar; det grupperna skrivit går då förlorat.", highlight=False)


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
