"""A coordinator's own Markdown template, rendered so that it can neither run code nor hang.

Templates are shared between coordinators, so `compile --template` treats one as
untrusted: it renders in Jinja2's `ImmutableSandboxedEnvironment` (no attribute that
starts with `_`, no method that changes a list or dict), sees only the functions
vastbus itself defines on the modules it is given (no module, no library class), may
use only a summary's fields and the methods vastbus defines on them (no pydantic
`parse_file` and the like), and runs under limits: at most `SECONDS` of wall time,
`MAX_CHARS` of output, and no operation that would build a string or list larger than
that in one step (`"x" * 10**9`, `"x"|center(10**9)`, `"%0*d" % (10**9, 1)`).

Rendering happens in a daemon thread that the caller waits for; every call and
attribute look-up in the template checks a stop flag, so a loop that is given up
on ends at its next step instead of running on in the background.
"""

from __future__ import annotations

import re
import sys
import threading
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2.nodes import EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.utils import Namespace
from pydantic import BaseModel

if TYPE_CHECKING:
    from collections.abc import Iterator

SECONDS = 20.0
MAX_CHARS = 20_000_000
#: A number this large as a width, count or repetition is refused before it is used.
MAX_ARGUMENT = 1_000_000
_OWN = "vastbus_cli"
_BIG_WIDTH = re.compile(r"\d{7,}")
#: How Jinja2's sandbox words a refused attribute.
_UNSAFE = re.compile(r"access to attribute '([^']*)' of '([^']*)' object is unsafe")
#: Filters whose numeric arguments size their result.
_SIZING_FILTERS = frozenset({"center", "indent", "truncate", "wordwrap", "batch", "slice",
                             "format"})
#: Classes a template may call besides vastbus's own (jinja2's cycler, joiner, namespace).
_CALLABLE_CLASSES = (dict, list, tuple, str, int, float, bool)


class LimitExceeded(SecurityError):
    """The template went past a time or size limit."""


class Stopped(Exception):
    """The caller has given up on this rendering (time limit)."""


def _chars(n: int) -> str:
    return f"{n:,}".replace(",", "\u00a0")


def _too_big(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return abs(value) > MAX_ARGUMENT
    if isinstance(value, str):
        return len(value) > MAX_CHARS
    return False


def _sized(value: Any) -> int:
    return len(value) if isinstance(value, str | list | tuple | bytes) else 0


class _LimitedNamespace(Namespace):
    """`namespace()` whose attributes cannot grow past the output limit (`ns.s = ns.s ~ ns.s`)."""

    def __setitem__(self, name: str, value: Any) -> None:
        if _sized(value) > MAX_CHARS:
            raise LimitExceeded(f"en text eller lista blir större än {_chars(MAX_CHARS)} tecken")
        super().__setitem__(name, value)


class UserSandbox(ImmutableSandboxedEnvironment):
    """The sandbox with vastbus's own rules on top (see the module docstring)."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stop = threading.Event()
        self.globals.pop("lipsum", None)  # text by the million in one call
        self.globals["namespace"] = _LimitedNamespace

    def limit_filters(self) -> None:
        """Wrap the filters that size their result; call after the renderer adds its own."""
        for name in _SIZING_FILTERS & self.filters.keys():
            self.filters[name] = _checked_filter(name, self.filters[name])

    def _check_stop(self) -> None:
        if self.stop.is_set():
            raise Stopped

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        self._check_stop()
        if not super().is_safe_attribute(obj, attr, value):
            return False
        if isinstance(value, types.ModuleType):
            return False
        if isinstance(obj, types.ModuleType):
            return _own_public(value)
        if isinstance(obj, BaseModel) or (isinstance(obj, type) and issubclass(obj, BaseModel)):
            cls = obj if isinstance(obj, type) else type(obj)
            return attr in cls.model_fields or _defined_by_vastbus(cls, attr)
        return True

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self._check_stop()
        if isinstance(getattr(__obj, "__self__", None), str | list | tuple) and any(
                _too_big(a) for a in (*args, *kwargs.values())):
            raise LimitExceeded("ett tal eller en bredd är för stort för en mall")
        if isinstance(__obj, type) and not __obj.__module__.startswith((_OWN, "jinja2")) \
                and __obj not in _CALLABLE_CLASSES:
            raise SecurityError(f"{__obj.__name__} får inte anropas i en egen mall")
        return super().call(__context, __obj, *args, **kwargs)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self._check_stop()
        if operator == "**" and isinstance(right, int | float) and abs(right) > 1000:
            raise LimitExceeded("en upphöjning är för stor för en mall")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if _sized(seq) and isinstance(times, int) and _sized(seq) * times > MAX_CHARS:
                    raise LimitExceeded(f"en text eller lista blir större än {_chars(MAX_CHARS)} tecken")
        if operator == "%" and isinstance(left, str) and (
                _BIG_WIDTH.search(left) or any(_too_big(a) for a in
                                               (right if isinstance(right, tuple) else (right,)))):
            raise LimitExceeded("ett tal eller en bredd är för stort för en mall")
        if operator == "+" and _sized(left) + _sized(right) > MAX_CHARS:
            raise LimitExceeded(f"en text eller lista blir större än {_chars(MAX_CHARS)} tecken")
        return super().call_binop(context, operator, left, right)


def _checked_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def checked(*args: Any, **kwargs: Any) -> Any:
        values = [a for a in (*args, *kwargs.values())
                  if not isinstance(a, Context | jinja2.Environment | EvalContext)]
        if any(_too_big(a) for a in values[1:]) or (
                name == "format" and values and isinstance(values[0], str)
                and _BIG_WIDTH.search(values[0])):
            raise LimitExceeded(f"filtret {name} fick ett för stort tal")
        return function(*args, **kwargs)

    if hasattr(function, "jinja_pass_arg"):  # how Jinja passes the context to the filter
        checked.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
    return checked


def _own_public(value: Any) -> bool:
    """A module's attribute a template may use: vastbus's own functions and classes, constants."""
    if isinstance(value, str | int | float | bool | tuple | frozenset | dict | type(None)):
        return True
    module = getattr(value, "__module__", None) or ""
    return callable(value) and module.startswith(_OWN)


def _defined_by_vastbus(cls: type, attr: str) -> bool:
    return any(attr in klass.__dict__ for klass in cls.__mro__
               if klass.__module__.startswith(_OWN))


class Failure(Exception):
    """Why a user's template stopped, with the template line when it is known."""

    def __init__(self, reason: str, line: int | None, cause: BaseException | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.cause = cause


def render_limited(template: jinja2.Template, context: dict[str, Any],
                   seconds: float | None = None, max_chars: int | None = None) -> str:
    """`template.render(**context)` within the time and output limits, or `Failure`.

    Template errors other than the sandbox's (undefined names, wrong types) are raised
    as they are, for the caller's usual messages.
    """
    seconds = SECONDS if seconds is None else seconds
    max_chars = MAX_CHARS if max_chars is None else max_chars
    env = template.environment
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["text"] = _collect(template.generate(**context), max_chars)
        except BaseException as exc:  # handed to the waiting thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="vastbus-mall", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        line = _running_line(template, worker)
        if isinstance(env, UserSandbox):
            env.stop.set()
        worker.join(1.0)
        raise Failure(f"mallen tog längre tid än {seconds:g} sekunder", line, None)
    error = outcome.get("error")
    if isinstance(error, SecurityError | OverflowError | MemoryError | RecursionError):
        raise Failure(_reason(error), _error_line(template, error), error)
    if error is not None:
        raise error
    return str(outcome["text"])


def _collect(chunks: Iterator[str], max_chars: int) -> str:
    parts: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > max_chars:
            raise LimitExceeded(f"sammanställningen blir större än {_chars(max_chars)} tecken")
        parts.append(chunk)
    return "".join(parts)


def _reason(error: BaseException) -> str:
    if isinstance(error, LimitExceeded):
        return str(error)
    if isinstance(error, OverflowError):
        return "ett intervall eller tal är för stort för en mall (range högst 100 000)"
    if isinstance(error, MemoryError):
        return "mallen behöver mer minne än datorn har"
    if isinstance(error, RecursionError):
        return "mallen anropar sig själv för djupt"
    found = _UNSAFE.search(str(error))
    if found:
        return (f"attributet '{found.group(1)}' (hos {found.group(2)}) får inte användas "
                "i en egen mall")
    return f"mallen använder något som inte är tillåtet i en egen mall ({error})"


def _error_line(template: jinja2.Template, error: BaseException) -> int | None:
    """The template line of the innermost frame that ran template code (Jinja rewrites them)."""
    line = None
    tb = error.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == template.filename:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _running_line(template: jinja2.Template, worker: threading.Thread) -> int | None:
    """The template line the worker is on now (documented CPython introspection)."""
    frame = sys._current_frames().get(worker.ident or -1)
    while frame is not None:
        if frame.f_code.co_filename == template.filename or \
                frame.f_code.co_filename == "<template>":
            return template.get_corresponding_lineno(frame.f_lineno)
        frame = frame.f_back
    return None
