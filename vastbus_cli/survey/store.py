"""Answer counts that do not fit in memory, kept in a temporary SQLite database.

A survey with a million distinct free-text answers would hold each of them
several times over in Python (the counted cell, its raw answer, the answer
listed in the result: ~740 bytes each, 760 MiB for a million). Past a budget of
distinct answers, `counting` moves a field's counts here (`DiskCounts`) and the
tally lists its texts from here (`DiskTexts`), so memory stays flat however
many answers there are; the renderers stream them to the file.

The database is SQLite's private temporary one (`sqlite3.connect("")`): a file
in the system's temporary folder that SQLite deletes when the connection closes,
also on Windows, and that no other program can open. One `Store` serves one tally.

Both classes keep the order the in-memory path has (first seen; texts by count,
ties in first-seen order), so a tally is the same whether or not it spilled
(tests/survey/test_store.py runs every fixture both ways).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import count
from typing import TYPE_CHECKING, overload

from vastbus_cli.survey.model import TextAnswer
from vastbus_cli.survey.responses import RawAnswer

if TYPE_CHECKING:
    import sqlite3

Key = tuple[str | None, RawAnswer]  # (group, raw answer), as `FieldCounts.answers` counts them
_BATCH = 20_000  # rows fetched or inserted per call


class StoreFailed(Exception):
    """The temporary database could not be written (a full disk); the message is Swedish."""

    def __init__(self, reason: str) -> None:
        self.message = ("Svaren är för många för att hållas i minnet och skrivs därför till en "
                        f"tillfällig fil, men den kunde inte skrivas: {reason}.")
        self.hint = ("Frigör utrymme på disken med mappen för tillfälliga filer (i Windows "
                     "%TEMP%), eller räkna en del av svaren åt gången.")
        super().__init__(self.message)


@contextmanager
def _guarded() -> Iterator[None]:
    import sqlite3  # ~7 ms, only once a field spills

    try:
        yield
    except sqlite3.Error as exc:
        text = str(exc)
        reason = ("disken är full" if "full" in text.casefold()
                  else f"den tillfälliga databasen svarade ”{text}”")
        raise StoreFailed(reason) from exc


class Store:
    """One tally's temporary database, opened when the first field spills."""

    # a scratch file: nothing to recover after a crash, so no journal and no syncing;
    # SQLite's page cache is the only memory it takes (8 MiB)
    PRAGMAS = ("journal_mode = OFF", "synchronous = OFF", "cache_size = -8192",
               "temp_store = FILE")

    def __init__(self) -> None:
        self._db: sqlite3.Connection | None = None
        self._names = count(1)

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            import sqlite3

            with _guarded():
                db = sqlite3.connect("")
                for pragma in self.PRAGMAS:
                    db.execute(f"PRAGMA {pragma}")
            self._db = db
        return self._db

    def table(self, prefix: str) -> str:
        return f"{prefix}{next(self._names)}"

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _ticked(labels: tuple[str, ...]) -> str:
    return json.dumps(labels, ensure_ascii=False) if labels else ""


def _labels(stored: str) -> tuple[str, ...]:
    return tuple(json.loads(stored)) if stored else ()


def _group(stored: str) -> str | None:
    return stored or None  # a group is never "" (a blank group cell is "(tomt)")


class DiskCounts:
    """`Counter[(group, raw answer)]` on disk: what `FieldCounts.answers` is once it spilled.

    Reads like the Counter it replaces (iteration in first-seen order, `items`,
    `values`, `[key]`, `len`); `for_group` reads one group's answers.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.name = store.table("answers")
        self._total = 0
        self._distinct = 0
        with _guarded():
            store.db.execute(f"CREATE TABLE {self.name} (g TEXT NOT NULL, t TEXT NOT NULL, "
                             "k TEXT NOT NULL, o TEXT NOT NULL, n INTEGER NOT NULL, "
                             "PRIMARY KEY (g, t, k, o))")

    def add(self, counts: Iterable[tuple[Key, int]]) -> None:
        """Add counts, in the order their keys were first seen."""
        rows = [(group or "", raw[0], _ticked(raw[1]), raw[2], n)
                for (group, raw), n in counts]
        db = self.store.db
        with _guarded():
            db.executemany(f"INSERT INTO {self.name} (g, t, k, o, n) VALUES (?, ?, ?, ?, ?) "
                           "ON CONFLICT (g, t, k, o) DO UPDATE SET n = n + excluded.n", rows)
            self._distinct = db.execute(f"SELECT max(rowid) FROM {self.name}").fetchone()[0] or 0
        self._total += sum(row[4] for row in rows)

    def _rows(self, where: str = "", args: tuple[str, ...] = ()) -> Iterator[tuple[Key, int]]:
        with _guarded():
            cursor = self.store.db.execute(
                f"SELECT g, t, k, o, n FROM {self.name} {where} ORDER BY rowid", args)
            while batch := cursor.fetchmany(_BATCH):
                for g, t, k, o, n in batch:
                    yield (_group(g), (t, _labels(k), o)), n

    def items(self) -> Iterator[tuple[Key, int]]:
        return self._rows()

    def for_group(self, group: str | None) -> Iterator[tuple[RawAnswer, int]]:
        """One group's raw answers (all of them for None), in first-seen order."""
        rows = self._rows() if group is None else self._rows("WHERE g = ?", (group,))
        return ((raw, n) for (_group, raw), n in rows)

    def __iter__(self) -> Iterator[Key]:
        return (key for key, _n in self._rows())

    def values(self) -> Iterator[int]:
        return (n for _key, n in self._rows())

    def __getitem__(self, key: Key) -> int:
        group, raw = key
        with _guarded():
            found = self.store.db.execute(
                f"SELECT n FROM {self.name} WHERE g = ? AND t = ? AND k = ? AND o = ?",
                (group or "", raw[0], _ticked(raw[1]), raw[2])).fetchone()
        return found[0] if found else 0

    def __len__(self) -> int:
        return self._distinct

    def __bool__(self) -> bool:
        return self._distinct > 0

    def total(self) -> int:
        return self._total


class DiskTexts(Sequence[TextAnswer]):
    """A result's free-text answers on disk, the most common first (ties: first seen).

    Built by `TextsOnDisk`; reads as the list of `TextAnswer` it replaces, one
    batch at a time. `contacts` is how many answers had contact details masked.
    """

    def __init__(self, store: Store, name: str, length: int, total: int, contacts: int) -> None:
        self.store = store
        self.name = name
        self.length = length
        self.total = total
        self.contacts = contacts

    def _range(self, start: int, stop: int) -> Iterator[TextAnswer]:
        with _guarded():
            cursor = self.store.db.execute(
                f"SELECT d, n FROM {self.name} WHERE rowid > ? AND rowid <= ? ORDER BY rowid",
                (start, stop))
            while batch := cursor.fetchmany(_BATCH):
                for text, n in batch:
                    yield TextAnswer(text=text, count=n)

    def __iter__(self) -> Iterator[TextAnswer]:
        return self._range(0, self.length)

    def __len__(self) -> int:
        return self.length

    @overload
    def __getitem__(self, index: int) -> TextAnswer: ...
    @overload
    def __getitem__(self, index: slice) -> list[TextAnswer]: ...

    def __getitem__(self, index: int | slice) -> TextAnswer | list[TextAnswer]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self.length)
            if step != 1:
                return list(self)[index]
            return list(self._range(start, max(start, stop)))
        position = index + self.length if index < 0 else index
        if not 0 <= position < self.length:
            raise IndexError(index)
        return next(self._range(position, position + 1))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(other) == self.length and all(map(TextAnswer.__eq__, self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"DiskTexts({self.length} svar)"


class TextsOnDisk:
    """Counts texts as `Counter[str]` would, on disk; `finish` lists them as `DiskTexts`.

    `shown` turns a text into what the reader sees (contact details masked); it
    is called once per distinct text.
    """

    def __init__(self, store: Store, shown: Callable[[str], str]) -> None:
        self.store = store
        self.shown = shown
        self.work = store.table("texts")
        with _guarded():
            store.db.execute(f"CREATE TABLE {self.work} (t TEXT PRIMARY KEY, d TEXT NOT NULL, "
                             "n INTEGER NOT NULL)")
        self.pending: dict[str, int] = {}

    def add(self, text: str, n: int) -> None:
        self.pending[text] = self.pending.get(text, 0) + n
        if len(self.pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        shown = self.shown
        rows = [(t, shown(t), n) for t, n in self.pending.items()]
        with _guarded():
            self.store.db.executemany(
                f"INSERT INTO {self.work} (t, d, n) VALUES (?, ?, ?) "
                "ON CONFLICT (t) DO UPDATE SET n = n + excluded.n", rows)
        self.pending.clear()

    def finish(self) -> DiskTexts:
        self._flush()
        db = self.store.db
        name = self.store.table("listed")
        with _guarded():
            db.execute(f"CREATE TABLE {name} (d TEXT NOT NULL, n INTEGER NOT NULL)")
            db.execute(f"INSERT INTO {name} (d, n) SELECT d, n FROM {self.work} "
                       "ORDER BY n DESC, rowid")
            length, total, contacts = db.execute(
                "SELECT count(*), coalesce(sum(n), 0), "
                f"coalesce(sum(CASE WHEN d != t THEN n END), 0) FROM {self.work}").fetchone()
            db.execute(f"DELETE FROM {self.work}")  # its pages are used again
        return DiskTexts(self.store, name, length, total, contacts)
