"""`vastbus rollup`: the regional overview from the sub-regions' JSON summaries.

A command of its own, not `compile` given JSON files: compile reads a folder of
raw reports with a roster, last year's folder and --skip-invalid, none of which
mean anything for summaries; rollup reads finished summaries and has options of
its own (--across). Both write the same documents through the same renderers,
and read the coordinator's introduction, conclusions and follow-up the same way; rollup
only from --intro / --conclusions / --follow-up (a sub-region's inledning.md is not the
region's; its uppfoljning.md travels in its summary, on its part).
"""

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


@app.command("rollup", help="Gör den regionala sammanställningen av flera delregioners "
                            "sammanställningar (JSON från 'vastbus compile -o x.json'): "
                            "delregionerna sida vid sida och regionala totaler, som "
                            f"{FORMAT_LABELS}.")
def rollup_command(
    summaries: list[Path] = typer.Argument(
        ..., help="Delregionernas sammanställningar (.json), en per delregion.",
        show_default=False, metavar="SAMMANSTÄLLNINGAR"),
    output: Path | None = typer.Option(
        None, "--output", "-o",
        help=OUTPUT_HELP),
    format: SummaryFormat | None = typer.Option(
        None, "--format", "-f", help=FORMAT_HELP),
    date: str | None = typer.Option(
        None, "--date", "-d", metavar="ÅÅÅÅ-MM-DD",
        help="Sammanställningens datum (standard: i dag). Samma datum ger samma dokument."),
    recurring: int = typer.Option(
        3, "--recurring",
        help="Antal grupper (i hela regionen) där en avvikelsekategori ska förekomma för att "
             "flaggas som möjligt övergripande systemfel."),
    across: int = typer.Option(
        2, "--across",
        help="Antal delregioner där en avvikelsekategori ska förekomma för att flaggas som "
             "återkommande i regionen."),
    appendix: bool = typer.Option(
        False, "--appendix", help="Ta med gruppernas årsberättelser som bilaga (om "
                                  "sammanställningarna har dem)."),
    template: list[Path] | None = typer.Option(
        None, "--template", "-t", help=TEMPLATE_HELP),
    reference_docx: Path | None = typer.Option(
        None, "--reference-docx", help="Word-dokument vars formatmallar används (.docx)."),
    intro: Path | None = typer.Option(
        None, "--intro", metavar="FIL.md",
        help="Den regionala samordnarens inledning (Markdown), först i sammanställningen."),
    conclusions: Path | None = typer.Option(
        None, "--conclusions", metavar="FIL.md",
        help="Slutsatser och rekommendationer (Markdown), efter det som lyfts till "
             "regional nivå."),
    follow_up: Path | None = typer.Option(
        None, "--follow-up", metavar="FIL.md",
        help="Vad som har gjorts med förra årets lyfta frågor i hela regionen (Markdown); "
             "delregionernas egna texter följer med var och en."),
    recipient: str | None = typer.Option(
        None, "--recipient", metavar="TEXT",
        help="Mottagare på titelsidan ('Till:'); standard: Regionala styrgruppen för Västbus."),
    sender: str | None = typer.Option(
        None, "--sender", metavar="TEXT", help="Avsändare på titelsidan ('Från:')."),
    reference_number: str | None = typer.Option(
        None, "--reference-number", metavar="TEXT",
        help="Diarienummer på titelsidan och i dokumentets egenskaper."),
    force: bool = typer.Option(False, "--force", help="Ersätt en befintlig utdatafil."),
) -> None:
    from vastbus_cli.paths import path_problem
    from vastbus_cli.problems import plural

    for number, value in (("--recurring", recurring), ("--across", across)):
        if value < 1:
            fail(f"{number} måste vara minst 1 (fick {value}).")
    for option, text in (("--recipient", recipient), ("--sender", sender),
                         ("--reference-number", reference_number)):
        check_one_line(option, text)
    fmt = choose_format(format, output)
    output = stdout_or_file(output)
    produced = parse_date(date)
    check_format_options(fmt, output, template, reference_docx)
    for path in summaries:
        wrong = path_problem(path, "fil")
        if wrong is not None:
            fail(f"{path}: {wrong}", "Kontrollera sökvägen.")
    check_files(((reference_docx, "Referensdokumentet"), (intro, "Inledningen"),
                 (conclusions, "Slutsatserna"), (follow_up, "Uppföljningen")))
    check_reference(reference_docx)
    check_templates(template)
    inputs = [*summaries, *(template or []), reference_docx, intro, conclusions, follow_up]
    if output is not None:
        check_outputs(output, force=force, inputs=inputs)
    from vastbus_cli.rollup.inputs import rollup_files

    region, problems = rollup_files(summaries, produced=produced, recurring=recurring,
                                    across=across, appendix=appendix, intro=intro,
                                    conclusions=conclusions, recipient=recipient, sender=sender,
                                    reference=reference_number, follow_up=follow_up)
    errors = sum(p.is_error for p in problems)
    warnings = plural(len(problems) - errors, "varning", "varningar")
    if region is None:
        show_problems(problems, f"{plural(errors, 'fel', 'fel')}"
                                f"{f' och {warnings}' if errors < len(problems) else ''}; "
                                "ingen regional sammanställning gjordes.")
        raise typer.Exit(EXIT_PROBLEMS)
    if problems:  # warnings only: the document is made, the coordinator is told
        show_problems(problems, f"{warnings}.")
    data = render(region, fmt, template, reference=reference_docx, beside=output)
    if output is None:
        write_stdout(data.decode("utf-8"))
        return
    write_output(output, data, force, inputs)
    err_console().print(
        f"Den regionala sammanställningen skrevs till {output} "
        f"({plural(len(region.parts), 'delregion', 'delregioner')}, "
        f"{plural(len(region.groups), 'grupp', 'grupper')}).", highlight=False)
