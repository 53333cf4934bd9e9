"""The per-case assertions every adversarial corpus test makes.

A case is a set of input files (written into an empty folder that becomes the
working directory, so messages name them by their short names), the command
line, and what the user must see: the exit code, a Swedish message naming the
file (and the line where one applies). Whatever the input, the run must not
show a traceback or English exception text, must leave every input
byte-identical with the same modification time, and must leave nothing behind
when it fails (no output, no temporary file).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from typer.testing import CliRunner

from vastbus_cli.cli import app

# Words of Python's and PyYAML's own messages; none of them is Swedish. Inputs are
# written so that they never contain these words themselves.
ENGLISH = re.compile(
    r"Traceback|Error\b|Exception|(?<!-)\b(?:expected|found|invalid|cannot|could not|not allowed|"
    r"larger than|codec|decode|unexpected|recursion|maximum|object|NoneType|argument)\b",
    re.IGNORECASE,
)

runner = CliRunner()


@dataclass(frozen=True)
class Case:
    """One hostile input: its id (the test id), the file bytes and what must be said."""

    id: str
    data: bytes
    says: str = ""           # a Swedish phrase of the expected message
    line: int | None = None  # the line the message must name, when one applies
    code: int = 1
    extra: dict[str, bytes] = field(default_factory=dict)


@dataclass
class Outcome:
    code: int
    output: str
    created: set[str]


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` with its bytes and modification time (nanoseconds)."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found[str(path.relative_to(folder))] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


def write_inputs(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        # an mtime in the past, so that a rewrite within the same clock tick is still seen
        os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))


def run(folder: Path, files: dict[str, bytes], args: Sequence[str]) -> Outcome:
    """Write `files` into `folder`, run the command there and check what must always hold."""
    write_inputs(folder, files)
    before = snapshot(folder)
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "250"})
    finally:
        os.chdir(cwd)
    output = result.output
    # Typer's runner turns an escaped exception into exit code 1: that is a crash, not an answer
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        f"{type(result.exception).__name__}: {result.exception}\n{output}")
    assert "Traceback" not in output, output
    english = ENGLISH.search(output)
    assert english is None, f"English text {english.group()!r} in:\n{output}"
    after = snapshot(folder)
    for name, (data, mtime) in before.items():
        assert name in after, f"input {name} was removed"
        assert after[name][0] == data, f"input {name} was changed"
        assert after[name][1] == mtime, f"input {name} got a new modification time"
    created = set(after) - set(before)
    return Outcome(result.exit_code, output, created)


def check(outcome: Outcome, case: Case, file: str) -> None:
    """The exit code, the file named, the line named, and nothing left behind on failure."""
    assert outcome.code == case.code, outcome.output
    if case.code != 0:
        assert file in outcome.output, outcome.output
        assert not outcome.created, f"left behind: {outcome.created}"
    if case.says:
        assert case.says in outcome.output, outcome.output
    if case.line is not None:
        assert f"{file}:{case.line}:" in outcome.output, outcome.output
