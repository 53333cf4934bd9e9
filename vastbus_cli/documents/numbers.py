"""Swedish number formats, the same in every document: `1 234`, `2,5`, `+3`, `−2`, `±0`."""

from __future__ import annotations


def format_number(value: float) -> str:
    """Swedish number format: `1 234`, `2,5`; whole numbers without decimals."""
    if float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u00a0").replace(".", ",")


def signed(value: float) -> str:
    """A change with its sign: `+3`, `−2` (a real minus), `±0`."""
    if value == 0:
        return "±0"
    return ("+" if value > 0 else "\u2212") + format_number(abs(value))


def count_cell(n: float) -> str:
    """A count in a matrix: a dash for none, so gaps stand out."""
    return "–" if n == 0 else format_number(n)
