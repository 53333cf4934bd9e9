"""Small Swedish phrasing shared by every job's documents and messages (the bottom of the house:
the summary, the roll-up, the letters and the survey report all list names the same way)."""

from __future__ import annotations

from collections.abc import Sequence


def names(items: Sequence[str], last: str = "och") -> str:
    """`A`, `A och B`, `A, B och C` (nothing for an empty list); `last="eller"` for a choice
    ("Word, Excel eller PDF")."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {last} " + items[-1]
