"""A run stopped while it writes an Excel file, in real processes: SIGTERM, SIGINT, SIGKILL,
a full disk.

The respondents' free text is in the temporary files of a half-written workbook
(the output's own temporary file and openpyxl's write-only sheets), so they must
live beside the output, never in the shared temporary folder, and be gone after
the run, or, when it was killed outright, after the next run on that folder.
The child stalls inside openpyxl's save, once the sheets' temporary files are
written, and writes a marker: the test signals it exactly there.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

STALL = """
import errno, sys, time
from pathlib import Path
marker, how = Path(sys.argv[1]), sys.argv[2]
from openpyxl.writer import excel
write_data = excel.ExcelWriter.write_data
def stalled(self):
    self._archive.writestr("xl/halvskriven.xml", "<x/>" * 1000)  # the archive is under way
    if how == "full":
        raise OSError(errno.ENOSPC, "No space left on device")
    marker.write_text("skriver", encoding="utf-8")
    time.sleep(120)
excel.ExcelWriter.write_data = stalled
sys.argv = ["vastbus", *sys.argv[3:]]
from vastbus_cli.cli import main
main()
"""

ANSWERS = "Vilken kommun?;Hur nöjd är du?;Övriga synpunkter\n" + "".join(
    f"{town};{grade};Synpunkt nummer {i} om väntetider i {town}\n"
    for i, (town, grade) in enumerate([("Skövde", "Nöjd"), ("Hjo", "Missnöjd"),
                                       ("Tibro", "Mycket nöjd")] * 10))


@pytest.fixture
def work(tmp_path: Path) -> Path:
    (tmp_path / "svar").mkdir()
    (tmp_path / "svar" / "svar.csv").write_text(ANSWERS, encoding="utf-8")
    (tmp_path / "systemtmp").mkdir()
    return tmp_path


def _start(work: Path, how: str = "stall") -> subprocess.Popen[bytes]:
    env = {**os.environ, "TMPDIR": str(work / "systemtmp"), "NO_COLOR": "1",
           "PYTHONIOENCODING": "utf-8"}
    return subprocess.Popen([sys.executable, "-c", STALL, str(work / "markör"), how,
                             "tally", "svar/svar.csv", "-o", "svar/ut.xlsx"],
                            cwd=work, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _mid_write(work: Path, child: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 120
    while not (work / "markör").exists() and child.poll() is None \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    assert (work / "markör").exists(), child.stderr.read() if child.stderr else ""
    folder = work / "svar"
    (partial,) = folder.glob(".ut.xlsx.vastbus-*.tmp")  # the output, under another name
    (spill,) = folder.glob(".ut.xlsx.vastbus-*.tmpdir")  # openpyxl's sheets
    sheets = list(spill.iterdir())
    assert sheets and any("Synpunkt nummer" in p.read_text(encoding="utf-8") for p in sheets)
    # the workbook is staged first (in memory, or past SPOOL_BYTES in the private folder
    # beside the output) and only then compressed into `partial`: it may still be empty
    assert partial.is_file()
    assert list((work / "systemtmp").iterdir()) == []  # nothing in the shared folder


def _left(work: Path) -> list[str]:
    return sorted(p.name for p in (work / "svar").iterdir())


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_terminated_mid_write_cleans_up_like_ctrl_c(work: Path, signum: int) -> None:
    child = _start(work)
    _mid_write(work, child)
    child.send_signal(signum)
    _, err = child.communicate(timeout=60)
    assert child.returncode == 130
    assert err.decode("utf-8") == "Avbrutet.\n"  # no ZipFile.__del__ traceback after it
    assert _left(work) == ["svar.csv"]
    assert list((work / "systemtmp").iterdir()) == []


def test_killed_mid_write_is_cleaned_up_by_the_next_run(work: Path) -> None:
    child = _start(work)
    _mid_write(work, child)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    left = _left(work)
    assert len(left) == 3 and {Path(n).suffix for n in left[:2]} == {".tmp", ".tmpdir"}
    env = {**os.environ, "TMPDIR": str(work / "systemtmp"), "NO_COLOR": "1"}
    done = subprocess.run([sys.executable, "-m", "vastbus_cli", "tally", "svar/svar.csv", "-o",
                           "svar/ut.xlsx"], cwd=work, env=env, capture_output=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert _left(work) == ["svar.csv", "ut.xlsx"]
    assert list((work / "systemtmp").iterdir()) == []


def test_a_full_disk_mid_write_is_one_swedish_message(work: Path) -> None:
    child = _start(work, "full")
    _, err = child.communicate(timeout=120)
    assert child.returncode == 1
    assert err.decode("utf-8") == ("fel: Kan inte skriva svar/ut.xlsx: disken är full.\n"
                                   "  → Kontrollera mappen och behörigheterna.\n")
    assert _left(work) == ["svar.csv"]


def test_another_runs_temporary_files_are_left_alone(tmp_path: Path) -> None:
    from vastbus_cli.output import remove_stale

    alive = tmp_path / f".ut.xlsx.vastbus-{os.getppid()}-abcd_123.tmp"
    dead_pid = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                              capture_output=True, check=True).stdout.decode().strip()
    dead = tmp_path / f".ut.xlsx.vastbus-{dead_pid}-abcd_123.tmpdir"
    mine = tmp_path / ".ut.xlsx.abcd_123.tmp"  # not a name vastbus makes now
    alive.write_text("x")
    dead.mkdir()
    (dead / "openpyxl.xml").write_text("svar")
    mine.write_text("x")
    assert remove_stale(tmp_path) == [dead]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([alive.name, mine.name])
