"""The `browser` fixture: each browser test runs in headless Chromium and in headless
Firefox ESR, each skipped with the reason when it is not installed here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import chromium, firefox


@pytest.fixture(params=["chromium", "firefox"])
def browser(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[chromium.Browser]:
    kind = firefox if request.param == "firefox" else chromium
    reason = kind.missing()
    if reason:
        pytest.skip(reason)
    b = firefox.Firefox(tmp_path) if request.param == "firefox" else chromium.Browser(tmp_path)
    try:
        yield b
    finally:
        b.quit()
