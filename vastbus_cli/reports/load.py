"""Bytes → plain Python values with a position for every key and value.

We walk PyYAML's event stream (the C parser where present) instead of using
`yaml.load`, because we need positions and because several things PyYAML
accepts silently lose data or are unsafe in a file a local group hands in:
duplicate keys (PyYAML keeps the last), anchors, aliases and merge keys (the
"billion laughs" vector), custom tags, non-text keys and several documents.
Each is refused as a `Problem` with its position; nothing is ever executed.

Most files have none of that, and need positions only if a later check finds a
problem: `load_quick.py` builds their data without recording any, and the full walk
(`load_full.py`, through `_walked`) runs for a file the quick one leaves to it, or when
positions are asked for.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from vastbus_cli.paths import os_reason, path_problem
from vastbus_cli.problems import Problem, error, warning

MAX_BYTES = 1_000_000
MAX_DEPTH = 50  # levels of nesting; a report needs four
MAX_LINE_CHARS = 20_000  # a long pasted paragraph fits; a line of a megabyte is not a report
RESOLVED = frozenset(yaml.resolver.Resolver.yaml_implicit_resolvers)  # first characters
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
# In UTF-8 the ASCII characters of _CONTROL are their own bytes (never part of another
# character) and U+FFFE/U+FFFF are EF BF BE/BF: a test over bytes, faster than the regex
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_OTHER_BYTES = bytes(b for b in range(256) if b not in _CONTROL_BYTES)

Path_ = tuple[str | int, ...]
Pos = tuple[int, int]

LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESAVE_HINT = (
    "Spara filen som UTF-8: i Anteckningar väljer du Arkiv → Spara som → Kodning: UTF-8; "
    "i VS Code klickar du på kodningen nere till höger och väljer 'Save with Encoding' → UTF-8."
)


class Positions:
    """Where each value (and each mapping key) stands, 1-based line and column.

    A file that loads without problems usually needs no position at all, so its
    positions can be left to a walk (`later`) made on first use.
    """

    def __init__(self, values: dict[Path_, Pos] | None = None,
                 keys: dict[Path_, Pos] | None = None,
                 later: Callable[[], Positions] | None = None) -> None:
        self._values = {} if values is None else values
        self._keys = {} if keys is None else keys
        self._later = later

    def _filled(self) -> None:
        if self._later is not None:
            later, self._later = self._later, None
            found = later()
            self._values, self._keys = found.values, found.keys

    @property
    def values(self) -> dict[Path_, Pos]:
        self._filled()
        return self._values

    @property
    def keys(self) -> dict[Path_, Pos]:
        self._filled()
        return self._keys

    def __eq__(self, other: object) -> bool:  # as the dataclass it was compared
        if not isinstance(other, Positions):
            return NotImplemented
        return (self.values, self.keys) == (other.values, other.keys)

    __hash__ = None  # type: ignore[assignment]  # mutable, like the dataclass it was

    def __repr__(self) -> str:
        return f"Positions(values={self.values!r}, keys={self.keys!r})"

    def of(self, path: Path_, prefer_key: bool = False) -> Pos:
        """The position of `path`, or of its nearest ancestor that has one."""
        values, keys = self.values, self.keys
        for end in range(len(path), -1, -1):
            sub = path[:end]
            if prefer_key and sub in keys:
                return keys[sub]
            if sub in values:
                return values[sub]
        return (1, 1)


@dataclass
class LoadedFile:
    """The result of loading one file. `data` is None when it could not be read."""

    path: str
    data: Any
    positions: Positions
    text: str = ""
    problems: list[Problem] = field(default_factory=list)


class Refused(Exception):
    """Stops the walk at the first construct we cannot turn into data safely."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte-order mark: Latin text has a NUL in every other byte."""
    sample = raw[:1000]
    half = len(sample) // 2
    if half < 2:
        return False
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    return max(even, odd) >= 0.9 * half and min(even, odd) <= 0.1 * half


def decode(raw: bytes, name: str) -> tuple[str | None, Problem | None]:
    """UTF-8 with or without BOM; Windows-1252 read with a warning; anything else refused.

    A text that is not UTF-8 but decodes as Windows-1252 is what Notepad saves as "ANSI"
    on a Swedish Windows, and refusing it only sent the user away to re-save it.
    """
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        return None, error(
            name, 1, 1, "kodning", "Filen är sparad som UTF-16, inte UTF-8.", _RESAVE_HINT
        )
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        return None, error(
            name, line, 1, "binärfil", "Filen innehåller binära data och är ingen textfil.",
            "Kontrollera att du valt rätt fil (en .yaml-fil, inte t.ex. ett Word-dokument).",
        )
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        try:  # what Notepad's "ANSI" is on a Swedish Windows: read it, and say so
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            return None, error(
                name, line, column, "kodning",
                "Filen är inte sparad som UTF-8 och är inte heller Windows-1252/ANSI.",
                _RESAVE_HINT,
            )
        return text, warning(
            name, line, column, "kodning",
            "Filen är sparad som Windows-1252/ANSI, inte UTF-8; den lästes som Windows-1252. "
            "Kontrollera att å, ä och ö blev rätt.", _RESAVE_HINT,
        )


def load_text(text: str, name: str) -> LoadedFile:
    """Parse YAML text into data and positions, collecting problems."""
    loaded = LoadedFile(path=name, data=None, positions=Positions(), text=text)
    problem = _text_problem(text, name)
    if problem is not None:
        loaded.problems.append(problem)
        return loaded
    from vastbus_cli.reports.load_quick import NotQuick, quick

    try:
        loaded.data = quick(text)
    except (NotQuick, Refused, yaml.YAMLError):
        return _walked(text, name)  # the full walk says what is wrong, and where
    loaded.positions = Positions(later=lambda: _walked(text, name).positions)
    return loaded


def _text_problem(text: str, name: str) -> Problem | None:
    """What is wrong with the text before it is parsed: control characters, a line too long."""
    bad = _CONTROL.search(text) if _may_have_control(text) else None
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        return error(
            name, line, column, "styrtecken",
            f"Filen innehåller ett osynligt styrtecken (U+{ord(bad.group()):04X}).",
            "Ta bort tecknet; det följer ofta med när text kopieras från andra program.",
        )
    long_line = _long_line(text)
    if long_line:
        return error(
            name, long_line, 1, "för-lång-rad",
            f"Rad {long_line} är mer än {MAX_LINE_CHARS:,} tecken lång.".replace(",", " "),
            "Dela upp texten på flera rader (med '|' eller '>' efter kolonet).",
        )
    return None


def _may_have_control(text: str) -> bool:
    """False when `text` has no character _CONTROL finds (never a wrong False)."""
    raw = text.encode("utf-8", "surrogatepass")
    return bool(raw.translate(None, _OTHER_BYTES)) or b"\xef\xbf\xbe" in raw \
        or b"\xef\xbf\xbf" in raw


def _walked(text: str, name: str) -> LoadedFile:
    """The full walk over the parser's events: data, every position, every problem."""
    from vastbus_cli.reports.load_full import Builder

    loaded = LoadedFile(path=name, data=None, positions=Positions(), text=text)
    builder = Builder(name, loaded.positions)
    loader = LOADER(text)
    try:
        # the parser's events straight from its get_event (not yaml.parse's generator)
        loaded.data = builder.build(iter(loader.get_event, None))
        if builder.problems:
            loaded.data = None
    except Refused as refused:
        loaded.data = None
        loaded.problems.append(refused.problem)
    except yaml.MarkedYAMLError as exc:
        loaded.data = None
        loaded.problems.append(_unclosed_quote(exc, name) or _syntax_problem(exc, name, text))
    except yaml.YAMLError:  # reader errors; control characters are caught before parsing
        loaded.data = None
        loaded.problems.append(error(name, 1, 1, "yaml-syntax", "Filen går inte att läsa som YAML."))
    finally:
        loader.dispose()
    loaded.problems[:0] = builder.problems
    return loaded


def _long_line(text: str) -> int:
    """The number of the first line longer than MAX_LINE_CHARS, or 0."""
    if len(text) <= MAX_LINE_CHARS:
        return 0
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            return number
    return 0


def _syntax_problem(exc: yaml.MarkedYAMLError, name: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    reason = _explain(exc.problem or "", text, line)
    return error(name, line, column, "yaml-syntax",
                 f"Filen går inte att läsa som YAML: {reason}.", _syntax_hint(reason))


def _unclosed_quote(exc: yaml.MarkedYAMLError, name: str) -> Problem | None:
    """A quote that is never closed runs to the end of the file: point at where it opened."""
    mark = exc.context_mark
    if mark is None or "quoted scalar" not in (exc.context or "") \
            or "end of stream" not in (exc.problem or ""):
        return None
    return error(name, mark.line + 1, mark.column + 1, "yaml-syntax",
                 "Filen går inte att läsa som YAML: citattecknet här stängs aldrig.",
                 "Lägg till det avslutande citattecknet där texten slutar.")


def load_bytes(raw: bytes, name: str) -> LoadedFile:
    if len(raw) > MAX_BYTES:
        return LoadedFile(
            name, None, Positions(),
            problems=[error(name, 1, 1, "för-stor",
                            f"Filen är {len(raw):,} byte; gränsen är {MAX_BYTES:,} byte."
                            .replace(",", " "),
                            "En årsberättelse är bara text; kontrollera att det är rätt fil.")],
        )
    text, problem = decode(raw, name)
    if text is None:
        assert problem is not None
        return LoadedFile(name, None, Positions(), problems=[problem])
    loaded = load_text(text, name)
    if problem is not None:  # a warning about the encoding, before what the text holds
        loaded.problems.insert(0, problem)
    return loaded


def load_file(path: Path, name: str | None = None) -> LoadedFile:
    display = name or str(path)
    wrong = path_problem(path)  # a named pipe would make the read wait forever
    try:
        if wrong is not None:
            return LoadedFile(display, None, Positions(),
                              problems=[error(display, 0, 0, "oläsbar", wrong)])
        raw = path.read_bytes()
    except OSError as exc:
        return LoadedFile(
            display, None, Positions(),
            problems=[error(display, 0, 0, "oläsbar", f"Filen kan inte läsas: {os_reason(exc)}.")],
        )
    return load_bytes(raw, display)


COLON = "ett kolon står där det inte får stå"
_YAML_PHRASES = {
    "mapping values are not allowed here": COLON,
    "mapping values are not allowed in this context": COLON,  # the C loader's wording
    "could not find expected ':'": "ett kolon saknas",
    "found character '\\t' that cannot start any token": "en tabb används för indrag",
    "did not find expected key": "en nyckel saknas eller indraget är fel",
    "did not find expected '-' indicator": "ett '-' saknas eller indraget är fel",
    "found unexpected end of stream": "filen tar slut mitt i ett värde",
    "found undefined alias": "ett alias (*) används",
    "expected <block end>, but found '-'": "ett '-' har fel indrag",
    "found unexpected ':'": "ett oväntat kolon",
    "expected <document start>, but found '<block mapping start>'": "fel indrag",
}


def _syntax_hint(reason: str) -> str:
    """A hint for the cause named, not a list of every possible cause."""
    if reason == COLON:
        return ("Text som innehåller ett kolon (:) skriver du inom citattecken, "
                "t.ex. beskrivning: \"Rutin: kallelse inom två veckor\".")
    if "tabb" in reason:
        return "Dra in raderna med mellanslag, inte med tabb."
    return ("Kontrollera indraget (bara mellanslag, inga tabbar) och att text med kolon "
            "står inom citattecken.")


def _explain(problem: str, text: str, line: int) -> str:
    """A Swedish reason: tab indentation is the most common cause, so it is named first."""
    lines = text.splitlines()
    for candidate in (line, line - 1):
        if 0 < candidate <= len(lines):
            stripped = lines[candidate - 1]
            indent = stripped[: len(stripped) - len(stripped.lstrip(" \t"))]
            if "\t" in indent:
                return f"rad {candidate} är indragen med tabb"
    return _swedish_yaml_error(problem)


def _swedish_yaml_error(problem: str) -> str:
    for english, swedish in _YAML_PHRASES.items():
        if problem.startswith(english):
            return swedish
    if "expected" in problem or "found" in problem:
        return "fel indrag eller ett tecken på fel plats"
    return "fel i strukturen"
