"""output.py, the no-data-loss guard, tested directly (issue 19 item 9).

Each refusal is checked with its exact Swedish message and hint; a replaced file keeps
its permissions (never wider); the temporary file lives in the target's folder and is
gone afterwards; the guard runs again just before the rename.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest

from vastbus_cli import output
from vastbus_cli.output import (
    STDOUT,
    OutputExists,
    OutputLocked,
    OutputRefused,
    OutputTarget,
    check_writable,
    is_stdout,
    write_bytes,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions and FIFOs")


def _refusal(path: Path, force: bool = False, inputs: tuple[Path, ...] = ()) -> OutputRefused:
    with pytest.raises(OutputRefused) as caught:
        check_writable(path, force, inputs)
    assert caught.value.path == path
    assert str(caught.value) == caught.value.message
    return caught.value


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- modes --------------------------------------------------------------------------

@posix_only
@pytest.mark.parametrize("mode", [0o600, 0o640, 0o644, 0o604, 0o660, 0o400])
def test_replacing_a_file_keeps_its_mode_and_never_widens_it(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "sammanställning.md"
    target.write_bytes(b"gammal")
    target.chmod(mode)
    write_bytes(target, b"ny", force=True)
    assert target.read_bytes() == b"ny"
    assert stat.S_IMODE(target.stat().st_mode) == mode
    assert not target.stat().st_mode & (stat.S_IWOTH | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


@posix_only
@pytest.mark.parametrize("umask", [0o022, 0o077, 0o002, 0o027])
def test_a_new_file_gets_what_the_umask_allows(tmp_path: Path, umask: int) -> None:
    old = os.umask(umask)
    try:
        write_bytes(tmp_path / "ny.md", b"x")
        assert os.umask(umask) == umask  # the umask is left as it was
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "ny.md").stat().st_mode) == 0o666 & ~umask


@posix_only
def test_mode_for_ignores_the_file_type_bits(tmp_path: Path) -> None:
    target = tmp_path / "a.md"
    target.write_bytes(b"")
    target.chmod(0o4640)  # set-user-ID is never copied to the new file
    assert output._mode_for(target) == 0o640


# --- the temporary file ----------------------------------------------------------------

def test_the_temporary_file_is_in_the_target_folder_and_then_gone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "ut mapp åäö"
    target = folder / "sammanställning.docx"
    seen: list[Path] = []
    real_replace = os.replace

    def replace(src: str, dst: str | Path) -> None:
        seen.append(Path(src))
        assert Path(src).read_bytes() == b"data"  # whole, flushed, before the rename
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    write_bytes(target, b"data")
    (tmp,) = seen
    assert tmp.parent == folder  # the same folder: the rename never crosses file systems
    assert tmp.name.startswith(".sammanställning.docx.") and tmp.name.endswith(".tmp")
    assert target.read_bytes() == b"data"
    assert sorted(p.name for p in folder.iterdir()) == ["sammanställning.docx"]


def test_a_relative_name_is_written_in_the_current_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    made: list[str] = []
    real_mkstemp = tempfile.mkstemp

    def mkstemp(**kwargs: object) -> tuple[int, str]:
        made.append(str(kwargs["dir"]))
        return real_mkstemp(**kwargs)  # type: ignore[call-overload, no-any-return]

    monkeypatch.setattr(tempfile, "mkstemp", mkstemp)
    write_bytes(Path("ut.json"), b"{}")
    assert made == ["."]
    assert (tmp_path / "ut.json").read_bytes() == b"{}"


def test_a_long_name_gives_a_short_temporary_name(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    names: list[str] = []
    real_replace = os.replace
    monkeypatch.setattr(os, "replace", lambda s, d: (names.append(Path(s).name),
                                                     real_replace(s, d)))
    write_bytes(tmp_path / ("å" * 120 + ".md"), b"x")
    assert names[0].startswith("." + "å" * 100 + ".") and "å" * 101 not in names[0]


def test_missing_folders_are_made(tmp_path: Path) -> None:
    write_bytes(tmp_path / "a" / "b" / "c.md", b"x")
    assert (tmp_path / "a" / "b" / "c.md").read_bytes() == b"x"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ut.md"
    target.write_bytes(b"gammal")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OSError, match="No space"):
        write_bytes(target, b"ny", force=True)
    assert target.read_bytes() == b"gammal"
    assert _leftovers(tmp_path) == []


def test_an_interrupt_while_writing_leaves_no_temporary_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_bytes(tmp_path / "ut.md", b"x")
    assert list(tmp_path.iterdir()) == []


# --- the guard again at write time ---------------------------------------------------

def test_an_input_that_appears_at_the_target_while_writing_is_not_replaced(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    report = tmp_path / "rapport.yaml"
    report.write_bytes(b"ifylld rapport")
    target = tmp_path / "ut.md"
    real_fsync = os.fsync

    def link_then_sync(fd: int) -> None:
        os.link(report, target)  # someone points the output at the report meanwhile
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", link_then_sync)
    with pytest.raises(OutputRefused) as caught:
        OutputTarget.of(target, force=True, inputs=[report, None]).write(b"sammanfattning")
    assert caught.value.message == (
        f"{target} är en av filerna som läses in och skrivs aldrig över.")
    assert caught.value.hint == "Välj ett annat namn för resultatet; indatafilerna lämnas orörda."
    assert report.read_bytes() == b"ifylld rapport"
    assert _leftovers(tmp_path) == []


def test_a_file_that_appears_while_writing_is_not_replaced_without_force(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ut.md"
    real_fsync = os.fsync

    def appear(fd: int) -> None:
        target.write_bytes("någon annans".encode())
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", appear)
    with pytest.raises(OutputExists):
        write_bytes(target, b"mitt")
    assert target.read_bytes() == "någon annans".encode()
    assert _leftovers(tmp_path) == []


@posix_only
def test_a_link_that_appears_while_writing_is_not_followed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "annan.txt"
    other.write_bytes("orörd".encode())
    target = tmp_path / "ut.md"
    real_fsync = os.fsync

    def link(fd: int) -> None:
        target.symlink_to(other)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", link)
    with pytest.raises(OutputRefused, match="genväg"):
        write_bytes(target, b"x", force=True)
    assert other.read_bytes() == "orörd".encode() and target.is_symlink()


def test_force_replaces_an_earlier_output_but_never_an_input(tmp_path: Path) -> None:
    report, target = tmp_path / "rapport.yaml", tmp_path / "ut.md"
    report.write_bytes(b"r")
    target.write_bytes(b"gammal")
    write_bytes(target, b"ny", force=True, inputs=[report])
    assert target.read_bytes() == b"ny"
    with pytest.raises(OutputRefused, match="läses in"):
        write_bytes(report, b"x", force=True, inputs=[tmp_path / "saknas.yaml", report])
    assert report.read_bytes() == b"r"


def test_a_new_path_or_a_missing_input_is_fine(tmp_path: Path) -> None:
    check_writable(tmp_path / "ny.md", False, [tmp_path / "saknas.yaml"])
    check_writable(tmp_path / "ny.md", True)


# --- every refusal, with its message and hint --------------------------------------------

def test_an_existing_file_without_force(tmp_path: Path) -> None:
    target = tmp_path / "ut.md"
    target.write_bytes(b"ifylld")
    refused = _refusal(target)
    assert isinstance(refused, OutputExists)
    assert refused.message == f"Filen {target} finns redan och skrivs inte över."
    assert refused.hint == "Välj ett annat filnamn, eller lägg till --force om filen ska ersättas."
    with pytest.raises(OutputExists):
        write_bytes(target, b"x")
    assert target.read_bytes() == b"ifylld"


def test_an_input_even_with_force(tmp_path: Path) -> None:
    report = tmp_path / "rapport.yaml"
    report.write_bytes(b"r")
    refused = _refusal(report, True, (report,))
    assert refused.message == f"{report} är en av filerna som läses in och skrivs aldrig över."
    assert refused.hint == "Välj ett annat namn för resultatet; indatafilerna lämnas orörda."
    assert not isinstance(refused, OutputExists)


@posix_only
def test_a_symbolic_link(tmp_path: Path) -> None:
    link = tmp_path / "länk.md"
    link.symlink_to(tmp_path / "saknas.md")
    refused = _refusal(link, True)
    assert refused.message == (f"{link} är en genväg (symbolisk länk); vastbus skriver inte "
                               "genom länkar.")
    assert refused.hint == "Ange den riktiga filen, eller ett nytt filnamn."


def test_a_folder(tmp_path: Path) -> None:
    refused = _refusal(tmp_path, True)
    assert refused.message == f"{tmp_path} är en mapp, inte en fil."
    assert refused.hint == "Ange ett filnamn i mappen, t.ex. mappen/sammanställning.docx."


@posix_only
def test_a_named_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "rör"
    os.mkfifo(fifo)
    refused = _refusal(fifo, True)
    assert refused.message == (f"{fifo} är ingen vanlig fil (en enhet eller en namngiven "
                               "rörledning) och skrivs inte över.")
    assert refused.hint == "Ange ett nytt filnamn."


def test_a_nul_byte_in_the_name(tmp_path: Path) -> None:
    bad = tmp_path / "ut\0.md"
    refused = _refusal(bad, True)
    assert refused.message == f"Filnamnet {bad!r} är ogiltigt."
    assert refused.hint == "Välj ett annat filnamn."


def test_a_name_too_long(tmp_path: Path) -> None:
    bad = tmp_path / ("x" * 300 + ".md")
    refused = _refusal(bad)
    assert refused.message == f"Sökvägen {bad} är för lång för filsystemet."
    assert refused.hint == "Välj ett kortare filnamn eller en mapp närmare roten."


@posix_only
def test_a_loop_of_links(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    bad = tmp_path / "a" / "ut.md"
    refused = _refusal(bad)
    assert refused.message == f"Sökvägen {bad} går i en slinga av genvägar."
    assert refused.hint == "Kontrollera genvägarna (symboliska länkar) i sökvägen."


def test_a_file_in_the_middle_of_the_path(tmp_path: Path) -> None:
    (tmp_path / "fil").write_bytes(b"")
    bad = tmp_path / "fil" / "ut.md"
    refused = _refusal(bad)
    assert refused.message == f"En del av sökvägen {bad} är en fil, inte en mapp."
    assert refused.hint == "Kontrollera sökvägen."


def test_any_other_path_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "ut.md"

    def lstat(self: Path) -> os.stat_result:
        raise OSError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(Path, "lstat", lstat)
    refused = _refusal(bad)
    assert refused.message == f"Sökvägen {bad} kan inte användas: Permission denied."
    assert refused.hint == "Kontrollera sökvägen."


def test_a_file_where_the_folder_should_be_made(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "mapp"
    target = folder / "ut.md"

    def mkdir(self: Path, parents: bool = False, exist_ok: bool = False) -> None:
        assert parents and exist_ok
        raise FileExistsError(errno.EEXIST, "File exists")

    monkeypatch.setattr(Path, "mkdir", mkdir)
    with pytest.raises(OutputRefused) as caught:
        write_bytes(target, b"x")
    assert caught.value.path == target
    assert caught.value.message == f"{folder} är en fil, inte en mapp."
    assert caught.value.hint == "Kontrollera sökvägen."


def test_a_locked_file_says_it_is_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "ut.xlsx"
    target.write_bytes(b"gammal")

    def locked(src: str, dst: str | Path) -> None:
        raise PermissionError(errno.EACCES, "in use")

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(OutputLocked) as caught:
        write_bytes(target, b"ny", force=True)
    assert caught.value.path == target
    assert str(caught.value) == str(target)
    assert caught.value.message == (
        f"{target}: Filen är öppen i ett annat program – stäng den och försök igen.")
    assert target.read_bytes() == b"gammal"
    assert _leftovers(tmp_path) == []


def test_identity_is_none_for_a_path_that_cannot_be_looked_at(tmp_path: Path) -> None:
    assert output._identity(tmp_path / "saknas") is None
    assert output._identity(tmp_path / "a\0b") is None
    (tmp_path / "f").write_bytes(b"")
    info = (tmp_path / "f").stat()
    assert output._identity(tmp_path / "f") == (info.st_dev, info.st_ino)


def test_standard_output() -> None:
    assert STDOUT == "-"
    assert is_stdout(Path("-"))
    assert not is_stdout(None) and not is_stdout(Path("-.md")) and not is_stdout(Path("x"))


def test_output_target_of_drops_missing_inputs(tmp_path: Path) -> None:
    target = OutputTarget.of(tmp_path / "ut.md", inputs=[None, tmp_path / "a", None])
    assert target.inputs == (tmp_path / "a",) and target.force is False
    assert OutputTarget(tmp_path / "ut.md").inputs == ()


def test_a_failure_after_the_temporary_file_vanished_keeps_its_own_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def vanish(fd: int) -> None:
        for leftover in tmp_path.glob("*.tmp"):
            leftover.unlink()  # a cleaner removed it meanwhile
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(os, "fsync", vanish)
    with pytest.raises(OSError, match="I/O error"):
        write_bytes(tmp_path / "ut.md", b"x")
    assert list(tmp_path.iterdir()) == []
