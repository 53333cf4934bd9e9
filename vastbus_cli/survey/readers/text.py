"""CSV bytes → rows: encoding and delimiter detection, and a streaming row reader.

Exports reach us straight from a survey tool or re-saved by Swedish Excel, so
the encoding may be UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode
text") or Windows-1252 (its "CSV": the Windows code page), or code page 850
(its "CSV (MS-DOS)": the console's), and the delimiter `,`, `;` or tab. A BOM decides
the encoding; otherwise strict UTF-8 over a sample, else whichever of Windows-1252
and 850 reads more Swedish letters (å, ä, ö are different bytes in each). The
delimiter is the one that gives a consistent number of fields over the first
rows; `csv.Sniffer` alone misreads `;` files whose answers contain commas.
Rows are streamed with their line numbers, never held in memory.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from operator import itemgetter
from pathlib import Path

from vastbus_cli.problems import Problem, error
from vastbus_cli.survey.readers.limits import (
    MAX_COLUMNS,
    MAX_FIELD_CHARS,
    MAX_ROW_CHARS,
    too_large,
)
from vastbus_cli.survey.responses import STRAY

SAMPLE_BYTES = 64 * 1024
SAMPLE_ROWS = 30
DELIMITERS = (";", ",", "\t")
_SEP_LINE = re.compile(r'^"?sep=(.)"?[,;\t]*$')

ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 med BOM", "utf-16": "UTF-16",
                  "cp1252": "Windows-1252", "cp850": "teckentabell 850 (Excels CSV för MS-DOS)"}
_SWEDISH_LETTERS = frozenset("åäöÅÄÖéÉüÜ")
DELIMITER_NAMES = {";": "semikolon", ",": "komma", "\t": "tabb"}

Row = tuple[int, list[str]]
Chunk = tuple[Sequence[int], list[list[str]]]  # the line each row starts on, and the rows
# a chunk's rows are walked once per field: small enough to stay in the processor's cache
# (1M rows, 11 columns, CPU: 2.9 s at 128 or 256 rows, 4.6 s at 512 or 1024)
CHUNK_ROWS = 256


@dataclass(frozen=True)
class TextFormat:
    """How a CSV file is to be read, and whether each part was detected or given."""

    encoding: str
    delimiter: str
    sep_line: bool = False

    def describe(self) -> str:
        encoding = ENCODING_NAMES.get(self.encoding, self.encoding)
        delimiter = DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))
        extra = ", med raden 'sep='" if self.sep_line else ""
        return f"kodning {encoding}, avgränsare {delimiter}{extra}"


def detect_encoding(sample: bytes, complete: bool) -> str:
    """BOM, else strict UTF-8 (a sequence cut off at the sample's end is fine), else cp1252
    or cp850 (`_single_byte`)."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        cut_off = not complete and exc.reason == "unexpected end of data"
        return "utf-8" if cut_off else _single_byte(sample)
    return "utf-8"


def _single_byte(sample: bytes) -> str:
    """Windows-1252, unless code page 850 reads more Swedish letters: "Göteborg" saved as
    "CSV (MS-DOS)" has ö as byte 0x94, which Windows-1252 reads as '"' (and Å, 0x8F, not
    at all); a Windows-1252 ö (0xF6) is '÷' in 850. A tie (no such letters) is Windows-1252."""
    def letters(encoding: str) -> int:
        text = sample.decode(encoding, errors="replace")
        return sum(1 for c in text if c in _SWEDISH_LETTERS)
    return "cp850" if letters("cp850") > letters("cp1252") else "cp1252"


def detect_delimiter(sample: str, complete: bool) -> tuple[str, bool]:
    """The delimiter and whether the text starts with Excel's `sep=X` line."""
    first, _, rest = sample.partition("\n")
    match = _SEP_LINE.match(first.strip())
    if match and match.group(1) in DELIMITERS:
        return match.group(1), True
    if not complete:  # the last line may be cut off
        sample = sample[: sample.rfind("\n") + 1] or sample
    best: tuple[float, int, int] = (0.0, 0, 0)
    chosen = ","
    for rank, delimiter in enumerate(DELIMITERS):
        try:
            rows = [r for r in csv.reader(io.StringIO(sample), delimiter=delimiter) if r]
        except csv.Error:
            continue
        counts = [len(r) for r in rows[:SAMPLE_ROWS]]
        if not counts:
            continue
        mode, hits = Counter(counts).most_common(1)[0]
        if mode < 2:
            continue
        score = (hits / len(counts), mode, -rank)
        if score > best:
            best, chosen = score, delimiter
    return chosen, False


def sniff(path: Path, encoding: str | None, delimiter: str | None) -> TextFormat:
    """Detect what the user did not give, from the first bytes of the file."""
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES + 1)
    complete = len(sample) <= SAMPLE_BYTES
    sample = sample[:SAMPLE_BYTES]
    enc = encoding or detect_encoding(sample, complete)
    text = sample.decode(enc, errors="replace")
    if text.startswith("\ufeff"):
        text = text[1:]
    found, sep_line = detect_delimiter(text, complete)
    if delimiter is not None:
        return TextFormat(enc, delimiter, sep_line and found == delimiter)
    return TextFormat(enc, found, sep_line)


# the first bytes of files that are never a CSV export: an old Excel .xls (OLE2), PDF, PNG,
# gzip, JPEG
_BINARY_MAGIC = (b"\xd0\xcf\x11\xe0", b"%PDF", b"\x89PNG", b"\x1f\x8b", b"\xff\xd8\xff")
# a text export with stray NUL bytes (real SurveyMonkey files have a few) has far fewer than
# this share of them; a binary file or UTF-16 without its BOM has far more
_NUL_SHARE = 0.01
_TEXT_BYTES = bytes([9, 10, 13, *range(0x20, 0x100)])  # what is deleted to leave control bytes


def binary_problem(path: Path, name: str) -> Problem | None:
    """A file that is plainly not text is refused up front: a binary signature, or NUL bytes
    that are more than a stray few (without a UTF-16 BOM). A few stray NUL bytes are read
    (`stray_control_characters` names their line)."""
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    if not sample.strip():
        return error(name, 1, 1, "tom-fil", "Filen är tom.", "Kontrollera att du valt rätt fil.")
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    nul = sample.count(b"\x00")
    control = len(sample.translate(None, _TEXT_BYTES))
    if sample.startswith(_BINARY_MAGIC) or control > _NUL_SHARE * len(sample) + 8:
        line = sample[: sample.find(b"\x00") if nul else 0].count(b"\n") + 1
        return error(name, line, 1, "inte-csv", "Filen är ingen CSV-fil (den innehåller binära data).",
                     "Exportera svaren som CSV eller Excel (.xlsx) från enkätverktyget.")
    return None


def decode_error_line(path: Path, encoding: str) -> int:
    """The line of the first byte `encoding` cannot decode (text streams decode ahead in chunks)."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    lines = 0
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(SAMPLE_BYTES), b""):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                return lines + bytes(exc.object[: exc.start]).count(b"\n") + 1
            lines += chunk.count(b"\n")
    return lines + 1


def iter_csv_rows(path: Path, fmt: TextFormat, name: str, problems: list[Problem]) -> Iterator[Row]:
    """Rows with the line each starts on (see `iter_csv_chunks`)."""
    for lines, rows in iter_csv_chunks(path, fmt, name, problems):
        yield from zip(lines, rows, strict=True)


def iter_csv_chunks(path: Path, fmt: TextFormat, name: str, problems: list[Problem],
                    size: int = CHUNK_ROWS) -> Iterator[Chunk]:
    """Non-blank rows in chunks, with the line each starts on.

    A fatal reading error ends the stream as a problem, after the rows before it.
    Rows are taken from `csv.reader` a chunk at a time and nothing is done per
    row unless the chunk needs it (a blank first cell, a quoted line break), so
    reading stays close to the bare parser's speed on a million rows.
    """
    try:
        handle = path.open("r", encoding=fmt.encoding, errors="strict", newline="")
    except LookupError:
        problems.append(error(name, 0, 0, "kodning", f"Okänd teckenkodning '{fmt.encoding}'.",
                              "Använd t.ex. --encoding utf-8 eller --encoding cp1252."))
        return
    with handle:
        offset = 0
        if fmt.sep_line:
            handle.readline()
            offset = 1
        csv.field_size_limit(MAX_FIELD_CHARS)
        reader = csv.reader(handle, delimiter=fmt.delimiter)
        first = True
        while True:
            before = reader.line_num
            rows: list[list[str]] = []
            failed = False
            try:
                rows.extend(islice(reader, size))  # keeps the rows read before an error
            except UnicodeDecodeError:
                failed = True
                line = decode_error_line(path, fmt.encoding)
                encoding = ENCODING_NAMES.get(fmt.encoding, fmt.encoding)
                problems.append(error(
                    name, line, 1, "kodning",
                    f"Filen kan inte läsas som {encoding} (ett tecken på rad {line} eller strax efter).",
                    "Ange rätt kodning med --encoding, t.ex. utf-8 eller cp1252, eller låt "
                    "vastbus känna av den (utan --encoding)."))
            except csv.Error as exc:
                failed = True
                if "field larger than field limit" in str(exc):
                    line = before + _lines_spanned(rows) + 1 + offset
                    problems.append(_field_too_long(name, line))
                else:
                    line = reader.line_num + offset
                    problems.append(error(name, line, 1, "inte-csv",
                                          f"Filen kan inte läsas som CSV på rad {line}.",
                                          "Exportera svaren på nytt som CSV från enkätverktyget."))
            if rows and not failed and len(rows) < size and rows[-1] \
                    and rows[-1][-1].endswith(("\n", "\r")):
                # the last cell runs to the end of the file: perhaps a quote never closed
                end = reader.line_num if not failed else before + _lines_spanned(rows)
                start = _start_lines(rows, before + 1 + offset, end - before)[-1]
                unclosed = _unclosed_quote(path, fmt, name, start)
                if unclosed is not None:
                    problems.append(unclosed)
                    rows, failed = rows[:-1], True
            if rows:
                if first and rows[0] and rows[0][0].startswith("\ufeff"):
                    rows[0][0] = rows[0][0][1:]
                first = False
                end = reader.line_num if not failed else before + _lines_spanned(rows)
                lines = _start_lines(rows, before + 1 + offset, end - before)
                widths = set(map(len, rows))  # one pass for both checks below
                refused = _too_large_row(name, lines, rows, max(widths))
                if refused is not None:
                    problems.append(refused[1])
                    lines, rows, failed = lines[:refused[0]], rows[:refused[0]], True
                chunk = _without_blank_rows(lines, rows, 0 in widths)
                if chunk[1]:
                    yield chunk
            if failed or len(rows) < size:
                return


def _too_large_row(name: str, lines: Sequence[int], rows: list[list[str]], widest: int
                   ) -> tuple[int, Problem] | None:
    """The first row with too many fields or characters, and its problem.

    A row can only pass MAX_ROW_CHARS with more fields than MAX_ROW_CHARS // MAX_FIELD_CHARS,
    so a narrow export (the common case) is checked by its widest row alone.
    """
    if widest <= MAX_ROW_CHARS // MAX_FIELD_CHARS:
        return None
    for index, (line, cells) in enumerate(zip(lines, rows, strict=True)):
        problem = _row_problem(name, line, cells)
        if problem is not None:
            return index, problem
    return None


def _lines_spanned(rows: list[list[str]]) -> int:
    """How many lines of the file the rows take, counting line breaks inside quoted cells."""
    return sum(_row_lines(row) for row in rows)


def _row_lines(row: list[str]) -> int:
    breaks = 0
    for cell in row:
        if "\n" in cell or "\r" in cell:
            breaks += cell.count("\n") + cell.count("\r") - cell.count("\r\n")
    return 1 + breaks


def _start_lines(rows: list[list[str]], start: int, spanned: int) -> Sequence[int]:
    """The line each row starts on; computed row by row only when a cell holds a line break."""
    if spanned == len(rows):
        return range(start, start + len(rows))
    lines: list[int] = []
    for row in rows:
        lines.append(start)
        start += _row_lines(row)
    return lines


def _without_blank_rows(lines: Sequence[int], rows: list[list[str]], empty: bool) -> Chunk:
    """Drop rows whose every cell is blank; only rows with a blank first cell are looked at.

    `empty`: whether some row has no cells at all (a blank line)."""
    if empty:
        kept = [i for i, row in enumerate(rows) if row]
        lines, rows = [lines[i] for i in kept], [rows[i] for i in kept]
    firsts = list(map(itemgetter(0), rows))
    if "" not in firsts and not any(map(str.isspace, firsts)) and all(map(str.isprintable, firsts)):
        return lines, rows
    kept = [i for i, row in enumerate(rows) if any(c.translate(STRAY).strip() for c in row)]
    if len(kept) == len(rows):
        return lines, rows
    return [lines[i] for i in kept], [rows[i] for i in kept]


def _unclosed_quote(path: Path, fmt: TextFormat, name: str, line: int) -> Problem | None:
    """A problem where a quote opens that is never closed, in the record starting on `line`."""
    with path.open("r", encoding=fmt.encoding, errors="replace", newline="") as handle:
        text = "".join(islice(handle, line - 1, None))
    opened = _open_quote(text, fmt.delimiter)
    if opened is None:
        return None
    at_line = line + text.count("\n", 0, opened) + text.count("\r", 0, opened) \
        - text.count("\r\n", 0, opened)
    column = opened - max(text.rfind("\n", 0, opened), text.rfind("\r", 0, opened))
    return error(name, at_line, column, "inte-csv",
                 f"Citattecknet på rad {at_line} stängs aldrig, så resten av filen blir ett "
                 "enda svar.", "Lägg till det avslutande citattecknet (\") eller ta bort det.")


def _open_quote(text: str, delimiter: str) -> int | None:
    """Where the quote that is still open at the end of `text` opened (csv's own rules:
    a quote opens a field only at its start; a doubled quote inside stands for one)."""
    inside, at_start, opened, index = False, True, None, 0
    while index < len(text):
        char = text[index]
        if inside:
            if char == '"':
                if text.startswith('"', index + 1):
                    index += 1
                else:
                    inside = False
        elif char == '"' and at_start:
            inside, opened = True, index
        else:
            at_start = char in (delimiter, "\n", "\r")
        if not inside and char == '"':
            at_start = False
        index += 1
    return opened if inside else None


def _field_too_long(name: str, line: int) -> Problem:
    return too_large(name, line, f"Ett fält i raden som börjar på rad {line} är längre än "
                                 f"{MAX_FIELD_CHARS:,} tecken.".replace(",", " "),
                     "Ett fält som aldrig tar slut beror ofta på ett citattecken (\") som inte "
                     "avslutas. ")


def _row_problem(name: str, line: int, cells: list[str]) -> Problem | None:
    if len(cells) > MAX_COLUMNS:
        return too_large(name, line, f"Rad {line} har {len(cells):,} fält; gränsen är "
                                     f"{MAX_COLUMNS:,}.".replace(",", " "))
    if sum(map(len, cells)) > MAX_ROW_CHARS:
        return too_large(name, line, f"Rad {line} är längre än {MAX_ROW_CHARS:,} tecken."
                         .replace(",", " "))
    return None
