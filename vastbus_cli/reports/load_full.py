"""The full walk over PyYAML's events: data, a position for every key and value, and a
`Problem` for everything `load.py` refuses (see its docstring)."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from typing import Any

import yaml

from vastbus_cli.problems import Problem, error
from vastbus_cli.reports.load import MAX_DEPTH, RESOLVED, Path_, Positions, Refused

_SHOWN_CHARS = 40  # of a value quoted back in a message
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}


class Builder:
    """Turns parser events into values, recording positions and refusing the unsafe."""

    def __init__(self, name: str, positions: Positions) -> None:
        self.name = name
        self.values = positions.values
        self.keys = positions.keys
        self.resolver = yaml.resolver.Resolver()
        self.constructor = yaml.constructor.SafeConstructor()
        self.problems: list[Problem] = []

    def _refuse(self, mark: Any, code: str, message: str, hint: str = "") -> Refused:
        return Refused(error(self.name, mark.line + 1, mark.column + 1, code, message, hint))

    def build(self, events: Iterator[Any]) -> Any:
        documents = 0
        data: Any = None
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise self._refuse(
                        event.start_mark, "flera-dokument",
                        "Filen innehåller flera YAML-dokument (avgränsade med '---').",
                        "En fil ska innehålla en enda årsberättelse; dela upp filen.",
                    )
            elif isinstance(event, (yaml.ScalarEvent, yaml.MappingStartEvent,
                                    yaml.SequenceStartEvent, yaml.AliasEvent)):
                data = self._node(event, events, ())
        return data

    def _check_event(self, event: Any) -> None:
        if event.anchor is None and getattr(event, "tag", None) is None:
            return  # the common case: no anchor, alias or tag
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise self._refuse(
                event.start_mark, "ankare",
                "Ankare och alias (& och *) är inte tillåtna i en årsberättelse.",
                "Skriv ut värdet på varje ställe där det behövs.",
            )
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        explicit = tag is not None and (implicit is False or implicit == (False, False))
        if explicit and tag not in _SAFE_TAGS and tag != "!":
            raise self._refuse(
                event.start_mark, "tagg",
                f"Taggen '{tag}' är inte tillåten.",
                "Ta bort taggen (ordet som börjar med '!'); skriv bara värdet.",
            )

    def _node(self, event: Any, events: Iterator[Any], path: Path_) -> Any:
        self._check_event(event)
        if len(path) >= MAX_DEPTH and not isinstance(event, yaml.ScalarEvent):
            raise self._refuse(
                event.start_mark, "för-djup",
                f"Filen är nästlad för djupt (mer än {MAX_DEPTH} nivåer).",
                "Kontrollera indraget; en årsberättelse har bara några få nivåer.",
            )
        self.values[path] = (event.start_mark.line + 1, event.start_mark.column + 1)
        if isinstance(event, yaml.ScalarEvent):
            return self.scalar(event)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for item in events:
                if isinstance(item, yaml.SequenceEndEvent):
                    return items
                items.append(self._node(item, events, (*path, len(items))))
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(events, path)
        raise self._refuse(event.start_mark, "yaml-syntax", "Oväntad struktur i filen.")

    def _mapping(self, events: Iterator[Any], path: Path_) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_event in events:
            if isinstance(key_event, yaml.MappingEndEvent):
                return mapping
            self._check_event(key_event)
            key_mark = key_event.start_mark
            if not isinstance(key_event, yaml.ScalarEvent):
                raise self._refuse(key_mark, "nyckeltyp", "En nyckel måste vara ett ord, inte en lista "
                                   "eller nycklar och värden.", "Kontrollera indraget.")
            if key_event.value == "<<" and key_event.implicit[0]:
                raise self._refuse(key_mark, "ankare", "Sammanslagningsnycklar ('<<') är inte tillåtna.",
                                   "Skriv ut alla nycklar där de behövs.")
            key = self.scalar(key_event)
            if not isinstance(key, str):
                raise self._refuse(
                    key_mark, "nyckeltyp",
                    f"Nyckeln '{key_event.value}' läses som {_type_name(key)}, inte som text.",
                    f"Skriv nyckeln inom citattecken: \"{key_event.value}\":",
                )
            key_path = (*path, key)
            if key in mapping:
                # Not fatal: the walk goes on so the user sees every duplicate at once,
                # but the file counts as broken, so nothing is silently lost.
                first = self.keys[key_path]
                self.problems.append(error(
                    self.name, key_mark.line + 1, key_mark.column + 1, "dubblettnyckel",
                    f"Nyckeln '{key}' förekommer två gånger (första gången på rad {first[0]}).",
                    "Slå ihop innehållet under en av dem och ta bort den andra; annars försvinner "
                    "det som står under den första.",
                ))
                self._node(next(events), events, (*path, f"{key}\x00dubblett"))
                continue
            self.keys[key_path] = (key_mark.line + 1, key_mark.column + 1)
            mapping[key] = self._node(next(events), events, key_path)
        return mapping

    def scalar(self, event: Any) -> Any:
        value = event.value
        if event.tag is None and (not event.implicit[0] or (value and value[0] not in RESOLVED)):
            # quoted, or plain with a first character no implicit type (number, bool, null,
            # date) can start with: text, as the resolver would say, without asking it
            return value
        if event.tag is None and _DECIMAL.fullmatch(value):
            with contextlib.suppress(ValueError):  # too many digits: refused below
                return int(value)
        if event.tag and event.tag != "!" and not event.implicit[0] and not event.implicit[1]:
            tag = event.tag
        else:
            tag = self.resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == "tag:yaml.org,2002:timestamp":
            tag = "tag:yaml.org,2002:str"  # dates stay text; the models parse them
        elif tag == "tag:yaml.org,2002:int" and not _DECIMAL.fullmatch(event.value):
            # YAML 1.1 reads 010 as 8, 0x10 as 16 and 10:30 as 630: keep such values as
            # written, so a count gets a type error and a text stays the text
            tag = "tag:yaml.org,2002:str"
        if tag == "tag:yaml.org,2002:str":
            return value  # what the constructor would return, without building a node
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.constructor.ConstructorError, ValueError) as exc:
            shown = _shorten(event.value)
            if tag == "tag:yaml.org,2002:int":
                raise self._refuse(event.start_mark, "för-stort-tal",
                                   f"Talet '{shown}' är för stort.",
                                   "Skriv ett rimligt antal, eller skriv värdet inom citattecken "
                                   "om det är text.") from exc
            raise self._refuse(event.start_mark, "yaml-syntax",
                               f"Värdet '{shown}' kan inte läsas.") from exc


def _shorten(value: str) -> str:
    return value if len(value) <= _SHOWN_CHARS else value[:_SHOWN_CHARS] + "…"


def _type_name(value: Any) -> str:
    if value is None:
        return "tomt värde"
    if isinstance(value, bool):
        return "sant/falskt"
    if isinstance(value, (int, float)):
        return "tal"
    return "text"
