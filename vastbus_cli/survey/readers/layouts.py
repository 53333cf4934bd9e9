"""Which tool made the export, decided from its header rows alone.

Each layout module has `detect(rows)` and `build(rows) -> Layout`; the first
that recognises the header wins, the one-column layout being the fallback.
"""

from __future__ import annotations

from vastbus_cli.survey.readers import limesurvey, one_column, qualtrics, surveymonkey
from vastbus_cli.survey.readers.headers import pad
from vastbus_cli.survey.responses import Layout

LAYOUTS = (qualtrics, surveymonkey, limesurvey, one_column)
HEADER_ROWS = 3


def detect_layout(first_rows: list[list[str]]) -> Layout:
    """The layout of an export whose first (up to three) rows are `first_rows`."""
    rows = pad(first_rows[:HEADER_ROWS])
    for module in LAYOUTS:
        if module.detect(rows):
            return module.build(rows)
    return one_column.build(rows)
