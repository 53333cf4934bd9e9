"""The validate pipeline: paths → loaded files → reports → problems, all collected.

`compile` uses the same pipeline, so a report is judged one way everywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vastbus_cli import heap
from vastbus_cli.paths import is_missing, path_problem
from vastbus_cli.problems import Problem, error, has_errors, plural, sorted_problems
from vastbus_cli.reports.checks import FILE_CHECKS, SET_CHECKS, Context, ReportFile
from vastbus_cli.reports.checks.identity_numbers import scan_text
from vastbus_cli.reports.load import load_file
from vastbus_cli.reports.model import Report
from vastbus_cli.reports.parse import parse_model
from vastbus_cli.reports.roster import ROSTER_NAME, Roster, find_roster, load_roster

REPORT_SUFFIXES = (".yaml", ".yml")


@dataclass
class FileResult:
    path: str
    problems: list[Problem] = field(default_factory=list)
    report: ReportFile | None = None

    def ok(self, strict: bool = False) -> bool:
        return not has_errors(self.problems, strict)


@dataclass
class ValidationResult:
    files: list[FileResult] = field(default_factory=list)
    roster: Roster | None = None
    roster_path: str | None = None
    general: list[Problem] = field(default_factory=list)  # paths that do not exist, the roster

    @property
    def problems(self) -> list[Problem]:
        return self.general + [p for f in self.files for p in f.problems]

    def reports(self, strict: bool = False) -> list[ReportFile]:
        """The reports without errors (the ones a summary may include)."""
        return [f.report for f in self.files if f.report is not None and f.ok(strict)]

    def failed(self, strict: bool = False) -> bool:
        return has_errors(self.problems, strict)

    def summary_line(self, problems: list[Problem] | None = None) -> str:
        """'N fel och M varningar i K av T filer'; `problems` when a caller found more."""
        problems = self.problems if problems is None else problems
        errors = sum(p.is_error for p in problems)
        warnings = len(problems) - errors
        with_problems = {p.file for p in problems}
        # The same files are counted whatever they hold: every report, the roster when one
        # was read, and paths that could not be read ("1 fel i 1 av 1 fil", never "av 0").
        total = len({f.path for f in self.files} | with_problems
                    | ({self.roster_path} if self.roster_path else set()))
        if not problems:
            return f"Inga problem i {plural(total, 'fil', 'filer')}."
        return (f"{plural(errors, 'fel', 'fel')} och {plural(warnings, 'varning', 'varningar')} "
                f"i {len(with_problems)} av {plural(total, 'fil', 'filer')}.")


def discover(paths: Iterable[Path]) -> tuple[list[Path], list[Problem]]:
    """Report files named directly or found in folders (`*.yaml`, `*.yml`, roster excluded).

    A report name in a folder that is not a readable regular file (a link to nowhere or
    in a loop, a named pipe) is named, not skipped in silence.
    """
    found: list[Path] = []
    problems: list[Problem] = []
    for path in paths:
        if path_problem(path, "mapp") is None:
            for entry in sorted(path.iterdir()):
                if entry.suffix.lower() not in REPORT_SUFFIXES or entry.name == ROSTER_NAME \
                        or entry.name.startswith("."):
                    continue
                wrong = path_problem(entry)
                if wrong is None:
                    found.append(entry)
                elif not entry.is_dir():
                    problems.append(error(str(entry), 0, 0, "ej-fil", wrong,
                                          "Filen läses inte; ta bort den eller ersätt den med "
                                          "en vanlig fil."))
            continue
        wrong = path_problem(path)
        if wrong is None:
            found.append(path)
        else:
            code = "finns-inte" if is_missing(wrong) else "ej-fil"
            problems.append(error(str(path), 0, 0, code, wrong, "Kontrollera sökvägen."))
    return found, problems


def input_files(paths: Sequence[Path], roster_path: Path | None = None) -> list[Path]:
    """Every file validating `paths` reads (reports and roster): outputs must never replace them."""
    files, _ = discover(paths)
    if roster_path is None:
        roster_path = next((r for p in paths if path_problem(p, "mapp") is None
                            and (r := find_roster(p))), None)
    return files + ([roster_path] if roster_path is not None else [])


def validate_file(path: Path, ctx: Context) -> FileResult:
    loaded = load_file(path)
    result = FileResult(str(path), list(loaded.problems))
    if loaded.text:
        result.problems.extend(scan_text(result.path, loaded.text))
    report, problems = parse_model(loaded, Report, what="årsberättelsen")
    result.problems.extend(problems)
    rf: ReportFile | None
    if report is not None:
        rf = ReportFile(result.path, report, loaded.positions, loaded.text)
        result.report = rf
    elif isinstance(loaded.data, dict) and problems:
        # the checks' warnings are shown beside the errors, as the form shows them; the
        # report itself stays out of any summary
        from vastbus_cli.reports.partial import valid_part

        part = valid_part(loaded.data, Report)
        rf = ReportFile(result.path, part, loaded.positions, loaded.text) if part else None
    else:
        rf = None
    if rf is not None:
        for check in FILE_CHECKS:
            result.problems.extend(check(rf, ctx))
    return result


def validate_paths(
    paths: Sequence[Path],
    roster_path: Path | None = None,
    today: dt.date | None = None,
    progress: Callable[[Path], None] | None = None,
) -> ValidationResult:
    """Validate every report under `paths`; the roster is found in a folder when not given."""
    result = ValidationResult()
    if roster_path is None:
        roster_path = next((r for p in paths if path_problem(p, "mapp") is None
                            and (r := find_roster(p))), None)
    if roster_path is not None:
        result.roster_path = str(roster_path)
        wrong = path_problem(roster_path)
        if wrong is not None:
            result.general.append(error(str(roster_path), 0, 0, "finns-inte",
                                        f"Gruppförteckningen: {wrong}", "Kontrollera sökvägen."))
        else:
            result.roster, roster_problems, _ = load_roster(roster_path)
            result.general.extend(roster_problems)
    ctx = Context(roster=result.roster, today=today or dt.date.today(),
                  folders=frozenset(p for p in paths if path_problem(p, "mapp") is None))
    files, missing = discover(paths)
    result.general.extend(missing)
    for path in files:
        if progress is not None:
            progress(path)
        result.files.append(validate_file(path, ctx))
        heap.read()  # the report stays until the command ends
    parsed = [f.report for f in result.files if f.report is not None]
    by_path = {f.path: f for f in result.files}
    for set_check in SET_CHECKS:
        for problem in set_check(parsed, ctx):
            by_path[problem.file].problems.append(problem)
    for f in result.files:
        f.problems = sorted_problems(f.problems)
    return result
