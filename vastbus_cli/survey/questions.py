"""Which field in which round is which question, and what kind of question it is.

With a spec, fields are matched to its questions by id, then by text (exactly
or as the header's start, including texts from earlier rounds). Without one,
fields of the rounds are matched by text and each question's kind and options
are inferred from the distinct answers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from vastbus_cli.problems import Problem, warning
from vastbus_cli.survey.counting import FieldCounts, RoundCounts
from vastbus_cli.survey.spec import Kind, Spec, SpecQuestion
from vastbus_cli.survey.split import GOOGLE_SEPARATOR, fold, learn_options, separator_for

_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_TEXT_MIN_LENGTH = 60
_TEXT_WORDS = ("kommentar", "fritext", "övrig", "beskriv", "varför", "motivera", "comment",
               "synpunkt", "förslag")
_SINGLE_MAX_OPTIONS = 15


@dataclass
class Planned:
    """One question to tally, with its counted field in each round (by round index)."""

    id: str
    text: str
    section: str | None
    kind: Kind
    mandatory: bool = False
    options: list[str] = field(default_factory=list)
    from_spec: bool = False
    separator: str = GOOGLE_SEPARATOR
    sources: dict[int, FieldCounts] = field(default_factory=dict)

    def raw_texts(self) -> Iterable[str]:
        for fc in self.sources.values():
            for (_group, raw) in fc.answers:
                yield raw[0]


def parse_number(text: str) -> float | None:
    """'3', '3,5', '1 234' (Swedish spaces and decimal comma) → a float; else None."""
    compact = text.replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    if not _NUMBER.match(compact):
        return None
    return float(compact.replace(",", "."))


def _matches(fc: FieldCounts, question: SpecQuestion, exact: bool) -> bool:
    if fold(fc.field.key) == fold(question.id):
        return True
    header = fold(fc.field.text)
    texts = [fold(t) for t in (question.text, *question.earlier_texts)]
    return any(header == t if exact else header.startswith(t) for t in texts)


def plan_from_spec(spec: Spec, rounds: list[RoundCounts], problems: list[Problem]) -> list[Planned]:
    planned = [Planned(q.id, q.text, q.section, q.kind, q.mandatory, list(q.options), True)
               for q in spec.questions]
    for index, counted in enumerate(rounds):
        unused = list(counted.fields)
        for exact in (True, False):
            for question, plan in zip(spec.questions, planned, strict=False):
                if index in plan.sources:
                    continue
                found = next((fc for fc in unused if _matches(fc, question, exact)), None)
                if found is not None:
                    plan.sources[index] = found
                    unused.remove(found)
        for question, plan in zip(spec.questions, planned, strict=False):
            if index not in plan.sources:
                problems.append(warning(
                    counted.source, 0, 0, "fråga-saknas",
                    f"Frågan '{question.id}' ({_short(question.text)}) finns inte i filen.",
                    "Lägg till frågans rubrik i filen under 'tidigare-texter' i specifikationen "
                    "om den hette något annat i den här omgången."))
        for fc in unused:
            is_by = fc.field.column is not None and fc.field.column == counted.by_column
            if fc.answered() and not fc.dates and not is_by:
                problems.append(warning(
                    counted.source, 1, _column(fc), "okänd-kolumn",
                    f"Kolumnen '{_short(fc.field.text)}' finns inte i enkätspecifikationen och "
                    "räknas inte.",
                    "Lägg till frågan i specifikationen, eller lägg till rubriken under "
                    "'tidigare-texter' för frågan den motsvarar."))
    for plan in planned:
        if plan.kind is Kind.multi:
            plan.separator = separator_for(plan.raw_texts())
        if plan.kind.closed and not plan.options:
            _learn(plan)
    return planned


def _learn(plan: Planned) -> None:
    """Options for a closed spec question that lists none: learned like an inferred question's."""
    kind = plan.kind
    infer_kind(plan)
    plan.kind = kind
    plan.from_spec = False  # no spec order to keep: options by count


def plan_inferred(rounds: list[RoundCounts]) -> list[Planned]:
    planned: list[Planned] = []
    by_text: dict[str, Planned] = {}
    for index, counted in enumerate(rounds):
        for fc in counted.fields:
            if not fc.answered() or (fc.dates and fc.dates == fc.answered()):
                continue  # no heading and no data, or a column of dates
            key = fold(fc.field.text) or fold(fc.field.key)
            plan = by_text.get(key)
            if plan is None or index in plan.sources:
                plan = Planned(f"f{len(planned) + 1}", fc.field.text, None, Kind.text)
                by_text[key] = plan
                planned.append(plan)
            plan.sources[index] = fc
    for plan in planned:
        infer_kind(plan)
    return planned


def infer_kind(plan: Planned) -> None:
    """Kind and options from the distinct answers of every round."""
    counts: Counter[str] = Counter()
    ticked: list[str] = []
    for fc in plan.sources.values():
        for c in fc.field.choices:
            if fold(c.label) not in map(fold, ticked):
                ticked.append(c.label)
        for (_group, raw), n in fc.answers.items():
            if raw[0]:
                counts[raw[0]] += n
    if ticked:
        plan.kind, plan.options = Kind.multi, ticked
        return
    texts = list(counts)
    if texts and all(parse_number(t) is not None for t in texts):
        plan.kind = Kind.number
        return
    plan.separator = separator_for(texts)
    options, joined = learn_options(texts, plan.separator)
    if joined or plan.separator != GOOGLE_SEPARATOR:
        plan.kind, plan.options = Kind.multi, options
        return
    answered = sum(counts.values())
    long_text = any(len(t) > _TEXT_MIN_LENGTH or "\n" in t for t in texts)
    named_text = fold(plan.text).startswith(_TEXT_WORDS)
    few = len(texts) <= _SINGLE_MAX_OPTIONS or (len(texts) <= 100 and 10 * len(texts) <= answered)
    repeated = len(texts) < answered
    if texts and not (long_text or named_text) and repeated and few:
        plan.kind, plan.options = Kind.single, options
    else:
        plan.kind = Kind.text


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _column(fc: FieldCounts) -> int:
    columns = fc.field.columns
    return min(columns) + 1 if columns else 0

