"""Hostile names go into generated templates and forms through a serializer (issue #19.3/4).

A group, municipality or sub-region name with a quote, a line break, `#`, `: `, a line or
paragraph separator, a control character or a right-to-left mark must come back out of the
generated file as exactly itself, and never add a key of its own.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.reports.template import GroupInfo, render_template

runner = CliRunner()

HOSTILE = [
    'x"\nformatversion: 9\n#',
    "Norr: Ö # inte en kommentar",
    "'enkel' och \"dubbel\" \\ snedstreck",
    "rad\u2028skiljare\u2029stycke\x85nästa",
    "styr\x00\x01\x07\x1b[31m\x7f\x9ftecken",
    "\u202eabc\u200f\u200e\u061c\u2066x\u2069",
    "bom\ufeffmitt",
    "- lista",
    "{ flöde: [1] }",
    "&ankare *alias !tagg",
    "tab\there",
    "...",
    "---",
]


def _parsed(group: GroupInfo) -> dict:
    return yaml.safe_load(render_template(group, 2025))


@pytest.mark.parametrize("name", HOSTILE)
def test_template_parses_back_to_exactly_the_names_given(name: str) -> None:
    data = _parsed(GroupInfo(name, name + " kommun", "del" + name))
    assert data["grupp"] == {"namn": name, "kommun": name + " kommun", "delregion": "del" + name}
    assert data["formatversion"] == 1
    assert data["år"] == 2025


@pytest.mark.parametrize("name", HOSTILE)
def test_name_in_the_header_comment_stays_one_comment_line(name: str) -> None:
    text = render_template(GroupInfo(name, "K", "S"), 2025)
    third = text.split("\n")[2]
    assert third.startswith("# Årsberättelse 2025 för ") and third.endswith(" – lokal Västbusgrupp")
    assert not re.search("[\u2028\u2029\x85\x00-\x08\x0b-\x1f\u202e]", third)


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_any_text_round_trips(name: str) -> None:
    data = _parsed(GroupInfo(name, name, name))
    assert data["grupp"] == {"namn": name, "kommun": name, "delregion": name}
    assert list(data)[:2] == ["formatversion", "år"]


def test_roster_names_round_trip_through_template_command(tmp_path: Path) -> None:
    # control characters are refused in a roster as in a report (reports/characters.py), and
    # a group's name is one line (issue 25 item 2: it goes into a mail header)
    usable = [n for n in HOSTILE
              if not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029]", n)]
    groups = [{"namn": f"g{i} {n}".strip(), "kommun": f"K{i}"} for i, n in enumerate(usable)]
    roster = tmp_path / "grupper.yaml"
    roster.write_text(yaml.safe_dump({"delregion": 'Sub"\nx: 1', "grupper": groups},
                                     allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["template", "--roster", str(roster), "-y", "2025",
                                 "-o", str(tmp_path / "ut")])
    assert result.exit_code == 0, result.output
    found = sorted((yaml.safe_load(p.read_text("utf-8"))["grupp"]["namn"], p.name)
                   for p in (tmp_path / "ut").glob("*.yaml"))
    given = yaml.safe_load(roster.read_text("utf-8"))["grupper"]  # as the roster spells them
    assert sorted(n for n, _ in found) == sorted(g["namn"] for g in given)
    for path in (tmp_path / "ut").glob("*.yaml"):
        assert yaml.safe_load(path.read_text("utf-8"))["grupp"]["delregion"] == 'Sub"\nx: 1'


@pytest.mark.parametrize("name", ["\u202eabc", "</script><b>"])
def test_form_embeds_names_as_json_safe_inside_script(tmp_path: Path, name: str) -> None:
    out = tmp_path / "f.html"
    result = runner.invoke(app, ["template", "-y", "2025", "-g", name, "-m", "K", "-s", "S",
                                 "--form", "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    script = re.search(r'<script type="application/json" id="vastbus-data">(.*?)</script>',
                       html, re.S)
    assert script is not None
    assert "\u2028" not in script.group(1) and "\u2029" not in script.group(1)
    assert "</script" not in script.group(1).lower()
    assert json.loads(script.group(1))["group"]["namn"] == name


@pytest.mark.parametrize("name", ["styr\x01", "rad\nbrytning", "esc\x1b[31m", "del\x7f"])
def test_name_with_a_control_character_is_a_swedish_usage_error(tmp_path: Path,
                                                                 name: str) -> None:
    for form in ([], ["--form"]):
        result = runner.invoke(app, ["template", "-y", "2025", "-g", "G", "-m", name, "-s", "S",
                                     *form, "-o", str(tmp_path / "f")])
        assert result.exit_code == 2
        assert "fel: --municipality: namnet innehåller ett osynligt styrtecken (U+00" \
            in result.output
        assert not (tmp_path / "f").exists()


def test_name_that_is_not_utf8_is_a_swedish_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["template", "-y", "2025", "-g", "a\udc85", "-m", "K", "-s", "S",
                                 "--form", "-o", str(tmp_path / "f.html")])
    assert result.exit_code == 2
    assert "inte är giltig UTF-8" in result.output


def test_a_group_name_with_a_line_separator_is_refused() -> None:
    """Issue 25 item 2: a name goes into a mail header and a file's one-line heading."""
    result = runner.invoke(app, ["template", "-y", "2025", "-g", "rad\u2028skiljare", "-m", "K",
                                 "-s", "S", "--form", "-o", "f.html"])
    assert result.exit_code == 2
    assert "--group: namnet innehåller ett osynligt styrtecken (U+2028)." in result.output
