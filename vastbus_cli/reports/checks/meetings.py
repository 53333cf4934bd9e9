"""More meetings held than planned is possible, but usually a typo: a warning."""

from __future__ import annotations

from collections.abc import Iterator

from vastbus_cli.problems import Problem, warning
from vastbus_cli.reports.checks.base import Context, ReportFile

CODE = "möten-fler-än-planerat"


def check(rf: ReportFile, ctx: Context) -> Iterator[Problem]:
    meetings = rf.report.meetings
    if meetings.held > meetings.planned >= 0:
        line, column = rf.at("möten", "genomförda")
        yield warning(
            rf.path, line, column, CODE,
            f"Fler genomförda möten ({meetings.held}) än planerade ({meetings.planned}).",
            "Kontrollera siffrorna; stämmer de kan du låta dem stå.",
        )
