"""The loader: positions, and each construct it refuses."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from vastbus_cli.reports.load import _CONTROL, MAX_BYTES, _may_have_control, load_bytes


def codes(raw: bytes) -> list[tuple[int, int, str]]:
    return [(p.line, p.column, p.code) for p in load_bytes(raw, "f.yaml").problems]


def test_positions_are_one_based_for_keys_and_values() -> None:
    loaded = load_bytes(b"a: 1\nlista:\n  - x\n  - nyckel: v\n", "f.yaml")
    assert loaded.data == {"a": 1, "lista": ["x", {"nyckel": "v"}]}
    assert loaded.positions.values[("a",)] == (1, 4)
    assert loaded.positions.keys[("lista",)] == (2, 1)
    assert loaded.positions.values[("lista", 0)] == (3, 5)
    assert loaded.positions.values[("lista", 1, "nyckel")] == (4, 13)
    assert loaded.positions.keys[("lista", 1, "nyckel")] == (4, 5)


def test_position_of_missing_path_falls_back_to_nearest_ancestor() -> None:
    loaded = load_bytes(b"grupp:\n  namn: x\n", "f.yaml")
    assert loaded.positions.of(("grupp", "kommun")) == (2, 3)


def test_duplicate_keys_refused_at_any_depth_and_all_reported() -> None:
    raw = b"a: 1\nb:\n  c: 1\n  c: 2\na: 3\n"
    loaded = load_bytes(raw, "f.yaml")
    assert loaded.data is None
    assert [(p.line, p.column, p.code) for p in loaded.problems] == [
        (4, 3, "dubblettnyckel"),
        (5, 1, "dubblettnyckel"),
    ]
    assert "första gången på rad 3" in loaded.problems[0].message


def test_anchor_alias_and_merge_key_refused() -> None:
    assert codes(b"a: &x 1\nb: 2\n") == [(1, 4, "ankare")]
    assert codes(b"a: 1\nb: *x\n")[0][2] in ("ankare", "yaml-syntax")
    assert codes(b"bas:\n  x: 1\nny:\n  <<: {x: 2}\n") == [(4, 3, "ankare")]


def test_billion_laughs_is_refused_before_expansion() -> None:
    raw = b'a: &a ["lol","lol"]\nb: &b [*a,*a]\nc: &c [*b,*b]\n'
    assert codes(raw) == [(1, 4, "ankare")]


def test_custom_and_python_tags_refused() -> None:
    assert codes(b"a: !!python/object/apply:os.system ['ls']\n") == [(1, 4, "tagg")]
    assert codes(b"a: !egen 1\n") == [(1, 4, "tagg")]
    assert load_bytes(b"a: !!str 12\n", "f.yaml").data == {"a": "12"}


def test_non_text_keys_refused_with_quote_hint() -> None:
    loaded = load_bytes(b"2025: x\n", "f.yaml")
    assert [(p.line, p.column, p.code) for p in loaded.problems] == [(1, 1, "nyckeltyp")]
    assert '"2025":' in loaded.problems[0].hint
    assert codes(b"on: x\n") == [(1, 1, "nyckeltyp")]
    assert codes(b"[a, b]: x\n") == [(1, 1, "nyckeltyp")]


def test_one_document_per_file() -> None:
    assert codes(b"a: 1\n---\nb: 2\n") == [(2, 1, "flera-dokument")]


def test_size_limit() -> None:
    raw = b"a: " + b"x" * MAX_BYTES + b"\n"
    assert codes(raw) == [(1, 1, "för-stor")]


def test_utf8_bom_and_crlf_accepted() -> None:
    loaded = load_bytes("\ufeffår: 2025\r\nnamn: Åmål\r\n".encode(), "f.yaml")
    assert loaded.problems == []
    assert loaded.data == {"år": 2025, "namn": "Åmål"}
    assert loaded.positions.values[("namn",)] == (2, 7)


def test_windows_1252_read_with_a_warning_resave_hint_and_position() -> None:
    """Issue #20: a Windows-1252 report is decoded with a warning instead of refused."""
    loaded = load_bytes("a: 1\r\nnamn: Göteborg\r\n".encode("cp1252"), "f.yaml")
    assert loaded.data == {"a": 1, "namn": "Göteborg"}
    [problem] = loaded.problems
    assert (problem.line, problem.column, problem.code) == (2, 8, "kodning")
    assert problem.severity.value == "varning"
    assert problem.message.startswith("Filen är sparad som Windows-1252/ANSI, inte UTF-8")
    assert "UTF-8" in problem.hint


def test_neither_utf8_nor_windows_1252_is_refused() -> None:
    loaded = load_bytes(b"a: 1\nnamn: G\x81teborg\n", "f.yaml")
    [problem] = loaded.problems
    assert loaded.data is None
    assert (problem.line, problem.column, problem.code) == (2, 8, "kodning")
    assert problem.severity.value == "fel"


def test_utf16_refused() -> None:
    assert codes("a: 1\n".encode("utf-16")) == [(1, 1, "kodning")]


def test_binary_and_control_characters_refused() -> None:
    assert codes(b"a: 1\nb: \x00\n") == [(2, 1, "binärfil")]
    assert codes(b"a: 1\nb: x\x07y\n") == [(2, 5, "styrtecken")]


def test_syntax_error_has_swedish_message_and_position() -> None:
    loaded = load_bytes(b"a: 1\nb: [1, 2\nc: 3\n", "f.yaml")
    problem = loaded.problems[0]
    assert problem.code == "yaml-syntax"
    assert problem.line == 3
    assert problem.message.startswith("Filen går inte att läsa som YAML")


def test_tab_indentation_is_explained() -> None:
    loaded = load_bytes(b"a:\n\tb: 1\n", "f.yaml")
    assert loaded.problems[0].code == "yaml-syntax"
    assert loaded.problems[0].line == 2
    assert "tabb" in loaded.problems[0].message


def test_dates_stay_text() -> None:
    assert load_bytes(b"sista_dag: 2026-06-01\n", "f.yaml").data == {"sista_dag": "2026-06-01"}


def test_nothing_is_executed() -> None:
    raw = b"a: !!python/object/new:os.system [echo hacked]\n"
    loaded = load_bytes(raw, "f.yaml")
    assert loaded.data is None
    assert loaded.problems[0].code == "tagg"


def test_an_unclosed_quote_is_reported_where_it_opens() -> None:
    for raw in (b'a: 1\nb: "abc\n\nc: 2\n', b"a: 1\nb: 'abc\nc: 2\n"):
        (problem,) = load_bytes(raw, "f.yaml").problems
        assert (problem.line, problem.column, problem.code) == (2, 4, "yaml-syntax")
        assert problem.message == "Filen går inte att läsa som YAML: citattecknet här stängs aldrig."


@settings(max_examples=500, deadline=None)
@given(st.text(st.one_of(st.characters(max_codepoint=0x20), st.characters()), max_size=40))
def test_the_fast_control_test_never_hides_a_control_character(text: str) -> None:
    if not _may_have_control(text):
        assert _CONTROL.search(text) is None


def test_the_fast_control_test_sees_every_control_character() -> None:
    for char in [*map(chr, range(0x09)), "\x0b", "\x0c", *map(chr, range(0x0e, 0x20)), "\x7f",
                 "\ufffe", "\uffff"]:
        assert _may_have_control(f"a: {char}"), hex(ord(char))
    assert not _may_have_control("a: å\tb\r\n")
