"""The tally as JSON: the `Tally` model's own fields, for tools and later processing."""

from __future__ import annotations

import io
import json

from vastbus_cli.survey.model import Tally, json_fields


def render(tally: Tally) -> bytes:
    """What `json.dumps(as_json(tally), ensure_ascii=False, indent=2)` gives, encoded piece by
    piece into one buffer: no dict per answer, no list of every piece (issue 19 item 6)."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2, default=json_fields)
    out = io.StringIO()
    for chunk in encoder.iterencode(tally):
        out.write(chunk)
    out.write("\n")
    return out.getvalue().encode()
