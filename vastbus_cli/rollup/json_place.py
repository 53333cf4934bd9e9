"""Where a value stands in a JSON text, as line and column, from its key path.

pydantic names a wrong value by its path (`parts[0].overview.reported`); a coordinator
who opened the file in an editor needs the line and column to go to. The text is walked
along the path with `json.JSONDecoder.raw_decode` (public API), which reads one key or
skips one sibling value at a time; nothing else is parsed.
"""

from __future__ import annotations

import json

_DECODER = json.JSONDecoder()
_SPACE = " \t\n\r"


def _skip_space(text: str, at: int) -> int:
    while at < len(text) and text[at] in _SPACE:
        at += 1
    return at


def _child(text: str, at: int, step: int | str) -> int | None:
    """The offset of `step` (a key or an index) in the object or array starting at `at`."""
    opening = text[at] if at < len(text) else ""
    if opening not in "{[" or (opening == "{") != isinstance(step, str):
        return None
    at = _skip_space(text, at + 1)
    index = 0
    while at < len(text) and text[at] not in "}]":
        if opening == "{":
            key, at = _DECODER.raw_decode(text, at)
            at = _skip_space(text, at)
            if text[at] != ":":
                return None
            at = _skip_space(text, at + 1)
            if key == step:
                return at
        elif index == step:
            return at
        _value, at = _DECODER.raw_decode(text, at)  # a sibling, skipped whole
        at = _skip_space(text, at)
        if at < len(text) and text[at] == ",":
            at = _skip_space(text, at + 1)
        index += 1
    return None


def json_position(text: str, path: tuple[int | str, ...]) -> tuple[int, int]:
    """The 1-based line and column of the value at `path` (of the deepest part of it that
    exists: a missing key points at the object that should hold it); (0, 0) if the text
    cannot be walked."""
    try:
        at = _skip_space(text, 0)
        for step in path:
            found = _child(text, at, step)
            if found is None:
                break
            at = found
    except (ValueError, IndexError, RecursionError):
        return 0, 0
    return line_column(text, at)


def line_column(text: str, at: int) -> tuple[int, int]:
    """The 1-based line and column of offset `at` (counted in characters, as editors do)."""
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1
