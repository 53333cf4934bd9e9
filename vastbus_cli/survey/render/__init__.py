"""Renderers over a `Tally`: one module per format, chosen from a small table.

`table` prints to the terminal; the others return the bytes of a file.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from vastbus_cli.survey.model import Tally

FILE_FORMATS = {"md": "markdown", "xlsx": "xlsx", "json": "json", "csv": "csv"}
EXTENSIONS = {".md": "md", ".markdown": "md", ".xlsx": "xlsx", ".json": "json", ".csv": "csv"}


def format_for(path: Path) -> str | None:
    """The format an output file's extension asks for, or None when it is not one we write."""
    return EXTENSIONS.get(path.suffix.casefold())


def render_bytes(tally: Tally, fmt: str) -> bytes:
    module = importlib.import_module(f"vastbus_cli.survey.render.{FILE_FORMATS[fmt]}")
    data: bytes = module.render(tally)
    return data
