"""How large a survey export may be: every limit in one place, checked before reading.

A survey export of a few thousand answers is a few megabytes. A crafted file
can be far worse: an .xlsx is a zip archive, and a few kilobytes can inflate
to gigabytes ("zip bomb"), or claim a million rows. The archive's directory is
read first (it is small, and `zipfile` refuses to inflate a member beyond the
size the directory states), then rows and columns are counted while streaming.
The limits are generous for real exports and are named in the messages.
"""

from __future__ import annotations

from pathlib import Path

from vastbus_cli import zip_limits
from vastbus_cli.problems import Problem, error

# .xlsx (zip archive): the limits every archive from a user has (`zip_limits`)
MAX_XLSX_MEMBERS = zip_limits.MAX_MEMBERS
MAX_XLSX_UNCOMPRESSED = zip_limits.MAX_UNCOMPRESSED
MAX_XLSX_RATIO = zip_limits.MAX_RATIO
RATIO_FROM = zip_limits.RATIO_FROM
# rows in an .xlsx sheet (a CSV streams, so its rows cost time, not memory); columns in both
MAX_ROWS = 500_000
MAX_COLUMNS = 5_000
# CSV
MAX_FIELD_CHARS = 131_072            # one answer (Python's csv default, now with a message)
MAX_ROW_CHARS = 2_000_000            # all fields of one row together

_HINT = ("Kontrollera att det är rätt fil. En riktig enkätexport är mycket mindre; "
         "exportera svaren på nytt, gärna som CSV.")


_number = zip_limits.number


def too_large(name: str, line: int, message: str, cause: str = "") -> Problem:
    return error(name, line, 1 if line else 0, "för-stor", message, cause + _HINT)


def xlsx_problem(path: Path, name: str) -> Problem | None:
    """A refusal when the archive's directory shows it is too large to open safely."""
    excess = zip_limits.zip_excess(path)
    if excess is None:
        return None
    if excess.kind == "members":
        return too_large(name, 0, f"Excel-filen består av {_number(excess.value)} delar; "
                                  f"gränsen är {_number(excess.limit)}.")
    if excess.kind == "size":
        return too_large(name, 0, f"Excel-filen blir {_number(excess.value)} byte när den "
                                  f"packas upp; gränsen är {_number(excess.limit)} byte.")
    return too_large(name, 0, f"En del av Excel-filen ({excess.member}) packas upp "
                              f"{_number(excess.value)} gånger; gränsen är {excess.limit} "
                              "gånger (filen ser ut som en så kallad zip-bomb).")


def dimension_problem(name: str, rows: int | None, columns: int | None) -> Problem | None:
    """A refusal when a sheet has (or says it has) more rows or columns than allowed."""
    if rows is not None and rows > MAX_ROWS:
        return too_large(name, 0, f"Bladet har {_number(rows)} rader; gränsen är "
                                  f"{_number(MAX_ROWS)} rader.")
    if columns is not None and columns > MAX_COLUMNS:
        return too_large(name, 0, f"Bladet har {_number(columns)} kolumner; gränsen är "
                                  f"{_number(MAX_COLUMNS)} kolumner.")
    return None
