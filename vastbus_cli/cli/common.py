"""What every command shares: consoles, exit codes, printing problems, refusing to overwrite."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from vastbus_cli.output import OutputExists, check_writable, write_bytes
from vastbus_cli.problems import Problem
from vastbus_cli.reporters import print_problems

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


def out_console() -> Console:
    return Console(highlight=False, soft_wrap=True, emoji=False)


def err_console() -> Console:
    return Console(stderr=True, highlight=False, emoji=False)


def fail(message: str, hint: str = "", code: int = EXIT_USAGE) -> NoReturn:
    """Print a Swedish error (no traceback) and exit with `code`."""
    console = err_console()
    console.print(f"[red]fel:[/] {escape(message)}")
    if hint:
        console.print(f"  [cyan]→ {escape(hint)}[/]")
    raise typer.Exit(code)


def show_problems(problems: Iterable[Problem], summary: str, stderr: bool = True) -> None:
    """Problems as `validate` prints them; to stderr when stdout carries a document."""
    console = err_console() if stderr else out_console()
    print_problems(problems, console)
    console.print(summary)


def refuse_existing(*paths: Path, force: bool) -> None:
    """Stop with a usage error before any work if an output exists and --force was not given."""
    try:
        for path in paths:
            check_writable(path, force)
    except OutputExists as exc:
        fail(exc.message, exc.hint)


def write_output(path: Path, data: bytes, force: bool) -> None:
    """Atomic write; an existing file without --force is a usage error, never overwritten."""
    try:
        write_bytes(path, data, force=force)
    except OutputExists as exc:
        fail(exc.message, exc.hint)
    except OSError as exc:
        fail(f"Kan inte skriva {path}: {exc.strerror}.", "Kontrollera mappen och behörigheterna.",
             code=EXIT_PROBLEMS)


def write_stdout(text: str) -> None:
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()
