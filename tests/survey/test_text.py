"""Encoding and delimiter detection, and the streaming CSV reader."""

from __future__ import annotations

from pathlib import Path

from vastbus_cli.survey.readers.text import (
    TextFormat,
    detect_delimiter,
    detect_encoding,
    iter_csv_rows,
    sniff,
)


def test_bom_decides_the_encoding() -> None:
    assert detect_encoding(b"\xef\xbb\xbfa;b", True) == "utf-8-sig"
    assert detect_encoding("a;b".encode("utf-16"), True) == "utf-16"


def test_strict_utf8_else_windows_1252() -> None:
    assert detect_encoding("Grupp;Södra Älvsborg".encode(), True) == "utf-8"
    assert detect_encoding("Grupp;Södra Älvsborg".encode("cp1252"), True) == "cp1252"


def test_excels_csv_for_ms_dos_is_code_page_850() -> None:
    """Swedish Excel's "CSV (MS-DOS)" writes code page 850: ö is 0x94, which Windows-1252
    reads as '"', and Å is 0x8F, which Windows-1252 cannot read at all."""
    text = "Grupp;Kommun\nSödra Älvsborg;Åmål\nVästra Skaraborg;Götene\n"
    assert detect_encoding(text.encode("cp850"), True) == "cp850"
    assert detect_encoding(text.encode("cp1252"), True) == "cp1252"
    assert detect_encoding(b"Grupp;Svar\nA;\x80 10\n", True) == "cp1252"  # no letters: a tie


def test_a_cp850_export_is_tallied_with_its_letters(tmp_path: Path) -> None:
    from tests.survey.conftest import tally_files

    source = tmp_path / "svar dos.csv"
    source.write_bytes("Kommun;Nöjd?\r\nÅmål;Ja\r\nGötene;Ja\r\nÅmål;Nej\r\n".encode("cp850"))
    result, problems = tally_files(source)
    assert problems == []
    kommun = result.questions[0]
    assert kommun.text == "Kommun" and {o.label for o in kommun.results[0].options} == {
        "Åmål", "Götene"}
    assert result.questions[1].text == "Nöjd?"


def test_a_sample_cut_inside_a_character_is_still_utf8() -> None:
    cut = "åäö".encode()[:-1]
    assert detect_encoding(cut, complete=False) == "utf-8"
    assert detect_encoding(cut, complete=True) == "cp1252"


def test_semicolon_file_whose_answers_contain_commas() -> None:
    sample = "Grupp;Svar;Kommentar\nVVG;Ja, delvis;Bra, tack\nFyrbodal;Nej;Inget, alls, här\n"
    assert detect_delimiter(sample, True) == (";", False)


def test_comma_file_and_tab_file() -> None:
    assert detect_delimiter('a,b,c\n1,"x;y",3\n4,5,6\n', True) == (",", False)
    assert detect_delimiter("a\tb\tc\n1\t2\t3\n", True) == ("\t", False)


def test_excel_sep_line_is_honoured_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"sep=;\r\nGrupp;Svar\r\nVVG;Ja, delvis\r\n")
    fmt = sniff(path, None, None)
    assert fmt == TextFormat("utf-8", ";", sep_line=True)
    problems: list = []
    rows = list(iter_csv_rows(path, fmt, "x.csv", problems))
    assert rows == [(2, ["Grupp", "Svar"]), (3, ["VVG", "Ja, delvis"])]
    assert problems == []


def test_line_numbers_follow_quoted_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b'a,b\n1,"two\nlines"\n3,4\n')
    rows = list(iter_csv_rows(path, TextFormat("utf-8", ","), "x.csv", []))
    assert [line for line, _ in rows] == [1, 2, 4]
    assert rows[1][1] == ["1", "two\nlines"]


def test_wrong_forced_encoding_is_a_problem_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("a;b\n1;2\nSkaraborg;Södra\n".encode("cp1252"))
    problems: list = []
    rows = list(iter_csv_rows(path, TextFormat("utf-8", ";"), "x.csv", problems))
    assert len(rows) <= 2
    assert [(p.code, p.line) for p in problems] == [("kodning", 3)]
    assert "UTF-8" in problems[0].message
