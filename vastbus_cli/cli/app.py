"""The Typer application object every command module registers on."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperGroup

from vastbus_cli import heap
from vastbus_cli.cli.registry import LazyApp, LazyCommands, build_command

HELP_OPTIONS = ("-h", "--help")


@contextmanager
def _swedish_on_error() -> Iterator[None]:
    """Translate Click's texts just before an error it raises is shown.

    Any exception but a plain exit may be a usage error (Click's exception
    classes differ between Typer versions); translating costs only time.
    """
    try:
        yield
    except typer.Exit:
        raise
    except Exception:
        _install_swedish()
        raise


def _install_swedish() -> None:
    from vastbus_cli.cli import swedish

    swedish.install()


class _Vastbus(TyperGroup):
    """Loads the Swedish help texts (and rich's help machinery) only when they are shown.

    Patching Click's texts costs ~60 ms of imports (`typer.rich_utils`); a normal
    command shows none of them. Help is shown for `-h`/`--help` or no arguments;
    usage errors pass through `make_context` or `invoke`, where they are caught,
    translated and raised again for Typer to print.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(app.lazy_commands, self._build)

    def _build(self, info: Any) -> Any:
        return build_command(info, app, self.rich_markup_mode)

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None,
                     **extra: Any) -> Any:
        if not args or any(a in HELP_OPTIONS for a in args):
            _install_swedish()
        with _swedish_on_error():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: Any) -> Any:
        with _swedish_on_error(), heap.one_command():
            return super().invoke(ctx)


app = LazyApp(
    cls=_Vastbus,
    name="vastbus",
    help="Verktyg för Västbus: årsberättelser, delregionala sammanställningar och enkäter.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": list(HELP_OPTIONS)},
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


def _print_version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("vastbus")
        except PackageNotFoundError:  # run from a source tree that is not installed
            number = "okänd"
        typer.echo(f"vastbus {number}")
        raise typer.Exit()


@app.callback()
def _global_options(
    debug: bool = typer.Option(False, "--debug",
                               help="Visa hela felspårningen om vastbus stöter på ett internt fel."),
    show_version: bool = typer.Option(False, "--version", callback=_print_version,
                                      is_eager=True, help="Visa vastbus version och avsluta."),
) -> None:
    """Options before the command; `--debug` is read by the last line of defence (lastline.py)."""
