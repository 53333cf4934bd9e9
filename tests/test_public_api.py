"""No module imports a library's private module (`typer._coercion`, `openpyxl.worksheet._writer`
…): what vastbus needs from a library it takes from the public API. The two documented
exceptions reach private *attributes* (cli/swedish.py, documents/docx_xml.py), each with its
own test; none of them imports a private module either."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "vastbus_cli"


def _private(module: str) -> bool:
    return any(part.startswith("_") and not part.startswith("__") for part in module.split("."))


def test_no_private_module_of_a_library_is_imported() -> None:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules = [node.module, *(f"{node.module}.{a.name}" for a in node.names
                                          if a.name.startswith("_"))]
            else:
                continue
            found += [f"{path.relative_to(PACKAGE)}:{node.lineno}: {m}" for m in modules
                      if not m.startswith("vastbus_cli") and not m.startswith("__") and _private(m)]
    assert not found, found
