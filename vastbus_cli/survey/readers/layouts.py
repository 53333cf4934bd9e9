"""Which tool made the export, decided from its header rows alone.

Each layout module has `detect(rows)` and `build(rows) -> Layout`; the first
that recognises the header wins, the one-column layout being the fallback.
"""

from __future__ import annotations

from typing import Protocol

from vastbus_cli.survey.readers import limesurvey, one_column, qualtrics, surveymonkey
from vastbus_cli.survey.readers.headers import pad
from vastbus_cli.survey.responses import Layout


class LayoutReader(Protocol):
    """What a tool's reader module offers: a new reader (a Netigate module, say) is checked by
    mypy against this when it is added to `LAYOUTS`. Its evidence is only a start: the layers
    in `structure.py` read the rest of the file's structure from its cells."""

    NAME: str

    def detect(self, rows: list[list[str]]) -> bool:
        """Whether the header rows (padded to one width) are this tool's."""
        ...

    def build(self, rows: list[list[str]]) -> Layout:
        """The layout the header rows describe: header rows, fields, metadata columns."""
        ...


LAYOUTS: tuple[LayoutReader, ...] = (qualtrics, surveymonkey, limesurvey, one_column)
HEADER_ROWS = 3


def detect_layout(first_rows: list[list[str]]) -> Layout:
    """The layout of an export whose first (up to three) rows are `first_rows`."""
    rows = pad(first_rows[:HEADER_ROWS])
    module: LayoutReader = next((m for m in LAYOUTS if m.detect(rows)), one_column)
    layout = module.build(rows)
    if layout.header_rows < len(rows):  # data rows must not widen the header
        layout = module.build(pad(first_rows[: layout.header_rows]))
    return layout
