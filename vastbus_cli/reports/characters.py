"""Characters in a value that no reader can see and that a terminal may obey.

The loader refuses control characters typed into the file. The same characters can
also be written as escapes inside double quotes ("\\0", "\\e", "\\a", "\\x1b"), which
YAML turns into the characters themselves: those are refused here, at the value, as an
error (an ESC in a title would recolour the coordinator's terminal and land in the
summary). Bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) make
text display in another order than it is stored, which is how a reversed file name
or a misleading sentence is hidden: a warning, since a right-to-left name may carry
them honestly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from vastbus_cli.problems import Problem, error, warning
from vastbus_cli.reports.load import LoadedFile, Path_
from vastbus_cli.reports.parse_messages import subject

CONTROL_CODE = "styrtecken"
BIDI_CODE = "riktningstecken"
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def character_problems(loaded: LoadedFile) -> list[Problem]:
    """Problems for every value (or key) holding an escaped control or a bidi override.

    The walk over the data happens only when the text has a backslash or a bidi
    character at all: most reports have neither.
    """
    text = loaded.text
    if text and "\\" not in text and not _BIDI.search(text):
        return []
    return list(_walk(loaded, loaded.data, ()))


def _walk(loaded: LoadedFile, data: Any, path: Path_) -> Iterator[Problem]:
    if isinstance(data, str):
        yield from _check(loaded, data, path)
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield from _check(loaded, key, (*path, key))
            yield from _walk(loaded, value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk(loaded, value, (*path, index))


def _check(loaded: LoadedFile, value: str, path: Path_) -> Iterator[Problem]:
    control = _CONTROL.search(value)
    if control:
        line, column = loaded.positions.of(path)
        yield error(loaded.path, line, column, CONTROL_CODE,
                    f"{subject(path)} innehåller ett osynligt styrtecken "
                    f"(U+{ord(control.group()):04X}), skrivet med \\ inom citattecken.",
                    "Ta bort tecknet (t.ex. \\0, \\a eller \\e) ur texten.")
    bidi = _BIDI.search(value)
    if bidi:
        line, column = loaded.positions.of(path)
        yield warning(loaded.path, line, column, BIDI_CODE,
                      f"{subject(path)} innehåller ett tecken som vänder textens riktning "
                      f"(U+{ord(bidi.group()):04X}); texten kan visas i en annan ordning än "
                      "den står.",
                      "Ta bort tecknet om texten inte är skriven på ett språk som skrivs "
                      "från höger till vänster.")
