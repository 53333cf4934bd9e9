"""One option alphabet: a short flag means the same long option in every command (issue #20).

`-d` was --date in compile and --delimiter in tally, `-r` --roster and --round, `-s`
--subregion and --spec. A coordinator who learns a flag in one command must not get
another option from it in the next.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import typer
import typer.main

from vastbus_cli.cli import app


def _commands() -> dict[str, Any]:
    """Every command as Click builds it (Typer's vendored Click, reached by duck typing)."""
    group: Any = typer.main.get_command(app)
    ctx = typer.Context(group)
    return {name: group.get_command(ctx, name) for name in group.list_commands(ctx)}


def _options() -> list[tuple[str, str, list[str]]]:
    """(command, long option, short options) for every option of every command."""
    found = []
    for name, command in _commands().items():
        for param in command.params:
            if param.param_type_name != "option":
                continue
            names = [*param.opts, *param.secondary_opts]
            longs = [n for n in names if n.startswith("--")]
            shorts = [n for n in names if not n.startswith("--")]
            found.append((name, longs[0], shorts))
    return found


def test_every_command_is_checked() -> None:
    assert {"compile", "validate", "template", "tally", "schema"} <= set(_commands())


def test_a_short_flag_means_one_long_option_everywhere() -> None:
    meaning: dict[str, set[str]] = defaultdict(set)
    for _command, long, shorts in _options():
        for short in shorts:
            meaning[short].add(long)
    assert {s: ls for s, ls in meaning.items() if len(ls) > 1} == {}


def test_a_long_option_has_the_same_short_flag_everywhere() -> None:
    shorts_of: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for _command, long, shorts in _options():
        if long not in ("--help",):
            shorts_of[long].add(tuple(sorted(shorts)))
    assert {long: s for long, s in shorts_of.items() if len(s) > 1} == {}
