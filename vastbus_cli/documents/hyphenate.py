"""Swedish hyphenation points for table headers: "Ungdoms-mottagning", never "Omg|ång".

A header cell narrower than its longest word makes Word and LibreOffice break
the word anywhere, without a hyphen. A soft hyphen at a Swedish syllable
boundary lets them break it properly, and only where it has to. The points come
from pyphen (LibreOffice's own Swedish hyphenation patterns, pure Python),
imported only when a wide table needs them; without pyphen the word has no
points and the table layout falls back to the word as a whole.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Callable
from typing import Any


@functools.cache
def points(word: str) -> tuple[int, ...]:
    """Positions where `word` may be broken (with a hyphen), by Swedish rules; after a slash too."""
    found = [i + 1 for i, c in enumerate(word[:-1]) if c in "/-"]
    start = 0
    for end in [*found, len(word)]:  # each part of "Skola/elevhälsa" on its own
        part = word[start:end].rstrip("/-")
        with contextlib.suppress(ImportError):  # a dependency; a broken install still works
            found += [start + p for p in _dictionary().positions(part)]
        start = end
    return tuple(sorted({p for p in found if 0 < p < len(word)}))


@functools.cache
def _dictionary() -> Any:
    import pyphen

    return pyphen.Pyphen(lang="sv_SE", left=3, right=3)


def widest_piece(word: str, lines: int, measure: Callable[[str], float] = len) -> float:
    """The width (by `measure`, characters by default) of the widest line `word` needs when
    broken into at most `lines` lines.

    A broken line carries its hyphen; a break after a slash or a hard hyphen adds nothing.
    """
    cuts = points(word)
    if lines <= 1 or not cuts:
        return measure(word)

    @functools.cache
    def widest(start: int, left: int) -> float:
        rest = measure(word[start:])
        if left == 1:
            return rest
        options = [rest]
        for cut in cuts:
            if cut <= start:
                continue
            line = word[start:cut] + ("" if word[cut - 1] in "/-" else "-")
            options.append(max(measure(line), widest(cut, left - 1)))
        return min(options)

    return widest(0, lines)
