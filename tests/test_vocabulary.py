"""Controlled lists: every member has its own Swedish label, also where codes coincide."""

from __future__ import annotations

from pathlib import Path

from vastbus_cli.reports.schema import SCHEMA_FILE, report_schema_json
from vastbus_cli.reports.schema_build import report_schema_json as build_schema_json
from vastbus_cli.vocabulary import ALL, LABELS, DeviationCategory, Organisation

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "rapporter"


def test_every_member_has_a_label() -> None:
    assert len(LABELS) == sum(len(list(v)) for v in ALL)
    for vocabulary in ALL:
        for member in vocabulary:
            assert member.label


def test_equal_codes_in_different_lists_keep_their_own_labels() -> None:
    assert Organisation.ANNAN.value == DeviationCategory.ANNAN.value == "annan"
    assert Organisation.ANNAN.label == "Annan"
    assert DeviationCategory.ANNAN.label == "Annan avvikelse"


def test_shipped_schema_is_current() -> None:
    """`vastbus schema` prints the file shipped in the package; it must be what the models say."""
    assert report_schema_json() == build_schema_json(), "run: python -m vastbus_cli.reports.schema_build"


def test_shipped_example_schema_is_current() -> None:
    """The examples' `$schema` pointer must find the schema of this version beside them."""
    for year in ("2024", "2025"):
        shipped = EXAMPLES / year / SCHEMA_FILE
        assert shipped.read_text(encoding="utf-8") == report_schema_json(), (
            f"run: vastbus schema -o {shipped} --force")
