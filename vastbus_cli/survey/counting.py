"""Rows → distinct raw answers counted per field and group; nothing else is kept.

This is what lets a million-row export tally in memory proportional to its
distinct answers, at close to the CSV parser's speed. Rows arrive in chunks;
each chunk is turned into columns (`zip(*rows)`) and each field's cells are
counted as they are (`Counter.update`, in C). Only a cell value never seen
before is looked at in Python: stripped, tested for blank, scanned for identity
numbers and turned into a `RawAnswer`, once. Splitting multi-select cells and
matching options happen later, in the tally, once per distinct raw answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from dataclasses import field as _default
from itertools import islice

from vastbus_cli.privacy import find_identity_numbers
from vastbus_cli.survey.readers.xlsx import DateText
from vastbus_cli.survey.responses import BLANK, Field, RawAnswer, Responses

MAX_LISTED = 200  # respondents listed per question and group as having left it blank

Group = str | None


@dataclass
class FieldCounts:
    field: Field
    answers: Counter[tuple[Group, RawAnswer]] = _default(default_factory=Counter)
    blanks: Counter[Group] = _default(default_factory=Counter)
    blank_respondents: dict[Group, list[str]] = _default(default_factory=dict)
    dates: int = 0  # cells Excel stored as dates: timestamps, not answers
    private: dict[RawAnswer, int] = _default(default_factory=dict)  # → first line

    def answered(self) -> int:
        return sum(self.answers.values())


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
    """One field's cells counted as they stand; each distinct cell value interpreted once.

    A key is the field's cell (or, with several columns or a group, the tuple of
    the group and the cells), exactly as read.
    """

    def __init__(self, counts: FieldCounts, grouped: bool) -> None:
        self.counts = counts
        self.columns = counts.field.cell_columns
        self.grouped = grouped
        self.single = len(self.columns) == 1 and not grouped
        self.cells: Counter[Hashable] = Counter()
        self.meaning: dict[Hashable, tuple[Group, RawAnswer]] = {}
        self.open_blanks: set[Hashable] = set()  # blank keys whose group may list more

    def add(self, columns: list[tuple[str, ...]], groups: Sequence[Group] | None,
            lines: Sequence[int], rows: list[list[str]], respondent: int | None) -> None:
        if self.single:
            keys: Sequence[Hashable] = columns[self.columns[0]]
        else:
            parts = [columns[c] for c in self.columns]
            keys = list(zip(groups, *parts, strict=True) if groups is not None
                        else zip(*parts, strict=True))
        seen = len(self.cells)
        self.cells.update(keys)
        if len(self.cells) != seen:  # the new keys are the last ones the Counter took in
            for key in reversed(list(islice(reversed(self.cells), len(self.cells) - seen))):
                self._learn(key, keys, lines)
        if self.open_blanks and not self.open_blanks.isdisjoint(keys):
            self._list_blanks(keys, lines, rows, respondent)

    def _learn(self, key: Hashable, keys: Sequence[Hashable], lines: Sequence[int]) -> None:
        values: tuple[str, ...] = (key,) if self.single else key  # type: ignore[assignment]
        group: Group = None
        if self.grouped:
            group, values = values[0], values[1:]
        raw = self.counts.field.raw_answer(values)
        self.meaning[key] = (group, raw)
        if raw == BLANK:
            if len(self.counts.blank_respondents.setdefault(group, [])) < MAX_LISTED:
                self.open_blanks.add(key)
        elif has_identity_number(raw):
            line = lines[keys.index(key)]
            private = self.counts.private
            private[raw] = min(line, private.get(raw, line))

    def _list_blanks(self, keys: Sequence[Hashable], lines: Sequence[int], rows: list[list[str]],
                     respondent: int | None) -> None:
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

    def finish(self) -> FieldCounts:
        counts = self.counts
        for key, n in self.cells.items():
            group, raw = self.meaning[key]
            if raw == BLANK:
                counts.blanks[group] += n
            else:
                counts.answers[(group, raw)] += n
        self.cells.clear()
        return counts


def count_round(responses: Responses, fields: list[Field], by_column: int | None,
                respondent_column: int | None) -> RoundCounts:
    """Consume `responses.chunks` once, counting each field's raw answers per group."""
    grouped = by_column is not None
    counters = [_FieldCounter(FieldCounts(f), grouped) for f in fields]
    dated = [c for c in counters if c.counts.field.column is not None] if responses.dates else []
    respondents: Counter[Group] = Counter()
    group_of: dict[str, str] = {}
    for lines, rows in responses.chunks:
        columns = list(zip(*rows, strict=False))  # rows may be wider than the header
        groups: list[Group] | None = None
        if by_column is not None:
            cells = columns[by_column]
            for cell in set(cells) - group_of.keys():
                group_of[cell] = cell.strip() or "(tomt)"
            groups = list(map(group_of.__getitem__, cells))
            respondents.update(groups)
        else:
            respondents[None] += len(rows)
        for counter in counters:
            counter.add(columns, groups, lines, rows, respondent_column)
        for counter in dated:
            column = columns[counter.counts.field.column]  # type: ignore[index]
            counter.counts.dates += sum(type(cell) is DateText for cell in column)
    return RoundCounts(responses.label, responses.source, [c.finish() for c in counters],
                       respondents, respondent_column, by_column)
