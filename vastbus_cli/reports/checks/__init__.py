"""Semantic checks: one module per check, each a generator of problems with its own code.

Adding a check is adding a module and listing it here; the validator never changes.
"""

from __future__ import annotations

from vastbus_cli.reports.checks import (
    counts,
    duplicate_reports,
    meetings,
    other_year,
    roster_groups,
    year,
)
from vastbus_cli.reports.checks.base import Context, FileCheck, ReportFile, SetCheck

FILE_CHECKS: tuple[FileCheck, ...] = (
    counts.check,
    meetings.check,
    year.check,
    roster_groups.check,
)
SET_CHECKS: tuple[SetCheck, ...] = (duplicate_reports.check, other_year.check)

__all__ = ["FILE_CHECKS", "SET_CHECKS", "Context", "ReportFile"]
