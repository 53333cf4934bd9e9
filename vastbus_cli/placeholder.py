"""The template's placeholder text ("FYLL I: …"), in a module without pydantic.

`parse.py` reports placeholder values as "not filled in"; the survey spec's plain
reader (`survey/spec.py`), which loads no pydantic, leaves them to the schema.
"""

from __future__ import annotations

from typing import Any

PLACEHOLDER = "FYLL I"


def is_placeholder(value: Any) -> bool:
    return isinstance(value, str) and value.strip().upper().startswith(PLACEHOLDER)


def may_hold_placeholder(text: str) -> bool:
    """False when `text.upper()` cannot hold PLACEHOLDER, found without upper-casing the text.

    In upper case a 'Y' followed by an 'L' comes only from 'y' or 'Y' followed by 'l' or
    'L' (tests/test_parse.py checks every character), so without one of those four pairs
    there is no 'FYLL I'. Upper-casing a whole file costs ten times as much.
    """
    return "yl" in text or "yL" in text or "Yl" in text or "YL" in text
