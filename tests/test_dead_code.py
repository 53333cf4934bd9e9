"""Code nothing calls is removed, not kept "just in case" (issue #19.11)."""

from __future__ import annotations

import importlib

import pytest

REMOVED = [
    ("vastbus_cli.output", "write_text"),
    ("vastbus_cli.render.common", "composition_total"),
    ("vastbus_cli.render.common", "status_text"),
]


@pytest.mark.parametrize(("module", "name"), REMOVED)
def test_removed_function_stays_removed(module: str, name: str) -> None:
    assert not hasattr(importlib.import_module(module), name)


def test_removed_methods_stay_removed() -> None:
    from vastbus_cli.problems import Problem
    from vastbus_cli.reports.model import Report

    assert not hasattr(Report, "to_yaml_dict")
    assert not hasattr(Problem, "with_file")
