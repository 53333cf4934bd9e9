"""Reports read by a command are left out of the cycle collector's scans until it ends
(`vastbus_cli/heap.py`); outside a command the collector is left as it was."""

from __future__ import annotations

import gc
from pathlib import Path

from vastbus_cli import heap
from vastbus_cli.reports.validate import validate_paths

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "rapporter" / "2025"


def test_a_command_freezes_each_report_read_and_unfreezes_at_its_end() -> None:
    counts: list[int] = []
    with heap.one_command():
        validate_paths([EXAMPLES], progress=lambda _: counts.append(gc.get_freeze_count()))
        after = gc.get_freeze_count()
    assert len(counts) == len(list(EXAMPLES.glob("arsberattelse-*.yaml")))
    # nothing frozen before the first report; each report frozen before the next is read
    assert counts[0] == 0 and all(c > 0 for c in counts[1:]) and after > 0
    assert gc.get_freeze_count() == 0


def test_outside_a_command_nothing_is_frozen() -> None:
    validate_paths([EXAMPLES])
    assert gc.get_freeze_count() == 0


def test_nested_commands_unfreeze_once_the_outer_ends() -> None:
    with heap.one_command():
        with heap.one_command():
            heap.read()
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0
