"""The form's IDNA tables (`form/idna_table.py`, shipped as idna_ranges.json) say of each
character what `year/addresses.py` decides for a label holding it, without a browser."""

from __future__ import annotations

import bisect
import random

from vastbus_cli.form.idna_table import _settled, shipped
from vastbus_cli.year.addresses import AddressError, _label


def _in(code: int, ranges: list[list[int]]) -> bool:
    at = bisect.bisect_right([r[0] for r in ranges], code) - 1
    return at >= 0 and ranges[at][0] <= code <= ranges[at][1]


def _python_takes(label: str) -> bool:
    try:
        _label(label)
    except AddressError:
        return False
    return True


def test_each_character_as_python_decides_on_a_fixed_draw() -> None:
    tables = shipped()
    rng = random.Random(26)
    codes = [*range(0x80, 0x250), 0x1F0, 0x3002, 0xFF0E, 0x200D, 0x3C2, 0x1E9E,
             *(rng.randint(0x250, 0x10FFFF) for _ in range(2500))]
    checked = 0
    for code in codes:
        c = chr(code)
        if 0xD800 <= code <= 0xDFFF or not _settled(c):
            continue
        checked += 1
        assert _in(code, tables["stays"]) == _python_takes(c), hex(code)
    assert checked > 1500


def test_the_whitespace_is_pythons() -> None:
    assert shipped()["spaces"] == [c for c in range(0x110000) if chr(c).isspace()]
