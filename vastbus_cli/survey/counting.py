"""Rows → distinct raw answers counted per field and group; nothing else is kept.

This is what lets a million-row export tally in memory proportional to its
distinct answers, near the CSV parser's speed. Rows arrive in small chunks
(they stay in the processor's cache while they are counted), each turned into
columns with one `zip`; a field of one column counts that column as it is, in
C (`Counter.update`), a field of several columns
or with a group counts tuples of its cells. Small per-field dicts of plain
strings beat fewer, bigger dicts of tuples (measured: clusters of fields with
one tuple key per row cost 1.5 times as much CPU on a million rows).
Only a cell value never seen before is looked at in Python: stripped, tested for blank, scanned for identity numbers and turned
into a `RawAnswer`, once. Splitting multi-select cells and
matching options happen later, in the tally, once per distinct raw answer.

Memory is bounded by `SPILL_KEYS` distinct cells in all fields of a round
together: past it, the fields with the most distinct cells move their counts to
disk (`store.DiskCounts`) and go on counting in memory from empty, so a million
distinct free-text answers take the memory of a hundred thousand (issue 19).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from dataclasses import field as _default
from itertools import islice
from operator import itemgetter

from vastbus_cli.privacy import find_identity_numbers
from vastbus_cli.survey.readers.xlsx import DateText
from vastbus_cli.survey.responses import BLANK, Field, RawAnswer, Responses, has_stray
from vastbus_cli.survey.store import DiskCounts, Store

MAX_LISTED = 200  # respondents listed per question and group as having left it blank
# distinct cells a round's fields keep in memory together (~450 bytes each) before the
# biggest move to disk
SPILL_KEYS = 100_000

Group = str | None


@dataclass
class FieldCounts:
    field: Field
    # on disk (`DiskCounts`, read as the Counter) when the field had too many distinct answers
    answers: Counter[tuple[Group, RawAnswer]] | DiskCounts = _default(default_factory=Counter)
    blanks: Counter[Group] = _default(default_factory=Counter)
    blank_respondents: dict[Group, list[str]] = _default(default_factory=dict)
    dates: int = 0  # cells Excel stored as dates: timestamps, not answers
    private: dict[RawAnswer, int] = _default(default_factory=dict)  # → first line
    stray: int = 0  # the first line with a stray control character (a NUL byte) in a cell

    def answered(self) -> int:
        answers = self.answers
        return answers.total() if isinstance(answers, DiskCounts) else sum(answers.values())


@dataclass
class RoundCounts:
    label: str
    source: str
    fields: list[FieldCounts]
    respondents: Counter[Group]
    respondent_column: int | None = None
    by_column: int | None = None

    @property
    def total(self) -> int:
        return sum(self.respondents.values())


def has_identity_number(raw: RawAnswer) -> bool:
    return any(next(find_identity_numbers(text), None) for text in (raw[0], raw[2], *raw[1]) if text)


class _FieldCounter:
    """One field's distinct cell values, each interpreted once.

    A key is the field's cell, or with several columns or a group the tuple of
    the group's cell and the field's cells, exactly as read (`getter` makes it
    from a row).
    """

    def __init__(self, counts: FieldCounts, by_column: int | None,
                 group_of: dict[str, str]) -> None:
        self.counts = counts
        self.columns = counts.field.cell_columns
        self.grouped = by_column is not None
        wanted = ([by_column] if by_column is not None else []) + list(self.columns)
        self.wanted = tuple(wanted)
        self.getter = itemgetter(*wanted)
        self.single = len(wanted) == 1
        self.group_of = group_of
        self.cells: Counter[Hashable] = Counter()
        self.meaning: dict[Hashable, tuple[Group, RawAnswer]] = {}
        self.open_blanks: set[Hashable] = set()  # blank keys whose group may list more
        self.disk: DiskCounts | None = None  # where the counts went once memory was full

    def add(self, lines: Sequence[int], rows: list[list[str]],
            columns: list[tuple[str, ...]]) -> None:
        """Count a chunk's keys (a column as it is, or tuples of its cells); learn new ones."""
        wanted = self.wanted
        keys: Iterable[Hashable] = (columns[wanted[0]] if self.single
                                    else zip(*[columns[c] for c in wanted], strict=True))
        cells = self.cells
        seen = len(cells)
        cells.update(keys)
        if len(cells) != seen:  # the new keys are the last ones the Counter took in
            for key in reversed(list(islice(reversed(cells), len(cells) - seen))):
                self.learn(key, lines, rows)

    def learn(self, key: Hashable, lines: Sequence[int], rows: list[list[str]]) -> None:
        values: tuple[str, ...] = (key,) if self.single else key  # type: ignore[assignment]
        group: Group = None
        if self.grouped:
            cell, values = values[0], values[1:]
            group = self.group_of.get(cell) or self.group_of.setdefault(
                cell, cell.strip() or "(tomt)")
        raw = self.counts.field.raw_answer(values)
        self.meaning[key] = (group, raw)
        if any(map(has_stray, values)):
            line = lines[list(map(self.getter, rows)).index(key)]
            self.counts.stray = min(line, self.counts.stray or line)
        if raw == BLANK:
            if len(self.counts.blank_respondents.setdefault(group, [])) < MAX_LISTED:
                self.open_blanks.add(key)
        elif has_identity_number(raw):
            line = lines[list(map(self.getter, rows)).index(key)]
            private = self.counts.private
            private[raw] = min(line, private.get(raw, line))

    def list_blanks(self, lines: Sequence[int], rows: list[list[str]],
                    respondent: int | None) -> None:
        keys = list(map(self.getter, rows))
        if self.open_blanks.isdisjoint(keys):
            return
        listed = self.counts.blank_respondents
        for i, key in enumerate(keys):
            if key not in self.open_blanks:
                continue
            group = self.meaning[key][0]
            who = listed[group]
            if len(who) >= MAX_LISTED:
                self.open_blanks -= {k for k in self.open_blanks if self.meaning[k][0] == group}
                if not self.open_blanks:
                    return
                continue
            name = rows[i][respondent].strip() if respondent is not None else ""
            who.append(name or f"rad {lines[i]}")

    def spill(self, store: Store) -> None:
        """Move the counted answers to disk (blanks stay: a few keys) and count on from empty."""
        if self.disk is None:
            self.disk = DiskCounts(store)
        found: Counter[tuple[Group, RawAnswer]] = Counter()
        self._sort(found)
        self.disk.add(found.items())
        # a blank key's group is still needed to list who left it blank
        self.meaning = {key: self.meaning[key] for key in self.open_blanks}

    def _sort(self, answers: Counter[tuple[Group, RawAnswer]]) -> None:
        """The counted cells into `answers` (per group and raw answer) and the blanks."""
        counts = self.counts
        for key, n in self.cells.items():
            group, raw = self.meaning[key]
            if raw == BLANK:
                counts.blanks[group] += n
            else:
                answers[(group, raw)] += n
        self.cells.clear()

    def finish(self, store: Store) -> FieldCounts:
        if self.disk is not None:
            self.spill(store)
            self.counts.answers = self.disk
        else:
            self._sort(self.counts.answers)  # type: ignore[arg-type]
        return self.counts


def count_round(responses: Responses, fields: list[Field], by_column: int | None,
                respondent_column: int | None, store: Store | None = None) -> RoundCounts:
    """Consume `responses.chunks` once, counting each field's raw answers per group; past
    `SPILL_KEYS` distinct cells the biggest fields go on in `store` (a new one if not given)."""
    store = store or Store()
    group_of: dict[str, str] = {}
    counters = [_FieldCounter(FieldCounts(f), by_column, group_of) for f in fields]
    dated = [c for c in counters if c.counts.field.column is not None] if responses.dates else []
    respondents: Counter[Group] = Counter()
    by_cells: Counter[str] = Counter()
    for lines, rows in responses.chunks:
        # rows are at least as wide as the header (wider ones only with blank cells beyond it)
        columns = list(zip(*rows, strict=False))
        if by_column is not None:
            by_cells.update(columns[by_column])
        else:
            respondents[None] += len(rows)
        for counter in counters:
            counter.add(lines, rows, columns)
            if counter.open_blanks:
                counter.list_blanks(lines, rows, respondent_column)
        for counter in dated:
            column = columns[counter.counts.field.column]  # type: ignore[index]
            counter.counts.dates += sum(type(cell) is DateText for cell in column)
        if sum(len(c.cells) for c in counters) > SPILL_KEYS:
            _spill(counters, store)
    for cell, n in by_cells.items():
        respondents[group_of.get(cell) or group_of.setdefault(cell, cell.strip() or "(tomt)")] += n
    return RoundCounts(responses.label, responses.source, [c.finish(store) for c in counters],
                       respondents, respondent_column, by_column)


def _spill(counters: list[_FieldCounter], store: Store) -> None:
    """Move the fields with the most distinct cells to disk until half the budget is free
    (fields with few answers, closed questions, stay in memory)."""
    held = sum(len(c.cells) for c in counters)
    for counter in sorted(counters, key=lambda c: -len(c.cells)):
        if held <= SPILL_KEYS // 2 or not counter.cells:
            break
        held -= len(counter.cells)
        counter.spill(store)
