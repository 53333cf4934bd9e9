"""`compile_reports`, the library entry: folder in, Summary (or the reasons why not) out."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from reportfactory import deviation, report_dict, write_report, write_roster

from vastbus_cli import compile_reports

PRODUCED = dt.date(2026, 5, 20)


def folder_with(tmp_path: Path) -> Path:
    folder = tmp_path / "2025"
    write_roster(folder, ["Skövde", "Lidköping", "Hjo"], deadline="2026-05-15")
    write_report(folder, report_dict("Skövde", deviations=[deviation("väntetider", 2)]))
    write_report(folder, report_dict("Lidköping"))
    return folder


def test_compile_reports_gives_the_summary(tmp_path: Path) -> None:
    result = compile_reports(folder_with(tmp_path), produced=PRODUCED)
    assert not result.failed and result.summary is not None
    s = result.summary
    assert s.groups == ["Skövde", "Lidköping"] and s.missing == ["Hjo"]
    assert s.deadline == dt.date(2026, 5, 15) and s.deadline_passed
    assert s.parts[0].overview.groups[0].file == "skövde-2025.yaml"


def test_a_key_figure_with_a_decimal_comma_is_summed_as_a_number(tmp_path: Path) -> None:
    folder = tmp_path / "2025"
    write_roster(folder, ["Skövde", "Hjo"])
    for name, figure in [("Skövde", "3,5"), ("Hjo", 2)]:
        data = report_dict(name)
        data["nyckeltal"] = {"Timmar handledning": figure}
        write_report(folder, data)
    result = compile_reports(folder, produced=PRODUCED)
    assert not result.failed and result.summary is not None
    figures = {f.name: f for f in result.summary.parts[0].key_figures}
    assert figures["Timmar handledning"].total == 5.5


def test_a_report_of_another_year_is_an_error(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    stray = write_report(folder, report_dict("Hjo", year=2024))
    result = compile_reports(folder, produced=PRODUCED)
    assert result.failed
    problem = next(p for p in result.problems if p.code == "annat-år")
    assert problem.file == str(stray) and problem.line == 2
    assert "gäller 2024" in problem.message
    skipped = compile_reports(folder, produced=PRODUCED, skip_invalid=True)
    assert skipped.summary is not None and skipped.summary.skipped == [stray.name]
    assert skipped.summary.missing == []  # Hjo handed in a file, with an error
    assert skipped.summary.not_included == ["Hjo"]


def test_a_broken_roster_stops_even_with_skip_invalid(tmp_path: Path) -> None:
    folder = folder_with(tmp_path)
    (folder / "grupper.yaml").write_text("delregion: Skaraborg\n", encoding="utf-8")
    result = compile_reports(folder, produced=PRODUCED, skip_invalid=True)
    assert result.failed
    assert any(p.file.endswith("grupper.yaml") for p in result.problems)


def test_start_up_does_not_load_heavy_libraries() -> None:
    code = ("import sys, vastbus_cli.cli, vastbus_cli.render.formats, vastbus_cli.render.docx, "
            "vastbus_cli.render.xlsx, vastbus_cli.render.markdown; "
            "print(sorted(m for m in ('docx', 'openpyxl', 'jinja2') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
