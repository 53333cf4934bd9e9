"""No private name of another object or module is read outside the documented modules.

Libraries are used through their public API; where one has none, the reach into it lives
in one module that says why, with a test that fails by name when a release moves it
(README, "For developers"): cli/swedish.py (Click's and Typer's own texts),
documents/docx_xml.py (python-docx's XML elements). cli/registry.py reaches Typer through
names without an underscore (tests/test_registry.py). Within vastbus a class's `_x` is
read by that class only (`self._x`, `cls._x`); anything else is an attribute for others.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "vastbus_cli"
DOCUMENTED = {"cli/swedish.py", "documents/docx_xml.py"}
#: Private by name only, public by documentation: each with where it is documented.
ALLOWED = {
    "sys._current_frames",  # the sys module's reference (CPython): render/user_template.py
}


def private_reads(source: str) -> list[tuple[int, str]]:
    """`x._y` where x is not `self`/`cls`, and `from m import _y`, with their lines."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute):
            name = node.attr
            dunder = name.startswith("__") and name.endswith("__")
            own = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
            text = ast.unparse(node)
            if name.startswith("_") and not dunder and not own and text not in ALLOWED:
                found.append((node.lineno, text))
        elif isinstance(node, ast.ImportFrom):
            found += [(node.lineno, f"from {node.module} import {alias.name}")
                      for alias in node.names
                      if alias.name.startswith("_") and not alias.name.startswith("__")]
    return sorted(found)


def test_no_private_name_is_read_outside_the_documented_modules() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = path.relative_to(PACKAGE).as_posix()
        if name not in DOCUMENTED:
            found += [f"{name}:{line}: {text}"
                      for line, text in private_reads(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_documented_modules_exist_and_do_reach_in() -> None:
    """A renamed exception would otherwise leave the allowance pointing at nothing."""
    for name in DOCUMENTED:
        assert private_reads((PACKAGE / name).read_text(encoding="utf-8")), name


def test_the_walk_sees_each_kind_of_private_read() -> None:
    assert private_reads("doc._body\nself._doc._element(1)\nfrom docx.oxml import _x\n") == [
        (1, "doc._body"), (2, "self._doc._element"), (3, "from docx.oxml import _x")]
    assert private_reads("self._x\ncls._y\nobj.__class__\nsys._current_frames()\n") == []
