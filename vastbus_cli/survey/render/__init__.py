"""Renderers over a `Tally`: one module per format, chosen from a small table.

`table` prints to the terminal; the others return the bytes of a file, and JSON, CSV
and Excel also write straight to one.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import IO

from vastbus_cli.survey.model import Tally

FILE_FORMATS = {"md": "markdown", "xlsx": "xlsx", "json": "json", "csv": "csv", "docx": "docx"}
EXTENSIONS = {".md": "md", ".markdown": "md", ".xlsx": "xlsx", ".json": "json", ".csv": "csv",
              ".docx": "docx", ".pdf": "pdf"}


def format_for(path: Path) -> str | None:
    """The format an output file's extension asks for, or None when it is not one we write."""
    return EXTENSIONS.get(path.suffix.casefold())


STREAMED = ("json", "csv", "xlsx")  # written to the file as they are made (`write_to`)


def write_to(tally: Tally, fmt: str, out: IO[bytes], report: object = None) -> None:
    """A `STREAMED` format written to `out` piece by piece: however many free-text answers
    there are, the file is never whole in memory. Excel takes `report` (the texts, the
    date and the title facts, on a first sheet)."""
    module = importlib.import_module(f"vastbus_cli.survey.render.{FILE_FORMATS[fmt]}")
    if fmt == "xlsx":
        module.write(tally, out, report=report)
    else:
        module.write(tally, out)


def render_bytes(tally: Tally, fmt: str, report: object = None) -> bytes:
    """The file's bytes; `report` (a `ReportOptions`) is for the Word report and its PDF."""
    if fmt == "pdf":
        from vastbus_cli.documents.libreoffice import docx_to_pdf

        return docx_to_pdf(render_bytes(tally, "docx", report), "rapport")
    module = importlib.import_module(f"vastbus_cli.survey.render.{FILE_FORMATS[fmt]}")
    data: bytes = module.render(tally, report) if fmt == "docx" else module.render(tally)
    return data
