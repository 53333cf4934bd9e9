"""How large a zip archive from a user may be (an .xlsx export, a Word reference document).

An Office file is a zip archive, and a few kilobytes can inflate to gigabytes
("zip bomb"). The archive's directory is read first (it is small, and `zipfile`
refuses to inflate a member beyond the size the directory states), so a file
that is too large is refused before any part of it is inflated. The limits are
generous for real files; each reader names them in its own Swedish message.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

MAX_MEMBERS = 1_000             # parts in the archive; an export or a template has a few dozen
MAX_UNCOMPRESSED = 300_000_000  # bytes, all parts inflated together
MAX_RATIO = 100                 # inflated / compressed, for parts over RATIO_FROM bytes
RATIO_FROM = 1_000_000


@dataclass(frozen=True)
class Excess:
    """What makes an archive too large: `kind` is "members", "size" or "ratio"."""

    kind: str
    value: int  # the parts, the inflated bytes or the ratio found
    limit: int
    member: str = ""  # the part that inflates too much (for "ratio")


def zip_excess(path: Path) -> Excess | None:
    """The first limit the archive's directory breaks, or None (also when it is no archive:
    the reader then says so in its own words)."""
    import zipfile  # ~2 ms of start-up, only for a command that reads an archive

    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError, OSError):
        return None
    if len(members) > MAX_MEMBERS:
        return Excess("members", len(members), MAX_MEMBERS)
    total = sum(member.file_size for member in members)
    if total > MAX_UNCOMPRESSED:
        return Excess("size", total, MAX_UNCOMPRESSED)
    for member in members:
        if member.file_size > RATIO_FROM and \
                member.file_size > MAX_RATIO * max(member.compress_size, 1):
            return Excess("ratio", member.file_size // max(member.compress_size, 1), MAX_RATIO,
                          member.filename)
    return None


def number(value: int) -> str:
    """1 000 000 as Swedish writes it (a space between thousands)."""
    return f"{value:,}".replace(",", " ")
