"""A user's own template: the files it may read, and rendering it within the time limit.

The rule for files: a template reads nothing but what the user names with `--template`.
The first file given is the template; the others are parts it may `{% include %}`,
`{% import %}` or `{% extends %}` by their file name. A part's name must end in `.j2`
and not start with a dot, so no hidden file (`.ssh/id_rsa`), report (`.yaml`) or
anything else beside the template is ever read, even when a shared template asks
for it by name: Jinja2's `FileSystemLoader` would read any file below the template's
folder.

Everything that can go wrong while a template is read, compiled or rendered (syntax,
a file not named, bytes that are not UTF-8, blocks nested too deep for Python, a
division by zero, a wrong type, a name that does not exist, a limit of
render/sandbox.py, the time limit) ends as `Unusable`: a Swedish sentence with the
template's name and line, never a traceback.
"""

from __future__ import annotations

import re
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import nodes
from jinja2.sandbox import SecurityError

from vastbus_cli.render import limits, sandbox
from vastbus_cli.render.sandbox import Refused, Stopped, UserSandbox

if TYPE_CHECKING:
    from types import FrameType, TracebackType

#: A template file larger than this is not read (the shipped one is 12 kB).
MAX_TEMPLATE_BYTES = 1_000_000
#: Blocks inside blocks: Python compiles at most 20 loops inside each other.
MAX_NESTING = 15
#: Brackets inside brackets that the parser follows before Python's recursion limit.
MAX_BRACKETS = 100
PART_SUFFIX = ".j2"
#: Python reads no whole number with more digits (sys.get_int_max_str_digits()).
MAX_DIGITS = 4300
_LONG_NUMBER = re.compile(rf"\d{{{MAX_DIGITS + 1},}}")


class Unusable(Exception):
    """Why a user's template cannot be used: a whole Swedish sentence, and Python's or
    Jinja2's own words (for the hint)."""

    def __init__(self, message: str, detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail


def files_problem(paths: Sequence[Path]) -> str | None:
    """What is wrong with the files named with --template, before anything is read."""
    seen: set[str] = set()
    for index, path in enumerate(paths):
        name = path.name
        if name.startswith("."):
            return f"Mallen {name} är en dold fil; en mall får inte vara dold."
        if index and not name.endswith(PART_SUFFIX):
            return (f"Mallen {name} ska heta något som slutar på {PART_SUFFIX} för att "
                    "en annan mall ska få läsa den.")
        if name in seen:
            return f"Två mallar heter {name}; mallarna måste ha olika filnamn."
        seen.add(name)
    return None


def _at(name: str, line: int | None) -> str:
    return f"Mallen {name} kan inte användas{f' (rad {line})' if line else ''}"


class NamedFiles(jinja2.BaseLoader):
    """The loader of a user's template: the named files, by file name, and nothing else."""

    def __init__(self, paths: Sequence[Path]) -> None:
        self.paths = {path.name: path for path in paths}

    def get_source(self, environment: jinja2.Environment,
                   template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.paths.get(template)
        if path is None:
            raise jinja2.TemplateNotFound(template)  # a file not named
        data = _read(path)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise Unusable(f"{_at(path.name, line)}: den är inte sparad som UTF-8.",
                           str(exc)) from None
        _check_depth(environment, text, path.name)
        return text, str(path), lambda: True


def _read(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as exc:
        raise Unusable(f"Mallen {path.name} kan inte läsas ({exc.strerror}).") from None
    if len(data) > MAX_TEMPLATE_BYTES:
        raise Unusable(f"Mallen {path.name} är större än {limits.chars(MAX_TEMPLATE_BYTES)} "
                       "byte; en mall kan inte vara så stor.")
    return data


def _check_depth(environment: jinja2.Environment, text: str, name: str) -> None:
    """Blocks and brackets nested deeper than Python can compile are refused at their line
    (Python would say only `too many statically nested blocks`, or overflow its stack)."""
    line = _bracket_line(text)
    if line is not None:
        raise Unusable(f"{_at(name, line)}: parenteserna är nästlade för djupt "
                       f"(högst {MAX_BRACKETS} nivåer).")
    number = _LONG_NUMBER.search(text)
    if number is not None:
        raise Unusable(f"{_at(name, text.count(chr(10), 0, number.start()) + 1)}: ett tal har "
                       f"fler än {limits.chars(MAX_DIGITS)} siffror.")
    try:
        tree = environment.parse(text, name)
    except jinja2.TemplateSyntaxError:
        return  # said with its line when the template is compiled
    stack: list[tuple[nodes.Node, int]] = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_NESTING:
            raise Unusable(f"{_at(name, node.lineno)}: blocken är nästlade för djupt "
                           f"(högst {MAX_NESTING} nivåer).")
        deeper = depth + isinstance(node, nodes.Stmt) * hasattr(node, "body")
        stack.extend((child, deeper) for child in node.iter_child_nodes())


def _bracket_line(text: str) -> int | None:
    depth = 0
    line = 1
    for char in text:
        if char in "([{":
            depth += 1
            if depth > MAX_BRACKETS:
                return line
        elif char in ")]}":
            depth = max(depth - 1, 0)
        elif char == "\n":
            line += 1
    return None


def render(env: UserSandbox, name: str, context: dict[str, Any],
           seconds: float | None = None) -> str:
    """Template `name` (the first file named) rendered within the limits, or `Unusable`.

    It is compiled and rendered in a daemon thread the caller waits for at most
    `seconds` (an include is compiled while rendering, so both are under the limit).
    """
    seconds = sandbox.SECONDS if seconds is None else seconds
    outcome: dict[str, Any] = {}
    files = env.loader.paths if isinstance(env.loader, NamedFiles) else {}
    shown = {str(path): path.name for path in files.values()}

    def work() -> None:
        try:
            template = env.get_template(name)
            outcome["chunks"] = template.generate(**context)
            outcome["text"] = _collect(outcome["chunks"])
        except BaseException as exc:  # handed to the waiting thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="vastbus-mall", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        where, line = _running_line(env, worker, shown, outcome.get("chunks"))
        env.stop.set()
        worker.join(1.0)
        raise Unusable(f"Mallen {where or name} stoppades{_on(line)}: mallen tog längre tid "
                       f"än {seconds:g} sekunder.")
    error = outcome.get("error")
    if error is not None:
        raise _unusable(error, name, shown) from error
    return str(outcome["text"])


def _on(line: int | None) -> str:
    return f" på rad {line}" if line else ""


def _collect(chunks: Iterator[str]) -> str:
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limits.MAX_CHARS:
            raise _Output
        parts.append(chunk)
    return "".join(parts)


class _Output(Exception):
    """The rendered text grew past the limit."""


def _unusable(error: BaseException, name: str, shown: dict[str, str]) -> Unusable:
    """The Swedish sentence for an error raised while reading or rendering a template."""
    if isinstance(error, Unusable):
        return error
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = shown.get(error.filename or "", error.name or name)
        return Unusable(f"Mallen {where} har ett syntaxfel på rad {error.lineno}.",
                        f"Jinja2: {error.message}")
    found, line = _error_line(error, shown)
    where = found or name
    if isinstance(error, jinja2.TemplateNotFound):  # only a file not named is not found
        wanted = "', '".join(getattr(error, "templates", None) or [error.name])
        return Unusable(f"{_at(where, line)}: den vill läsa filen '{wanted}', som inte "
                        "är angiven med --template. En egen mall får bara läsa de filer som "
                        f"anges med --template (filnamn som slutar på {PART_SUFFIX}).")
    stopped = _stopped_reason(error)
    if stopped is not None:
        return Unusable(f"Mallen {where} stoppades{_on(line)}: {stopped}.", str(error))
    return Unusable(f"{_at(where, line)}: {_runtime_reason(error)}.",
                    f"{type(error).__name__}: {error}")


def _stopped_reason(error: BaseException) -> str | None:
    """Why the sandbox stopped a template (a limit or a refused attribute), or None."""
    if isinstance(error, _Output):
        return f"sammanställningen blir större än {limits.chars(limits.MAX_CHARS)} tecken"
    if isinstance(error, limits.TooBig):
        return error.what
    if isinstance(error, OverflowError):
        return "ett intervall eller tal är för stort för en mall (range högst 100 000)"
    if isinstance(error, MemoryError):
        return "mallen behöver mer minne än datorn har"
    if isinstance(error, RecursionError):
        return "mallen anropar sig själv för djupt"
    if isinstance(error, Stopped):
        return "mallen tog för lång tid"
    if isinstance(error, Refused):
        return str(error)
    if isinstance(error, SecurityError):
        found = _unsafe_attribute(str(error))
        if found:
            return f"attributet '{found[0]}' (hos {found[1]}) får inte användas i en egen mall"
        return f"mallen använder något som inte är tillåtet i en egen mall ({error})"
    return None


def _unsafe_attribute(text: str) -> tuple[str, str] | None:
    """The attribute and type in Jinja2's "access to attribute 'x' of 'y' object is unsafe"."""
    start = text.find("access to attribute '")
    if start < 0:
        return None
    parts = text[start:].split("'")
    return (parts[1], parts[3]) if len(parts) > 4 else None


_RUNTIME: tuple[tuple[type[BaseException], str], ...] = (
    (ZeroDivisionError, "den delar med noll"),
    (jinja2.UndefinedError, "den använder ett namn eller attribut som inte finns"),
    (TypeError, "ett värde har fel typ för det mallen gör med det"),
    (ValueError, "ett värde kan inte användas till det mallen gör med det"),
    (LookupError, "den hämtar något som inte finns"),
    (jinja2.TemplateError, "den gör något som Jinja2 inte tillåter"),
)


def _runtime_reason(error: BaseException) -> str:
    return next((text for kind, text in _RUNTIME if isinstance(error, kind)),
                "ett fel uppstod när mallen kördes")


def _error_line(error: BaseException, shown: dict[str, str]) -> tuple[str | None, int | None]:
    """The template and line of the innermost frame that ran template code (Jinja2
    rewrites the traceback so that those frames carry the template's own lines)."""
    found: tuple[str | None, int | None] = (None, None)
    tb: TracebackType | None = error.__traceback__
    while tb is not None:
        where = shown.get(tb.tb_frame.f_code.co_filename)
        if where is not None:
            found = (where, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _running_line(env: UserSandbox, worker: threading.Thread, shown: dict[str, str],
                  chunks: Any = None) -> tuple[str | None, int | None]:
    """The template and line the worker is on now (documented CPython introspection); when
    the worker is between two pieces of output (in `_collect`, the template's generator
    suspended), the line the innermost suspended generator stopped on (`Template.generate`
    delegates to the template's own generator with `yield from`: `gi_yieldfrom`)."""
    frame = sys._current_frames().get(worker.ident or -1)
    for start in (frame, *_suspended_frames(chunks)):
        while start is not None:
            where = shown.get(start.f_code.co_filename)
            if where is not None:
                template = env.get_template(where)
                return where, template.get_corresponding_lineno(start.f_lineno)
            start = start.f_back
    return None, None


def _suspended_frames(generator: Any) -> list[FrameType]:
    """The frames of a suspended generator and of those it delegates to, innermost first."""
    frames: list[FrameType] = []
    while generator is not None:
        frame = getattr(generator, "gi_frame", None)
        if frame is not None:
            frames.insert(0, frame)
        generator = getattr(generator, "gi_yieldfrom", None)
    return frames
