"""Renderers over a `Tally`: one module per format of `formats.TALLY`, imported when chosen.

`table` prints to the terminal; the others return the bytes of a file, and the streamed
ones (JSON, CSV, Excel) also write straight to one.
"""

from __future__ import annotations

import importlib
from typing import IO

from vastbus_cli.formats import TALLY
from vastbus_cli.survey.model import Tally


def write_to(tally: Tally, fmt: str, out: IO[bytes], report: object = None) -> None:
    """A streamed format written to `out` piece by piece: however many free-text answers
    there are, the file is never whole in memory. A report format takes `report` (the
    texts, the date and the title facts; Excel on a first sheet)."""
    row = TALLY[fmt]
    assert row.streamed, fmt
    module = importlib.import_module(row.module)
    if row.report:
        module.write(tally, out, report=report)
    else:
        module.write(tally, out)


def render_bytes(tally: Tally, fmt: str, report: object = None) -> bytes:
    """The file's bytes; `report` (a `ReportOptions`) is for the report formats."""
    row = TALLY[fmt]
    module = importlib.import_module(row.module)
    data: bytes = module.render(tally, report) if row.report else module.render(tally)
    return data
