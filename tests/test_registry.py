"""What cli/registry.py uses of Typer beyond its documented API, each by name.

Typer has no public way to build one command on demand (cli/registry.py says why vastbus
does); a release that renames or reshapes one of these fails here, naming it, instead of
as a broken command line.
"""

from __future__ import annotations

import inspect

import typer
import typer.main
import typer.models

from vastbus_cli.cli.registry import LazyApp, build_command, command_name


def test_typer_keeps_registered_commands_as_a_list_of_command_infos() -> None:
    plain = typer.Typer()

    @plain.command("hej")
    def hello() -> None:
        """Hej."""

    assert isinstance(plain.registered_commands, list), "Typer.registered_commands"
    (info,) = plain.registered_commands
    assert isinstance(info, typer.models.CommandInfo), "typer.models.CommandInfo"
    assert info.name == "hej" and info.callback is hello, "CommandInfo.name / .callback"


def test_typer_names_a_command_from_its_function() -> None:
    assert callable(getattr(typer.main, "get_command_name", None)), "typer.main.get_command_name"
    assert typer.main.get_command_name("visa_lage") == "visa-lage"


def test_typer_builds_one_command_from_its_info() -> None:
    build = getattr(typer.main, "get_command_from_info", None)
    assert callable(build), "typer.main.get_command_from_info"
    parameters = inspect.signature(build).parameters
    assert list(parameters)[:1] == ["command_info"], "get_command_from_info(command_info, …)"
    for name in ("pretty_exceptions_short", "rich_markup_mode"):
        assert name in parameters, f"get_command_from_info({name}=…)"


def test_a_lazy_app_builds_the_command_typer_would_have_built() -> None:
    lazy = LazyApp()

    @lazy.command()
    def visa_lage(mapp: str, snabb: bool = typer.Option(False, "--snabb")) -> None:
        """Visa läget."""

    assert lazy.registered_commands == []  # kept aside, so Typer's group starts empty
    (info,) = lazy.lazy_commands
    assert command_name(info) == "visa-lage"
    command = build_command(info, lazy, "rich")
    assert command.name == "visa-lage"
    assert [p.name for p in command.params] == ["mapp", "snabb"]
