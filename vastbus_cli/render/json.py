"""The summary as JSON: the whole model, English keys, for integration with other tools."""

from __future__ import annotations

from vastbus_cli.reports.summary import Summary


def render(summary: Summary) -> str:
    return summary.model_dump_json(indent=2) + "\n"
