"""Running `vastbus compile --template` on a user's template in tests (tests/render/test_template_*)."""

from __future__ import annotations

from pathlib import Path

from reportfactory import report_dict, write_report, write_roster
from typer.testing import CliRunner

from vastbus_cli.cli import app

runner = CliRunner()


def report_folder(tmp_path: Path) -> Path:
    """A year's folder with a roster and one report, in a folder of its own."""
    folder = tmp_path / "2025"
    write_roster(folder, ["Skövde", "Hjo"])
    write_report(folder, report_dict("Skövde"))
    return folder


def compile_with(folder: Path, text: str | bytes, name: str = "mall.md",
                 parts: dict[str, str | bytes] | None = None,
                 named: list[str] | None = None) -> tuple[int, str, Path]:
    """Exit code, output on one line and the output file of `compile -t name [-t part …]`
    (written over, so that a property test can run it again; a refused template removes it).

    `parts` are written beside the template; `named` are the parts given with --template
    (all of them unless said)."""
    beside = folder.parent
    for file, content in {name: text, **(parts or {})}.items():
        path = beside / file
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    out = beside / "ut.md"
    out.unlink(missing_ok=True)
    args = ["compile", str(folder), "--template", str(beside / name)]
    for part in (list(parts or {}) if named is None else named):
        args += ["--template", str(beside / part)]
    result = runner.invoke(app, [*args, "-o", str(out), "--force"])
    return result.exit_code, " ".join(result.output.split()), out
