"""The JSON Schema of the summary's JSON format (`compile -o x.json`, read by `rollup`).

Ships as `vastbus_cli/reports/sammanstallning.schema.json`, built from the `Summary`
model. After changing the summary's models, regenerate it with
`python -m vastbus_cli.reports.summary_schema` (a test fails until you do), and raise
`SUMMARY_FORMAT` when an older reader would misread the new shape.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCHEMA_FILE = "sammanstallning.schema.json"
SHIPPED = Path(__file__).with_name(SCHEMA_FILE)


def summary_schema() -> dict[str, Any]:
    from vastbus_cli.reports.summary import SUMMARY_FORMAT, Summary

    schema = Summary.model_json_schema(mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Delregional sammanställning av Västbusarbetet (vastbus compile -o x.json)"
    schema["description"] = (
        f"Formatversion {SUMMARY_FORMAT}. Skrivs av 'vastbus compile … -o x.json' och läses av "
        "'vastbus rollup', som gör den regionala sammanställningen av flera delregioners "
        "sammanställningar. Nycklarna är engelska; texterna som läsaren ser är svenska.")
    schema["required"] = sorted({*schema.get("required", []), "format_version"})
    return schema


def summary_schema_json() -> str:
    return json.dumps(summary_schema(), ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SHIPPED.write_text(summary_schema_json(), encoding="utf-8")
    print(f"wrote {SHIPPED}")
