"""The `browser` fixture: skipped with the reason when Chromium is not installed here."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from browser.chromium import Browser, missing


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Browser]:
    reason = missing()
    if reason:
        pytest.skip(reason)
    b = Browser(tmp_path)
    try:
        yield b
    finally:
        b.quit()
