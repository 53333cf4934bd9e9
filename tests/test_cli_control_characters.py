"""Control characters in the title page's texts (`--sender`, `--reference-number`,
`--recipient`): a Swedish usage error on the command line, cleaned from any other source.

XML cannot carry most control characters, and lxml and openpyxl raise on them: a
pasted NUL or vertical tab in `--sender` ended in "internt fel" in Word and Excel. On
the command line the option is refused, naming it and the character (a line break
in a sender is a paste gone wrong, and the user should see it); a text that reaches
the document another way (a spec's `avsändare`, the library) is cleaned where the
document properties are written (`documents/properties.py`).
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.documents.properties import Properties

runner = CliRunner()


@pytest.mark.parametrize("command", [["tally", "svar.csv", "-o", "x.docx"],
                                     ["tally", "svar.csv", "-o", "x.pdf"],
                                     ["rollup", "a.json", "-o", "x.xlsx"],
                                     ["rollup", "a.json", "-o", "x.docx"]])
@pytest.mark.parametrize(("option", "char"), [("--sender", "\x01"), ("--sender", "\x00"),
                                              ("--reference-number", "\x0b"),
                                              ("--recipient", "\n"), ("--recipient", "\u2028")])
def test_a_control_character_in_a_title_option_is_a_usage_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], option: str,
        char: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "svar.csv").write_text("Kommun;Nöjd?\nHjo;Ja\nTibro;Nej\n", encoding="utf-8")
    result = runner.invoke(app, [*command, f"{option}=Västbus{char}Skaraborg"])
    assert result.exit_code == 2, result.output
    assert " ".join(result.output.split()) == (
        f"fel: {option}: texten innehåller ett osynligt styrtecken (U+{ord(char):04X}). "
        "→ Skriv texten på en rad, utan styrtecken.")
    assert not list(tmp_path.glob("x.*"))


def test_properties_from_elsewhere_are_cleaned_in_word_and_excel() -> None:
    import docx
    from openpyxl import Workbook, load_workbook

    from vastbus_cli.documents.excel import save_workbook
    from vastbus_cli.documents.word import WordDocument

    props = Properties(title="Enkät\x0b2025", author="Västbus\x01Skaraborg",
                       date=dt.date(2026, 5, 20), identifier="Dnr\x00 12", comments="a\x1bb")
    doc = WordDocument(props)
    doc.paragraph("Text")
    core = docx.Document(io.BytesIO(doc.save())).core_properties
    assert (core.title, core.author, core.identifier, core.comments) == (
        "Enkät2025", "VästbusSkaraborg", "Dnr 12", "ab")
    book = Workbook(write_only=True)
    book.create_sheet("Blad")
    read = load_workbook(io.BytesIO(save_workbook(book, props))).properties
    assert (read.title, read.creator, read.identifier) == ("Enkät2025", "VästbusSkaraborg",
                                                           "Dnr 12")
