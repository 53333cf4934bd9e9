"""A hostile template set (issue #25.4): no single operation builds past the output limit
or runs past the time limit, and every runtime error is a Swedish message with the
template's line, exit 1, never 'internt fel'. Through the CLI, as a coordinator runs it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from usertemplates import compile_with, report_folder

BIG = "{% set s = 'x' * 19000000 %}"
TEXT = "en text eller lista blir större än 20 000 000 tecken"
NUMBER = "ett tal eller en bredd är för stort för en mall"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return report_folder(tmp_path_factory.mktemp("mallar"))


# each case on line 2 of its template; the message after "Mallen mall.md "
STOPPED = {
    "concat": (BIG + "\n{{ s ~ s ~ s }}", TEXT),
    "concat doubling": ("{% set ns = namespace(s='x') %}\n{% for i in range(40) %}"
                        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}", TEXT),
    "format width": ("\n{{ '{:>400000000}'.format(1) }}", NUMBER),
    "format nested width": ("\n{{ '{:>{}}'.format(1, 400000000) }}", NUMBER),
    "format width from a list": ("\n{{ '{:>{0[0]}}'.format([400000000]) }}", NUMBER),
    "format_map width": ("\n{{ '{a:>400000000}'.format_map({'a': 1}) }}", NUMBER),
    "format repeated field": (BIG + "\n{{ '{0}{0}{0}'.format(s) }}", TEXT),
    "format !r of a list": (BIG + "\n{{ '{0!r}'.format([s, s]) }}", TEXT),
    "percent width": ("\n{{ '%400000000d' % 1 }}", NUMBER),
    "percent star": ("\n{{ '%*d' % (400000000, 1) }}", NUMBER),
    "percent values": (BIG + "\n{{ '%s%s' % (s, s) }}", TEXT),
    "format filter": ("\n{{ '%400000000s'|format('x') }}", NUMBER),
    "indent width": ("{% set s = '\\n' * 1000000 %}\n{{ s|indent(1000) }}", TEXT),
    "indent text": ("{% set s = '\\n' * 100000 %}\n{{ s|indent(s) }}", TEXT),
    "join items": (BIG + "\n{{ [s, s]|join }}", TEXT),
    "join separator": (BIG + "\n{{ ['a', 'b', 'c']|join(s) }}", TEXT),
    "join method": (BIG + "\n{{ s.join(['a', 'b', 'c']) }}", TEXT),
    "join method on a range": ("{% set s = 'x' * 1000 %}\n{{ s.join(range(30000)|map('string')) }}",
                               TEXT),
    "center": ("\n{{ 'x'|center(400000000) }}", "filtret center fick ett för stort tal"),
    "wordwrap": ("{% set s = 'x ' * 100000 %}\n{{ s|wordwrap(1, wrapstring='y' * 1000) }}",
                 TEXT),
    "expandtabs": ("{% set s = '\\t' * 1000000 %}\n{{ s.expandtabs(1000) }}", TEXT),
    "replace": ("{% set s = 'x' * 1000000 %}\n{{ s.replace('x', 'y' * 1000) }}", TEXT),
    "replace filter": ("{% set s = 'x' * 1000000 %}\n{{ s|replace('', 'y' * 30) }}", TEXT),
    "translate": ("{% set s = 'a' * 1000000 %}\n{{ s.translate({97: 'y' * 1000}) }}", TEXT),
    "ljust": ("\n{{ 'x'.ljust(400000000) }}", NUMBER),
    "zfill": ("\n{{ '1'.zfill(400000000) }}", NUMBER),
    "text repetition": ("\n{{ 'x' * 400000000 }}", TEXT),
    "list repetition": ("\n{{ ([0] * 400000000)|length }}", TEXT),
    "repetition of a long text in a list": (BIG + "\n{{ ([s] * 1000)|string|length }}", TEXT),
    "a list printed": (BIG + "\n{{ [s] * 100 }}", TEXT),
    "str() of a list": (BIG + "\n{{ str([s] * 100)|length }}", TEXT),
    "pprint": (BIG + "\n{{ ([s] * 100)|pprint|length }}", TEXT),
    "the summary repeated": ("\n{{ ([s] * 100000)|string|length }}", TEXT),
    "to_bytes": ("\n{{ (1).to_bytes(400000000, 'big')|length }}", NUMBER),
    "power": ("\n{{ 10 ** (10 ** 8) }}", "en upphöjning blir för stor för en mall"),
    "power of a power": ("\n{{ (2 ** 1000) ** 1000000 }}", "en upphöjning blir för stor för en mall"),
    "product": ("{% set ns = namespace(n=10 ** 1000) %}\n{% for i in range(100) %}"
                "{% set ns.n = ns.n * ns.n %}{% endfor %}",
                "en multiplikation blir för stor för en mall"),
    "range": ("\n{{ range(10 ** 9)|list|length }}",
              "ett intervall eller tal är för stort för en mall (range högst 100 000)"),
    "sum of lists": ("\n{{ ([[0] * 1000] * 2000)|sum(start=[])|length }}",
                     "filtret sum räknar bara ihop tal i en egen mall"),
    "set block": (BIG + "\n{% set t %}{% for i in range(100) %}{{ s }}{% endfor %}"
                        "{% endset %}{{ t|length }}", TEXT),
    "macro output": (BIG + "\n{% macro m() %}{% for i in range(100) %}{{ s }}{% endfor %}"
                           "{% endmacro %}{{ m()|length }}", TEXT),
    "filter block": (BIG + "\n{% filter upper %}{% for i in range(100) %}{{ s }}{% endfor %}"
                           "{% endfilter %}", TEXT),
    "upper": ("{% set s = '\\ufb03' * 10000000 %}\n{{ s.upper()|length }}", TEXT),
    "list of characters": (BIG + "\n{{ s|list|length }}", TEXT),
    "split": ("{% set s = 'x ' * 9000000 %}\n{{ s.split()|length }}", TEXT),
    "tojson": ("{% set s = '<' * 19000000 %}\n{{ s|tojson|length }}", TEXT),
    "urlencode": ("{% set s = '\\u20ac' * 19000000 %}\n{{ s|urlencode|length }}", TEXT),
    "batch": ("\n{{ range(10)|batch(400000000, 'x')|list|length }}",
              "filtret batch fick ett för stort tal"),
    "recursion": ("\n{% macro r(n) %}{{ r(n + 1) }}{% endmacro %}{{ r(0) }}",
                  "mallen anropar sig själv för djupt"),
    "namespace": ("{% set ns = namespace(s='x' * 19000000) %}\n{% set ns.t = [ns.s] * 10 %}",
                  TEXT),
}


@pytest.mark.parametrize("case", list(STOPPED), ids=list(STOPPED))
def test_a_hostile_operation_is_stopped_at_its_line(folder: Path, case: str) -> None:
    text, reason = STOPPED[case]
    code, output, out = compile_with(folder, text)
    assert code == 1, output
    assert f"fel: Mallen mall.md stoppades på rad 2: {reason}." in output
    assert "internt fel" not in output and "Traceback" not in output
    assert not out.exists()


UNUSABLE = {
    "division by zero": ("a\n{{ 1 / 0 }}", "(rad 2): den delar med noll"),
    "integer division by zero": ("a\n{{ 1 // 0 }}", "(rad 2): den delar med noll"),
    "modulo zero": ("a\n{{ 1 % 0 }}", "(rad 2): den delar med noll"),
    "type error": ("a\n{{ 1 + 'x' }}", "(rad 2): ett värde har fel typ för det mallen gör med det"),
    "text minus number": ("a\n{{ 'x' - 1 }}",
                          "(rad 2): ett värde har fel typ för det mallen gör med det"),
    "undefined name": ("a\n{{ nothing }}",
                       "(rad 2): den använder ett namn eller attribut som inte finns"),
    "undefined attribute called": ("a\n{{ s.nothing() }}",
                                   "(rad 2): den använder ett namn eller attribut som inte finns"),
    "caller outside a call": ("a\n{{ caller() }}",
                              "(rad 2): den använder ett namn eller attribut som inte finns"),
    "value error": ("a\n{{ 'x'.index('y') }}",
                    "(rad 2): ett värde kan inte användas till det mallen gör med det"),
    "a number too long to print": ("a\n{{ 10 ** 5000 }}",
                                   "(rad 2): ett värde kan inte användas till det mallen gör "
                                   "med det"),
    "format_map without a mapping": ("a\n{{ '{a}'.format_map(1, 2) }}",
                                     "(rad 2): ett värde har fel typ för det mallen gör med det"),
    "wordwrap width zero": ("a\n{{ 'x y'|wordwrap(0) }}",
                            "(rad 2): ett värde kan inte användas till det mallen gör med det"),
    "loops nested too deep": ("a\n" + "{% for i in [1] %}\n" * 30 + "{% endfor %}" * 30,
                              "(rad 18): blocken är nästlade för djupt (högst 15 nivåer)"),
    "brackets nested too deep": ("a\n{{ " + "(" * 5000 + "1" + ")" * 5000 + " }}",
                                 "(rad 2): parenteserna är nästlade för djupt (högst 100 nivåer)"),
    "a literal too long for Python": ("a\n{{ " + "9" * 5000 + " }}",
                                      "(rad 2): ett tal har fler än 4 300 siffror"),
}


@pytest.mark.parametrize("case", list(UNUSABLE), ids=list(UNUSABLE))
def test_a_runtime_error_is_a_swedish_message_with_its_line(folder: Path, case: str) -> None:
    text, said = UNUSABLE[case]
    code, output, out = compile_with(folder, text)
    assert code == 1, output
    assert f"fel: Mallen mall.md kan inte användas {said}." in output
    assert "internt fel" not in output and "Traceback" not in output
    assert not out.exists()


def test_a_syntax_error_names_its_line(folder: Path) -> None:
    code, output, _ = compile_with(folder, "a\n\n{% for %}")
    assert code == 1
    assert "fel: Mallen mall.md har ett syntaxfel på rad 3." in output


# operations whose result's size is `n` (give or take the few characters around it)
SIZED = ["'{:>%d}'.format(1)", "'%%%dd' %% 1", "'x' * %d", "'1'.zfill(%d)", "'x'.ljust(%d)",
         "'x'|center(%d)", "('x' * %d)|indent(2)", "'x'.replace('x', 'x' * %d)",
         "(['x'] * %d)|join", "'\\t'.expandtabs(%d)", "'{:>{}}'.format(1, %d)",
         "'%%*d' %% (%d, 1)", "((1).to_bytes(%d, 'big'))|length * 'x'"]


@given(operation=st.sampled_from(SIZED), line=st.integers(1, 30),
       n=st.integers(20_000_001, 10**12))
def test_no_operation_builds_past_the_limit(folder: Path, operation: str, line: int,
                                            n: int) -> None:
    code, output, out = compile_with(folder, "\n" * (line - 1) + "{{ " + operation % n + " }}")
    assert code == 1, output
    assert f"fel: Mallen mall.md stoppades på rad {line}: " in output
    assert not out.exists()


@given(operation=st.sampled_from(SIZED), n=st.integers(1, 5_000))
def test_the_same_operations_within_the_limit_render(folder: Path, operation: str,
                                                     n: int) -> None:
    code, output, out = compile_with(folder, "{{ (" + operation % n + ")|length }}")
    assert code == 0, output
    assert abs(int(out.read_text("utf-8")) - n) <= 2
