"""The shipped JSON Schemas: written by the one writer (reports/schema_build.py), current,
and right about what vastbus reads and writes (the examples, compile's JSON)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from vastbus_cli.reports.schema import SHIPPED, SUMMARY_SHIPPED
from vastbus_cli.reports.schema_build import SHIPPED_SCHEMAS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "rapporter"
REPORTS = sorted(EXAMPLES.rglob("arsberattelse-*.yaml"))


def _validator(path: Path) -> Any:
    import jsonschema

    schema = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize(("path", "write"), SHIPPED_SCHEMAS.items(),
                         ids=[p.name for p in SHIPPED_SCHEMAS])
def test_every_shipped_schema_is_what_the_writer_writes(path: Path,
                                                        write: Callable[[], str]) -> None:
    assert path.read_text(encoding="utf-8") == write(), \
        "run: python -m vastbus_cli.reports.schema_build"


def test_both_schemas_are_shipped() -> None:
    assert set(SHIPPED_SCHEMAS) == {SHIPPED, SUMMARY_SHIPPED}


def test_the_report_schema_accepts_every_example_report() -> None:
    assert len(REPORTS) == 23
    validator = _validator(SHIPPED)
    for path in REPORTS:
        errors = [e.message for e in validator.iter_errors(
            yaml.safe_load(path.read_text(encoding="utf-8")))]
        assert errors == [], path.name


def test_the_report_schema_refuses_a_value_outside_its_list() -> None:
    report = yaml.safe_load((EXAMPLES / "2025" / "arsberattelse-2025-hjo.yaml").read_text(
        encoding="utf-8"))
    report["sammansättning"][0]["organisation"] = "polisen"
    (error,) = _validator(SHIPPED).iter_errors(report)
    assert list(error.absolute_path) == ["sammansättning", 0, "organisation"]


def test_the_summary_schema_accepts_compiles_json() -> None:
    from vastbus_cli.render.formats import render_summary
    from vastbus_cli.reports.compile import compile_reports

    result = compile_reports(EXAMPLES / "2025", previous=EXAMPLES / "2024",
                             produced=dt.date(2026, 5, 20))
    assert result.summary is not None
    written = json.loads(render_summary(result.summary, "json"))
    assert list(_validator(SUMMARY_SHIPPED).iter_errors(written)) == []
    del written["format_version"]
    (error,) = _validator(SUMMARY_SHIPPED).iter_errors(written)
    assert error.validator == "required" and "format_version" in error.message
