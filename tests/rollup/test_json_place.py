"""A wrong value in a summary JSON is reported at its line and column (rollup/json_place.py)."""

from __future__ import annotations

import json

from vastbus_cli.rollup.json_place import json_position

DATA = {"year": 2025, "note": "a } and a ] and \"quotes\" inside",
        "parts": [{"groups": ["Hjo", "Tibro"], "overview": {"reported": 12, "missing": []}},
                  {"groups": [], "overview": {"reported": "tolv"}}]}


def _at(text: str, line: int, column: int) -> str:
    return text.splitlines()[line - 1][column - 1:]


def test_the_value_at_a_path_in_indented_and_compact_json() -> None:
    for text in (json.dumps(DATA, indent=2, ensure_ascii=False), json.dumps(DATA)):
        assert _at(text, *json_position(text, ("parts", 1, "overview", "reported"))).startswith(
            '"tolv"')
        assert _at(text, *json_position(text, ("parts", 0, "groups", 1))).startswith('"Tibro"')
        assert _at(text, *json_position(text, ("year",))).startswith("2025")


def test_a_missing_step_points_at_what_should_hold_it() -> None:
    text = json.dumps(DATA, indent=2)
    assert _at(text, *json_position(text, ("parts", 1, "overview", "missing"))) == "{"
    assert _at(text, *json_position(text, ("parts", 7))) == "["  # the list of parts
    assert json_position(text, ()) == (1, 1)


def test_a_text_that_cannot_be_walked_stops_where_it_can() -> None:
    assert json_position('{"parts": [1, }', ("parts", 1)) == (1, 11)  # the list
    assert json_position('{"parts": ["x', ("parts", 0)) == (1, 12)  # where it starts
    assert json_position('{"a": "b" "c": 1}', ("c",)) == (1, 16)  # no crash on a missing comma
