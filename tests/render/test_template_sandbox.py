"""`compile --template`: a shared template can neither run code nor hang (issue #19.2)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from reportfactory import report_dict, write_report, write_roster
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.render import limits, sandbox

runner = CliRunner()
SHIPPED = Path(__file__).resolve().parents[2] / "templates" / "sammanstallning.md.j2"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "2025"
    write_roster(folder, ["Skövde", "Hjo"])
    write_report(folder, report_dict("Skövde"))
    return folder


def compile_with(folder: Path, text: str) -> tuple[int, str, Path]:
    own = folder.parent / "mall.md"
    own.write_text(text, encoding="utf-8")
    out = folder.parent / "ut.md"
    result = runner.invoke(app, ["compile", str(folder), "--template", str(own), "-o", str(out)])
    return result.exit_code, " ".join(result.output.split()), out


@pytest.mark.parametrize(("text", "said"), [
    ("Rad ett\n{{ cycler.__init__.__globals__.os.popen('id').read() }}\n",
     "stoppades på rad 2: attributet '__init__'"),
    ("a\nb\n{{ range(10**9)|list|length }}\n", "stoppades på rad 3: ett intervall eller tal "
                                               "är för stort"),
    ("{{ s.year }}\n{{ common.Summary.parse_file('/etc/passwd') }}\n",
     "stoppades på rad 2: attributet 'parse_file'"),
    ("{{ common.dt.date.today() }}\n", "stoppades på rad 1: attributet 'dt'"),
    ("\n{{ 'x' * 10**9 }}\n", "stoppades på rad 2: en text eller lista blir större än"),
    ("{{ 'x'|center(10**9) }}\n", "stoppades på rad 1: filtret center fick ett för stort tal"),
    ("{{ '%0*d' % (10**9, 1) }}\n", "stoppades på rad 1: ett tal eller en bredd är för stort"),
    ("{{ 'x'.ljust(10**9) }}\n", "stoppades på rad 1: ett tal eller en bredd är för stort"),
    ("{% set ns = namespace(s='x') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}"
     "{% endfor %}\n", "stoppades på rad 1: en text eller lista blir större än"),
    ("{{ s.groups.append(1) }}\n", "stoppades på rad 1"),
    ("{{ s.__class__ }}\n", "stoppades på rad 1: attributet '__class__'"),
])
def test_refused_template_is_a_swedish_error_with_its_line(folder: Path, text: str,
                                                           said: str) -> None:
    code, output, out = compile_with(folder, text)
    assert code == 1, output
    assert f"fel: Mallen mall.md {said}" in output
    assert "internt fel" not in output and "Traceback" not in output
    assert not out.exists()


def test_a_template_that_runs_too_long_is_stopped_at_its_line(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "SECONDS", 1.0)
    started = time.monotonic()
    code, output, out = compile_with(
        folder, "{{ s.year }}\n{% for i in range(99999) %}{% for j in range(99999) %}"
                "{% endfor %}{% endfor %}\n")
    assert time.monotonic() - started < 10
    assert code == 1
    assert "fel: Mallen mall.md stoppades på rad 2: mallen tog längre tid än 1 sekunder" in output
    assert not out.exists()


def test_output_beyond_the_size_limit_is_stopped(folder: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_CHARS", 10_000)
    code, output, _ = compile_with(folder, "{% for i in range(99999) %}{{ i }} {% endfor %}\n")
    assert code == 1
    assert "sammanställningen blir större än 10 000 tecken" in output


def test_a_copy_of_the_shipped_template_renders_as_the_shipped_one(folder: Path) -> None:
    code, output, out = compile_with(folder, SHIPPED.read_text(encoding="utf-8"))
    assert code == 0, output
    shipped = runner.invoke(app, ["compile", str(folder), "-o", str(folder.parent / "s.md")])
    assert shipped.exit_code == 0
    assert out.read_text("utf-8") == (folder.parent / "s.md").read_text("utf-8")
