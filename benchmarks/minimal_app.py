"""The yardstick for start-up: a minimal Typer app with five commands and rich help."""

from __future__ import annotations

from pathlib import Path

import typer

app = typer.Typer(help="A minimal app.", rich_markup_mode="rich", add_completion=False,
                  no_args_is_help=True)


@app.command()
def template(year: int = typer.Option(2025, help="The year.")) -> None:
    """Write templates."""


@app.command()
def validate(paths: list[Path] = typer.Argument(..., help="Files or folders.")) -> None:
    """Validate reports."""


@app.command()
def compile(folder: Path, output: Path = typer.Option(..., "-o", help="Output file.")) -> None:
    """Compile a summary."""


@app.command()
def tally(files: list[Path], spec: Path | None = typer.Option(None, help="A spec.")) -> None:
    """Tally a survey."""


@app.command()
def schema() -> None:
    """Print the schema."""


if __name__ == "__main__":
    app()
