"""Benchmark: validate a folder of N generated reports (default 500) and time start-up.

Run: python benchmarks/bench_validate.py [N]
Speed is measured here, never in timed tests.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from reportdata import VALID  # noqa: E402

from vastbus_cli.validate import validate_paths  # noqa: E402


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(n):
            text = VALID.replace("namn: Skövde", f"namn: Grupp {i}")
            (folder / f"r{i:05d}.yaml").write_text(text, encoding="utf-8")
        start = time.perf_counter()
        result = validate_paths([folder])
        elapsed = time.perf_counter() - start
        assert not result.problems, result.problems[:3]
        print(f"validate: {n} reports in {elapsed:.2f} s ({elapsed / n * 1000:.2f} ms/report)")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vastbus_cli", "--help"], check=True,
                   capture_output=True)
    print(f"start-up (vastbus --help): {time.perf_counter() - start:.2f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
