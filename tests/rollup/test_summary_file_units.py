"""rollup/summary_file.py's small pieces driven directly: how a place in the file is named,
which Swedish words a pydantic error becomes, and how pydantic's union tags are left out
of a key path. Fast, for a mutation run of the roll-up validation (docs/mutation.md)."""

from __future__ import annotations

from typing import Any

import pytest

from vastbus_cli.rollup import summary_file
from vastbus_cli.rollup.summary_file import place


@pytest.mark.parametrize(("loc", "shown"), [
    ((), "filen"),
    (("year",), "year"),
    (("parts", 0, "overview", "reported"), "parts[0].overview.reported"),
    ((0,), "[0]"),
    ((0, "a", 1, 2), "[0].a[1][2]"),
])
def test_a_place_is_named_as_a_json_tool_names_it(loc: tuple[int | str, ...], shown: str) -> None:
    assert place(loc) == shown


@pytest.mark.parametrize(("err", "what"), [
    ({"type": "greater_than_equal", "input": -1}, "får inte vara negativt"),
    ({"type": "missing"}, "saknas"),
    ({"type": "int_type", "input": True}, "ska vara ett heltal (inte true)"),
    ({"type": "int_type", "input": False}, "ska vara ett heltal (inte false)"),
    ({"type": "int_type", "input": "1"}, "ska vara ett heltal"),
    ({"type": "bool_type", "input": 1}, "ska vara true eller false"),
    ({"type": "bool_parsing", "input": True}, "ska vara true eller false"),
    ({"type": "float_type", "input": False}, "ska vara ett tal (inte false)"),
    ({"type": "date_parsing", "input": "x"}, "ska vara ett datum (ÅÅÅÅ-MM-DD)"),
    ({"type": "literal_error", "input": "x"}, "har ett värde som inte passar formatet"),
    ({"type": "literal_error", "input": True}, "har ett värde som inte passar formatet (inte "
                                               "true)"),
])
def test_the_words_for_each_kind_of_wrong_value(err: dict[str, Any], what: str) -> None:
    assert summary_file._what(err) == what


@pytest.mark.parametrize(("data", "loc", "missing", "kept"), [
    ({"a": {"b": 1}}, ("a", "b", "int"), False, ("a", "b")),
    ({"a": {"b": 1}}, ("a", "c"), True, ("a", "c")),
    ({"a": {"b": 1}}, ("a", "c", "d"), True, ("a", "d")),
    ({"a": {"b": 1}}, ("a", "c"), False, ("a",)),
    ({"a": [5, 6]}, ("a", 1), False, ("a", 1)),
    ({"a": [5, 6]}, ("a", 2), False, ("a",)),
    ({"a": [5, 6]}, ("a", -1), False, ("a",)),
    ({"a": [5, 6]}, ("a", "0"), False, ("a",)),
    ({"a": 5}, ("a", 0), False, ("a",)),
    ({"a": 5}, ("a", 0), True, ("a", 0)),
])
def test_union_tags_are_left_out_of_the_key_path(data: Any, loc: tuple[int | str, ...],
                                                 missing: bool,
                                                 kept: tuple[int | str, ...]) -> None:
    assert summary_file._in_data(data, loc, missing) == kept
