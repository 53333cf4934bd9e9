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

from vastbus_cli.problems import Problem, error

# .xlsx (zip archive)
MAX_XLSX_MEMBERS = 1_000             # parts in the archive; an export has about a dozen
MAX_XLSX_UNCOMPRESSED = 300_000_000  # bytes, all parts inflated together
MAX_XLSX_RATIO = 100                 # inflated / compressed, for parts over RATIO_FROM bytes
RATIO_FROM = 1_000_000
# rows in an .xlsx sheet (a CSV streams, so its rows cost time, not memory); columns in both
MAX_ROWS = 500_000
MAX_COLUMNS = 5_000
# CSV
MAX_FIELD_CHARS = 131_072            # one answer (Python's csv default, now with a message)
MAX_ROW_CHARS = 2_000_000            # all fields of one row together

_HINT = ("Kontrollera att det är rätt fil. En riktig enkätexport är mycket mindre; "
         "exportera svaren på nytt, gärna som CSV.")


def _number(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def too_large(name: str, line: int, message: str, cause: str = "") -> Problem:
    return error(name, line, 1 if line else 0, "för-stor", message, cause + _HINT)


def xlsx_problem(path: Path, name: str) -> Problem | None:
    """A refusal when the archive's directory shows it is too large to open safely."""
    import zipfile  # ~2 ms of start-up, for an .xlsx only (a CSV tally never needs it)

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        return None  # not an archive at all: the reader says so in its own words
    if len(members) > MAX_XLSX_MEMBERS:
        return too_large(name, 0, f"Excel-filen består av {_number(len(members))} delar; "
                                  f"gränsen är {_number(MAX_XLSX_MEMBERS)}.")
    total = sum(member.file_size for member in members)
    if total > MAX_XLSX_UNCOMPRESSED:
        return too_large(name, 0, f"Excel-filen blir {_number(total)} byte när den packas upp; "
                                  f"gränsen är {_number(MAX_XLSX_UNCOMPRESSED)} byte.")
    for member in members:
        if member.file_size > RATIO_FROM and \
                member.file_size > MAX_XLSX_RATIO * max(member.compress_size, 1):
            ratio = member.file_size // max(member.compress_size, 1)
            return too_large(name, 0, f"En del av Excel-filen ({member.filename}) packas upp "
                                      f"{_number(ratio)} gånger; gränsen är {MAX_XLSX_RATIO} "
                                      "gånger (filen ser ut som en så kallad zip-bomb).")
    return None


def dimension_problem(name: str, rows: int | None, columns: int | None) -> Problem | None:
    """A refusal when a sheet has (or says it has) more rows or columns than allowed."""
    if rows is not None and rows > MAX_ROWS:
        return too_large(name, 0, f"Bladet har {_number(rows)} rader; gränsen är "
                                  f"{_number(MAX_ROWS)} rader.")
    if columns is not None and columns > MAX_COLUMNS:
        return too_large(name, 0, f"Bladet har {_number(columns)} kolumner; gränsen är "
                                  f"{_number(MAX_COLUMNS)} kolumner.")
    return None
