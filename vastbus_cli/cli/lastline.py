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


def _stream_failed(exc: OSError) -> int | None:
    """The exit code for a failed write to stdout/stderr, or None if it is something else."""
    if isinstance(exc, BrokenPipeError) or exc.errno == errno.EPIPE:
        _silence_stdout()
        return EXIT_PROBLEMS
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
