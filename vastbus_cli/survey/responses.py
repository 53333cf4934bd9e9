"""The `Responses` model: what a reader found in one export, and a stream of its rows.

Every layout (Google Forms, Microsoft Forms, SurveyMonkey, Qualtrics,
LimeSurvey, a plain Excel sheet) becomes the same thing: a list of `Field`s,
each saying which columns hold one question's answer and how to read them,
plus the data rows. The tally never asks which tool made the file.

A row's answer to a field is a `RawAnswer`: the text of its cell, the labels of
the ticked option columns, and an "other" text. It is hashable, so the tally
can count distinct raw answers instead of keeping rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from vastbus_cli.problems import Problem

Row = tuple[int, list[str]]
Chunk = tuple[Sequence[int], list[list[str]]]  # the line each row starts on, and the rows
RawAnswer = tuple[str, tuple[str, ...], str]
BLANK: RawAnswer = ("", (), "")
# control characters that belong to no answer (NUL bytes in a SurveyMonkey export, a stray
# escape): taken out of every cell; tab and line breaks stay
STRAY = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def has_stray(text: str) -> bool:
    return not text.isprintable() and text != text.translate(STRAY)


@dataclass(frozen=True, kw_only=True)
class Choice:
    """One option's own column (multi-select split over columns)."""

    column: int
    label: str
    code: str = ""


@dataclass(frozen=True, kw_only=True)
class Field:
    """One question as the export holds it.

    `column` holds the answer as text (possibly several options joined in one
    cell); `choices` are option columns, ticked when the cell equals `tick`
    (any non-empty text when `tick` is empty); `other_column` holds an
    "other, please specify" text, the free text of the option `other_choice` (typing in
    it chooses that option). `value_labels` turns codes (LimeSurvey's
    `Y`/`N`) into labels.

    Plain dataclasses (as `Layout`): the readers build them from headers they
    have checked, and the tally path stays free of pydantic's start-up cost.
    """

    key: str
    text: str
    column: int | None = None
    choices: tuple[Choice, ...] = ()
    tick: str = ""
    other_column: int | None = None
    other_choice: str = ""  # the option the "other" text box belongs to, when the export names it
    value_labels: dict[str, str] = field(default_factory=dict, hash=False)
    missing: frozenset[str] = frozenset()  # folded codes for "not asked" (`readers.missing`)
    # the export says the cells are a choice's codes (Qualtrics' recode values), never amounts;
    # for option columns: a ticked cell holds its option's own code, whatever number it is
    coded: bool = False
    # values of an option column that tick nothing when `tick` is '' (besides a blank cell):
    # the reader layer's to say (`readers.checkbox.UNTICKED`, Qualtrics' `-99`)
    unticked: frozenset[str] = frozenset()
    # a question's comment box read as a text question of its own: the box's label, which
    # decides its kind (its heading repeats the stem, "… (check all that apply) – Comments")
    box: str = ""

    @property
    def columns(self) -> list[int]:
        found = [c.column for c in self.choices]
        if self.column is not None:
            found.append(self.column)
        if self.other_column is not None:
            found.append(self.other_column)
        return found

    @property
    def cell_columns(self) -> tuple[int, ...]:
        """The columns an answer is read from, in the order `raw_answer` takes their cells."""
        return ((() if self.column is None else (self.column,))
                + tuple(c.column for c in self.choices)
                + (() if self.other_column is None else (self.other_column,)))

    def answer(self, cells: list[str]) -> RawAnswer:
        """This field's raw answer in one row (cells already padded to the header width)."""
        return self.raw_answer(tuple(cells[c] for c in self.cell_columns))

    def raw_answer(self, values: tuple[str, ...]) -> RawAnswer:
        """The raw answer from the cells of `cell_columns`; called once per distinct value."""
        if not "".join(values).isprintable():  # a line break, or a stray NUL or control char
            values = tuple(v.translate(STRAY) for v in values)
        at = 0
        text = ""
        if self.column is not None:
            text = values[0].strip()
            at = 1
            if text and self.missing and text.casefold() in self.missing:
                text = ""
            if text and self.value_labels:
                text = self.value_labels.get(text, text)
        ticked: tuple[str, ...] = ()
        if self.choices:
            tick = self.tick.casefold()
            cells = values[at:at + len(self.choices)]
            ticked = tuple(c.label for c, cell in zip(self.choices, cells, strict=True)
                           if (cell.strip().casefold() == tick if tick else
                               cell.strip() and cell.strip() not in self.unticked
                               and cell.strip().casefold() not in self.missing))
            at += len(self.choices)
        other = values[at].strip() if self.other_column is not None else ""
        return text, ticked, other


@dataclass(frozen=True, kw_only=True)
class Layout:
    """What a layout reader made of the header rows."""

    name: str
    header_rows: int
    fields: tuple[Field, ...]
    headers: tuple[str, ...]  # one display name per column, for --by and the respondent column
    metadata: tuple[int, ...] = ()


@dataclass
class Responses:
    """One round's export: its layout and its data rows, read lazily in chunks.

    Every row of a chunk is at
    least as wide as the header, so a chunk can be turned into columns.
    """

    source: str
    label: str
    layout: Layout
    chunks: Iterator[Chunk]
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was detected, for -v
    dates: bool = False  # cells may be `DateText` (Excel), which are counted apart

    def rows(self) -> Iterator[Row]:
        """The rows one at a time, for callers that do not need speed."""
        for lines, rows in self.chunks:
            yield from zip(lines, rows, strict=True)

    def column(self, name: str) -> int | None:
        """The column whose header (or field key) is `name`, exactly, case-blind or as its start."""
        wanted = " ".join(name.split()).casefold()
        names = [" ".join(h.split()).casefold() for h in self.layout.headers]
        for test in (lambda h: h == wanted, lambda h: h.startswith(wanted)):
            for index, header in enumerate(names):
                if header and test(header):
                    return index
        for f in self.layout.fields:
            if f.key.casefold() == wanted and f.column is not None:
                return f.column
        return None
