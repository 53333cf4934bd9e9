"""The survey job as one library call, like `compile_reports` for the summary: exports (and a
spec) in, the tally and every problem out. The CLI only parses options, calls it and prints;
tests and other programs call it the same way."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vastbus_cli.problems import Problem
from vastbus_cli.survey.model import Tally
from vastbus_cli.survey.readers import ReadOptions, read_responses
from vastbus_cli.survey.responses import Responses
from vastbus_cli.survey.spec import Spec


@dataclass
class SurveyJob:
    """What one run of the survey job gave: the tally (None when no file could be read), the
    problems of every file, and the rounds as read (their notes say how, for -v)."""

    result: Tally | None
    problems: list[Problem] = field(default_factory=list)
    rounds: list[Responses] = field(default_factory=list)

    @property
    def unreadable(self) -> list[Responses]:
        return [r for r in self.rounds if not r.layout.headers]


def tally_exports(files: Sequence[tuple[str, Path]], spec: Spec | None = None,
                  by: str | None = None, options: ReadOptions | None = None) -> SurveyJob:
    """Read each (round label, export) and tally them; nothing is counted when a file cannot
    be read at all (its problems say why)."""
    from vastbus_cli.survey.tally import tally

    rounds = [read_responses(path, label, options) for label, path in files]
    job = SurveyJob(None, [], rounds)
    if job.unreadable:
        job.problems = [p for r in job.unreadable for p in r.problems]
        return job
    job.result, job.problems = tally(rounds, spec, by)
    return job
