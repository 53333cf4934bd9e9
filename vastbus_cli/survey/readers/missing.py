"""Layer 4: the codes a layout writes for "not asked" or "not answered", which are no answer.

LimeSurvey writes `N/A` for a question the respondent never saw (its "convert N/A" export
default); EFS Survey (Unipark) writes `-77` (not shown), `-99` (not answered) and `-66`
(not seen). In other tools `N/A` can be a real option ("N/A – does not apply" on a scale), so
the codes depend on the layout. The generic list holds only the EFS codes, which no scale
uses. A cell holding a missing code counts as blank: not in the options, not in the base.
"""

from __future__ import annotations

GENERIC = frozenset({"-77", "-99", "-66"})
BY_LAYOUT = {
    "LimeSurvey": frozenset({"n/a"}),
    "EFS Survey": frozenset({"-77", "-99", "-66", "-88"}),
}


def missing_codes(layout_name: str) -> frozenset[str]:
    """The missing-value codes (folded) of the layout named `layout_name`, plus the generic ones."""
    for name, codes in BY_LAYOUT.items():
        if layout_name.startswith(name):
            return GENERIC | codes
    return GENERIC


def describe(codes: frozenset[str]) -> str:
    """For -v: 'saknade värden (räknas inte som svar): -66, -77, -99'."""
    shown = sorted(c.upper() if c == "n/a" else c for c in codes)
    return "koder för saknade svar (räknas inte som svar): " + ", ".join(shown)
