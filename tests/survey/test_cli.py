"""`vastbus tally` through Typer's CliRunner: outputs, exit codes, Swedish problems."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from tests.survey.conftest import EXAMPLES, FIXTURES
from vastbus_cli.cli import app

runner = CliRunner()
EXAMPLE_ARGS = [str(EXAMPLES / "enkat-2018.csv"), str(EXAMPLES / "enkat-2019.csv"),
                "--spec", str(EXAMPLES / "spec.yaml")]


def invoke(*args: str):
    return runner.invoke(app, ["tally", *args])


def test_examples_show_both_rounds_and_the_change() -> None:
    result = invoke(*EXAMPLE_ARGS)
    assert result.exit_code == 0, result.output
    assert ("Omgångar: 2018 (7 svarande av 7 förväntade, 100 %), 2019 (7 svarande av 7 "
            "förväntade, 100 %)"
            in " ".join(result.output.replace("\xa0", " ").split()))
    # 3 of 7 → 4 of 7: 43 % → 57 %, +14 percentage points, as in the Word report
    row = next(line for line in result.output.splitlines() if line.startswith("Ja, i den"))
    assert [c.strip() for c in row.split("│")][1:] == ["3", "43\xa0% ████▎", "4",
                                                       "57\xa0% █████▊", "+14"]
    assert "(procentenheter)" in result.output and "p.e." not in result.output
    assert "Obligatorisk fråga utan svar från 2019: Södra Bohuslän" in result.output
    assert "personnummer" in result.output  # the warning (stderr is mixed in)
    assert "19121212-1212" not in result.output


def test_format_follows_the_output_extension(tmp_path: Path) -> None:
    for suffix, check in ((".json", lambda b: json.loads(b)["rounds"][1]["label"] == "2019"),
                          (".md", lambda b: b.startswith("# Uppföljning".encode())),
                          (".csv", lambda b: b.startswith("\ufeffomgång".encode())),
                          (".xlsx", lambda b: b.startswith(b"PK"))):
        target = tmp_path / f"ut{suffix}"
        result = invoke(*EXAMPLE_ARGS, "-o", str(target))
        assert result.exit_code == 0, result.output
        assert check(target.read_bytes()), suffix


def test_existing_output_is_not_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "ut.json"
    target.write_text("kvar", encoding="utf-8")
    result = invoke(*EXAMPLE_ARGS, "-o", str(target))
    assert result.exit_code == 2
    assert target.read_text(encoding="utf-8") == "kvar"
    assert invoke(*EXAMPLE_ARGS, "-o", str(target), "--force").exit_code == 0


def test_round_labels_from_option() -> None:
    result = invoke("--round", f"höst={FIXTURES / 'qualtrics.csv'}",
                    "--round", f"vår={FIXTURES / 'qualtrics_legacy.csv'}", "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [r["label"] for r in data["rounds"]] == ["höst", "vår"]


def test_duplicate_round_labels_are_a_usage_error() -> None:
    result = invoke(str(FIXTURES / "qualtrics.csv"), str(FIXTURES / "qualtrics.csv"))
    assert result.exit_code == 2
    assert "samma" in result.output or "omgångsetiketten" in result.output


def test_unreadable_binary_file_is_a_swedish_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bild.csv"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = invoke(str(bad))
    assert result.exit_code == 1
    assert re.search(r"bild\.csv:\d+:1 +fel +inte-csv", result.output)
    assert "ingen CSV-fil" in result.output
    assert "Traceback" not in result.output


def test_wrong_forced_encoding_names_the_line(tmp_path: Path) -> None:
    result = invoke(str(FIXTURES / "ms_forms_excel.csv"), "--encoding", "utf-8")
    assert result.exit_code == 1
    assert "ms_forms_excel.csv:1:1" in result.output  # "Slutförandetid" in the header
    assert "kan inte läsas som UTF-8" in result.output
    assert "Traceback" not in result.output


def test_ragged_rows_are_problems_with_their_line(tmp_path: Path) -> None:
    ragged = tmp_path / "trasig.csv"
    ragged.write_text("Grupp,Svar\nVVG,Ja\nFyrbodal,Nej,extra,mer\n", encoding="utf-8")
    result = invoke(str(ragged))
    assert result.exit_code == 1
    assert "trasig.csv:3:3" in result.output
    assert "fel-antal-fält" in result.output


def test_damaged_xlsx_is_a_problem(tmp_path: Path) -> None:
    bad = tmp_path / "svar.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    result = invoke(str(bad))
    assert result.exit_code == 1
    assert "kan inte läsas som Excel-fil" in result.output


def test_missing_file() -> None:
    result = invoke("finns-inte-2019.csv")
    assert result.exit_code == 1
    assert "finns-inte-2019.csv" in result.output


def test_verbose_says_what_was_detected() -> None:
    result = invoke(str(FIXTURES / "ms_forms_excel.csv"), "-v")
    assert result.exit_code == 0
    assert "kodning Windows-1252, avgränsare semikolon" in result.output
    assert "Microsoft Forms" in result.output


def test_delimiter_and_encoding_overrides() -> None:
    result = invoke(str(FIXTURES / "ms_forms_excel.csv"), "--delimiter", ";", "-e", "cp1252", "-f", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["rounds"][0]["respondents"] == 5
    assert invoke(str(FIXTURES / "ms_forms_excel.csv"), "--delimiter", "|").exit_code == 2
    assert invoke(str(FIXTURES / "ms_forms_excel.csv"), "-e", "klingon").exit_code == 2


def test_by_unknown_column_is_a_problem() -> None:
    result = invoke(str(FIXTURES / "google_forms.csv"), "--by", "Kommun")
    assert result.exit_code == 1
    assert "Kolumnen 'Kommun' (--by) finns inte" in result.output


def test_by_column_in_terminal() -> None:
    result = invoke(str(FIXTURES / "google_forms.csv"), "--by", "Finns en rutin?")
    assert result.exit_code == 0, result.output
    assert "Uppdelat på: Finns en rutin?" in result.output
    assert "Totalt" in result.output


def test_infer_spec_writes_a_spec_that_loads_back(tmp_path: Path) -> None:
    target = tmp_path / "spec.yaml"
    result = invoke(str(FIXTURES / "ms_forms_excel.csv"), "--infer-spec", "-o", str(target))
    assert result.exit_code == 0, result.output
    text = target.read_text(encoding="utf-8")
    assert "typ: flerval" in text and "typ: tal" in text and "respondentkolumn: Grupp" in text
    again = invoke(str(FIXTURES / "ms_forms_excel.csv"), "--spec", str(target), "-f", "json")
    assert again.exit_code == 0, again.output
    data = json.loads(again.stdout)
    assert [q["kind"] for q in data["questions"]] == ["multi", "number", "single"]


def test_spec_with_mistakes_stops_with_exit_1(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("enkät: X\nfrågor: []\n", encoding="utf-8")
    result = invoke(str(FIXTURES / "google_forms.csv"), "--spec", str(spec))
    assert result.exit_code == 1
    assert "spec.yaml:2" in result.output


def test_help_is_swedish() -> None:
    result = runner.invoke(app, ["tally", "--help"])
    assert result.exit_code == 0
    assert "Räkna svaren i enkätexporter" in result.output


def test_table_format_cannot_be_written_to_a_file(tmp_path: Path) -> None:
    cases = [
        (["-f", "table", "-o", str(tmp_path / "x.txt")], "Tabellen visas bara i terminalen."),
        (["-o", str(tmp_path / "x.txt")], "Filändelsen '.txt' är inget format som tally skriver."),
        (["-f", "xlsx"], "Excel-utdata behöver en fil."),
    ]
    for extra, message in cases:
        result = invoke(*EXAMPLE_ARGS, *extra)
        assert result.exit_code == 2
        assert message in " ".join(result.output.split())
    assert not (tmp_path / "x.txt").exists()


def test_header_only_file_and_missing_file_are_reported(tmp_path: Path) -> None:
    header = tmp_path / "rubriker.csv"
    header.write_text("Grupp;Svar\n", encoding="utf-8")
    result = invoke(str(header))
    assert result.exit_code == 0
    assert "inga svar" in result.output
    missing = invoke(str(tmp_path / "saknas.csv"))
    assert missing.exit_code == 1 and "Filen finns inte." in missing.output


def test_round_labels_are_short_without_a_year_in_the_file_name() -> None:
    from vastbus_cli.cli.tally import round_label

    assert round_label(Path("enkat-2019.csv"), 1) == "2019"
    assert round_label(Path("höst.csv"), 1) == "höst"
    long_name = Path("Uppföljning av överenskommelsen placering (svar).csv")
    assert round_label(long_name, 2) == "omgång 2"
