"""One export file → `Responses`: pick the row source, detect the layout, check row widths."""

from __future__ import annotations

import errno
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice
from pathlib import Path

from vastbus_cli.paths import is_missing, path_problem
from vastbus_cli.problems import Problem, error
from vastbus_cli.survey.readers.headers import column_name
from vastbus_cli.survey.readers.layouts import HEADER_ROWS, detect_layout
from vastbus_cli.survey.readers.structure import refine
from vastbus_cli.survey.readers.text import CHUNK_ROWS, binary_problem, iter_csv_chunks, sniff
from vastbus_cli.survey.readers.xlsx import iter_xlsx_rows
from vastbus_cli.survey.responses import Chunk, Layout, Responses, Row

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
    dates = False
    wrong = path_problem(path)  # a folder, a named pipe (would wait forever), a link to nowhere
    if wrong is not None and not is_missing(wrong):
        problem = error(display, 0, 0, "oläsbar", wrong, "Ange en exportfil (.csv eller .xlsx).")
        return Responses(display, label, _EMPTY, iter(()), [problem])
    try:
        if is_xlsx(path):
            chunks: Iterable[Chunk] = _chunked(iter_xlsx_rows(path, options.sheet, display,
                                                              problems))
            dates = True
            notes.append("Excel-fil" + (f", bladet '{options.sheet}'" if options.sheet else
                                        ", första bladet"))
        else:
            bad = binary_problem(path, display)
            if bad is not None:
                return Responses(display, label, _EMPTY, iter(()), [bad])
            fmt = sniff(path, options.encoding, options.delimiter)
            notes.append("CSV, " + fmt.describe())
            chunks = iter_csv_chunks(path, fmt, display, problems)
    except OSError as exc:
        problem = error(display, 0, 0, "oläsbar", os_message(exc),
                        "Kontrollera sökvägen och att du har behörighet att läsa filen.")
        return Responses(display, label, _EMPTY, iter(()), [problem])
    chunks = iter(chunks)
    first: list[Row] = []
    lines: Sequence[int] = ()
    rows: list[list[str]] = []
    for lines, rows in chunks:
        taken = min(HEADER_ROWS - len(first), len(rows))
        first += zip(lines[:taken], rows[:taken], strict=True)
        lines, rows = lines[taken:], rows[taken:]
        if len(first) == HEADER_ROWS:
            break
    if not first:
        if not problems:
            problems.append(error(display, 1, 1, "tom-fil", "Filen innehåller inga rader.",
                                  "Kontrollera att du valt rätt fil."))
        return Responses(display, label, _EMPTY, iter(()), problems)
    layout, found = refine(detect_layout([cells for _, cells in first]),
                           [cells for _, cells in first], rows)
    notes.append(f"format: {layout.name}")
    if layout.metadata:
        notes.append("metadata som aldrig räknas eller visas: "
                     + ", ".join(f"'{layout.headers[i] or column_name(i)}'" for i in layout.metadata))
    notes += found
    rest = first[layout.header_rows:]
    # the data rows of the first chunk stay one chunk: the tally plans its counting from the
    # first chunk it sees, and a few rows would misjudge how many distinct answers a column has
    head: list[Chunk] = []
    if rest or rows:
        head.append(([n for n, _ in rest] + list(lines), [c for _, c in rest] + rows))
    width = len(layout.headers)
    responses = Responses(display, label, layout, iter(()), problems, notes, dates=dates)
    responses.chunks = _fitted(chain(head, chunks), width, display, problems)
    return responses


def _chunked(rows: Iterator[Row], size: int = CHUNK_ROWS) -> Iterator[Chunk]:
    while True:
        part = list(islice(rows, size))
        if not part:
            return
        yield [n for n, _ in part], [cells for _, cells in part]


def _fitted(chunks: Iterator[Chunk], width: int, name: str,
            problems: list[Problem]) -> Iterator[Chunk]:
    """Chunks whose rows are padded to the header width; a row with values beyond it cannot be
    placed. Rows are looked at one by one only in a chunk whose widths differ from the header."""
    ragged = 0
    for lines, rows in chunks:
        if set(map(len, rows)) == {width}:
            yield lines, rows
            continue
        kept_lines: list[int] = []
        kept: list[list[str]] = []
        for line, cells in zip(lines, rows, strict=True):
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                ragged += 1
                if ragged <= MAX_RAGGED_REPORTED:
                    problems.append(error(
                        name, line, width + 1, "fel-antal-fält",
                        f"Rad {line} har {len(cells)} fält men rubrikraden har {width}; "
                        "raden räknas inte.",
                        "Kontrollera avgränsaren (--delimiter) och att text med avgränsaren står "
                        "inom citattecken."))
                continue
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            kept_lines.append(line)
            kept.append(cells)
        if kept:
            yield kept_lines, kept
    if ragged > MAX_RAGGED_REPORTED:
        problems.append(error(name, 0, 0, "fel-antal-fält",
                              f"Ytterligare {ragged - MAX_RAGGED_REPORTED} rader har för många fält.",
                              "Filen verkar inte vara en korrekt CSV-export."))
