"""The part of a report that is valid, for the checks of a file that has errors.

The semantic checks (counts, meetings, year, roster) read a parsed `Report`, so a file
with one error in it would hide every warning they give: the browser form shows them
side by side, and the two must agree (issue 26 item 19). Here the values that fail the
schema are left out, one level further out each round when leaving one out makes its
container fail, until what remains validates; that remainder is checked. It is never
compiled: the file still has its errors.
"""

from __future__ import annotations

import copy
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from vastbus_cli.reports.parse import data_path

M = TypeVar("M", bound=BaseModel)

#: Rounds of leaving values out before giving up (each round goes one level further out).
MAX_ROUNDS = 8


def valid_part(data: dict[str, Any], model: type[M]) -> M | None:
    """`data` without the values that fail `model`, validated; None when the top level fails."""
    data = copy.deepcopy(data)
    for _ in range(MAX_ROUNDS):
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            paths = {data_path(data, tuple(err["loc"])) for err in exc.errors()}
        if () in paths:
            return None  # a required top-level key is wrong or missing: nothing to check
        for path in sorted(paths, key=_deepest_last_index_first):
            _remove(data, path)
    return None


def _deepest_last_index_first(path: tuple[Any, ...]) -> tuple[Any, ...]:
    # deeper paths first, and within a list the higher index first, so that removing one
    # value never shifts another that is still to be removed
    return (-len(path), tuple(-p if isinstance(p, int) else 0 for p in path))


def _remove(data: Any, path: tuple[Any, ...]) -> None:
    node = data
    for part in path[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return  # already removed with its container
    last = path[-1]
    if isinstance(node, dict):
        node.pop(last, None)
    elif isinstance(node, list) and isinstance(last, int) and 0 <= last < len(node):
        del node[last]
