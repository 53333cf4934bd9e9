"""The command line: option parsing, one call into the pipeline, printing, an exit code.

Each command lives in its own module and registers itself on `app`.
"""

from __future__ import annotations

from vastbus_cli.cli import compile, rollup, schema, status, tally, template, validate  # noqa: F401  (registers commands)
from vastbus_cli.cli.app import app


def main() -> None:
    import os
    import sys

    from vastbus_cli.cli.lastline import run

    # The command line uses no pydantic plugins; looking for them reads every installed
    # package's metadata (~15 ms of start-up). A value the user set is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")

    sys.exit(run(app, sys.argv[1:]))


__all__ = ["app", "main"]
