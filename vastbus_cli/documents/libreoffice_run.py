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
    with _terminate_raises():
        child = subprocess.Popen(command, **options)
        tail = bytearray()
        reader = threading.Thread(target=_keep_tail, args=(child.stdout, tail), daemon=True)
        reader.start()
        try:
            returncode = child.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            raise ChildTimeout from None
        finally:
            _kill_group(child)
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


@contextmanager
def _terminate_raises() -> Iterator[None]:
    """While LibreOffice runs, SIGTERM ends vastbus through Python's unwinding (exit code
    143), so the group is killed on the way out. Python's default would end the process
    at once and leave LibreOffice running. A handler someone else installed is kept."""
    sigterm = getattr(signal, "SIGTERM", None)
    main = threading.current_thread() is threading.main_thread()
    if sigterm is None or not main or signal.getsignal(sigterm) is not signal.SIG_DFL:
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    signal.signal(sigterm, stop)
    try:
        yield
    finally:
        signal.signal(sigterm, signal.SIG_DFL)
