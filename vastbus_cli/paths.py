"""What a path given by the user is, said in Swedish.

"finns inte" only for what does not exist: a folder where a file is expected,
a device or a named pipe (reading one would wait forever), a link that points
nowhere or at itself, and a name too long for the file system each get their
own message.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_REASONS = {
    errno.ENOENT: "den finns inte",
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "behörighet saknas",
    errno.ENOSPC: "disken är full",
    getattr(errno, "EDQUOT", -1): "diskkvoten är slut",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.ENAMETOOLONG: "namnet är för långt för filsystemet",
    errno.ELOOP: "genvägarna (symboliska länkar) går i en slinga",
    errno.EISDIR: "det är en mapp",
    errno.ENOTDIR: "en del av sökvägen är inte en mapp",
    errno.EIO: "läs- eller skrivfel på disken",
}


MISSING = " finns inte."


def is_missing(problem: str | None) -> bool:
    """Whether a `path_problem` sentence says the path does not exist at all."""
    return problem is not None and problem.endswith(MISSING)


def os_reason(exc: OSError) -> str:
    """The operating system's reason in Swedish (never the English `strerror`)."""
    return _REASONS.get(exc.errno or 0, f"systemfel {exc.errno}" if exc.errno else "okänt fel")


def _mode(path: Path, follow: bool) -> int:
    return (os.stat(path) if follow else os.lstat(path)).st_mode


def path_problem(path: Path, want: str = "fil") -> str | None:
    """None when `path` is an existing regular file (`want="fil"`) or folder (`"mapp"`).

    Otherwise a Swedish sentence naming the path and what is wrong with it.
    """
    try:
        mode = _mode(path, follow=True)
    except ValueError:
        return f"Sökvägen {path} innehåller ett ogiltigt tecken."
    except FileNotFoundError:
        try:
            _mode(path, follow=False)
        except OSError:
            return f"{path}{MISSING}"
        return f"{path} är en genväg (symbolisk länk) till något som inte finns."
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"{path} är en genväg (symbolisk länk) som pekar på sig själv i en slinga."
        return f"{path} kan inte läsas: {os_reason(exc)}."
    if want == "mapp":
        if stat.S_ISDIR(mode):
            return None
        return f"{path} är en fil, inte en mapp." if stat.S_ISREG(mode) else \
            f"{path} är ingen mapp (utan en enhet eller en namngiven rörledning)."
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return f"{path} är en mapp, inte en fil."
    return f"{path} är ingen vanlig fil (utan en enhet eller en namngiven rörledning)."
