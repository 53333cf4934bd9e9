"""One export file → `Responses`: pick the row source, detect the layout, check row widths."""

from __future__ import annotations

import errno
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from vastbus_cli.problems import Problem, error
from vastbus_cli.survey.readers.layouts import HEADER_ROWS, detect_layout
from vastbus_cli.survey.readers.text import binary_problem, iter_csv_rows, sniff
from vastbus_cli.survey.readers.xlsx import iter_xlsx_rows
from vastbus_cli.survey.responses import Layout, Responses, Row

MAX_RAGGED_REPORTED = 20
_EMPTY = Layout(name="", header_rows=0, fields=(), headers=())


@dataclass(frozen=True)
class ReadOptions:
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None


def os_message(exc: OSError) -> str:
    """The operating system's reason in Swedish, for the common cases."""
    reasons = {errno.ENOENT: "Filen finns inte.", errno.EISDIR: "Det är en mapp, inte en fil.",
               errno.EACCES: "Du saknar behörighet att läsa filen."}
    return reasons.get(exc.errno or 0, "Filen kan inte läsas.")


def is_xlsx(path: Path) -> bool:
    if path.suffix.casefold() in (".xlsx", ".xlsm"):
        return True
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def read_responses(path: Path, label: str, options: ReadOptions | None = None,
                   name: str | None = None) -> Responses:
    """Open `path` and return its layout and a lazy row stream; problems collect on the result."""
    options = options or ReadOptions()
    display = name or str(path)
    problems: list[Problem] = []
    notes: list[str] = []
    try:
        if is_xlsx(path):
            rows: Iterator[Row] = iter_xlsx_rows(path, options.sheet, display, problems)
            notes.append("Excel-fil" + (f", bladet '{options.sheet}'" if options.sheet else
                                        ", första bladet"))
        else:
            bad = binary_problem(path, display)
            if bad is not None:
                return Responses(display, label, _EMPTY, iter(()), [bad])
            fmt = sniff(path, options.encoding, options.delimiter)
            notes.append("CSV, " + fmt.describe())
            rows = iter_csv_rows(path, fmt, display, problems)
    except OSError as exc:
        problem = error(display, 0, 0, "oläsbar", os_message(exc),
                        "Kontrollera sökvägen och att du har behörighet att läsa filen.")
        return Responses(display, label, _EMPTY, iter(()), [problem])
    first: list[Row] = []
    for row in rows:
        first.append(row)
        if len(first) == HEADER_ROWS:
            break
    if not first:
        if not problems:
            problems.append(error(display, 1, 1, "tom-fil", "Filen innehåller inga rader.",
                                  "Kontrollera att du valt rätt fil."))
        return Responses(display, label, _EMPTY, iter(()), problems)
    layout = detect_layout([cells for _, cells in first])
    notes.append(f"format: {layout.name}")
    data = chain(first[layout.header_rows:], rows)
    width = len(layout.headers)
    responses = Responses(display, label, layout, iter(()), problems, notes)
    responses.rows = _fitted(data, width, display, problems)
    return responses


def _fitted(rows: Iterator[Row], width: int, name: str, problems: list[Problem]) -> Iterator[Row]:
    """Rows padded to the header width; a row with values beyond it cannot be placed."""
    ragged = 0
    for line, cells in rows:
        if len(cells) > width and any(c.strip() for c in cells[width:]):
            ragged += 1
            if ragged <= MAX_RAGGED_REPORTED:
                problems.append(error(
                    name, line, width + 1, "fel-antal-fält",
                    f"Rad {line} har {len(cells)} fält men rubrikraden har {width}; raden räknas inte.",
                    "Kontrollera avgränsaren (--delimiter) och att text med avgränsaren står "
                    "inom citattecken."))
            continue
        if len(cells) < width:
            cells = cells + [""] * (width - len(cells))
        yield line, cells
    if ragged > MAX_RAGGED_REPORTED:
        problems.append(error(name, 0, 0, "fel-antal-fält",
                              f"Ytterligare {ragged - MAX_RAGGED_REPORTED} rader har för många fält.",
                              "Filen verkar inte vara en korrekt CSV-export."))
