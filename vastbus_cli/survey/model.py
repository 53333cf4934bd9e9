"""The `Tally`: the only thing renderers see.

Attribute names are the JSON keys. `group` is None for the overall result;
`change` is the difference in percentage points from the previous round.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

KINDS = ("single", "multi", "text", "number", "rank")
KIND_NAMES = {"single": "enkelval", "multi": "flerval", "text": "fritext", "number": "tal",
              "rank": "rangordning"}


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class OptionCount(_Model):
    label: str
    count: int
    percent: float | None  # share of those who answered; None when nobody did
    change: float | None = None  # percentage points since the previous round
    mean_rank: float | None = None  # rank questions: the item's mean place (1 = first)


class Stats(_Model):
    n: int
    sum: float
    mean: float
    median: float
    min: float
    max: float


class TextAnswer(_Model):
    text: str
    count: int


class Result(_Model):
    round: str
    group: str | None
    answered: int
    missing: int
    options: list[OptionCount] = []
    stats: Stats | None = None
    answers: list[TextAnswer] = []  # free text, and "other" texts of closed questions
    blank_respondents: list[str] = []  # mandatory questions only


class QuestionResult(_Model):
    id: str
    text: str
    section: str | None
    kind: str  # one of KINDS
    mandatory: bool
    results: list[Result]

    def result(self, round_label: str, group: str | None) -> Result | None:
        return next((r for r in self.results if r.round == round_label and r.group == group), None)


class RoundInfo(_Model):
    label: str
    source: str
    respondents: int
    expected: int | None = None  # how many should answer, when the spec lists them
    not_responded: list[str] = []  # those of the expected who did not

    @property
    def response_rate(self) -> float | None:
        return round(100 * self.respondents / self.expected, 1) if self.expected else None


class Tally(_Model):
    survey: str
    rounds: list[RoundInfo]
    by: str | None = None
    respondent_column: str | None = None
    groups: list[str] = []
    questions: list[QuestionResult]
    notes: list[str] = Field(default=[], exclude=True)  # columns left out and why, for -v

    def sections(self) -> list[tuple[str, list[QuestionResult]]]:
        """Questions by section in first-seen order; questions without one under 'Frågor'."""
        found: dict[str, list[QuestionResult]] = {}
        for question in self.questions:
            found.setdefault(question.section or "Frågor", []).append(question)
        return list(found.items())
