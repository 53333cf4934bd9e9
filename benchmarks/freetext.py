"""Free-text scale (issue 19 item 6): `tally` of N rows of distinct free text, every format.

    python benchmarks/freetext.py 300000 1000000 [--timeout 600] [--formats md,xlsx] [--by]
                                  [--two] [--without-libreoffice]

Writes an export of N rows (a group column and one free-text question, `--two` for two,
every answer distinct) to a temporary folder, runs `vastbus tally` to each format once and prints a
Markdown table of wall time, CPU time and peak RSS (the child's, from `os.wait4`: for .docx
that includes LibreOffice's own process, ~210 MiB, when it is installed and fills in the
contents' page numbers; `--without-libreoffice` hides it from PATH to measure vastbus alone).
`--by` tallies per group (15 groups), `--two` has two free-text questions.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FORMATS = ["table", "md", "json", "csv", "xlsx", "docx"]
WORDS = ["barn", "familj", "skola", "möte", "samverkan", "socialtjänst", "vårdcentral", "BUP", "elevhälsa", "väntan", "stöd", "insats", "planering", "uppföljning", "kontakt"]


def export(path: Path, rows: int, two: bool = False) -> None:
    rng = random.Random(rows)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("Grupp;Hur fungerar samverkan?" + (";Övriga synpunkter" if two else "")
                  + "\r\n")
        for i in range(rows):
            text = " ".join(rng.choice(WORDS) for _ in range(8))
            other = f";Kommentar {i} {rng.choice(WORDS)}" if two else ""
            out.write(f"G{i % 15};Svar {i}: {text}{other}\r\n")


def measure(command: list[str], cwd: Path, timeout: float,
            env: dict[str, str] | None = None) -> tuple[str, float, float, float]:
    start = time.perf_counter()
    with open(cwd / "stdout.txt", "wb") as stdout:
        child = subprocess.Popen(command, cwd=cwd, stdout=stdout, stderr=subprocess.DEVNULL,
                                 start_new_session=True, env=env)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(child.pid, signal.SIGKILL)
                pid, status, usage = os.wait4(child.pid, 0)
                wall = time.perf_counter() - start
                return (f"stopped at {timeout:.0f} s", wall, usage.ru_utime + usage.ru_stime,
                        usage.ru_maxrss / 1024)
            time.sleep(0.05)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return (f"exit {code}", wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("rows", type=int, nargs="+")
    parser.add_argument("--timeout", type=float, default=600)
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--two", action="store_true", help="two free-text questions, not one")
    parser.add_argument("--by", action="store_true", help="tally per group (--by Grupp)")
    parser.add_argument("--without-libreoffice", action="store_true",
                        help="PATH without soffice, so .docx measures vastbus alone")
    args = parser.parse_args()
    env = None
    if args.without_libreoffice:
        env = dict(os.environ, PATH=str(Path(sys.executable).parent))
    by = ["--by", "Grupp"] if args.by else []
    vastbus = shutil.which("vastbus", path=str(Path(sys.executable).parent)) or "vastbus"
    print("| rows | format | result | wall | CPU | peak RSS |")
    print("| --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for rows in args.rows:
            source = work / f"svar{rows}.csv"
            export(source, rows, args.two)
            for fmt in args.formats.split(","):
                out = [] if fmt == "table" else ["-o", f"ut{rows}.{fmt}", "--force"]
                result, wall, cpu, rss = measure([vastbus, "tally", source.name, *by, *out],
                                                 work, args.timeout, env)
                print(f"| {rows:,} | {fmt} | {result} | {wall:.1f} s | {cpu:.1f} s | "
                      f"{rss:.0f} MiB |".replace(",", " "), flush=True)


if __name__ == "__main__":
    main()
