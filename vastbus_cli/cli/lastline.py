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
import io
import os
import sys
import traceback
from collections.abc import Callable, Sequence

EXIT_INTERNAL = 3
EXIT_PROBLEMS = 1
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C; SIGTERM ends the same way
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what `yes | head -1` leaves: quiet, like any Unix tool
DEBUG_FLAG = "--debug"


#: Readable stand-ins for characters a cp1252/cp850/ASCII stream cannot show.
_FALLBACK = {
    "\u2192": "->", "\u2190": "<-", "\u21d2": "=>", "\u2013": "-", "\u2014": "-",
    "\u2212": "-", "\u2011": "-", "\u2026": "...", "\u2018": "'", "\u2019": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2022": "*", "\u00b7": "*", "\u2265": ">=", "\u2264": "<=", "\u2260": "!=",
    "\u00d7": "x", "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2713": "v",
    "\u2717": "x", "\u00e6": "ae", "\u00c6": "AE", "\u00f8": "o", "\u00d8": "O",
}
FALLBACK_ERRORS = "vastbus-fallback"


def _stand_in(char: str) -> str:
    if char in _FALLBACK:
        return _FALLBACK[char]
    import unicodedata

    plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode("ascii")
    return plain or "?"


def _fallback(exc: UnicodeError) -> tuple[str, int]:
    """An encode error handler: '->' for '→', '-' for '–', 'o' for 'ö' on ASCII, else '?'."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return "".join(_stand_in(c) for c in exc.object[exc.start:exc.end]), exc.end


def reconfigure_streams() -> None:
    """Keep each stream's encoding but never raise on a character it cannot encode.

    What the stream cannot show is written as readable ASCII ('->', '-', '...'), never as
    an escape sequence such as '\\u2192', which would also end up in a Markdown document
    that `compile` writes to standard output.
    """
    import codecs

    codecs.register_error(FALLBACK_ERRORS, _fallback)
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):  # e.g. a detached stream
                reconfigure(errors=FALLBACK_ERRORS)


class _ClosedStream(io.TextIOBase):
    """Stands in for a stream the shell closed (`>&-`), where Python leaves None.

    Writing to it fails as a closed descriptor would (EBADF), so a document meant for
    standard output ends in a Swedish message, while a command that writes a file and
    only talks on the other stream runs as usual.
    """

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "closed stream")

    def isatty(self) -> bool:
        return False

    def writable(self) -> bool:
        return True


def _fill_closed_streams() -> None:
    if sys.stdout is None:
        sys.stdout = _ClosedStream()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 (lives to the exit)


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


class Terminated(KeyboardInterrupt):
    """SIGTERM (`kill`, a service manager, a closed terminal session): handled as Ctrl-C,
    so every `finally` and `except BaseException` on the way out runs (the temporary
    output and the spill folder beside it are removed)."""


def _on_terminate(signum: int, frame: object) -> None:
    raise Terminated


def _handle_terminate() -> None:
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _on_terminate)


def _quiet_unraisable() -> None:
    """Objects collected while a run stops (after Ctrl-C, SIGTERM or a full disk: a zip
    archive half written, openpyxl's generator writing a sheet's XML) must not print
    their own "Exception ignored in" traceback around the Swedish message. Such an
    exception cannot be raised to anyone; `--debug` shows it."""
    sys.unraisablehook = lambda unraisable: None


def _stream_failed(exc: OSError) -> int | None:
    """The exit code for a failed write to stdout/stderr, or None if it is something else."""
    if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
        _silence_stdout()  # the reader has what it wanted (`| head -1`): no word, as Unix tools
        return EXIT_BROKEN_PIPE
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        _silence_stdout()
        _say("fel: Utdata kunde inte skrivas: disken är full.")
        return EXIT_PROBLEMS
    if exc.errno == errno.EBADF:
        _silence_stdout()
        _say("fel: Utdata kunde inte skrivas: standardutdata är stängd.\n"
             "  → Skriv till en fil med -o FIL, eller kör kommandot utan '>&-'.")
        return EXIT_PROBLEMS
    return None


def run(app: Callable[[], object], argv: Sequence[str]) -> int:
    """Run `app` (which exits through SystemExit) and turn everything else into an exit code."""
    _fill_closed_streams()
    reconfigure_streams()
    _handle_terminate()
    debug = DEBUG_FLAG in argv
    if not debug:
        _quiet_unraisable()
    try:
        ended: BaseException | None = None
        try:
            app()
            code: int | str | None = 0
        except SystemExit as exit_:
            code, ended = exit_.code, exit_
        sys.stdout.flush()
    except KeyboardInterrupt:
        _say("Avbrutet.")
        return EXIT_INTERRUPTED
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
    return _after_typer(ended, code) if code else 0


def _after_typer(exc: BaseException | None, code: int) -> int:
    """The same ending whether Ctrl-C, SIGTERM or a closed pipe came inside a command or
    outside it: Typer turns the first two into a silent exit 130 and a closed pipe into a
    silent exit 1, so the exception it ended is looked up in the chain."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, KeyboardInterrupt):
            _say("Avbrutet.")
            return EXIT_INTERRUPTED
        if isinstance(exc, OSError) and (isinstance(exc, BrokenPipeError)
                                         or exc.errno == errno.EPIPE):
            _silence_stdout()
            return EXIT_BROKEN_PIPE
        exc = exc.__cause__ or exc.__context__
    return code


def _internal(exc: BaseException, argv: Sequence[str], debug: bool) -> int:
    if debug:
        traceback.print_exception(type(exc), exc, exc.__traceback__)
    else:
        _say(f"internt fel: vastbus stötte på ett oväntat fel ({type(exc).__name__}). "
             "Det är ett fel i vastbus, inte i dina filer.\n"
             "  → Kör om med --debug för att se detaljerna, och skicka dem till den som "
             f"underhåller vastbus:\n    {rerun_command(argv)}")
    return EXIT_INTERNAL
