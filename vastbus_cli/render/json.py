"""The summary as JSON: the whole model, English keys, for integration with other tools.

Beside the model, `digest` carries the generated Sammanfattning as the documents show it
((lead, text) pairs), so a tool can show the same opening without rebuilding the sentences.
"""

from __future__ import annotations

import json

from vastbus_cli.reports.summary import Summary


def render(summary: Summary) -> str:
    from vastbus_cli.render.digest import digest_lines

    data = summary.model_dump(mode="json")
    data["digest"] = [{"lead": lead, "text": text} for lead, text in digest_lines(summary)]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
