"""Summary files → the regional overview: reading, the checks between files, then `rollup`.

Every file is read and checked before anything is merged, and every problem is
collected: a file of another format version or a corrupt one, summaries of different
years, and the same sub-region in two files (its figures would count twice). The
regional coordinator's introduction, conclusions and follow-up are read as `compile` reads a
sub-region's (`coordinator_texts`), and with the title page's facts are the regional
document's own: never taken from the sub-regions' summaries. Each sub-region's own
follow-up text stays on its part, beside that sub-region's follow-up.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from vastbus_cli.privacy import masked_model
from vastbus_cli.problems import Problem, error, has_errors
from vastbus_cli.reports.coordinator_texts import against_the_figures, placed, read_texts
from vastbus_cli.reports.roster import group_key
from vastbus_cli.reports.summary import Summary
from vastbus_cli.rollup.combine import ACROSS, rollup
from vastbus_cli.rollup.summary_file import SummaryFile, read_summary_file

ONCE = ("Gör om den sammanställning där gruppen inte hör hemma med 'vastbus compile', "
        "utan gruppens årsberättelse.")


def rollup_files(paths: Sequence[Path], *, produced: dt.date, recurring: int = 3,
                 across: int = ACROSS, appendix: bool = False, intro: Path | None = None,
                 conclusions: Path | None = None, recipient: str | None = None,
                 sender: str | None = None, reference: str | None = None,
                 follow_up: Path | None = None) -> tuple[Summary | None, list[Problem]]:
    """The regional summary and the warnings about it, or None and every problem found.

    `recipient`, `sender` and `reference` (the diarienummer) go on the title page; an
    empty one is left out (the recipient is then the default).
    """
    problems: list[Problem] = []
    files = [read_summary_file(path) for path in paths]
    for file in files:
        problems += file.problems
    read = [(f.path, f.summary) for f in files if f.summary is not None]
    problems += _counted_twice([f for f in files if f.summary is not None])
    years = {s.year for _, s in read}
    if len(years) > 1:
        first_year = read[0][1].year
        for path, summary in read:
            if summary.year != first_year:
                problems.append(error(
                    str(path), 0, 0, "annat-år",
                    f"Sammanställningen gäller {summary.year}, men {read[0][0]} gäller "
                    f"{first_year}.", "Sammanställ ett verksamhetsår i taget."))
    texts = read_texts(intro, conclusions, follow_up=follow_up)
    problems += texts.problems
    if has_errors(problems) or not read:
        return None, problems
    region = rollup([s for _, s in read], produced=produced, recurring=recurring, across=across,
                    appendix=appendix)
    facts = {key: value.strip() or None for key, value in (
        ("recipient", recipient), ("sender", sender), ("reference", reference)) if value is not None}
    # a number the privacy guard warned about never reaches the regional document
    region = masked_model(placed(region.model_copy(update=facts), texts))
    return region, problems + against_the_figures(texts, region.totals or region.parts[0])


def _counted_twice(files: Sequence[SummaryFile]) -> list[Problem]:
    """The same sub-region, or the same group (under any sub-region's name), in two places:
    its figures would count twice. Each problem is at the second place and names the first."""
    problems: list[Problem] = []
    regions: dict[str, tuple[int, int]] = {}  # sub-region → (file, part) where first seen
    groups: dict[str, tuple[Path, str]] = {}
    for n, file in enumerate(files):
        assert file.summary is not None
        path = file.path
        for i, part in enumerate(file.summary.parts):
            m, k = regions.setdefault(group_key(part.subregion), (n, i))
            if (m, k) != (n, i):
                first = files[m].path
                where = ("finns två gånger i filen" if m == n else
                         "finns två gånger: samma fil är angiven två gånger"
                         if first.resolve() == path.resolve() else f"finns också i {first}")
                problems.append(error(str(path), *file.at(("parts", i, "subregion")),
                                      "dubblett-delregion",
                                      f"Delregionen {part.subregion} {where}.",
                                      "Ange varje delregions sammanställning en gång."))
                continue  # its groups are the same sub-region's: said once
            mine: set[str] = set()
            for j, group in enumerate(part.groups):
                key = group_key(group)
                if key not in groups:
                    groups[key] = (path, part.subregion)
                    mine.add(key)
                    continue
                there, region = groups[key]
                also = (f"två gånger i delregionen {region}" if key in mine else
                        f"i delregionen {part.subregion} och också i delregionen {region}"
                        + ("" if there == path else f" i {there}"))
                problems.append(error(
                    str(path), *file.at(("parts", i, "groups", j)), "dubblett-grupp",
                    f"Gruppen {group} finns {also}; den skulle räknas två gånger.", ONCE))
    return problems
