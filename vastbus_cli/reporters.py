"""Two reporters over the same validation result: rich text for people, JSON for tools."""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import groupby

from rich.console import Console
from rich.markup import escape

from vastbus_cli.problems import Problem, Severity


def _position(p: Problem) -> str:
    return f"{p.file}:{p.line}:{p.column}" if p.line else p.file


def print_problems(problems: Iterable[Problem], console: Console) -> None:
    """Problems grouped per file: `file:line:col  severity  code  message`, hint below."""
    for file, group in groupby(problems, key=lambda p: p.file):
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
    items = [p.to_dict() for p in problems]
    payload = {
        "problem": items,
        "fel": sum(p["severity"] == Severity.ERROR.value for p in items),
        "varningar": sum(p["severity"] == Severity.WARNING.value for p in items),
        "sammanfattning": summary,
        **extra,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
