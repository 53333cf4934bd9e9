"""Builds the report format's JSON Schema from the pydantic models.

The result ships as `vastbus_cli/reports/arsberattelse.schema.json` (see `schema.py`).
After changing the models or the vocabulary, regenerate it with
`python -m vastbus_cli.reports.schema_build`; a test fails until you do.
"""

from __future__ import annotations

import json
from typing import Any

from vastbus_cli.reports.model import Report
from vastbus_cli.reports.schema import SHIPPED
from vastbus_cli.vocabulary import ALL, DESCRIPTIONS


def report_schema() -> dict[str, Any]:
    schema = Report.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Årsberättelse för lokal Västbusgrupp"
    schema["description"] = "Format version 1. Skapa en ifylld mall med 'vastbus template'."
    definitions = schema.get("$defs", {})
    for vocabulary in ALL:
        definition = definitions.get(vocabulary.__name__)
        if definition is None:
            continue
        definition["description"] = DESCRIPTIONS[vocabulary]
        # VS Code shows these next to each allowed value while the user types.
        definition["enumDescriptions"] = [m.label for m in vocabulary]
        definition["markdownEnumDescriptions"] = [m.label for m in vocabulary]
    return schema


def report_schema_json() -> str:
    return json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SHIPPED.write_text(report_schema_json(), encoding="utf-8")
    print(f"wrote {SHIPPED}")
