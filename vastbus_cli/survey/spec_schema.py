"""The survey spec's schema as pydantic models: the rules, and the Swedish problems.

English attribute names, Swedish aliases (the keys a coordinator writes).
`spec.load_spec` takes a plainly valid spec without these models; every other
spec is checked here with the foundation's `parse_model`, so each mistake gets
a Swedish problem with its line and column.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from vastbus_cli.problems import Problem
from vastbus_cli.reports.load import LoadedFile
from vastbus_cli.reports.parse import parse_model
from vastbus_cli.survey import spec as plain
from vastbus_cli.survey.spec import Kind

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


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
    matrix: Text | None = Field(
        default=None, alias="matris",
        description="Matrisfrågan som frågan är en rad i (samma text på varje rad i matrisen); "
                    "raderna visas då i en gemensam tabell")


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
    recipient: Text | None = Field(
        default=None, alias="mottagare",
        description="Vem rapporten går till (Word-rapportens 'Till:'), t.ex. VVG")
    sender: Text | None = Field(
        default=None, alias="avsändare", description="Vem rapporten kommer från ('Från:')")
    reference_number: Text | None = Field(
        default=None, alias="diarienummer", description="Rapportens diarienummer")
    background: Text | None = Field(
        default=None, alias="bakgrund",
        description="Word-rapportens bakgrund: vad överenskommelsen är och varför den följs upp")


def checked_spec(loaded: LoadedFile) -> tuple[plain.Spec | None, list[Problem]]:
    """The spec validated by the schema (as the plain dataclasses), or None and the problems."""
    spec, problems = parse_model(loaded, Spec, what="enkätspecifikationen")
    if spec is None:
        return None, problems
    questions = [plain.SpecQuestion(**dict(q)) for q in spec.questions]
    return plain.Spec(survey=spec.survey, respondent_column=spec.respondent_column,
                      expected=list(spec.expected), questions=questions,
                      recipient=spec.recipient, sender=spec.sender,
                      reference_number=spec.reference_number,
                      background=spec.background), problems
