"""Rows → distinct raw answers counted per field and group; nothing else is kept.

This is what lets a million-row export tally in memory proportional to its
distinct answers: each row is turned into one `RawAnswer` per field and
counted; splitting and matching happen later, once per distinct answer.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from dataclasses import field as _default

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


def _has_identity_number(raw: RawAnswer) -> bool:
    return any(next(find_identity_numbers(text), None) for text in (raw[0], raw[2], *raw[1]) if text)


def count_round(responses: Responses, fields: list[Field], by_column: int | None,
                respondent_column: int | None) -> RoundCounts:
    """Consume `responses.rows` once, counting each field's raw answers per group."""
    counts = [FieldCounts(f) for f in fields]
    respondents: Counter[Group] = Counter()
    for line, cells in responses.rows:
        group = (cells[by_column].strip() or "(tomt)") if by_column is not None else None
        respondents[group] += 1
        for fc in counts:
            f = fc.field
            raw = f.answer(cells)
            if raw == BLANK:
                fc.blanks[group] += 1
                listed = fc.blank_respondents.setdefault(group, [])
                if len(listed) < MAX_LISTED:
                    who = cells[respondent_column].strip() if respondent_column is not None else ""
                    listed.append(who or f"rad {line}")
                continue
            if f.column is not None and isinstance(cells[f.column], DateText):
                fc.dates += 1
            key = (group, raw)
            if key not in fc.answers and raw not in fc.private and _has_identity_number(raw):
                fc.private[raw] = line
            fc.answers[key] += 1
    return RoundCounts(responses.label, responses.source, counts, respondents, respondent_column,
                       by_column)
