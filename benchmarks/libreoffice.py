"""LibreOffice's share of a Word or PDF document: vastbus with LibreOffice on PATH, beside
vastbus's own rendering plus one plain `soffice --convert-to pdf` of the same document with
a warm profile (issue 28: the .docx should cost no more than that sum).

    .venv/bin/python benchmarks/libreoffice.py [--reps 3] [--trees A,B]

Documents: the examples' summary, the region's 420 reports (benchmarks/user.py's data) and
the survey report. Each row alternates the trees (source trees put first on PYTHONPATH, e.g.
snapshots made by benchmarks/snapshot.sh; '' is the working tree) round by round, so a
loaded machine weighs on both alike. Figures are CPU seconds (the process and every child
it waited for, LibreOffice included), fastest of the rounds, and wall seconds beside them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import user  # noqa: E402

ROOT = HERE.parent
EXAMPLES = ROOT / "examples"


def documents(data: dict[str, Path]) -> dict[str, list[str]]:
    """Each document's vastbus arguments, without `-o`."""
    enkat = EXAMPLES / "enkat"
    return {
        "summary (examples)": ["compile", str(EXAMPLES / "rapporter" / "2025"), "--previous",
                               str(EXAMPLES / "rapporter" / "2024"), "--date", "2026-05-20"],
        "region (420 reports)": ["compile", str(data["region"]), "--date", "2026-05-20"],
        "survey report": ["tally", str(enkat / "enkat-2018.csv"), str(enkat / "enkat-2019.csv"),
                          "--spec", str(enkat / "spec.yaml"), "--conclusions",
                          str(enkat / "slutsatser.md"), "--date", "2026-11-30"],
    }


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """CPU and wall seconds of one run (which must succeed)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{argv}: {err.decode(errors='replace')[-500:]}")
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--trees", default="", help="comma-separated source trees")
    parser.add_argument("--only", default="", help="documents whose name contains this text")
    args = parser.parse_args()
    soffice = shutil.which("soffice")
    if soffice is None:
        sys.exit("LibreOffice (soffice) is not installed")
    data = user.build(HERE / ".data" / "user")
    work = Path(tempfile.mkdtemp(prefix="vastbus-lo-bench-"))
    cache = HERE / ".data" / "cache"  # vastbus's warm profile lives here, not in ~/.cache
    plain_profile = (HERE / ".data" / "plain-profile").as_uri()
    trees = args.trees.split(",") if args.trees else [""]
    base = {**os.environ, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1",
            "XDG_CACHE_HOME": str(cache)}
    vb = user.vastbus()
    rows: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    for round_ in range(args.reps + 1):  # round 0 warms the profiles and is not counted
        for name, argv in documents(data).items():
            if args.only not in name:
                continue
            if not round_ and name != "summary (examples)":
                continue  # warming on the smallest document is enough
            for tree in trees:
                print(f"round {round_}: {name}, {tree or 'working tree'}", file=sys.stderr,
                      flush=True)
                env = {**base, "PYTHONPATH": tree} if tree else dict(base)
                docx = work / "out.docx"
                with_lo = timed([*vb, *argv, "-o", str(docx), "--force"], env)
                own = timed([*vb, *argv, "-o", str(docx), "--force"],
                            {**env, "PATH": "/nonexistent"})
                convert = timed([soffice, f"-env:UserInstallation={plain_profile}", "--headless",
                                 "--convert-to", "pdf", "--outdir", str(work), str(docx)], env)
                if round_:
                    for key, value in (("docx", with_lo), ("own", own), ("convert", convert)):
                        rows.setdefault((name, tree, key), []).append(value)
    shutil.rmtree(work, ignore_errors=True)
    print("| document | tree | `-o x.docx`, LibreOffice on PATH | vastbus alone | "
          "`soffice --convert-to pdf` (warm) | ratio |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in documents(data):
        for tree in trees:
            if (name, tree, "docx") not in rows:
                continue
            cpu = {k: min(c for c, _ in rows[name, tree, k]) for k in ("docx", "own", "convert")}
            wall = {k: min(w for _, w in rows[name, tree, k]) for k in ("docx", "own", "convert")}
            ratio = cpu["docx"] / (cpu["own"] + cpu["convert"])
            print(f"| {name} | {Path(tree).name or 'working tree'} | "
                  + " | ".join(f"{cpu[k]:.2f} / {wall[k]:.2f}" for k in ("docx", "own", "convert"))
                  + f" | {ratio:.2f} |")


if __name__ == "__main__":
    main()
