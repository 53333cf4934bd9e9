"""The one golden-file comparison: a document's text against its file in tests/golden/.

A golden file holds the whole rendered text, so any change to a document shows up
as a diff to read. After an intended change, regenerate every golden file and
review the diff (after a rebase, regenerate rather than merge them by hand):

    VASTBUS_UPDATE_GOLDEN=1 .venv/bin/pytest -p no:cacheprovider -k golden tests/render tests/survey
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"


def matches_golden(name: str, text: str) -> None:
    """Assert `text` is tests/golden/`name`; with VASTBUS_UPDATE_GOLDEN set, write it there
    first (the test then passes, and git shows what changed)."""
    path = GOLDEN / name
    if os.environ.get("VASTBUS_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
