"""Counts (representatives, meetings, deviations) are never negative nor absurdly large.

A number too large to be true is a typo (or a hostile file); it would also
swamp every sum in the summary. Key figures may be negative (a change) but
must be finite and of a size a table can show.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from vastbus_cli.problems import Problem, error
from vastbus_cli.reports.checks.base import Context, ReportFile
from vastbus_cli.reports.load import Path_

CODE = "negativt-antal"
TOO_LARGE = "orimligt-tal"
MAX_COUNT = 100_000
MAX_KEY_FIGURE = 1_000_000_000


def _counts(rf: ReportFile) -> Iterator[tuple[Path_, int]]:
    report = rf.report
    yield ("möten", "planerade"), report.meetings.planned
    yield ("möten", "genomförda"), report.meetings.held
    for i, member in enumerate(report.composition):
        yield ("sammansättning", i, "antal"), member.representatives
    for i, deviation in enumerate(report.deviations):
        yield ("avvikelser", i, "antal"), deviation.count


def _shown(value: float) -> str:
    text = str(value)
    return text if len(text) <= 20 else text[:20] + "…"


def check(rf: ReportFile, ctx: Context) -> Iterator[Problem]:
    for path, value in _counts(rf):
        if 0 <= value <= MAX_COUNT:
            continue  # positions are looked up only for a problem (a file without one needs none)
        line, column = rf.at_path(path)
        if value < 0:
            yield error(rf.path, line, column, CODE, f"Antalet kan inte vara negativt ({value}).",
                        "Skriv 0 eller ett positivt heltal.")
        elif value > MAX_COUNT:
            yield error(rf.path, line, column, TOO_LARGE,
                        f"Antalet {_shown(value)} är orimligt stort (gränsen är "
                        f"{MAX_COUNT:,}).".replace(",", " "), "Kontrollera siffran.")
    for name, number in rf.report.key_figures.items():
        if not math.isfinite(number) or abs(number) > MAX_KEY_FIGURE:
            line, column = rf.at_path(("nyckeltal", name))
            yield error(rf.path, line, column, TOO_LARGE,
                        f"Nyckeltalet '{name}' har ett orimligt värde ({_shown(number)}); "
                        f"gränsen är {MAX_KEY_FIGURE:,}.".replace(",", " "),
                        "Skriv ett tal, t.ex. 14.")
