"""LibreOffice as a bounded child, tested with fake `soffice` programs on PATH.

Each fake is a small Python script named `soffice` that does one bad thing a
LibreOffice could do: hang (with a helper process of its own, as the real
launcher has), print without end, write something that is not a PDF, or exit 0
having written nothing. vastbus must end it (and its helpers), keep no more than
a tail of its output, and never pass on a file that is not a PDF with pages.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
from pdfcontents import chapters_docx
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.documents import libreoffice, libreoffice_profile, libreoffice_run
from vastbus_cli.documents.problem import DocumentProblem

pytestmark = pytest.mark.skipif(os.name == "nt", reason="the fakes are POSIX scripts")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "rapporter"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Page >>\nendobj\n%%EOF\n"

# the fake's head: where LibreOffice would write (the macro's target, or --outdir's PDF);
# its interpreter is a link beside it (`head`): a shebang cannot hold the spaces a checkout's
# path may have ("~/ny användare/vb/.venv/bin/python")
_HEAD = """#!PYTHON
import os, re, sys, subprocess, time
from pathlib import Path
log = os.environ.get("FAKE_LOG")
if log:
    with open(log, "a") as f:
        f.write(" ".join(sys.argv[1:]) + "\\n")
args = sys.argv[1:]
macro = next((a for a in args if a.startswith("macro:")), None)
if macro:
    target = Path(re.findall(r'"((?:[^"]|"")*)"', macro)[1].replace('""', '"'))
else:
    target = Path(args[args.index("--outdir") + 1]) / (Path(args[-1]).stem + ".pdf")
"""

FAKES = {

    "floods": """
block = b"x" * 1048576
for _ in range(120):
    sys.stdout.buffer.write(block)
sys.stdout.buffer.write(b"\\nsista raden\\n")
""",
    "garbage": 'target.write_bytes(b"<html>inte en PDF</html>")\n',
    "empty": 'target.write_bytes(b"")\n',
    "no-pages": 'target.write_bytes(b"%PDF-1.4\\n%%EOF\\n")\n',
    "nothing": "",
    "pages": """
if "ToPages" in (macro or ""):
    target.write_text("_Toc00000001\\t3\\n_Toc00000002\\t4\\n")
else:
    target.write_bytes(PDF)
""".replace("PDF", repr(PDF)),
}

# a shell script: up and its pids written within milliseconds, even on a loaded machine
HANGS = f"""#!/bin/sh
{shutil.which("sleep") or "/bin/sleep"} 300 &
echo "$$ $!" > "$FAKE_PIDS"
wait
"""


def head(folder: Path) -> str:
    """The fake's first lines, run by this test's Python through a link in `folder`."""
    python = folder / "python"
    if not python.exists():
        python.symlink_to(sys.executable)
    return _HEAD.replace("PYTHON", str(python), 1)


def script(kind: str, folder: Path) -> str:
    return HANGS if kind == "hangs" else head(folder) + FAKES[kind]


def fake(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> Path:
    """A fake `soffice` of `kind` alone on PATH, a cache of the test's own; the pid file."""
    folder = tmp_path / f"bin-{kind}"
    folder.mkdir()
    program = folder / "soffice"
    program.write_text(script(kind, folder), encoding="utf-8")
    program.chmod(0o755)
    monkeypatch.setenv("PATH", str(folder))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    pids = tmp_path / "pids"
    monkeypatch.setenv("FAKE_PIDS", str(pids))
    monkeypatch.setenv("FAKE_LOG", str(tmp_path / "log"))
    return pids


def small_docx() -> bytes:
    return chapters_docx(2)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie is dead, only not yet reaped
        return stat.read().split(")")[-1].split()[0] != "Z"


def wait_for(path: Path) -> list[int]:
    for _ in range(200):
        if path.is_file() and path.read_text():
            return [int(p) for p in path.read_text().split()]
        time.sleep(0.05)
    raise AssertionError("the fake never started")


def test_a_hanging_libreoffice_is_stopped_with_its_helpers(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pids = fake(tmp_path, monkeypatch, "hangs")
    monkeypatch.setattr(libreoffice, "TIMEOUT_S", 2)
    started = time.monotonic()
    with pytest.raises(DocumentProblem) as caught:
        libreoffice.docx_to_pdf(small_docx())
    assert time.monotonic() - started < 30
    assert caught.value.message == "LibreOffice blev inte klart på 2 s och stoppades."
    assert caught.value.hint == "Försök igen, eller skriv .docx och spara som PDF i Word."
    assert not any(alive(pid) for pid in wait_for(pids))


def test_the_page_number_pass_gives_up_and_the_docx_is_written_without(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pids = fake(tmp_path, monkeypatch, "hangs")
    monkeypatch.setattr(libreoffice, "PAGE_NUMBERS_TIMEOUT_S", 1.5)
    monkeypatch.setattr(libreoffice, "PAGE_NUMBERS_S_PER_MB", 2)  # 0.19 MB: 2 s in all
    out = tmp_path / "s.docx"
    result = CliRunner().invoke(app, ["compile", str(EXAMPLES / "2025"), "--date",
                                      "2026-05-20", "-o", str(out)])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert said.startswith("LibreOffice räknar fram innehållsförteckningens sidnummer …")
    assert ("Innehållsförteckningens sidnummer fylldes inte i: LibreOffice blev inte klart på "
            "2 s och stoppades. Dokumentet skrevs utan dem; i Word fyller du i dem genom att "
            "högerklicka på innehållsförteckningen och välja Uppdatera fält.") in said
    assert "Sammanställningen skrevs till" in said
    from docx import Document

    assert Document(str(out)).core_properties.title.startswith("Sammanställning")
    assert not any(alive(pid) for pid in wait_for(pids))


def test_a_flood_of_output_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """120 MB on stdout and nothing written: a Swedish message naming its last line, and
    memory for no more than the tail (the old capture_output kept all of it)."""
    fake(tmp_path, monkeypatch, "floods")
    data = small_docx()
    tracemalloc.start()
    try:
        with pytest.raises(DocumentProblem) as caught:
            libreoffice.docx_to_pdf(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert caught.value.message == ("LibreOffice kunde inte göra om Word-dokumentet till PDF "
                                    "(sista raden).")
    assert peak < 10 * 2**20, peak


@pytest.mark.parametrize(("kind", "message"), [
    ("garbage", "LibreOffice avslutades utan fel men det den skrev är ingen PDF-fil."),
    ("empty", "LibreOffice avslutades utan fel men PDF-filen är tom."),
    ("no-pages", "LibreOffice avslutades utan fel men PDF-filen har inga sidor."),
    ("nothing", "LibreOffice kunde inte göra om Word-dokumentet till PDF."),
])
def test_what_is_not_a_pdf_replaces_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                             kind: str, message: str) -> None:
    fake(tmp_path, monkeypatch, kind)
    out = tmp_path / "s.pdf"
    out.write_bytes(b"the PDF sent last week")
    result = CliRunner().invoke(app, ["compile", str(EXAMPLES / "2025"), "--date",
                                      "2026-05-20", "-o", str(out), "--force"])
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert said.startswith("LibreOffice gör PDF-filen …")
    assert message in said and "Traceback" not in said and "internt fel" not in said
    assert out.read_bytes() == b"the PDF sent last week"


def test_one_libreoffice_run_per_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake(tmp_path, monkeypatch, "pages")
    log = tmp_path / "log"
    for suffix in ("pdf", "docx"):
        out = tmp_path / f"s.{suffix}"
        result = CliRunner().invoke(app, ["compile", str(EXAMPLES / "2025"), "--date",
                                          "2026-05-20", "-o", str(out)])
        assert result.exit_code == 0, result.output
        runs = log.read_text().splitlines()
        assert len(runs) == 1, runs
        assert ("ToPdf(" if suffix == "pdf" else "ToPages(") in runs[0]
        log.unlink()


def test_the_docx_gets_the_pages_libreoffice_gives(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import re
    import zipfile

    fake(tmp_path, monkeypatch, "pages")
    result = libreoffice.with_page_numbers(small_docx())
    assert result.skipped == ""
    xml = zipfile.ZipFile(io.BytesIO(result.docx)).read("word/document.xml").decode("utf-8")
    assert re.findall(r"PAGEREF (_Toc\d+) .{0,120}?preserve\">(\d*)</w:t>", xml) == [
        ("_Toc00000001", "3"), ("_Toc00000002", "4")]


def test_libreoffice_is_stopped_when_vastbus_is_terminated(tmp_path: Path) -> None:
    """SIGTERM to vastbus while LibreOffice works: LibreOffice's group goes with it
    (its own session is out of reach of the terminal's signals)."""
    pids = tmp_path / "pids"
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "soffice").write_text(HANGS, encoding="utf-8")
    (folder / "soffice").chmod(0o755)
    code = ("from vastbus_cli.documents.libreoffice_run import run; "
            f"run([{str(folder / 'soffice')!r}, 'x', '--outdir', '.', 'a.docx'], 300)")
    env = {**os.environ, "FAKE_PIDS": str(pids)}
    parent = subprocess.Popen([sys.executable, "-c", code], env=env)
    found = wait_for(pids)
    parent.send_signal(signal.SIGTERM)
    assert parent.wait(timeout=30) == 128 + signal.SIGTERM
    time.sleep(0.2)
    assert not any(alive(pid) for pid in found)


def test_run_keeps_only_the_tail(tmp_path: Path) -> None:
    done = libreoffice_run.run([sys.executable, "-c",
                                "import sys; sys.stdout.write('a' * 100000 + '\\nslut\\n')"], 30)
    assert done == libreoffice_run.Finished(0, "slut")


def test_pdf_check() -> None:
    assert libreoffice.pdf_problem(PDF) is None
    assert libreoffice.pdf_problem(b"%PDF-1.4\n<< /Type /Pages >>\n%%EOF") == \
        "PDF-filen har inga sidor"
    assert libreoffice.pdf_problem(b"%PDF-1.4\n<< /Type /Page >>\n") == \
        "det den skrev är ingen PDF-fil"


def test_the_profile_is_kept_in_the_users_cache(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    fcntl = pytest.importorskip("fcntl")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert libreoffice_profile.cache_folder() == tmp_path / "cache" / "vastbus"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/is/ignored")
    assert libreoffice_profile.cache_folder() == Path.home() / ".cache" / "vastbus"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    earlier = tmp_path / "cache" / "vastbus" / "libreoffice-0123456789ab" / "0"
    earlier.mkdir(parents=True)  # a profile of an earlier vastbus: removed with the new one
    in_use = tmp_path / "cache" / "vastbus" / "libreoffice-ba9876543210" / "3"
    in_use.mkdir(parents=True)  # another vastbus's, its slot 3 held by a run: left alone
    held = open(in_use.parent / "3.lock", "a+b")  # noqa: SIM115 (closed below)
    fcntl.flock(held.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    with libreoffice_profile.profile(tmp_path) as first:
        assert not earlier.parent.exists()
        assert in_use.is_dir()
        assert first.folder.parent.parent == tmp_path / "cache" / "vastbus"
        assert (first.folder / "user" / "basic" / "Standard" / "Vastbus.xba").is_file()
        registry = (first.folder / "user" / "registrymodifications.xcu").read_text()
        assert "<value>sv-SE</value>" in registry
        with libreoffice_profile.profile(tmp_path) as second:  # a second run at the same time
            assert second.folder != first.folder
            assert second.folder.parent == first.folder.parent
    with libreoffice_profile.profile(tmp_path) as again:
        assert again.folder == first.folder  # reused
    held.close()


def test_every_cached_profile_taken_gives_a_throw_away_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from contextlib import ExitStack

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    scratch = tmp_path / "run"
    scratch.mkdir()
    with ExitStack() as stack:
        used = [stack.enter_context(libreoffice_profile.profile(scratch))
                for _ in range(libreoffice_profile.SLOTS + 1)]
        assert len({p.folder for p in used}) == libreoffice_profile.SLOTS + 1
        assert used[-1].folder.parent == scratch


def test_a_profile_libreoffice_failed_on_is_made_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake(tmp_path, monkeypatch, "nothing")
    with pytest.raises(DocumentProblem):
        libreoffice.docx_to_pdf(small_docx())
    with libreoffice_profile.profile(tmp_path) as used:
        assert (used.folder / "ready").is_file()
    # the fake exits 0: the profile was kept
    fake_fail = tmp_path / "bin-nothing" / "soffice"
    fake_fail.write_text(head(fake_fail.parent) + "sys.exit(3)\n", encoding="utf-8")
    (used.folder / "user" / "marker").write_text("")
    with pytest.raises(DocumentProblem):
        libreoffice.docx_to_pdf(small_docx())
    assert not (used.folder / "user" / "marker").exists()
