"""Code nothing calls is removed, not kept "just in case" (issues #19.11, #28.9).

vulture reads the whole package with pyproject's [tool.vulture] settings; a name used
where vulture cannot see it (a library reads an attribute, a hook calls a method) is in
vulture_whitelist.py with its reason. This replaces the list of five removed names the
test pinned before: any dead function, method, constant or import now fails here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_vulture_finds_no_dead_code() -> None:
    found = subprocess.run([sys.executable, "-m", "vulture"], cwd=ROOT, capture_output=True,
                           text=True)
    assert found.stdout == "" and found.returncode == 0, found.stdout + found.stderr


def test_vulture_would_see_a_function_nothing_calls(tmp_path: Path) -> None:
    module = tmp_path / "dead.py"
    module.write_text("def used() -> int:\n    return 1\n\n\ndef unused() -> int:\n"
                      "    return used()\n", encoding="utf-8")
    found = subprocess.run([sys.executable, "-m", "vulture", "--min-confidence", "60",
                            module.name], cwd=tmp_path, capture_output=True, text=True)
    assert found.returncode == 3
    assert found.stdout == "dead.py:5: unused function 'unused' (60% confidence)\n"
