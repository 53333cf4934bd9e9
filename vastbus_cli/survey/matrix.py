"""Option columns that are rows of a matrix, not checkboxes.

SurveyMonkey, Qualtrics and LimeSurvey export a checkbox question and a matrix
(rating scale, Likert grid, slider, a side-by-side column, LimeSurvey's arrays
and "multiple short text") the same way: one column per row under one question.
A checkbox column holds its own label, `1`, `Y` or the like when ticked (and
blank, `0`, `-1`, `-99` or `N` when not); a matrix row holds the answer on the
scale ("Agree", `4`, `A3`, a slider's 0-100, a typed text). So which one it is
shows in the values, which the tally counts per option column anyway (see
`rank.item_fields`). Each matrix row becomes a question of its own, headed
"question [row]", in column order: one table per row of the matrix, on the
matrix's own scale.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from vastbus_cli.survey.counting import FieldCounts, Group
from vastbus_cli.survey.rank import HELPER, ITEM_KEY, Items
from vastbus_cli.survey.readers.checkbox import UNTICKED as CHECKBOX_UNTICKED
from vastbus_cli.survey.readers.checkbox import WORDS
from vastbus_cli.survey.responses import Field, RawAnswer
from vastbus_cli.survey.split import fold

TICKS = {"1", "y", "yes", "x", "ja", "true", "sant", "selected", "checked"}
UNTICKED = {"", "n", "no", "nej", "false", "falskt"} | CHECKBOX_UNTICKED


def row_fields(fc: FieldCounts, fields: Sequence[FieldCounts]) -> list[FieldCounts]:
    """The per-column counts of `fc`'s option columns, in column order."""
    prefix = f"{ITEM_KEY}{fc.field.key}:"
    columns = {c.column for c in fc.field.choices}
    return [f for f in fields if f.field.key.startswith(prefix) and f.field.column in columns]


def is_matrix(fc: FieldCounts, rows: list[FieldCounts]) -> bool:
    """Whether some option column holds values other than its label or a tick mark."""
    if not fc.field.choices or len(rows) != len(fc.field.choices) or fc.field.coded:
        return False
    labels = {c.column: fold(c.label) for c in fc.field.choices}
    tick = fold(fc.field.tick)
    words = TICKS | UNTICKED | fc.field.missing | (WORDS if tick else frozenset())
    for row in rows:
        allowed = words | {labels.get(row.field.column or -1, ""), tick}
        if any(fold(raw[0]) not in allowed for (_group, raw) in row.answers):
            return True
    return False


def matrix_of(row: FieldCounts, fields: Sequence[FieldCounts]) -> str | None:
    """The matrix question whose row `row` is (its heading), if `row` is a row of a matrix."""
    for fc in fields:
        if fc.field.choices and row.field.key.startswith(f"{ITEM_KEY}{fc.field.key}:"):
            rows = row_fields(fc, fields)
            return fc.field.text if row in rows and is_matrix(fc, rows) else None
    return None


def row_label(text: str, matrix: str) -> str:
    """A matrix row's own statement: 'Vi har en rutin' of 'Hur väl stämmer …? [Vi har en
    rutin]' (or '… - Vi har en rutin'); the whole text when it does not start with the matrix."""
    if not fold(text).startswith(fold(matrix)) or len(text) <= len(matrix):
        return text
    rest = text[len(matrix):].strip().lstrip("-–:").strip()
    if rest.startswith("[") and rest.endswith("]"):
        rest = rest[1:-1].strip()
    return rest or text


def ordered_items(fc: FieldCounts, fields: Sequence[FieldCounts]) -> Items | None:
    """A rank question exported as the items in ranked order, as `rank_result` reads it.

    LimeSurvey's ranking: a column per place (`q6[1]`, `q6[2]` …) holding the item put
    there. Microsoft Forms' ranking: one cell "Utbildning;Information;Handledning;" per
    respondent. Read as a rank when every respondent ranks the same items and not all in
    the same order; each item's place is its column (or position in the cell).
    """
    placed: dict[str, Counter[tuple[Group, RawAnswer]]] = {}
    if fc.field.choices:
        rows = row_fields(fc, fields)
        codes = [c.code or c.label for c in fc.field.choices]
        if len(rows) < 2 or codes != [str(i) for i in range(1, len(rows) + 1)]:
            return None
        for place, row in enumerate(rows, start=1):
            for (group, raw), n in row.answers.items():
                placed.setdefault(raw[0], Counter())[(group, (str(place), (), ""))] += n
        if len(placed) != len(rows) or any(
                sum(c.values()) > max(r.answered() for r in rows) for c in placed.values()):
            return None
        varied = any(len({raw[0] for (_group, raw) in r.answers}) > 1 for r in rows)
    else:
        if fc.field.column is None or not fc.answers or not all(
                raw[0].rstrip().endswith(";") for (_group, raw) in fc.answers):
            return None
        parts = {raw[0]: [p.strip() for p in raw[0].strip().rstrip(";").split(";")]
                 for (_group, raw) in fc.answers}
        sets = {frozenset(p) for p in parts.values()}
        if len(sets) != 1 or any(len(set(p)) != len(p) for p in parts.values()) \
                or len(next(iter(sets))) < 2:
            return None
        varied = len({tuple(p) for p in parts.values()}) > 1
        for (group, raw), n in fc.answers.items():
            for place, item in enumerate(parts[raw[0]], start=1):
                placed.setdefault(item, Counter())[(group, (str(place), (), ""))] += n
    if not varied:
        return None
    items: Items = []
    for label, answers in placed.items():
        counts = FieldCounts(Field(key=f"{HELPER}ordered:{fc.field.key}:{label}", text=label))
        counts.answers = answers
        counts.blanks = fc.blanks.copy() if not fc.field.choices else Counter()
        items.append((label, counts))
    return items
