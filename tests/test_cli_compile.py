"""`vastbus compile` through Typer's CliRunner: exit codes, outputs, refusals, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reportfactory import deviation, report_dict, write_report, write_roster
from typer.testing import CliRunner

from vastbus_cli.cli import app

runner = CliRunner()
EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "rapporter"


def make_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "2025"
    write_roster(folder, ["Skövde", "Lidköping", "Hjo"])
    write_report(folder, report_dict("Skövde", meetings=(10, 9), deviations=[
        deviation("sip_ej_kallad_eller_försenad", 4),
        deviation("väntetider", 1, "lyft_till_delregional_nivå", "Lång kö till BUP.")]))
    write_report(folder, report_dict("Lidköping", meetings=(6, 5), deviations=[
        deviation("sip_ej_kallad_eller_försenad", 2, "löst")]))
    return folder


def write_invalid(folder: Path) -> Path:
    path = folder / "hjo-2025.yaml"
    data = report_dict("Hjo")
    data["möten"]["genomförda"] = "FYLL I: antal"
    write_report(folder, data)
    return path


def invoke(*args: str | Path):
    return runner.invoke(app, ["compile", *map(str, args)])


def flat(text: str) -> str:
    """Output with the console's line wrapping undone."""
    return " ".join(text.split())


def test_markdown_to_stdout(tmp_path: Path) -> None:
    result = invoke(make_folder(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Sammanställning av Västbusarbetet 2025 – Skaraborg")
    assert "| Grupper som saknas | Hjo |" in result.stdout
    assert "| Totalt | 16 | 14 |" in result.stdout  # meetings planned and held


def test_json_file_and_refusing_to_overwrite(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    out = tmp_path / "ut" / "sammanställning.json"
    result = invoke(folder, "-o", out)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["groups"] == ["Skövde", "Lidköping"] and data["missing"] == ["Hjo"]
    assert data["deviations"]["by_category"] == {"sip_ej_kallad_eller_försenad": 6,
                                                 "väntetider": 1}
    out.write_text("ifylld", encoding="utf-8")
    result = invoke(folder, "-o", out)
    assert result.exit_code == 2
    assert "finns redan" in " ".join(result.output.split()) and "--force" in result.output
    assert out.read_text(encoding="utf-8") == "ifylld"
    result = invoke(folder, "-o", out, "--force")
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["year"] == 2025
    assert not [p for p in out.parent.iterdir() if p.name.endswith(".tmp")]


def test_format_option_overrides_extension(tmp_path: Path) -> None:
    result = invoke(make_folder(tmp_path), "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["deviations"]["recurring"] == []
    result = invoke(make_folder(tmp_path), "--recurring", "2", "-f", "json")
    assert json.loads(result.stdout)["deviations"]["recurring"] == ["sip_ej_kallad_eller_försenad"]


def test_invalid_report_stops_with_problems(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    bad = write_invalid(folder)
    inputs = {p: p.read_bytes() for p in folder.iterdir()}
    out = tmp_path / "s.md"
    result = invoke(folder, "-o", out)
    assert result.exit_code == 1
    assert f"{bad}:23:15 fel ej-ifylld 'möten.genomförda' är inte ifyllt." in flat(result.output)
    assert "--skip-invalid" in result.output
    assert not out.exists()
    assert {p: p.read_bytes() for p in folder.iterdir()} == inputs  # inputs untouched


def test_skip_invalid_names_the_skipped_file(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    write_invalid(folder)
    out = tmp_path / "s.json"
    result = invoke(folder, "--skip-invalid", "-o", out)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["skipped"] == ["hjo-2025.yaml"]
    assert data["missing"] == []
    assert data["not_included"] == ["Hjo"]
    assert data["parts"][0]["overview"]["not_included"] == ["Hjo"]
    md = invoke(folder, "--skip-invalid").stdout
    # the group is named once, by name, never by its YAML file
    assert "hjo-2025.yaml" not in md
    assert md.count("| Inlämnade men ej medtagna (fel i filen) | Hjo |") == 1
    assert "Inlämnad men ej medtagen på grund av fel i filen: Hjo." in md  # Sammanfattning
    assert md.count("Hjo") == 2
    assert "har inte lämnat någon årsberättelse" not in md
    done = invoke(folder, "--skip-invalid", "-o", tmp_path / "s.md").output
    assert "(2 grupper, 1 ej medtagen)." in " ".join(done.split())


def test_previous_year(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    last = tmp_path / "2024"
    write_report(last, report_dict("Skövde", year=2024, meetings=(10, 10), deviations=[
        deviation("sip_ej_kallad_eller_försenad", 1)]))
    result = invoke(folder, "--previous", last, "-f", "json")
    assert result.exit_code == 0, result.output
    cmp = json.loads(result.stdout)["parts"][0]["comparison"]
    figures = {f["label"]: [f["previous"], f["current"]] for f in cmp["figures"]}
    assert cmp["both"] == ["Skövde"]
    assert figures["Avvikelser totalt"] == [1, 5]  # Skövde's, like with like
    assert cmp["only_current"] == ["Lidköping"]
    md = invoke(folder, "--previous", last).stdout
    assert "## Jämfört med föregående år" in md


def test_usage_errors(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    result = invoke(folder, "-o", tmp_path / "s.odt")
    assert result.exit_code == 2 and "Okänd filändelse" in result.output
    result = invoke(tmp_path / "finns-inte")
    assert result.exit_code == 2
    assert f"fel: Mappen: {tmp_path / 'finns-inte'} finns inte." in flat(result.output)
    result = invoke(folder, "-f", "docx")
    assert result.exit_code == 2 and "Ange en fil med -o" in result.output
    result = invoke(folder, "--recurring", "0")
    assert result.exit_code == 2 and "--recurring måste vara minst 1" in flat(result.output)
    result = invoke(folder, "-f", "json", "--template", tmp_path / "x.md.j2")
    assert result.exit_code == 2 and "gäller bara Markdown" in result.output
    empty = tmp_path / "tom"
    empty.mkdir()
    result = invoke(empty)
    assert result.exit_code == 1 and "inga årsberättelser" in flat(result.output)
    assert "Traceback" not in result.output


def test_broken_user_template_is_a_swedish_message(tmp_path: Path) -> None:
    own = tmp_path / "mall.md.j2"
    own.write_text("{{ s.groups \n", encoding="utf-8")
    result = invoke(make_folder(tmp_path), "--template", own)
    assert result.exit_code == 1 and "har ett syntaxfel på rad 1" in flat(result.output)


@pytest.mark.skipif(not (EXAMPLES / "2025").is_dir(), reason="examples not present")
def test_compiles_the_shipped_examples(tmp_path: Path) -> None:
    out = tmp_path / "s.json"
    result = invoke(EXAMPLES / "2025", "--previous", EXAMPLES / "2024", "-o", out)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["subregion"] == "Skaraborg"
    assert len(data["groups"]) + len(data["missing"]) == 15


def test_output_gets_ordinary_permissions(tmp_path: Path) -> None:
    """mkstemp makes files private; a summary on a shared drive must be readable by others."""
    import os

    out = tmp_path / "s.md"
    assert invoke(make_folder(tmp_path), "-o", out).exit_code == 0
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask


def test_pdf_without_libreoffice_says_how_to_install(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    folder = make_folder(tmp_path)
    out = tmp_path / "s.pdf"
    monkeypatch.setenv("PATH", str(tmp_path / "tom"))
    result = invoke(folder, "-o", out)
    assert result.exit_code == 1
    text = flat(result.output)
    assert "PDF kräver LibreOffice, men programmet soffice hittades inte." in text
    assert "Installera LibreOffice" in text and "Traceback" not in text
    assert not out.exists()


@pytest.mark.skipif(__import__("shutil").which("soffice") is None,
                    reason="LibreOffice is not installed")
def test_pdf_with_libreoffice(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    out = tmp_path / "mapp med åäö" / "Sammanställning 2025.pdf"
    out.parent.mkdir()
    result = invoke(folder, "--format", "pdf", "-o", out)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    # tagged (documents/libreoffice_profile.PDF_EXPORT_OPTIONS), Swedish, its title shown
    assert b"/StructTreeRoot" in data and b"/Lang(sv-SE)" in data
    assert b"/DisplayDocTitle true" in data
    assert flat(result.stderr).startswith("LibreOffice gör PDF-filen …")


def test_appendix_only_with_the_option(tmp_path: Path) -> None:
    folder = make_folder(tmp_path)
    plain = invoke(folder)
    assert plain.exit_code == 0, plain.output
    assert "Bilaga" not in plain.stdout and "Lång kö till BUP." in plain.stdout  # once
    assert plain.stdout.count("Lång kö till BUP.") == 1
    full = invoke(folder, "--appendix")
    assert full.exit_code == 0, full.output
    assert "## Bilaga: gruppernas årsberättelser" in full.stdout
    assert "### Skövde" in full.stdout and "**Avvikelser**" in full.stdout
    assert "--appendix" in flat(invoke("--help").output)
