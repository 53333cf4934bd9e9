"""The coordinator's own words: an introduction, conclusions and what the sub-regional group
did with last year's raised issues, as Markdown files.

`compile` finds them beside `grupper.yaml` under fixed names (`inledning.md`,
`slutsatser.md`, `uppfoljning.md`) without options, or they are named with `--intro` /
`--conclusions` / `--follow-up` (the only way for `rollup`, which has no roster). Read as UTF-8
(with or without a BOM); a file saved by an older Windows editor in Windows-1252
is read as that, since such text is never valid UTF-8.

`read_own_text` reads one (also for `tally`'s report): an identity number in it is
warned about at its line and column and masked. `read_texts` is what `compile` and
`rollup` share, and
`against_the_figures` the claims its sentences make that the tables contradict.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from vastbus_cli.problems import Problem, error

if TYPE_CHECKING:  # the tally reads its texts here too, and loads no pydantic
    from vastbus_cli.reports.summary import Part, Summary

INTRO_NAME = "inledning.md"
CONCLUSIONS_NAME = "slutsatser.md"
FOLLOW_UP_NAME = "uppfoljning.md"
MAX_BYTES = 1_000_000
#: Each text's key in the `Summary` (or its `Part`, `PART_TEXTS`), its file name beside the
#: roster, and its Swedish name.
TEXTS = (("intro", INTRO_NAME, "Inledningen"), ("conclusions", CONCLUSIONS_NAME, "Slutsatserna"),
         ("follow_up_text", FOLLOW_UP_NAME, "Uppföljningen"))
#: What the sub-regional group did with last year's raised issues belongs to the follow-up
#: section of the part it answers for, not to the document: a roll-up then keeps each
#: sub-region's own text beside that sub-region's follow-up.
PART_TEXTS = frozenset({"follow_up_text"})


def find_beside(folders: list[Path | None], name: str) -> Path | None:
    """The first `name` in the given folders (the reports folder, the roster's folder)."""
    for folder in folders:
        if folder is not None and (folder / name).is_file():
            return folder / name
    return None


def read_own_text(path: Path) -> tuple[str | None, int, list[Problem]]:
    """A text the coordinator wrote: stripped, with CRLF as LF, and the file's line where it
    begins (so a warning about it can name the line in the file); None and why, when it
    cannot be used. An identity number in it is a warning at its line and column, and is
    masked in the text returned: the text goes into what is sent on (the summary, the
    survey report)."""
    from vastbus_cli.privacy import MASKED_NOTE, OWN_TEXT_PRIVACY_MESSAGE, mask_identity_numbers
    from vastbus_cli.reports.checks.identity_numbers import scan_text

    whole, problems = decode_markdown(path)
    if whole is None:
        return None, 1, problems
    found = [replace(p, message=p.message + MASKED_NOTE)
             for p in scan_text(str(path), whole, OWN_TEXT_PRIVACY_MESSAGE)]
    text, first_line = _stripped(mask_identity_numbers(whole)[0] if found else whole)
    return text, first_line, problems + found


def decode_markdown(path: Path) -> tuple[str | None, list[Problem]]:
    """The whole file as text with LF line ends (nothing stripped), or why it cannot be read."""
    from vastbus_cli.paths import os_reason

    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [error(str(path), 1, 1, "läsfel", f"Filen kan inte läsas: {os_reason(exc)}.",
                            "Kontrollera sökvägen och att filen inte är öppen i ett annat program.")]
    if len(data) > MAX_BYTES:
        return None, [error(str(path), 1, 1, "för-stor",
                            f"Filen är större än {MAX_BYTES // 1_000_000} MB.",
                            "En inledning eller slutsats är några stycken text.")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n"), []


def _stripped(text: str) -> tuple[str | None, int]:
    first_line = text[:len(text) - len(text.lstrip())].count("\n") + 1
    return (text.strip() or None), first_line


@dataclass
class CoordinatorTexts:
    """The texts by `Summary` key, where each came from (file, line its text begins on), and
    the problems reading them (errors: unusable; warnings: identity numbers, masked)."""

    texts: dict[str, str | None] = field(default_factory=dict)
    sources: dict[str, tuple[str, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read_texts(intro: Path | None, conclusions: Path | None,
               beside: list[Path] | None = None, follow_up: Path | None = None,
               ) -> CoordinatorTexts:
    """The introduction, conclusions and follow-up named, else found by name in `beside`
    (in order)."""
    found = CoordinatorTexts()
    for (key, name, _), given in zip(TEXTS, (intro, conclusions, follow_up), strict=True):
        path = given or find_beside(list(beside or []), name)
        if path is None:
            continue
        text, first_line, problems = read_own_text(path)
        found.problems += problems
        found.texts[key] = text
        if text is not None:
            found.sources[key] = (str(path), first_line)
    return found


def placed(summary: Summary, texts: CoordinatorTexts) -> Summary:
    """`summary` with the texts in their places: the introduction and conclusions on the
    document, the follow-up text on the part whose follow-up it answers (the regional
    totals when there are several sub-regions, else the one part)."""
    summary = summary.model_copy(
        update={k: v for k, v in texts.texts.items() if k not in PART_TEXTS})
    own = {k: v for k, v in texts.texts.items() if k in PART_TEXTS}
    if not own:
        return summary
    if summary.totals is not None:
        return summary.model_copy(update={"totals": summary.totals.model_copy(update=own)})
    first, *rest = summary.parts
    return summary.model_copy(update={"parts": [first.model_copy(update=own), *rest]})


def against_the_figures(texts: CoordinatorTexts, part: Part) -> list[Problem]:
    """Warnings where the introduction, conclusions or follow-up contradict the tables of `part` (the
    whole: the regional totals, or the one sub-region)."""
    from vastbus_cli.reports import consistency

    problems: list[Problem] = []
    for key, _, what in TEXTS:
        text = texts.texts.get(key)
        if text and key in texts.sources:
            file, first_line = texts.sources[key]
            problems += consistency.check(text, file, part, what, first_line)
    return problems
