"""The survey spec: which questions a survey has, their kinds and ordered options.

English attribute names, Swedish keys (what a coordinator writes). A spec is
read with the foundation's `load_file`; a plainly well-formed one (only the
Swedish keys, texts without surrounding spaces, lists of texts, `true`/`false`)
becomes these dataclasses directly, and anything else goes through the pydantic
model in `spec_schema.py` with `parse_model`, so every mistake still gets its
Swedish problem with line and column, and pydantic is loaded only then.
`tests/survey/test_spec.py` proves that both ways give the same spec.
"""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as _default
from enum import Enum
from pathlib import Path
from typing import Any

from vastbus_cli.placeholder import is_placeholder
from vastbus_cli.problems import Problem, error


class Kind(str, Enum):
    """Question kinds as the coordinator writes them in the spec."""

    single = "enkelval"
    multi = "flerval"
    text = "fritext"
    number = "tal"
    rank = "rangordning"

    @property
    def english(self) -> str:
        """The kind name in the JSON output (`single`, `multi`, `text`, `number`)."""
        return self.name

    @property
    def closed(self) -> bool:
        return self in (Kind.single, Kind.multi)


@dataclass(frozen=True, kw_only=True)
class SpecQuestion:
    id: str
    section: str | None = None
    text: str
    kind: Kind
    options: list[str] = _default(default_factory=list)
    mandatory: bool = False
    earlier_texts: list[str] = _default(default_factory=list)
    matrix: str | None = None  # the matrix question this one is a row of (`matris`)


@dataclass(frozen=True, kw_only=True)
class Spec:
    survey: str
    respondent_column: str | None = None
    expected: list[str] = _default(default_factory=list)
    questions: list[SpecQuestion]
    recipient: str | None = None  # the Word report's "Till:", as compile's roster 'mottagare'
    sender: str | None = None  # "Från:"
    reference_number: str | None = None  # diarienummer
    background: str | None = None  # the Word report's background: the agreement, and why


_KINDS = {k.value: k for k in Kind}


def _text(value: Any) -> bool:
    """A text the schema takes as it is: a non-empty string with nothing to strip."""
    return type(value) is str and bool(value) and value.strip() == value \
        and not is_placeholder(value)


def _texts(value: Any) -> bool:
    return type(value) is list and all(map(_text, value))


def _question(data: Any) -> SpecQuestion | None:
    if type(data) is not dict or not data.keys() <= _QUESTION_KEYS:
        return None
    if not (_text(data.get("id")) and _text(data.get("text")) and data.get("typ") in _KINDS):
        return None
    section, matrix = data.get("avsnitt"), data.get("matris")
    if not (section is None or _text(section)) or not (matrix is None or _text(matrix)) or type(data.get("obligatorisk", False)) is not bool:
        return None
    if not (_texts(data.get("alternativ", [])) and _texts(data.get("tidigare-texter", []))):
        return None
    return SpecQuestion(id=data["id"], section=section, text=data["text"],
                        kind=_KINDS[data["typ"]], options=list(data.get("alternativ", [])),
                        mandatory=data.get("obligatorisk", False),
                        earlier_texts=list(data.get("tidigare-texter", [])), matrix=matrix)


_SPEC_KEYS = {"enkät", "respondentkolumn", "förväntade-svarande", "frågor", "mottagare",
              "avsändare", "diarienummer", "bakgrund"}
_QUESTION_KEYS = {"id", "avsnitt", "text", "typ", "alternativ", "obligatorisk", "tidigare-texter",
                  "matris"}


def plain_spec(data: Any) -> Spec | None:
    """The spec when `data` is plainly valid (the schema surely accepts it as it is), else None.

    None means only "ask the schema": it then finds what is wrong, or accepts
    what this leaves to it (English keys, spaces to strip, `ja` for true).
    """
    if type(data) is not dict or not data.keys() <= _SPEC_KEYS or not _text(data.get("enkät")):
        return None
    column = data.get("respondentkolumn")
    if not (column is None or _text(column)) or not _texts(data.get("förväntade-svarande", [])):
        return None
    if not all(data.get(k) is None or _text(data[k])
               for k in ("mottagare", "avsändare", "diarienummer", "bakgrund")):
        return None
    raw = data.get("frågor")
    if type(raw) is not list or not raw:
        return None
    questions = [_question(q) for q in raw]
    if None in questions:
        return None
    return Spec(survey=data["enkät"], respondent_column=column,
                expected=list(data.get("förväntade-svarande", [])),
                questions=questions,  # type: ignore[arg-type]  # None ruled out above
                recipient=data.get("mottagare"), sender=data.get("avsändare"),
                reference_number=data.get("diarienummer"), background=data.get("bakgrund"))


def load_spec(path: Path) -> tuple[Spec | None, list[Problem]]:
    """Read and check a spec file; problems carry the file's line and column."""
    from vastbus_cli.reports.load import load_file

    loaded = load_file(path)
    spec = plain_spec(loaded.data)
    problems: list[Problem] = []
    if spec is None:
        from vastbus_cli.survey.spec_schema import checked_spec

        spec, problems = checked_spec(loaded)
    problems = [*loaded.problems, *problems]
    if spec is None:
        return None, problems
    seen: dict[str, int] = {}
    for index, question in enumerate(spec.questions):
        where = loaded.positions.of(("frågor", index, "id"))
        if question.id.casefold() in seen:
            problems.append(error(
                loaded.path, where[0], where[1], "dubblett-id",
                f"Fråge-id '{question.id}' används redan av fråga {seen[question.id.casefold()] + 1}.",
                "Ge varje fråga ett eget id."))
        seen.setdefault(question.id.casefold(), index)
        if question.kind.closed and len({o.casefold() for o in question.options}) != len(question.options):
            line, column = loaded.positions.of(("frågor", index, "alternativ"))
            problems.append(error(loaded.path, line, column, "dubblett-alternativ",
                                  f"Frågan '{question.id}' har samma alternativ två gånger.",
                                  "Ta bort dubbletten."))
    if any(p.is_error for p in problems):
        return None, problems
    return spec, problems
