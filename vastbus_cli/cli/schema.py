"""`vastbus schema`: the JSON Schema of the report format."""

from __future__ import annotations

from pathlib import Path

import typer

from vastbus_cli.cli.app import app
from vastbus_cli.cli.common import stdout_or_file, write_output, write_stdout


@app.command("schema", help="Skriv ut JSON Schema för årsberättelsens format (för editorer).")
def schema_command(
    output: Path | None = typer.Option(None, "--output", "-o", help="Skriv till fil i stället."),
    force: bool = typer.Option(False, "--force", help="Ersätt en befintlig fil."),
) -> None:
    from vastbus_cli.reports.schema import report_schema_json

    text = report_schema_json()
    output = stdout_or_file(output)
    if output is None:
        write_stdout(text)
    else:
        write_output(output, text.encode("utf-8"), force)
