"""The JSON summary: the integration keys and values a tool can rely on."""

from __future__ import annotations

import json

from reportfactory import sample_data, sample_summary

from vastbus_cli.render.json import render
from vastbus_cli.reports.summary import Summary


def test_integration_keys() -> None:
    data = json.loads(render(sample_summary()))
    current, _ = sample_data()
    assert data["subregion"] == "Skaraborg"
    assert data["year"] == 2025
    assert data["groups"] == ["Skövde", "Lidköping", "Mariestad"]
    assert data["missing"] == ["Hjo"]
    assert data["skipped"] == ["tibro-2025.yaml"]
    expected: dict[str, int] = {}
    for report in current:
        for d in report["avvikelser"]:
            expected[d["kategori"]] = expected.get(d["kategori"], 0) + d["antal"]
    assert data["deviations"]["by_category"] == expected
    assert data["deviations"]["recurring"] == ["sip_ej_kallad_eller_försenad"]
    assert data["produced"] == "2026-05-20" and data["deadline"] == "2026-06-01"
    assert data["parts"][0]["comparison"]["previous_year"] == 2024


def test_round_trips_into_the_model() -> None:
    text = render(sample_summary())
    assert "Sk\\u00f6vde" not in text and "Skövde" in text  # readable UTF-8
    assert Summary.model_validate_json(text) == sample_summary()
