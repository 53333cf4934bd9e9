"""Whatever bytes a user feeds `validate`, the answer is problems, never an exception."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from reportdata import VALID

from vastbus_cli.reports.load import load_bytes
from vastbus_cli.reports.model import Report
from vastbus_cli.reports.parse import parse_model
from vastbus_cli.reports.validate import validate_paths

yamlish = st.text(
    alphabet=st.sampled_from(list("abåäö:- \n\t#&*!|>'\"[]{},0123456789<%@`\\.")), max_size=200
)


def _run(raw: bytes) -> None:
    loaded = load_bytes(raw, "f.yaml")
    report, problems = parse_model(loaded, Report)
    if report is None:
        assert loaded.problems or problems
    for p in loaded.problems + problems:
        assert p.line >= 0 and p.column >= 0 and p.message


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes(raw: bytes) -> None:
    _run(raw)


@settings(max_examples=300, deadline=None)
@given(yamlish)
def test_yaml_like_text(text: str) -> None:
    _run(text.encode())


@settings(max_examples=200, deadline=None)
@given(st.integers(0, len(VALID) - 1), st.integers(0, 30), yamlish)
def test_mutated_report(start: int, length: int, insert: str) -> None:
    _run((VALID[:start] + insert + VALID[start + length:]).encode())


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=200))
def test_validate_pipeline_on_files(tmp_path_factory, raw: bytes) -> None:  # type: ignore[no-untyped-def]
    folder: Path = tmp_path_factory.mktemp("p")
    (folder / "x.yaml").write_bytes(raw)
    result = validate_paths([folder])
    assert len(result.files) == 1
