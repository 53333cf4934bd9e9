"""`vastbus tally`: survey exports → counts and shares per question, group and round."""

from __future__ import annotations

import codecs
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from vastbus_cli.cli.app import app
from vastbus_cli.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    check_one_line,
    check_outputs,
    err_console,
    fail,
    out_console,
    parse_date,
    show_problems,
    stdout_or_file,
    temporary_files_beside,
    write_output,
    write_stdout,
)
from vastbus_cli.formats import (
    TALLY,
    choices,
    compound,
    extension_list,
    files,
    for_path,
    name_list,
)

if TYPE_CHECKING:
    from vastbus_cli.problems import Problem

_YEAR = re.compile(r"(?<!\d)(19|20)\d{2}(?!\d)")
_DELIMITERS = {";": ";", ",": ",", "\\t": "\t", "\t": "\t", "tab": "\t", "tabb": "\t",
               "semikolon": ";", "komma": ","}
_ENCODINGS = {"ansi": "cp1252", "windows-1252": "cp1252", "latin1": "cp1252",
              "utf8": "utf-8", "utf-8-bom": "utf-8-sig"}


if TYPE_CHECKING:
    class TallyFormat(str, Enum):
        """What mypy sees; at run time the members are the rows of `formats.TALLY`."""
else:
    TallyFormat = choices("TallyFormat", TALLY)

#: The outputs that take the coordinator's texts, the date and the title facts (Excel on a
#: first sheet, `survey/render/xlsx.py`), the Word report first.
REPORT_FORMATS = sorted((f for f in TALLY.values() if f.report), key=lambda f: not f.word)


_SHORT_LABEL = 12


def round_label(path: Path, number: int) -> str:
    """A year in the file name ('enkat-2019.csv' → '2019'), a short file name as it is, else
    'omgång 2': a label is in every column heading, so never a long file name."""
    found = _YEAR.search(path.name)
    if found:
        return found.group()
    return path.stem if len(path.stem) <= _SHORT_LABEL else f"omgång {number}"


def _rounds(files: list[Path], rounds: list[str]) -> list[tuple[str, Path]]:
    pairs = [(round_label(f, n), f) for n, f in enumerate(files, start=1)]
    for item in rounds:
        label, sep, name = item.partition("=")
        if not sep or not label.strip() or not name.strip():
            fail(f"--round '{item}' ska skrivas ETIKETT=FIL.", "Exempel: --round 2018=svar-2018.csv")
        pairs.append((label.strip(), Path(name.strip())))
    if not pairs:
        fail("Ange minst en exportfil.", "Exempel: vastbus tally enkat-2018.csv enkat-2019.csv")
    labels = [label for label, _ in pairs]
    for label in labels:
        if labels.count(label) > 1:
            fail(f"Två filer får omgångsetiketten '{label}'.",
                 "Ange etiketter själv med --round ETIKETT=FIL, t.ex. --round höst=svar.csv.")
    return pairs


def _format(fmt: TallyFormat | None, output: Path | None, infer: bool) -> str:
    if infer:
        return "yaml"
    if fmt is not None:
        row = TALLY[fmt.value]
        if row.binary and stdout_or_file(output) is None:
            fail(f"{row.label}-utdata behöver en fil.", f"Lägg till -o sammanställning{row.extension}")
        if row.terminal and stdout_or_file(output) is not None:
            fail("Tabellen visas bara i terminalen.",
                 f"Välj --format {name_list(files(TALLY))} för att skriva en fil.")
        return row.name
    if output is None:
        return "table"
    if stdout_or_file(output) is None:  # -o -
        return "md"
    found = for_path(TALLY, output)
    if found is None:
        fail(f"Filändelsen '{output.suffix}' är inget format som tally skriver.",
             f"Använd {extension_list(files(TALLY))}, eller ange --format.")
    return found.name


def _encoding(name: str | None) -> str | None:
    if name is None:
        return None
    name = _ENCODINGS.get(name.casefold(), name)
    try:
        b"ab".decode(codecs.lookup(name).name, "replace")  # LookupError too: rot13, hex, base64
    except (LookupError, ValueError):
        fail(f"Okänd teckenkodning '{name}'.", "Använd t.ex. utf-8, utf-16 eller cp1252.")
    return name


def _delimiter(text: str | None) -> str | None:
    if text is None:
        return None
    found = _DELIMITERS.get(text.casefold())
    if found is None:
        fail(f"Okänd avgränsare '{text}'.", "Använd ';', ',' eller tab.")
    return found


@app.command("tally", help="Räkna svaren i enkätexporter (CSV eller Excel): antal och andelar "
                           "per fråga, per grupp och per omgång.")
def tally_command(
    files: list[Path] = typer.Argument(
        None, help="Exportfiler (.csv eller .xlsx). Flera filer är omgångar av samma enkät; "
                   "omgången heter som årtalet i filnamnet, annars som ett kort filnamn "
                   "eller 'omgång 1', 'omgång 2' (egna etiketter med --round).", show_default=False,
        metavar="FILER"),
    spec: Path | None = typer.Option(None, "--spec", help="Enkätspecifikation (YAML)."),
    rounds: list[str] = typer.Option(
        [], "--round", help="Omgång som ETIKETT=FIL, t.ex. 2018=svar.csv. Kan upprepas.",
        show_default=False),
    by: str | None = typer.Option(None, "--by", "-b",
                                  help="Dela upp per värde i den här kolumnen (korstabell)."),
    format: TallyFormat | None = typer.Option(
        None, "--format", "-f", help=f"{name_list(TALLY.values())}. Annars efter -o:s "
                                     "filändelse; utan -o en tabell i terminalen.",
        show_default=False),
    output: Path | None = typer.Option(None, "--output", "-o", help="Fil att skriva."),
    encoding: str | None = typer.Option(
        None, "--encoding", "-e", help="Teckenkodning, t.ex. utf-8, cp1252 eller cp850 "
                                       "(annars känns den av)."),
    delimiter: str | None = typer.Option(
        None, "--delimiter", help="Avgränsare: ';', ',' eller tab (annars känns den av)."),
    sheet: str | None = typer.Option(None, "--sheet", help="Blad i Excel-filen (annars det första)."),
    infer_spec: bool = typer.Option(
        False, "--infer-spec", help="Skriv den gissade enkätspecifikationen (YAML) i stället för "
                                    "sammanställningen, att rätta och använda med --spec."),
    intro: Path | None = typer.Option(
        None, "--intro", help="Egen inledning (Markdown) i Word- och PDF-rapporten."),
    conclusions: Path | None = typer.Option(
        None, "--conclusions", metavar="FIL.md",
        help="Slutsatser och rekommendationer (Markdown), sist i Word- och PDF-rapporten."),
    recipient: str | None = typer.Option(
        None, "--recipient", metavar="TEXT",
        help="Mottagare på rapportens titelsida ('Till:'); annars specifikationens 'mottagare'."),
    sender: str | None = typer.Option(
        None, "--sender", metavar="TEXT",
        help="Avsändare ('Från:'); annars specifikationens 'avsändare'."),
    reference_number: str | None = typer.Option(
        None, "--reference-number", metavar="TEXT",
        help="Diarienummer; annars specifikationens 'diarienummer'."),
    date: str | None = typer.Option(
        None, "--date", "-d", metavar="ÅÅÅÅ-MM-DD", help="Rapportens datum, ÅÅÅÅ-MM-DD (annars dagens datum)."),
    force: bool = typer.Option(False, "--force", help="Ersätt en befintlig utdatafil."),
    show_reading: bool = typer.Option(
        False, "--visa-tolkning", help="Visa hur filen lästes i stället för sammanställningen: "
                                       "en rad per fråga (kolumner, typ, alternativ, varför, hur "
                                       "säker) och varje kolumn som inte räknas, med skälet."),
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help="Visa vilken kodning, avgränsare och vilket format som "
                                      "kändes av."),
) -> None:
    from vastbus_cli.problems import has_errors, plural, sorted_problems
    from vastbus_cli.survey.job import tally_exports
    from vastbus_cli.survey.readers import ReadOptions
    from vastbus_cli.survey.spec import load_spec

    if by is not None and not by.strip():
        fail("--by behöver namnet på en kolumn (fick en tom text).",
             "Skriv kolumnens rubrik som i exportfilen, t.ex. --by Vårdsamverkansgrupp, "
             "eller ta bort --by.")
    for option, value in (("--recipient", recipient), ("--sender", sender),
                          ("--reference-number", reference_number)):
        check_one_line(option, value)
    pairs = _rounds(files or [], rounds)
    fmt = _format(format, output, infer_spec)
    options = ReadOptions(encoding=_encoding(encoding), delimiter=_delimiter(delimiter),
                          sheet=sheet)
    output = stdout_or_file(output)
    inputs = [*(path for _, path in pairs), spec, intro, conclusions]
    if output is not None:
        check_outputs(output, force=force, inputs=inputs)
    problems: list[Problem] = []
    report = _report_options(fmt, intro, date, problems, conclusions,
                             (recipient, sender, reference_number))
    loaded_spec = None
    if spec is not None:
        loaded_spec, spec_problems = load_spec(spec)
        problems += spec_problems
        if loaded_spec is None:
            _stop(problems, "Enkätspecifikationen kan inte användas; inget räknades.")
    if report is not None:
        from vastbus_cli.survey.render.title_facts import masked_facts, with_spec_facts

        report = masked_facts(with_spec_facts(report, loaded_spec),
                              (recipient, sender, reference_number), spec, problems)
    with _temporary_files():  # a survey too big for memory is counted on disk
        job = tally_exports(pairs, loaded_spec, by, options)
        problems += job.problems
        if job.result is None:
            _stop(problems, f"{plural(len(job.unreadable), 'fil', 'filer')} kan inte läsas; "
                  "inget räknades.")
        result, responses = job.result, job.rounds
        assert result is not None  # _stop has left
        if show_reading:
            _print_reading(responses, result)
            if problems:
                show_problems(sorted_problems(problems),
                              plural(len(problems), "varning", "varningar") + ".")
            raise typer.Exit(EXIT_OK)
        if verbose:
            console = err_console()
            for r in responses:
                label = r.label if r.label.startswith("omgång") else f"omgång {r.label}"
                console.print(f"{r.source}: {label}; {'; '.join(r.notes)}", highlight=False,
                              soft_wrap=True)
            if result.respondent_column:
                console.print(f"Respondentkolumn: {result.respondent_column}", highlight=False)
            for note in result.notes:
                console.print(note, highlight=False, soft_wrap=True)
        if has_errors(problems):
            _stop(problems, "Filerna kunde inte läsas helt; inget skrevs.")
        if problems:
            show_problems(sorted_problems(problems), plural(len(problems), "varning", "varningar") + ".")
        _write(result, fmt, output, force, inputs, report)
    raise typer.Exit(EXIT_OK)


def _print_reading(responses: list, result: object) -> None:
    """--visa-tolkning: each file's layout and left-out columns, then one line per question."""
    from vastbus_cli.survey.model import Tally

    assert isinstance(result, Tally)
    lines = [f"{r.source}: {'; '.join(r.notes)}" for r in responses]
    lines += ["", "Frågor:", *result.reading]
    if result.notes:
        lines += ["", "Kolumner som inte räknas:", *result.notes]
    write_stdout("\n".join(lines) + "\n")


@contextmanager
def _temporary_files() -> Iterator[None]:
    """A full disk under the answers counted on disk: a Swedish error, nothing written."""
    from vastbus_cli.survey.store import StoreFailed

    try:
        yield
    except StoreFailed as exc:
        fail(exc.message, exc.hint, code=EXIT_PROBLEMS)




def _report_options(fmt: str, intro: Path | None, date: str | None,
                    problems: list[Problem], conclusions: Path | None = None,
                    title: tuple[str | None, str | None, str | None] = (None, None, None)
                    ) -> object:
    """--intro, --conclusions, --date and the title page's facts for the Word report,
    checked before anything is counted."""
    given = [name for name, value in (("--intro", intro), ("--conclusions", conclusions),
                                      ("--date", date), ("--recipient", title[0]),
                                      ("--sender", title[1]),
                                      ("--reference-number", title[2])) if value is not None]
    takes_report = fmt in TALLY and TALLY[fmt].report  # not --infer-spec's YAML
    if given and not takes_report:
        fail(f"{' och '.join(given)} gäller bara "
             f"{compound([f.label for f in REPORT_FORMATS], 'och')}-utdata.",
             f"Skriv till en {compound([f.extension for f in REPORT_FORMATS])}-fil, "
             f"t.ex. -o rapport{REPORT_FORMATS[0].extension}.")
    if not takes_report:
        return None
    from vastbus_cli.reports.coordinator_texts import read_own_text
    from vastbus_cli.survey.render.docx import ReportOptions

    day = parse_date(date)
    texts: dict[str, str] = {}
    for key, path, what in (("intro", intro, "Inledningen"),
                            ("conclusions", conclusions, "Slutsatserna")):
        if path is None:
            continue
        if not path.is_file():
            fail(f"{what} {path} finns inte.", "Kontrollera sökvägen.")
        text, _, found = read_own_text(path)
        problems += found
        texts[key] = text or ""
    return ReportOptions(intro=texts.get("intro", ""), conclusions=texts.get("conclusions", ""),
                         date=day, recipient=title[0] or "", sender=title[1] or "",
                         reference_number=title[2] or "")


def _stop(problems: list[Problem], summary: str) -> None:
    from vastbus_cli.problems import sorted_problems

    show_problems(sorted_problems(problems), summary)
    raise typer.Exit(EXIT_PROBLEMS)


def _write(result: object, fmt: str, output: Path | None, force: bool,
           inputs: list[Path | None], report: object = None) -> None:
    from vastbus_cli.survey.model import Tally
    from vastbus_cli.survey.render import write_to

    assert isinstance(result, Tally)
    if fmt == "table":
        from vastbus_cli.survey.render.table import print_tally

        print_tally(result, out_console())
        return
    if fmt == "yaml":
        from vastbus_cli.survey.infer import spec_yaml

        data = spec_yaml(result).encode("utf-8")
    elif output is not None and TALLY[fmt].streamed:
        # written straight to the file: a million free-text answers are never whole in memory
        write_output(output, lambda handle: write_to(result, fmt, handle, report), force,
                     inputs)
        _wrote(output)
        return
    else:
        from vastbus_cli.cli.libreoffice_notes import announce, with_page_numbers
        from vastbus_cli.documents.problem import DocumentProblem
        from vastbus_cli.survey.render import render_bytes

        announce(fmt)
        try:
            with temporary_files_beside(output):  # LibreOffice's copy of the answers too
                data = render_bytes(result, fmt, report)
                if fmt == "docx":  # the contents' page numbers, as LibreOffice lays it out
                    data = with_page_numbers(data)
        except DocumentProblem as exc:
            fail(exc.message, exc.hint)
    if output is None:
        write_stdout(data.decode("utf-8-sig"))
    else:
        write_output(output, data, force, inputs)
        _wrote(output)


def _wrote(output: Path) -> None:
    # plain text: rich (~6 MiB, ~30 ms) is not loaded for one line, which it would also
    # have wrapped at 80 columns in a log and read as markup ("[b]" in a folder name)
    from vastbus_cli.reporters import visible

    sys.stderr.write(f"Skrev {visible(str(output))}.\n")
