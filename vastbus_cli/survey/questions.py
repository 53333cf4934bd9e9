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
from vastbus_cli.survey.rank import Items, find_rank_groups, is_helper_field
from vastbus_cli.survey.spec import Kind, Spec, SpecQuestion
from vastbus_cli.survey.split import (
    GOOGLE_SEPARATOR,
    MS_SEPARATOR,
    Segmentation,
    fold,
    segment,
    separator_for,
)

_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_TEXT_MIN_LENGTH = 60
_TEXT_WORDS = ("kommentar", "fritext", "övrig", "beskriv", "varför", "motivera", "comment",
               "synpunkt", "förslag")
_SINGLE_MAX_OPTIONS = 15
_DISPLAY_MIN_LENGTH = 40
_CODES_MAX = 10  # at most this many distinct small whole numbers can be codes of a choice
# Headings that ask for an amount (a number to add up) or for a choice (numbers are codes)
_AMOUNT_WORDS = re.compile(r"\b(?:antal|hur många|hur mycket|ålder|belopp|kostnad|summa|timmar|"
                           r"dagar|procent|how many|how much|number of|age|amount|hours|days)\b",
                           re.IGNORECASE)
_CHOICE_WORDS = re.compile(r"\b(?:vilken|vilket|vilka|välj|favorit\w*|kön|typ|kategori|"
                           r"alternativ|which|choose|select|favou?rite|gender|type|category|"
                           r"option)\b", re.IGNORECASE)
# Question texts that say several options may be chosen (Swedish and English tools' defaults)
_MULTI_TEXT = re.compile(
    r"flera alternativ|flera svar|fler än ett|ett eller flera|en eller flera|flera val|"
    r"markera alla|kryssa (?:i )?alla|välj alla|alla som stämmer|alla som passar|flerval|"
    r"select all|check all|all that apply|one or more|multiple answers|more than one",
    re.IGNORECASE)


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
    cells: dict[str, list[str]] = field(default_factory=dict)  # distinct cell → its options
    items: dict[int, Items] = field(default_factory=dict)  # rank questions: round → item columns
    doubt: str = ""  # why the inferred kind may be wrong, for a warning

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


def plan_from_spec(spec: Spec, rounds: list[RoundCounts], problems: list[Problem],
                   notes: list[str] | None = None) -> list[Planned]:
    planned = [Planned(q.id, q.text, q.section, q.kind, q.mandatory, list(q.options), True)
               for q in spec.questions]
    for index, counted in enumerate(rounds):
        unused = [fc for fc in counted.fields if not is_helper_field(fc)]
        _spec_ranks(index, counted, spec, planned, unused)
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
            if display_text(fc, counted.total):
                _note_display(notes, counted, fc)
            elif fc.answered() and not fc.dates and not is_by:
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


def _spec_ranks(index: int, counted: RoundCounts, spec: Spec, planned: list[Planned],
                unused: list[FieldCounts]) -> None:
    """A spec's rank questions take their item columns (by the question text as their stem)."""
    groups = find_rank_groups(counted.fields)
    for question, plan in zip(spec.questions, planned, strict=False):
        if question.kind is not Kind.rank:
            continue
        texts = [fold(t) for t in (question.text, *question.earlier_texts)]
        found = next((items for stem, items in groups
                      if fold(stem) in texts or fold(stem).startswith(tuple(texts))), None)
        if found is None:
            continue
        plan.items[index] = found
        plan.sources[index] = found[0][1]
        ids = {id(fc) for _label, fc in found}
        unused[:] = [fc for fc in unused if id(fc) not in ids
                     and not any(fold(fc.field.text).startswith(t) for t in texts)]
        if not plan.options:
            plan.options = [label for label, _ in found]


def _learn(plan: Planned) -> None:
    """Options for a closed spec question that lists none: learned like an inferred question's."""
    kind = plan.kind
    infer_kind(plan)
    plan.kind = kind
    plan.doubt = ""  # the spec has said which kind it is
    plan.from_spec = False  # no spec order to keep: options by count


def display_text(fc: FieldCounts, rows: int) -> bool:
    """A column with the same long text in every row: a display text (LimeSurvey's
    "equation" or text-display questions), not anybody's answer."""
    if fc.field.choices or rows < 2 or fc.answered() != rows:
        return False
    texts = {raw[0] for (_group, raw) in fc.answers}
    return len(texts) == 1 and len(next(iter(texts))) >= _DISPLAY_MIN_LENGTH


def _note_display(notes: list[str] | None, counted: RoundCounts, fc: FieldCounts) -> None:
    if notes is not None:
        notes.append(f"{counted.source}: kolumnen '{_short(fc.field.text)}' har samma långa "
                     "text på varje rad (visningstext) och räknas inte.")


def plan_inferred(rounds: list[RoundCounts], notes: list[str] | None = None) -> list[Planned]:
    """Questions from the export alone; `notes` collects the columns left out, for -v."""
    planned: list[Planned] = []
    by_text: dict[str, Planned] = {}
    for index, counted in enumerate(rounds):
        ranked = _plan_ranks(index, counted, by_text, planned)
        for fc in counted.fields:
            if is_helper_field(fc) or id(fc) in ranked:
                continue
            if not fc.answered() or (fc.dates and fc.dates == fc.answered()):
                continue  # no heading and no data, or a column of dates
            if fc.field.column is not None and fc.field.column == counted.by_column:
                continue  # the --by column splits the others; it is no question
            if display_text(fc, counted.total):
                _note_display(notes, counted, fc)
                continue
            key = fold(fc.field.text) or fold(fc.field.key)
            plan = by_text.get(key)
            if plan is None or index in plan.sources:
                plan = Planned(f"f{len(planned) + 1}", fc.field.text, None, Kind.text)
                by_text[key] = plan
                planned.append(plan)
            plan.sources[index] = fc
    for plan in planned:
        if plan.kind is not Kind.rank:
            infer_kind(plan)
    return planned


def _plan_ranks(index: int, counted: RoundCounts, by_text: dict[str, Planned],
                planned: list[Planned]) -> set[int]:
    """Rank questions of one round; the ids of the field counts they use."""
    used: set[int] = set()
    for stem, items in find_rank_groups(counted.fields):
        key = fold(stem)
        plan = by_text.get(key)
        if plan is None or index in plan.items:
            plan = Planned(f"f{len(planned) + 1}", stem, None, Kind.rank,
                           options=[label for label, _ in items])
            by_text[key] = plan
            planned.append(plan)
        plan.items[index] = items
        plan.sources[index] = items[0][1]
        used.update(id(fc) for _label, fc in items)
        used.update(id(fc) for fc in counted.fields if fold(fc.field.text) == key)
    return used


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
        if _coded_choice(plan.text, texts, sum(counts.values())):
            plan.kind = Kind.single
            plan.options = sorted(texts, key=lambda t: parse_number(t) or 0.0)
        else:
            plan.kind = Kind.number
        return
    plan.separator = separator_for(texts)
    cut = segment(texts, plan.separator)
    microsoft = plan.separator == MS_SEPARATOR  # every option ends with ";": no doubt
    said_multi = bool(_MULTI_TEXT.search(plan.text))
    named_text = fold(plan.text).startswith(_TEXT_WORDS)
    if microsoft or said_multi or (cut.joined and not named_text):
        plan.kind, plan.options = Kind.multi, cut.options
        plan.cells = {cell: options for cell, options in cut.cells.items() if len(options) > 1}
        plan.doubt = "" if microsoft else _multi_doubt(cut, said_multi)
        return
    answered = sum(counts.values())
    long_text = any(len(t) > _TEXT_MIN_LENGTH or "\n" in t for t in texts)
    few = len(texts) <= _SINGLE_MAX_OPTIONS or (len(texts) <= 100 and 10 * len(texts) <= answered)
    repeated = len(texts) < answered
    if texts and not (long_text or named_text) and repeated and few:
        plan.kind, plan.options = Kind.single, cut.options
    else:
        plan.kind = Kind.text
    if 2 * len(cut.glued) >= len(texts) >= 2 and not named_text:
        plan.doubt = _single_doubt(cut, plan.kind)


def _coded_choice(heading: str, texts: list[str], answered: int) -> bool:
    """Few small whole numbers under a heading that asks for a choice are codes, not amounts:
    the mean of "favourite fruit" coded 1-4 means nothing."""
    if _AMOUNT_WORDS.search(heading) or not _CHOICE_WORDS.search(heading):
        return False
    if len(texts) > _CODES_MAX or len(texts) >= answered:
        return False
    return all(t.isdigit() and len(t) <= 2 for t in texts)


def _multi_doubt(cut: Segmentation, said_multi: bool) -> str:
    """Why a column read as multi-select might be something else; '' when the evidence is good."""
    if cut.weak and not said_multi:
        cell = next(c for c, options in cut.cells.items() if set(options) & set(cut.weak))
        return (f"som flerval där svaret '{_short(cell, 50)}' delas upp i "
                + " och ".join(f"'{_short(o, 40)}'" for o in cut.cells[cell])
                + f", eller som enkelval där '{_short(cell, 50)}' är ett alternativ. "
                "Räknad som flerval")
    if cut.glued:
        option = cut.glued[0]
        return (f"som flerval med alternativet '{_short(option, 50)}', eller med det uppdelat i "
                + " och ".join(f"'{_short(p.strip(), 30)}'" for p in option.split(GOOGLE_SEPARATOR))
                + ". Räknad med '" + _short(option, 50) + "' som ett alternativ")
    return ""


def _single_doubt(cut: Segmentation, kind: Kind) -> str:
    """A single-choice or text column whose answers look like joined options."""
    cell = cut.glued[0]
    parts = [p.strip() for p in cell.split(GOOGLE_SEPARATOR)]
    name = "enkelval" if kind is Kind.single else "fritext"
    return (f"som {name} där '{_short(cell, 50)}' är ett svar, eller som flerval där det "
            "är " + " och ".join(f"'{_short(p, 30)}'" for p in parts)
            + f" (inget av alternativen har valts ensamt). Räknad som {name}")


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _column(fc: FieldCounts) -> int:
    columns = fc.field.columns
    return min(columns) + 1 if columns else 0

