"""Qualtrics: codes, texts and an ImportId row; or the legacy two-row `V1…V10` form.

Row 1 holds codes (`Q1`, `Q2_1`, `Q2_4_TEXT`), row 2 the texts ("question -
option" for a choice column), row 3 (current exports) an ImportId per column,
as JSON or as a Python-style dict. A multi-answer question split into columns
holds `1` in a chosen option's column.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace

from vastbus_cli.survey.readers.metadata import is_metadata
from vastbus_cli.survey.responses import Choice, Field, Layout

NAME = "Qualtrics"
SEEN_UNANSWERED = frozenset({"-99"})
_CODE = re.compile(r"^(?P<base>.+?)(?:_(?P<sub>\d+))?(?P<text>_TEXT)?$")
_SELECTED = re.compile(r"\s*-\s*(Selected Choice|Vald(a)? (svar|alternativ))(?=\s*-\s|$)",
                       re.IGNORECASE)
_TEXT_SUFFIX = re.compile(r"\s*-\s*(Text|Texte?|Fritext)$", re.IGNORECASE)


def _is_import_row(row: list[str]) -> bool:
    return any("importid" in c.replace(" ", "").casefold() for c in row)


def _is_legacy(rows: list[list[str]]) -> bool:
    return len(rows) >= 2 and rows[0][:2] == ["V1", "V2"]


def detect(rows: list[list[str]]) -> bool:
    return (len(rows) >= 3 and _is_import_row(rows[2])) or _is_legacy(rows)


def build(rows: list[list[str]]) -> Layout:
    codes, texts = rows[0], rows[1]
    header_rows = 3 if len(rows) >= 3 and _is_import_row(rows[2]) else 2
    metadata: list[int] = []
    order: list[str] = []
    columns: dict[str, dict[str, list[int]]] = {}
    for index, (code, text) in enumerate(zip(codes, texts, strict=False)):
        if not code and not text:
            continue  # trailing commas of the legacy form
        if is_metadata(code) or is_metadata(text):
            metadata.append(index)
            continue
        match = _CODE.match(code) or _CODE.match(f"C{index}")
        assert match is not None
        base = match.group("base")
        if base not in columns:
            order.append(base)
            columns[base] = {"main": [], "choice": [], "other": []}
        kind = "other" if match.group("text") else "choice" if match.group("sub") else "main"
        columns[base][kind].append(index)
    choice_ids = _choice_questions(rows[2]) if header_rows == 3 else set()
    fields = [_coded(_field(base, columns[base], texts, codes), choice_ids)
              for base in order]
    headers = tuple(texts[i] or codes[i] for i in range(len(codes)))
    return Layout(name=NAME + (" (äldre format, V1–V10)" if header_rows == 2 else ""),
                  header_rows=header_rows, fields=tuple(fields), headers=headers,
                  metadata=tuple(metadata))


_IMPORT_ID = re.compile(r"""ImportId['"]?\s*:\s*['"](?P<id>[^'"]+)['"]""")
_CHOICE_ID = re.compile(r"^QID\d+$")


def _choice_questions(import_row: list[str]) -> set[int]:
    """The columns whose ImportId is a bare `QID7`: a choice question's one answer column,
    exported as the choice's recode value. A typed answer is `QID7_TEXT`, a matrix row or a
    slider `QID7_1`, so a bare id is a choice even when its codes look like amounts."""
    found: set[int] = set()
    for index, cell in enumerate(import_row):
        match = _IMPORT_ID.search(cell)
        if match and _CHOICE_ID.match(match.group("id")):
            found.add(index)
    return found


def _coded(field: Field, choice_ids: set[int]) -> Field:
    if field.column is not None and field.column in choice_ids and not field.choices:
        return replace(field, coded=True)
    return field


def _field(base: str, parts: dict[str, list[int]], texts: list[str], codes: list[str]) -> Field:
    other = parts["other"][0] if parts["other"] else None
    if parts["main"] or not parts["choice"]:
        column = parts["main"][0] if parts["main"] else parts["other"][0]
        text = _SELECTED.sub("", texts[column]) or base
        if other is None or other == column:
            return Field(key=base, text=text, column=column)
        return Field(key=base, text=text, column=column, other_column=other,
                     other_choice=_other_label(texts[other], text))
    question, labels = _split_texts([texts[c] for c in parts["choice"]])
    choices = tuple(Choice(column=c, label=label or codes[c], code=codes[c])
                    for c, label in zip(parts["choice"], labels, strict=False))
    owner = "" if other is None else codes[other][: -len("_TEXT")]
    choice = next((c.label for c in choices if c.code == owner), "")
    # a choice exported as its text ("Walking") or as its recode value ("1", but also "0" or
    # "-1" when recoded so): ticked when not blank; -99 is "seen but not answered"
    return Field(key=base, text=question or base, choices=choices, other_column=other,
                 other_choice=choice, unticked=SEEN_UNANSWERED)


def _other_label(text: str, question: str) -> str:
    """The option a single choice's text box belongs to: 'Question - Other: - Text' → 'Other:'."""
    label = _TEXT_SUFFIX.sub("", text)
    if label.startswith(question):
        label = label[len(question):]
    return label.strip(" -") if label != text else ""


def _split_texts(texts: list[str]) -> tuple[str, list[str]]:
    """'Question - Option' texts → the question and each option label."""
    texts = [_SELECTED.sub("", t) for t in texts]
    if len(texts) > 1:
        cut = os.path.commonprefix(texts).rfind("-")
    else:
        cut = texts[0].rfind(" - ")
        cut = cut + 1 if cut >= 0 else texts[0].rfind("-")
    if cut < 0:
        return "", texts
    return texts[0][:cut].strip(" -"), [t[cut + 1:].strip() for t in texts]
