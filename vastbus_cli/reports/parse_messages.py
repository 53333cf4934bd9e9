"""Swedish wording for pydantic's error types: what is wrong, where, and a hint that fits.

Pydantic's own messages ("Input should be a valid integer") never reach a user:
every error type the report format and the roster can produce is named here, and
an unknown one falls back to a plain Swedish sentence. The hint looks at what the
user actually wrote, because the same type error has different causes: `år: "2025"`
needs its quotes removed, `- Bjuda in: förskolan` has an unquoted colon, `4 st`
has a word after the number.
"""

from __future__ import annotations

import re
from typing import Any

from vastbus_cli.reports.load import Path_

NOT_FILLED = "ej-ifylld"
NOT_FILLED_HINT = "Ersätt mallens exempeltext med er egen uppgift."
DATE_HINT = "Skriv datumet som ÅÅÅÅ-MM-DD, t.ex. 2026-06-01."
MAPPING_HINT = "Skriv varje uppgift som 'nyckel: värde' på en egen rad."
COLON_HINT = ("Texten innehåller ett kolon (:) och läses då som 'nyckel: värde'. "
              "Skriv hela texten inom citattecken.")

#: pydantic's error type for a rule of our own whose Swedish words travel in the error's context
SWEDISH_ERROR = "vastbus"

_NUMBER = re.compile(r"^\s*-?\d+([.,]\d+)?\s*$")
_LEADING_NUMBER = re.compile(r"^\s*(-?\d+([.,]\d+)?)\s*\S")


def swedish_error(code: str, text: str, hint: str, quote: bool = True) -> Any:
    """A pydantic error for a rule of our own: `parse` shows `{place} {text} (nu står det …)`,
    without the value when `quote` is False (it holds a line break or an identity number)."""
    from pydantic_core import PydanticCustomError

    return PydanticCustomError(SWEDISH_ERROR, "{text}",
                               {"code": code, "text": text, "hint": hint, "quote": quote})


def where(path: Path_) -> str:
    """A place in the file in the user's words: `'antal' i post 3 under 'avvikelser'`.

    List positions are counted from 1 and called "post"; keys stay as the user wrote
    them, so the place can be found by searching the file.
    """
    if not path:
        return "filen"
    segments: list[str] = []  # outermost first
    keys: list[str] = []
    for part in path:
        if isinstance(part, int):
            under = f" under '{'.'.join(keys)}'" if keys else ""
            segments.append(f"post {part + 1}{under}")
            keys = []
        else:
            keys.append(str(part))
    if keys:
        segments.append(f"'{'.'.join(keys)}'")
    return " i ".join(reversed(segments))


def subject(path: Path_) -> str:
    """`where(path)` at the start of a sentence."""
    text = where(path)
    return text[0].upper() + text[1:]


def not_filled(path: Path_) -> str:
    """`'planerade' under 'möten' är inte ifyllt`; a list entry ("post") is common gender:
    `Post 1 under 'planer_nästa_år' är inte ifylld`."""
    ending = "ifylld" if path and isinstance(path[-1], int) else "ifyllt"
    return f"{subject(path)} är inte {ending}."


def shown(value: Any) -> str:
    """What the user wrote, as a reader would describe it."""
    if isinstance(value, list):
        return "en lista"
    if isinstance(value, dict):
        return "nycklar och värden"
    if isinstance(value, bool):
        return "sant" if value else "falskt"
    from vastbus_cli.privacy import mask_identity_numbers

    text = mask_identity_numbers(str(value))[0]  # before shortening: no number cut in two
    return f"'{text[:60]}…'" if len(text) > 60 else f"'{text}'"


def _example(path: Path_) -> str:
    return "2025" if path and path[-1] == "år" else "4"


def _holds_identity_number(value: str) -> bool:
    from vastbus_cli.privacy import find_identity_numbers

    return next(find_identity_numbers(value), None) is not None


def _number_hint(value: Any, path: Path_, whole: bool) -> str:
    example = _example(path) if whole else "12 eller 3,5"  # the decimal comma is read too
    if isinstance(value, str) and _NUMBER.match(value):
        if whole and not value.strip().lstrip("-").isdigit():  # "2,5" for a count: unquoting is not enough
            return "Skriv ett heltal, utan decimaler och utan citattecken."
        return f"Ta bort citattecknen: skriv {value.strip()} utan citattecken."
    if isinstance(value, str) and (m := _LEADING_NUMBER.match(value)) \
            and not _holds_identity_number(value):  # never the birth date of one
        return f"Skriv bara talet, utan text efter: {m.group(1)}."
    if isinstance(value, float) and whole:
        return "Skriv ett heltal, utan decimaler."
    if isinstance(value, (list, dict)):
        return f"Skriv talet direkt efter kolonet, t.ex. {example}."
    return f"Skriv talet med siffror, t.ex. {example}."


def _text_hint(value: Any, path: Path_) -> str:
    if isinstance(value, dict):
        in_list = bool(path) and isinstance(path[-1], int)
        return COLON_HINT if in_list or len(value) == 1 else (
            "Skriv texten direkt efter kolonet, på samma rad.")
    if isinstance(value, list):
        return "Skriv texten direkt efter kolonet, inte som en lista med '- '."
    if isinstance(value, bool):
        return "Skriv texten inom citattecken."
    return "Skriv texten inom citattecken om den börjar med en siffra."


def type_problem(kind: str, value: Any, path: Path_,
                 item_keys: list[str] | None = None) -> tuple[str, str, str]:
    """(code, what is wrong after the place, hint) for one pydantic error type."""
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return "fel-typ", "ska vara ett heltal", _number_hint(value, path, whole=True)
    if kind in ("float_type", "float_parsing", "number"):
        return "fel-typ", "ska vara ett tal", _number_hint(value, path, whole=False)
    if kind == "int_parsing_size":
        return "fel-typ", "är för stort", "Kontrollera talet."
    if kind == "string_type":
        return "fel-typ", "ska vara text", _text_hint(value, path)
    if kind == "string_too_short":
        return NOT_FILLED, "är tomt", NOT_FILLED_HINT
    if kind == "string_pattern_mismatch":
        return ("ogiltigt-värde", "ser inte ut som en e-postadress",
                "Skriv en adress som namn@kommun.se, eller ta bort raden.")
    if kind == "list_type":
        return "fel-typ", "ska vara en lista", "Skriv varje post på en egen rad som börjar med '- '."
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        if item_keys and path and isinstance(path[-1], int):
            return ("fel-typ", "ska bestå av nycklar och värden",
                    "Skriv posten med nycklarna " + ", ".join(item_keys) + ", en per rad.")
        return "fel-typ", "ska bestå av nycklar och värden", MAPPING_HINT
    if kind.startswith(("date", "datetime")):
        return "ogiltigt-värde", "ska vara ett datum", DATE_HINT
    if kind in ("bool_type", "bool_parsing"):
        return "fel-typ", "ska vara ja eller nej", "Skriv true eller false."
    return "ogiltigt-värde", "har ett ogiltigt värde", "Jämför med mallen från 'vastbus template'."
