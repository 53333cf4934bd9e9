"""`compile_reports`: a folder of annual reports → the sub-regional `Summary`.

The library entry behind `vastbus compile`: reads and validates the folder the
way `validate` does, leaves out (or stops at) reports with errors, and calls the
pure `merge`. It never prints; the caller decides what to show.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vastbus_cli.privacy import masked_model
from vastbus_cli.problems import Problem, error, has_errors
from vastbus_cli.reports.checks import ReportFile
from vastbus_cli.reports.coordinator_texts import against_the_figures, placed, read_texts
from vastbus_cli.reports.load import load_file
from vastbus_cli.reports.merge import merge
from vastbus_cli.reports.roster import Roster
from vastbus_cli.reports.summary import Summary
from vastbus_cli.reports.validate import ValidationResult, validate_paths

PREVIOUS_YEAR = "förra-året"


@dataclass
class CompileResult:
    """What a compile run found: the summary (None when it could not be made) and why."""

    summary: Summary | None
    validation: ValidationResult
    problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    previous_problems: list[Problem] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.summary is None

    @property
    def skippable(self) -> bool:
        """Whether --skip-invalid could help: only some reports have errors."""
        return any(p.is_error for f in self.validation.files for p in f.problems)


def _group_name(path: Path) -> str | None:
    """The group a report with errors names (`grupp: namn:`), if that much can be read."""
    data = load_file(path).data
    group = data.get("grupp") if isinstance(data, dict) else None
    name = group.get("namn") if isinstance(group, dict) else None
    return name.strip() if isinstance(name, str) and name.strip() else None


def _not_earlier(folder: Path, reports: list[ReportFile], year: int) -> Problem | None:
    """`--previous` must hold an earlier year; the same or a later one compares nonsense."""
    years = sorted({rf.report.year for rf in reports if rf.report.year >= year})
    if not years:
        return None
    listed = ", ".join(str(y) for y in years)
    return error(str(folder), 0, 0, PREVIOUS_YEAR,
                 f"Mappen för förra året innehåller årsberättelser för {listed}, men "
                 f"sammanställningen gäller {year}.",
                 f"Ange mappen med årsberättelserna för {year - 1} med --previous.")


def compile_reports(
    folder: Path | Sequence[Path],
    *,
    roster: Path | None = None,
    previous: Path | None = None,
    skip_invalid: bool = False,
    recurring: int = 3,
    produced: dt.date | None = None,
    progress: Callable[[Path], None] | None = None,
    intro: Path | None = None,
    conclusions: Path | None = None,
    appendix: bool = False,
    follow_up: Path | None = None,
) -> CompileResult:
    """Validate and merge; with `skip_invalid`, reports with errors are left out and named.

    The coordinator's introduction, conclusions and follow-up come from `intro` /
    `conclusions` / `follow_up`, or from `inledning.md` / `slutsatser.md` /
    `uppfoljning.md` beside the roster.
    """
    paths = [folder] if isinstance(folder, Path) else list(folder)
    produced = produced or dt.date.today()
    result = validate_paths(paths, roster_path=roster, today=produced, progress=progress)
    beside = [p for p in paths if p.is_dir()] + (
        [Path(result.roster_path).parent] if result.roster_path else [])
    texts = read_texts(intro, conclusions, beside, follow_up)
    # validate's own checks (another year, two reports for a group): both refuse the same
    problems = result.problems + texts.problems
    bad_files = {p.file for p in problems if p.is_error}
    general_errors = has_errors(result.general + texts.problems) or (
        result.roster_path is not None and result.roster_path in bad_files)
    compiled = CompileResult(None, result, problems)
    if general_errors or (bad_files and not skip_invalid):
        return compiled
    good = [rf for rf in result.reports() if rf.path not in bad_files]
    compiled.skipped = [f.path for f in result.files if f.path in bad_files]
    if not good:
        return compiled
    last_year: list[ReportFile] | None = None
    previous_roster = None
    if previous is not None:
        prev = validate_paths([previous], today=produced)
        compiled.previous_problems = [p for p in prev.problems if p.is_error]
        last_year = prev.reports()
        previous_roster = prev.roster
        wrong_year = _not_earlier(previous, last_year, good[0].report.year)
        if wrong_year is not None:
            compiled.problems.append(wrong_year)
            return compiled
    # a number the privacy guard warned about never reaches the summary
    compiled.summary = masked_model(placed(merge(
        [rf.report for rf in good], result.roster,
        previous=[rf.report for rf in last_year] if last_year is not None else None,
        previous_roster=previous_roster,
        recurring=recurring, skipped=[Path(p).name for p in compiled.skipped],
        skipped_groups=[g for p in compiled.skipped if (g := _group_name(Path(p)))],
        produced=produced, files=[Path(rf.path).name for rf in good], appendix=appendix,
    ).model_copy(update=_roster_facts(result.roster)), texts))
    compiled.problems += against_the_figures(
        texts, compiled.summary.totals or compiled.summary.parts[0])
    return compiled


def _roster_facts(roster: Roster | None) -> dict[str, str | None]:
    """Who sends the summary and its reference number, as the roster gives them."""
    if roster is None:
        return {}
    return {"sender": roster.sender, "coordinator_role": roster.coordinator_role,
            "reference": roster.reference, "recipient": roster.recipient}
