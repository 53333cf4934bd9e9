"""Shared helpers: fixture paths, the example tally, and reading a tally's counts in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from vastbus_cli.survey.model import QuestionResult, Tally
from vastbus_cli.survey.readers import ReadOptions, read_responses
from vastbus_cli.survey.spec import Spec, load_spec
from vastbus_cli.survey.tally import tally

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parents[2] / "examples" / "enkat"


def tally_files(*names: str | Path, spec: Spec | None = None, by: str | None = None,
                options: ReadOptions | None = None) -> tuple[Tally, list]:
    rounds = []
    for index, name in enumerate(names):
        path = name if isinstance(name, Path) else FIXTURES / name
        rounds.append(read_responses(path, f"r{index + 1}", options))
    return tally(rounds, spec, by)


def question(result: Tally, text: str) -> QuestionResult:
    return next(q for q in result.questions if q.text.startswith(text) or q.id == text)


def counts(q: QuestionResult, round_label: str = "r1", group: str | None = None) -> dict[str, int]:
    found = q.result(round_label, group)
    assert found is not None
    return {o.label: o.count for o in found.options}


@pytest.fixture(scope="module")
def example() -> Tally:
    spec, _ = load_spec(EXAMPLES / "spec.yaml")
    rounds = [read_responses(EXAMPLES / "enkat-2018.csv", "2018", name="enkat-2018.csv"),
              read_responses(EXAMPLES / "enkat-2019.csv", "2019", name="enkat-2019.csv")]
    return tally(rounds, spec)[0]
