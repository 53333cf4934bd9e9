"""Streams and the last line of defence, in real processes where the stream is the point.

A Windows console or a redirected file is cp1252 or cp850, a full disk or a closed
pipe must not end in a traceback, a file's escape sequences must never reach the
terminal, and an unexpected exception is a short Swedish "internt fel" (exit 3).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from reportdata import VALID, replace_line
from typer.testing import CliRunner

from vastbus_cli.cli import app, main

runner = CliRunner()
BAD = replace_line(VALID, "\nmöten:\n", "\nmoten:\n")  # an unknown key: a hint with '→'


def vastbus(*args: str | bytes, cwd: Path, encoding: str = "utf-8",
            stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": encoding, "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "vastbus_cli", *args], cwd=cwd, env=env,
                          stdout=stdout, stderr=subprocess.PIPE, timeout=60, check=False)


@pytest.mark.parametrize("encoding", ["cp1252", "cp850", "ascii"])
def test_swedish_output_on_a_stream_that_is_not_utf8(tmp_path: Path, encoding: str) -> None:
    (tmp_path / "a.yaml").write_text(BAD, encoding="utf-8")
    done = vastbus("validate", "a.yaml", cwd=tmp_path, encoding=encoding)
    assert done.returncode == 1
    assert done.stderr == b""
    text = done.stdout.decode(encoding)
    lines = text.splitlines()
    hint = "      -> Menade du 'möten'?"  # issue #20: readable ASCII, never '\\u2192'
    if encoding == "ascii":
        hint = hint.replace("ö", "o")
    assert hint in lines
    assert "\\u" not in text and "\\x" not in text
    assert lines[-1] == "2 fel och 0 varningar i 1 av 1 fil."


@pytest.mark.parametrize("encoding", ["cp1252", "cp850"])
def test_compile_to_stdout_writes_no_escapes_into_the_markdown(tmp_path: Path,
                                                                encoding: str) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples" / "rapporter" / "2025"
    done = vastbus("compile", str(examples), cwd=tmp_path, encoding=encoding)
    assert done.returncode == 0, done.stderr
    markdown = done.stdout.decode(encoding)
    assert "\\u20" not in markdown and "\\u2192" not in markdown
    assert "Skövde" in markdown


def test_a_full_disk_on_stdout_is_a_short_message(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(BAD, encoding="utf-8")
    with open("/dev/full", "wb") as full:
        done = vastbus("validate", "a.yaml", cwd=tmp_path, stdout=full)
    assert done.returncode == 1
    assert done.stderr.decode("utf-8") == "fel: Utdata kunde inte skrivas: disken är full.\n"


@pytest.mark.parametrize("command", [["schema"], ["validate", "a.yaml"], ["compile", "r"],
                                     ["tally", "svar.csv"], ["tally", "svar.csv", "-o", "-"]])
def test_a_closed_pipe_ends_quietly(tmp_path: Path, command: list[str]) -> None:
    """`vastbus … | head -1`: no word and 141 (128 + SIGPIPE, what the shell shows for any
    Unix tool the pipe stopped), wherever the write failed: in Typer's hands (which
    made it a silent 1) or after it (1 too, by another path) the same."""
    (tmp_path / "a.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "svar.csv").write_text("Kommun;Nöjd?\n" + "Hjo;Ja\n" * 50, encoding="utf-8")
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "hjo.yaml").write_text(VALID, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    child = subprocess.Popen([sys.executable, "-m", "vastbus_cli", *command], cwd=tmp_path,
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # like `| head -1` after its line: nobody reads any more
    assert child.wait(timeout=60) == 141
    assert child.stderr.read() == b""


def test_head_after_the_first_line_of_a_long_output(tmp_path: Path) -> None:
    """`vastbus tally … -f json -o - | head -1`: the reader leaves after one line of half a
    megabyte. One large write then ended without an error (exit 0, the rest lost in
    silence); written in pieces, it ends as every closed pipe does."""
    rows = "".join(f"Hjo;Ja;Synpunkt {i} om väntetider och kontakt med skolan\n"
                   for i in range(4000))
    (tmp_path / "svar.csv").write_text("Kommun;Nöjd?;Synpunkter\n" + rows, encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    child = subprocess.Popen([sys.executable, "-m", "vastbus_cli", "tally", "svar.csv", "-f",
                              "json", "-o", "-"], cwd=tmp_path, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    assert child.stdout.readline() == b"{\n"
    child.stdout.close()
    assert child.wait(timeout=120) == 141
    assert child.stderr.read() == b""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file names are bytes")
def test_a_file_name_that_is_not_utf8(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path(os.fsdecode(b"\xff-rapport.yaml")).write_text(BAD, encoding="utf-8")
    done = vastbus(b"validate", b"\xff-rapport.yaml", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stderr == b""
    assert b"\\xff-rapport.yaml:15:1  fel  ok\xc3\xa4nd-nyckel" in done.stdout


def test_escape_sequences_from_a_file_are_shown_not_sent(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text('"\\e[2J\\e[31mröd": 1\n' + VALID, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tmp_path / "a.yaml")], env={"NO_COLOR": "1"})
    assert result.exit_code == 1
    assert "\x1b" not in result.output
    assert "Okänd nyckel '\\x1b[2J\\x1b[31mröd'." in result.output


def test_an_unexpected_exception_is_an_internal_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("injected")

    monkeypatch.setattr("vastbus_cli.reports.validate.validate_paths", broken)
    (tmp_path / "a b.yaml").write_text(VALID, encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["vastbus", "validate", str(tmp_path / "a b.yaml")])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 3
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "internt fel: vastbus stötte på ett oväntat fel (ZeroDivisionError). Det är ett fel i "
        "vastbus, inte i dina filer.",
        "  → Kör om med --debug för att se detaljerna, och skicka dem till den som underhåller "
        "vastbus:",
        f'    vastbus --debug validate "{tmp_path / "a b.yaml"}"',
    ]
    assert "Traceback" not in err

    monkeypatch.setattr(sys, "argv", ["vastbus", "--debug", "validate", str(tmp_path)])
    with pytest.raises(SystemExit) as exit_:
        main()
    assert exit_.value.code == 3
    err = capsys.readouterr().err
    assert err.startswith("Traceback (most recent call last):")
    assert err.rstrip().endswith("ZeroDivisionError: injected")


KILL_MID_WRITE = """
import os, sys, time
from pathlib import Path
marker = Path(sys.argv[1])
def stall(fd):  # the temporary file is written; the rename has not happened yet
    marker.write_text("skriver", encoding="utf-8")
    time.sleep(120)
os.fsync = stall
sys.argv = ["vastbus", *sys.argv[2:]]
from vastbus_cli.cli import main
main()
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("old", ["gammal sammanställning\n", None])
def test_killed_mid_write_leaves_the_old_file_or_none(tmp_path: Path, old: str | None) -> None:
    import shutil
    import signal
    import time

    shutil.copytree(Path(__file__).resolve().parents[2] / "examples/rapporter/2025", tmp_path / "r")
    target = tmp_path / "s.md"
    if old is not None:
        target.write_text(old, encoding="utf-8")
    marker = tmp_path / "skriver"
    child = subprocess.Popen([sys.executable, "-c", KILL_MID_WRITE, str(marker),
                              "compile", "r", "-o", str(target), "--force"],
                             cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not marker.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), "the child never reached the write"
    (partial,) = tmp_path.glob(".s.md.*.tmp")  # written beside the target, under another name
    assert partial.read_text(encoding="utf-8").startswith("# Sammanställning")
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    if old is None:
        assert not target.exists()
    else:
        assert target.read_text(encoding="utf-8") == old


def _with_stdout_closed(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """`vastbus ARGS >&-`: the shell closes descriptor 1 and Python's sys.stdout is None."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "vastbus_cli", *args], cwd=cwd, env=env,
                          stdout=None, stderr=subprocess.PIPE, timeout=60, check=False,
                          preexec_fn=lambda: os.close(1))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors")
@pytest.mark.parametrize("command", [["compile", "2025"], ["validate", "2025"], ["schema"]])
def test_a_closed_stdout_is_a_swedish_message(tmp_path: Path, command: list[str]) -> None:
    """Issue #19.4: `vastbus compile DIR >&-` ended in an AttributeError ('internt fel')."""
    (tmp_path / "2025").mkdir()
    (tmp_path / "2025" / "a.yaml").write_text(VALID, encoding="utf-8")
    done = _with_stdout_closed(*command, cwd=tmp_path)
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1, err
    assert "fel: Utdata kunde inte skrivas: standardutdata är stängd." in err
    assert "internt fel" not in err and "Traceback" not in err


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX descriptors")
def test_a_closed_stdout_does_not_stop_a_command_that_writes_a_file(tmp_path: Path) -> None:
    (tmp_path / "2025").mkdir()
    (tmp_path / "2025" / "a.yaml").write_text(VALID, encoding="utf-8")
    done = _with_stdout_closed("compile", "2025", "-o", "s.md", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "s.md").read_text("utf-8").startswith("#")
