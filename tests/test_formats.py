"""One table per job's output formats (vastbus_cli/formats.py), and nothing else lists them.

Adding a format is adding a renderer module and a row: the commands' choices, their help
and error texts and the tests' parameters follow the row. The guard at the end fails on
a format list written by hand anywhere else in vastbus_cli/ (issue 28.5).
"""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.cli.status import StatusFormat
from vastbus_cli.cli.summary_output import SummaryFormat
from vastbus_cli.cli.tally import TallyFormat
from vastbus_cli.formats import (
    STATUS,
    SUMMARY,
    TALLY,
    OutputFormat,
    choices,
    compound,
    extension_list,
    files,
    for_path,
    label_list,
    name_list,
    needs_libreoffice,
)

PACKAGE = Path(__file__).resolve().parent.parent / "vastbus_cli"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
runner = CliRunner()


def test_the_commands_choices_are_the_tables_rows_in_order() -> None:
    assert [m.value for m in SummaryFormat] == ["md", "docx", "xlsx", "pdf", "json"]
    assert [m.value for m in TallyFormat] == ["table", "md", "xlsx", "docx", "pdf", "json", "csv"]
    assert [m.value for m in SummaryFormat] == list(SUMMARY)
    assert [m.value for m in TallyFormat] == list(TALLY)
    assert [m.value for m in StatusFormat] == list(STATUS) == ["table", "md", "json", "xlsx"]


@pytest.mark.parametrize("row", [*SUMMARY.values(), *TALLY.values()],
                         ids=[f"{t}-{n}" for t, table in (("summary", SUMMARY), ("tally", TALLY))
                              for n in table])
def test_every_row_names_a_renderer_that_exists(row: OutputFormat) -> None:
    module = importlib.import_module(row.module)
    assert callable(getattr(module, "print_tally" if row.terminal else "render"))
    if row.streamed:
        assert callable(module.write)
    if row.converted_from is not None:
        assert row.binary and row.converted_from in (SUMMARY if row.name in SUMMARY else TALLY)


def test_a_new_row_reaches_every_text() -> None:
    """What adding ODT to the summary's table would show (the table is all that changes)."""
    odt = OutputFormat("odt", "OpenDocument", (".odt",), "vastbus_cli.render.odt", binary=True,
                       word=True, converted_from="docx")
    table = {**SUMMARY, "odt": odt}
    assert [m.value for m in choices("Test", table)] == ["md", "docx", "xlsx", "pdf", "json", "odt"]
    assert name_list(table.values()) == "md, docx, xlsx, pdf, json eller odt"
    assert extension_list(files(table)) == ".md, .docx, .xlsx, .pdf, .json eller .odt"
    assert label_list(table.values()) == "Markdown, Word, Excel, PDF, JSON eller OpenDocument"
    assert needs_libreoffice(table) == "PDF och OpenDocument kräver LibreOffice."
    assert compound([f.extension for f in table.values() if f.word]) == ".docx-, .pdf- eller .odt"
    assert for_path(table, Path("rapport.ODT")) is odt


def test_texts_from_the_tables_word_for_word() -> None:
    assert label_list(SUMMARY.values()) == "Markdown, Word, Excel, PDF eller JSON"
    assert extension_list(files(TALLY)) == ".md, .xlsx, .docx, .pdf, .json eller .csv"
    assert needs_libreoffice(SUMMARY) == "PDF kräver LibreOffice."
    assert compound(["Word", "PDF", "Excel"], "och") == "Word-, PDF- och Excel"
    assert for_path(TALLY, Path("x.markdown")) is TALLY["md"]
    assert for_path(TALLY, Path("x.txt")) is None


@pytest.mark.parametrize(("fmt", "message", "hint"), [
    ("docx", "fel: Word-utdata behöver en fil.", "Lägg till -o sammanställning.docx"),
    ("pdf", "fel: PDF-utdata behöver en fil.", "Lägg till -o sammanställning.pdf"),
    ("xlsx", "fel: Excel-utdata behöver en fil.", "Lägg till -o sammanställning.xlsx"),
])
def test_a_document_tally_on_the_screen_is_a_usage_error(fmt: str, message: str,
                                                         hint: str) -> None:
    """`tally -f docx` without -o ended in 'internt fel' (UnicodeDecodeError): Word and PDF
    are binary rows of the table like Excel, so they get Excel's message."""
    result = runner.invoke(app, ["tally", str(EXAMPLES / "enkat" / "enkat-2019.csv"), "-f", fmt])
    assert result.exit_code == 2, result.output
    assert result.output.splitlines()[:2] == [message, f"  → {hint}"]


def test_the_terminal_table_names_every_file_format() -> None:
    result = runner.invoke(app, ["tally", str(EXAMPLES / "enkat" / "enkat-2019.csv"),
                                 "-f", "table", "-o", "x.md"])
    assert result.exit_code == 2
    assert result.output.splitlines()[:2] == [
        "fel: Tabellen visas bara i terminalen.",
        "  → Välj --format md, xlsx, docx, pdf, json eller csv för att skriva en fil."]


def test_compile_help_lists_the_formats_from_the_table() -> None:
    result = runner.invoke(app, ["compile", "--help"], env={"COLUMNS": "250"})
    text = " ".join(result.output.split())
    assert "sammanställningen (Markdown, Word, Excel, PDF eller JSON)." in text
    assert "formatet följer filändelsen (.md, .docx, .xlsx, .pdf, .json)." in text
    assert ("Format: md, docx, xlsx, pdf eller json (går före filändelsen). PDF kräver "
            "LibreOffice.") in text


# --- the guard: no format list by hand outside formats.py -------------------------------

_NAMES = {n for table in (SUMMARY, TALLY, STATUS) for n in table} - {"table"}
_EXTENSIONS = {e for table in (SUMMARY, TALLY, STATUS) for f in table.values()
               for e in f.extensions}
_ONE = "|".join(sorted(_NAMES))
_LISTED = re.compile(rf"(?:\.?(?:{_ONE})\b-?(?:, | eller | och )){{2,}}\.?(?:{_ONE})\b")
ALLOWED = {"formats.py"}


def _hand_lists(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
            if len(values) >= 2 and len(values) == len(node.elts) and all(
                    v in _NAMES or v in _EXTENSIONS for v in values):
                found.append((node.lineno, repr(values)))
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and _LISTED.search(node.value)):
            found.append((node.lineno, node.value))
    return found


def test_no_format_list_is_written_by_hand_outside_the_tables() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name in ALLOWED:
            continue
        found += [f"{name}:{line}: {text}"
                  for line, text in _hand_lists(ast.parse(path.read_text(encoding="utf-8")))]
    assert found == []


def test_the_guard_sees_the_lists_it_replaced() -> None:
    for source in ('fmt in ("docx", "pdf")', 'x = "Använd .md, .docx, .xlsx eller .json."',
                   'h = "table, md, xlsx, json eller csv"'):
        assert _hand_lists(ast.parse(source)), source
