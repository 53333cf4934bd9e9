"""The tally as JSON: the `Tally` model's own fields, for tools and later processing."""

from __future__ import annotations

import json

from vastbus_cli.survey.model import Tally, as_json


def render(tally: Tally) -> bytes:
    return (json.dumps(as_json(tally), ensure_ascii=False, indent=2) + "\n").encode()
