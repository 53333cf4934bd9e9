"""The survey spec: which questions a survey has, their kinds and ordered options.

English attribute names, Swedish aliases (the keys a coordinator writes). Loaded
with the foundation's `load_file` + `parse_model`, so every mistake in the spec
gets a Swedish problem with its line and column.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from vastbus_cli.load import load_file
from vastbus_cli.parse import parse_model
from vastbus_cli.problems import Problem, error

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


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


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class SpecQuestion(_Model):
    id: Text = Field(description="Frågans id, t.ex. 'tvister-rutin'")
    section: Text | None = Field(default=None, alias="avsnitt", description="Avsnitt i enkäten")
    text: Text = Field(description="Frågetexten (som rubriken i exporten, eller dess början)")
    kind: Kind = Field(alias="typ",
                       description="enkelval, flerval, fritext, tal eller rangordning")
    options: list[Text] = Field(default_factory=list, alias="alternativ",
                                description="Svarsalternativen i den ordning de ska visas")
    mandatory: bool = Field(default=False, alias="obligatorisk",
                            description="Om frågan är obligatorisk")
    earlier_texts: list[Text] = Field(default_factory=list, alias="tidigare-texter",
                                      description="Frågans text i tidigare omgångar")


class Spec(_Model):
    survey: Text = Field(alias="enkät", description="Enkätens namn")
    respondent_column: Text | None = Field(
        default=None, alias="respondentkolumn",
        description="Kolumnen som anger vem som svarat (t.ex. vårdsamverkansgruppen)")
    expected: list[Text] = Field(
        default_factory=list, alias="förväntade-svarande",
        description="Vilka som ska svara (t.ex. grupperna, som de står i respondentkolumnen); "
                    "ger svarsfrekvens och vilka som inte svarat")
    questions: list[SpecQuestion] = Field(alias="frågor", min_length=1,
                                          description="Enkätens frågor")


def load_spec(path: Path) -> tuple[Spec | None, list[Problem]]:
    """Read and check a spec file; problems carry the file's line and column."""
    loaded = load_file(path)
    spec, problems = parse_model(loaded, Spec, what="enkätspecifikationen")
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
