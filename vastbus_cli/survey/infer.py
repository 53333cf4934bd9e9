"""An inferred spec, written as YAML the coordinator can correct and pass back with --spec."""

from __future__ import annotations

import re
from typing import Any

import yaml

from vastbus_cli.survey.model import Tally
from vastbus_cli.survey.spec import Kind

_KIND_BY_NAME = {k.english: k for k in Kind}

HEADER = """\
# Enkätspecifikation som vastbus har gissat fram ur exporten (vastbus tally --infer-spec).
# Kontrollera och rätta: frågornas typ (enkelval, flerval, fritext, tal), alternativens
# ordning, vilka frågor som är obligatoriska och avsnitten. Frågor med samma 'matris' är
# rader i en matris och visas i en gemensam tabell. Använd den sedan med --spec.
"""


def slug(text: str, fallback: str) -> str:
    """A short id from a question text: 'Har rutin tagits fram…' → 'har-rutin-tagits-fram'."""
    folded = text.casefold().translate(str.maketrans("åäöé", "aaoe"))
    words = re.findall(r"[a-z0-9]+", folded)[:4]
    return "-".join(words) or fallback


def inferred_spec(tally: Tally) -> dict[str, Any]:
    questions: list[dict[str, Any]] = []
    used: set[str] = set()
    for question in tally.questions:
        ident = slug(question.text, question.id)
        while ident.casefold() in used:
            ident = f"{ident}-{question.id}"
        used.add(ident.casefold())
        entry: dict[str, Any] = {"id": ident}
        if question.section:
            entry["avsnitt"] = question.section
        entry["text"] = str(question.text)  # plain str: a date cell's text is a subclass
        if question.matrix:
            entry["matris"] = str(question.matrix)
        entry["typ"] = _KIND_BY_NAME[question.kind].value
        first = question.results[0] if question.results else None
        if question.kind in ("single", "multi") and first is not None:
            entry["alternativ"] = [str(o.label) for o in first.options]
        entry["obligatorisk"] = question.mandatory
        questions.append(entry)
    spec: dict[str, Any] = {"enkät": tally.survey}
    if tally.respondent_column:
        spec["respondentkolumn"] = tally.respondent_column
    spec["frågor"] = questions
    return spec


def spec_yaml(tally: Tally) -> str:
    body = yaml.safe_dump(inferred_spec(tally), allow_unicode=True, sort_keys=False,
                          width=100, default_flow_style=False)
    return HEADER + body
