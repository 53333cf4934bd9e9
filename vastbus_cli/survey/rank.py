"""Rank questions: one column per item holding its place (1..n), from any layout.

A rank question reaches the tally as one numeric column per item, either as
fields of their own ("Rangordna insatserna [Information]", Google Forms' grid)
or as the option columns of a field (Qualtrics, SurveyMonkey), for which the
tally counts each option column's values too (`item_fields`). A group of item
columns is a rank question when every value is a whole number from 1 to the
number of items. The result per item is its mean place and its first places,
not a share: a share of "ranked" is 100 % for every item.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from vastbus_cli.survey.counting import FieldCounts, Group
from vastbus_cli.survey.model import OptionCount, Result
from vastbus_cli.survey.responses import Field
from vastbus_cli.survey.rounding import rounded

HELPER = "\u00a7"  # a key starting with it: a field the tally counts for itself, never a question
ITEM_KEY = HELPER + "rank:"  # the per-option-column fields counted to detect rank questions
_ITEM = re.compile(r"^(?P<stem>.+?)\s*(?:\[(?P<b>[^\[\]]+)\]|\s[-–:]\s(?P<d>[^-–:]+))$")

Items = list[tuple[str, FieldCounts]]


def item_fields(fields: Sequence[Field]) -> list[Field]:
    """Each option column of a field with option columns as a field of its own, to be counted
    so that a rank question or a matrix exported as option columns can be told from a
    multi-select (see `matrix.py`)."""
    return [Field(key=f"{ITEM_KEY}{f.key}:{c.column}", text=f"{f.text} [{c.label}]",
                  column=c.column)
            for f in fields if f.choices for c in f.choices]


def is_helper_field(fc: FieldCounts) -> bool:
    return fc.field.key.startswith(HELPER)


def stem_and_item(text: str) -> tuple[str, str] | None:
    match = _ITEM.match(text.strip())
    if match is None:
        return None
    return match.group("stem").strip(), (match.group("b") or match.group("d") or "").strip()


def find_rank_groups(fields: Sequence[FieldCounts]) -> list[tuple[str, Items]]:
    """Groups of item columns (same stem) whose values are all places 1..n."""
    by_stem: dict[str, Items] = {}
    for fc in fields:
        found = stem_and_item(fc.field.text)
        if found is not None and fc.field.column is not None and not fc.field.choices:
            by_stem.setdefault(found[0], []).append((found[1], fc))
    return [(stem, items) for stem, items in by_stem.items()
            if len(items) >= 2 and _places(items)]


def _places(items: Items) -> bool:
    """Only places 1..n, and more than one of them (ticked option columns hold only "1")."""
    allowed = {str(i) for i in range(1, len(items) + 1)}
    seen = {raw[0] for _item, fc in items for (_group, raw) in fc.answers}
    if not (len(seen) >= 2 and seen <= allowed):
        return False
    # each respondent gives each place once: no place is given more often than there are
    # respondents, and first place as often as that (a 1-3 rating grid gives "2" freely)
    places: Counter[str] = Counter()
    for _item, fc in items:
        for (_group, raw), n in fc.answers.items():
            places[raw[0]] += n
    respondents = max(fc.answered() for _item, fc in items)
    return places["1"] == respondents and max(places.values()) <= respondents


def rank_result(round_label: str, group: Group, items: Items, mandatory: bool) -> Result:
    """Mean place and first places per item for one round and group."""
    options = []
    answered = 0
    missing = None
    blanks: list[str] = []
    for label, fc in items:
        places: Counter[int] = Counter()
        for (g, raw), n in fc.answers.items():
            if group is None or g == group:
                places[int(raw[0])] += n
        ranked = sum(places.values())
        answered = max(answered, ranked)
        blank = sum(n for g, n in fc.blanks.items() if group is None or g == group)
        missing = blank if missing is None else min(missing, blank)
        mean = rounded(sum(p * n for p, n in places.items()) / ranked, 2) if ranked else None
        options.append((label, places[1], mean))
    if mandatory:
        first = items[0][1]
        blanks = [who for g in first.blank_respondents if group is None or g == group
                  for who in first.blank_respondents[g]]
    return Result(round=round_label, group=group, answered=answered, missing=missing or 0,
                  blank_respondents=blanks,
                  options=[OptionCount(label=label, count=count,
                                       percent=rounded(100 * count / answered, 1) if answered
                                       else None, mean_rank=mean)
                           for label, count, mean in options])
