"""JSON read strictly: what Python's `json` lets through silently is refused, at its place.

`json.loads` keeps the last of two equal keys (data lost without a word), reads `NaN` and
`Infinity` (not JSON; a document would print `nan`), turns `1e999` into infinity and ends
in a ValueError past 4 300 digits. A summary handed on by someone else is read here
instead: one fast pass with hooks that only notice, and only when something was noticed a
second, slower walk over the text that finds each place (offset) for the message. Every
value is read by the standard library's decoder (public API); nothing is guessed.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any

#: No figure in a summary comes near this (a region's key figure sums stay below 10**13);
#: refused before Python converts the digits (its own limit is 4 300 digits).
MAX_INTEGER = 10**15
_MAX_DIGITS = len(str(MAX_INTEGER))
_SPACE = " \t\n\r"


@dataclass(frozen=True)
class Finding:
    """Something the strict reading refuses: where (offset in the text) and what."""

    offset: int
    code: str
    message: str


class _Bad:
    """Stands in for a value the strict reading refuses, so the walk can tell it apart."""

    def __init__(self, code: str, message: str) -> None:
        self.code, self.message = code, message


def _integer(text: str) -> int | _Bad:
    digits = text.lstrip("-")
    if len(digits) <= _MAX_DIGITS and abs(int(text)) <= MAX_INTEGER:
        return int(text)
    shown = f"Talet {text}" if len(digits) <= 20 else f"Ett tal med {len(digits)} siffror"
    return _Bad("för-stort-tal", f"{shown} är för stort; en sammanställning har inga tal över "
                                 "1 000 000 000 000 000.")


def _float(text: str) -> float | _Bad:
    value = float(text)
    if math.isfinite(value) and abs(value) <= MAX_INTEGER:
        return value
    shown = f"Talet {text}" if len(text) <= 20 else f"Ett tal med {len(text)} tecken"
    return _Bad("för-stort-tal", f"{shown} är för stort; en sammanställning har inga tal över "
                                 "1 000 000 000 000 000.")


def _constant(name: str) -> _Bad:
    return _Bad("inte-ett-tal", f"{name} är inget tal i JSON; en sammanställning har bara "
                                "vanliga tal.")


_PROBE = json.JSONDecoder(parse_int=_integer, parse_float=_float, parse_constant=_constant)


class _Notice:
    """The fast pass's hooks: read as `json.loads` would, but remember that something is off."""

    def __init__(self) -> None:
        self.seen = False

    def pairs(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)
        if len(out) != len(pairs):
            self.seen = True
        return out

    def value(self, value: Any) -> Any:
        if isinstance(value, _Bad):
            self.seen = True
        return value


def strict_loads(text: str) -> tuple[Any, list[Finding]]:
    """The value of `text` and what is refused in it, in text order. Raises what `json.loads`
    raises for text that is not JSON at all (JSONDecodeError, RecursionError)."""
    notice = _Notice()
    data = json.loads(text, object_pairs_hook=notice.pairs,
                      parse_int=lambda s: notice.value(_integer(s)),
                      parse_float=lambda s: notice.value(_float(s)),
                      parse_constant=lambda s: notice.value(_constant(s)))
    if not notice.seen:
        return data, []
    findings: list[Finding] = []
    _walk(text, _skip(text, 0), findings)
    return data, findings


def _skip(text: str, at: int) -> int:
    while at < len(text) and text[at] in _SPACE:
        at += 1
    return at


def _walk(text: str, at: int, findings: list[Finding]) -> int:
    """Read the value at `at` (valid JSON: the fast pass read it), note what is refused in it,
    return the offset after it."""
    opening = text[at]
    if opening not in "{[":
        value, end = _PROBE.raw_decode(text, at)
        if isinstance(value, _Bad):
            findings.append(Finding(at, value.code, value.message))
        return end
    at = _skip(text, at + 1)
    keys: set[str] = set()
    while text[at] not in "}]":
        if opening == "{":
            key, after = _PROBE.raw_decode(text, at)
            if key in keys:
                findings.append(Finding(at, "dubblett-nyckel",
                                        f"Nyckeln '{key}' finns två gånger i samma objekt; "
                                        "JSON-läsare skulle tyst använda bara det sista "
                                        "värdet."))
            keys.add(key)
            at = _skip(text, _skip(text, after) + 1)  # past the colon
        at = _skip(text, _walk(text, at, findings))
        if text[at] == ",":
            at = _skip(text, at + 1)
    return at + 1
