"""LibreOffice as a bounded child process: a time limit, a cap on what it prints, nothing left behind.

LibreOffice is a program we do not control: it can hang on a document, print
without end, or start helpers of its own (`soffice` is a launcher for
`soffice.bin`). So it runs in its own process group (its own session on POSIX,
a new process group on Windows): on a timeout, an interruption (Ctrl-C,
SIGTERM) or any other way out of `run`, the whole group is killed, and no
LibreOffice is left running after vastbus. What it prints is read as it comes
and only the last `TAIL_BYTES` are kept, for the error message: a LibreOffice
that prints 400 MB costs no memory.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import IO, Any

TAIL_BYTES = 8192  # what is kept of LibreOffice's output: enough for its last lines


@dataclass(frozen=True)
class Finished:
    """A LibreOffice run that ended by itself: its exit code and the last line it printed."""

    returncode: int
    said: str


class ChildTimeout(Exception):
    """LibreOffice did not finish in time (its process group has been killed)."""


def run(command: list[str], timeout: float) -> Finished:
    """Run `command` in a process group of its own; at most `timeout` seconds.

    Raises `ChildTimeout` after killing the group, `OSError` when the program
    cannot be started. Whatever happens, the group is gone when this returns.
    """
    options: dict[str, Any] = {"stdin": subprocess.DEVNULL, "stdout": subprocess.PIPE,
                               "stderr": subprocess.STDOUT}
    if os.name == "nt":
        options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP  # type: ignore[attr-defined]
    else:
        options["start_new_session"] = True
    tail = bytearray()
    with _terminate_raises() as terminate:
        child = subprocess.Popen(command, **options)
        reader = threading.Thread(target=_keep_tail, args=(child.stdout, tail), daemon=True)
        try:
            terminate.arm()  # from here on the group is killed however we leave
            reader.start()
            returncode = child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise ChildTimeout from None
        finally:
            _kill_group(child)
            if reader.is_alive():
                reader.join(timeout=5)
    lines = bytes(tail).decode("utf-8", "replace").strip().splitlines()
    return Finished(returncode, lines[-1].strip() if lines else "")


def _keep_tail(stream: IO[bytes] | None, tail: bytearray) -> None:
    """Read `stream` to its end, keeping only its last `TAIL_BYTES` in `tail`."""
    if stream is None:
        return
    with stream:
        while chunk := stream.read(65536):
            tail += chunk
            del tail[:-TAIL_BYTES]


def _kill_group(child: subprocess.Popen[bytes]) -> None:
    """Kill the child and every process in its group; wait for the child."""
    if os.name == "nt":
        # taskkill /T ends the process tree (a process group cannot be signalled as one)
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(child.pid)],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    else:
        with suppress(ProcessLookupError, PermissionError):  # the group is already gone
            os.killpg(child.pid, signal.SIGKILL)  # its session id is its pid
    if child.poll() is None:
        child.kill()
    child.wait()


class _Terminate:
    """SIGTERM while LibreOffice runs: ends vastbus through Python's unwinding (exit code 143),
    so the group is killed on the way out. Python's default would end the process at once
    and leave LibreOffice running. A signal that comes before `arm` (while the child is being
    started, before there is a group to kill) waits for it."""

    def __init__(self) -> None:
        self.armed = False
        self.pending = 0

    def __call__(self, signum: int, frame: object) -> None:
        if not self.armed:
            self.pending = signum
            return
        raise SystemExit(128 + signum)

    def arm(self) -> None:
        self.armed = True
        if self.pending:
            raise SystemExit(128 + self.pending)


@contextmanager
def _terminate_raises() -> Iterator[_Terminate]:
    """`_Terminate` as SIGTERM's handler while LibreOffice runs; a handler someone else
    installed is kept (and `arm` does nothing)."""
    terminate = _Terminate()
    sigterm = getattr(signal, "SIGTERM", None)
    main = threading.current_thread() is threading.main_thread()
    if sigterm is None or not main or signal.getsignal(sigterm) is not signal.SIG_DFL:
        yield terminate
        return
    signal.signal(sigterm, terminate)
    try:
        yield terminate
    finally:
        signal.signal(sigterm, signal.SIG_DFL)
