"""Start-up: what a normal command does NOT import (speed is measured in benchmarks/, not here).

Help machinery (`typer.rich_utils`, the Swedish patches) loads only when help or
a usage error is shown; `schema` reads the shipped file instead of building it
from the models; no command loads a renderer's library it does not use.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "rapporter" / "2025"

HELP_ONLY = ["typer.rich_utils", "vastbus_cli.cli.swedish"]
# Printing through rich loads only when needed: not for a command whose output is plain text.
PRINTING = ["rich", "rich.console", "rich.markup"]
RENDERERS = ["docx", "pptx", "openpyxl", "jinja2", "xlsxwriter"]
# what Typer's help machinery imports (markdown help, pretty tracebacks): not for a command
# that shows no help
HELP_LIBRARIES = ["rich.markdown", "rich.traceback", "markdown_it", "pygments"]

_RUN = """
import contextlib, io, json, sys
sys.argv = ["vastbus", *sys.argv[1:]]
from vastbus_cli.cli import main
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    try:
        main()
    except SystemExit:
        pass
print(json.dumps(sorted(sys.modules)))
"""


def imported(*args: str) -> set[str]:
    out = subprocess.run([sys.executable, "-c", _RUN, *args], capture_output=True, text=True,
                         check=True)
    return set(json.loads(out.stdout))


def test_schema_imports_neither_help_nor_models() -> None:
    modules = imported("schema")
    assert not modules & {*HELP_ONLY, *RENDERERS, *PRINTING, "vastbus_cli.reports.model",
                          "vastbus_cli.reports.schema_build", "yaml"}


def test_schema_to_a_file_needs_no_rich(tmp_path: Path) -> None:
    target = tmp_path / "mapp med å" / "schema.json"
    target.parent.mkdir()
    modules = imported("schema", "-o", str(target), "--force")
    assert not modules & set(PRINTING)
    assert json.loads(target.read_text(encoding="utf-8"))["title"]


def test_validate_imports_no_help_machinery_or_renderers() -> None:
    modules = imported("validate", str(EXAMPLE / "arsberattelse-2025-hjo.yaml"))
    assert "vastbus_cli.reports.validate" in modules  # it did run
    assert not modules & {*HELP_ONLY, *RENDERERS, *PRINTING, *HELP_LIBRARIES,
                          "vastbus_cli.reporters"}  # a clean file: one plain line printed


def test_help_and_usage_errors_load_the_swedish_texts() -> None:
    assert set(HELP_ONLY) <= imported("--help")
    assert set(HELP_ONLY) <= imported("validate", "--bogus")


def test_help_loads_no_command_machinery() -> None:
    """`--help` shows names and texts: no pipeline helpers, no renderers, no regexes for
    translating error messages (they are compiled on the first error)."""
    modules = imported("--help")
    assert not modules & {*RENDERERS, "vastbus_cli.problems",
                          "vastbus_cli.output", "vastbus_cli.reporters", "vastbus_cli.paths",
                          "yaml"}


def _survey(folder: Path) -> Path:
    (folder / "spec.yaml").write_text(
        "enkät: E\nrespondentkolumn: Grupp\nfrågor:\n  - id: f1\n    text: Fråga 1\n"
        "    typ: flerval\n    alternativ: [Ja, 'Ja, delvis', Nej]\n", encoding="utf-8")
    path = folder / "svar.csv"
    path.write_text('Tidstämpel,Grupp,Fråga 1\r\n2026-01-01,A,"Ja, delvis, Nej"\r\n2026-01-02,B,Ja\r\n',
                    encoding="utf-8")
    return path


def test_tally_with_a_spec_to_json_loads_no_rich(tmp_path: Path) -> None:
    """A plainly valid spec is read without its pydantic schema (see survey/spec.py)."""
    target = tmp_path / "t.json"
    modules = imported("tally", str(_survey(tmp_path)), "--spec", str(tmp_path / "spec.yaml"),
                       "-o", str(target), "--force")
    assert json.loads(target.read_text(encoding="utf-8"))["questions"]
    assert not modules & {*PRINTING, *RENDERERS, "vastbus_cli.survey.spec_schema"}


def test_tally_without_a_spec_loads_no_yaml(tmp_path: Path) -> None:
    target = tmp_path / "t.csv"
    modules = imported("tally", str(_survey(tmp_path)), "-o", str(target))
    assert target.exists()
    assert not modules & {*RENDERERS, "yaml"}


def test_a_run_builds_only_the_click_command_it_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """registry.py: the other commands stay Typer registrations; help still lists them all."""
    from typer.main import get_command

    from vastbus_cli.cli import app

    group: Any = get_command(app)
    with contextlib.suppress(SystemExit):
        group.main(["validate", str(EXAMPLE / "arsberattelse-2025-hjo.yaml")], prog_name="vastbus")
    assert "Inga problem" in capsys.readouterr().out
    assert set(group.commands._built) == {"validate"}
    assert list(group.commands) == ["compile", "rollup", "schema", "status", "tally", "template", "validate"]
    assert all(group.commands[name].name == name for name in group.commands)


def test_report_default_factories_are_python_functions() -> None:
    """pydantic inspects a factory's signature; a builtin's (list, dict) is tokenized from text."""
    import inspect

    from vastbus_cli.reports.model import Report

    factories = [f.default_factory for f in Report.model_fields.values() if f.default_factory]
    assert factories and all(inspect.isfunction(f) for f in factories)
    assert all(f() in ([], {}) for f in factories)  # type: ignore[call-arg]


def test_a_tally_that_fits_in_memory_loads_no_database() -> None:
    """The temporary database (survey/store.py, ~7 ms to import) is for answers past the
    memory budget only; the example survey never needs it."""
    survey = EXAMPLE.parent.parent / "enkat"
    modules = imported("tally", str(survey / "enkat-2018.csv"), str(survey / "enkat-2019.csv"),
                       "--spec", str(survey / "spec.yaml"), "-f", "json")
    assert "vastbus_cli.survey.tally" in modules  # it did run
    assert not modules & {"sqlite3", "_sqlite3", *RENDERERS}
