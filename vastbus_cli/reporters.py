"""Two reporters over the same validation result: rich text for people, JSON for tools."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from itertools import groupby
from typing import TYPE_CHECKING

from vastbus_cli.problems import Problem, Severity

if TYPE_CHECKING:
    from rich.console import Console

# Control characters (ESC starts terminal escape sequences), a carriage return that is not
# part of a line break, zero-width and bidirectional marks and overrides (text that displays
# reversed), the line and paragraph separators, the byte-order mark and lone surrogates
# (bytes of a file name that are not UTF-8).
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2069\ufeff\ud800-\udfff]|\r(?!\n)")


def _show(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # a byte kept by surrogateescape
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """Text from a file as the user should see it: control characters written out (`\\x1b`).

    Keys, values and file names are shown, never interpreted by the terminal.
    """
    return _INVISIBLE.sub(_show, text)


def masked(text: str) -> str:
    """`text` with every identity number masked (`privacy`): a key, a value, a file name
    the user typed is quoted back on the terminal, never the number in it."""
    from vastbus_cli.privacy import mask_identity_numbers

    return mask_identity_numbers(text)[0]


def guarded(p: Problem) -> Problem:
    """The problem as it may be shown: file name, message and hint masked."""
    from dataclasses import replace

    return replace(p, file=masked(p.file), message=masked(p.message), hint=masked(p.hint))


def _position(p: Problem) -> str:
    return f"{p.file}:{p.line}:{p.column}" if p.line else p.file


def print_problems(problems: Iterable[Problem], console: Console) -> None:
    """Problems grouped per file: `file:line:col  severity  code  message`, hint below."""
    from rich.markup import escape

    for file, group in groupby(map(guarded, problems), key=lambda p: p.file):
        console.print(f"[bold underline]{escape(file)}[/]")
        for p in group:
            style = "red" if p.severity is Severity.ERROR else "yellow"
            console.print(
                f"  {escape(_position(p))}  [{style}]{p.severity.value}[/]  "
                f"[dim]{escape(p.code)}[/]  {escape(p.message)}",
                soft_wrap=True,
            )
            if p.hint:
                console.print(f"      [cyan]→ {escape(p.hint)}[/]", soft_wrap=True)
        console.print()


def problems_json(problems: Iterable[Problem], summary: str, **extra: object) -> str:
    items = [guarded(p).to_dict() for p in problems]
    payload = {
        "problem": items,
        "fel": sum(p["severity"] == Severity.ERROR.value for p in items),
        "varningar": sum(p["severity"] == Severity.WARNING.value for p in items),
        "sammanfattning": summary,
        **{key: [masked(v) if isinstance(v, str) else v for v in value]
           if isinstance(value, list) else value for key, value in extra.items()},
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
