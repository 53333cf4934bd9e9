"""A crafted .xlsx that inflates to hundreds of megabytes is refused quickly, in little memory.

The command runs in a child process whose address space is capped (RLIMIT_AS),
so a reader that inflated the sheet would die with MemoryError instead of
passing; the wall-clock time is bounded too. Before the archive check, the
one-cell bomb took over a gigabyte and the many-rows bomb ran for minutes.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from adversarial.corpus import ENGLISH, snapshot
from adversarial.survey_cases import _BOOK
from adversarial.zipbomb import MANY_ROWS, ONE_CELL, xlsx_bomb

from vastbus_cli.survey.readers.limits import MAX_XLSX_RATIO, MAX_XLSX_UNCOMPRESSED

ADDRESS_SPACE = 600 * 1024 * 1024
SECONDS = 20


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def _tally(folder: Path, name: str) -> tuple[int, str, float]:
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "vastbus_cli", "tally", name, "-o", "ut.md"], cwd=folder,
        capture_output=True, text=True, encoding="utf-8", timeout=120, preexec_fn=_capped,
        env={**os.environ, "NO_COLOR": "1", "COLUMNS": "250"})
    return done.returncode, done.stdout + done.stderr, time.monotonic() - started


@pytest.mark.parametrize(("shape", "megabytes", "declared", "says"), [
    (ONE_CELL, 250, None, f"gränsen är {MAX_XLSX_RATIO} gånger"),
    (MANY_ROWS, 250, None, f"gränsen är {MAX_XLSX_RATIO} gånger"),
    (ONE_CELL, 400, None, f"gränsen är {MAX_XLSX_UNCOMPRESSED:,} byte".replace(",", " ")),
    # the directory claims a small size: zipfile stops inflating there, the part is damaged
    (ONE_CELL, 400, 2_000, "Excel-fil"),
], ids=["one-cell-250MB", "many-rows-250MB", "one-cell-400MB", "lying-directory-400MB"])
def test_zip_bomb_refused_quickly_in_bounded_memory(
        tmp_path: Path, shape: tuple[bytes, bytes, bytes], megabytes: int, declared: int | None,
        says: str) -> None:
    bomb = xlsx_bomb(_BOOK, megabytes, shape, declared)
    assert len(bomb) < megabytes * 4_000  # a few kilobytes per inflated megabyte
    (tmp_path / "svar.xlsx").write_bytes(bomb)
    before = snapshot(tmp_path)
    code, output, seconds = _tally(tmp_path, "svar.xlsx")
    assert code == 1, output
    assert says in output and "svar.xlsx" in output, output
    assert "Traceback" not in output and ENGLISH.search(output) is None, output
    assert seconds < SECONDS, f"{seconds:.1f} s"
    assert snapshot(tmp_path) == before  # no output, input untouched
