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

from vastbus_cli.load import LoadedFile, Path_
from vastbus_cli.problems import Problem, error
from vastbus_cli.suggest import did_you_mean, suggest

M = TypeVar("M", bound=BaseModel)

PLACEHOLDER = "FYLL I"
NOT_FILLED = "ej-ifylld"
NOT_FILLED_HINT = "Ersätt mallens exempeltext med er egen uppgift."


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.strip().upper().startswith(PLACEHOLDER)


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
    maybe = not loaded.text or PLACEHOLDER in loaded.text.upper()
    unfilled = list(placeholders(loaded.data)) if maybe else []
    for path in unfilled:
        line, column = loaded.positions.of(path)
        problems.append(error(name, line, column, NOT_FILLED,
                              f"'{_label(path)}' är inte ifyllt.", NOT_FILLED_HINT))
    try:
        result = model.model_validate(loaded.data)
    except ValidationError as exc:
        seen: set[Path_] = set(unfilled)
        for err in exc.errors():
            path = _data_path(loaded.data, tuple(err["loc"]))
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
    if problems:
        return None, problems
    return result, problems


def _data_path(data: Any, loc: tuple[Any, ...]) -> Path_:
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


def _label(path: Path_) -> str:
    """`avvikelser[2].antal` style, 1-based list numbers, as the user counts."""
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "filen"


def _problem(loaded: LoadedFile, model: type[BaseModel], err: Any, path: Path_) -> Problem:
    kind = err["type"]
    value = err.get("input")
    name = loaded.path
    where = _label(path)
    if kind == "missing":
        missing = str(err["loc"][-1])
        line, column = loaded.positions.of(path, prefer_key=True)
        inside = f" under '{where}'" if path else ""
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
        return error(name, line, column, NOT_FILLED, f"'{where}' är inte ifyllt.", NOT_FILLED_HINT)
    shown = _shown(value)
    if kind == "enum":
        allowed = [v.strip("'") for v in str(err.get("ctx", {}).get("expected", "")).split(" or ")]
        allowed = [a for part in allowed for a in part.split(", ")]
        allowed = [a.strip("' ") for a in allowed if a.strip("' ")]
        guess = suggest(str(value), allowed)
        hint = f"Menade du '{guess}'?" if guess else "Tillåtna värden: " + ", ".join(allowed) + "."
        return error(name, line, column, "ogiltigt-värde",
                     f"{shown} är inget tillåtet värde för '{where}'.", hint)
    if kind == "literal_error":
        return error(name, line, column, "formatversion",
                     f"{shown} är ingen formatversion som stöds.",
                     "Skriv 'formatversion: 1', eller skapa filen på nytt med 'vastbus template'.")
    messages = {
        "int_type": ("fel-typ", "ska vara ett heltal", "Skriv bara siffror, t.ex. 4."),
        "int_parsing": ("fel-typ", "ska vara ett heltal", "Skriv bara siffror, t.ex. 4."),
        "int_from_float": ("fel-typ", "ska vara ett heltal", "Skriv ett heltal, t.ex. 4."),
        "float_type": ("fel-typ", "ska vara ett tal", "Skriv ett tal, t.ex. 12 eller 3.5."),
        "int_parsing_size": ("fel-typ", "är för stort", "Kontrollera talet."),
        "string_type": ("fel-typ", "ska vara text",
                        "Skriv texten inom citattecken om den börjar med en siffra."),
        "string_too_short": (NOT_FILLED, "är tomt", NOT_FILLED_HINT),
        "string_pattern_mismatch": ("ogiltigt-värde", "ser inte ut som en e-postadress",
                                    "Skriv en adress som namn@kommun.se, eller ta bort raden."),
        "list_type": ("fel-typ", "ska vara en lista",
                      "Skriv varje post på en egen rad som börjar med '- '."),
        "dict_type": ("fel-typ", "ska bestå av nycklar och värden",
                      "Skriv varje uppgift som 'nyckel: värde' på en egen rad."),
        "model_type": ("fel-typ", "ska bestå av nycklar och värden",
                       "Skriv varje uppgift som 'nyckel: värde' på en egen rad."),
        "model_attributes_type": ("fel-typ", "ska bestå av nycklar och värden",
                                  "Skriv varje uppgift som 'nyckel: värde' på en egen rad."),
        "date_from_datetime_parsing": ("ogiltigt-värde", "ska vara ett datum",
                                       "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-06-01."),
        "date_parsing": ("ogiltigt-värde", "ska vara ett datum",
                         "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-06-01."),
        "date_type": ("ogiltigt-värde", "ska vara ett datum",
                      "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-06-01."),
    }
    code, text, hint = messages.get(kind, ("ogiltigt-värde", "har ett ogiltigt värde", ""))
    if code == NOT_FILLED:
        return error(name, line, column, code, f"'{where}' {text}.", hint)
    return error(name, line, column, code, f"'{where}' {text} (nu står det {shown}).", hint)


def _shown(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return "en lista" if isinstance(value, list) else "en mappning"
    if isinstance(value, bool):
        return "sant" if value else "falskt"
    text = str(value)
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


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
