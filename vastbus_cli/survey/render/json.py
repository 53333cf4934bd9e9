"""The tally as JSON: the `Tally` model's own fields, for tools and later processing."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import IO, Any

from vastbus_cli.survey.model import Tally, json_fields
from vastbus_cli.survey.render.common import file_name

_SCALAR = json.JSONEncoder(ensure_ascii=False)
_INDENT = "  "


def render(tally: Tally) -> bytes:
    buffer = io.BytesIO()
    write(tally, buffer)
    return buffer.getvalue()


def write(tally: Tally, out: IO[bytes]) -> None:
    """What `json.dumps(as_json(tally), ensure_ascii=False, indent=2)` gives, written piece
    by piece: no dict per answer and nothing whole in memory, also for a million answers
    read from disk (issue 19 item 6)."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    write_text = text.write
    # each round's export by its file name, as in the documents: a path (C:\\Users\\<name>\\…)
    # is the coordinator's own folder and never goes out with the data
    tally = replace(tally, rounds=[replace(r, source=file_name(r.source)) for r in tally.rounds])
    for chunk in _encode(tally, 0):
        write_text(chunk)
    write_text("\n")
    text.flush()
    text.detach()  # leave `out` open for its owner


def _encode(value: Any, level: int) -> Iterator[str]:
    if isinstance(value, dict):
        yield from _object(value, level)
    elif isinstance(value, Sequence) and not isinstance(value, str):
        yield from _array(value, level)
    elif isinstance(value, (str, int, float)) or value is None:
        yield _SCALAR.encode(value)
    else:
        yield from _object(json_fields(value), level)  # a tally model


def _object(fields: dict[str, Any], level: int) -> Iterator[str]:
    if not fields:
        yield "{}"
        return
    inner = "\n" + _INDENT * (level + 1)
    separator = "{" + inner
    for name, item in fields.items():
        yield separator + _SCALAR.encode(name) + ": "
        yield from _encode(item, level + 1)
        separator = "," + inner
    yield "\n" + _INDENT * level + "}"


def _array(items: Sequence[Any], level: int) -> Iterator[str]:
    if not items:
        yield "[]"
        return
    inner = "\n" + _INDENT * (level + 1)
    separator = "[" + inner
    for item in items:
        yield separator
        yield from _encode(item, level + 1)
        separator = "," + inner
    yield "\n" + _INDENT * level + "]"
