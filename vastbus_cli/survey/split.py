"""Multi-select cells → options, and option labels matched the way people type them.

Google Forms joins the chosen options of one question with ", " and an option
label can itself contain ", " ("Ja, delvis"); Microsoft Forms joins with ";"
and ends with ";". A cell is split only into known options, the longest label
first; what matches no option is the respondent's own "other" text. Each
distinct cell value is split once by the caller, never once per row.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

GOOGLE_SEPARATOR = ", "
MS_SEPARATOR = ";"
PIPE_SEPARATOR = "|"
# a form's own option mark: "A) …", "b. …", "3) …", "12: …"
_MARK = re.compile(r"^(?P<mark>[A-Za-z]|\d{1,2})[).:]\s+\S")


def fold(label: str) -> str:
    """A label as compared: case-blind, whitespace collapsed."""
    return " ".join(label.split()).casefold()


def separator_for(values: Iterable[str]) -> str:
    """";" when every non-empty cell ends with ";" (Microsoft Forms), "|" when a cell holds
    one (Typeform), else ", "; whether the parts are options is for their recurrence to say."""
    seen = False
    microsoft = True
    pipe = False
    for value in values:
        if value:
            seen = True
            microsoft = microsoft and value.rstrip().endswith(MS_SEPARATOR)
            pipe = pipe or PIPE_SEPARATOR in value
    if seen and microsoft:
        return MS_SEPARATOR
    return PIPE_SEPARATOR if pipe else GOOGLE_SEPARATOR


def split_joined(value: str, known: dict[str, str], separator: str) -> tuple[list[str], str]:
    """The known options in `value` (canonical labels, in cell order) and the leftover text.

    `known` maps folded label → label. At each position the longest run of
    pieces that forms a known label wins, so "Ja, delvis, Nej" with options
    "Ja, delvis" and "Nej" gives both, never "Ja" and "delvis".
    """
    text = value.strip()
    if separator == MS_SEPARATOR:
        text = text.rstrip(MS_SEPARATOR)
    pieces = text.split(separator)
    found: list[str] = []
    leftover: list[str] = []
    i = 0
    while i < len(pieces):
        for j in range(len(pieces), i, -1):
            label = known.get(fold(separator.join(pieces[i:j])))
            if label is not None:
                if label not in found:
                    found.append(label)
                i = j
                break
        else:
            leftover.append(pieces[i])
            i += 1
    other = separator.join(leftover).strip()
    return found, other


@dataclass
class Segmentation:
    """A column's distinct cells cut into the options the column itself shows.

    `cells` maps each distinct cell to its options in cell order; `joined` says
    whether any cell holds two or more. `weak` are options seen in one joined
    cell only and never alone (little evidence that they are options at all);
    `glued` are options made of parts that could each have been an option
    (the continuation starts with a capital letter or a digit). `lettered` says that the
    options carry the form's own marks (`A) …`, `B) …` or `1. …`), which tools keep in the
    form's order inside a joined cell: evidence of a multi-select even among four respondents.
    """

    options: list[str] = field(default_factory=list)
    cells: dict[str, list[str]] = field(default_factory=dict)
    joined: bool = False
    weak: list[str] = field(default_factory=list)
    glued: list[str] = field(default_factory=list)
    lettered: bool = False


def _parts(value: str, separator: str) -> list[str]:
    text = value.strip()
    if separator == MS_SEPARATOR:
        text = text.rstrip(MS_SEPARATOR)
    return [p.strip() for p in text.split(separator) if p.strip()]


def marked(labels: Iterable[str]) -> bool:
    """Every label carries a form's option mark (`A) …`, `1. …`)."""
    found = [bool(_MARK.match(label)) for label in labels]
    return bool(found) and all(found)


def _mark_order(mark: str) -> tuple[int, int]:
    """A mark's place in the form: letters in alphabet order, numbers in number order."""
    return (0, int(mark)) if mark.isdigit() else (1, ord(mark.casefold()))


def lettered_cells(cells: Iterable[list[str]]) -> bool:
    """Every cell's marked parts in the form's order, each mark on one option only, and at
    least one cell with two marked parts: the form's lettered (or numbered) options joined.

    A part with no mark continues the marked part before it ("A) Ja, delvis"); a cell that
    does not start with a mark, marks out of order, or one mark on two texts, is no evidence.
    """
    text_of: dict[str, str] = {}
    kinds: set[bool] = set()
    joined = False
    for parts in cells:
        marks = [(m.group("mark"), part) for part in parts if (m := _MARK.match(part))]
        if not marks or not _MARK.match(parts[0]):
            return False
        order = [_mark_order(mark) for mark, _ in marks]
        if order != sorted(order) or len(set(order)) < len(order):
            return False
        for mark, part in marks:
            if text_of.setdefault(fold(mark), fold(part)) != fold(part):
                return False
            kinds.add(mark.isdigit())
        joined = joined or len(marks) >= 2
    return joined and len(kinds) == 1


def segment(values: Iterable[str], separator: str = GOOGLE_SEPARATOR) -> Segmentation:
    """Cut each distinct cell into options, from the evidence of the column alone.

    A cell's first part always starts an option. A later part continues the
    option before it when it never starts a cell and either the two never occur
    apart (each only ever next to the other: "Hello, World" stays whole) or it
    starts with a small letter ("Ja, delvis", "Ja, för chefer …"). So a part
    that occurs alone or in more than one combination is an option of its own. Microsoft Forms ends
    every option with ";", so there every part is an option. Where the options carry the
    form's marks (`lettered_cells`), a marked part starts an option and an unmarked one
    continues it, whatever the recurrence says. The work is per distinct cell, never per row.
    """
    distinct = sorted({v.strip() for v in values if v.strip()})
    parts_of = {v: _parts(v, separator) for v in distinct}
    lettered = separator != MS_SEPARATOR and lettered_cells(parts_of.values())
    before: dict[str, set[str | None]] = defaultdict(set)
    after: dict[str | None, set[str | None]] = defaultdict(set)
    for parts in parts_of.values():
        folded = [fold(p) for p in parts]
        for previous, part in zip([None, *folded], [*folded, None], strict=True):
            if part is not None:
                before[part].add(previous)
            after[previous].add(part)

    def continues(part: str, previous: str) -> bool:
        if lettered:
            return not _MARK.match(part)
        if separator == MS_SEPARATOR or None in before[fold(part)]:
            return False
        never_apart = before[fold(part)] == {fold(previous)} and after[fold(previous)] == {fold(part)}
        return never_apart or part[:1].islower()

    result = Segmentation(lettered=lettered)
    canonical: dict[str, str] = {}
    cells_with: dict[str, int] = defaultdict(int)
    alone: set[str] = set()
    glued: set[str] = set()
    for value, parts in parts_of.items():
        units: list[list[str]] = []
        for part in parts:
            if units and continues(part, units[-1][-1]):
                units[-1].append(part)
            else:
                units.append([part])
        labels = []
        for unit in units:
            label = canonical.setdefault(fold(separator.join(unit)), separator.join(unit))
            if label not in labels:
                labels.append(label)
            if any(p[:1].isupper() or p[:1].isdigit() for p in unit[1:]):
                glued.add(label)
        result.cells[value] = labels
        for label in labels:
            cells_with[label] += 1
        if len(labels) == 1:
            alone.add(labels[0])
        result.joined = result.joined or len(labels) > 1
    result.options = list(canonical.values())
    in_joined = {label for labels in result.cells.values() if len(labels) > 1 for label in labels}
    result.weak = [o for o in result.options
                   if o in in_joined and cells_with[o] == 1 and o not in alone]
    result.glued = [o for o in result.options if o in glued]
    return result
