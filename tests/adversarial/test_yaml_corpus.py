"""Every hostile YAML file against every command that reads YAML.

The same bytes are handed in as a report (`validate`, `compile`), as a roster
(`template --roster`) and as a survey spec (`tally --spec`). See corpus.py for
what is asserted on every run.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from adversarial.corpus import Case, check, run
from adversarial.yaml_cases import LOAD_CASES, REPORT_CASES
from reportdata import VALID

CSV = "Vilken grupp?;Fungerar SIP?\r\nSkövde;Ja\r\nGötene;Nej\r\n".encode()
ALL = LOAD_CASES + REPORT_CASES


def _ids(cases: list[Case]) -> list[str]:
    return [c.id for c in cases]


@pytest.mark.parametrize("case", ALL, ids=_ids(ALL))
def test_validate(tmp_path: Path, case: Case) -> None:
    outcome = run(tmp_path, {"rapport.yaml": case.data}, ["validate", "rapport.yaml"])
    check(outcome, case, "rapport.yaml")


@pytest.mark.parametrize("case", ALL, ids=_ids(ALL))
def test_compile(tmp_path: Path, case: Case) -> None:
    outcome = run(tmp_path, {"rapporter/rapport.yaml": case.data},
                  ["compile", "rapporter", "-o", "ut.md"])
    check(outcome, case, "rapport.yaml")


@pytest.mark.parametrize("case", LOAD_CASES, ids=_ids(LOAD_CASES))
def test_template_roster(tmp_path: Path, case: Case) -> None:
    outcome = run(tmp_path, {"grupper.yaml": case.data},
                  ["template", "--roster", "grupper.yaml", "--year", "2025", "-o", "mallar"])
    check(outcome, case, "grupper.yaml")


@pytest.mark.parametrize("case", LOAD_CASES, ids=_ids(LOAD_CASES))
def test_tally_spec(tmp_path: Path, case: Case) -> None:
    outcome = run(tmp_path, {"spec.yaml": case.data, "svar.csv": CSV},
                  ["tally", "svar.csv", "--spec", "spec.yaml", "-o", "ut.md"])
    check(outcome, case, "spec.yaml")


@pytest.mark.parametrize("case", LOAD_CASES, ids=_ids(LOAD_CASES))
def test_compile_roster_in_folder(tmp_path: Path, case: Case) -> None:
    outcome = run(tmp_path, {"rapporter/grupper.yaml": case.data,
                             "rapporter/skovde.yaml": VALID.encode()},
                  ["compile", "rapporter", "-o", "ut.md"])
    check(outcome, case, "grupper.yaml")


@pytest.mark.parametrize("case", ALL, ids=_ids(ALL))
def test_validate_json(tmp_path: Path, case: Case) -> None:
    outcome = run(tmp_path, {"rapport.yaml": case.data},
                  ["validate", "--format", "json", "rapport.yaml"])
    assert outcome.code == case.code, outcome.output
    found = json.loads(outcome.output)
    problems = [p for p in found["problem"] if p["file"] == "rapport.yaml"] \
        if isinstance(found, dict) and "problem" in found else None
    assert problems is not None, outcome.output
    if case.code:
        assert problems and all(p["message"] for p in problems)
    if case.line is not None:
        assert case.line in [p["line"] for p in problems]
