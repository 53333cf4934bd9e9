"""Templates: pre-filled, commented, and valid once filled in, for every roster group."""

from __future__ import annotations

import re
from pathlib import Path

from reportdata import ROSTER
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.reports.schema import SCHEMA_FILE
from vastbus_cli.reports.template import GroupInfo, file_name, render_template, slug
from vastbus_cli.reports.validate import validate_paths

runner = CliRunner()
_PLACEHOLDER = re.compile(r'^(\s*-?\s*)([^:#\n]+): "FYLL I[^"]*"$|^(\s*- )"FYLL I[^"]*"$', re.M)
_NUMBERS = {"antal", "planerade", "genomförda", "Antal SIP-möten"}


_CHOICES = {"tema": "sip", "kategori": "väntetider", "status": "löst"}


def fill(text: str) -> str:
    """What a local group does: replace every placeholder with a real value."""

    def value(match: re.Match[str]) -> str:
        if match.group(3):
            return f'{match.group(3)}"En punkt som gruppen skrev"'
        key = match.group(2).strip()
        if key in _NUMBERS:
            return f"{match.group(1)}{key}: 3"
        if key == "epost":
            return f"{match.group(1)}{key}: vastbus@example.se"
        if key in _CHOICES:  # the template presets no choice: the group picks one
            return f"{match.group(1)}{key}: {_CHOICES[key]}"
        return f'{match.group(1)}{key}: "Text som gruppen skrev: {key}"'

    return _PLACEHOLDER.sub(value, text)


def test_slug_and_file_name() -> None:
    assert slug("Västra Hisingen") == "vastra-hisingen"
    assert slug("Åmål/Dals-Ed") == "amal-dals-ed"
    assert file_name(GroupInfo("Lilla Edet", "Lilla Edet", "Göteborg"), 2025) == (
        "arsberattelse-2025-lilla-edet.yaml")


def test_template_is_prefilled_and_commented() -> None:
    text = render_template(GroupInfo('Grupp "Norr": Ö', "Öckerö", "Göteborg"), 2025)
    assert text.startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n")
    assert 'namn: "Grupp \\"Norr\\": Ö"' in text
    assert "år: 2025" in text
    assert "# Tillåtna organisationer: socialtjänst (Socialtjänst)" in text
    assert "sip_ej_kallad_eller_försenad (SIP ej kallad eller försenad)" in text
    for line in text.splitlines():  # every field has a Swedish comment above or is in a list
        assert "TODO" not in line


def test_blank_template_is_not_filled_in(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(render_template(GroupInfo("Skövde", "Skövde", "Skaraborg"), 2025), "utf-8")
    result = validate_paths([path])
    assert result.failed()
    assert {p.code for p in result.problems} == {"ej-ifylld"}
    assert any(p.message == "'möten.planerade' är inte ifyllt." for p in result.problems)


def test_roster_templates_round_trip(tmp_path: Path) -> None:
    roster = tmp_path / "grupper.yaml"
    roster.write_text(ROSTER, encoding="utf-8")
    out = tmp_path / "mallar"
    result = runner.invoke(app, ["template", "--roster", str(roster), "--year", "2025",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == ["arsberattelse-2025-gotene.yaml", "arsberattelse-2025-skovde.yaml",
                     "arsberattelse-2025-toreboda.yaml", SCHEMA_FILE]
    for path in out.glob("arsberattelse-*.yaml"):
        path.write_text(fill(path.read_text("utf-8")), "utf-8")
    (out / "grupper.yaml").write_text(ROSTER, encoding="utf-8")
    checked = validate_paths([out])
    assert checked.problems == []
    assert sorted(r.report.group.name for r in checked.reports()) == ["Götene", "Skövde", "Töreboda"]


def test_template_never_overwrites_without_force(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    target.write_text("ifylld: ja\n", encoding="utf-8")
    args = ["template", "-g", "Skövde", "-m", "Skövde", "-s", "Skaraborg", "-y", "2025",
            "-o", str(target)]
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "finns redan" in " ".join(result.output.split())  # rich wraps a long tmp path
    assert target.read_text("utf-8") == "ifylld: ja\n"
    forced = runner.invoke(app, [*args, "--force"])  # issue #19.7: not over a group's work
    assert forced.exit_code == 2
    assert "är redan ifylld och ersätts inte med en tom mall" in forced.output
    assert "--overwrite-filled" in forced.output
    assert target.read_text("utf-8") == "ifylld: ja\n"
    assert runner.invoke(app, [*args, "--overwrite-filled"]).exit_code == 0
    assert "år: 2025" in target.read_text("utf-8")
    target.write_bytes(target.read_text("utf-8").replace("\n", "\r\n").encode("utf-8-sig"))
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0  # a blank saved by Notepad
    assert "\r\n" not in target.read_text("utf-8")


def test_roster_force_replaces_blank_templates_and_leaves_filled_reports_alone(
        tmp_path: Path) -> None:
    """Issue #19.7: `template --roster … --force` replaced filled-in reports with blanks."""
    roster = tmp_path / "grupper.yaml"
    roster.write_text(ROSTER, encoding="utf-8")
    out = tmp_path / "rapporter"
    args = ["template", "--roster", str(roster), "-y", "2025", "-o", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    filled = out / "arsberattelse-2025-skovde.yaml"
    work = fill(filled.read_text("utf-8"))
    filled.write_text(work, "utf-8")
    blank = out / "arsberattelse-2025-gotene.yaml"
    old_blank = blank.read_text("utf-8")
    blank.unlink()
    result = runner.invoke(app, [*args, "--force"])
    assert result.exit_code == 0, result.output
    assert filled.read_text("utf-8") == work
    assert blank.read_text("utf-8") == old_blank
    said = " ".join(result.output.split())
    assert "2 mallar skrevs till" in said
    assert f"1 ifylld årsberättelse lämnades orörda (de skiljer sig från en tom mall): {filled}" \
        in said
    assert "Lägg till --overwrite-filled om de verkligen ska ersättas" in said
    result = runner.invoke(app, [*args, "--overwrite-filled"])
    assert result.exit_code == 0 and "3 mallar skrevs till" in result.output
    assert filled.read_text("utf-8") != work and "FYLL I" in filled.read_text("utf-8")


def test_roster_mode_refuses_before_writing_anything(tmp_path: Path) -> None:
    roster = tmp_path / "grupper.yaml"
    roster.write_text(ROSTER, encoding="utf-8")
    out = tmp_path / "mallar"
    out.mkdir()
    (out / "arsberattelse-2025-toreboda.yaml").write_text("ifylld\n", "utf-8")
    result = runner.invoke(app, ["template", "-r", str(roster), "-y", "2025", "-o", str(out)])
    assert result.exit_code == 2
    assert sorted(p.name for p in out.iterdir()) == ["arsberattelse-2025-toreboda.yaml"]


def test_template_to_stdout() -> None:
    result = runner.invoke(app, ["template", "-g", "Hjo", "-m", "Hjo", "-s", "Skaraborg",
                                 "-y", "2024"])
    assert result.exit_code == 0
    assert 'kommun: "Hjo"' in result.stdout


def test_template_needs_group_or_roster() -> None:
    result = runner.invoke(app, ["template", "-y", "2025"])
    assert result.exit_code == 2
    assert "--group" in result.output


def test_the_template_presets_no_choice(tmp_path: Path) -> None:
    """Issue #20: a preset theme, category or status would become data when a group only
    writes its texts; every choice is a placeholder, reported as not filled in."""
    out = tmp_path / "mall.yaml"
    assert runner.invoke(app, ["template", "-g", "Skövde", "-m", "Skövde", "-s", "Skaraborg",
                               "-y", "2025", "-o", str(out)]).exit_code == 0
    text = out.read_text("utf-8")
    for preset in ("tema: sip", "kategori: sip_ej_kallad_eller_försenad", "status: pågående",
                   "tema: samverkansrutiner", "tema: npf"):
        assert preset not in text
    unfilled = {(p.line, p.message) for p in validate_paths([out]).problems
                if p.code == "ej-ifylld"}
    lines = text.splitlines()
    for key, section in (("tema", "pågående_arbete"), ("kategori", "avvikelser"),
                         ("status", "avvikelser"), ("tema", "utvecklingsområden"),
                         ("tema", "kompetensbehov"), ("tema", "stöd_från_delregionen")):
        message = f"'{key}' i post 1 under '{section}' är inte ifyllt."
        line = next(line for line, m in unfilled if m == message)
        assert lines[line - 1].strip().lstrip("- ").startswith(f"{key}: \"FYLL I: välj ")
