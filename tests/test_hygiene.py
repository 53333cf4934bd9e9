"""The tests' own house rules: one golden-file helper, used by every golden file; no machine's
paths in the tests (a checkout can be anywhere)."""

from __future__ import annotations

from pathlib import Path

import goldenfile
import pytest


def test_compares_and_regenerates_only_when_asked(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(goldenfile, "GOLDEN", tmp_path)
    monkeypatch.delenv("VASTBUS_UPDATE_GOLDEN", raising=False)
    (tmp_path / "a.md").write_text("gammal\n", encoding="utf-8")
    with pytest.raises(AssertionError):
        goldenfile.matches_golden("a.md", "ny\n")
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "gammal\n"
    monkeypatch.setenv("VASTBUS_UPDATE_GOLDEN", "1")
    goldenfile.matches_golden("a.md", "ny ”åäö”\n")
    assert (tmp_path / "a.md").read_bytes() == "ny ”åäö”\n".encode()


def test_no_test_writes_golden_files_on_its_own() -> None:
    """Every golden file goes through `matches_golden`, so one switch regenerates them all."""
    tests = Path(__file__).resolve().parent
    own = [str(p.relative_to(tests)) for p in sorted(tests.rglob("*.py"))
           if p.name not in ("goldenfile.py", "test_hygiene.py")
           and 'environ.get("VASTBUS_UPDATE_GOLDEN")' in p.read_text(encoding="utf-8")]
    assert own == []
    used = {p.name for p in (tests / "golden").iterdir()}
    named = {name for p in tests.rglob("test_*.py")
             for name in used if f'matches_golden("{name}"' in p.read_text(encoding="utf-8")}
    assert named == used


def test_no_machine_paths_in_the_tests() -> None:
    """Commands in docstrings use the checkout's own `.venv/bin/…`, not one machine's folders."""
    import re

    tests = Path(__file__).resolve().parent
    found = [f"{p.relative_to(tests)}:{n}" for p in sorted(tests.rglob("*.py"))
             if p.name != "test_hygiene.py"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
             if re.search(r"(?<![\w/.])/(work|tmp)/", line)]
    assert found == []
