"""Layer 4: the codes a layout writes for "not asked" or "not answered", which are no answer.

LimeSurvey writes `N/A` for a question the respondent never saw (its "convert N/A" export
default); EFS Survey (Unipark) writes `-77` (not shown), `-99` (not answered) and `-66`
(not seen). In other tools `N/A` can be a real option ("N/A – does not apply" on a scale), so
the codes depend on the layout. A file no layout claims gets the generic codes (EFS's, which
no scale uses) only where its own cells show them: a SurveyMonkey or Google Forms file that
holds no `-99` has no missing codes, and `--visa-tolkning` must not say it has. A cell holding
a missing code counts as blank: not in the options, not in the base.
"""

from __future__ import annotations

from collections.abc import Iterable

GENERIC = frozenset({"-77", "-99", "-66"})
BY_LAYOUT = {
    "LimeSurvey": frozenset({"n/a"}),
    "EFS Survey": frozenset({"-77", "-99", "-66", "-88"}),
}


def missing_codes(layout_name: str, sample: Iterable[list[str]] = ()) -> frozenset[str]:
    """The missing-value codes (folded) of the layout named `layout_name`, plus each generic
    code that a cell of `sample` (the first data rows) holds."""
    own = next((codes for name, codes in BY_LAYOUT.items() if layout_name.startswith(name)),
               frozenset())
    wanted = GENERIC - own
    seen = {cell.strip() for row in sample for cell in row} & wanted if wanted else set()
    return own | frozenset(seen)


def describe(codes: frozenset[str]) -> str | None:
    """For -v: 'koder för saknade svar (räknas inte som svar): -66, -77, -99'; None when the
    file has none."""
    if not codes:
        return None
    shown = sorted(c.upper() if c == "n/a" else c for c in codes)
    return "koder för saknade svar (räknas inte som svar): " + ", ".join(shown)
