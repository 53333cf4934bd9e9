"""Writing outputs without losing anything.

Every file is written to a temporary file in the target folder and renamed
over the target, so an interrupted run never leaves half a summary behind. An
existing file is replaced only when the user said `--force`: it may be a file
somebody has filled in.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


class OutputExists(Exception):
    """The target exists and `force` was not given."""

    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path

    @property
    def message(self) -> str:
        return f"Filen {self.path} finns redan och skrivs inte över."

    hint = "Välj ett annat filnamn, eller lägg till --force om filen ska ersättas."


def check_writable(path: Path, force: bool) -> None:
    """Raise `OutputExists` before any work is done, so nothing is wasted."""
    if path.exists() and not force:
        raise OutputExists(path)


def write_bytes(path: Path, data: bytes, force: bool = False) -> None:
    """Atomically write `data` to `path`; refuse to replace an existing file unless forced."""
    check_writable(path, force)
    folder = path.parent if str(path.parent) else Path(".")
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.chmod(tmp_name, _mode_for(path))  # mkstemp makes it private (0600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not force and path.exists():  # appeared while we wrote
            raise OutputExists(path)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what a new file gets under the user's umask."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_text(path: Path, text: str, force: bool = False) -> None:
    write_bytes(path, text.encode("utf-8"), force=force)
