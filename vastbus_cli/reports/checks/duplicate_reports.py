"""Two reports for the same group and year: the summary would count the group twice."""

from __future__ import annotations

from collections.abc import Iterator

from vastbus_cli.problems import Problem, error
from vastbus_cli.reports.checks.base import Context, ReportFile
from vastbus_cli.reports.roster import group_key

CODE = "dubblettrapport"


def check(files: list[ReportFile], ctx: Context) -> Iterator[Problem]:
    first: dict[tuple[str, int], ReportFile] = {}
    for rf in files:
        key = (group_key(rf.report.group.name), rf.report.year)
        if key not in first:
            first[key] = rf
            continue
        line, column = rf.at("grupp", "namn")
        yield error(rf.path, line, column, CODE,
                    f"Det finns redan en årsberättelse för '{rf.report.group.name}' "
                    f"{rf.report.year}: {first[key].path}.",
                    "Ta bort eller flytta den ena filen så att varje grupp har en berättelse per år.")
