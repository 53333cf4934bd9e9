"""A coordinator's own Markdown template, rendered so that it can neither run code nor hang.

Templates are shared between coordinators, so `compile --template` treats one as
untrusted: it renders in Jinja2's `ImmutableSandboxedEnvironment` (no attribute that
starts with `_`, no method that changes a list or dict), sees only the functions
vastbus itself defines on the modules it is given (no module, no library class), may
use only a summary's fields and the methods vastbus defines on them (no pydantic
`parse_file` and the like), reads no file but those the user names
(render/user_template.py), and runs under limits: at most `SECONDS` of wall time,
`limits.MAX_CHARS` of output, and no single operation that would build a string or
list larger than that or a whole number larger than `limits.MAX_INT_BITS`.

Why checks before each operation and not a child process with memory and CPU limits:
the checks work the same on Windows, where `resource` does not exist and a spawned
child would have to re-import vastbus and receive the whole summary; and they can
say, in Swedish and with the template's line, *what* was too large. Every place a
template can make something large goes through this class: the intercepted
operators (`*`, `**`, `%`, `+`), `~` and every captured block (`join_text`, put in
the generated code by `_Generator`), every call (`call`: text methods, `str()`,
macros), `str.format` (`_LimitedFormatter`, which sees each field's width after
nested fields are filled in), every filter (`limit_filters`) and every `{{ … }}`
(`finalize`). limits.py computes each result's size from the arguments first.

Rendering happens in a daemon thread that the caller waits for; every call, filter,
output and attribute look-up in the template checks a stop flag, so a loop that is
given up on ends at its next step instead of running on in the background.
"""

from __future__ import annotations

import threading
import types
from collections.abc import Callable, Iterable
from typing import Any

import jinja2
from jinja2.compiler import CodeGenerator, Frame
from jinja2.nodes import Concat, EvalContext
from jinja2.runtime import Context
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter, SecurityError
from jinja2.utils import Namespace
from markupsafe import EscapeFormatter, Markup
from pydantic import BaseModel

from vastbus_cli.render import limits

SECONDS = 20.0
_OWN = "vastbus_cli"
#: Classes a template may call besides vastbus's own (jinja2's cycler, joiner, namespace).
_CALLABLE_CLASSES = (dict, list, tuple, str, int, float, bool)
#: Filters that never turn their value into text (the others are checked for its size first).
_STRUCTURAL = frozenset({"abs", "attr", "batch", "count", "d", "default", "dictsort", "first",
                         "float", "groupby", "int", "items", "join", "last", "length", "list",
                         "map", "max", "min", "random", "reject", "rejectattr", "reverse",
                         "round", "select", "selectattr", "slice", "sort", "sum", "unique"})
#: How many times longer than its value's text a filter's result can be: `&` is `&amp;`,
#: `<` in JSON `\\u003c`, "€" URL-encoded `%E2%82%AC`, a control character in a YAML
#: string or comment `\\U0010FFFF`. The value's text times this is checked first.
_GROWTH = {"e": 5, "escape": 5, "forceescape": 5, "xmlattr": 6, "tojson": 6, "urlencode": 12,
           "urlize": 10, "pprint": 4, "upper": 3, "lower": 3, "title": 3, "capitalize": 3,
           "yaml_string": 10, "comment": 10, "cell": 6, "md": 6, "markdown": 6}
#: Filters that make a list of a text's characters.
_ITERATING = frozenset({"list", "batch", "slice", "map", "select", "reject", "selectattr",
                        "rejectattr", "unique", "sort", "groupby"})
#: Filters whose numeric arguments size their result.
_SIZING = frozenset({"center", "indent", "truncate", "wordwrap", "batch", "slice"})
_PASSED = (Context, jinja2.Environment, EvalContext)


class Refused(SecurityError):
    """The sandbox refused something; the text says what, in Swedish."""


class LimitExceeded(Refused):
    """The template went past a size limit."""


class Stopped(Exception):
    """The caller has given up on this rendering (time limit)."""


def _refuse(what: str) -> LimitExceeded:
    return LimitExceeded(what)


class _LimitedNamespace(Namespace):
    """`namespace()` whose attributes cannot grow past the output limit (`ns.s = ns.s ~ ns.s`)."""

    def __setitem__(self, name: str, value: Any) -> None:
        if limits.size(value) > limits.MAX_CHARS:
            raise LimitExceeded(limits.too_large_text().what)
        super().__setitem__(name, value)


class _Generator(CodeGenerator):
    """Jinja's code generator, with `~` and the captured output of blocks, macros and
    `{% set %}…{% endset %}` joined by `UserSandbox.join_text`, which checks the size
    first (Jinja joins them with a plain `"".join` no sandbox method sees)."""

    def writeline(self, x: str, node: Any = None, extra: int = 0) -> None:
        super().writeline(x, node, extra)
        if x.startswith("from jinja2.runtime import "):
            super().writeline("concat = environment.join_text")

    def buffer(self, frame: Frame) -> None:
        """A captured block's output collects in `UserSandbox.new_buffer`, not a plain list."""
        frame.buffer = self.temporary_identifier()
        self.writeline(f"{frame.buffer} = environment.new_buffer()")

    def visit_Concat(self, node: Concat, frame: Frame) -> None:
        self.write("environment.join_text((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write("))")


class _Buffer(list[Any]):
    """The output a block, macro or `{% set %}…{% endset %}` captures, refused as soon as
    it grows past the limit (before it is joined)."""

    def __init__(self, env: UserSandbox) -> None:
        super().__init__()
        self.env = env
        self.size = 0

    def append(self, item: Any) -> None:
        self.env.check_stop()
        self.size += self.env.text_size(item, limits.MAX_CHARS - self.size)
        if self.size > limits.MAX_CHARS:
            raise _refuse(limits.too_large_text().what)
        super().append(item)

    def extend(self, items: Iterable[Any]) -> None:
        for item in items:
            self.append(item)


class _LimitedFormatter(SandboxedFormatter):
    """`str.format` in the sandbox, each field's size checked when its width is known."""

    def __init__(self, env: UserSandbox, **kwargs: Any) -> None:
        super().__init__(env, **kwargs)
        self.sandbox = env
        self.total = 0

    def convert_field(self, value: Any, conversion: str | None) -> Any:
        self.sandbox.check_text(value)
        return super().convert_field(value, conversion)

    def format_field(self, value: Any, format_spec: str) -> Any:
        self.total += self.sandbox.guard(limits.check_field, value, format_spec,
                                         self.sandbox.text_size)
        if self.total > limits.MAX_CHARS:
            raise _refuse(limits.too_large_text().what)
        return super().format_field(value, format_spec)


class _LimitedEscapeFormatter(_LimitedFormatter, EscapeFormatter):
    pass


class UserSandbox(ImmutableSandboxedEnvironment):
    """The sandbox with vastbus's own rules on top (see the module docstring)."""

    intercepted_binops = frozenset({"*", "**", "%", "+"})
    code_generator_class = _Generator

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stop = threading.Event()
        self.text_size = limits.TextSize()
        self.globals.pop("lipsum", None)  # text by the million in one call
        self.globals["namespace"] = _LimitedNamespace

    def limit_filters(self) -> None:
        """Wrap every filter and the output; call after the renderer adds its own."""
        for name, function in list(self.filters.items()):
            self.filters[name] = _checked_filter(self, name, function)
        finalize = self.finalize

        def checked_finalize(value: Any) -> Any:
            self.check_text(value)
            return finalize(value) if finalize is not None else value

        self.finalize = checked_finalize

    def check_stop(self) -> None:
        if self.stop.is_set():
            raise Stopped

    @staticmethod
    def guard(check: Callable[..., Any], *args: Any) -> Any:
        """`check(*args)`, a refusal from limits.py raised as the sandbox's own error."""
        try:
            return check(*args)
        except limits.TooBig as exc:
            raise _refuse(exc.what) from None

    def check_text(self, value: Any, growth: int = 1) -> None:
        """`str(value)`, or a text `growth` times longer, would stay within the limit."""
        self.check_stop()
        if self.text_size(value, limits.MAX_CHARS // growth) * growth > limits.MAX_CHARS:
            raise _refuse(limits.too_large_text().what)

    def new_buffer(self) -> list[Any]:
        return _Buffer(self)

    def join_text(self, parts: Iterable[Any]) -> str:
        """`~` and captured output: the parts' text measured before it is joined."""
        self.check_stop()
        items = list(parts)
        total = 0
        for item in items:
            total += self.text_size(item, limits.MAX_CHARS - total)
            if total > limits.MAX_CHARS:
                raise _refuse(limits.too_large_text().what)
        return "".join(map(str, items))

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        self.check_stop()
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

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """`str.format`/`format_map` through `_LimitedFormatter` (Jinja's own wrapper,
        with the formatter that checks each field)."""
        if not isinstance(value, types.MethodType | types.BuiltinMethodType) or \
                value.__name__ not in ("format", "format_map") or \
                not isinstance(value.__self__, str):
            return None
        text: str = value.__self__
        formatter = (_LimitedEscapeFormatter(self, escape=text.escape)
                     if isinstance(text, Markup) else _LimitedFormatter(self))
        mapping = value.__name__ == "format_map"

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if mapping:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one argument")
                return type(text)(_vformat(formatter, text, (), args[0]))
            return type(text)(_vformat(formatter, text, args, kwargs))

        return wrapper

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        __self.check_stop()
        if isinstance(__obj, type) and not __obj.__module__.startswith((_OWN, "jinja2")) \
                and __obj not in _CALLABLE_CLASSES:
            raise Refused(f"{__obj.__name__} får inte anropas i en egen mall")
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str | bytes | bytearray | list | tuple | int) and \
                not isinstance(owner, bool):
            name = getattr(__obj, "__name__", "")
            if name == "join" and args and not isinstance(args[0], list):
                args = (list(args[0]), *args[1:])
            for value in (*args, *kwargs.values()):
                __self.guard(limits.check_argument, value)
            __self.guard(limits.check_bound,
                         limits.method_bound(owner, name, args, kwargs, __self.text_size))
        result = super().call(__context, __obj, *args, **kwargs)
        return __self.guard(limits.check_result, result)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        self.check_stop()
        if operator == "**":
            self.guard(limits.check_power, left, right)
        elif operator == "*":
            self.guard(limits.check_product, left, right)
        elif operator == "%" and isinstance(left, str):
            self.guard(limits.check_percent, left, right, self.text_size)
        elif operator == "+":
            self.guard(limits.check_sum, left, right)
        return super().call_binop(context, operator, left, right)


def _vformat(formatter: _LimitedFormatter, text: str, args: Any, kwargs: Any) -> str:
    formatter.total = len(text)
    return formatter.vformat(text, args, kwargs)


def _checked_filter(env: UserSandbox, name: str,
                    function: Callable[..., Any]) -> Callable[..., Any]:
    """`function` with the size of its value, its arguments and its result checked."""
    check = _FILTER_CHECKS.get(name)

    def checked(*args: Any, **kwargs: Any) -> Any:
        env.check_stop()
        passed = sum(1 for a in args[:1] if isinstance(a, _PASSED))
        value, params = (args[passed], args[passed + 1:]) if len(args) > passed else (None, ())
        if name not in _STRUCTURAL:
            env.check_text(value, _GROWTH.get(name, 1))
        elif name in _ITERATING and isinstance(value, str | bytes):
            env.guard(limits.check_bound, len(value) + limits.SLOT * (len(value) + 1))
        if name in _SIZING and any(_too_big(p) for p in (*params, *kwargs.values())):
            raise _refuse(f"filtret {name} fick ett för stort tal")
        if check is not None:
            value = env.guard(check, env, value, params, kwargs)
            args = (*args[:passed], value, *params)
        return env.guard(limits.check_result, function(*args, **kwargs))

    if hasattr(function, "jinja_pass_arg"):  # how Jinja passes the context to the filter
        checked.jinja_pass_arg = function.jinja_pass_arg  # type: ignore[attr-defined]
    return checked


def _too_big(value: Any) -> bool:
    try:
        limits.check_argument(value)
    except limits.TooBig:
        return True
    return False


def _param(params: tuple[Any, ...], kwargs: dict[str, Any], at: int, name: str,
           default: Any) -> Any:
    return params[at] if len(params) > at else kwargs.get(name, default)


def _text(env: UserSandbox, value: Any) -> str:
    env.check_text(value)
    return str(value)


def _indent(env: UserSandbox, value: Any, params: tuple[Any, ...],
            kwargs: dict[str, Any]) -> Any:
    text = _text(env, value)
    limits.check_indent(text, _param(params, kwargs, 0, "width", 4))
    return text


def _wordwrap(env: UserSandbox, value: Any, params: tuple[Any, ...],
              kwargs: dict[str, Any]) -> Any:
    text = _text(env, value)
    limits.check_wordwrap(text, _text(env, _param(params, kwargs, 2, "wrapstring", "") or ""))
    return text


def _replace(env: UserSandbox, value: Any, params: tuple[Any, ...],
             kwargs: dict[str, Any]) -> Any:
    text = _text(env, value)
    old = _text(env, _param(params, kwargs, 0, "old", ""))
    new = _text(env, _param(params, kwargs, 1, "new", ""))
    count = _param(params, kwargs, 2, "count", None)
    limits.check_bound(limits.method_bound(text, "replace", (old, new, -1 if count is None
                                                             else count), {}, env.text_size))
    return text


def _join(env: UserSandbox, value: Any, params: tuple[Any, ...],
          kwargs: dict[str, Any]) -> Any:
    items = list(value)
    separator = _text(env, _param(params, kwargs, 0, "d", ""))
    limits.check_bound(limits.method_bound(separator, "join", (items,), {}, env.text_size))
    return items


def _format(env: UserSandbox, value: Any, params: tuple[Any, ...],
            kwargs: dict[str, Any]) -> Any:
    text = _text(env, value)
    limits.check_percent(text, dict(kwargs) if kwargs else tuple(params), env.text_size)
    return text


def _sum(env: UserSandbox, value: Any, params: tuple[Any, ...],
         kwargs: dict[str, Any]) -> Any:
    """`sum` adds numbers only: a sum of lists copies them all at every step, in C."""
    start = _param(params, kwargs, 1, "start", 0)
    if not isinstance(start, int | float):
        raise limits.TooBig("filtret sum räknar bara ihop tal i en egen mall")
    return value


_FILTER_CHECKS: dict[str, Callable[[UserSandbox, Any, tuple[Any, ...], dict[str, Any]], Any]] = {
    "indent": _indent, "wordwrap": _wordwrap, "replace": _replace, "join": _join,
    "format": _format, "sum": _sum,
}


def _own_public(value: Any) -> bool:
    """A module's attribute a template may use: vastbus's own functions and classes, constants."""
    if isinstance(value, str | int | float | bool | tuple | frozenset | dict | type(None)):
        return True
    module = getattr(value, "__module__", None) or ""
    return callable(value) and module.startswith(_OWN)


def _defined_by_vastbus(cls: type, attr: str) -> bool:
    return any(attr in klass.__dict__ for klass in cls.__mro__
               if klass.__module__.startswith(_OWN))
