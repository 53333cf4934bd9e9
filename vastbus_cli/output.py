"""Writing outputs without losing anything.

Every file is written to a temporary file in the target folder and renamed
over the target, so an interrupted run never leaves half a summary behind.
The temporary files a library makes while writing (openpyxl's write-only
sheets spill to `tempfile`) go to a private folder beside the output too
(`temporary_files_beside`), never to the shared system folder: they hold the
respondents' answers. A run killed outright (SIGKILL, a power cut) cannot
clean up after itself, so each temporary name carries the process id, and
the next run writing into that folder removes what a dead process left
(`remove_stale`).

Before any work, an `OutputTarget` decides whether the path may be written at
all: never over one of the run's inputs (a report, the roster, the survey
export, the spec: `--force` does not change that), never through a symbolic
link, onto a folder or a device, and over an existing file only with `--force`
(it may be a file somebody has filled in). `-o -` means standard output.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

STDOUT = "-"
TEMP_MARK = "vastbus"  # in every temporary name: `.x.xlsx.vastbus-1234-k2j4_x8a.tmp`
_STALE = re.compile(r"^\..*\." + TEMP_MARK + r"-(\d+)-[A-Za-z0-9_]+\.tmp(dir)?$")
STALE_AGE_WINDOWS = 24 * 3600  # seconds; Windows has no harmless way to ask if a pid lives


class OutputRefused(Exception):
    """The output path may not be written; a usage error with a Swedish message and hint."""

    def __init__(self, path: Path, message: str, hint: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message
        self.hint = hint


class OutputExists(OutputRefused):
    """The target exists and `force` was not given."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path, f"Filen {path} finns redan och skrivs inte över.",
            "Välj ett annat filnamn, eller lägg till --force om filen ska ersättas.")


class OutputLocked(Exception):
    """The rename over the target was refused (on Windows: the file is open in Word or Excel)."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path
        self.message = f"{path}: Filen är öppen i ett annat program – stäng den och försök igen."


def is_stdout(path: Path | None) -> bool:
    return path is not None and str(path) == STDOUT


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def _refuse_special(path: Path, mode: int) -> None:
    if stat.S_ISLNK(mode):
        raise OutputRefused(path, f"{path} är en genväg (symbolisk länk); vastbus skriver inte "
                                  "genom länkar.", "Ange den riktiga filen, eller ett nytt filnamn.")
    if stat.S_ISDIR(mode):
        raise OutputRefused(path, f"{path} är en mapp, inte en fil.",
                            "Ange ett filnamn i mappen, t.ex. mappen/sammanställning.docx.")
    if not stat.S_ISREG(mode):
        raise OutputRefused(path, f"{path} är ingen vanlig fil (en enhet eller en namngiven "
                                  "rörledning) och skrivs inte över.", "Ange ett nytt filnamn.")


def _path_problem(path: Path, exc: OSError) -> OutputRefused:
    if exc.errno == errno.ENAMETOOLONG:
        return OutputRefused(path, f"Sökvägen {path} är för lång för filsystemet.",
                             "Välj ett kortare filnamn eller en mapp närmare roten.")
    if exc.errno == errno.ELOOP:
        return OutputRefused(path, f"Sökvägen {path} går i en slinga av genvägar.",
                             "Kontrollera genvägarna (symboliska länkar) i sökvägen.")
    if exc.errno == errno.ENOTDIR:
        return OutputRefused(path, f"En del av sökvägen {path} är en fil, inte en mapp.",
                             "Kontrollera sökvägen.")
    return OutputRefused(path, f"Sökvägen {path} kan inte användas: {exc.strerror}.",
                         "Kontrollera sökvägen.")


@dataclass(frozen=True)
class OutputTarget:
    """An output file of one run and the inputs it must never replace."""

    path: Path
    force: bool = False
    inputs: tuple[Path, ...] = field(default=())

    @classmethod
    def of(cls, path: Path, force: bool = False,
           inputs: Iterable[Path | None] = ()) -> OutputTarget:
        return cls(path, force, tuple(p for p in inputs if p is not None))

    def check(self) -> None:
        """Raise `OutputRefused` unless the path is new or an earlier output we may replace."""
        try:
            mode = self.path.lstat().st_mode
        except FileNotFoundError:
            return
        except OSError as exc:
            raise _path_problem(self.path, exc) from exc
        except ValueError as exc:  # a NUL byte in the name
            raise OutputRefused(self.path, f"Filnamnet {self.path!r} är ogiltigt.",
                                "Välj ett annat filnamn.") from exc
        _refuse_special(self.path, mode)
        me = _identity(self.path)
        if me is not None and any(_identity(p) == me for p in self.inputs):
            raise OutputRefused(
                self.path, f"{self.path} är en av filerna som läses in och skrivs aldrig över.",
                "Välj ett annat namn för resultatet; indatafilerna lämnas orörda.")
        if not self.force:
            raise OutputExists(self.path)

    def write(self, data: bytes) -> None:
        """Atomically write `data`: a temporary file in the same folder, renamed over the target."""
        self.write_with(lambda handle: handle.write(data))

    def write_with(self, produce: Callable[[BinaryIO], object]) -> None:
        """Atomically write what `produce` writes to the handle it is given (a file too big
        to hold in memory): as `write`, the target replaced only when all of it is written."""
        self.check()
        path = self.path
        folder = path.parent  # Path("x").parent is Path(".")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except FileExistsError as exc:
            raise OutputRefused(path, f"{folder} är en fil, inte en mapp.",
                                "Kontrollera sökvägen.") from exc
        remove_stale(folder)
        fd, tmp_name = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=".tmp", dir=folder)
        try:
            os.chmod(tmp_name, _mode_for(path))  # mkstemp makes it private (0600)
            with os.fdopen(fd, "wb") as handle, temporary_files_beside(path):
                produce(handle)
                handle.flush()
                os.fsync(handle.fileno())
            self.check()  # it may have appeared (or become a link) while we wrote
            try:
                os.replace(tmp_name, path)
            except PermissionError as exc:
                raise OutputLocked(path) from exc
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise


def _temp_prefix(path: Path) -> str:
    return f".{path.name[:100]}.{TEMP_MARK}-{os.getpid()}-"


@contextlib.contextmanager
def temporary_files_beside(path: Path) -> Iterator[Path]:
    """For the block, `tempfile` makes its files in a new private folder beside `path`.

    openpyxl's write-only sheets keep their rows in temporary files until the
    workbook is saved (`tempfile.NamedTemporaryFile`, no folder of their own);
    `tempfile.tempdir` is the documented way to choose the folder. The folder is
    removed, with whatever is left in it, when the block ends, however it ends.
    """
    import shutil

    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    remove_stale(folder)
    # absolute, as tempfile.gettempdir() gives it (LibreOffice gets a file URI of it)
    spill = os.path.abspath(tempfile.mkdtemp(prefix=_temp_prefix(path), suffix=".tmpdir",
                                             dir=folder))
    before = tempfile.tempdir
    tempfile.tempdir = spill
    try:
        yield Path(spill)
    finally:
        tempfile.tempdir = before
        shutil.rmtree(spill, ignore_errors=True)


def remove_stale(folder: Path) -> list[Path]:
    """Remove the temporary files and folders a killed run left in `folder`; the removed.

    Only names vastbus makes (`TEMP_MARK` and a process id) are touched, and only when
    that process is gone: another run writing into the same folder keeps its files."""
    import shutil

    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        found = _STALE.match(name)
        if found is None or _alive(int(found.group(1)), folder / name):
            continue
        entry = folder / name
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


def _alive(pid: int, entry: Path) -> bool:
    """Whether the run that made `entry` may still be writing it."""
    if pid == os.getpid():
        return True
    if os.name == "nt":  # os.kill would end the process: go by age instead
        try:
            return time.time() - entry.lstat().st_mtime < STALE_AGE_WINDOWS
        except OSError:
            return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, under another user
        return True
    return True


def check_writable(path: Path, force: bool, inputs: Iterable[Path | None] = ()) -> None:
    """Raise `OutputRefused` before any work is done, so nothing is wasted."""
    OutputTarget.of(path, force, inputs).check()


def write_bytes(path: Path, data: bytes, force: bool = False,
                inputs: Iterable[Path | None] = ()) -> None:
    """Atomically write `data` to `path`; refuse inputs, links and (without force) existing files."""
    OutputTarget.of(path, force, inputs).write(data)


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what a new file gets under the user's umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
