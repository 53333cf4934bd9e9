"""Hypothesis: the quick load (no positions until asked for) equals the full walk.

`load_text` first tries `load_quick.quick`, which records no positions and leaves
everything unusual to the full walk (`load._walked`); positions are made by the
full walk when first asked for. Here the full walk is the reference: whatever
the text, `load_text` must give the same data, the same problems and the same
positions as the full walk alone.
"""

from __future__ import annotations

from typing import Any

import yaml
from fuzz.strategies import report_dicts, yamlish
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reportdata import VALID

from vastbus_cli.reports.load import LoadedFile, _text_problem, _walked, load_text


def reference(text: str) -> LoadedFile:
    problem = _text_problem(text, "f.yaml")
    if problem is not None:
        return LoadedFile("f.yaml", None, load_text("", "f.yaml").positions, text, [problem])
    return _walked(text, "f.yaml")


def assert_same(text: str) -> LoadedFile:
    loaded, expected = load_text(text, "f.yaml"), reference(text)
    assert repr(loaded.data) == repr(expected.data)  # repr: .nan equals itself, 1 is not True
    assert loaded.problems == expected.problems
    assert loaded.positions.values == expected.positions.values
    assert loaded.positions.keys == expected.positions.keys
    return loaded


def quick(loaded: LoadedFile) -> bool:
    """Whether the positions are still to be made, i.e. the quick load answered."""
    return loaded.positions._later is not None


_WORDS = st.sampled_from([
    "Ja", "Nej", "yes", "no", "on", "off", "true", "False", "null", "Null", "~", "", "<<", "=",
    "010", "0x1F", "10:30", "2025-03-01", "1_000", "-5", "+7", "0", "3.5", ".5", "1e3", ".inf",
    "-.Inf", ".nan", "12345678901234567890" * 20, "nyckel", "tema", "namn", "o", "y", "N",
    "&a", "*a", "!x", "!!str x", "!!int 3", "! x", "'q'", '"q"', "[1, 2]", "{a: 1}", "- x",
    "| \n  block", "> \n  folded", "---", "...", "a: b", "# c", "FYLL I",
])
_KEYS = st.one_of(_WORDS, st.sampled_from(["namn", "antal", "tema", "år"]))
_SCALARS = st.one_of(_WORDS, st.integers(-10**6, 10**6).map(str),
                     st.from_regex(r"[A-Za-z0-9.+\-_:~=<!&*åäö ]{1,12}", fullmatch=True))


@st.composite
def block_yaml(draw: st.DrawFn, depth: int = 0) -> str:
    """Block-style YAML built from awkward keys and scalars, nested a few levels."""
    indent = "  " * depth
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        key = draw(_KEYS)
        kind = draw(st.sampled_from(["scalar", "scalar", "list", "map"] if depth < 3
                                    else ["scalar"]))
        if kind == "scalar":
            lines.append(f"{indent}{key}: {draw(_SCALARS)}")
        elif kind == "list":
            lines.append(f"{indent}{key}:")
            lines += [f"{indent}  - {draw(_SCALARS)}" for _ in range(draw(st.integers(0, 3)))]
        else:
            lines.append(f"{indent}{key}:")
            lines.append(draw(block_yaml(depth + 1)))
    return "\n".join(lines) + "\n"


_PLAIN_DATA = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=10)),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.one_of(st.text(max_size=6), st.integers()),
                                            inner, max_size=3)),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(yamlish)
def test_yaml_like_text(text: str) -> None:
    assert_same(text)


@settings(max_examples=300, deadline=None)
@given(block_yaml())
def test_awkward_keys_and_scalars(text: str) -> None:
    assert_same(text)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(VALID) - 1), st.integers(0, 30), yamlish)
def test_mutated_report(start: int, length: int, insert: str) -> None:
    assert_same(VALID[:start] + insert + VALID[start + length:])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report_dicts("Skövde"), st.sampled_from([False, True, None]))
def test_reports_as_any_dumper_writes_them(data: dict[str, Any], flow: bool | None) -> None:
    assert_same(yaml.safe_dump(data, allow_unicode=True, sort_keys=False,
                               default_flow_style=flow))


@settings(max_examples=300, deadline=None)
@given(_PLAIN_DATA, st.sampled_from([False, True]))
def test_any_data_as_the_dumper_writes_it(data: Any, flow: bool) -> None:
    assert_same(yaml.safe_dump(data, allow_unicode=True, default_flow_style=flow))


def test_a_valid_report_takes_the_quick_load() -> None:
    loaded = assert_same(VALID)
    assert quick(load_text(VALID, "f.yaml")) and loaded.problems == []


def test_unusual_files_take_the_full_walk() -> None:
    for text in ["a: &x 1\nb: *x\n", "a: !!str 1\n", "a: 1\na: 2\n", "? [a]\n: 1\n",
                 "<<: {a: 1}\n", "1: a\n", "a: 1\n---\nb: 2\n", "", "# only a comment\n",
                 "[" * 60 + "]" * 60, "a: 99999999999999999999999999999999999999999999\n",
                 "a: [1\n"]:
        loaded = assert_same(text)
        assert not quick(loaded), text


def test_depth_limit_is_the_same() -> None:
    for levels in (49, 50, 51):
        assert_same("[" * levels + "]" * levels)
        assert_same("".join("  " * i + f"k{i}:\n" for i in range(levels)) + "  " * levels + "v\n")
