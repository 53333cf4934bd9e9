"""Hostile survey exports, generated: CSV and XLSX faults for `tally`.

Each case is a file named svar.csv or svar.xlsx (the `name` of the case) and
optionally extra command-line options. Workbooks are built with openpyxl and,
where a fault cannot be made through its API, by rewriting a part of the zip.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from dataclasses import dataclass

from vastbus_cli.survey.readers.limits import (
    MAX_COLUMNS,
    MAX_FIELD_CHARS,
    MAX_ROW_CHARS,
    MAX_ROWS,
    MAX_XLSX_MEMBERS,
)

HEADER = "Vilken grupp?;Fungerar SIP?\r\n"
ROWS = "Skövde;Ja\r\nGötene;Nej\r\nTöreboda;Ja\r\n"


@dataclass(frozen=True)
class SurveyCase:
    id: str
    name: str           # svar.csv or svar.xlsx
    data: bytes
    says: str = ""
    line: int | None = None
    code: int = 1
    options: tuple[str, ...] = ()
    shows: tuple[tuple[str, int], ...] = ()  # (answer, count) the Markdown must show


def workbook(*sheets: tuple[str, list[list[object]]], merge: str = "") -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if merge:
            sheet.merge_cells(merge)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite_part(data: bytes, part: str, change: object) -> bytes:
    """The archive with one part's text changed by `change(text) -> text`."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == part:
                content = change(content.decode()).encode()  # type: ignore[operator]
            target.writestr(info.filename, content)
    return buffer.getvalue()


def _sheet(data: bytes, change: object) -> bytes:
    return rewrite_part(data, "xl/worksheets/sheet1.xml", change)


GOOD = [["Vilken grupp?", "Fungerar SIP?"], ["Skövde", "Ja"], ["Götene", "Nej"],
        ["Töreboda", "Ja"]]
_BOOK = workbook(("Svar", GOOD))


def _many_members() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for i in range(MAX_XLSX_MEMBERS + 1):
            archive.writestr(f"x/{i}.xml", b"")
    return buffer.getvalue()


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _csv(text: str) -> bytes:
    return text.encode()


CSV_CASES = [
    SurveyCase("empty", "svar.csv", b"", "tom"),
    SurveyCase("only-blank-lines", "svar.csv", b"\r\n  \r\n\r\n", "tom"),
    SurveyCase("header-only", "svar.csv", _csv(HEADER), "inga svar", code=0),
    SurveyCase("ragged-rows", "svar.csv", _csv(HEADER + ROWS + "Skara;Ja;Nej;Kanske\r\n"),
               "fält", 5),
    SurveyCase("short-rows-padded", "svar.csv", _csv(HEADER + "Skövde\r\nGötene;Nej\r\n"), code=0,
               shows=(("Nej", 1),)),
    SurveyCase("unclosed-quote", "svar.csv", _csv(HEADER + 'Skövde;"Ja\r\nGötene;Nej\r\n'),
               "Citattecknet på rad 2 stängs aldrig", 2),
    SurveyCase("unclosed-quote-after-doubled", "svar.csv",
               _csv(HEADER + 'Skövde;"J""a"\r\nGötene;"Nej\r\n'), "rad 3 stängs aldrig", 3),
    SurveyCase("quoted-line-break-at-end", "svar.csv",
               _csv(HEADER + ROWS + 'Skara;"Ja\r\n"\r\n'), code=0),
    SurveyCase("unclosed-quote-long", "svar.csv",
               _csv(HEADER + 'Skövde;"Ja' + "\r\nGötene;Nej" * 20_000 + "\r\n"), "citattecken", 2),
    SurveyCase("newline-in-field", "svar.csv",
               _csv(HEADER + '"Sköv\r\nde";Ja\r\nGötene;"N\nej"\r\nTöreboda;Ja\r\n'), code=0,
               shows=(("Ja", 2), ("Sköv de", 1), ("N ej", 1))),
    # a stray NUL byte (real SurveyMonkey exports have them) is read with a warning (issue 16)
    SurveyCase("nul-byte", "svar.csv", _csv(HEADER + "Skövde;J\x00a\r\n"), "NUL-tecken", 2,
               code=0, shows=(("Ja", 1),)),
    SurveyCase("binary", "svar.csv", bytes(range(256)) * 8, "binära data", 1),
    SurveyCase("field-over-limit", "svar.csv",
               _csv(HEADER + ROWS + 'Skara;"' + "x" * (MAX_FIELD_CHARS + 1) + '"\r\n'),
               "längre än", 5),
    SurveyCase("row-over-limit", "svar.csv",
               _csv(HEADER + ROWS + ";".join(["y" * 100_000] * (MAX_ROW_CHARS // 100_000 + 1))
                    + "\r\n"), "längre än", 5),
    SurveyCase("columns-over-limit", "svar.csv",
               _csv(";".join(f"F{i}" for i in range(MAX_COLUMNS + 1)) + "\r\n" + ROWS),
               "gränsen", 1),
    SurveyCase("utf16-tab-text", "svar.csv",
               codecs.BOM_UTF16_LE + (HEADER + ROWS).replace(";", "\t").encode("utf-16-le"),
               code=0, shows=(("Ja", 2),)),
    SurveyCase("cp1252", "svar.csv", (HEADER + ROWS).encode("cp1252"), code=0,
               shows=(("Ja", 2),)),
    SurveyCase("wrong-encoding-given", "svar.csv", (HEADER + ROWS).encode("cp1252"),
               "UTF-8", 2, options=("--encoding", "utf-8")),
    SurveyCase("formulas", "svar.csv",
               _csv(HEADER + 'Skövde;"=HYPERLINK(""http://x"";""Ja"")"\r\nGötene;+1+1\r\n'
                    "Töreboda;@SUM(1)\r\n"), code=0, shows=(("+1+1", 1), ("=HYPERLINK(\"http://x\";\"Ja\")", 1))),
]

XLSX_CASES = [
    SurveyCase("not-a-zip", "svar.xlsx", _csv(HEADER + ROWS), "Excel"),
    SurveyCase("truncated-zip", "svar.xlsx", _BOOK[: len(_BOOK) // 2], "Excel"),
    SurveyCase("zip-without-workbook", "svar.xlsx",
               _zip({"a.txt": b"hej"}), "Excel"),
    SurveyCase("damaged-sheet-xml", "svar.xlsx", _sheet(_BOOK, lambda t: t[: len(t) // 2]),
               "skadat"),
    SurveyCase("empty-sheet", "svar.xlsx", workbook(("Svar", [])), "inga rader"),
    SurveyCase("header-only", "svar.xlsx", workbook(("Svar", GOOD[:1])), "inga svar", code=0),
    SurveyCase("several-sheets-first", "svar.xlsx",
               workbook(("Svar", GOOD), ("Annat", [["X"], ["Nej"]])), code=0,
               shows=(("Ja", 2),)),
    SurveyCase("several-sheets-chosen", "svar.xlsx",
               workbook(("Svar", GOOD), ("Annat", [["Fungerar SIP?", "X"], ["Nej", "1"],
                                                   ["Nej", "2"]])),
               code=0, options=("--sheet", "Annat"), shows=(("Nej", 2),)),
    SurveyCase("sheet-missing", "svar.xlsx", _BOOK, "Bladet 'Saknas' finns inte",
               options=("--sheet", "Saknas")),
    SurveyCase("formulas-without-values", "svar.xlsx",
               workbook(("Svar", [*GOOD, ["Skara", "=1+1"], ["Lidköping", '=HYPERLINK("x")']])),
               code=0, shows=(("Ja", 2),)),
    SurveyCase("merged-cells", "svar.xlsx", workbook(("Svar", GOOD), merge="A2:A3"), code=0,
               shows=(("Ja", 2),)),
    SurveyCase("dimension-claims-too-many-rows", "svar.xlsx",
               _sheet(_BOOK, lambda t: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:B900000"',
                                              t)), "rader"),
    SurveyCase("dimension-claims-too-many-columns", "svar.xlsx",
               _sheet(_BOOK, lambda t: re.sub(r'<dimension ref="[^"]*"',
                                              '<dimension ref="A1:XFD4"', t)), "kolumner"),
    SurveyCase("row-beyond-limit-without-dimension", "svar.xlsx",
               _sheet(_BOOK, lambda t: re.sub(r'<dimension ref="[^"]*"/>', "", t).replace(
                   'r="4"', f'r="{MAX_ROWS + 10}"').replace('A4"', f'A{MAX_ROWS + 10}"')
                   .replace('B4"', f'B{MAX_ROWS + 10}"')), "rader"),
    SurveyCase("too-many-parts", "svar.xlsx", _many_members(), "delar"),
]

