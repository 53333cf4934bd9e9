"""SurveyMonkey: two header rows.

Row 1 holds a question's text only above its first column; row 2 holds
`Response`, `Open-Ended Response`, or, for a multi-select, each option's label
above the option's own column (the cell holds the label when ticked). An
"Other (please specify)" column holds the typed text.
"""

from __future__ import annotations

from vastbus_cli.survey.readers.headers import is_other
from vastbus_cli.survey.readers.metadata import is_metadata, normalise
from vastbus_cli.survey.responses import Choice, Field, Layout

NAME = "SurveyMonkey (två rubrikrader)"
_RESPONSE = {"response", "open-ended response", "svar", "öppet svar", "fritextsvar"}


def detect(rows: list[list[str]]) -> bool:
    if len(rows) < 2:
        return False
    second = [normalise(c) for c in rows[1]]
    if not any(c in _RESPONSE for c in second):
        return False
    # option labels under a blank top cell, or a second row of nothing but "Response" labels
    return any(not top and sub for top, sub in zip(rows[0], rows[1], strict=False)) or all(
        not c or c in _RESPONSE or is_other(c) for c in second)


def build(rows: list[list[str]]) -> Layout:
    top, sub = rows[0], rows[1]
    groups: list[tuple[str, list[int]]] = []
    metadata: list[int] = []
    for index, (text, label) in enumerate(zip(top, sub, strict=False)):
        if text and not label and is_metadata(text):
            metadata.append(index)
        elif text:
            groups.append((text, [index]))
        elif groups and label:
            groups[-1][1].append(index)
    fields = [f for text, columns in groups for f in _fields(text, columns, sub)]
    headers = tuple(top[i] or (sub[i] if i not in metadata else "") for i in range(len(top)))
    return Layout(name=NAME, header_rows=2, fields=tuple(fields), headers=headers,
                  metadata=tuple(metadata))


def _fields(text: str, columns: list[int], sub: list[str]) -> list[Field]:
    """A question's fields: one, or, for a single choice with a comment box ("Response" then
    "Please explain"), the choice and the comment as a text question of its own, headed
    'question – label'. Read as one block, the two became rows of a matrix."""
    answer = [c for c in columns if normalise(sub[c]) in _RESPONSE]
    other = next((c for c in columns if is_other(sub[c])), None)
    comments = [c for c in columns if c not in answer and c != other]
    if len(answer) != 1 or not comments or answer[0] != columns[0]:
        return [_field(text, columns, sub)]
    main = Field(key=text, text=text, column=answer[0], other_column=other)
    return [main, *(Field(key=f"{text} – {sub[c]}", text=f"{text} – {sub[c]}", column=c,
                          box=sub[c]) for c in comments)]


def _field(text: str, columns: list[int], sub: list[str]) -> Field:
    other = next((c for c in columns if is_other(sub[c])), None)
    rest = [c for c in columns if c != other]
    if len(rest) == 1 and (normalise(sub[rest[0]]) in _RESPONSE or not sub[rest[0]]):
        return Field(key=text, text=text, column=rest[0], other_column=other)
    choices = tuple(Choice(column=c, label=sub[c]) for c in rest)
    return Field(key=text, text=text, choices=choices, other_column=other)
