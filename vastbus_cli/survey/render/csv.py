"""The tally as CSV in long format, one row per round, group, question and option.

Comma-separated UTF-8 with a BOM (so Excel reads å, ä, ö); text that Excel
would evaluate as a formula is neutralised.
"""

from __future__ import annotations

import csv
import io
from typing import IO

from vastbus_cli.documents.cells import csv_text
from vastbus_cli.survey.model import Tally
from vastbus_cli.survey.render.common import LONG_HEADER, long_rows


def render(tally: Tally) -> bytes:
    buffer = io.BytesIO()
    write(tally, buffer)
    return buffer.getvalue()


def write(tally: Tally, out: IO[bytes]) -> None:
    """The CSV written row by row: a million free-text answers never whole in memory."""
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="", write_through=False)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(LONG_HEADER)
    for row in long_rows(tally):
        writer.writerow([csv_text(v) if isinstance(v, str) else ("" if v is None else v)
                         for v in row])
    text.flush()
    text.detach()  # leave `out` open for its owner
