"""What a command has read kept out of the cycle collector's way until the command ends.

CPython's cycle collector scans every container object it tracks. `compile` keeps
every report it reads (~40 KiB of objects each) alive until the summary is written,
and each of the collector's full scans walks the whole heap read so far: at 10 000
reports those scans were a fifth of the command's CPU time, and a report cost a
quarter more than at 1 000 (issue 28; benchmarks/RESULTS.md). A report read stays
until the command ends, so `read()` freezes it (`gc.freeze`: everything alive is moved,
in O(1), to the generation the collector never scans) and the collector only ever
looks at what the report being read made. Memory freed by reference counting is freed
as before; only cyclic garbage made before a freeze waits until the command ends.

Freezing happens only inside `one_command()`, which the CLI wraps around each command
and which unfreezes when the command is done: a caller running many compiles in one
process (the tests, a library user) keeps the collector as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_depth = 0  # how many `one_command` blocks are open


@contextmanager
def one_command() -> Iterator[None]:
    """A command's run: what `read()` marks stays unscanned until the block ends."""
    global _depth
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if not _depth:
            gc.unfreeze()


def read() -> None:
    """Everything alive now is kept for the rest of the command: leave it out of scans."""
    if _depth:
        gc.freeze()
