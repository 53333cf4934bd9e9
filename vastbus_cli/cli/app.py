"""The Typer application object every command module registers on."""

from __future__ import annotations

import typer

from vastbus_cli.cli import swedish

swedish.install()

app = typer.Typer(
    name="vastbus",
    help="Verktyg för Västbus: årsberättelser, delregionala sammanställningar och enkäter.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)


@app.callback()
def _global_options(
    debug: bool = typer.Option(False, "--debug",
                               help="Visa hela felspårningen om vastbus stöter på ett internt fel."),
) -> None:
    """Options before the command; `--debug` is read by the last line of defence (lastline.py)."""
