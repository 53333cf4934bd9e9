"""A folder holds one year's reports: one of another year would be summed into the wrong year.

`compile` summarises a folder as one year, so `validate` on the same folder must
say so first. Reports are compared with the others in the same folder (the year
most of them give), for folders named on the command line; files named one by
one are not, and a year that cannot be right at all is left to `orimligt-år`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from vastbus_cli.problems import Problem, error
from vastbus_cli.reports.checks.base import Context, ReportFile
from vastbus_cli.reports.checks.year import FIRST_YEAR

CODE = "annat-år"


def check(files: list[ReportFile], ctx: Context) -> Iterator[Problem]:
    by_folder: dict[Path, list[ReportFile]] = {}
    for rf in files:
        folder = Path(rf.path).parent
        if folder in ctx.folders and FIRST_YEAR <= rf.report.year <= ctx.today.year:
            by_folder.setdefault(folder, []).append(rf)
    for reports in by_folder.values():
        years = Counter(rf.report.year for rf in reports)
        if len(years) < 2:
            continue
        year = max(years, key=lambda y: (years[y], y))
        for rf in reports:
            if rf.report.year != year:
                yield error(rf.path, *rf.at("år"), CODE,
                            f"Årsberättelsen gäller {rf.report.year}, men de flesta i mappen "
                            f"gäller {year}.",
                            "En sammanställning gäller ett år; flytta filen till rätt års mapp.")
