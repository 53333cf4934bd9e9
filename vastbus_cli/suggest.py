"""'Did you mean' for keys and controlled values.

Users often type Swedish keys without å, ä and ö (`moten` for `möten`), so a
match after folding those letters wins over any fuzzy match.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "Å": "a", "Ä": "a", "Ö": "o",
                       "-": "_", " ": "_"})


def fold(word: str) -> str:
    return word.strip().lower().translate(_FOLD)


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate the user most likely meant, or None."""
    options = list(candidates)
    folded = fold(word)
    for candidate in options:
        if fold(candidate) == folded:
            return candidate
    by_fold = {fold(c): c for c in options}
    # "Västbusgruppen Skövde" for "Skövde": a candidate inside what was typed (or the reverse)
    inside = [c for f, c in by_fold.items()
              if len(f) >= 4 and len(folded) >= 4 and (f in folded or folded in f)]
    if len(inside) == 1:
        return inside[0]
    close = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=0.7)
    return by_fold[close[0]] if close else None


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """A Swedish hint sentence, or an empty string."""
    found = suggest(word, candidates)
    return f"Menade du '{found}'?" if found else ""
