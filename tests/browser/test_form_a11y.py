"""Accessibility: axe-core finds nothing serious, keyboard focus shows, small screens reflow."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from browser.chromium import VENDOR, Browser
from browser.formpages import make_form

pytestmark = pytest.mark.browser
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def _axe(browser: Browser) -> list[dict[str, object]]:
    browser.js((VENDOR / "axe.min.js").read_text(encoding="utf-8"))
    result = browser.driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})"
        ".then(function (r) { done(r.violations.map(function (v) {"
        " return {id: v.id, impact: v.impact, nodes: v.nodes.length,"
        " targets: v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); })}; })); })"
        ".catch(function (e) { done([{id: 'axe-error', impact: 'critical', nodes: 0,"
        " targets: [String(e)]}]); });", TAGS)
    print("axe:", json.dumps(result, ensure_ascii=False))  # shown with -s, for the record
    return result


def _serious(violations: list[dict[str, object]]) -> list[dict[str, object]]:
    return [v for v in violations if v["impact"] in ("serious", "critical")]


def test_axe_finds_nothing_serious(browser: Browser, tmp_path: Path) -> None:
    browser.open(make_form(tmp_path, "Skövde"))
    assert _serious(_axe(browser)) == []
    # with errors and warnings shown, the summary open, a list entry added
    browser.fill("möten.planerade", "tre")
    browser.fill("avvikelser[1].beskrivning", "19121212-1212")
    browser.click('button[data-section="goda_exempel"]')
    browser.click("#save")
    browser.downloaded("arsberattelse-2025-skovde.yaml")
    assert _serious(_axe(browser)) == []


def test_keyboard_focus_is_visible(browser: Browser, tmp_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    browser.open(make_form(tmp_path, "Skövde"))
    seen = set()
    for _ in range(12):
        ActionChains(browser.driver).send_keys(Keys.TAB).perform()
        style = browser.js("var e = document.activeElement; var s = getComputedStyle(e);"
                           "return [e.tagName + '#' + e.id, s.outlineStyle, s.outlineWidth];")
        seen.add(style[0])
        assert style[1] == "solid" and float(style[2].rstrip("px")) >= 2, style
    assert "BUTTON#save" in seen and "BUTTON#open" in seen


@pytest.mark.parametrize("width", [320, 640])  # a phone; a 1280 px screen at 200 % zoom
def test_narrow_window_needs_no_sideways_scrolling(browser: Browser, tmp_path: Path,
                                                    width: int) -> None:
    browser.driver.set_window_size(width, 800)
    browser.open(make_form(tmp_path, "Skövde"))
    widths = browser.js("return [document.documentElement.scrollWidth,"
                        " document.documentElement.clientWidth];")
    assert widths[0] <= widths[1], widths
