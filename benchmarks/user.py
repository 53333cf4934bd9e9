"""The user's workload, command by command, against the user's targets.

    python benchmarks/user.py            # 7 rounds, prints each command's fastest and median
    python benchmarks/user.py --reps 3 --only compile

What a coordinator runs: a sub-region's 70 reports with its roster and last year's 70,
the region's 420 reports, and a 10 000-row survey export in two rounds (two files of
5 000 rows). Every command must finish in under 1 s wall on a 2-core machine, `--help`
in under 0.3 s. `run.py` uses the same commands (section U); this script alone is quick
enough to measure one change before and after (the fastest round counts: on a shared
machine noise only ever adds time).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

ROOT = HERE.parent
HELP_TARGET = 0.3
TARGET = 1.0
SUBREGION, REGION, SURVEY_ROWS = 70, 420, 10_000
ROLLUP_PARTS = 6  # a roll-up of six sub-regions of SUBREGION reports: the region's size


def _texts(year: int) -> list[str]:
    texts = []
    for path in sorted((ROOT / "examples" / "rapporter" / str(year)).glob("arsberattelse-*.yaml")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"(?m)^  namn: .*$", '  namn: "{name}"', text, count=1)
        text = re.sub(r"(?m)^  kommun: .*$", '  kommun: "{name}"', text, count=1)
        texts.append(text)
    return texts


def write_year(folder: Path, year: int, count: int, subregion: str = "Skaraborg",
               first: int = 0) -> Path:
    """`count` reports of `year` (the examples, renamed from group `first` on) and a roster
    listing exactly them, all in `subregion`."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = _texts(year)
    for i in range(first, first + count):
        name = generate.group_name(i)
        text = texts[i % len(texts)].replace("{name}", name)
        text = re.sub(r'(?m)^  delregion: "?Skaraborg"?$', f'  delregion: "{subregion}"', text)
        (folder / f"arsberattelse-{year}-{i:05d}.yaml").write_text(text, encoding="utf-8")
    lines = [f"delregion: {subregion}", "grupper:"]
    for i in range(first, first + count):
        lines += [f'  - namn: "{generate.group_name(i)}"', f'    kommun: "{generate.group_name(i)}"']
    (folder / "grupper.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def build(data: Path) -> dict[str, Path]:
    paths = {
        "sub": data / f"sub-{SUBREGION}" / "2025",
        "sub_prev": data / f"sub-{SUBREGION}" / "2024",
        "region": data / f"region-{REGION}",
        "round1": data / "enkat-2025.csv",
        "round2": data / "enkat-2026.csv",
        "spec": data / "spec.yaml",
        "out": data / "out",
        "parts": data / "rollup",
    }
    marker = data / "done"
    wanted = repr((SUBREGION, REGION, SURVEY_ROWS, ROLLUP_PARTS))
    if not (marker.exists() and marker.read_text() == wanted):
        shutil.rmtree(data, ignore_errors=True)
        write_year(paths["sub"], 2025, SUBREGION)
        write_year(paths["sub_prev"], 2024, SUBREGION)
        write_year(paths["region"], 2025, REGION)
        generate.write_survey(paths["round1"], SURVEY_ROWS // 2, seed=11)
        generate.write_survey(paths["round2"], SURVEY_ROWS // 2, seed=12)
        generate.write_spec(paths["spec"])
        write_parts(paths["parts"])
        marker.write_text(wanted)
    paths["out"].mkdir(exist_ok=True)
    return paths


def write_parts(folder: Path) -> None:
    """ROLLUP_PARTS sub-regions of SUBREGION reports each, compiled to the JSON `rollup`
    reads (by the vastbus installed in this environment)."""
    for part in range(ROLLUP_PARTS):
        reports = write_year(folder / f"delregion-{part + 1}", 2025, SUBREGION,
                             f"Delregion {part + 1}", part * SUBREGION)
        subprocess.run([*vastbus(), "compile", str(reports), "-o",
                        str(folder / f"delregion-{part + 1}.json"), "--date", "2026-06-01"],
                       check=True, stdout=subprocess.DEVNULL)


@dataclass(frozen=True)
class UserCmd:
    key: str
    argv: list[str]
    target: float
    ok_codes: tuple[int, ...] = (0,)


def commands(vb: list[str], p: dict[str, Path]) -> list[UserCmd]:
    out = p["out"]
    sub, prev, region = str(p["sub"]), str(p["sub_prev"]), str(p["region"])
    survey = [str(p["round1"]), str(p["round2"]), "--spec", str(p["spec"])]
    cmds = [
        UserCmd("help", [*vb, "--help"], HELP_TARGET),
        UserCmd("compile-help", [*vb, "compile", "--help"], HELP_TARGET),
        UserCmd("schema", [*vb, "schema", "-o", str(out / "schema.json"), "--force"], TARGET),
        UserCmd("template-70", [*vb, "template", "--roster", str(p["sub"] / "grupper.yaml"),
                                "--year", "2026", "-o", str(out / "mallar"), "--force"], TARGET),
        UserCmd("form-70", [*vb, "template", "--form", "--roster",
                            str(p["sub"] / "grupper.yaml"), "--year", "2026", "-o",
                            str(out / "formular"), "--force"], TARGET),
        UserCmd("validate-one", [*vb, "validate", str(p["sub"] / "arsberattelse-2025-00000.yaml")],
                TARGET),
        UserCmd("validate-70", [*vb, "validate", sub], TARGET),
        UserCmd("validate-420", [*vb, "validate", region], TARGET),
    ]
    for fmt in ("md", "docx", "xlsx", "json"):
        cmds.append(UserCmd(f"compile-70-{fmt}", [*vb, "compile", sub, "--previous", prev, "-o",
                                                  str(out / f"s70.{fmt}"), "--force"], TARGET))
    for fmt in ("md", "docx", "xlsx", "json"):
        cmds.append(UserCmd(f"compile-420-{fmt}", [*vb, "compile", region, "-o",
                                                   str(out / f"s420.{fmt}"), "--force"], TARGET))
    parts = [str(p) for p in sorted(p["parts"].glob("delregion-*.json"))]
    for fmt in ("md", "docx", "xlsx", "json"):
        cmds.append(UserCmd(f"rollup-{ROLLUP_PARTS}-{fmt}", [*vb, "rollup", *parts, "-o",
                                                     str(out / f"r{ROLLUP_PARTS}.{fmt}"),
                                                     "--force"], TARGET))
    cmds.append(UserCmd("tally-table", [*vb, "tally", *survey], TARGET))
    for fmt in ("json", "md", "docx", "xlsx"):
        cmds.append(UserCmd(f"tally-{fmt}", [*vb, "tally", *survey, "-o",
                                             str(out / f"enkat.{fmt}"), "--force"], TARGET))
    return cmds


def run_once(argv: list[str], ok_codes: tuple[int, ...],
             tree: str = "") -> tuple[float, float, int, str]:
    """Wall seconds, CPU seconds, peak KiB, and an error ('' when fine); `tree` is a source
    tree put first on PYTHONPATH (a snapshot of another commit)."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "100"}
    if tree:
        env["PYTHONPATH"] = tree
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    failed = "" if code in ok_codes else f"exit {code}: {err.decode(errors='replace')[-300:]}"
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, failed


def vastbus() -> list[str]:
    script = Path(sys.executable).parent / "vastbus"
    return [str(script)] if script.exists() else [sys.executable, "-m", "vastbus_cli"]


def measure(cmds: list[UserCmd], reps: int) -> dict[str, dict[str, object]]:
    """Each command `reps` times, all commands alternately (noise hits them alike)."""
    found: dict[str, dict[str, object]] = {
        c.key: {"times": [], "cpus": [], "peaks": [], "failed": ""} for c in cmds}
    for _ in range(reps):
        for cmd in cmds:
            wall, cpu, peak, failed = run_once(cmd.argv, cmd.ok_codes)
            entry = found[cmd.key]
            entry["times"].append(wall)  # type: ignore[attr-defined]
            entry["cpus"].append(cpu)  # type: ignore[attr-defined]
            entry["peaks"].append(peak)  # type: ignore[attr-defined]
            if failed:
                entry["failed"] = failed
    return found


def table(cmds: list[UserCmd], found: dict[str, dict[str, object]]) -> list[str]:
    lines = ["| command | fastest | median | CPU (fastest) | peak | target | met |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for cmd in cmds:
        entry = found[cmd.key]
        times, cpus, peaks = entry["times"], entry["cpus"], entry["peaks"]
        if entry["failed"]:
            lines.append(f"| `{cmd.key}` | failed: {entry['failed']} | | | | {cmd.target:g} s | no |")
            continue
        fastest = min(times)  # type: ignore[type-var]
        met = "met" if fastest < cmd.target else "**not met**"
        lines.append(f"| `{cmd.key}` | {fastest:.3f} s | {statistics.median(times):.3f} s | "  # type: ignore[arg-type]
                     f"{min(cpus):.3f} s | {statistics.median(peaks) / 1024:.0f} MiB | "  # type: ignore[type-var,arg-type]
                     f"< {cmd.target:g} s | {met} |")
    return lines


def compare(cmds: list[UserCmd], trees: list[str], reps: int) -> list[str]:
    """Each command on each tree, alternately, `reps` rounds: fastest CPU and wall per tree."""
    found = {(c.key, t): ([], []) for c in cmds for t in trees}  # type: ignore[var-annotated]
    for _ in range(reps):
        for cmd in cmds:
            for tree in trees:
                wall, cpu, _, failed = run_once(cmd.argv, cmd.ok_codes, tree)
                if failed:
                    sys.exit(f"{cmd.key} on {tree}: {failed}")
                found[cmd.key, tree][0].append(wall)
                found[cmd.key, tree][1].append(cpu)
    names = [Path(t).name for t in trees]
    lines = ["| command | " + " | ".join(names) + " |", "| --- |" + " --- |" * len(trees)]
    for cmd in cmds:
        cells = [f"{min(found[cmd.key, t][1]):.3f} / {min(found[cmd.key, t][0]):.3f}"
                 for t in trees]
        lines.append(f"| `{cmd.key}` | " + " | ".join(cells) + " |")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--only", default="", help="commands whose key contains this text")
    parser.add_argument("--trees", default="", help="comma-separated source trees to compare "
                        "(e.g. snapshots made by snapshot.sh): CPU / wall seconds, fastest")
    args = parser.parse_args()
    p = build(HERE / ".data" / "user")
    cmds = [c for c in commands(vastbus(), p) if args.only in c.key]
    if args.trees:
        print("\n".join(compare(cmds, args.trees.split(","), args.reps)))
        return
    found = measure(cmds, args.reps)
    print("\n".join(table(cmds, found)))
    if any(entry["failed"] for entry in found.values()):
        sys.exit("some commands failed")


if __name__ == "__main__":
    main()
