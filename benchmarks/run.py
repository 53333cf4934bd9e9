"""Benchmarks: the user's targets, linearity and memory, and vastbus beside other tools.

    python benchmarks/run.py            # the full run, writes benchmarks/RESULTS.md
    python benchmarks/run.py --quick    # a smoke run on tiny inputs (< 1 minute, no network)

The targets are the user's (section U, the commands of `user.py`): on a 2-core
machine every command on the real workload (a sub-region's 70 reports with roster
and last year's, the region's 420, a 10 000-row survey in two rounds) finishes in
under 1 s, `--help` in under 0.3 s; and cost stays linear up to 10 000 reports and
1 000 000 survey rows with memory flat (P2, P3, P5). The comparisons with bare parsers
and other tools (P1-P4) are reported, not goals.

Run it with the Python of the environment vastbus is installed in (e.g.
`.venv/bin/python benchmarks/run.py`). Inputs are generated under
`benchmarks/.data/` (git-ignored). pandas, polars, csvkit and check-jsonschema
are installed into their own environment, `benchmarks/.venv-tools/`, never into
the project's; when that fails (or in --quick mode, when it does not exist yet)
their rows say so and the run goes on.

Every measured command is a whole child process: wall time from start to exit,
peak memory (max RSS) from the operating system (`os.wait4`). The commands
being compared are run alternately, several times, and medians are reported,
so noise from other work on the machine hits both sides alike.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402
import user  # noqa: E402

PY = sys.executable
BIN = Path(PY).parent
TOOLS = HERE / ".venv-tools"
TOOL_PACKAGES = ["pandas", "polars", "csvkit", "check-jsonschema"]
LONG = 60.0  # seconds: a command this slow is not repeated
KEEP = "<!-- written by hand: run.py keeps everything below this line -->"


@dataclass(frozen=True)
class Sizes:
    reports_tiny: int  # for linearity: time per added report, start-up subtracted
    reports_small: int
    reports_big: int
    roster: int
    roster_big: int
    rows: tuple[int, ...]  # tally cuts; the last is the big file
    csvstat_rows: int
    reps: int


FULL = Sizes(100, 1000, 10_000, 10_000, 100_000, (10_000, 100_000, 1_000_000), 100_000, 5)
QUICK = Sizes(2, 5, 20, 20, 200, (200, 1000, 3000), 200, 1)


@dataclass
class Stat:
    times: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)  # user + system seconds
    peaks: list[int] = field(default_factory=list)  # KiB
    failed: str = ""

    @property
    def cpu(self) -> float:
        return statistics.median(self.cpus)

    @property
    def seconds(self) -> float:
        return statistics.median(self.times)

    @property
    def fastest(self) -> float:
        return min(self.times)

    @property
    def mib(self) -> float:
        return statistics.median(self.peaks) / 1024


@dataclass
class Cmd:
    key: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)


def run_once(cmd: Cmd, stat: Stat, log: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    with (log / f"{cmd.key}.err").open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd.argv, stdout=subprocess.DEVNULL, stderr=err, env=env)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in cmd.ok_codes:
        stat.failed = f"exit {proc.returncode}, see {log / (cmd.key + '.err')}"
    stat.times.append(elapsed)
    stat.cpus.append(usage.ru_utime + usage.ru_stime)
    stat.peaks.append(usage.ru_maxrss)


def measure(cmds: list[Cmd | None], reps: int, results: dict[str, Stat], log: Path) -> None:
    """Run the commands alternately `reps` times (a slow one only once)."""
    todo = [c for c in cmds if c is not None]
    for rep in range(reps):
        for cmd in todo:
            stat = results.setdefault(cmd.key, Stat())
            if rep and (stat.failed or max(stat.times) > LONG):
                continue
            run_once(cmd, stat, log)
        print(f"  {', '.join(c.key for c in todo)}: round {rep + 1}/{reps}", flush=True)


def tools_python(install: bool, notes: list[str]) -> Path | None:
    """The comparison tools' own environment; built (with network) unless --quick."""
    python = TOOLS / "bin" / "python"
    if not python.exists() and install:
        print("installing comparison tools into", TOOLS, flush=True)
        try:
            subprocess.run([sys.executable, "-m", "venv", str(TOOLS)], check=True)
            subprocess.run([str(python), "-m", "pip", "install", "-q", *TOOL_PACKAGES],
                           check=True, timeout=900)
        except (subprocess.SubprocessError, OSError) as exc:
            notes.append(f"Comparison tools could not be installed ({exc}); their rows are skipped.")
            shutil.rmtree(TOOLS, ignore_errors=True)
            return None
    if not python.exists():
        notes.append("Comparison tools not installed (--quick never installs); their rows are skipped.")
        return None
    versions = subprocess.run(
        [str(python), "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True
    ).stdout.split()
    wanted = {p.replace("-", "_").casefold() for p in TOOL_PACKAGES}
    found = [v for v in versions if v.split("==")[0].replace("-", "_").casefold() in wanted]
    notes.append("Comparison tools: " + ", ".join(found) + ".")
    return python


def tool(name: str) -> str | None:
    path = TOOLS / "bin" / name
    return str(path) if path.exists() else None


def compile_bytecode() -> None:
    """Bytecode for vastbus_cli, as an installed wheel has it (the timed runs write none).

    The comparison packages come from site-packages with their .pyc files; an
    editable install of vastbus would otherwise compile its sources in every run.
    """
    import vastbus_cli

    subprocess.run([PY, "-m", "compileall", "-q", str(Path(vastbus_cli.__file__).parent)],
                   check=True, env={k: v for k, v in os.environ.items()
                                    if k != "PYTHONDONTWRITEBYTECODE"})


def vastbus() -> list[str]:
    script = BIN / "vastbus"
    return [str(script)] if script.exists() else [PY, "-m", "vastbus_cli"]


def build_inputs(data: Path, sizes: Sizes) -> dict[str, Path]:
    paths = {
        "tiny": data / f"reports-{sizes.reports_tiny}",
        "small": data / f"reports-{sizes.reports_small}",
        "big": data / f"reports-{sizes.reports_big}",
        "roster_big": data / f"reports-{sizes.reports_big}-roster-{sizes.roster_big}",
        # compile's linearity: each folder's roster lists exactly its reports, so that a
        # larger folder does not also mean fewer missing groups in the summary
        "tiny_own": data / f"reports-{sizes.reports_tiny}-own-roster",
        "small_own": data / f"reports-{sizes.reports_small}-own-roster",
        "one": data / f"reports-{sizes.reports_small}" / "arsberattelse-2025-00000.yaml",
        "spec": data / "spec.yaml",
        "out": data / "out",
    }
    marker = data / "inputs-done"
    paths.update({f"rows{n}": data / f"enkat-{n}.csv" for n in sizes.rows})
    paths["csvstat"] = data / f"enkat-{sizes.csvstat_rows}.csv"
    for key, count in (("tiny_own", sizes.reports_tiny), ("small_own", sizes.reports_small)):
        if not (paths[key] / "grupper.yaml").exists():
            generate.write_reports(paths[key], count, count)
    if marker.exists() and marker.read_text() == repr(sizes):
        return paths
    print("generating inputs in", data, flush=True)
    for key in ("tiny", "small", "big", "roster_big"):
        shutil.rmtree(paths[key], ignore_errors=True)
    generate.write_reports(paths["tiny"], sizes.reports_tiny, sizes.roster)
    generate.write_reports(paths["small"], sizes.reports_small, sizes.roster)
    generate.write_reports(paths["big"], sizes.reports_big, sizes.roster)
    generate.write_reports(paths["roster_big"], sizes.reports_big, sizes.roster_big)
    (paths["roster_big"] / "grupper.yaml").rename(data / "roster-big.yaml")
    paths["roster_big_file"] = data / "roster-big.yaml"
    big = generate.write_survey(paths[f"rows{sizes.rows[-1]}"], sizes.rows[-1])
    for n in {*sizes.rows[:-1], sizes.csvstat_rows} - {sizes.rows[-1]}:
        generate.cut(big, data / f"enkat-{n}.csv", n)
    generate.write_spec(paths["spec"])
    marker.write_text(repr(sizes))
    return paths


@dataclass
class Row:
    id: str
    what: str
    ours: str  # result key
    theirs: str | None
    compared: str
    goal: float | None  # ratio must be ≤ goal
    goal_text: str
    ratio: Callable[[dict[str, Stat]], float | None] | None = None


def _n(number: int) -> str:
    """1 000 000: thousands apart with a space."""
    return f"{number:,}".replace(",", " ")


def describe_machine() -> list[str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    return [
        f"- {platform.platform()}, {os.cpu_count()} logical CPUs ({cpu}), {memory} RAM",
        f"- Python {platform.python_version()} ({PY})",
        f"- load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny inputs, one round, no installs")
    parser.add_argument("--reps", type=int, help="rounds per comparison (default 5; quick 1)")
    parser.add_argument("--only", default="", help="comma-separated ids to run, e.g. P1,P4")
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    reps = args.reps or sizes.reps
    data = HERE / ".data" / ("quick" if args.quick else "full")
    log = data / "logs"
    log.mkdir(parents=True, exist_ok=True)
    started = time.time()
    machine = describe_machine()
    notes: list[str] = []
    tools = tools_python(install=not args.quick, notes=notes)
    p = build_inputs(data, sizes)
    p["out"].mkdir(exist_ok=True)
    only = {x.strip().upper() for x in args.only.split(",") if x.strip()}
    compile_bytecode()
    vb = vastbus()
    out = p["out"]
    results: dict[str, Stat] = {}
    rows: list[Row] = []
    tiny, small, big = sizes.reports_tiny, sizes.reports_small, sizes.reports_big

    def wanted(ident: str) -> bool:
        return not only or ident in only

    def per_report(prefix: str) -> Callable[[dict[str, Stat]], float | None]:
        """Time per added report from `small` to `big` ÷ from `tiny` to `small` (start-up and
        other fixed costs cancel out)."""
        def ratio(r: dict[str, Stat]) -> float | None:
            t = [r.get(f"{prefix}-{n}") for n in (tiny, small, big)]
            if any(x is None or x.failed for x in t):
                return -1.0  # not measured
            # the fastest round of each size: noise only adds time, and the 10 -> 100 step
            # is a few dozen milliseconds, within the spread of medians on a shared machine
            t0, t1, t2 = (x.fastest for x in t)  # type: ignore[union-attr]
            if t1 <= t0 or t2 <= t1:
                return None  # lost in the noise
            return ((t2 - t1) / (big - small)) / max((t1 - t0) / (small - tiny), 1e-6)
        return ratio

    user_table: list[str] = []
    if wanted("U"):
        print("U the user's workload", flush=True)
        user_cmds = user.commands(vb, user.build(HERE / ".data" / "user"))
        found = user.measure(user_cmds, reps)
        user_table = user.table(user_cmds, found)
        for cmd in user_cmds:
            if found[cmd.key]["failed"]:
                results[f"user-{cmd.key}"] = Stat(failed=str(found[cmd.key]["failed"]))

    p1_reps = reps if args.quick else reps * 2  # start-up is short: twice the rounds
    if wanted("P1"):
        print("P1 start-up", flush=True)
        measure([Cmd("help", [*vb, "--help"]),
                 Cmd("minimal-help", [PY, str(HERE / "minimal_app.py"), "--help"])],
                p1_reps, results, log)
        measure([Cmd("schema", [*vb, "schema"]), Cmd("import-typer", [PY, "-c", "import typer"])],
                p1_reps, results, log)
        measure([Cmd("validate-one", [*vb, "validate", str(p["one"])], (0, 1)),
                 Cmd("import-typer-pydantic", [PY, "-c", "import typer, pydantic"])],
                p1_reps, results, log)
        rows += [
            Row("P1", "`vastbus --help`", "help", "minimal-help",
                "a minimal Typer app with 5 commands and rich help", None, "(reported)"),
            Row("P1", "`vastbus schema`", "schema", "import-typer", '`python -c "import typer"`',
                None, "(reported)"),
            Row("P1", "`vastbus validate one.yaml`", "validate-one", "import-typer-pydantic",
                '`python -c "import typer, pydantic"`', None, "(reported)"),
        ]

    if wanted("P2"):
        print("P2 validate", flush=True)
        schema = out / "schema.json"
        subprocess.run([*vb, "schema", "-o", str(schema), "--force"], check=True)
        jsonschema = tool("check-jsonschema")
        reports = sorted(str(x) for x in p["big"].glob("arsberattelse-*.yaml"))
        measure([Cmd(f"validate-{big}", [*vb, "validate", str(p["big"])], (0, 1)),
                 Cmd("compose-big", [PY, str(HERE / "baselines.py"), "compose", str(p["big"])])],
                reps, results, log)
        measure([Cmd(f"validate-{tiny}", [*vb, "validate", str(p["tiny"])], (0, 1)),
                 Cmd(f"validate-{small}", [*vb, "validate", str(p["small"])], (0, 1)),
                 Cmd("validate-roster-big", [*vb, "validate", str(p["roster_big"]), "--roster",
                                             str(data / "roster-big.yaml")], (0, 1))],
                reps, results, log)
        if jsonschema:
            measure([Cmd("check-jsonschema", [jsonschema, "--schemafile", str(schema), *reports],
                          (0, 1))], min(reps, 2), results, log)
        rows += [
            Row("P2", f"`validate` {big} reports, roster of {sizes.roster}", f"validate-{big}",
                "compose-big", "bare `yaml.compose` with CSafeLoader", None, "(reported)"),
            Row("P2", f"`validate` {big} reports", f"validate-{big}",
                "check-jsonschema" if jsonschema else None,
                "check-jsonschema with our schema", None, "(reported)"),
            Row("P2", f"linear in reports: time per added report, {small}→{big} vs {tiny}→{small}",
                f"validate-{big}", f"validate-{small}", f"`validate` {small} reports", 1.2,
                "≤ 1.2×", per_report("validate")),
            Row("P2", f"linear in roster: {big} reports, roster of {sizes.roster_big}",
                "validate-roster-big", f"validate-{big}", f"roster of {sizes.roster}", 1.5,
                "≤ 1.5× (the roster file grows 10×, look-ups must not)"),
        ]

    if wanted("P3"):
        print("P3 compile", flush=True)
        measure([Cmd("compose-small", [PY, str(HERE / "baselines.py"), "compose",
                                       str(p["small"])])], reps, results, log)
        formats = ("md", "json", "xlsx", "docx")
        for fmt in formats[::3] if args.quick else formats:  # quick: md and docx
            cmds = [Cmd(f"compile-{fmt}-{n}", [*vb, "compile", str(p[key]), "-o",
                                               str(out / f"s{n}.{fmt}"), "--force"])
                    for n, key in ((tiny, "tiny_own"), (small, "small_own"), (big, "big"))]
            measure([*cmds, Cmd("compose-big", [PY, str(HERE / "baselines.py"), "compose",
                                                str(p["big"])])], reps, results, log)
            rows += [
                Row("P3", f"`compile` {big} reports → {fmt}", f"compile-{fmt}-{big}", "compose-big",
                    "the bare parse", None, "(reported)"),
                Row("P3", f"`compile` → {fmt}: time per added report, {small}→{big} vs "
                    f"{tiny}→{small}", f"compile-{fmt}-{big}", f"compile-{fmt}-{small}",
                    f"{small} reports", 1.2, "≤ 1.2×", per_report(f"compile-{fmt}")),
            ]

    big_rows = sizes.rows[-1]
    csv_big = str(p[f"rows{big_rows}"])
    spec = str(p["spec"])

    def tally(n: int, path: str) -> Cmd:
        return Cmd(f"tally-{n}", [*vb, "tally", path, "--spec", spec, "-o",
                                  str(out / f"tally-{n}.json"), "--force"], (0, 1))

    multi = [str(c) for c in generate.MULTI_COLUMNS]
    if wanted("P4"):
        print("P4 tally", flush=True)
        pandas = [str(tools), str(HERE / "baselines.py"), "pandas", csv_big, *multi] if tools else None
        polars = [str(tools), str(HERE / "baselines.py"), "polars", csv_big, *multi] if tools else None
        measure([tally(big_rows, csv_big),
                 Cmd("csv-reader", [PY, str(HERE / "baselines.py"), "csv-reader", csv_big]),
                 Cmd("pandas", pandas) if pandas else None,
                 Cmd("polars", polars) if polars else None], reps, results, log)
        csvstat = tool("csvstat")
        n = sizes.csvstat_rows
        measure([tally(n, str(p["csvstat"]))], reps, results, log)
        if csvstat:
            measure([Cmd("csvstat", [csvstat, "--freq", str(p["csvstat"])])], 1, results, log)
        what = f"`tally` {_n(big_rows)} rows, 10 questions, 2 multi-select"
        rows += [
            Row("P4", what, f"tally-{big_rows}", "pandas" if pandas else None,
                "pandas, multi-select split (`str.split(', ').explode().value_counts()`)", None,
                "(reported)"),
            Row("P4", what, f"tally-{big_rows}", "csv-reader", "bare `csv.reader` over the file",
                None, "(reported)"),
            Row("P4", what, f"tally-{big_rows}", "polars" if polars else None,
                "polars, the same counts", None, "(reported)"),
            Row("P4", f"`tally` {_n(n)} rows", f"tally-{n}",
                "csvstat" if csvstat else None, "csvkit `csvstat --freq`", None,
                "(reported)"),
        ]

    memory: list[str] = []
    if wanted("P5"):
        print("P5 memory", flush=True)
        measure([Cmd("help", [*vb, "--help"]),
                 *[tally(n, str(p[f"rows{n}"])) for n in sizes.rows]], reps, results, log)
        for fmt in ("md", "docx"):
            for n, key in ((small, "small"), (big, "big")):
                if f"compile-{fmt}-{n}" not in results:
                    measure([Cmd(f"compile-{fmt}-{n}", [*vb, "compile", str(p[key]), "-o",
                                                          str(out / f"s{n}.{fmt}"), "--force"])],
                            1, results, log)
        help_mib = results["help"].mib
        limit = help_mib + 10
        tally_big = results[f"tally-{big_rows}"].mib
        memory.append(f"| `vastbus --help` | {help_mib:.1f} MiB | | |")
        for n in sizes.rows:
            mib = results[f"tally-{n}"].mib
            goal = (f"≤ {limit:.1f} MiB (`--help` + 10 MiB)", "met" if mib <= limit else "**not met**"
                    ) if n == big_rows else ("", "")
            memory.append(f"| `tally` {_n(n)} rows | {mib:.1f} MiB | {goal[0]} | {goal[1]} |")
        for fmt in ("md", "docx"):
            a, b = results[f"compile-{fmt}-{small}"].mib, results[f"compile-{fmt}-{big}"].mib
            growth = (b - help_mib) / max(a - help_mib, 0.1)
            scale = big / small
            ok = growth <= scale * 1.2
            memory.append(f"| `compile` → {fmt}, {small} / {big} reports | {a:.1f} / {b:.1f} MiB | "
                          f"linear: growth above `--help` ≤ {scale * 1.2:g}× (measured "
                          f"{growth:.1f}×) | {'met' if ok else '**not met**'} |")
        rows.append(Row("P5", f"`tally` {_n(big_rows)} rows, peak memory",
                        f"tally-{big_rows}", "help", "`vastbus --help` + 10 MiB", None,
                        f"{tally_big:.1f} MiB ≤ {limit:.1f} MiB",
                        lambda r: r[f"tally-{big_rows}"].mib / r["help"].mib))

    table = ["| id | what | vastbus | compared with | theirs | ratio | CPU ratio | goal | met |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for row in rows:
        ours = results.get(row.ours)
        theirs = results.get(row.theirs) if row.theirs else None
        if ours is None or ours.failed:
            table.append(f"| {row.id} | {row.what} | failed: {ours.failed if ours else '?'} | "
                         f"{row.compared} | | | | {row.goal_text} | not measured |")
            continue
        if theirs is None or theirs.failed:
            reason = theirs.failed if theirs else "tool not available"
            table.append(f"| {row.id} | {row.what} | {ours.seconds:.3f} s | {row.compared} | "
                         f"skipped: {reason} | | | {row.goal_text} | not measured |")
            continue
        ratio = row.ratio(results) if row.ratio else ours.seconds / theirs.seconds
        if row.id == "P5":
            met = "met" if ours.mib <= theirs.mib + 10 else "**not met**"
            table.append(f"| P5 | {row.what} | {ours.mib:.1f} MiB | {row.compared} | "
                         f"{theirs.mib:.1f} MiB | | | {row.goal_text} | {met} |")
            continue
        met = "—" if row.goal is None or ratio is None else (
            "met" if ratio <= row.goal else "**not met**")
        if ratio == -1.0:
            ratio, shown = None, "not measured (a size failed)"
        else:
            shown = "lost in noise" if ratio is None else f"{ratio:.2f}×"
        cpu = "" if row.ratio else f"{ours.cpu / max(theirs.cpu, 1e-6):.2f}×"
        table.append(f"| {row.id} | {row.what} | {ours.seconds:.3f} s ({ours.cpu:.2f} s CPU), "
                     f"{ours.mib:.0f} MiB | {row.compared} | {theirs.seconds:.3f} s "
                     f"({theirs.cpu:.2f} s CPU), {theirs.mib:.0f} MiB | {shown} | {cpu} | "
                     f"{row.goal_text} | {met} |")
    minutes = (time.time() - started) / 60
    text = "\n".join([
        "# Benchmarks",
        "",
        f"Written by `python benchmarks/run.py{' --quick' if args.quick else ''}` on "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} in {minutes:.1f} minutes.",
        "",
        "## Machine",
        "",
        *machine,
        f"- load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        "- The machine is shared with other work (two cores). Each comparison runs its commands "
        "alternately, so noise hits both sides; medians of "
        f"{reps} rounds ({reps * 2} for P1); a command slower than {LONG:g} s runs once.",
        "- Times are whole processes (start-up included): wall-clock medians decide 'met'; "
        "the CPU ratio (user + system seconds, also from `os.wait4`) is shown beside them "
        "because on a loaded machine wall time is mostly waiting for a core. Peak memory is "
        "the child's max RSS.",
        *[f"- {n}" for n in notes],
        "",
        "## The user's workload (U): the targets",
        "",
        f"`benchmarks/user.py`, {reps} alternating rounds; a target is met when the fastest "
        "round is under it (on a shared machine noise only adds time; the median and the CPU "
        "seconds are shown beside it).",
        "",
        *(user_table or ["(not run)"]),
        "",
        "## Linearity, memory and comparisons",
        "",
        "Ratio: vastbus ÷ the comparison (lower is better). Linearity rows: the time each "
        f"added report costs from {small} to {big} reports ÷ from {tiny} to {small}, from each "
        "size's fastest round (start-up cancels out; 1.0 is linear). For `compile` each "
        "folder's roster lists exactly its reports (with one roster for all sizes, the smaller folders' summaries would also "
        "list hundreds of missing groups).",
        "",
        *table,
        "",
        "## Peak memory (P5)",
        "",
        "| what | peak | goal | met |",
        "| --- | --- | --- | --- |",
        *memory,
        "",
    ])
    target = (data / "RESULTS.md") if args.quick or only else HERE / "RESULTS.md"
    kept = HERE / "RESULTS.md"  # what was written by hand below the marker stays
    if kept.exists() and KEEP in kept.read_text(encoding="utf-8"):
        text += "\n" + KEEP + kept.read_text(encoding="utf-8").split(KEEP, 1)[1]
    target.write_text(text, encoding="utf-8")
    print(text)
    print(f"written to {target}")
    failed = [k for k, s in results.items() if s.failed and not k.startswith(
        ("check-jsonschema", "pandas", "polars", "csvstat"))]
    if failed:
        sys.exit(f"vastbus commands failed: {', '.join(failed)}")


if __name__ == "__main__":
    main()
