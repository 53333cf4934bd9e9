"""A roster naming a group twice (issue #19.5): a warning with its position, counted once.

Before, a roster of 10 lines naming Skövde 3 times gave no warning, validate said
"10 grupper" and compile "1 grupp, 7 saknas".
"""

from __future__ import annotations

import json
from pathlib import Path

from reportfactory import report_dict, write_report, write_roster
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.reports.roster import load_roster

runner = CliRunner()
NAMES = ["Skövde", "Hjo", "skovde", "Tibro", "Skövde "]


def test_second_entry_is_a_warning_at_its_line(tmp_path: Path) -> None:
    path = write_roster(tmp_path, NAMES)
    roster, problems, _ = load_roster(path)
    assert roster is not None
    assert [(p.line, p.column, p.severity.value, p.code) for p in problems] == [
        (7, 9, "varning", "dubbel-grupp"), (11, 9, "varning", "dubbel-grupp")]
    assert problems[0].message == ("Gruppen 'skovde' står redan i gruppförteckningen (rad 3); "
                                   "den räknas en gång.")
    assert roster.names() == ["Skövde", "Hjo", "Tibro"]


def test_validate_and_compile_agree_on_groups_and_missing(tmp_path: Path) -> None:
    folder = tmp_path / "2025"
    write_roster(folder, NAMES)
    write_report(folder, report_dict("Skövde"))
    validated = runner.invoke(app, ["validate", str(folder)])
    assert validated.exit_code == 0, validated.output
    assert f"Gruppförteckning: {folder / 'grupper.yaml'} (Skaraborg, 3 grupper)" in \
        validated.stdout
    assert "dubbel-grupp" in validated.stdout
    out = tmp_path / "s.json"
    compiled = runner.invoke(app, ["compile", str(folder), "-o", str(out)])
    assert compiled.exit_code == 0, compiled.output
    assert "(1 grupp, 2 saknas)" in compiled.output
    data = json.loads(out.read_text("utf-8"))
    assert sorted(data["missing"]) == ["Hjo", "Tibro"]
