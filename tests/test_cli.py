"""The command line through Typer's runner: exit codes and exact output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from reportdata import ROSTER, VALID, replace_line
from typer.testing import CliRunner

from vastbus_cli.cli import app

runner = CliRunner()


def write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")


def test_validate_clean_exits_0(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": VALID, "grupper.yaml": ROSTER})
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"Gruppförteckning: {tmp_path / 'grupper.yaml'} (Skaraborg, 3 grupper)",
        "Inga problem i 2 filer.",  # the report and the roster
    ]


def test_validate_problems_exit_1_with_position_severity_code_hint(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": replace_line(VALID, "\nmöten:\n", "\nmoten:\n")})
    result = runner.invoke(app, ["validate", str(tmp_path / "a.yaml")], env={"NO_COLOR": "1"})
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == str(tmp_path / "a.yaml")
    assert f"  {tmp_path / 'a.yaml'}:15:1  fel  okänd-nyckel  Okänd nyckel 'moten'." in lines
    assert "      → Menade du 'möten'?" in lines
    assert lines[-1] == "2 fel och 0 varningar i 1 av 1 fil."


def test_validate_warning_only_exits_0_unless_strict(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": replace_line(VALID, "genomförda: 7", "genomförda: 9")})
    for args, code in ((["validate"], 0), (["validate", "--strict"], 1)):
        result = runner.invoke(app, [*args, str(tmp_path)], env={"NO_COLOR": "1"})
        assert result.exit_code == code
        assert "varning  möten-fler-än-planerat" in result.stdout
        assert result.stdout.splitlines()[-1] == "0 fel och 1 varning i 1 av 1 fil."


def test_validate_json_format(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": replace_line(VALID, "år: 2025", "år: 3025")})
    result = runner.invoke(app, ["validate", "--format", "json", str(tmp_path)])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["fel"] == 1 and data["varningar"] == 0
    (problem,) = data["problem"]
    assert problem == {
        "file": str(tmp_path / "a.yaml"), "line": 2, "column": 5, "severity": "fel",
        "code": "orimligt-år", "message": "Året 3025 kan inte stämma för en årsberättelse.",
        "hint": problem["hint"],
    }


def test_validate_missing_path_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "finns-ej.yaml")])
    assert result.exit_code == 1
    assert "finns inte" in result.stdout
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_validate_explicit_roster(tmp_path: Path) -> None:
    write(tmp_path, {"a.yaml": replace_line(VALID, "namn: Skövde", "namn: Mariestad"),
                     "lista.yaml": ROSTER})
    result = runner.invoke(app, ["validate", "--roster", str(tmp_path / "lista.yaml"),
                                 str(tmp_path / "a.yaml")])
    assert result.exit_code == 1
    assert "okänd-grupp" in result.stdout


def test_usage_error_exit_2_in_swedish() -> None:
    result = runner.invoke(app, ["validate", "--okänd"])
    assert result.exit_code == 2
    assert "Okänd flagga" in result.output


def test_help_is_swedish() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "Kontrollera årsberättelser" in result.stdout
    assert "Kommandon" in result.stdout


def test_schema_command(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "Årsberättelse för lokal Västbusgrupp"
    assert "möten" in schema["properties"]
    assert schema["$defs"]["Organisation"]["enum"][0] == "socialtjänst"
    assert schema["$defs"]["DeviationStatus"]["enumDescriptions"][3] == "Lyft till delregional nivå"
    target = tmp_path / "s.json"
    assert runner.invoke(app, ["schema", "-o", str(target)]).exit_code == 0
    assert json.loads(target.read_text("utf-8")) == schema
    assert runner.invoke(app, ["schema", "-o", str(target)]).exit_code == 2


def test_schema_accepts_the_valid_report() -> None:
    jsonschema = __import__("pytest").importorskip("jsonschema")
    import yaml

    from vastbus_cli.reports.schema import report_schema

    jsonschema.validate(yaml.safe_load(VALID), report_schema())


def test_python_dash_m_works() -> None:
    done = subprocess.run([sys.executable, "-m", "vastbus_cli", "--help"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0
    assert "validate" in done.stdout


def test_version_is_printed() -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output == f"vastbus {version('vastbus')}\n"
    assert "Visa vastbus version och avsluta." in runner.invoke(app, ["--help"]).output


def test_validate_reports_everything_compile_refuses(tmp_path: Path) -> None:
    """Another year's report and two reports for one group: validate and compile agree."""
    other_year = replace_line(VALID, "år: 2025\n", "år: 2024\n")
    other_year = replace_line(other_year, "  namn: Skövde\n", "  namn: Götene\n")
    twin = replace_line(VALID, "  planerade: 8\n", "  planerade: 9\n")
    third = replace_line(VALID, "  namn: Skövde\n", "  namn: Töreboda\n")
    write(tmp_path, {"grupper.yaml": ROSTER, "skovde.yaml": VALID, "skovde-kopia.yaml": twin,
                     "gotene.yaml": other_year, "toreboda.yaml": third})
    validated = runner.invoke(app, ["validate", str(tmp_path)])
    compiled = runner.invoke(app, ["compile", str(tmp_path), "-o", str(tmp_path / "s.md")])
    assert validated.exit_code == 1 and compiled.exit_code == 1
    for result in (validated, compiled):
        flat = " ".join(result.output.split())
        assert "annat-år Årsberättelsen gäller 2024, men de flesta i mappen gäller 2025." in flat
        assert "dubblettrapport Det finns redan en årsberättelse för 'Skövde' 2025" in flat
        assert "2 fel och 0 varningar i 2 av 5 filer." in flat  # the same count in both
    skipped = runner.invoke(app, ["compile", str(tmp_path), "-o", str(tmp_path / "s.md"),
                                  "--skip-invalid"])
    assert skipped.exit_code == 0
    assert "(2 grupper, 2 ej medtagna)." in " ".join(skipped.output.split())


def test_usage_errors_carry_no_english_fragments(tmp_path: Path) -> None:
    cases = [["compile", str(tmp_path), "-f", "pdfx"], ["validate", "--format", "yaml", "x"],
             ["template", "--year", "abc"], ["compile", str(tmp_path), "--recurring", "x"],
             ["compile"], ["--nope"], ["compile", str(tmp_path), "--previous"]]
    for args in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, args
        text = " ".join(result.output.split())
        for english in ("Value error", "Value must", "Input should", "is not one of", "Invalid",
                        "Missing", "requires"):
            assert english not in text, (args, text)
    flat = " ".join(runner.invoke(app, cases[0]).output.split())
    assert "Ogiltigt värde för '--format' / '-f': 'pdfx' är inte något av 'md'," in flat


def test_validate_counts_the_same_files_whatever_they_hold(tmp_path: Path) -> None:
    """Issue #20: 12 files on a clean folder and 13 on the same folder with one error."""
    write(tmp_path, {"a.yaml": VALID, "b.yaml": VALID.replace("Skövde", "Götene"),
                     "grupper.yaml": ROSTER})
    clean = runner.invoke(app, ["validate", str(tmp_path)]).stdout.splitlines()[-1]
    (tmp_path / "b.yaml").write_text(VALID.replace("år: 2025", "år: tjugo"), encoding="utf-8")
    broken = runner.invoke(app, ["validate", str(tmp_path)]).stdout.splitlines()[-1]
    assert clean == "Inga problem i 3 filer."
    assert broken.endswith(" i 1 av 3 filer.")


def test_windows_1252_report_validates_with_a_warning(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_bytes(VALID.replace("\n", "\r\n").encode("cp1252"))
    result = runner.invoke(app, ["validate", str(tmp_path / "a.yaml")])
    assert result.exit_code == 0, result.output
    assert "varning  kodning  Filen är sparad som Windows-1252/ANSI" in result.stdout
    assert runner.invoke(app, ["validate", "--strict", str(tmp_path / "a.yaml")]).exit_code == 1


def test_error_with_a_long_path_stays_on_one_line(tmp_path):
    """An error names the file whole: a long path is not wrapped at 80 columns, so the
    message can be searched for in a log or a redirected file."""
    deep = tmp_path / ("mapp-med-ett-mycket-långt-namn-" * 3) / "Sammanställning.md"
    deep.parent.mkdir(parents=True)
    deep.write_text("tidigare", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["compile", "examples/rapporter/2025", "-o", str(deep)]
    )
    assert result.exit_code == 2
    assert f"Filen {deep} finns redan och skrivs inte över." in result.output


def test_validate_on_a_folder_without_reports_is_an_error(tmp_path: Path) -> None:
    """Issue #19.5: it exited 0 with 'Inga problem i 0 filer'."""
    (tmp_path / "anteckningar.txt").write_text("inte en rapport", encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert " ".join(result.output.split()).startswith(
        f"fel: Det finns inga årsberättelser (.yaml) i {tmp_path}.")
    with_roster = tmp_path / "r"
    with_roster.mkdir()
    write(with_roster, {"grupper.yaml": ROSTER})
    assert runner.invoke(app, ["validate", str(with_roster)]).exit_code == 1


@pytest.mark.parametrize("by", ["", "  "])
def test_tally_by_an_empty_column_name_is_refused(tmp_path: Path, by: str) -> None:
    """Issue #19.5: `tally --by ""` was accepted."""
    export = tmp_path / "svar.csv"
    export.write_text("Grupp,Svar\nA,Ja\nB,Nej\n", encoding="utf-8")
    result = runner.invoke(app, ["tally", str(export), "--by", by])
    assert result.exit_code == 2
    assert "fel: --by behöver namnet på en kolumn (fick en tom text)." in result.output


def test_the_schema_takes_a_key_figure_with_a_decimal_comma_as_validate_does() -> None:
    """An editor with the schema (VS Code's YAML extension) must not underline "3,5", which
    validate reads as 3.5; a word is still refused by both."""
    jsonschema = __import__("pytest").importorskip("jsonschema")
    import yaml

    from vastbus_cli.reports.schema import report_schema

    report = yaml.safe_load(VALID)
    report["nyckeltal"] = {"Antal SIP-möten": 14, "Väntetid (veckor)": "3,5", "Andel": 0.25}
    jsonschema.validate(report, report_schema())
    report["nyckeltal"] = {"Väntetid (veckor)": "tre"}
    with __import__("pytest").raises(jsonschema.ValidationError):
        jsonschema.validate(report, report_schema())
