"""render/sandbox.py's rules driven one by one: which filters are measured and by how much,
how each filter's arguments reach its bound, the attribute rules for modules and models,
the calls a template may make, and the generated code that routes `~` and captured blocks
through the checks.

Fast and exact, for the mutation run of docs/mutation.md "sandbox": each test pins one
rule at its boundary, so a changed constant, name or comparison fails it.
"""

from __future__ import annotations

import re
from typing import Any

import jinja2
import pytest
from jinja2.runtime import Context
from markupsafe import Markup
from pydantic import BaseModel

from vastbus_cli.render import limits, sandbox
from vastbus_cli.render.sandbox import LimitExceeded, Refused, Stopped, UserSandbox
from vastbus_cli.reports.summary import Labelled, Summary

LIMIT = 60  # divisible by every growth factor (3, 4, 5, 6, 10, 12)


def text_over(n: int) -> str:
    return f"en text eller lista blir större än {limits.chars(n)} tecken"


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> UserSandbox:
    monkeypatch.setattr(limits, "MAX_CHARS", LIMIT)
    made = UserSandbox(undefined=jinja2.StrictUndefined)
    made.limit_filters()
    return made


def refusal(call: Any, *args: Any, **kwargs: Any) -> str:
    with pytest.raises(Refused) as caught:
        call(*args, **kwargs)
    return str(caught.value)


def ok(value: Any) -> str:
    return "ok"


GROWTH = {"e": 5, "escape": 5, "forceescape": 5, "xmlattr": 6, "tojson": 6, "urlencode": 12,
          "urlize": 10, "pprint": 4, "upper": 3, "lower": 3, "title": 3, "capitalize": 3,
          "yaml_string": 10, "comment": 10, "cell": 6, "md": 6, "markdown": 6,
          "center": 1, "trim": 1, "string": 1}


@pytest.mark.parametrize(("name", "growth"), GROWTH.items())
def test_a_filter_that_makes_text_is_measured_by_its_growth(env: UserSandbox, name: str,
                                                           growth: int) -> None:
    checked = sandbox._checked_filter(env, name, ok)
    assert checked("x" * (LIMIT // growth)) == "ok"
    assert refusal(checked, "x" * (LIMIT // growth + 1)) == text_over(LIMIT)


STRUCTURAL = ["abs", "attr", "batch", "count", "d", "default", "dictsort", "first", "float",
              "groupby", "int", "items", "join", "last", "length", "list", "map", "max", "min",
              "random", "reject", "rejectattr", "reverse", "round", "select", "selectattr",
              "slice", "sort", "sum", "unique"]
ITERATING = ["list", "batch", "slice", "map", "select", "reject", "selectattr", "rejectattr",
             "unique", "sort", "groupby"]


@pytest.mark.parametrize("name", STRUCTURAL)
def test_a_structural_filter_does_not_turn_its_value_into_text(env: UserSandbox,
                                                               name: str) -> None:
    value = ["x" * 14] * 4  # its text is 74 characters, its items 56
    assert sandbox._checked_filter(env, name, ok)(value) == "ok"


@pytest.mark.parametrize("name", ITERATING)
def test_a_filter_that_lists_a_texts_characters_counts_a_slot_each(env: UserSandbox,
                                                                   name: str) -> None:
    checked = sandbox._checked_filter(env, name, ok)
    assert checked("x" * 5) == "ok"  # 5 + 8 * 6 = 53
    assert refusal(checked, "x" * 6) == text_over(LIMIT)  # 6 + 8 * 7 = 62
    assert refusal(checked, b"x" * 6) == text_over(LIMIT)
    assert checked(["x"] * 6) == "ok"


def test_a_filter_that_does_not_iterate_takes_a_long_text_as_it_is(env: UserSandbox) -> None:
    assert sandbox._checked_filter(env, "length", ok)("x" * 6) == "ok"
    assert sandbox._checked_filter(env, "first", ok)("x" * 59) == "ok"


@pytest.mark.parametrize("name", ["center", "indent", "truncate", "wordwrap", "batch", "slice"])
def test_a_sizing_filter_refuses_a_huge_number(name: str) -> None:
    env = UserSandbox()
    checked = sandbox._checked_filter(env, name, lambda *a, **k: "ok")
    assert checked("x", limits.MAX_ARGUMENT) == "ok"
    assert refusal(checked, "x", limits.MAX_ARGUMENT + 1) == \
        f"filtret {name} fick ett för stort tal"
    assert refusal(checked, "x", width=-limits.MAX_ARGUMENT - 1) == \
        f"filtret {name} fick ett för stort tal"


def test_another_filter_may_take_a_huge_number() -> None:
    env = UserSandbox()
    assert sandbox._checked_filter(env, "round", lambda *a: "ok")(1.5, 10**9) == "ok"
    assert sandbox._checked_filter(env, "default", lambda *a: "ok")("x", 10**9) == "ok"


def test_the_value_follows_what_jinja_passes_first(env: UserSandbox) -> None:
    def passing(first: Any, value: Any) -> Any:
        return value

    checked = sandbox._checked_filter(env, "center", passing)
    assert checked(env, "x" * LIMIT) == "x" * LIMIT
    assert refusal(checked, env, "x" * (LIMIT + 1)) == text_over(LIMIT)
    context = Context(env, {}, "m", {})
    assert refusal(checked, context, "x" * (LIMIT + 1)) == text_over(LIMIT)
    assert sandbox._checked_filter(env, "center", lambda first, value: "ok")(
        "y", "x" * (LIMIT + 1)) == "ok"  # a text is no context: "y" is the value
    assert sandbox._checked_filter(env, "center", lambda: "none")() == "none"


def test_the_checked_filter_keeps_how_jinja_passes_arguments() -> None:
    env = UserSandbox()
    env.limit_filters()
    for name in ("replace", "join", "wordwrap", "sum", "map"):
        assert env.filters[name].jinja_pass_arg == jinja2.filters.FILTERS[name].jinja_pass_arg
    assert not hasattr(env.filters["indent"], "jinja_pass_arg")


def test_a_result_past_the_limit_is_refused(env: UserSandbox) -> None:
    checked = sandbox._checked_filter(env, "first", lambda value: value * 2)
    assert checked("x" * 30) == "x" * 60
    assert refusal(checked, "x" * 31) == text_over(LIMIT)


def render(env: UserSandbox, text: str, **context: Any) -> str:
    try:
        return env.from_string(text).render(**context)
    except Refused as exc:
        return f"refused: {exc}"


@pytest.mark.parametrize(("text", "out"), [
    ("{{ 'a\nb'|indent(28) }}", "a\n" + " " * 28 + "b"),  # 3 + 2 * 28 = 59
    ("{{ 'a\nbcd'|indent(28) }}", "refused"),  # 5 + 2 * 28 = 61
    ("{{ ('a\n' * 9 + 'bb')|indent }}", "a\n" + "    a\n" * 8 + "    bb"),  # 20 + 10 * 4
    ("{{ ('a\n' * 9 + 'bbb')|indent }}", "refused"),  # 21 + 10 * 4
    ("{{ ('a ' * 14 + 'a')|wordwrap(1) }}", "\n".join("a" * 15)),  # 29 + 30 * len("\n")
    ("{{ ('a ' * 14 + 'a')|wordwrap(1, True, none) }}", "\n".join("a" * 15)),
    ("{{ ('a ' * 9 + 'a')|wordwrap(1, True, 'yy') }}", "yy".join("a" * 10)),  # 19 + 20 * 2
    ("{{ ('a ' * 10 + 'a')|wordwrap(1, True, 'yy') }}", "refused"),  # 21 + 22 * 2
    ("{{ ['a' * 29, 'b' * 29]|join }}", "a" * 29 + "b" * 29),
    ("{{ ['a' * 30, 'b' * 30]|join }}", "a" * 30 + "b" * 30),
    ("{{ ['a' * 30, 'b' * 29]|join('-') }}", "a" * 30 + "-" + "b" * 29),
    ("{{ ['a' * 30, 'b' * 30]|join('-') }}", "refused"),
    ("{{ ['a']|map('upper')|join('-') }}", "A"),
    ("{{ ('b' * 20)|replace('b', 'cc') }}", "c" * 40),  # 20 + 20 * 2
    ("{{ ('b' * 20)|replace('b', 'ccc') }}", "refused"),  # 20 + 20 * 3
    ("{{ ('b' * 20)|replace('b', 'cccc', 10) }}", "c" * 40 + "b" * 10),
    ("{{ ('b' * 20)|replace('b', 'cccc', count=10) }}", "c" * 40 + "b" * 10),
    ("{{ ('b' * 20)|replace('b', 'cccc', 11) }}", "refused"),
    ("{{ ('b' * 20)|replace('b', new='ccc') }}", "refused"),
    ("{{ ('b' * 20)|replace(old='b', new='cc') }}", "c" * 40),
    ("{{ '%s%s'|format('a' * 28, 'b' * 28) }}", "a" * 28 + "b" * 28),  # 4 + 56
    ("{{ '%s%s'|format('a' * 29, 'b' * 28) }}", "refused"),
    ("{{ '%(a)s'|format(a='a' * 49) }}", "a" * 49),  # 5 + len("['a…a']")
    ("{{ '%(a)s'|format(a='a' * 50) }}", "refused"),
    ("{{ [1, 2]|sum }}", "3"),
    ("{{ [1, 2]|sum(start=2) }}", "5"),
    ("{{ ([1, 2]|sum(none, 2.5)) > 5 }}", "True"),
])
def test_each_filters_arguments_reach_its_bound(env: UserSandbox, text: str, out: str) -> None:
    said = render(env, text)
    assert said == (f"refused: {text_over(LIMIT)}" if out == "refused" else out)


def test_the_generated_code_joins_through_the_sandbox() -> None:
    env = UserSandbox()
    code = env.compile("{% set t %}a{{ 1 }}{% endset %}{{ t ~ 'b' }}", raw=True)
    assert "concat = environment.join_text\n" in code
    assert "environment.new_buffer()" in code
    assert "environment.join_text((" in code
    assert code.index("from jinja2.runtime import ") < code.index("concat = environment.join_text")
    plain = jinja2.Environment().compile("{{ 'a' ~ 'b' }}", raw=True)
    assert "join_text" not in plain


def test_captured_output_is_refused_before_it_is_joined(env: UserSandbox) -> None:
    buffer = env.new_buffer()
    assert isinstance(buffer, sandbox._Buffer)
    buffer.append("x" * 30)
    buffer.extend(["y" * 20, "z" * 10])
    assert buffer == ["x" * 30, "y" * 20, "z" * 10] and buffer.size == LIMIT
    assert refusal(buffer.append, "!") == text_over(LIMIT)
    assert buffer.size == LIMIT + 1 and len(buffer) == 3
    other = env.new_buffer()
    other.append(["a"])  # a list's text: ['a']
    assert other.size == 2 + 2 + 3
    env.stop.set()
    with pytest.raises(Stopped):
        other.append("a")


def test_join_text_measures_every_part(env: UserSandbox) -> None:
    assert env.join_text(iter(["x" * 30, 5, ["y"]])) == "x" * 30 + "5['y']"
    assert env.join_text(["x" * 30, "y" * 30]) == "x" * 30 + "y" * 30
    assert refusal(env.join_text, ["x" * 30, "y" * 31]) == text_over(LIMIT)
    assert env.join_text([]) == ""
    env.stop.set()
    with pytest.raises(Stopped):
        env.join_text(["a"])


def test_check_text_multiplies_by_the_growth(env: UserSandbox) -> None:
    env.check_text("x" * 60)
    env.check_text("x" * 20, 3)
    assert refusal(env.check_text, "x" * 21, 3) == text_over(LIMIT)
    assert refusal(env.check_text, "x" * 61) == text_over(LIMIT)
    assert isinstance(pytest.raises(LimitExceeded, env.check_text, "x" * 61).value, Refused)


def test_guard_turns_a_limit_into_the_sandboxs_refusal(env: UserSandbox) -> None:
    assert env.guard(lambda a, b: a + b, 1, 2) == 3
    with pytest.raises(LimitExceeded) as caught:
        env.guard(limits.check_bound, LIMIT + 1)
    assert str(caught.value) == text_over(LIMIT)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


def test_the_sandbox_has_no_lipsum_and_a_limited_namespace(env: UserSandbox) -> None:
    assert "lipsum" not in env.globals
    assert env.globals["namespace"] is sandbox._LimitedNamespace
    assert "lipsum" in jinja2.Environment().globals
    ns = sandbox._LimitedNamespace()
    ns["a"] = "x" * LIMIT
    ns["b"] = ["x"] * 6  # 2 + 6 * 8 + 6
    assert (ns.a, ns.b) == ("x" * LIMIT, ["x"] * 6)
    for too_large in ("x" * (LIMIT + 1), ["x"] * 7):
        with pytest.raises(LimitExceeded) as caught:
            ns["c"] = too_large
        assert str(caught.value) == text_over(LIMIT)


def test_str_format_is_wrapped_with_a_formatter_that_counts_each_field(env: UserSandbox) -> None:
    assert env.wrap_str_format("x".upper) is None
    assert env.wrap_str_format("x") is None
    assert env.wrap_str_format(b"{}".decode) is None

    class Other:
        def format(self) -> str:
            return ""

    assert env.wrap_str_format(Other().format) is None
    two = env.wrap_str_format("{}{}".format)
    assert two is not None
    assert two("a" * 28, "b" * 28) == "a" * 28 + "b" * 28  # 4 + 28 + 28
    assert refusal(two, "a" * 28, "b" * 29) == text_over(LIMIT)
    assert two("a", "b") == "ab"  # counted afresh at every call
    assert refusal(env.wrap_str_format("{!s}".format), "a" * 61) == text_over(LIMIT)
    assert env.wrap_str_format("{:>3}".format)(1) == "  1"
    mapping = env.wrap_str_format("{a}{b}".format_map)
    assert mapping({"a": 1, "b": "c"}) == "1c"
    for args, kwargs in (((), {}), (({}, {}), {}), (({},), {"a": 1})):
        with pytest.raises(TypeError) as wrong:
            mapping(*args, **kwargs)
        assert str(wrong.value) == "format_map() takes exactly one argument"
    escaped = env.wrap_str_format(Markup("<b>{}</b>").format)
    assert escaped("<i>") == Markup("<b>&lt;i&gt;</b>") and isinstance(escaped("x"), Markup)
    assert type(env.wrap_str_format("{}".format)("x")) is str


class Outsider:
    """A class that is neither vastbus's nor one a template may call."""


def test_a_template_calls_no_class_but_its_own_and_the_plain_types(env: UserSandbox) -> None:
    context = Context(env, {}, "m", {})
    assert refusal(env.call, context, Outsider) == "Outsider får inte anropas i en egen mall"
    assert refusal(env.call, context, re.Pattern) == "Pattern får inte anropas i en egen mall"
    assert env.call(context, dict, a=1) == {"a": 1}
    assert env.call(context, list, "ab") == ["a", "b"]
    assert (env.call(context, tuple), env.call(context, str, 5)) == ((), "5")
    assert (env.call(context, int, "7"), env.call(context, float, "1.5")) == (7, 1.5)
    assert env.call(context, bool, 1) is True
    assert env.call(context, Labelled, code="a", label="b") == Labelled(code="a", label="b")
    assert env.call(context, jinja2.utils.Cycler, 1, 2).next() == 1
    env.stop.set()
    with pytest.raises(Stopped):
        env.call(context, dict)


def test_the_methods_of_texts_numbers_and_lists_are_bounded_first(env: UserSandbox) -> None:
    context = Context(env, {}, "m", {})
    number = "ett tal eller en bredd är för stort för en mall"
    assert env.call(context, "ab".center, 60) == "ab".center(60)
    assert refusal(env.call, context, "ab".center, 61) == text_over(LIMIT)
    assert refusal(env.call, context, "ab".center, limits.MAX_ARGUMENT + 1) == number
    assert refusal(env.call, context, "ab".center, width=limits.MAX_ARGUMENT + 1) == number
    assert refusal(env.call, context, b"ab".center, 61) == text_over(LIMIT)
    assert refusal(env.call, context, bytearray(b"ab").center, 61) == text_over(LIMIT)
    assert refusal(env.call, context, (7).to_bytes, 61) == text_over(LIMIT)
    assert refusal(env.call, context, [1].count, limits.MAX_ARGUMENT + 1) == number
    assert refusal(env.call, context, (1,).count, limits.MAX_ARGUMENT + 1) == number
    assert refusal(env.call, context, (7).to_bytes, limits.MAX_ARGUMENT + 1) == number
    # a truth value's methods are not bounded first; their result is still measured
    assert refusal(env.call, context, True.to_bytes, limits.MAX_ARGUMENT + 1) == \
        text_over(LIMIT)
    assert env.call(context, "-".join, iter(["a", "b"])) == "a-b"
    assert refusal(env.call, context, "xx".join, iter("a" * 21)) == text_over(LIMIT)
    assert env.call(context, "-".join, "abc") == "a-b-c"
    assert env.call(context, "-".join, ["a", "b"]) == "a-b"
    assert env.call(context, "ab".upper) == "AB"
    assert env.call(context, {"a": 1}.get, "a") == 1
    assert refusal(env.call, context, lambda: "x" * 61) == text_over(LIMIT)


def test_binary_operators_are_bounded_first(env: UserSandbox) -> None:
    context = Context(env, {}, "m", {})
    assert env.call_binop(context, "*", "ab", 30) == "ab" * 30
    assert refusal(env.call_binop, context, "*", "ab", 31) == text_over(LIMIT)
    assert refusal(env.call_binop, context, "**", 2, 10**6) == \
        "en upphöjning blir för stor för en mall"
    assert env.call_binop(context, "%", "%s", "x" * 58) == "x" * 58
    assert refusal(env.call_binop, context, "%", "%s", "x" * 59) == text_over(LIMIT)
    assert env.call_binop(context, "%", 7, 4) == 3
    assert env.call_binop(context, "+", "x" * 30, "y" * 30) == "x" * 30 + "y" * 30
    assert refusal(env.call_binop, context, "+", "x" * 30, "y" * 31) == text_over(LIMIT)
    assert env.call_binop(context, "-", 7, 4) == 3
    env.stop.set()
    with pytest.raises(Stopped):
        env.call_binop(context, "-", 7, 4)


def test_finalize_measures_every_output_and_keeps_the_renderers_own(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_CHARS", LIMIT)
    plain = UserSandbox()
    plain.limit_filters()
    assert plain.from_string("{{ none }}|{{ t }}").render(t="x" * 60) == "None|" + "x" * 60
    assert refusal(plain.from_string("{{ t }}").render, t="x" * 61) == text_over(LIMIT)
    own = UserSandbox(finalize=lambda value: "" if value is None else value)
    own.limit_filters()
    assert own.from_string("{{ none }}|{{ 1 }}").render() == "|1"
    assert refusal(own.from_string("{{ t }}").render, t="x" * 61) == text_over(LIMIT)


class Local(BaseModel):
    """A model defined outside vastbus: none of its methods is vastbus's."""

    a: int = 1

    def shown(self) -> str:
        return "x"


def test_a_template_may_use_a_models_fields_and_vastbuss_own_methods(env: UserSandbox) -> None:
    category = Labelled(code="a", label="b")
    assert env.is_safe_attribute(category, "label", "b")
    assert env.is_safe_attribute(Labelled, "label", None)
    assert env.is_safe_attribute(Labelled, "of", Labelled.of)
    assert env.is_safe_attribute(Summary, "model_fields", None) is False
    assert env.is_safe_attribute(category, "model_dump", category.model_dump) is False
    assert env.is_safe_attribute(category, "model_copy", category.model_copy) is False
    assert env.is_safe_attribute(Local(), "a", 1)
    assert env.is_safe_attribute(Local(), "shown", Local().shown) is False
    assert sandbox._defined_by_vastbus(Labelled, "of")
    assert not sandbox._defined_by_vastbus(Labelled, "model_dump")
    assert not sandbox._defined_by_vastbus(Local, "shown")
    assert env.is_safe_attribute("ab", "upper", "ab".upper)
    assert env.is_safe_attribute("ab", "_x", None) is False
    assert env.is_safe_attribute({}, "get", {}.get)
    assert env.is_safe_attribute([], "append", [].append) is False  # immutable sandbox
    assert env.is_safe_attribute(object(), "m", re) is False  # a module is never a value
    env.stop.set()
    with pytest.raises(Stopped):
        env.is_safe_attribute("ab", "upper", "ab".upper)


@pytest.mark.parametrize(("value", "public"), [
    ("text", True), (1, True), (1.5, True), (True, True), ((1,), True), (frozenset(), True),
    ({}, True), (None, True), ([1], False), ({1}, False), (limits.chars, True),
    (limits.TooBig, True), (re.compile, False), (re.Pattern, False),
    (limits.TooBig("x"), False), (limits.TextSize(), True), (jinja2.Environment, False), (len, False),
])
def test_what_a_template_may_use_of_a_module(value: Any, public: bool) -> None:
    assert sandbox._own_public(value) is public


def test_a_module_attribute_follows_the_rule_for_modules(env: UserSandbox) -> None:
    assert env.is_safe_attribute(limits, "chars", limits.chars)
    assert env.is_safe_attribute(limits, "MAX_CHARS", limits.MAX_CHARS)
    assert env.is_safe_attribute(limits, "re", re) is False
    assert env.is_safe_attribute(limits, "itertools", limits.itertools) is False
    assert env.is_safe_attribute(limits, "Callable", limits.Callable) is False


def test_too_big_is_the_argument_rule() -> None:
    assert sandbox._too_big(limits.MAX_ARGUMENT + 1)
    assert not sandbox._too_big(limits.MAX_ARGUMENT)
    assert not sandbox._too_big("x" * 10)


def test_param_takes_the_position_then_the_keyword_then_the_default() -> None:
    assert sandbox._param(("a", "b"), {"n": "k"}, 1, "n", "d") == "b"
    assert sandbox._param(("a",), {"n": "k"}, 1, "n", "d") == "k"
    assert sandbox._param(("a",), {}, 1, "n", "d") == "d"
    assert sandbox._param((), {}, 0, "n", None) is None


def test_each_filters_own_check_refuses_before_the_filter_runs(env: UserSandbox) -> None:
    """The checks called directly: through a template the result's size check would refuse
    the same text after it was built, and hide a check that let it through."""
    items = ["a" * 30, "b" * 30]
    assert sandbox._join(env, iter(items), (), {}) == items
    assert refusal(env.guard, sandbox._join, env, items, ("-",), {}) == text_over(LIMIT)
    assert refusal(env.guard, sandbox._join, env, items, (), {"d": "-"}) == text_over(LIMIT)
    assert sandbox._join(env, ["a" * 30, "b" * 29], ("-",), {}) == ["a" * 30, "b" * 29]
    text = "b" * 20
    assert sandbox._replace(env, text, ("b", "cc"), {}) == text
    assert refusal(env.guard, sandbox._replace, env, text, ("b", "ccc"), {}) == text_over(LIMIT)
    assert refusal(env.guard, sandbox._replace, env, text, (), {"old": "b", "new": "ccc"}) == \
        text_over(LIMIT)
    assert refusal(env.guard, sandbox._replace, env, "b" * 12, (), {"new": "cccc"}) == \
        text_over(LIMIT)  # no `old`: "" is before every character, 12 + 13 * 4
    assert sandbox._replace(env, text, ("b", "cccc", 10), {}) == text
    assert sandbox._replace(env, text, ("b", "cccc"), {"count": 10}) == text
    assert refusal(env.guard, sandbox._replace, env, text, ("b", "cccc", 11), {}) == \
        text_over(LIMIT)
    two_lines = "a\nbcd"
    assert sandbox._indent(env, "a\nb", (28,), {}) == "a\nb"
    assert refusal(env.guard, sandbox._indent, env, two_lines, (28,), {}) == text_over(LIMIT)
    assert refusal(env.guard, sandbox._indent, env, two_lines, (), {"width": 28}) == \
        text_over(LIMIT)
    assert refusal(env.guard, sandbox._indent, env, "a\n" * 9 + "bbb", (), {}) == \
        text_over(LIMIT)
    assert sandbox._indent(env, "a\n" * 9 + "bb", (), {}) == "a\n" * 9 + "bb"
    words = "a " * 14 + "a"  # 29 characters, at most 30 lines
    assert sandbox._wordwrap(env, words, (1,), {}) == words
    assert sandbox._wordwrap(env, words, (1, True, None), {}) == words
    assert refusal(env.guard, sandbox._wordwrap, env, words, (1, True, "yy"), {}) == \
        text_over(LIMIT)
    assert refusal(env.guard, sandbox._wordwrap, env, words, (1,), {"wrapstring": "yy"}) == \
        text_over(LIMIT)
    assert sandbox._sum(env, [1], (), {}) == [1]
    assert sandbox._sum(env, [1], (None, 2.5), {}) == [1]
    with pytest.raises(limits.TooBig):
        sandbox._sum(env, [[1]], (None, []), {})
    with pytest.raises(limits.TooBig):
        sandbox._sum(env, [[1]], (), {"start": []})
