"""The sizes render/limits.py computes, at their boundaries, and the sandbox and loader
driven directly (fast enough for the mutation run, docs/mutation.md "sandbox")."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import jinja2
import pytest

from vastbus_cli.render import limits, sandbox, user_template
from vastbus_cli.render.limits import MAX_CHARS, SLOT, TextSize, TooBig

M = MAX_CHARS


def refused(check: Any, *args: Any) -> str:
    with pytest.raises(TooBig) as caught:
        check(*args)
    return caught.value.what


TEXT = "en text eller lista blir större än 20\u00a0000\u00a0000 tecken"
NUMBER = "ett tal eller en bredd är för stort för en mall"


def test_size_counts_characters_slots_and_brackets() -> None:
    assert limits.size("abc") == 3
    assert limits.size(b"ab") == 2
    assert limits.size(bytearray(b"abcd")) == 4
    assert limits.size(7) == 1
    assert limits.size(["ab", 1]) == 2 + 2 * SLOT + 2 + 1
    assert limits.size({"a": "bc"}) == 2 + 1 * SLOT + 1 + 2
    assert limits.size((("a",),)) == 2 + SLOT + 2 + SLOT + 1
    assert limits.size({1, 2}) == 2 + 2 * SLOT + 2
    assert limits.size(frozenset({"abc"})) == 2 + SLOT + 3
    assert limits.size(["x" * 10], budget=5) == 6
    assert limits.size(["x" * 10], budget=20) == 2 + SLOT + 10
    assert limits.size(["x" * 10], budget=19) == 20
    assert limits.size(iter([1, 2])) == 1


def test_size_walks_deep_lists_without_recursion() -> None:
    nested: list[Any] = []
    for _ in range(100_000):
        nested = [nested]
    assert limits.size(nested) == 100_000 * (2 + SLOT) + 2


def test_text_size_bounds_the_text_of_each_kind() -> None:
    size = TextSize()
    assert size("abc") == 3
    assert size(["abc"]) == 2 + 2 + 5
    assert size(["a'b"]) == 2 + 2 + 5
    assert size(["a'\"b"]) == 2 + 2 + 4 * 4 + 2
    assert size(["a\\b"]) == 2 + 2 + 4 * 3 + 2
    assert size(["a\nb"]) == 2 + 2 + 4 * 3 + 2
    assert size(b"ab") == 4 * 2 + 3
    assert size(bytearray(b"ab")) == 4 * 2 + 3
    assert size(True) == 5 and size(None) == 5 and size(False) == 5
    assert size(10**30) == (10**30).bit_length() // 3 + 2
    assert size(-1) >= len("-1")
    assert size(1.5) == 64 and size(1j) == 64
    assert size({"a": 1}) == 2 + 1 * 2 + 3 + 2
    assert size("x" * 30, 10) == 11


class Shown:
    """An object whose str and repr differ, counted once."""

    calls = 0

    def __str__(self) -> str:
        Shown.calls += 1
        return "s" * 10

    def __repr__(self) -> str:
        return "r" * 20


def test_text_size_of_another_object_is_its_text_computed_once() -> None:
    Shown.calls = 0
    size = TextSize()
    value = Shown()
    assert size(value) == 10
    assert size(value) == 10
    assert Shown.calls == 1
    assert TextSize()([Shown()]) == 2 + 2 + 20


def test_every_int_prints_within_its_text_size() -> None:
    size = TextSize()
    for n in (0, 1, 9, 10, 99, 100, 2**64, -(10**50), 10**4000 - 1):
        assert len(str(n)) <= size(n)


@pytest.mark.parametrize(("base", "exponent", "ok"), [
    (2, limits.MAX_INT_BITS, True), (2, limits.MAX_INT_BITS + 1, False),
    (3, limits.MAX_INT_BITS, True), (3, limits.MAX_INT_BITS + 1, False),
    (4, limits.MAX_INT_BITS // 2, True), (4, limits.MAX_INT_BITS // 2 + 1, False),
    (1, 10**100, True), (-1, 10**100, True), (0, 10**100, True),
    (2.0, 10**100, True), (10, -(10**9), True), (True, 10**100, True),
    (10, 2.5, True), ("x", 10**9, True),
])
def test_a_power_is_refused_when_its_result_has_too_many_bits(base: Any, exponent: Any,
                                                              ok: bool) -> None:
    if ok:
        limits.check_power(base, exponent)
    else:
        assert refused(limits.check_power, base, exponent) == \
            "en upphöjning blir för stor för en mall"


def test_a_product_of_whole_numbers_is_refused_past_the_bits() -> None:
    half = 1 << (limits.MAX_INT_BITS // 2 - 1)
    limits.check_product(half, half)
    assert refused(limits.check_product, half << 1, half) == \
        "en multiplikation blir för stor för en mall"
    limits.check_product(True, 10**30000)
    limits.check_product(1.5, 10**30000)


@pytest.mark.parametrize(("left", "right", "ok"), [
    ("x", M, True), ("x", M + 1, False), (M, "x", True), (M + 1, "x", False),
    ("xx", M // 2, True), ("xx", M // 2 + 1, False), (b"x", M + 1, False),
    ([0], M // (SLOT + 3), True), ([0], M // (SLOT + 3) + 1, False),
    ((0,), M // (SLOT + 3) + 1, False), ("x" * M, 1, True), ("x" * (M + 1), 1, True),
    ("x", 1.5, True), ("x", True, True), ([0], -5, True),
])
def test_a_repetition_is_refused_past_the_limit(left: Any, right: Any, ok: bool) -> None:
    if ok:
        limits.check_product(left, right)
    else:
        assert refused(limits.check_product, left, right) == TEXT


def test_a_sum_of_texts_or_lists_is_refused_past_the_limit() -> None:
    limits.check_sum("x" * (M - 1), "x")
    assert refused(limits.check_sum, "x" * M, "x") == TEXT
    limits.check_sum(10**30, 10**30)


def test_widths_sums_every_run_of_digits() -> None:
    assert limits.widths("%5.2f and {:>30}") == 37
    assert limits.widths("none") == 0
    assert limits.widths("12345678") == 12_345_678
    assert limits.widths("123456789") == M + 1


def test_percent_formatting_counts_widths_values_and_stars() -> None:
    size = TextSize()
    limits.check_percent("%" + str(M - 20) + "d", 1, size)
    assert refused(limits.check_percent, "%" + str(M + 1) + "d", 1, size) == NUMBER
    assert refused(limits.check_percent, "%*d", (M + 1, 1), size) == NUMBER
    limits.check_percent("%*d", (M - 20, 1), size)
    limits.check_percent("%d", (M + 1,), size)  # no star: a value is not a width
    assert refused(limits.check_percent, "%s%s", ("x" * (M // 2), "x" * (M // 2)), size) == TEXT
    limits.check_percent("%s%s", ("x" * (M // 2 - 2), "x" * (M // 2 - 2)), size)
    assert refused(limits.check_percent, "%(a)s%(b)s",
                   {"a": "x" * (M // 2), "b": "x" * (M // 2)}, size) == TEXT
    assert refused(limits.check_percent, "%s", "x" * (M + 1), size) == TEXT
    limits.check_percent("%s", "x" * (M - 2), size)


def test_a_format_field_counts_its_value_and_its_spec() -> None:
    size = TextSize()
    assert limits.check_field("abc", ">10", size) == 13
    assert refused(limits.check_field, 1, ">" + str(M + 1), size) == NUMBER
    limits.check_field(1, ">" + str(M - 2), size)
    assert refused(limits.check_field, 1, ">" + str(M), size) == TEXT


def bound(obj: Any, name: str, *args: Any, **kwargs: Any) -> int | None:
    return limits.method_bound(obj, name, args, kwargs, TextSize())


def test_method_bounds_of_the_methods_that_grow() -> None:
    assert bound("abc", "center", 10) == 10
    assert bound("abc", "ljust", 2) == 3
    assert bound("abc", "rjust", "x") == 3
    assert bound("abc", "zfill", 7) == 7
    assert bound("a\tb\t", "expandtabs", 10) == 4 + 2 * 10
    assert bound("a\tb\t", "expandtabs") == 4 + 2 * 8
    assert bound("a\tb", "expandtabs", -3) == 3
    assert bound(b"a\t", "expandtabs", 4) == 2 + 4
    assert bound("xax", "replace", "a", "yyy") == 3 + 3
    assert bound("xax", "replace", "", "yy") == 3 + 4 * 2
    assert bound("aaa", "replace", "a", "yy", 2) == 3 + 2 * 2
    assert bound("aaa", "replace", "a", "yy", -1) == 3 + 3 * 2
    assert bound("aaa", "replace", "a", "yy", 0) == 3
    assert bound("aaa", "replace", 1, "yy") == 3
    assert bound("aaa", "replace", "a", 1) == 3
    assert bound("aaa", "replace", "a") is None
    assert bound("--", "join", ["ab", "c"]) == 3 + 2
    assert bound("--", "join", ["ab"]) == 2
    assert bound("--", "join", []) == 0
    assert bound("--", "join", "abc") is None
    assert bound("ab", "translate", {97: "xyz"}) == 2 * 3
    assert bound("ab", "translate", {}) == 2
    assert bound("ab", "translate", ["", "xyzw"]) == 2 * 4
    assert bound("ab", "translate", 5) == 2
    assert bound("a b", "split") == 3 + SLOT * 4
    assert bound("a b", "splitlines") == 3 + SLOT * 4
    assert bound("ab", "upper") == 6
    assert bound("ab", "casefold") == 6
    assert bound("ab", "strip") is None
    assert bound(b"ab", "translate", {97: "xyz"}) is None
    assert bound(5, "to_bytes", 100) == 100
    assert bound(5, "to_bytes", length=30) == 30
    assert bound(5, "to_bytes") == 1
    assert bound(5, "bit_length") is None
    assert bound([1], "count", 1) is None


def test_indent_and_wordwrap_bounds() -> None:
    limits.check_indent("a\n" * 9, M // 10 - 2)
    assert refused(limits.check_indent, "a\n" * 9, M // 10) == TEXT
    assert refused(limits.check_indent, "a\n" * 9, "x" * (M // 10)) == TEXT
    limits.check_indent("a\n" * 9, "x" * (M // 10 - 2))
    limits.check_indent("a\n" * 9, -(10**9))
    limits.check_indent("a" * (M - 4), None)
    assert refused(limits.check_indent, "a" * (M - 3), None) == TEXT
    limits.check_wordwrap("a" * 9, "x" * (M // 10 - 1))
    assert refused(limits.check_wordwrap, "a" * 9, "x" * (M // 10)) == TEXT
    limits.check_wordwrap("a" * (M // 2 - 1), None)
    assert refused(limits.check_wordwrap, "a" * (M // 2), "") == TEXT


def test_argument_bound_and_result_checks() -> None:
    limits.check_bound(None)
    limits.check_bound(M)
    assert refused(limits.check_bound, M + 1) == TEXT
    for fine in (limits.MAX_ARGUMENT, -limits.MAX_ARGUMENT, True, "x" * (M + 5), 1.0):
        limits.check_argument(fine)
    for big in (limits.MAX_ARGUMENT + 1, -limits.MAX_ARGUMENT - 1, 1e9):
        assert refused(limits.check_argument, big) == NUMBER
    assert limits.check_result("x" * M) == "x" * M
    assert refused(limits.check_result, "x" * (M + 1)) == TEXT
    assert limits.check_result(1 << (limits.MAX_INT_BITS - 1)) > 0
    assert refused(limits.check_result, 1 << limits.MAX_INT_BITS) == TEXT
    assert limits.chars(1234567) == "1\u00a0234\u00a0567"


# ---- the sandbox and the loader, driven without the CLI ----------------------------------

def render(tmp_path: Path, text: str | bytes, **parts: str | bytes) -> str:
    files = {"mall.md": text, **parts}
    paths = []
    for name, content in files.items():
        path = tmp_path / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        paths.append(path)
    env = sandbox.UserSandbox(loader=user_template.NamedFiles(paths),
                              undefined=jinja2.StrictUndefined)
    env.limit_filters()
    return user_template.render(env, "mall.md", {"n": 3, "s": "abc"}, seconds=10)


def said(tmp_path: Path, text: str | bytes, **parts: str | bytes) -> str:
    with pytest.raises(user_template.Unusable) as caught:
        render(tmp_path, text, **parts)
    return caught.value.message


@pytest.mark.parametrize(("text", "out"), [
    ("{{ s ~ n ~ [1] }}", "abc3[1]"),
    ("{{ '{:>5}|{!r}'.format(n, s) }}", "    3|'abc'"),
    ("{{ '{a}'.format_map({'a': n}) }}", "3"),
    ("{{ '%3d%s' % (n, s) }}", "  3abc"),
    ("{{ s * 2 }}{{ [1] * 2 }}{{ 2 ** 10 }}{{ 7 * 6 }}{{ s + 'd' }}{{ 7 % 4 }}", "abcabc[1, 1]1024"
                                                                               "42abcd3"),
    ("{{ s|center(7) }}|{{ 'a\nb'|indent(2) }}|{{ [s, s]|join('-') }}", "  abc  |a\n  b|abc-abc"),
    ("{{ 'a b c'|wordwrap(1) }}", "a\nb\nc"),
    ("{{ s|replace('b', 'xx') }}{{ '%s!'|format(s) }}{{ [1, 2]|sum }}", "axxcabc!3"),
    ("{{ s.upper() }}{{ s.ljust(4) }}|{{ '-'.join(['a', 'b']) }}{{ '-'.join(s) }}",
     "ABCabc |a-ba-b-c"),
    ("{% set t %}x{{ s }}{% endset %}{{ t }}{% macro m() %}m{% endmacro %}{{ m() }}", "xabcm"),
    ("{% filter upper %}a{{ s }}{% endfilter %}{{ s|list|length }}{{ s|string }}", "AABC3abc"),
    ("{{ n|string }}{{ s|e }}{{ s|tojson }}{{ range(3)|list }}", '3abc"abc"[0, 1, 2]'),
    ("{% set ns = namespace(a=1) %}{% set ns.a = s %}{{ ns.a }}", "abc"),
])
def test_ordinary_templates_render_as_jinja_renders_them(tmp_path: Path, text: str,
                                                         out: str) -> None:
    assert render(tmp_path, text) == out


@pytest.mark.parametrize(("text", "message"), [
    ("{{ s * 10**8 }}", "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("\n{{ '{:>999999999}'.format(1) }}", "Mallen mall.md stoppades på rad 2: " + NUMBER + "."),
    ("{{ '{0}{0}'.format('x' * 10**7 + 'x') }}", "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{{ '{a}{a}'.format_map({'a': 'x' * 10**7 + 'x'}) }}",
     "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{{ '{!r}'.format(['x' * 10**7, 'x' * 10**7]) }}", "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{% set t = 'x' * 10**7 %}{{ t ~ t ~ 'x' }}", "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{% set t = 'x' * 10**7 %}{% set u %}{{ t }}{{ t }}x{% endset %}",
     "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{% set t = 'x' * 10**7 %}{% set u %}{{ t }}{% endset %}{{ [u, u, 'x'] }}",
     "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{{ 'x'|center(10**6 + 1) }}", "Mallen mall.md stoppades på rad 1: filtret center fick "
                                    "ett för stort tal."),
    ("{{ 'x'|truncate(length=10**6 + 1) }}", "Mallen mall.md stoppades på rad 1: filtret "
                                              "truncate fick ett för stort tal."),
    ("{{ ('x' * 10**7)|e|e }}", "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{{ ('x' * (4 * 10**6 + 1))|e }}", "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{{ ('x' * 3 * 10**6)|list }}", "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{{ ('x\\n' * 5 * 10**6)|indent('xx') }}", "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{{ ('x ' * 10**3)|wordwrap(1, wrapstring='y' * 10**4) }}",
     "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{{ ('x' * 10**4)|replace('', 'y' * 2000) }}", "Mallen mall.md stoppades på rad 1: "
                                                     + TEXT + "."),
    ("{{ ('x' * 10**4)|replace('x', 'y' * 2000, 10**4) }}",
     "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{{ ['x' * 10**7, 'x' * 10**7]|join('y') }}", "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{{ 'x'.join(['y' * 10**7, 'y' * 10**7]) }}", "Mallen mall.md stoppades på rad 1: "
                                                   + TEXT + "."),
    ("{{ 'x'.ljust(10**6 + 1) }}", "Mallen mall.md stoppades på rad 1: " + NUMBER + "."),
    ("{{ (1).to_bytes(10**6 + 1, 'big') }}", "Mallen mall.md stoppades på rad 1: " + NUMBER + "."),
    ("{{ ('x' * 10**7).upper() }}", "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{{ ('%s' * 3)|format('x' * 10**7, 'x' * 10**7, 1) }}",
     "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{{ [1]|sum(start=[]) }}", "Mallen mall.md stoppades på rad 1: filtret sum räknar bara "
                                "ihop tal i en egen mall."),
    ("{{ [[1]]|sum([], []) }}", "Mallen mall.md stoppades på rad 1: filtret sum räknar bara "
                                "ihop tal i en egen mall."),
    ("{{ 3 ** (10**6) }}", "Mallen mall.md stoppades på rad 1: en upphöjning blir för stor för "
                         "en mall."),
    ("{% set ns = namespace() %}{% set ns.a = ['x' * 10**7] + ['x' * 10**7] %}",
     "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{% set ns = namespace() %}{% set ns.a = ['x'] * (2 * 10**6) %}",
     "Mallen mall.md stoppades på rad 1: " + TEXT + "."),
    ("{{ range.__call__ }}", "Mallen mall.md stoppades på rad 1: attributet '__call__' (hos "
                             "function) får inte användas i en egen mall."),
    ("{{ cycler.mro() }}", "Mallen mall.md stoppades på rad 1: attributet 'mro' (hos type) får "
                           "inte användas i en egen mall."),
    ("{{ joiner.__init__.__globals__ }}", "Mallen mall.md stoppades på rad 1: attributet "
                                          "'__init__' (hos type) får inte användas i en egen mall."),
    ("{{ ().__class__.__base__.__subclasses__() }}",
     "Mallen mall.md stoppades på rad 1: attributet '__class__' (hos tuple) får inte användas "
     "i en egen mall."),
])
def test_the_sandbox_stops_each_operation_that_would_grow_too_large(tmp_path: Path, text: str,
                                                                    message: str) -> None:
    assert said(tmp_path, text).startswith(message)


def test_the_output_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_CHARS", 10)
    assert render(tmp_path, "{{ 'x' * 5 }}{{ 'y' * 5 }}") == "xxxxxyyyyy"
    assert said(tmp_path, "{{ 'x' * 5 }}\n{{ 'y' * 6 }}") == \
        "Mallen mall.md stoppades: sammanställningen blir större än 10 tecken."


def test_the_time_limit_names_the_running_line(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "SECONDS", 3.0)
    path = tmp_path / "mall.md"
    path.write_text("a\n\n{% for i in range(99999) %}{% for j in range(99999) %}{{ j|abs }}"
                    "{% endfor %}{% endfor %}", encoding="utf-8")
    env = sandbox.UserSandbox(loader=user_template.NamedFiles([path]))
    env.limit_filters()
    with pytest.raises(user_template.Unusable) as caught:
        user_template.render(env, "mall.md", {})
    assert caught.value.message == ("Mallen mall.md stoppades på rad 3: mallen tog längre tid "
                                    "än 3 sekunder.")
    assert env.stop.is_set()


@pytest.mark.parametrize(("text", "message"), [
    ("a\n{{ 1 / 0 }}", "Mallen mall.md kan inte användas (rad 2): den delar med noll."),
    ("a\n{{ x }}", "Mallen mall.md kan inte användas (rad 2): den använder ett namn eller "
                   "attribut som inte finns."),
    ("a\n{{ 1 + s }}", "Mallen mall.md kan inte användas (rad 2): ett värde har fel typ för det "
                       "mallen gör med det."),
    ("a\n{{ s.index('z') }}", "Mallen mall.md kan inte användas (rad 2): ett värde kan inte "
                              "användas till det mallen gör med det."),
    ("a\n{{ {}.__getitem__ }}", "Mallen mall.md stoppades på rad 2: attributet '__getitem__' "
                                "(hos dict) får inte användas i en egen mall."),
    ("a\n{{ [1][5] + 1 }}", "Mallen mall.md kan inte användas (rad 2): den använder ett namn "
                            "eller attribut som inte finns."),
    ("a\n{% include 'b.j2' %}", "Mallen mall.md kan inte användas (rad 2): den vill läsa filen "
                                "'b.j2', som inte är angiven med --template."),
    ("a\n{% include ['b.j2', 'c.j2'] %}", "Mallen mall.md kan inte användas (rad 2): den vill "
                                          "läsa filen 'b.j2', 'c.j2', som inte är angiven"),
    ("a\n{% for %}", "Mallen mall.md har ett syntaxfel på rad 2."),
    ("a\n{{ ' ' * 3 }}" + "(" * 101, "Mallen mall.md kan inte användas (rad 2): parenteserna är "
                                     "nästlade för djupt (högst 100 nivåer)."),
    ("{{ (((1))) }}" + "\n{% if 1 %}" * 16 + "{% endif %}" * 16,
     "Mallen mall.md kan inte användas (rad 17): blocken är nästlade för djupt (högst 15 "
     "nivåer)."),
    ("a\n\n" + "9" * 4301, "Mallen mall.md kan inte användas (rad 3): ett tal har fler än "
                           "4\u00a0300 siffror."),
    ("a\n{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}",
     "Mallen mall.md stoppades på rad 2: mallen anropar sig själv för djupt."),
    ("a\n{{ 10.0 ** 400 }}", "Mallen mall.md stoppades på rad 2: ett intervall eller tal är för "
                             "stort för en mall (range högst 100 000)."),
    ("a\n{{ caller() }}", "Mallen mall.md kan inte användas (rad 2): den använder ett namn "
                          "eller attribut som inte finns."),
    ("a\n{% extends 'mall.md' %}", "Mallen mall.md stoppades på rad 2: mallen anropar sig själv "
                                   "för djupt."),
])
def test_every_error_is_a_swedish_sentence_with_the_line(tmp_path: Path, text: str,
                                                         message: str) -> None:
    assert said(tmp_path, text).startswith(message)


def test_nesting_within_the_limits_is_fine(tmp_path: Path) -> None:
    text = "(" * 100 + "1" + ")" * 100 + "{% if 1 %}" * 15 + "x" + "{% endif %}" * 15
    assert render(tmp_path, text).endswith("x")
    assert render(tmp_path, "9" * 4300) == "9" * 4300


def test_a_part_is_named_in_its_own_error(tmp_path: Path) -> None:
    assert said(tmp_path, "a\n{% include 'del.j2' %}", **{"del.j2": "\n\n{{ 1 / 0 }}"}) == \
        "Mallen del.j2 kan inte användas (rad 3): den delar med noll."
    assert said(tmp_path, "{% include 'del.j2' %}", **{"del.j2": b"a\r\nb\n\xff"}) == \
        "Mallen del.j2 kan inte användas (rad 3): den är inte sparad som UTF-8."
    assert said(tmp_path, "{% include 'del.j2' %}", **{"del.j2": "a\n{% if %}"}) == \
        "Mallen del.j2 har ett syntaxfel på rad 2."
    assert render(tmp_path, "\ufeff{% include 'del.j2' %}", **{"del.j2": "\ufeffok"}) == "ok"


def test_a_template_that_cannot_be_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(user_template, "MAX_TEMPLATE_BYTES", 5)
    assert render(tmp_path, "12345") == "12345"
    assert said(tmp_path, "123456") == ("Mallen mall.md är större än 5 byte; en mall kan inte "
                                        "vara så stor.")
    env = sandbox.UserSandbox(loader=user_template.NamedFiles([tmp_path / "borta.md"]))
    with pytest.raises(user_template.Unusable) as caught:
        user_template.render(env, "borta.md", {})
    assert caught.value.message == "Mallen borta.md kan inte läsas (No such file or directory)."


@pytest.mark.parametrize(("names", "problem"), [
    (["a.md", "b.j2", "c.md.j2"], None),
    (["a.md"], None),
    ([".a.md"], "Mallen .a.md är en dold fil; en mall får inte vara dold."),
    (["a.md", ".b.j2"], "Mallen .b.j2 är en dold fil; en mall får inte vara dold."),
    (["a.md", "b.md"], "Mallen b.md ska heta något som slutar på .j2 för att en annan mall ska "
                       "få läsa den."),
    (["a.j2", "x/a.j2"], "Två mallar heter a.j2; mallarna måste ha olika filnamn."),
])
def test_files_problem(names: list[str], problem: str | None) -> None:
    assert user_template.files_problem([Path(n) for n in names]) == problem


def render_with(tmp_path: Path, text: str, **context: Any) -> str:
    path = tmp_path / "mall.md"
    path.write_text(text, encoding="utf-8")
    env = sandbox.UserSandbox(loader=user_template.NamedFiles([path]),
                              undefined=jinja2.StrictUndefined)
    env.limit_filters()
    try:
        return user_template.render(env, "mall.md", context, seconds=10)
    except user_template.Unusable as exc:
        return exc.message


STOP = "Mallen mall.md stoppades på rad 1: en text eller lista blir större än 10 tecken."


@pytest.mark.parametrize(("text", "out"), [
    ("{{ 'aaaaa' ~ 'bbbbb' }}", "aaaaabbbbb"),
    ("{{ 'aaaaa' ~ 'bbbbbb' }}", STOP),
    ("{{ 'aaaaaaaaaa' ~ '' }}", "aaaaaaaaaa"),
    ("{{ 'aaaaaaaaa' ~ [] }}", STOP),
    ("{% set t %}{{ 'aaaaa' }}{{ 'bbbbb' }}{% endset %}{{ t }}", "aaaaabbbbb"),
    ("{% set t %}{{ 'aaaaa' }}{{ 'bbbbbb' }}{% endset %}{{ t }}", STOP),
    ("{{ 'ab'|replace('b', 'yyyy', 2) }}", "ayyyy"),
    ("{{ 'abb'|replace('b', 'yyyy') }}", STOP),
    ("{{ 'abbb'|replace('b', 'yyy', 1) }}", "ayyybb"),
    ("{{ 'abbb'|replace('b', 'yyy', count=1) }}", "ayyybb"),
    ("{{ 'abb'|replace(old='b', new='yyyy') }}", STOP),
    ("{{ 'ab'|replace(old='b', new='yyyyyyyy') }}", "ayyyyyyyy"),
    ("{{ 'ab'|replace('', 'yyy') }}", STOP),
    ("{{ ['aaaa', 'bbbb']|join('--') }}", "aaaa--bbbb"),
    ("{{ ['aaaa', 'bbbb']|join('---') }}", STOP),
    ("{{ ['aaaa', 'bbbb']|join(d='---') }}", STOP),
    ("{{ range(3)|map('string')|join('-') }}", "0-1-2"),
    ("{{ 'a b'|wordwrap(1, True, 'yyyy') }}", STOP),
    ("{{ 'a b'|wordwrap(1, wrapstring='yyyy') }}", STOP),
    ("{{ 'a b'|wordwrap(1, True, 'y') }}", "ayb"),
    ("{{ 'ab\nc'|indent(3) }}", "ab\n   c"),
    ("{{ 'ab\\nc'|indent(width=4) }}", STOP),
    ("{{ [1, 2]|sum(start=1) }}", "4"),
    ("{{ ([1, 2]|sum(none, 0.5)) > 3 }}", "True"),
    ("{{ [[1]]|sum(none, []) }}", STOP.replace(
        "en text eller lista blir större än 10 tecken", "filtret sum räknar bara ihop tal i en "
                                                        "egen mall")),
    ("{{ '%s'|format('aaaaaaaa') }}", "aaaaaaaa"),
    ("{{ '%s'|format('aaaaaaaaa') }}", STOP),
    ("{{ '%(a)s'|format(a='aaaaaaaaa') }}", STOP),
    ("{% set ns = namespace() %}{% set ns.a = 'aaaaaaaaaa' %}{{ ns.a }}", "aaaaaaaaaa"),
    ("{% set ns = namespace() %}{% set ns.a = 'aaaaaaaaaa' ~ '' %}{% set ns.b = ns.a + 'b' %}",
     STOP),
])
def test_limits_at_their_boundary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str,
                                  out: str) -> None:
    monkeypatch.setattr(limits, "MAX_CHARS", 10)
    assert render_with(tmp_path, text) == out


def test_a_template_sees_vastbus_functions_and_fields_only(tmp_path: Path) -> None:
    from reportfactory import sample_summary

    summary = sample_summary()
    assert render_with(tmp_path, "{{ m.MAX_ARGUMENT }} {{ m.chars(1000) }}", m=limits) == \
        "1000000 1\u00a0000"
    assert render_with(tmp_path, "{{ s.year }}", s=summary) == str(summary.year)
    for text, attribute in (("{{ m.itertools }}", "itertools"), ("{{ m.re }}", "re"),
                            ("{{ m.Callable }}", "Callable"),
                            ("{{ s.model_dump() }}", "model_dump"),
                            ("{{ s.model_validate }}", "model_validate")):
        said_here = render_with(tmp_path, text, m=limits, s=summary)
        assert f"attributet '{attribute}'" in said_here and "får inte användas" in said_here


def test_the_running_line_is_found_in_a_suspended_template(tmp_path: Path) -> None:
    """The worker can be between two pieces of output when the time is up: the line is then
    the one the template's own generator stopped on, below Jinja2's `Template.generate`."""
    path = tmp_path / "mall.md"
    path.write_text("a\n\n{% for i in range(3) %}{{ i }}{% endfor %}", encoding="utf-8")
    env = sandbox.UserSandbox(loader=user_template.NamedFiles([path]))
    chunks = env.get_template("mall.md").generate()
    assert next(chunks) == "a\n\n"
    assert next(chunks) == "0"
    parked = threading.Event()
    elsewhere = threading.Thread(target=parked.wait, daemon=True)
    elsewhere.start()
    try:
        assert user_template._running_line(env, elsewhere, {str(path): "mall.md"}, chunks) == \
            ("mall.md", 3)
        assert user_template._running_line(env, elsewhere, {str(path): "mall.md"}, None) == \
            (None, None)
    finally:
        parked.set()


def test_each_bound_at_the_edge_the_first_run_left_open() -> None:
    """The survivors of the first mutation run of limits.py (docs/mutation.md "sandbox")."""
    size = TextSize()
    big = 1 << (limits.MAX_INT_BITS + 1)  # MAX_INT_BITS + 2 bits: its own power 1 has more
    assert refused(limits.check_power, big, 1) == "en upphöjning blir för stor för en mall"
    limits.check_power(big >> 1, 1)
    assert refused(limits.check_product, "x" * (M // 2 + 1), 2) == TEXT
    limits.check_product("x" * (M // 2), 2)
    assert refused(limits.check_sum, "x", "x" * M) == TEXT
    # a width of exactly the limit is no number too large, but the text is
    assert refused(limits.check_percent, "%" + str(M) + "d", 1, size) == TEXT
    assert refused(limits.check_percent, "%*s", (M // 2, "x" * (M // 2)), size) == TEXT
    assert refused(limits.check_percent, "%10000000s", "x" * 10_000_000, size) == TEXT
    limits.check_percent("%(k)s", {"k" * M: "x"}, size)  # only the values are printed
    assert bound("", "center", "x") == 0
    assert bound("", "center") == 0
    assert bound(5, "to_bytes", byteorder="big", length=30) == 30
    limits.check_indent("a" * M, 0)
    limits.check_indent("a" * M, -5)
    limits.check_wordwrap("aa", "x" * 6_666_666)  # 2 + 3 * 6 666 666 = MAX_CHARS
