"""Each job's output formats, one table per job: `SUMMARY` (compile, rollup), `TALLY`, `STATUS`.

Everything that lists or tests formats reads these tables: the commands' `--format`
choices and their help and error texts, the suffix rule, the renderer picked, which
formats take a Word reference document or the report's texts, and the tests'
parameters (the identity-number leak tests and the fuzz targets run over every format a
renderer of ours writes). Adding a format is adding a renderer module and a row here
(README, "Adding an output format").

Kept light (no renderer, no model, no Typer): every command module reads it at start-up
to build its options' help, and `vastbus --help` loads it.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import Enum
from pathlib import Path

from vastbus_cli.documents.phrases import names


class OutputFormat:
    """One row: what the CLI, the renderers and the tests need to know about a format.

    A plain class, not a dataclass: every command builds these tables at start-up, and a
    dataclass of ten fields costs ~4 ms to create (its methods are generated with exec).
    """

    __slots__ = ("name", "label", "extensions", "module", "binary", "word", "converted_from",
                 "terminal", "streamed", "report")

    def __init__(self, name: str, label: str, extensions: tuple[str, ...], module: str, *,
                 binary: bool = False, word: bool = False, converted_from: str | None = None,
                 terminal: bool = False, streamed: bool = False, report: bool = False) -> None:
        self.name = name  # the --format value
        self.label = label  # the name a coordinator knows it by, in help and messages ("Word")
        self.extensions = extensions  # lower case; the first is the one suggested
        self.module = module  # the renderer's module (imported only when the format is chosen)
        self.binary = binary  # not for the screen: needs -o FILE
        self.word = word  # the Word family: a reference document's styles apply
        self.converted_from = converted_from  # made by LibreOffice from this format's document
        self.terminal = terminal  # shown in the terminal only, never written to a file
        self.streamed = streamed  # written to the file piece by piece (`write(…, out)`)
        self.report = report  # takes the coordinator's texts, the date and the title facts

    def __repr__(self) -> str:
        return f"OutputFormat({self.name!r})"

    @property
    def extension(self) -> str:
        return self.extensions[0]

    @property
    def own_renderer(self) -> bool:
        """Written by vastbus's own code, not converted from another format's document:
        what a privacy or fuzz test has to look into (a conversion adds no text)."""
        return self.converted_from is None


def _table(*rows: OutputFormat) -> dict[str, OutputFormat]:
    return {row.name: row for row in rows}


SUMMARY = _table(
    OutputFormat("md", "Markdown", (".md", ".markdown"), "vastbus_cli.render.markdown"),
    OutputFormat("docx", "Word", (".docx",), "vastbus_cli.render.docx", binary=True, word=True),
    OutputFormat("xlsx", "Excel", (".xlsx",), "vastbus_cli.render.xlsx", binary=True),
    OutputFormat("pdf", "PDF", (".pdf",), "vastbus_cli.render.pdf", binary=True, word=True,
                 converted_from="docx"),
    OutputFormat("json", "JSON", (".json",), "vastbus_cli.render.json"),
)

TALLY = _table(
    OutputFormat("table", "tabell", (), "vastbus_cli.survey.render.table", terminal=True),
    OutputFormat("md", "Markdown", (".md", ".markdown"), "vastbus_cli.survey.render.markdown"),
    OutputFormat("xlsx", "Excel", (".xlsx",), "vastbus_cli.survey.render.xlsx", binary=True,
                 streamed=True, report=True),
    OutputFormat("docx", "Word", (".docx",), "vastbus_cli.survey.render.docx", binary=True,
                 word=True, report=True),
    OutputFormat("pdf", "PDF", (".pdf",), "vastbus_cli.survey.render.pdf", binary=True,
                 word=True, converted_from="docx", report=True),
    OutputFormat("json", "JSON", (".json",), "vastbus_cli.survey.render.json", streamed=True),
    OutputFormat("csv", "CSV", (".csv",), "vastbus_cli.survey.render.csv", streamed=True),
)


#: `vastbus status`: the roster's state, one module writes them all (year/status_output.py).
STATUS = _table(
    OutputFormat("table", "tabell", (), "vastbus_cli.year.status_output", terminal=True),
    OutputFormat("md", "Markdown", (".md", ".markdown"), "vastbus_cli.year.status_output"),
    OutputFormat("json", "JSON", (".json",), "vastbus_cli.year.status_output"),
    OutputFormat("xlsx", "Excel", (".xlsx",), "vastbus_cli.year.status_output", binary=True),
)


def for_path(table: dict[str, OutputFormat], path: Path) -> OutputFormat | None:
    """The format an output file's suffix asks for (any case), or None."""
    suffix = path.suffix.casefold()
    return next((f for f in table.values() if suffix in f.extensions), None)


def choices(name: str, table: dict[str, OutputFormat]) -> type[Enum]:
    """The `--format` choices as the string enum Typer shows and checks, in the table's order."""
    return Enum(name, {f: f for f in table}, type=str)  # type: ignore[return-value]


def files(table: dict[str, OutputFormat]) -> list[OutputFormat]:
    """The formats written to a file, in the table's order."""
    return [f for f in table.values() if not f.terminal]


def name_list(formats: Iterable[OutputFormat]) -> str:
    """'md, docx, xlsx, pdf eller json'."""
    return names([f.name for f in formats], "eller")


def extension_list(formats: Iterable[OutputFormat]) -> str:
    """'.md, .docx, .xlsx, .pdf eller .json'."""
    return names([f.extension for f in formats], "eller")


def label_list(formats: Iterable[OutputFormat], last: str = "eller") -> str:
    """'Markdown, Word, Excel, PDF eller JSON'."""
    return names([f.label for f in formats], last)


def compound(words: list[str], last: str = "eller") -> str:
    """Words sharing the end of a compound, as Swedish writes them: '.docx- eller .pdf'
    (+ '-fil'), 'Word-, PDF- och Excel' (+ '-utdata')."""
    return names([f"{w}-" for w in words[:-1]] + words[-1:], last)


def needs_libreoffice(table: dict[str, OutputFormat]) -> str:
    """'PDF kräver LibreOffice.' (nothing when no format is a conversion)."""
    converted = [f for f in table.values() if f.converted_from is not None]
    return f"{label_list(converted, 'och')} kräver LibreOffice." if converted else ""
