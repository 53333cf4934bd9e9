"""LimeSurvey: code headings like `q1`, `q2[SQ001]`, `q2[other]`.

A multi-choice question has one column per sub-question holding `Y` when
chosen; `[other]` holds the typed text; a yes/no question holds `Y`/`N`.
Headings may also be "code. question text [option]", or the question text alone.
"""

from __future__ import annotations

import re

from vastbus_cli.survey.readers.metadata import is_metadata, normalise
from vastbus_cli.survey.responses import Choice, Field, Layout

NAME = "LimeSurvey"
_HEADING = re.compile(
    r"^(?P<code>[A-Za-z][A-Za-z0-9_]*)(?:\[(?P<sub>[A-Za-z0-9_]+)\])?"
    r"(?:\s*[.:]\s*(?P<text>.*?))?$")
_OPTION = re.compile(r"^(?P<text>.*?)\s*\[(?P<label>[^\[\]]+)\]$")
_LIME_COLUMNS = {"submitdate", "lastpage", "startlanguage", "seed"}
YES_NO = {"Y": "Ja", "N": "Nej"}
OTHER_CODE, OTHER = "-oth-", "Annat"


def detect(rows: list[list[str]]) -> bool:
    header = rows[0] if rows else []
    names = {normalise(h) for h in header}
    coded = sum(1 for h in header if (m := _HEADING.match(h)) and m.group("sub"))
    return bool(names & _LIME_COLUMNS) or coded >= 1


def build(rows: list[list[str]]) -> Layout:
    header = rows[0]
    order: list[str] = []
    parts: dict[str, list[tuple[int, str | None, str]]] = {}
    metadata: list[int] = []
    for index, heading in enumerate(header):
        match = _HEADING.match(heading)
        # "id. Response ID", "submitdate. Date submitted": the tool's own columns, by either name
        own = match is not None and not match.group("sub") and bool(match.group("text")) \
            and (is_metadata(match.group("text")) or is_metadata(match.group("code")))
        if not heading or is_metadata(heading) or own:
            if heading:
                metadata.append(index)
            continue
        if match is None:  # "full question text" headings: the text is the code
            order.append(heading)
            parts[heading] = [(index, None, heading)]
            continue
        code = match.group("code")
        if code not in parts:
            order.append(code)
            parts[code] = []
        parts[code].append((index, match.group("sub"), match.group("text") or ""))
    fields = [_field(code, parts[code]) for code in order]
    return Layout(name=NAME, header_rows=1, fields=tuple(fields), headers=tuple(header),
                  metadata=tuple(metadata))


def _field(code: str, columns: list[tuple[int, str | None, str]]) -> Field:
    other = next((i for i, sub, _ in columns if sub and sub.casefold() == "other"), None)
    main = next(((i, text) for i, sub, text in columns if sub is None), None)
    subs = [(i, sub, text) for i, sub, text in columns if sub and sub.casefold() != "other"]
    if main is not None or not subs:
        index, text = main if main is not None else (columns[0][0], columns[0][2])
        if other is None:
            return Field(key=code, text=text or code, column=index, value_labels=YES_NO)
        # a list with "other": the answer is the code -oth-, the text is in [other]
        return Field(key=code, text=text or code, column=index, other_column=other,
                     value_labels={**YES_NO, OTHER_CODE: OTHER}, other_choice=OTHER)
    question = ""
    choices = []
    for index, sub, text in subs:
        option = _OPTION.match(text)
        if option:
            question = question or option.group("text")
        choices.append(Choice(column=index, label=option.group("label") if option else str(sub),
                              code=str(sub)))
    # the "[other]" box's own label in a full-headings export ("… [Other]"): the option's name
    named = next((m.group("label") for i, sub, text in columns
                  if i == other and (m := _OPTION.match(text))), "")
    return Field(key=code, text=question or code, choices=tuple(choices), tick="Y",
                 other_column=other, other_choice=named)
