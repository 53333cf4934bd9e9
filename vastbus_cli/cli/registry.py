"""Commands registered with Typer but built into Click commands only when looked up.

Typer turns every registered command into a Click command (signature, type hints,
one Click parameter per option) before it parses the command line, although a
run uses one of them: for `vastbus validate` four fifths of that work (~5 ms)
was for the other commands. `app` (app.py) keeps its commands aside, so the group
Typer builds starts empty, and the group's `commands` is a `LazyCommands`, which
builds a command with Typer's own `get_command_from_info` the first time it is
looked up. The top-level help looks all of them up, as before.

The one module that leans on Typer beyond its documented API (like cli/swedish.py for
Click's texts): Typer has no public way to build one command on demand, so this uses
`Typer.registered_commands`, `typer.models.CommandInfo`, `typer.main.get_command_name`
and `typer.main.get_command_from_info`, and nothing else in vastbus does.
`tests/test_registry.py` fails naming whichever of them a Typer release changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, MutableMapping
from typing import Any

import typer
import typer.main
from typer.models import CommandInfo


class LazyApp(typer.Typer):
    """A Typer app whose `@app.command()`s go to `lazy_commands` (see LazyCommands)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands: list[CommandInfo] = []

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Any], Any]:
        register = super().command(*args, **kwargs)

        def decorator(f: Any) -> Any:
            register(f)
            self.lazy_commands.append(self.registered_commands.pop())
            return f

        return decorator


def command_name(info: CommandInfo) -> str:
    return info.name or typer.main.get_command_name(info.callback.__name__)  # type: ignore[union-attr]


def build_command(info: CommandInfo, app: typer.Typer, rich_markup_mode: Any) -> Any:
    """The Click command Typer would have built for `info` up front."""
    return typer.main.get_command_from_info(
        info, pretty_exceptions_short=app.pretty_exceptions_short,
        rich_markup_mode=rich_markup_mode)


class LazyCommands(MutableMapping[str, Any]):
    """name → Click command, built by `build(info)` on first lookup, in registration order."""

    def __init__(self, infos: list[CommandInfo], build: Callable[[CommandInfo], Any]) -> None:
        self._infos = {command_name(info): info for info in infos}
        self._built: dict[str, Any] = {}
        self._build = build

    def __getitem__(self, name: str) -> Any:
        if name not in self._built:
            self._built[name] = self._build(self._infos[name])
        return self._built[name]

    def __setitem__(self, name: str, command: Any) -> None:
        self._built[name] = command

    def __delitem__(self, name: str) -> None:
        found = self._infos.pop(name, None) is not None
        if self._built.pop(name, None) is None and not found:
            raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter({**dict.fromkeys(self._infos), **dict.fromkeys(self._built)})

    def __len__(self) -> int:
        return len(self._infos.keys() | self._built.keys())
