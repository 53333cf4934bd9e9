"""`without_cycle_collection`: the collector is off inside, on again after, its objects frozen."""

import gc

from vastbus_cli.cli.common import without_cycle_collection


def test_collector_off_inside_and_on_after_with_the_blocks_objects_frozen() -> None:
    assert gc.isenabled()
    before = gc.get_freeze_count()
    try:
        with without_cycle_collection():
            assert not gc.isenabled()
            kept = [[i] for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= before + len(kept)
    finally:
        gc.unfreeze()


def test_collector_left_off_when_it_was_off() -> None:
    gc.disable()
    try:
        with without_cycle_collection():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
