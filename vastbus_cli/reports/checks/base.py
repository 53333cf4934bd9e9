"""What every semantic check gets: one parsed report with its positions, and the context."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from vastbus_cli.problems import Problem
from vastbus_cli.reports.load import Path_, Positions
from vastbus_cli.reports.model import Report
from vastbus_cli.reports.roster import Roster


@dataclass(frozen=True)
class ReportFile:
    """A report that passed the schema, with where each value stands in its file."""

    path: str
    report: Report
    positions: Positions = field(default_factory=Positions)
    text: str = ""

    def at(self, *path: str | int, key: bool = False) -> tuple[int, int]:
        return self.positions.of(tuple(path), prefer_key=key)

    def at_path(self, path: Path_) -> tuple[int, int]:
        return self.positions.of(path)


@dataclass(frozen=True)
class Context:
    roster: Roster | None = None
    today: dt.date = field(default_factory=dt.date.today)
    #: folders named to validate/compile: their reports should all be of one year
    folders: frozenset[Path] = frozenset()


FileCheck = Callable[[ReportFile, Context], Iterable[Problem]]
SetCheck = Callable[[list[ReportFile], Context], Iterable[Problem]]
