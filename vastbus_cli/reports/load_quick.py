"""The quick walk: the data of an ordinary file, without positions (see `load.py`).

It gives the same data as the full walk (`load_full.Builder`; tests prove it) and
leaves everything unusual to it by raising `NotQuick`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from vastbus_cli.reports.load import LOADER, MAX_DEPTH, RESOLVED, Positions
from vastbus_cli.reports.load_full import Builder


class NotQuick(Exception):
    """The file has something `quick` leaves to the full walk (which refuses or reports it)."""


_NOT_KNOWN = object()
_PLAIN: dict[str, Any] = {}  # plain scalars the resolver was asked about: 'nej', 'tema', '2025'
_PLAIN_MAX = (4096, 40)  # entries, characters: a bounded memo of short words and numbers


def quick(text: str) -> Any:
    """The data of a file with one document and nothing `Builder` refuses or reports.

    Most files are like that, and none of their positions are needed unless a later
    check finds a problem, so this walk records none and leaves everything unusual
    (anchors, tags, duplicate or non-text keys, depth, several documents) to the full
    walk by raising `NotQuick`. It gives the same data as `Builder` (tests prove it).
    """
    loader = LOADER(text)
    try:
        walk = _QuickWalk(loader.get_event)
        walk.expect(yaml.StreamStartEvent)
        walk.expect(yaml.DocumentStartEvent)
        data = walk.node(walk.get(), 0)
        walk.expect(yaml.DocumentEndEvent)
        walk.expect(yaml.StreamEndEvent)
        return data
    finally:
        loader.dispose()


# the event classes as module names: one look-up less per event in the walk below
_ScalarEvent, _MappingStartEvent, _MappingEndEvent = (
    yaml.ScalarEvent, yaml.MappingStartEvent, yaml.MappingEndEvent)
_SequenceStartEvent, _SequenceEndEvent = yaml.SequenceStartEvent, yaml.SequenceEndEvent


class _QuickWalk:
    """`quick`'s walk: one method per kind of node, scalars answered without the resolver."""

    def __init__(self, get: Callable[[], Any]) -> None:
        self.get = get
        self.builder: Builder | None = None  # for the scalars the memo does not know

    def expect(self, kind: type) -> None:
        if self.get().__class__ is not kind:
            raise NotQuick

    def node(self, event: Any, depth: int) -> Any:
        kind = event.__class__
        if kind is _ScalarEvent:
            return self.scalar(event)
        if event.anchor is not None or depth >= MAX_DEPTH:
            raise NotQuick
        if kind is _MappingStartEvent and event.tag is None:
            return self.mapping(depth)
        if kind is _SequenceStartEvent and event.tag is None:
            return self.sequence(depth)
        raise NotQuick

    def mapping(self, depth: int) -> dict[str, Any]:
        get, node, scalar = self.get, self.node, self.scalar
        mapping: dict[str, Any] = {}
        while True:
            event = get()
            if event.__class__ is not _ScalarEvent:
                if event.__class__ is _MappingEndEvent:
                    return mapping
                raise NotQuick
            key = scalar(event)
            if key.__class__ is not str or key in mapping or (key == "<<" and event.implicit[0]):
                raise NotQuick
            event = get()
            mapping[key] = scalar(event) if event.__class__ is _ScalarEvent \
                else node(event, depth + 1)

    def sequence(self, depth: int) -> list[Any]:
        get, node, scalar = self.get, self.node, self.scalar
        items: list[Any] = []
        while True:
            event = get()
            kind = event.__class__
            if kind is _ScalarEvent:
                items.append(scalar(event))
            elif kind is _SequenceEndEvent:
                return items
            else:
                items.append(node(event, depth + 1))

    def scalar(self, event: Any) -> Any:
        if event.anchor is not None or event.tag is not None:
            raise NotQuick
        value = event.value
        if not event.implicit[0] or (value and value[0] not in RESOLVED):
            return value  # quoted or block text, or plain text no implicit type starts like
        known = _PLAIN.get(value, _NOT_KNOWN)
        if known is not _NOT_KNOWN:
            return known
        if self.builder is None:
            self.builder = Builder("", Positions())
        known = self.builder.scalar(event)  # raises Refused for what it refuses
        if len(_PLAIN) < _PLAIN_MAX[0] and len(value) <= _PLAIN_MAX[1]:
            _PLAIN[value] = known
        return known
