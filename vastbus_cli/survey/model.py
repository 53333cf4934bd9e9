"""The `Tally`: the only thing renderers see.

Attribute names are the JSON keys. `group` is None for the overall result;
`change` is the difference in percentage points from the previous round.

Plain frozen dataclasses, not pydantic models: the tally builds every instance
itself from values it has already checked, so validation would only cost
start-up time and memory (a million-row tally must stay within a few MiB of
`vastbus --help`). `as_json` gives what `model_dump(mode="json")` gave.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields, is_dataclass
from dataclasses import field as _default
from typing import Any

from vastbus_cli.survey.rounding import rounded

KIND_NAMES = {"single": "enkelval", "multi": "flerval", "text": "fritext", "number": "tal",
              "rank": "rangordning"}

_EXCLUDED = {"notes", "wordings", "reading"}  # for -v and the Word report; not in the JSON


def _floats(obj: object, *names: str) -> None:
    """Float fields hold floats (as pydantic made them): a whole number is still written 1.0."""
    for name in names:
        value = getattr(obj, name)
        if value is not None and type(value) is not float:
            object.__setattr__(obj, name, float(value))


def as_json(value: Any) -> Any:
    """A model as plain JSON values, field order kept, excluded fields left out."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: as_json(getattr(value, f.name)) for f in fields(value)
                if f.name not in _EXCLUDED}
    if isinstance(value, Sequence) and not isinstance(value, str):  # lists, answers on disk
        return [as_json(item) for item in value]
    return value


def json_fields(value: Any) -> dict[str, Any]:
    """One model's fields, for a JSON encoder's `default`: what `as_json` gives, one level
    at a time, so a million answers are never a million dicts at once."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: getattr(value, f.name) for f in fields(value) if f.name not in _EXCLUDED}
    raise TypeError(f"{type(value).__name__} is not a tally model")


@dataclass(frozen=True, kw_only=True)
class OptionCount:
    label: str
    count: int
    percent: float | None  # share of those who answered; None when nobody did
    change: float | None = None  # percentage points since the previous round
    mean_rank: float | None = None  # rank questions: the item's mean place (1 = first)

    def __post_init__(self) -> None:
        _floats(self, "percent", "change", "mean_rank")


@dataclass(frozen=True, kw_only=True)
class Stats:
    n: int
    sum: float
    mean: float
    median: float
    min: float
    max: float

    def __post_init__(self) -> None:
        _floats(self, "sum", "mean", "median", "min", "max")


@dataclass(frozen=True, kw_only=True)
class TextAnswer:
    text: str
    count: int


@dataclass(frozen=True, kw_only=True)
class Result:
    round: str
    group: str | None
    answered: int
    missing: int
    options: list[OptionCount] = _default(default_factory=list)
    stats: Stats | None = None
    # free text, and "other" texts, the most common first (on disk when there are very many)
    answers: Sequence[TextAnswer] = _default(default_factory=list)
    blank_respondents: list[str] = _default(default_factory=list)  # mandatory questions only


@dataclass(frozen=True, kw_only=True)
class QuestionResult:
    id: str
    text: str
    section: str | None
    kind: str  # a key of KIND_NAMES
    mandatory: bool
    results: list[Result]
    # (round, the question as asked that round) when the wording differed between rounds
    wordings: list[tuple[str, str]] = _default(default_factory=list)
    # a row of a matrix (Likert grid): the matrix's question and this row's statement; the
    # rows of one matrix are consecutive questions with the same `matrix` (see `blocks`)
    matrix: str | None = None
    matrix_row: str | None = None

    def result(self, round_label: str, group: str | None) -> Result | None:
        return next((r for r in self.results if r.round == round_label and r.group == group), None)


@dataclass(frozen=True, kw_only=True)
class RoundInfo:
    label: str
    source: str
    respondents: int
    expected: int | None = None  # how many should answer, when the spec lists them
    not_responded: list[str] = _default(default_factory=list)  # those of the expected who did not

    @property
    def response_rate(self) -> float | None:
        return rounded(100 * self.respondents / self.expected, 1) if self.expected else None


@dataclass(frozen=True, kw_only=True)
class Tally:
    survey: str
    rounds: list[RoundInfo]
    by: str | None = None
    respondent_column: str | None = None
    groups: list[str] = _default(default_factory=list)
    questions: list[QuestionResult]
    notes: list[str] = _default(default_factory=list)  # columns left out and why, for -v
    reading: list[str] = _default(default_factory=list)  # per question, for --visa-tolkning

    def sections(self) -> list[tuple[str, list[QuestionResult]]]:
        """Questions by section in first-seen order; questions without one under 'Frågor'."""
        found: dict[str, list[QuestionResult]] = {}
        for question in self.questions:
            found.setdefault(question.section or "Frågor", []).append(question)
        return list(found.items())


@dataclass(frozen=True)
class Matrix:
    """The rows of one matrix question, to be shown as one table (rows × scale)."""

    text: str
    rows: list[QuestionResult]


def blocks(questions: list[QuestionResult]) -> list[QuestionResult | Matrix]:
    """Questions as a report shows them: consecutive closed rows of one matrix (two or more)
    as one `Matrix`, every other question as itself."""
    found: list[QuestionResult | Matrix] = []
    run: list[QuestionResult] = []

    def flush() -> None:
        if len(run) >= 2:
            found.append(Matrix(run[0].matrix or "", list(run)))
        else:
            found.extend(run)
        run.clear()

    for question in questions:
        closed = question.matrix is not None and question.kind in ("single", "multi")
        if run and not (closed and question.matrix == run[0].matrix
                        and question.kind == run[0].kind):
            flush()
        if closed:
            run.append(question)
        else:
            found.append(question)
    flush()
    return found
