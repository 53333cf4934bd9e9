"""What `compile` and `rollup` share: the summary's formats, picking one, rendering it.

Both commands write the same documents from a `Summary`, so the format names, the
suffix rule and the rendering (with a user's template or reference document, and the
Word contents' page numbers) live here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vastbus_cli.cli.common import EXIT_PROBLEMS, fail
from vastbus_cli.formats import (
    SUMMARY,
    choices,
    compound,
    extension_list,
    label_list,
    name_list,
    needs_libreoffice,
)

if TYPE_CHECKING:
    class SummaryFormat(str, Enum):
        """What mypy sees; at run time the members are the rows of `formats.SUMMARY`."""
else:
    SummaryFormat = choices("SummaryFormat", SUMMARY)

#: The texts compile and rollup show about the formats, from the table.
FORMAT_LABELS = label_list(SUMMARY.values())  # 'Markdown, Word, Excel, PDF eller JSON'
OUTPUT_HELP = (f"Fil att skriva; formatet följer filändelsen "
               f"({', '.join(f.extension for f in SUMMARY.values())}). "
               "Utan -o skrivs Markdown till skärmen.")
FORMAT_HELP = (f"Format: {name_list(SUMMARY.values())} (går före filändelsen). "
               f"{needs_libreoffice(SUMMARY)}").rstrip()


def choose_format(option: SummaryFormat | None, output: Path | None) -> str:
    """--format if given, else the output's suffix; Markdown on the screen."""
    from vastbus_cli.formats import for_path
    from vastbus_cli.output import is_stdout

    if option is not None:
        return str(option.value)
    if output is None or is_stdout(output):
        return "md"
    found = for_path(SUMMARY, output)
    if found is None:
        fail(f"Okänd filändelse för {output}.",
             f"Använd {extension_list(SUMMARY.values())}, eller ange --format.")
    return found.name


def check_format_options(fmt: str, output: Path | None, template: list[Path] | None,
                         reference: Path | None) -> None:
    """The options that apply to some formats only, and a document that needs a file,
    checked before anything is read (compile and rollup alike)."""
    if template and fmt != "md":
        fail("--template gäller bara Markdown.", "Ta bort --template eller välj en .md-fil.")
    word = [f for f in SUMMARY.values() if f.word]
    if reference is not None and not SUMMARY[fmt].word:
        fail(f"--reference-docx gäller bara {label_list(word, 'och')}.",
             f"Ta bort flaggan eller välj en {compound([f.extension for f in word])}-fil.")
    if output is None and SUMMARY[fmt].binary:
        fail(f"Formatet {fmt} kan inte skrivas till skärmen.", "Ange en fil med -o.")


def check_files(files: Iterable[tuple[Path | None, str]]) -> None:
    """Each path given is an existing file, else a usage error that names what it is for
    ("Inledningen: Filen x.md finns inte."), before anything is read."""
    from vastbus_cli.paths import path_problem

    for path, what in files:
        wrong = path_problem(path, "fil") if path is not None else None
        if wrong is not None:
            fail(f"{what}: {wrong}", "Kontrollera sökvägen.")


TEMPLATE_HELP = ("Egen Markdown-mall (kopia av sammanstallning.md.j2). Ange flaggan igen för "
                 "filer som mallen läser med include, import eller extends (namn på .j2).")


def check_templates(templates: list[Path] | None) -> None:
    """The files named with --template exist and may be read as templates
    (render/user_template.py: parts end in .j2, none hidden, no two of the same name)."""
    if not templates:
        return
    from vastbus_cli.render.user_template import files_problem

    check_files((path, "Mallen") for path in templates)
    wrong = files_problem(templates)
    if wrong is not None:
        fail(wrong, "Ange mallen och de filer den läser med --template, en flagga per fil.")


def render(summary: Any, fmt: str, template: list[Path] | None = None,
           reference: Path | None = None, beside: Path | None = None) -> bytes:
    """The summary in `fmt`; a user's template or reference document that fails is a
    Swedish message (exit 1), never a traceback. The temporary files made on the way
    (openpyxl's sheets) go beside `beside`, the output (`output.temporary_files_beside`)."""
    from vastbus_cli.cli.common import temporary_files_beside

    with temporary_files_beside(beside):
        return _render(summary, fmt, template, reference)


def _render(summary: Any, fmt: str, template: list[Path] | None,
            reference: Path | None) -> bytes:
    from vastbus_cli.render.common import RenderProblem
    from vastbus_cli.render.formats import render_summary

    options: dict[str, Any] = {}
    if fmt == "md":
        options["template"] = template or None
    if SUMMARY[fmt].word:
        options["reference"] = reference
    from vastbus_cli.cli.libreoffice_notes import announce, with_page_numbers

    announce(fmt)
    try:
        data = render_summary(summary, fmt, **options)
    except RenderProblem as exc:
        fail(exc.message, exc.hint, code=EXIT_PROBLEMS)
    if fmt == "docx":  # the contents' page numbers, as LibreOffice lays it out (when present)
        data = with_page_numbers(data)
    return data


def check_reference(reference: Path | None) -> None:
    """The reference document read before any report is (a zip bomb is refused at once),
    and what active content it had (macros, an attached template, fields …) said: it is
    left out, and the coordinator should know the file carried it. The rendering later
    uses the same reading (`documents.reference.clean` keeps it)."""
    from vastbus_cli.documents.problem import DocumentProblem

    if reference is None:
        return
    try:
        _reference_warning(reference)
    except DocumentProblem as exc:
        fail(exc.message, exc.hint, code=EXIT_PROBLEMS)


def _reference_warning(reference: Path) -> None:
    from vastbus_cli.cli.common import err_console
    from vastbus_cli.documents.reference import warning
    from vastbus_cli.reporters import masked, visible

    found = warning(reference)
    if found is not None:  # the file's name as any name from the user is shown
        err_console().print(visible(masked(found)), highlight=False, markup=False,
                            soft_wrap=True)
