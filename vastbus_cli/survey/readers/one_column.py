"""One column per question, one header row: Google Forms, Microsoft Forms, a plain sheet.

A multi-select answer sits joined in one cell (Google Forms joins with ", ",
Microsoft Forms with ";" and a trailing ";"); splitting it needs the options,
so it happens in the tally, once per distinct cell value.
"""

from __future__ import annotations

from vastbus_cli.survey.readers.headers import clean, unnamed_field
from vastbus_cli.survey.readers.metadata import (
    GOOGLE_TIMESTAMPS,
    MS_ENDS,
    MS_STARTS,
    is_metadata,
    key,
)
from vastbus_cli.survey.responses import Field, Layout

NAME = "en kolumn per fråga"


def detect(rows: list[list[str]]) -> bool:
    return bool(rows)


def tool_name(header: list[str]) -> str:
    names = {key(h) for h in header}
    if names & GOOGLE_TIMESTAMPS:
        return "Google Forms (en kolumn per fråga)"
    if "id" in names and names & MS_STARTS and names & MS_ENDS:
        return "Microsoft Forms (en kolumn per fråga)"
    return NAME


def build(rows: list[list[str]]) -> Layout:
    header = rows[0]
    fields: list[Field] = []
    metadata: list[int] = []
    for index, raw in enumerate(header):
        text = clean(raw)
        if text and is_metadata(text):
            metadata.append(index)
        elif text:
            fields.append(Field(key=text, text=text, column=index))
        else:
            fields.append(unnamed_field(index))
    return Layout(name=tool_name(header), header_rows=1, fields=tuple(fields),
                  headers=tuple(clean(h) for h in header), metadata=tuple(metadata))
