"""The one writer of the JSON Schemas vastbus ships, both built from pydantic models.

`arsberattelse.schema.json` (the report format, for editors; read by `schema.py`) and
`sammanstallning.schema.json` (the summary's JSON, `compile -o x.json`, read by
`rollup`). Both are the model's schema with the draft, a Swedish title and description
on top; the report's controlled lists also get their Swedish labels for the editor.
After changing the models or the vocabulary, regenerate both with
`python -m vastbus_cli.reports.schema_build`; a test fails until you do. Raise
`SUMMARY_FORMAT` when an older reader would misread the summary's new shape.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from vastbus_cli.reports.schema import SHIPPED, SUMMARY_SHIPPED

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _schema(model: Any, title: str, description: str, **options: Any) -> dict[str, Any]:
    schema: dict[str, Any] = model.model_json_schema(**options)
    schema["$schema"] = DRAFT
    schema["title"] = title
    schema["description"] = description
    return schema


def report_schema() -> dict[str, Any]:
    from vastbus_cli.reports.model import Report
    from vastbus_cli.vocabulary import ALL, DESCRIPTIONS

    schema = _schema(Report, "Årsberättelse för lokal Västbusgrupp",
                     "Format version 1. Skapa en ifylld mall med 'vastbus template'.",
                     by_alias=True)
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


def summary_schema() -> dict[str, Any]:
    from vastbus_cli.reports.summary import SUMMARY_FORMAT, Summary

    schema = _schema(
        Summary, "Delregional sammanställning av Västbusarbetet (vastbus compile -o x.json)",
        f"Formatversion {SUMMARY_FORMAT}. Skrivs av 'vastbus compile … -o x.json' och läses av "
        "'vastbus rollup', som gör den regionala sammanställningen av flera delregioners "
        "sammanställningar. Nycklarna är engelska; texterna som läsaren ser är svenska.",
        mode="serialization")
    schema["required"] = sorted({*schema.get("required", []), "format_version"})
    return schema


def as_json(schema: dict[str, Any]) -> str:
    """The file's text: UTF-8 as written, two-space indents, a final newline."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def report_schema_json() -> str:
    return as_json(report_schema())


def summary_schema_json() -> str:
    return as_json(summary_schema())


#: Every schema shipped in the package, and what writes it.
SHIPPED_SCHEMAS: dict[Path, Callable[[], str]] = {
    SHIPPED: report_schema_json,
    SUMMARY_SHIPPED: summary_schema_json,
}


if __name__ == "__main__":
    for path, text in SHIPPED_SCHEMAS.items():
        path.write_text(text(), encoding="utf-8")
        print(f"wrote {path}")
