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
    read as the float's 1,1499… The precision follows the value: the default 28 digits
    could not hold the mean of a column of 29-digit numbers to two decimals (decimal's
    InvalidOperation ended the tally in "internt fel")."""
    from decimal import ROUND_HALF_UP, Context, Decimal  # ~4 ms, not at start-up

    exact = Decimal(repr(value))
    if not exact.is_finite():
        return exact
    context = Context(prec=max(28, exact.adjusted() + decimals + 2))
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=context)


def rounded(value: float, decimals: int) -> float:
    """`half_up` as a float, for the tally's figures (JSON and CSV)."""
    return float(half_up(value, decimals))
