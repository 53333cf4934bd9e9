"""Which field in which round is which question, and what kind of question it is.

With a spec, fields are matched to its questions by id, then by text (exactly
or as the header's start, including texts from earlier rounds). Without one,
fields of the rounds are matched by text and each question's kind and options
are inferred from the distinct answers.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from vastbus_cli.contact_details import mask_contact_details, mostly_contact_details
from vastbus_cli.privacy import mask_identity_numbers
from vastbus_cli.problems import Problem, warning
from vastbus_cli.survey.counting import FieldCounts, RoundCounts
from vastbus_cli.survey.identity import value_shape
from vastbus_cli.survey.kinds import (
    MULTI_DOUBT,
    TYPE_DOUBT,
    decide,
    plainly_free_text,
    shared_codes,
)
from vastbus_cli.survey.matrix import is_matrix, matrix_of, ordered_items, row_fields
from vastbus_cli.survey.rank import (
    ITEM_KEY,
    Items,
    find_rank_groups,
    is_helper_field,
)
from vastbus_cli.survey.spec import Kind, Spec, SpecQuestion
from vastbus_cli.survey.split import GOOGLE_SEPARATOR, fold, separator_for
from vastbus_cli.survey.store import DiskCounts

_DISPLAY_MIN_LENGTH = 40


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
    doubt_code: str = MULTI_DOUBT
    ordered: bool = False  # inferred options kept in their order (answer codes), not by count
    matrix: str | None = None  # the matrix the question is a row of ("question [row]")

    def raw_texts(self) -> Iterable[str]:
        for fc in self.sources.values():
            for (_group, raw) in fc.answers:
                yield raw[0]


def _matches(fc: FieldCounts, question: SpecQuestion, exact: bool) -> bool:
    if fold(fc.field.key) == fold(question.id):
        return True
    headers = {fold(fc.field.text), fold(shown(fc.field.text))}  # a spec --infer-spec wrote
    texts = [fold(t) for t in (question.text, *question.earlier_texts)]  # has headings masked
    return any(h == t if exact else h.startswith(t) for t in texts for h in headers)


def shown(text: str) -> str:
    """A heading as the tally shows it: identity numbers and contact details masked."""
    return mask_contact_details(mask_identity_numbers(text)[0])[0]


def plan_from_spec(spec: Spec, rounds: list[RoundCounts], problems: list[Problem],
                   notes: list[str] | None = None) -> list[Planned]:
    planned = [Planned(q.id, q.text, q.section, q.kind, q.mandatory, list(q.options), True,
                       matrix=q.matrix) for q in spec.questions]
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
        rows = [fc for fc in counted.fields if fc.field.key.startswith(ITEM_KEY)]
        for question, plan in zip(spec.questions, planned, strict=False):
            if index not in plan.sources:  # a row of a matrix ("question [row]")
                found = next((fc for fc in rows if _matches(fc, question, True)), None)
                if found is not None:
                    plan.sources[index] = found
                    rows.remove(found)
                    plan.matrix = plan.matrix or matrix_of(found, counted.fields)
        matched = {id(fc) for plan in planned for fc in plan.sources.values()}
        unused = [fc for fc in unused if not any(id(r) in matched
                                                 for r in row_fields(fc, counted.fields))]
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
            elif contact_column(fc):
                _note_contacts(notes, counted, fc)
            elif fc.answered() and not fc.dates and not is_by:
                problems.append(warning(
                    counted.source, 1, _column(fc), "okänd-kolumn",
                    f"Kolumnen '{_short(shown(fc.field.text))}' finns inte i enkätspecifikationen och "
                    "räknas inte.",
                    "Lägg till frågan i specifikationen, eller lägg till rubriken under "
                    "'tidigare-texter' för frågan den motsvarar."))
    for plan in planned:
        if plan.kind is Kind.rank:  # ranked in order (LimeSurvey, Microsoft Forms)
            for index, fc in plan.sources.items():
                ordered = None if index in plan.items else ordered_items(fc, rounds[index].fields)
                if ordered is not None:
                    plan.items[index] = ordered
                    plan.options = plan.options or [label for label, _ in ordered]
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
        # its item columns, and a column headed by the stem itself; never other questions whose
        # headings start with it ("Rangordna insatserna: varför?")
        unused[:] = [fc for fc in unused if id(fc) not in ids and fold(fc.field.text) not in texts]
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
    texts = (raw[0] for (_group, raw) in fc.answers)
    first = next(texts, "")  # one text in every row: stop at the first other one
    return len(first) >= _DISPLAY_MIN_LENGTH and all(text == first for text in texts)


def contact_column(fc: FieldCounts) -> str | None:
    """'e-postadresser' or 'telefonnummer' when a column holds nothing else (judged from up to
    200 distinct answers): a column of addresses identifies people whatever its heading says."""
    if fc.field.choices:
        return None
    texts: dict[str, None] = {}
    for _group, raw in fc.answers:  # the first 200 distinct, without reading every answer
        if raw[0]:
            texts[raw[0]] = None
            if len(texts) == 200:
                break
    return mostly_contact_details(list(texts))


def shape_of(fc: FieldCounts) -> str | None:
    """What a one-column field's values show it is when they describe the respondents (names,
    timestamps, IP addresses …, `identity.value_shape`); judged from up to 200 distinct."""
    if fc.field.choices:
        return None
    texts: dict[str, None] = {}
    for _group, raw in fc.answers:
        if raw[0]:
            texts[raw[0]] = None
            if len(texts) == 200:
                break
    return value_shape(list(texts), fc.answered())


def _note_contacts(notes: list[str] | None, counted: RoundCounts, fc: FieldCounts) -> None:
    if notes is not None:
        notes.append(f"{counted.source}: kolumnen '{_short(shown(fc.field.text))}' innehåller "
                     f"{contact_column(fc)} och räknas inte (uppgifter som identifierar de "
                     "svarande).")


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
            rows = row_fields(fc, counted.fields)
            ordered = ordered_items(fc, counted.fields)
            if ordered is not None:
                _add(index, fc, fc.field.text or fc.field.key, None, by_text, planned)
                plan = by_text[fold(fc.field.text or fc.field.key)]
                plan.kind, plan.items[index] = Kind.rank, ordered
                plan.options = plan.options or [label for label, _ in ordered]
                continue
            if is_matrix(fc, rows):
                for row in rows:
                    if row.answered():
                        _add(index, row, row.field.text, fc.field.text, by_text, planned)
                continue
            if not fc.answered() and fc.field.key and notes is not None:
                notes.append(f"{counted.source}: ingen har svarat på '{_short(shown(fc.field.text))}'"
                             " (kolumnen är tom) och den visas inte som fråga.")
            if not fc.answered() or (fc.dates and fc.dates == fc.answered()):
                continue  # no heading and no data, or a column of dates
            if fc.field.column is not None and fc.field.column == counted.by_column:
                continue  # the --by column splits the others; it is no question
            if display_text(fc, counted.total):
                _note_display(notes, counted, fc)
                continue
            if contact_column(fc):
                _note_contacts(notes, counted, fc)
                continue
            shape = shape_of(fc)
            if shape is not None:
                if notes is not None:
                    notes.append(f"{counted.source}: kolumnen '{_short(shown(fc.field.text))}' "
                                 f"innehåller {shape} och räknas inte (uppgifter om de svarande, "
                                 "inga svar på en fråga).")
                continue
            _add(index, fc, fc.field.text or fc.field.key, None, by_text, planned)
    for plan in planned:
        if plan.kind is not Kind.rank:
            infer_kind(plan)
    _one_kind_per_matrix(planned)
    # in the order of the export's columns (rank questions are found first), numbered so
    planned.sort(key=_position)
    _one_doubt_per_matrix(planned)
    for number, plan in enumerate(planned, start=1):
        plan.id = f"f{number}"
    return planned


def _one_kind_per_matrix(planned: list[Planned]) -> None:
    """The rows of a matrix share a scale, so they share a kind: when the rows together hold
    a few small codes, every row is counted on that scale (none gets a mean of its own)."""
    rows: dict[str, list[Planned]] = {}
    for plan in planned:
        if plan.matrix is not None and plan.kind in (Kind.number, Kind.single):
            rows.setdefault(plan.matrix, []).append(plan)
    for matrix, plans in rows.items():
        if len({p.kind for p in plans}) < 2 and not all(p.kind is Kind.number for p in plans):
            continue
        counts = [_counts(p) for p in plans]
        scale = shared_codes(matrix, counts)
        if scale is None:
            continue
        for plan in plans:
            plan.kind, plan.options, plan.ordered = Kind.single, scale.options, True
            plan.doubt, plan.doubt_code = scale.doubt, scale.doubt_code


def _counts(plan: Planned) -> Counter[str]:
    counts: Counter[str] = Counter()
    for fc in plan.sources.values():
        for (_group, raw), n in fc.answers.items():
            if raw[0]:
                counts[raw[0]] += n
    return counts


def _one_doubt_per_matrix(planned: list[Planned]) -> None:
    """The rows of a matrix read as answer codes share one warning, on the first row."""
    first: dict[str, Planned] = {}
    more: dict[str, int] = {}
    for plan in planned:
        if plan.matrix is None or plan.doubt_code != TYPE_DOUBT or not plan.doubt:
            continue
        if plan.matrix in first:
            more[plan.matrix] = more.get(plan.matrix, 0) + 1
            plan.doubt = ""
        else:
            first[plan.matrix] = plan
    for section, n in more.items():
        first[section].doubt += (f"; samma gäller {n} rad{'er' if n > 1 else ''} till i matrisen "
                                 f"'{_short(section, 50)}'")


def _position(plan: Planned) -> tuple[int, int]:
    index = min(plan.sources) if plan.sources else 0
    columns = plan.sources[index].field.columns if plan.sources else []
    if index in plan.items:
        columns = [c for _label, fc in plan.items[index] for c in fc.field.columns] or columns
    return index, min(columns, default=0)


def _add(index: int, fc: FieldCounts, text: str, matrix: str | None,
         by_text: dict[str, Planned], planned: list[Planned]) -> None:
    """`fc` as the question headed `text` in round `index` (a row of `matrix`, if given): the
    same question as an earlier round's with that heading, else a new one."""
    key = fold(text)
    plan = by_text.get(key)
    if plan is None or index in plan.sources:
        plan = Planned(f"f{len(planned) + 1}", text, None, Kind.text, matrix=matrix)
        by_text[key] = plan
        planned.append(plan)
    plan.sources[index] = fc


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
    """Kind and options from the distinct answers of every round (see `kinds.decide`)."""
    ticked: list[str] = []
    for fc in plan.sources.values():
        for c in fc.field.choices:
            if fold(c.label) not in map(fold, ticked):
                ticked.append(c.label)
    found = None
    if not ticked and any(isinstance(fc.answers, DiskCounts) for fc in plan.sources.values()):
        # answers on disk are so many that a glance may do: not read into memory if it does
        found = plainly_free_text(plan.text, _RawTexts(plan),
                                  sum(len(fc.answers) for fc in plan.sources.values()),
                                  sum(fc.answered() for fc in plan.sources.values()))
    if found is None:
        counts = _counts(plan)
        coded = bool(plan.sources) and all(fc.field.coded for fc in plan.sources.values())
        boxes = {fc.field.box for fc in plan.sources.values()}
        heading = boxes.pop() if len(boxes) == 1 and "" not in boxes else plan.text
        found = decide(heading, counts, ticked, coded)
    plan.kind, plan.options, plan.separator = found.kind, found.options, found.separator
    plan.cells, plan.doubt, plan.doubt_code = found.cells, found.doubt, found.doubt_code
    plan.ordered = found.ordered


class _RawTexts:
    """A question's non-empty cell texts in every round, read afresh on each pass."""

    def __init__(self, plan: Planned) -> None:
        self.plan = plan

    def __iter__(self) -> Iterator[str]:
        return (text for text in self.plan.raw_texts() if text)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _column(fc: FieldCounts) -> int:
    columns = fc.field.columns
    return min(columns) + 1 if columns else 0

