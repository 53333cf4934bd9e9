"""What `compile` and `rollup` share: the summary's formats, picking one, rendering it.

Both commands write the same documents from a `Summary`, so the format names, the
suffix rule and the rendering (with a user's template or reference document, and the
Word contents' page numbers) live here once.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from pathlib import Path
from typing import Any

from vastbus_cli.cli.common import EXIT_PROBLEMS, fail


class SummaryFormat(str, Enum):
    md = "md"
    docx = "docx"
    xlsx = "xlsx"
    json = "json"
    pdf = "pdf"


def choose_format(option: SummaryFormat | None, output: Path | None) -> str:
    """--format if given, else the output's suffix; Markdown on the screen."""
    from vastbus_cli.output import is_stdout
    from vastbus_cli.render.formats import format_for

    if option is not None:
        return option.value
    if output is None or is_stdout(output):
        return "md"
    found = format_for(output)
    if found is None:
        fail(f"Okänd filändelse för {output}.",
             "Använd .md, .docx, .xlsx, .pdf eller .json, eller ange --format.")
    return found.name


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
           reference: Path | None = None) -> bytes:
    """The summary in `fmt`; a user's template or reference document that fails is a
    Swedish message (exit 1), never a traceback."""
    from vastbus_cli.render.common import RenderProblem
    from vastbus_cli.render.formats import render_summary

    options: dict[str, Any] = {}
    if fmt == "md":
        options["template"] = template or None
    if fmt in ("docx", "pdf"):
        options["reference"] = reference
    try:
        data = render_summary(summary, fmt, **options)
    except RenderProblem as exc:
        fail(exc.message, exc.hint, code=EXIT_PROBLEMS)
    if fmt == "docx":  # the contents' page numbers, as LibreOffice lays it out (when present)
        from vastbus_cli.documents.pdf import with_page_numbers

        data = with_page_numbers(data)
    return data
