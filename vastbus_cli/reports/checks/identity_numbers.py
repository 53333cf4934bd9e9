"""The privacy guard over the whole file text, comments included.

It runs on every file that could be decoded, even one with schema errors, so it
is called by the validator directly rather than listed with the checks of
parsed reports.
"""

from __future__ import annotations

from collections.abc import Iterator

from vastbus_cli.privacy import (
    PRIVACY_HINT,
    PRIVACY_MESSAGE,
    find_identity_numbers,
    may_hold_identity_number,
)
from vastbus_cli.problems import Problem, warning

CODE = "personnummer"


def scan_text(path: str, text: str, message: str = PRIVACY_MESSAGE) -> Iterator[Problem]:
    """A warning at each identity number's line and column; `message` has a `{kind}`."""
    # A number never spans lines, so the whole text has a match exactly when some line has:
    # one regex search per file, and the line-by-line scan only for a file with a number.
    if not may_hold_identity_number(text) or next(find_identity_numbers(text), None) is None:
        return
    for line_no, line in enumerate(text.splitlines(), start=1):
        for number in find_identity_numbers(line):
            yield warning(path, line_no, number.start + 1, CODE,
                          message.format(kind=number.kind), PRIVACY_HINT)

