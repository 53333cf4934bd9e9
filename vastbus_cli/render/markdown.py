"""The summary as Markdown, from the Jinja2 template `sammanstallning.md.j2`.

Every `{{ … }}` in the template is escaped on its way out (the environment's
`finalize`) and kept on one line, so report text cannot open raw HTML, start a
heading or end a list, even in a user's own template that forgets a filter.
Filters that build Markdown themselves (`cell`, `num`, `h`, `table`) mark their
result as already safe.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vastbus_cli.documents.cells import md_cell, md_text
from vastbus_cli.render import common, condensed, digest, subregions, tables
from vastbus_cli.reports.summary import Summary

if TYPE_CHECKING:
    import jinja2

TEMPLATE = "sammanstallning.md.j2"
HINT = "Utgå från en kopia av templates/sammanstallning.md.j2 och jämför med den."


class TemplateProblem(common.RenderProblem):
    """The (user's) template cannot be read or rendered."""


class Safe(str):
    """Markdown the renderer built itself; `finalize` lets it through unescaped."""


def _finalize(value: Any) -> str:
    if isinstance(value, Safe):
        return value
    return md_cell(value)  # escaped, and on one line: a blank line cannot end a list item


def _cell(value: Any, dash_zero: bool = False) -> Safe:
    return Safe(md_cell(tables.cell_text(value, dash_zero)))


def _table(table: tables.Table) -> Safe:
    """A Markdown table; every cell escaped so `|` or a line break cannot break a row."""
    align = ["---:" if table.numeric(i) else ":---" for i in range(len(table.headers))]
    lines = ["| " + " | ".join(md_cell(h) for h in table.headers) + " |",
             "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in table.text_rows()]
    return Safe("\n".join(lines))


_RAW_HTML = re.compile(r"<(?=[A-Za-z/!?])(?!https?://|mailto:)")


def _coordinator_markdown(text: str | None, below: int) -> Safe:
    """The coordinator's own Markdown, headings moved under level `below`; raw HTML made text."""
    from vastbus_cli.documents.markdown_text import shift_headings

    return Safe(_RAW_HTML.sub("&lt;", shift_headings(text or "", below)))


def _heading(level: int) -> Safe:
    return Safe("#" * min(level, 6))


def _context(summary: Summary) -> dict[str, Any]:
    return {
        "s": summary,
        "parts": common.parts_in_order(summary),
        "T": common.titles(summary),
        "common": common,
        "digest": digest,
        "condensed": condensed,
        "tables": tables,
        "subregions": subregions,
        "table": _table,
        "h": _heading,
    }


def environment(folder: Path | None = None, sandboxed: bool = False,
                files: Sequence[Path] = ()) -> jinja2.Environment:
    """The environment the summary template renders in; a user's own template renders
    `sandboxed` (render/sandbox.py) and reads only the named `files`
    (render/user_template.py)."""
    from vastbus_cli.templating import environment

    env = environment(None if sandboxed else folder, sandboxed=sandboxed)
    if sandboxed:
        from vastbus_cli.render.user_template import NamedFiles

        env.loader = NamedFiles(files)
    env.finalize = _finalize
    env.filters.update(cell=_cell, num=lambda v: Safe(common.num(v)),
                       signed=lambda v: Safe(common.signed(v)), md=lambda v: Safe(md_text(v)),
                       markdown=_coordinator_markdown)
    if sandboxed:
        env.limit_filters()  # type: ignore[attr-defined]
    return env


def render(summary: Summary, template: Path | Sequence[Path] | None = None) -> str:
    """The summary as Markdown, from the shipped template or a user's own: `template` is
    its file, or its file followed by the parts it may include (render/user_template.py)."""
    import jinja2

    files = [template] if isinstance(template, Path) else list(template or [])
    if files:
        return squeeze_blank_lines(_render_user(files, summary))
    compiled = environment().get_template(TEMPLATE)
    try:
        text = compiled.render(**_context(summary))
    except jinja2.TemplateError as exc:  # the shipped template: a bug, said as one
        raise TemplateProblem(f"Mallen {TEMPLATE} kan inte användas.",
                              f"{HINT} (Jinja2: {exc.message})") from exc
    return squeeze_blank_lines(text)


def _render_user(files: list[Path], summary: Summary) -> str:
    """A user's template in the sandbox, within its limits; anything that stops it is a
    Swedish message with the template's line."""
    from vastbus_cli.render.user_template import Unusable, files_problem, render

    wrong = files_problem(files)
    if wrong is not None:
        raise TemplateProblem(wrong, USER_HINT)
    env = environment(sandboxed=True, files=files)
    try:
        return render(env, files[0].name, _context(summary))  # type: ignore[arg-type]
    except Unusable as exc:
        detail = f" ({exc.detail})" if exc.detail else ""
        raise TemplateProblem(exc.message, f"{USER_HINT}{detail}") from exc


USER_HINT = ("En egen mall får bara läsa sammanställningens uppgifter, vastbus egna funktioner "
             "och de filer som anges med --template, och har gränser för tid och storlek. "
             + HINT)


def squeeze_blank_lines(text: str) -> str:
    """Runs of three or more newlines cut to two, as `re.sub(r"\\n{3,}", "\\n\\n", text)`.

    str.find goes through the ~4 MB of a 1,000-report summary at memchr speed where the
    pattern tries every position: 38 ms → 6 ms.
    """
    parts: list[str] = []
    start = 0
    while (at := text.find("\n\n\n", start)) >= 0:
        parts.append(text[start:at + 2])
        start = at + 3
        while text.startswith("\n", start):
            start += 1
    if not parts:
        return text
    parts.append(text[start:])
    return "".join(parts)
