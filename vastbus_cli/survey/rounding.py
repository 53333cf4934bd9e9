"""Rounding as Excel rounds: half away from zero, the same in the data and in every document.

Python's `round` rounds half to even on the binary float, so 1 of 400 (0,25 %) became 0,2
in the JSON while Excel's '0.0%' shows 0,3 %, and 1 of 8 (12,5 %) became 12 where Excel
shows 13. Every figure the tally rounds (shares, changes, means, response rates) and every
share a renderer shows goes through `half_up`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from decimal import Decimal


def half_up(value: float, decimals: int) -> Decimal:
    """`value` to `decimals` places, half away from zero; `repr` keeps 1,15 from being
    read as the float's 1,1499…"""
    from decimal import ROUND_HALF_UP, Decimal  # ~4 ms, not at start-up

    return Decimal(repr(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def rounded(value: float, decimals: int) -> float:
    """`half_up` as a float, for the tally's figures (JSON and CSV)."""
    return float(half_up(value, decimals))
