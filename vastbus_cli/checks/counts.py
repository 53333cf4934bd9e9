"""Counts (representatives, meetings, deviations) can never be negative."""

from __future__ import annotations

from collections.abc import Iterator

from vastbus_cli.checks.base import Context, ReportFile
from vastbus_cli.load import Path_
from vastbus_cli.problems import Problem, error

CODE = "negativt-antal"


def _counts(rf: ReportFile) -> Iterator[tuple[Path_, int]]:
    report = rf.report
    yield ("möten", "planerade"), report.meetings.planned
    yield ("möten", "genomförda"), report.meetings.held
    for i, member in enumerate(report.composition):
        yield ("sammansättning", i, "antal"), member.representatives
    for i, deviation in enumerate(report.deviations):
        yield ("avvikelser", i, "antal"), deviation.count


def check(rf: ReportFile, ctx: Context) -> Iterator[Problem]:
    for path, value in _counts(rf):
        if value < 0:
            line, column = rf.at_path(path)
            yield error(rf.path, line, column, CODE, f"Antalet kan inte vara negativt ({value}).",
                        "Skriv 0 eller ett positivt heltal.")
