"""Hypothesis profiles: a short, deterministic one by default, and `--hypothesis-profile=fuzz` for a long run.

Tests that set their own `max_examples` keep it; the fuzz targets in tests/fuzz/ take the
number of examples from the profile.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

# derandomized and without an example database: a test (and so a mutant, docs/mutation.md)
# passes or fails the same way in every run
settings.register_profile(
    "ci", max_examples=10, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile(
    "fuzz", max_examples=10_000, deadline=None, print_blob=True,
    suppress_health_check=list(HealthCheck))
# the same for the costly targets (Word and Excel summaries) when a full run does not fit
settings.register_profile(
    "fuzz-1000", parent=settings.get_profile("fuzz"), max_examples=1_000)
settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _wide_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Messages on one line whatever the length of pytest's temp paths.

    rich wraps a message at the terminal width (80 without one), so a test that looked for
    'finns redan' failed once the temp folder's number grew (pytest-1023). Tests that want
    another width pass their own COLUMNS.
    """
    monkeypatch.setenv("COLUMNS", "250")
