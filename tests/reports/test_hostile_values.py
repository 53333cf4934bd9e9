"""Values that look harmless to a lenient reader and are not (issue #19.5)."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportdata import VALID

from vastbus_cli.reports.validate import validate_paths


def problems_of(tmp_path: Path, text: str) -> list[tuple[int, int, str, str]]:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    return [(p.line, p.column, p.severity.value, p.code) for p in validate_paths([path]).problems]


@pytest.mark.parametrize("spelt", ["yes", "true", "on", "True", "1.0"])
def test_formatversion_is_only_the_whole_number_1(tmp_path: Path, spelt: str) -> None:
    """`formatversion: yes`/`true`/`on` passed as 1."""
    text = VALID.replace("formatversion: 1\n", f"formatversion: {spelt}\n")
    assert problems_of(tmp_path, text) == [(1, 16, "fel", "formatversion")]


TITLE = '  - titel: SIP i skolan\n'


def _with_title(title: str) -> str:
    assert TITLE in VALID
    return VALID.replace(TITLE, f"  - titel: {title}\n")


def _title_line() -> int:
    return VALID[: VALID.index(TITLE)].count("\n") + 1


@pytest.mark.parametrize("escape", ["\\0", "\\e", "\\a", "\\x1b[31m", "\\u0007", "\\x9b"])
def test_escaped_control_characters_are_refused_at_the_value(tmp_path: Path, escape: str) -> None:
    """Double-quoted escapes "\\0" "\\e" "\\a" passed validate and reached terminal and Markdown."""
    found = problems_of(tmp_path, _with_title(f'"Röd{escape}text"'))
    assert found == [(_title_line(), 12, "fel", "styrtecken")]


def test_escaped_control_character_in_a_key_is_refused(tmp_path: Path) -> None:
    found = problems_of(tmp_path, VALID + '"n\\eyckel": 1\n')
    assert ("fel", "styrtecken") in [(s, c) for _, _, s, c in found]


def test_tab_and_line_break_escapes_are_text(tmp_path: Path) -> None:
    assert problems_of(tmp_path, _with_title('"Rad ett\\nrad\\ttvå"')) == []


def test_bidi_override_is_a_warning(tmp_path: Path) -> None:
    found = problems_of(tmp_path, _with_title('"abc\u202edcb"'))
    assert found == [(_title_line(), 12, "varning", "riktningstecken")]


@pytest.mark.parametrize("title", ['"\\u200b\\u200d"', '"\u200b \u2060\ufeff"', '"\\u00ad"'])
def test_zero_width_only_text_is_not_filled_in(tmp_path: Path, title: str) -> None:
    """A title of only zero-width characters counted as filled in."""
    assert problems_of(tmp_path, _with_title(title)) == [(_title_line(), 12, "fel", "ej-ifylld")]
