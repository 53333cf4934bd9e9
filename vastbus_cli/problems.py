"""The one type for everything a user can get wrong.

Loading, schema checks, semantic checks, roster checks and survey reading all
produce `Problem`s. They are collected, never raised at the user, so one run
shows every mistake in every file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from enum import Enum


class Severity(str, Enum):
    """Swedish severity names, as the user reads them."""

    ERROR = "fel"
    WARNING = "varning"


@dataclass(frozen=True)
class Problem:
    """One mistake at one place. `line` and `column` are 1-based; 0 means "whole file"."""

    file: str
    line: int
    column: int
    severity: Severity
    code: str
    message: str
    hint: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.code)

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["severity"] = self.severity.value
        return data


def error(file: str, line: int, column: int, code: str, message: str, hint: str = "") -> Problem:
    return Problem(file, line, column, Severity.ERROR, code, message, hint)


def warning(file: str, line: int, column: int, code: str, message: str, hint: str = "") -> Problem:
    return Problem(file, line, column, Severity.WARNING, code, message, hint)


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=Problem.sort_key)


def has_errors(problems: Iterable[Problem], strict: bool = False) -> bool:
    """True when a run must fail: any error, or with `strict` any problem at all."""
    return any(strict or p.is_error for p in problems)


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"
