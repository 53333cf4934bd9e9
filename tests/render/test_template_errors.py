"""render/user_template.py's pieces driven one by one: which Swedish sentence each error
becomes, how a template file is read, where the running line is found.

Fast and exact, so that the mutation run of docs/mutation.md "sandbox" can tell each
changed branch from the right one (the CLI tests say the same through a whole compile).
"""

from __future__ import annotations

import threading
from pathlib import Path

import jinja2
import pytest
from jinja2.sandbox import SecurityError

from vastbus_cli.render import limits, sandbox, user_template
from vastbus_cli.render.user_template import NamedFiles, Unusable

TEXT = "en text eller lista blir större än 20\u00a0000\u00a0000 tecken"


def test_an_unusable_template_keeps_its_sentence_and_the_words_for_the_hint() -> None:
    error = Unusable("Mallen a kan inte användas.", "ValueError: x")
    assert (str(error), error.message, error.detail) == (
        "Mallen a kan inte användas.", "Mallen a kan inte användas.", "ValueError: x")
    assert Unusable("m").detail == ""


def test_where_a_sentence_says_the_line() -> None:
    assert user_template._at("mall.md", 3) == "Mallen mall.md kan inte användas (rad 3)"
    assert user_template._at("mall.md", None) == "Mallen mall.md kan inte användas"
    assert user_template._at("mall.md", 0) == "Mallen mall.md kan inte användas"
    assert user_template._on(7) == " på rad 7"
    assert user_template._on(None) == ""
    assert user_template._on(0) == ""


@pytest.mark.parametrize(("error", "reason"), [
    (user_template._Output(), "sammanställningen blir större än 20\u00a0000\u00a0000 tecken"),
    (limits.TooBig("för stort"), "för stort"),
    (OverflowError("x"), "ett intervall eller tal är för stort för en mall (range högst "
                         "100 000)"),
    (MemoryError(), "mallen behöver mer minne än datorn har"),
    (RecursionError(), "mallen anropar sig själv för djupt"),
    (sandbox.Stopped(), "mallen tog för lång tid"),
    (sandbox.Refused("list får inte anropas"), "list får inte anropas"),
    (sandbox.LimitExceeded(TEXT), TEXT),
    (SecurityError("access to attribute 'mro' of 'type' object is unsafe."),
     "attributet 'mro' (hos type) får inte användas i en egen mall"),
    (SecurityError("något annat"), "mallen använder något som inte är tillåtet i en egen mall "
                                   "(något annat)"),
    (ValueError("x"), None),
    (RuntimeError("x"), None),
])
def test_why_the_sandbox_stopped(error: BaseException, reason: str | None) -> None:
    assert user_template._stopped_reason(error) == reason


@pytest.mark.parametrize(("text", "found"), [
    ("access to attribute 'a' of 'b' object is unsafe.", ("a", "b")),
    ("Jinja: access to attribute '__init__' of 'type' object is unsafe.", ("__init__", "type")),
    ("access to attribute 'a' of 'b", None),
    ("access to attribute 'a' of 'b'", ("a", "b")),
    ("access to attribute", None),
    ("access to attribute 'a' of 'b'; access to attribute 'c' of 'd'", ("a", "b")),
    ("unsafe", None),
    ("", None),
])
def test_the_attribute_in_jinjas_words(text: str, found: tuple[str, str] | None) -> None:
    assert user_template._unsafe_attribute(text) == found


@pytest.mark.parametrize(("error", "reason"), [
    (ZeroDivisionError(), "den delar med noll"),
    (jinja2.UndefinedError(), "den använder ett namn eller attribut som inte finns"),
    (TypeError(), "ett värde har fel typ för det mallen gör med det"),
    (ValueError(), "ett värde kan inte användas till det mallen gör med det"),
    (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "x"), "ett värde kan inte användas till det "
                                                     "mallen gör med det"),
    (KeyError("a"), "den hämtar något som inte finns"),
    (IndexError(), "den hämtar något som inte finns"),
    (jinja2.TemplateRuntimeError(), "den gör något som Jinja2 inte tillåter"),
    (RuntimeError(), "ett fel uppstod när mallen kördes"),
    (AttributeError(), "ett fel uppstod när mallen kördes"),
])
def test_the_reason_for_each_kind_of_runtime_error(error: BaseException, reason: str) -> None:
    assert user_template._runtime_reason(error) == reason


def test_each_error_becomes_one_sentence_with_the_words_for_the_hint() -> None:
    shown = {"/x/del.j2": "del.j2"}
    same = Unusable("s", "d")
    assert user_template._unusable(same, "mall.md", shown) is same

    syntax = jinja2.TemplateSyntaxError("unexpected end", 4, "del.j2", "/x/del.j2")
    found = user_template._unusable(syntax, "mall.md", shown)
    assert (found.message, found.detail) == ("Mallen del.j2 har ett syntaxfel på rad 4.",
                                             "Jinja2: unexpected end")
    syntax = jinja2.TemplateSyntaxError("bad", 2, "egen", None)
    assert user_template._unusable(syntax, "mall.md", shown).message == \
        "Mallen egen har ett syntaxfel på rad 2."
    syntax = jinja2.TemplateSyntaxError("bad", 2, None, None)
    assert user_template._unusable(syntax, "mall.md", shown).message == \
        "Mallen mall.md har ett syntaxfel på rad 2."

    missing = user_template._unusable(jinja2.TemplateNotFound("a.j2"), "mall.md", shown)
    assert missing.message == (
        "Mallen mall.md kan inte användas: den vill läsa filen 'a.j2', som inte är angiven "
        "med --template. En egen mall får bara läsa de filer som anges med --template "
        "(filnamn som slutar på .j2).")
    several = jinja2.TemplatesNotFound(["a.j2", "b.j2"])
    assert "den vill läsa filen 'a.j2', 'b.j2', som" in \
        user_template._unusable(several, "mall.md", shown).message

    stopped = user_template._unusable(limits.TooBig("för stort"), "mall.md", shown)
    assert (stopped.message, stopped.detail) == ("Mallen mall.md stoppades: för stort.",
                                                 "för stort")
    runtime = user_template._unusable(ZeroDivisionError("division by zero"), "mall.md", shown)
    assert (runtime.message, runtime.detail) == (
        "Mallen mall.md kan inte användas: den delar med noll.",
        "ZeroDivisionError: division by zero")


def raised_in(filename: str, line: int) -> BaseException:
    """An error whose traceback runs through code compiled as `filename`, at `line`."""
    code = compile("\n" * (line - 1) + "1 / 0", filename, "exec")
    try:
        exec(code, {})
    except ZeroDivisionError as exc:
        return exc
    raise AssertionError


def test_the_error_line_is_the_innermost_template_frame() -> None:
    outer = raised_in("/x/mall.md", 5)
    assert user_template._error_line(outer, {"/x/mall.md": "mall.md"}) == ("mall.md", 5)
    assert user_template._error_line(outer, {}) == (None, None)
    try:
        exec(compile("\n\nf()", "/x/mall.md", "exec"),
             {"f": lambda: exec(compile("\n\n\n\n1 / 0", "/x/del.j2", "exec"), {})})
    except ZeroDivisionError as exc:
        nested = exc
    shown = {"/x/mall.md": "mall.md", "/x/del.j2": "del.j2"}
    assert user_template._error_line(nested, shown) == ("del.j2", 5)
    assert user_template._error_line(nested, {"/x/mall.md": "mall.md"}) == ("mall.md", 3)


def test_a_file_not_named_is_not_found_and_a_named_one_is_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "mall.md"
    path.write_bytes("\ufeffrad ett\n".encode())
    loader = NamedFiles([path])
    env = sandbox.UserSandbox(loader=loader)
    text, filename, uptodate = loader.get_source(env, "mall.md")
    assert (text, filename, uptodate()) == ("rad ett\n", str(path), True)
    with pytest.raises(jinja2.TemplateNotFound) as caught:
        loader.get_source(env, str(path))
    assert caught.value.name == str(path)
    path.write_bytes(b"a\nb\nc\xff\n")
    with pytest.raises(Unusable) as bad:
        loader.get_source(env, "mall.md")
    assert bad.value.message == "Mallen mall.md kan inte användas (rad 3): den är inte sparad " \
                                "som UTF-8."
    assert bad.value.detail.startswith("'utf-8' codec can't decode byte 0xff in position 5")
    path.write_bytes(b"\xff")
    with pytest.raises(Unusable) as first:
        loader.get_source(env, "mall.md")
    assert first.value.message.startswith("Mallen mall.md kan inte användas (rad 1)")


def test_the_size_limit_is_exact(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(user_template, "MAX_TEMPLATE_BYTES", 4)
    path = tmp_path / "mall.md"
    path.write_bytes(b"abcd")
    assert user_template._read(path) == b"abcd"
    path.write_bytes(b"abcde")
    with pytest.raises(Unusable) as caught:
        user_template._read(path)
    assert caught.value.message == "Mallen mall.md är större än 4 byte; en mall kan inte vara " \
                                   "så stor."
    with pytest.raises(Unusable) as gone:
        user_template._read(tmp_path / "borta.md")
    assert gone.value.message == "Mallen borta.md kan inte läsas (No such file or directory)."


@pytest.mark.parametrize(("text", "line"), [
    ("(" * 100, None),
    ("(" * 101, 1),
    ("a\n\n" + "[" * 50 + "{" * 51, 3),
    (")" * 5 + "(" * 101, 1),
    ("(" * 100 + ")" + "(", None),
    ("(" * 100 + ")" + "((", 1),
    ("(" * 100 + "\n" + "]" * 50 + "\n" + "{" * 51, 3),
])
def test_the_line_where_brackets_nest_too_deep(text: str, line: int | None) -> None:
    assert user_template._bracket_line(text) == line


def test_blocks_are_counted_only_when_a_statement_has_a_body() -> None:
    env = sandbox.UserSandbox()
    deep = "{% if 1 %}" * 15 + "{{ ((((((((((((((((1)))))))))))))))) }}" + "{% endif %}" * 15
    user_template._check_depth(env, deep, "mall.md")
    setting = "{% if 1 %}" * 15 + "{% set a = 1 %}{{ a }}" + "{% endif %}" * 15
    user_template._check_depth(env, setting, "mall.md")
    user_template._check_depth(env, "{% if %}" * 30, "mall.md")  # said when compiled
    with pytest.raises(Unusable) as caught:
        user_template._check_depth(env, "\n" + "{% for i in x %}" * 16 + "{% endfor %}" * 16,
                                   "del.j2")
    assert caught.value.message == ("Mallen del.j2 kan inte användas (rad 2): blocken är "
                                    "nästlade för djupt (högst 15 nivåer).")


def test_a_long_number_is_found_at_its_line() -> None:
    env = sandbox.UserSandbox()
    user_template._check_depth(env, "a\n" + "1" * 4300, "mall.md")
    with pytest.raises(Unusable) as caught:
        user_template._check_depth(env, "a\nb\n" + "1" * 4301, "mall.md")
    assert caught.value.message == ("Mallen mall.md kan inte användas (rad 3): ett tal har fler "
                                    "än 4\u00a0300 siffror.")


def test_collect_stops_one_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_CHARS", 5)
    assert user_template._collect(iter(["ab", "cde"])) == "abcde"
    with pytest.raises(user_template._Output):
        user_template._collect(iter(["ab", "cdef"]))
    assert user_template._collect(iter([])) == ""


def test_render_uses_the_sandboxs_time_limit_by_default(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sandbox, "SECONDS", 0.5)
    path = tmp_path / "mall.md"
    path.write_text("a\n{% for i in range(10**5) %}{% for j in range(10**5) %}{{ j|abs }}"
                    "{% endfor %}{% endfor %}", encoding="utf-8")
    env = sandbox.UserSandbox(loader=NamedFiles([path]))
    env.limit_filters()
    with pytest.raises(Unusable) as caught:
        user_template.render(env, "mall.md", {})
    assert caught.value.message == ("Mallen mall.md stoppades på rad 2: mallen tog längre tid "
                                    "än 0.5 sekunder.")
    assert env.stop.is_set()


def test_render_returns_the_text_and_a_context(tmp_path: Path) -> None:
    path = tmp_path / "mall.md"
    path.write_text("{{ a }}-{{ b }}", encoding="utf-8")
    env = sandbox.UserSandbox(loader=NamedFiles([path]))
    env.limit_filters()
    assert user_template.render(env, "mall.md", {"a": 1, "b": "x"}) == "1-x"
    assert not env.stop.is_set()


def test_an_error_in_a_loader_that_is_not_named_files(tmp_path: Path) -> None:
    env = sandbox.UserSandbox(loader=jinja2.DictLoader({"m": "a\n{{ 1 / 0 }}"}))
    with pytest.raises(Unusable) as caught:
        user_template.render(env, "m", {}, seconds=10)
    assert caught.value.message == "Mallen m kan inte användas: den delar med noll."


def test_the_frames_of_a_suspended_generator() -> None:
    assert user_template._suspended_frames(None) == []
    assert user_template._suspended_frames(iter([1])) == []  # not a generator: no frame

    def inner() -> object:
        yield 1

    def outer() -> object:
        yield from inner()

    chunks = outer()
    next(chunks)
    frames = user_template._suspended_frames(chunks)
    assert [f.f_code.co_name for f in frames] == ["inner", "outer"]


def test_the_running_line_of_a_thread_in_a_template(tmp_path: Path) -> None:
    path = tmp_path / "mall.md"
    path.write_text("a\n{{ wait() }}", encoding="utf-8")
    env = sandbox.UserSandbox(loader=NamedFiles([path]))
    entered, release = threading.Event(), threading.Event()

    def wait() -> str:
        entered.set()
        release.wait(10)
        return ""

    worker = threading.Thread(target=lambda: env.get_template("mall.md").render(wait=wait),
                              daemon=True)
    worker.start()
    try:
        assert entered.wait(10)
        assert user_template._running_line(env, worker, {str(path): "mall.md"}) == ("mall.md", 2)
        assert user_template._running_line(env, worker, {}) == (None, None)
    finally:
        release.set()
        worker.join(10)
