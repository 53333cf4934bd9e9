"""Loaded data → a pydantic model, with every error mapped to a Swedish problem and a position.

Pydantic reports each error with a `loc` that follows the Swedish keys (the
aliases) of the input, so the path map from `load.py` turns it into a line and
column. Values the template left as placeholders are reported once, as "not
filled in", rather than as whatever type error they also cause.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from vastbus_cli.placeholder import PLACEHOLDER, is_placeholder, may_hold_placeholder
from vastbus_cli.problems import Problem, error
from vastbus_cli.reports.characters import character_problems
from vastbus_cli.reports.load import LoadedFile, Path_
from vastbus_cli.reports.parse_messages import (
    NOT_FILLED,
    NOT_FILLED_HINT,
    SWEDISH_ERROR,
    not_filled,
    shown,
    subject,
    type_problem,
    where,
)
from vastbus_cli.suggest import did_you_mean, suggest

M = TypeVar("M", bound=BaseModel)

__all__ = ["PLACEHOLDER", "is_placeholder", "may_hold_placeholder", "parse_model", "placeholders"]


def placeholders(data: Any, path: Path_ = ()) -> Iterator[Path_]:
    """Paths of every value that still holds the template's placeholder text."""
    if is_placeholder(data):
        yield path
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from placeholders(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from placeholders(value, (*path, index))


def parse_model(loaded: LoadedFile, model: type[M], what: str = "filen") -> tuple[M | None, list[Problem]]:
    """Validate `loaded.data` as `model`; returns the model (or None) and the problems."""
    name = loaded.path
    if loaded.data is None:
        if loaded.problems:
            return None, []
        return None, [error(name, 1, 1, "tom-fil", f"{what.capitalize()} är tom.",
                            "Utgå från mallen som 'vastbus template' skapar.")]
    if not isinstance(loaded.data, dict):
        return None, [error(name, 1, 1, "inte-mappning",
                            f"{what.capitalize()} ska bestå av nycklar och värden (t.ex. 'år: 2025').",
                            "Utgå från mallen som 'vastbus template' skapar.")]
    problems: list[Problem] = []
    # the walk over every value only when the placeholder appears in the text at all
    text = loaded.text
    maybe = not text or (may_hold_placeholder(text) and PLACEHOLDER in text.upper())
    unfilled = list(placeholders(loaded.data)) if maybe else []
    for path in unfilled:
        line, column = loaded.positions.of(path)
        problems.append(error(name, line, column, NOT_FILLED,
                              not_filled(path), NOT_FILLED_HINT))
    problems.extend(character_problems(loaded))
    try:
        result = model.model_validate(loaded.data)
    except ValidationError as exc:
        seen: set[Path_] = set(unfilled)
        errors = exc.errors()
        kinds: dict[Path_, set[str]] = {}
        for err in errors:
            kinds.setdefault(data_path(loaded.data, tuple(err["loc"])), set()).add(err["type"])
        for err in errors:
            path = data_path(loaded.data, tuple(err["loc"]))
            if {"int_type", "float_type"} <= kinds[path]:  # a whole or decimal number
                err = {**err, "type": "float_type"}
            if err["type"] != "missing" and any(path[: len(p)] == p for p in unfilled):
                continue
            key = (*path, err["type"]) if err["type"] in ("missing", "extra_forbidden") else path
            if err["type"] == "missing":
                key = (*path, str(err["loc"][-1]), "missing")
            if key in seen:
                continue
            seen.add(key)
            problems.append(_problem(loaded, model, err, path))
        return None, problems
    if any(p.is_error for p in problems):  # a warning (characters.py) keeps the model
        return None, problems
    return result, problems


def data_path(data: Any, loc: tuple[Any, ...]) -> Path_:
    """The longest prefix of `loc` that exists in the data (drops union member tags)."""
    path: list[str | int] = []
    node = data
    for i, part in enumerate(loc):
        if _has(node, part):
            node = node[part]
        elif isinstance(part, str) and i + 1 < len(loc) and _has(node, loc[i + 1]):
            continue  # a tagged union's tag (model.Support), not a key the user wrote
        else:
            break
        path.append(part)
    return tuple(path)


def _has(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return part in node
    return isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)


def _problem(loaded: LoadedFile, model: type[BaseModel], err: Any, path: Path_) -> Problem:
    kind = err["type"]
    value = err.get("input")
    name = loaded.path
    place = subject(path)
    if kind == "missing":
        missing = str(err["loc"][-1])
        line, column = loaded.positions.of(path, prefer_key=True)
        inside = (f" i {where(path)}" if isinstance(path[-1], int) else f" under {where(path)}"
                  ) if path else ""
        return error(name, line, column, "saknas", f"Nyckeln '{missing}' saknas{inside}.",
                     f"Lägg till '{missing}:'{inside} och fyll i den.")
    if kind == "extra_forbidden":
        line, column = loaded.positions.of(path, prefer_key=True)
        key = str(path[-1])
        allowed = allowed_keys(model, path[:-1])
        hint = did_you_mean(key, allowed) or (
            "Tillåtna nycklar här: " + ", ".join(allowed) + "." if allowed else "")
        return error(name, line, column, "okänd-nyckel", f"Okänd nyckel '{key}'.", hint)
    line, column = loaded.positions.of(path)
    if value is None:
        return error(name, line, column, NOT_FILLED, not_filled(path), NOT_FILLED_HINT)
    if kind == "enum":
        allowed = [v.strip("'") for v in str(err.get("ctx", {}).get("expected", "")).split(" or ")]
        allowed = [a for part in allowed for a in part.split(", ")]
        allowed = [a.strip("' ") for a in allowed if a.strip("' ")]
        guess = suggest(str(value), allowed)
        hint = f"Menade du '{guess}'?" if guess else "Tillåtna värden: " + ", ".join(allowed) + "."
        what = shown(value)
        return error(name, line, column, "ogiltigt-värde",
                     f"{what[0].upper() + what[1:]} är inget tillåtet värde för {where(path)}.",
                     hint)
    if kind == SWEDISH_ERROR:
        ctx = err["ctx"]
        now = f" (nu står det {shown(value)})" if ctx["quote"] else ""
        return error(name, line, column, ctx["code"], f"{place} {ctx['text']}{now}.", ctx["hint"])
    if kind == "literal_error":
        return error(name, line, column, "formatversion",
                     f"{shown(value)} är ingen formatversion som stöds.",
                     "Skriv 'formatversion: 1', eller skapa filen på nytt med 'vastbus template'.")
    item_keys = allowed_keys(model, path) if kind in ("model_type", "dict_type") else None
    code, text, hint = type_problem(kind, value, path, item_keys)
    if code == NOT_FILLED:
        return error(name, line, column, code, f"{place} {text}.", hint)
    return error(name, line, column, code, f"{place} {text} (nu står det {shown(value)}).", hint)


def allowed_keys(model: type[BaseModel], path: Path_) -> list[str]:
    """The keys (aliases) a mapping at `path` may have, following the model's annotations."""
    annotation: Any = model
    for part in path:
        annotation = _unwrap(annotation, list_item=isinstance(part, int))
        if isinstance(part, int):
            continue
        if not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return []
        field = _field_by_key(annotation, part)
        if field is None:
            return []
        annotation = field
    annotation = _unwrap(annotation, list_item=False)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [f.alias or n for n, f in annotation.model_fields.items()]
    return []


def _field_by_key(model: type[BaseModel], key: str) -> Any:
    for name, field in model.model_fields.items():
        if key in (field.alias, name):
            return field.annotation
    return None


def _unwrap(annotation: Any, list_item: bool) -> Any:
    """Strip Optional/Annotated, and a list's element type when indexing into it."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            models = [a for a in args if _is_model(_unwrap(a, list_item=False))]
            annotation = (models or args)[0]  # text or a mapping: the mapping has the keys
        elif list_item and origin is list:
            annotation = typing.get_args(annotation)[0]
            list_item = False
        else:
            return annotation



def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)
