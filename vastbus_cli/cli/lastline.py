"""The last line of defence around every command: streams that never raise, no traceback.

Swedish text must reach the user whatever the encoding of the stream (a Windows
console or a redirected file is cp1252 or cp850), a full disk or a closed pipe
must end the run with a short message or quietly, and an exception nobody
expected becomes a short "internt fel" with the command to rerun with
`--debug`, exit code 3. It is a net, not a handler: the adversarial tests
assert that no input ever reaches it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import traceback
from collections.abc import Callable, Sequence

EXIT_INTERNAL = 3
EXIT_PROBLEMS = 1
DEBUG_FLAG = "--debug"


def reconfigure_streams() -> None:
    """Keep each stream's encoding but never raise on a character it cannot encode."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # e.g. a detached stream
                reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """After a closed pipe: point stdout at the null device so the exit flush cannot fail."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _say(text: str) -> None:
    try:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def rerun_command(argv: Sequence[str]) -> str:
    """The command line to rerun with --debug, quoted the same way in PowerShell and sh."""
    words = ["vastbus", DEBUG_FLAG, *(a for a in argv if a != DEBUG_FLAG)]
    return " ".join(f'"{w}"' if not w or any(c in w for c in " \t'&|;<>()$`") else w
                    for w in words)


def _stream_failed(exc: OSError) -> int | None:
    """The exit code for a failed write to stdout/stderr, or None if it is something else."""
    if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
        _silence_stdout()
        return EXIT_PROBLEMS
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        _silence_stdout()
        _say("fel: Utdata kunde inte skrivas: disken är full.")
        return EXIT_PROBLEMS
    return None


def run(app: Callable[[], object], argv: Sequence[str]) -> int:
    """Run `app` (which exits through SystemExit) and turn everything else into an exit code."""
    reconfigure_streams()
    debug = DEBUG_FLAG in argv
    try:
        try:
            app()
            code: int | str | None = 0
        except SystemExit as exc:
            code = exc.code
        sys.stdout.flush()
    except KeyboardInterrupt:
        _say("Avbrutet.")
        return 130
    except OSError as exc:
        stream = _stream_failed(exc)
        if stream is not None:
            return stream
        return _internal(exc, argv, debug)
    except Exception as exc:
        return _internal(exc, argv, debug)
    if isinstance(code, str):  # SystemExit("message") prints the message, like Python does
        _say(code)
        return EXIT_PROBLEMS
    return code or 0


def _internal(exc: BaseException, argv: Sequence[str], debug: bool) -> int:
    if debug:
        traceback.print_exception(type(exc), exc, exc.__traceback__)
    else:
        _say(f"internt fel: vastbus stötte på ett oväntat fel ({type(exc).__name__}). "
             "Det är ett fel i vastbus, inte i dina filer.\n"
             "  → Kör om med --debug för att se detaljerna, och skicka dem till den som "
             f"underhåller vastbus:\n    {rerun_command(argv)}")
    return EXIT_INTERNAL
