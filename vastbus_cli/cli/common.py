"""What every command shares: consoles, exit codes, printing problems, refusing to overwrite.

Every command module imports this one to register itself, and `vastbus --help` needs
none of the helpers below: what they use is imported where they run (start-up time).
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NoReturn

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from vastbus_cli.problems import Problem

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


@cache
def _safe_console_class() -> type[Console]:
    """rich is imported only when something is printed through it (~30 ms of start-up)."""
    from rich.console import Console
    from rich.text import Text

    from vastbus_cli.reporters import visible

    class SafeConsole(Console):
        """A rich console that shows control characters in any text instead of sending them.

        Every string a command prints (messages, file names, keys, table cells) passes
        through `render_str`, so this is the one place where a file's escape sequences
        are made visible rather than interpreted by the terminal.
        """

        def render_str(self, text: str, **kwargs: Any) -> Text:
            return super().render_str(visible(text), **kwargs)

    return SafeConsole


def out_console() -> Console:
    return _safe_console_class()(highlight=False, soft_wrap=True, emoji=False)


def err_console() -> Console:
    return _safe_console_class()(stderr=True, highlight=False, soft_wrap=True, emoji=False)


def fail(message: str, hint: str = "", code: int = EXIT_USAGE) -> NoReturn:
    """Print a Swedish error (no traceback) and exit with `code`."""
    from rich.markup import escape

    console = err_console()
    console.print(f"[red]fel:[/] {escape(message)}")
    if hint:
        console.print(f"  [cyan]→ {escape(hint)}[/]")
    raise typer.Exit(code)


def show_problems(problems: Iterable[Problem], summary: str, stderr: bool = True) -> None:
    """Problems as `validate` prints them; to stderr when stdout carries a document."""
    from vastbus_cli.reporters import print_problems

    console = err_console() if stderr else out_console()
    print_problems(problems, console)
    console.print(summary)


def check_outputs(*paths: Path, force: bool, inputs: Iterable[Path | None] = ()) -> None:
    """Stop with a usage error before any work if an output may not be written.

    It may not when it exists and --force was not given, or, even with --force, when it
    is one of the run's `inputs`, a link, a folder or a device.
    """
    from vastbus_cli.output import OutputRefused, check_writable

    try:
        for path in paths:
            check_writable(path, force, inputs)
    except OutputRefused as exc:
        fail(exc.message, exc.hint)


def stdout_or_file(output: Path | None) -> Path | None:
    """`-o -` means standard output: None, like no -o at all."""
    from vastbus_cli.output import is_stdout

    return None if is_stdout(output) else output


def write_output(path: Path, data: bytes | Callable[[BinaryIO], object], force: bool,
                 inputs: Iterable[Path | None] = ()) -> None:
    """Atomic write; never over an input, and over an existing file only with --force.

    `data` is the file's bytes, or a function that writes them to the handle it gets.
    """
    from vastbus_cli.output import OutputLocked, OutputRefused, OutputTarget
    from vastbus_cli.paths import os_reason

    target = OutputTarget.of(path, force, inputs)
    try:
        if isinstance(data, bytes):
            target.write(data)
        else:
            target.write_with(data)
    except OutputRefused as exc:
        fail(exc.message, exc.hint)
    except OutputLocked as exc:
        fail(exc.message, code=EXIT_PROBLEMS)
    except OSError as exc:
        fail(f"Kan inte skriva {path}: {os_reason(exc)}.", "Kontrollera mappen och behörigheterna.",
             code=EXIT_PROBLEMS)


_CONTROL = "[\x00-\x1f\x7f-\x9f\u2028\u2029]"


def check_one_line(option: str, value: str | None, noun: str = "texten") -> None:
    """A text given on the command line for a document (a name, --sender …) is one line
    of characters a document can hold: no control character (a line break, ESC, NUL,
    pasted from somewhere) and valid UTF-8, else a usage error naming the option."""
    import re

    if value is None:
        return
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        fail(f"{option}: {noun} innehåller tecken som inte är giltig UTF-8.",
             "Skriv texten igen, eller kontrollera terminalens teckenkodning.")
    control = re.search(_CONTROL, value)
    if control:
        fail(f"{option}: {noun} innehåller ett osynligt styrtecken "
             f"(U+{ord(control.group()):04X}).", "Skriv texten på en rad, utan styrtecken.")


@contextmanager
def temporary_files_beside(output: Path | None) -> Iterator[None]:
    """The temporary files made in the block go to a private folder beside `output`
    (`output.temporary_files_beside`); a folder that cannot be written is a Swedish error."""
    from contextlib import ExitStack

    from vastbus_cli.output import temporary_files_beside as beside
    from vastbus_cli.paths import os_reason

    with ExitStack() as stack:
        if output is not None:
            try:
                stack.enter_context(beside(output))
            except OSError as exc:
                fail(f"Kan inte skriva {output}: {os_reason(exc)}.",
                     "Kontrollera mappen och behörigheterna.", code=EXIT_PROBLEMS)
        yield


_STDOUT_PIECE = 16_384  # characters


def write_stdout(text: str) -> None:
    """A document or listing on standard output; control characters made visible on a terminal."""
    if sys.stdout.isatty():
        from vastbus_cli.reporters import visible

        text = visible(text)
    # in pieces: one large write into a pipe whose reader has gone (`| head -1`) can end
    # without an error once part of it is taken, so the run would "succeed"; a piece after
    # that fails with EPIPE, and the run ends as every closed pipe does (`lastline`)
    for start in range(0, len(text), _STDOUT_PIECE):
        sys.stdout.write(text[start:start + _STDOUT_PIECE])
        sys.stdout.flush()
    if not text.endswith("\n"):
        sys.stdout.write("\n")
    sys.stdout.flush()


def parse_date(value: str | None) -> dt.date:
    """A document's --date (ÅÅÅÅ-MM-DD), today when not given; a usage error otherwise."""
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        fail(f"--date {value} är inget datum.", "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-05-20.")
