"""The annual report (årsberättelse), format version 1.

English attribute names, Swedish aliases: the aliases are the keys a local group
writes in its YAML file. Descriptions are Swedish because they end up in the
JSON Schema, which editors show to the user while they type.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    StrictFloat,
    StrictInt,
    StringConstraints,
    Tag,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from vastbus_cli.vocabulary import DeviationCategory, DeviationStatus, Organisation, Theme

_INVISIBLE_ONLY = re.compile("[\\s\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff]*")


def _visible_or_empty(value: Any) -> Any:
    """Text of only zero-width characters (and spaces) is empty: nothing a reader can see."""
    if isinstance(value, str) and _INVISIBLE_ONLY.fullmatch(value):
        return ""
    return value


# the validator listed last runs first, before the constraints (pydantic's order)
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1),
                 BeforeValidator(_visible_or_empty)]
def _one_address(value: str) -> str:
    """An address a letter can go to (`year/addresses.py`), or an error saying why not: the
    pattern alone let `x@evil.example>` and `a@b,c.se` through into the drafts' `To:`."""
    from vastbus_cli.privacy import mask_identity_numbers
    from vastbus_cli.reports.parse_messages import swedish_error
    from vastbus_cli.year.addresses import AddressError, mail_address

    try:
        mail_address(value)
    except AddressError as exc:
        raise swedish_error("ogiltigt-värde", "är ingen adress som e-post kan skickas till",
                            exc.reason) from None
    if mask_identity_numbers(value)[1]:
        raise swedish_error("ogiltigt-värde", "innehåller ett personnummer",
                            "Använd gruppens funktionsadress eller en jobbadress utan "
                            "personnummer.", quote=False)
    return value


_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(value: str) -> str:
    """A name on one line: a group's name goes into letters' headers and file names, where a
    line break or another control character cannot stand."""
    from vastbus_cli.reports.parse_messages import swedish_error

    found = _CONTROLS.search(value)
    if found:
        what = "en radbrytning" if found.group() in "\n\r\x0b\x0c\x85\u2028\u2029" \
            else "ett osynligt styrtecken"
        raise swedish_error("styrtecken", f"innehåller {what} (U+{ord(found.group()):04X})",
                            "Skriv namnet på en rad, utan styrtecken.", quote=False)
    return value


Email = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$"),
    AfterValidator(_one_address),
]
#: a group's name: text on one line
Name = Annotated[Text, AfterValidator(_one_line)]
Count = StrictInt
_DECIMAL_COMMA = re.compile(r"-?\d+,\d+")


def _decimal_comma(value: Any) -> Any:
    """A number written with the Swedish decimal comma ('3,5', which YAML reads as text) is
    that number; anything else is left for the strict number check."""
    if isinstance(value, str) and _DECIMAL_COMMA.fullmatch(value.strip()):
        return float(value.strip().replace(",", "."))
    return value


# the schema says what validate takes, so an editor does not underline "3,5"
_KEY_FIGURE_SCHEMA = {"anyOf": [
    {"type": "number"},
    {"type": "string", "pattern": r"^\s*-?\d+,\d+\s*$",
     "description": "Ett tal med decimalkomma, t.ex. 3,5"},
]}
KeyFigure = Annotated[StrictInt | StrictFloat, BeforeValidator(_decimal_comma),
                      WithJsonSchema(_KEY_FIGURE_SCHEMA)]


# Default factories are Python functions, not the builtins `list` and `dict`: pydantic
# inspects each factory's signature when it builds the model, and for a builtin that
# means tokenizing its text signature (~10 ms of every command's start-up for 8 fields).
def _no_items() -> list[Any]:
    return []


def _no_figures() -> dict[str, int | float]:
    return {}


def _whole_number_one(value: Any) -> Any:
    """`formatversion: yes` (or true/on) is YAML's True and `1.0` a float, both of which
    Literal[1] would take as 1; only the whole number 1 is the format's version."""
    if isinstance(value, bool | float):
        raise PydanticCustomError("literal_error", "Input should be 1", {"expected": "1"})
    return value


class _Model(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        frozen=True,
        use_enum_values=False,
    )


class Group(_Model):
    name: Name = Field(alias="namn", description="Den lokala Västbusgruppens namn")
    municipality: Text = Field(alias="kommun", description="Kommun eller stadsdel")
    subregion: Text = Field(alias="delregion", description="Delregion (vårdsamverkansområde)")


class Contact(_Model):
    role: Text = Field(alias="roll", description="Kontaktpersonens roll, t.ex. ordförande")
    email: Email | None = Field(
        default=None, alias="epost", description="Funktionsadress eller jobbadress (valfri)"
    )


class Member(_Model):
    organisation: Organisation = Field(description="Organisation i gruppen")
    representatives: Count = Field(alias="antal", description="Antal representanter")
    note: Text | None = Field(
        default=None, alias="kommentar", description="Vilken verksamhet, t.ex. för 'annan'"
    )


class Meetings(_Model):
    planned: Count = Field(alias="planerade", description="Antal planerade möten under året")
    held: Count = Field(alias="genomförda", description="Antal genomförda möten under året")


class Activity(_Model):
    title: Text = Field(alias="titel", description="Kort rubrik")
    description: Text = Field(alias="beskrivning", description="Vad som görs och med vilka")
    theme: Theme | None = Field(default=None, alias="tema", description="Tema (valfritt)")


class Deviation(_Model):
    category: DeviationCategory = Field(alias="kategori", description="Avvikelsens kategori")
    count: Count = Field(alias="antal", description="Antal avvikelser av detta slag")
    description: Text = Field(alias="beskrivning", description="Vad hände (utan personuppgifter)")
    action: Text = Field(alias="åtgärd", description="Vad gjordes med avvikelsen")
    status: DeviationStatus = Field(description="Läget vid årets slut")


class ThemedText(_Model):
    theme: Theme = Field(alias="tema", description="Tema")
    description: Text = Field(alias="beskrivning", description="Beskrivning")


class SupportItem(_Model):
    # a wish for support written with a theme; a plain string is the same wish without one
    # (no docstring: pydantic would put it in the JSON Schema, which users read)

    description: Text = Field(alias="beskrivning", description="Vilket stöd gruppen önskar")
    theme: Theme | None = Field(default=None, alias="tema", description="Tema (valfritt)")


def _support_kind(value: Any) -> str:
    """A mapping with beskrivning or tema is a themed item; anything else is checked (and
    reported) as plain text, so `- Hjälp att nå: primärvården` gets the unquoted-colon hint."""
    if isinstance(value, str):  # first: isinstance with a model class is slow for a str
        return "punkt-text"
    if isinstance(value, dict):
        return "punkt-med-tema" if {"beskrivning", "tema"} & set(value) else "punkt-text"
    return "punkt-med-tema" if isinstance(value, SupportItem) else "punkt-text"


#: One item of stöd_från_delregionen: plain text (format as before) or text with a theme.
Support = Annotated[
    # the tags appear in pydantic's error locations; parse.py skips them (never a YAML key)
    Annotated[Text, Tag("punkt-text")] | Annotated[SupportItem, Tag("punkt-med-tema")],
    Discriminator(_support_kind),
]


def support_text(item: str | SupportItem) -> str:
    return item if isinstance(item, str) else item.description


def support_theme(item: str | SupportItem) -> Theme | None:
    return None if isinstance(item, str) else item.theme


class GoodExample(_Model):
    title: Text = Field(alias="titel", description="Kort rubrik")
    description: Text = Field(alias="beskrivning", description="Vad som fungerade och varför")


class Report(_Model):
    """One local group's annual report for one year."""

    format_version: Annotated[Literal[1], BeforeValidator(_whole_number_one)] = Field(
        alias="formatversion", description="Formatets version; ska vara 1"
    )
    year: Count = Field(alias="år", description="Verksamhetsåret som berättelsen gäller")
    group: Group = Field(alias="grupp")
    contact: Contact | None = Field(default=None, alias="kontakt")
    composition: list[Member] = Field(
        alias="sammansättning", description="Vilka organisationer som deltar i gruppen"
    )
    meetings: Meetings = Field(alias="möten")
    ongoing_work: list[Activity] = Field(default_factory=_no_items, alias="pågående_arbete")
    deviations: list[Deviation] = Field(default_factory=_no_items, alias="avvikelser")
    development_areas: list[ThemedText] = Field(default_factory=_no_items, alias="utvecklingsområden")
    competence_needs: list[ThemedText] = Field(default_factory=_no_items, alias="kompetensbehov")
    support_wanted: list[Support] = Field(
        default_factory=_no_items,
        alias="stöd_från_delregionen",
        description="Hur den delregionala gruppen kan stödja det lokala arbetet: en text per "
                    "punkt, eller beskrivning + tema (valfritt)",
    )
    good_examples: list[GoodExample] = Field(default_factory=_no_items, alias="goda_exempel")
    plans: list[Text] = Field(
        default_factory=_no_items, alias="planer_nästa_år", description="Planer för nästa år"
    )
    key_figures: dict[str, KeyFigure] = Field(
        default_factory=_no_figures,
        alias="nyckeltal",
        description="Valfria nyckeltal: namn → tal, t.ex. 'Antal SIP-möten': 14",
    )
