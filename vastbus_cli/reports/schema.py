"""The JSON Schemas shipped in the package: the report format's, for editors (VS Code's
YAML extension), and the summary JSON's (`sammanstallning.schema.json`, read by `rollup`).

Both are files inside the package, written from the pydantic models by
`schema_build.py`; a test keeps them equal. Reading the file instead of building it
keeps pydantic out of `vastbus schema` and `vastbus template`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

SCHEMA_FILE = "arsberattelse.schema.json"
SHIPPED = Path(__file__).with_name(SCHEMA_FILE)
SUMMARY_SCHEMA_FILE = "sammanstallning.schema.json"
SUMMARY_SHIPPED = Path(__file__).with_name(SUMMARY_SCHEMA_FILE)


def report_schema_json() -> str:
    return SHIPPED.read_text(encoding="utf-8")


def report_schema() -> dict[str, Any]:
    import json  # only here: `vastbus schema` prints the shipped text as it is

    schema: dict[str, Any] = json.loads(report_schema_json())
    return schema
