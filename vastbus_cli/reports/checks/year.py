"""A reporting year before Västbus existed, or in the future, cannot be right."""

from __future__ import annotations

from collections.abc import Iterator

from vastbus_cli.problems import Problem, error
from vastbus_cli.reports.checks.base import Context, ReportFile

CODE = "orimligt-år"
FIRST_YEAR = 2005  # the Västbus guidelines date from 2005


def check(rf: ReportFile, ctx: Context) -> Iterator[Problem]:
    year = rf.report.year
    if not FIRST_YEAR <= year <= ctx.today.year:
        line, column = rf.at("år")
        yield error(rf.path, line, column, CODE,
                    f"Året {year} kan inte stämma för en årsberättelse.",
                    f"Skriv verksamhetsåret, ett år mellan {FIRST_YEAR} och {ctx.today.year}.")
