"""Summary files → the regional overview: reading, the checks between files, then `rollup`.

Every file is read and checked before anything is merged, and every problem is
collected: a file of another format version or a corrupt one, summaries of different
years, and the same sub-region in two files (its figures would count twice).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from vastbus_cli.problems import Problem, error
from vastbus_cli.reports.rollup import ACROSS, rollup
from vastbus_cli.reports.roster import group_key
from vastbus_cli.reports.summary import Summary
from vastbus_cli.reports.summary_file import read_summary


def rollup_files(paths: Sequence[Path], *, produced: dt.date, recurring: int = 3,
                 across: int = ACROSS, appendix: bool = False
                 ) -> tuple[Summary | None, list[Problem]]:
    problems: list[Problem] = []
    read: list[tuple[Path, Summary]] = []
    for path in paths:
        summary, found = read_summary(path)
        problems += found
        if summary is not None:
            read.append((path, summary))
    seen: dict[str, Path] = {}
    for path, summary in read:
        for part in summary.parts:
            first = seen.setdefault(group_key(part.subregion), path)
            if first is not path:
                where = ("finns två gånger: samma fil är angiven två gånger"
                         if first.resolve() == path.resolve() else f"finns också i {first}")
                problems.append(error(str(path), 0, 0, "dubblett-delregion",
                                      f"Delregionen {part.subregion} {where}.",
                                      "Ange varje delregions sammanställning en gång."))
    years = {s.year for _, s in read}
    if len(years) > 1:
        first_year = read[0][1].year
        for path, summary in read:
            if summary.year != first_year:
                problems.append(error(
                    str(path), 0, 0, "annat-år",
                    f"Sammanställningen gäller {summary.year}, men {read[0][0]} gäller "
                    f"{first_year}.", "Sammanställ ett verksamhetsår i taget."))
    if problems or not read:
        return None, problems
    return rollup([s for _, s in read], produced=produced, recurring=recurring, across=across,
                  appendix=appendix), []
