"""Layer 2: consecutive columns that belong to one question, from their headings alone.

Tools name the columns of one question after a shared stem: LimeSurvey's full headings
`Question [Sub]` and codes `Q1[SQ001]`, SurveyMonkey's condensed `Question - Option`,
`Question: Option`, and codes such as `Q1_1`, `Q1.1`, `Q1#1_1` (Qualtrics, SPSS-style
exports). Only consecutive columns with the same stem form a group, and only two or more: a
lone `Age - in years` stays a question of its own. What the group is (one multi-select, a
matrix, a rank) is for its values to say (`checkbox.tick_value`, `matrix.is_matrix`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vastbus_cli.survey.split import fold

_PATTERNS = (
    re.compile(r"^(?P<stem>.+?)\s*\[(?P<sub>[^\[\]]+)\]$"),  # Q [sub], Q1[SQ001]
    re.compile(r"^(?P<stem>[A-Za-z][\w]*?\d+)[_.#](?P<sub>[\w.#]+)$"),  # Q1_1, Q1.1, Q1#1_1
    re.compile(r"^(?P<stem>.+?)\s+[-–]\s+(?P<sub>[^-–]+)$"),  # Question - Option
    re.compile(r"^(?P<stem>.+?):\s+(?P<sub>[^:]+)$"),  # Question: Option
)
_OTHER = re.compile(r"^(other|annat|annan|övrigt|andre|andet|muu|sonstiges?|andere|autre|otro|"
                    r"anders|overig)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ColumnGroup:
    """A question's columns: its stem, and each column with its own label (the sub-heading)."""

    stem: str
    columns: tuple[int, ...]
    labels: tuple[str, ...]

    @property
    def other(self) -> int | None:
        """The column of an "Other" text box, when the last column is one."""
        if len(self.columns) >= 2 and is_other_label(self.labels[-1]):
            return self.columns[-1]
        return None


# the comment box LimeSurvey's "multiple choice with comments" puts after each option
_COMMENT = re.compile(r"^(?:comments?|commentaire|kommentar|kommentarer|kommentti|kommentaar|"
                      r"commentaar|comentario|commento)$", re.IGNORECASE)


def is_comment_label(label: str) -> bool:
    return bool(_COMMENT.match(label.strip()))


def is_other_label(label: str) -> bool:
    return bool(_OTHER.match(label.strip().strip("()").strip()))


def split_heading(heading: str) -> tuple[str, str, int] | None:
    """(stem, sub-label, pattern number) of a heading that names a part of a question."""
    text = heading.strip()
    for number, pattern in enumerate(_PATTERNS):
        match = pattern.match(text)
        if match and match.group("stem").strip() and match.group("sub").strip():
            return match.group("stem").strip(), match.group("sub").strip(), number
    return None


def column_groups(headings: list[str], skip: frozenset[int] = frozenset()) -> list[ColumnGroup]:
    """Groups of two or more consecutive columns whose headings share a stem; columns in
    `skip` (metadata) break a run and join none."""
    groups: list[ColumnGroup] = []
    run: list[tuple[int, str, str]] = []
    kind = -1  # the pattern of the run: "Q [a]" and "Q: why?" are two questions

    def close() -> None:
        if len(run) >= 2:
            groups.append(ColumnGroup(run[0][1], tuple(i for i, _, _ in run),
                                      tuple(label for _, _, label in run)))
        run.clear()

    for index, heading in enumerate(headings):
        parts = None if index in skip else split_heading(heading)
        if parts is None:
            close()
            continue
        if run and (fold(run[-1][1]) != fold(parts[0]) or kind != parts[2]):
            close()
        kind = parts[2]
        run.append((index, parts[0], parts[1]))
    close()
    return groups
