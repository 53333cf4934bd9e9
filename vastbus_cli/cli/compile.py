"""`vastbus compile`: the sub-regional summary from a folder of annual reports."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from vastbus_cli.cli.app import app
from vastbus_cli.cli.common import (
    EXIT_PROBLEMS,
    check_outputs,
    err_console,
    fail,
    parse_date,
    show_problems,
    stdout_or_file,
    write_output,
    write_stdout,
)
from vastbus_cli.cli.summary_output import (
    FORMAT_HELP,
    FORMAT_LABELS,
    OUTPUT_HELP,
    TEMPLATE_HELP,
    SummaryFormat,
    check_files,
    check_format_options,
    check_reference,
    check_templates,
    choose_format,
    render,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

PROGRESS_FROM = 8  # files; fewer are read before a bar would be worth drawing


@app.command("compile", help="Sammanställ årsberättelserna i en mapp till den delregionala "
                             f"sammanställningen ({FORMAT_LABELS}).")
def compile_command(
    folder: Path = typer.Argument(..., help="Mappen med årets årsberättelser (.yaml).",
                                  show_default=False, metavar="MAPP"),
    roster: Path | None = typer.Option(
        None, "--roster", "-r",
        help="Gruppförteckning (grupper.yaml). Hämtas automatiskt ur mappen."),
    output: Path | None = typer.Option(
        None, "--output", "-o",
        help=OUTPUT_HELP),
    format: SummaryFormat | None = typer.Option(
        None, "--format", "-f", help=FORMAT_HELP),
    previous: Path | None = typer.Option(
        None, "--previous", "-p", help="Mappen med förra årets årsberättelser, för jämförelse."),
    template: list[Path] | None = typer.Option(
        None, "--template", "-t", help=TEMPLATE_HELP),
    reference_docx: Path | None = typer.Option(
        None, "--reference-docx", help="Word-dokument vars formatmallar används (.docx)."),
    skip_invalid: bool = typer.Option(
        False, "--skip-invalid",
        help="Sammanställ de giltiga berättelserna; filer med fel nämns som ej medtagna."),
    recurring: int = typer.Option(
        3, "--recurring",
        help="Antal grupper där en avvikelsekategori ska förekomma för att flaggas som "
             "möjligt övergripande systemfel."),
    date: str | None = typer.Option(
        None, "--date", "-d", metavar="ÅÅÅÅ-MM-DD",
        help="Sammanställningens datum (standard: i dag). Samma datum ger samma dokument."),
    intro: Path | None = typer.Option(
        None, "--intro", metavar="FIL.md",
        help="Samordnarens inledning (Markdown). Standard: inledning.md bredvid grupper.yaml."),
    conclusions: Path | None = typer.Option(
        None, "--conclusions", metavar="FIL.md",
        help="Slutsatser och rekommendationer (Markdown). Standard: slutsatser.md bredvid "
             "grupper.yaml."),
    follow_up: Path | None = typer.Option(
        None, "--follow-up", metavar="FIL.md",
        help="Vad den delregionala gruppen har gjort med förra årets lyfta frågor (Markdown). "
             "Standard: uppfoljning.md bredvid grupper.yaml."),
    feedback: Path | None = typer.Option(
        None, "--feedback", metavar="UTGÅNG/",
        help="Skriv ett e-postutkast (.eml) per grupp: vad berättelsen bidrog med och vad som "
             "var oklart. Inget skickas."),
    appendix: bool = typer.Option(
        False, "--appendix",
        help="Ta med varje grupps årsberättelse i sin helhet som bilaga (standard: utan "
             "bilaga; sammanställningen räknar och citerar)."),
    force: bool = typer.Option(False, "--force", help="Ersätt en befintlig utdatafil."),
) -> None:
    from vastbus_cli.reports.compile import compile_reports
    from vastbus_cli.reports.coordinator_texts import TEXTS
    from vastbus_cli.reports.validate import input_files

    fmt = choose_format(format, output)
    output = stdout_or_file(output)
    if recurring < 1:
        fail(f"--recurring måste vara minst 1 (fick {recurring}).",
             "Ange i hur många grupper en kategori ska förekomma, t.ex. --recurring 3.")
    check_format_options(fmt, output, template, reference_docx)
    produced = parse_date(date)
    _check_inputs(folder, previous, ((reference_docx, "Referensdokumentet"),
                                     (roster, "Gruppförteckningen"), (intro, "Inledningen"),
                                     (conclusions, "Slutsatserna"),
                                     (follow_up, "Uppföljningen")))
    check_reference(reference_docx)
    check_templates(template)
    inputs = [*input_files([folder], roster), *(input_files([previous]) if previous else []),
              *(template or []), reference_docx, intro, conclusions, follow_up,
              *(d / name for d in (folder, roster.parent if roster else None) if d is not None
                for _, name, _ in TEXTS)]  # found beside, unless given
    if output is not None:  # refuse before reading anything
        check_outputs(output, force=force, inputs=inputs)
    to_stderr = output is None  # stdout carries the document
    with _progress(folder) as tick:
        result = compile_reports(folder, roster=roster, previous=previous,
                                 skip_invalid=skip_invalid, recurring=recurring, progress=tick,
                                 produced=produced, intro=intro, conclusions=conclusions,
                                 appendix=appendix, follow_up=follow_up)
    if result.problems:
        show_problems(result.problems, result.validation.summary_line(result.problems),
                      stderr=to_stderr)
    if result.summary is None:
        if not result.validation.files and not result.validation.failed():
            fail(f"Det finns inga årsberättelser (.yaml) i {folder}.",
                 "Lägg årsberättelserna i mappen, eller skapa mallar med 'vastbus template'.",
                 code=EXIT_PROBLEMS)
        hint = ("Rätta felen ovan, eller lägg till --skip-invalid för att sammanställa "
                "de giltiga berättelserna.") if not skip_invalid and result.skippable else ""
        fail("Ingen sammanställning gjordes.", hint, code=EXIT_PROBLEMS)
    if result.previous_problems:
        err_console().print(f"Obs: {len(result.previous_problems)} fel i förra årets "
                            f"berättelser; de filerna är inte med i jämförelsen.")
    data = render(result.summary, fmt, template, reference_docx, beside=output)
    if output is None:
        write_stdout(data.decode("utf-8"))
        _deadline(result.summary)
    else:
        write_output(output, data, force, inputs)
        _done(result.summary, output, len(result.skipped))
    if feedback is not None:
        from vastbus_cli.cli.drafts import write_feedback

        write_feedback(result, feedback, force=force, inputs=[i for i in inputs if i])


def _deadline(summary: Any) -> None:
    """The deadline is for the coordinator, so it is said here and kept out of the document;
    only while it lies ahead. Once passed the summary is late or an earlier year's (the
    README's first command compiles the 2025 examples): saying so helps nobody."""
    from vastbus_cli.render.common import deadline_sentence

    if not summary.deadline_passed:
        err_console().print(deadline_sentence(summary), highlight=False)


def _check_inputs(folder: Path, previous: Path | None,
                  files: tuple[tuple[Path | None, str], ...]) -> None:
    """Each path exists and is what it should be; the previous year is another folder."""
    from vastbus_cli.paths import path_problem

    for path, what in ((folder, "Mappen"), (previous, "Mappen för förra året")):
        wrong = path_problem(path, "mapp") if path is not None else None
        if wrong is not None:
            fail(f"{what}: {wrong}", "Kontrollera sökvägen.")
    check_files(files)
    if previous is not None and previous.resolve() == folder.resolve():
        fail(f"--previous pekar på samma mapp som årets berättelser ({folder}).",
             "Ange mappen med förra årets berättelser, t.ex. --previous rapporter/2024.")


def _done(summary: Any, output: Path, skipped: int) -> None:
    from vastbus_cli.problems import plural

    groups = len(summary.groups)
    line = f"Sammanställningen skrevs till {output} ({plural(groups, 'grupp', 'grupper')}"
    if summary.missing:
        line += f", {len(summary.missing)} saknas"
    if skipped:
        line += f", {skipped} {'ej medtagen' if skipped == 1 else 'ej medtagna'}"
    err_console().print(line + ").", highlight=False)
    _deadline(summary)


@contextmanager
def _progress(folder: Path) -> Iterator[Callable[[Path], None] | None]:
    """A rich progress bar on stderr while reading, when there are enough files to wait for."""
    from vastbus_cli.reports.validate import discover

    console = err_console()
    if not console.is_terminal:  # before counting the files: that lists the folder again
        yield None
        return
    files, _ = discover([folder]) if folder.is_dir() else ([], [])
    if len(files) < PROGRESS_FROM:
        yield None
        return
    from rich.progress import Progress

    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("Läser årsberättelser", total=len(files))
        yield lambda _path: bar.advance(task)
