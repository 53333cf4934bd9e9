"""Option values coerced without pydantic where Typer's adapter only converts (start-up time).

Typer 0.29 and later coerce every option value through a pydantic `TypeAdapter`
built on first use, so even `vastbus schema -o fil.json` would import pydantic
(~100 ms, more than the rest of the command) and every command builds an adapter
per option. This sets Typer's lazily built runtime parameter in advance, for
flags, text, paths without checks (exists, resolve_path, a parser, ...), lists of
those, plain ints and enums, to one that converts the ordinary values itself
(a member's exact value, plain digits) and hands anything else to Typer's own
coercion, so its error messages (translated in swedish.py) stay as they are.
Older Typer versions without `typer._coercion` keep their own coercion.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from types import SimpleNamespace
from typing import Any

try:
    from typer._coercion import RuntimeParam
    from typer._param_types import coerce_cli_path
except ImportError:  # a Typer without pydantic coercion: nothing to do
    RuntimeParam = None  # type: ignore[assignment,misc]

_CHECKS = ("exists", "resolve_path", "allow_dash", "writable")


def _plain_path(info: Any) -> bool:
    return (info.parser is None and info.path_type is None and info.file_okay and info.dir_okay
            and info.readable and not any(getattr(info, name, False) for name in _CHECKS))


def _kind(annotation: Any, info: Any) -> str | None:
    """'bool', 'int', 'enum', 'str', 'path', 'list-str' or 'list-path' when Typer's adapter would only convert."""
    if getattr(info, "parser", None) is not None or getattr(info, "click_type", None) is not None:
        return None
    item = annotation
    prefix = ""
    if getattr(annotation, "__origin__", None) is list and len(annotation.__args__) == 1:
        item, prefix = annotation.__args__[0], "list-"
    if annotation is bool:
        return "bool"  # a flag's value is already a bool (or None, handled before)
    if annotation is int and info.min is None and info.max is None:
        return "int"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return "enum"
    if item is str:
        return prefix + "str"
    if item is Path and _plain_path(info):
        return prefix + "path"
    return None


if RuntimeParam is not None:

    @dataclass(frozen=True)
    class _Plain(RuntimeParam):
        kind: str

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            if self.kind == "bool":
                return value if isinstance(value, bool) else self._typer(value, param, ctx)
            if self.kind == "int":  # the default, or plain digits; anything else Typer checks
                if isinstance(value, int) and not isinstance(value, bool):
                    return value
                if isinstance(value, str) and value.isascii() and value.isdigit():
                    return int(value)
                return self._typer(value, param, ctx)
            if self.kind == "enum":  # a member or one's exact value; Typer words the errors
                members = {member.value: member for member in self.annotation}
                if isinstance(value, self.annotation):
                    return value
                if isinstance(value, str) and value in members:
                    return members[value]
                return self._typer(value, param, ctx)
            many = self.kind.startswith("list-")
            items = value if many and isinstance(value, (list, tuple)) else [value]
            if (many and not isinstance(value, (list, tuple))) or not all(
                    isinstance(item, str) for item in items):
                return self._typer(value, param, ctx)  # bytes or anything unusual
            done = [item if self.kind.endswith("str") else
                    coerce_cli_path(Path(item), self.parameter_info, path_type=Path,
                                    param=param, ctx=ctx)
                    for item in items]
            return done if many else done[0]

        def _typer(self, value: Any, param: Any, ctx: Any) -> Any:
            from typer._coercion import build_runtime_param

            return build_runtime_param(param.type_descriptor)._coerce_value(value, param, ctx)


def install(params: Iterable[Any]) -> None:
    """Give each plain bool/str/Path parameter the pydantic-free coercion (once)."""
    if RuntimeParam is None:
        return
    for param in params:
        descriptor = getattr(param, "type_descriptor", None)
        if descriptor is None or getattr(param, "_runtime_param", "absent") is not None:
            continue
        if descriptor.file_annotation is not None:
            continue
        kind = _kind(descriptor.annotation, descriptor.parameter_info)
        if kind is not None:
            param._runtime_param = _Plain(parameter_info=descriptor.parameter_info,
                                          annotation=descriptor.annotation, kind=kind)


def install_command(command: Any, help_names: Sequence[str]) -> None:
    """A command's parameters and its help option (which Typer creates once and caches)."""
    if RuntimeParam is None:
        return
    install(command.params)
    get_help_option = getattr(command, "get_help_option", None)
    if get_help_option is not None:
        option = get_help_option(SimpleNamespace(help_option_names=list(help_names)))
        if option is not None:
            install([option])
