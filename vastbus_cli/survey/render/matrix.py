"""A matrix question (Likert grid) as one table: a row per statement, a column per scale step.

Every renderer draws the same cells from `matrix_table`: the share of each step as the
Word report shows it (`share`) with the count beside it, the base per statement and, with
several rounds, a line per round and the change in percentage points between them
(`points_change`, the exact difference rounded as the shares are). The statements' own results stay
as they are in the tally (JSON, CSV and the Excel data sheet keep one row per statement
and step).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vastbus_cli.survey.model import KIND_NAMES, Matrix, QuestionResult, Result
from vastbus_cli.survey.render.common import (
    blank_lines,
    change_decimals,
    change_header,
    option_labels,
    option_share,
    points_change,
    results_by_round,
    share,
    share_decimals,
    shown_change,
)
from vastbus_cli.survey.scales import scale_order

STATEMENT = "Påstående"
ROUND = "Omgång"
BASE = "Svarande (bas)"
MISSING = "Ej svar"


ASIDE_COLOUR = "BFBFBF"  # a step outside the scale ("Vet inte", "Ej aktuellt"): grey


def step_colours(steps: list[str]) -> list[str]:
    """A colour per step for a stacked chart: the scale dark to light blue, in its order,
    answers outside it grey (the Word report and the Excel sheet alike)."""
    from vastbus_cli.documents.colours import ramp
    from vastbus_cli.survey.scales import ASIDE
    from vastbus_cli.survey.split import fold

    aside = [fold(step) in ASIDE for step in steps]
    blues = iter(ramp(aside.count(False)))
    return [ASIDE_COLOUR if outside else next(blues) for outside in aside]


def row_label(question: QuestionResult) -> str:
    return question.matrix_row or question.text


def scale(matrix: Matrix, group: str | None, labels: list[str]) -> list[str]:
    """The steps of the matrix's scale: every row's options in the order first seen (a spec's
    order), in numeric order when every step is an answer code (1-5, LimeSurvey's A1-A5), in
    the scale's own order when they are the words of a known scale (`scales`)."""
    found = option_labels([r for q in matrix.rows for r in results_by_round(q, group, labels)])
    codes = [_CODE.match(label) for label in found]
    if found and all(codes) and len({c.group(1) for c in codes if c}) == 1:
        value = {label: float(c.group(2).replace(",", "."))
                 for label, c in zip(found, codes, strict=True) if c}
        found.sort(key=value.__getitem__)
    else:
        # the rows of a known scale, each in its order, merged (a row may lack a step); a
        # spec that lists the scale the other way round keeps its own order
        steps = scale_order(found)
        rows = [[o.label for o in r.options] for q in matrix.rows
                for r in results_by_round(q, group, labels) if r]
        if steps is not None and all(_follows(row, steps) for row in rows):
            found = steps
    return found


def _follows(row: list[str], steps: list[str]) -> bool:
    places = [steps.index(label) for label in row if label in steps]
    return places == sorted(places)


_CODE = re.compile(r"^([A-Za-z]*)(\d+(?:[.,]\d+)?)$")


@dataclass(frozen=True)
class Line:
    """One line of the matrix table: a statement in one round, or the change to that round."""

    statement: str  # the statement on its first line, else ""
    round: str  # the round's label, or the change's heading; "" with one round
    cells: list[str]  # one per scale step: '43 % (3)', or '+14' on a change line
    shares: list[float | None]  # the exact shares (for charts and Excel), None for a change
    counts: list[int | None]
    base: str
    missing: str
    change: bool = False
    result: Result | None = None
    points: list[float | None] | None = None  # a change line's changes, as numbers
    decimals: int = 0  # a change line's precision


def matrix_lines(matrix: Matrix, group: str | None, labels: list[str],
                 steps: list[str], change_label: str | None = None) -> list[Line]:
    """The lines of the table; `change_label` names a change line (else `change_header`)."""
    lines: list[Line] = []
    for question in matrix.rows:
        results = results_by_round(question, group, labels)
        before: list[float | None] = []
        for index, (label, result) in enumerate(zip(labels, results, strict=True)):
            shares: list[float | None] = []
            counts: list[int | None] = []
            cells = []
            for step in steps:
                found = next((o for o in result.options if o.label == step), None) \
                    if result else None
                now = option_share(found, result) if found and result else None
                shares.append(now)
                counts.append(found.count if found else None)
                cells.append(f"{share(now, share_decimals(result.answered))} ({found.count})"
                             if found and result else "–")
            lines.append(Line(row_label(question) if not index else "",
                              label if len(labels) > 1 else "", cells, shares, counts,
                              str(result.answered) if result else "–",
                              str(result.missing) if result else "–", result=result))
            if index:  # the change to this round, under it
                decimals = change_decimals(results, index)
                lines.append(Line(
                    "", change_label or change_header(labels, index),
                    [points_change(b, n, decimals) for b, n in zip(before, shares, strict=True)],
                    [None] * len(steps), [None] * len(steps), "", "", change=True,
                    points=[shown_change(b, n, decimals)
                            for b, n in zip(before, shares, strict=True)], decimals=decimals))
            before = shares
    return lines


def matrix_blanks(matrix: Matrix, group: str | None, labels: list[str]) -> list[str]:
    """'Vi har en rutin – 2019: Skaraborg' for each mandatory row someone left blank."""
    return [f"{row_label(q)} – {line}" for q in matrix.rows
            for line in blank_lines(q, group, labels)]


def matrix_kind(matrix: Matrix) -> str:
    """'matris, enkelval' (', obligatorisk' when every row is)."""
    kind = f"matris, {KIND_NAMES[matrix.rows[0].kind]}"
    return kind + ", obligatorisk" if all(q.mandatory for q in matrix.rows) else kind
