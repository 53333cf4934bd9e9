"""Generated form pages and what the tests do with a saved report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.form.build import form_file_name, render_form
from vastbus_cli.reports.template import GroupInfo
from vastbus_cli.reports.validate import validate_paths

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "rapporter" / "2025"
runner = CliRunner()


def make_form(folder: Path, name: str, year: int = 2025, municipality: str | None = None) -> Path:
    """The form for one Skaraborg group, in a folder whose name has a space and an å."""
    info = GroupInfo(name, municipality or name, "Skaraborg")
    target = folder / "formulär för grupper" / form_file_name(info, year)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_form(info, year), encoding="utf-8")
    return target


def problems_of(path: Path) -> list[tuple[str, str, str]]:
    """(severity, code, message) of every problem validate finds in a saved file."""
    result = validate_paths([path])
    return [(p.severity.value, p.code, p.message) for p in result.problems]


def compile_json(folder: Path, out: Path) -> dict[str, Any]:
    result = runner.invoke(app, ["compile", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    return _without_files(data)


def _without_files(data: Any) -> Any:
    """The summary without the folder each report was read from."""
    if isinstance(data, dict):
        return {k: (Path(v).name if k == "file" and isinstance(v, str) else _without_files(v))
                for k, v in data.items()}
    if isinstance(data, list):
        return [_without_files(v) for v in data]
    return data


def examples_copy(folder: Path) -> Path:
    shutil.copytree(EXAMPLES, folder)
    return folder
