"""What every survey renderer shares: Swedish labels, number formats, the long rows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vastbus_cli.survey.model import (
    KIND_NAMES,
    OptionCount,
    QuestionResult,
    Result,
    RoundInfo,
    Tally,
    TextAnswer,
)
from vastbus_cli.survey.rounding import half_up

if TYPE_CHECKING:
    from decimal import Decimal

OVERALL = "Totalt"
MULTI_NOTE = ("Flerval: andelen räknas på dem som svarat på frågan, och andelarna kan "
              "tillsammans bli mer än 100 %.")
BAR_WIDTH = 20
LONG_HEADER = ("omgång", "grupp", "fråge_id", "fråga", "alternativ", "antal", "bas", "procent")
STAT_LABELS = (("n", "Antal svar"), ("sum", "Summa"), ("mean", "Medelvärde"), ("median", "Median"),
               ("min", "Minsta"), ("max", "Största"))


def number(value: float, decimals: int = 1) -> str:
    """Swedish decimal comma; whole numbers without decimals."""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", "\u00a0")
    return f"{value:,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")


def bar(value: float | None, width: int = BAR_WIDTH, ascii_only: bool = False) -> str:
    """A bar of block glyphs, eighths for the last cell; `#` where the stream has no blocks
    (a Windows console in cp1252 would show `?????`)."""
    if not value:
        return ""
    eighths = round(max(0.0, min(value, 100.0)) / 100 * width * 8)
    if ascii_only:
        return "#" * round(eighths / 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (" ▏▎▍▌▋▊▉"[rest] if rest else "")


def group_name(group: str | None) -> str:
    return OVERALL if group is None else group


def kind_name(question: QuestionResult) -> str:
    name = KIND_NAMES[question.kind]
    return f"{name}, obligatorisk" if question.mandatory else name


def title(question: QuestionResult) -> str:
    return f"{question.text} ({kind_name(question)})"


def round_labels(tally: Tally) -> list[str]:
    return [r.label for r in tally.rounds]


def groups(tally: Tally) -> list[str | None]:
    return [None, *tally.groups]


def results_by_round(question: QuestionResult, group: str | None,
                     labels: list[str]) -> list[Result | None]:
    return [question.result(label, group) for label in labels]


def option_labels(results: list[Result | None]) -> list[str]:
    labels: list[str] = []
    for result in results:
        for option in result.options if result else []:
            if option.label not in labels:
                labels.append(option.label)
    return labels


def blank_lines(question: QuestionResult, group: str | None, labels: list[str]) -> list[str]:
    """'2019: Södra Bohuslän' lines for a mandatory question someone left blank."""
    lines = []
    for result in results_by_round(question, group, labels):
        if result and result.blank_respondents:
            lines.append(f"{result.round}: {', '.join(result.blank_respondents)}"
                         + (f" (och {result.missing - len(result.blank_respondents)} till)"
                            if result.missing > len(result.blank_respondents) else ""))
    return lines


TEXT_HEADER = ("omgång", "grupp", "fråge_id", "fråga", "svar", "antal")


def long_rows(tally: Tally, texts: bool = True) -> Iterator[tuple[object, ...]]:
    """One row per round, group, question and option (and text answer): the long format.

    `texts=False` leaves the free texts out (Excel lists them on a sheet of their own).
    """
    for question in tally.questions:
        for result in question.results:
            group = group_name(result.group)
            for option in result.options:
                yield (result.round, group, question.id, question.text, option.label,
                       option.count, result.answered, option.percent)
            for answer in result.answers if texts else []:
                yield (result.round, group, question.id, question.text, answer.text,
                       answer.count, result.answered, None)


def text_rows(tally: Tally) -> Iterator[tuple[object, ...]]:
    """Free-text answers and closed questions' own "Annat" texts, one row each."""
    for question in tally.questions:
        for result in question.results:
            for answer in result.answers:
                yield (result.round, group_name(result.group), question.id, question.text,
                       answer.text, answer.count)


MAX_SHOWN_ANSWERS = 200  # free-text answers a document or the terminal lists per question


def shown_answers(result: Result) -> tuple[list[TextAnswer], str]:
    """The free-text answers a document or the terminal lists (the most common first), and
    a Swedish note when some are left out: Excel, CSV and JSON always have every one."""
    answers = result.answers
    if len(answers) <= MAX_SHOWN_ANSWERS:
        return list(answers), ""
    return list(answers[:MAX_SHOWN_ANSWERS]), (
        f"Visar {number(MAX_SHOWN_ANSWERS)} av {number(len(answers))} olika svar, de vanligaste "
        "först; alla finns i Excel-, CSV- och JSON-utdata (t.ex. -o svar.xlsx).")


SMALL_BASE = 5
SMALL_NOTE = (f"* Färre än {SMALL_BASE} svarande i gruppen: bara antal visas, ingen andel, "
              "eftersom en andel av så få svar säger lite.")


@dataclass(frozen=True)
class CrossColumn:
    """One group's column in a cross-table: its name, its result and whether its base is small."""

    name: str
    result: Result | None

    @property
    def small(self) -> bool:
        return self.result is not None and self.result.answered < SMALL_BASE

    @property
    def heading(self) -> str:
        return f"{self.name} *" if self.small else self.name

    def option(self, label: str) -> tuple[int | None, float | None]:
        """(count, share) of one option; the share is None for a small base."""
        found = next((o for o in self.result.options if o.label == label), None) \
            if self.result else None
        if found is None:
            return None, None
        if self.small or self.result is None:
            return found.count, None
        return found.count, percent_of(found.count, self.result.answered)

    def cell(self, label: str, space: str = " ") -> str:
        """`3 (43 %)`, the share as the Word report shows it; `space` between the two."""
        count, value = self.option(label)
        if count is None:
            return "–"
        base = self.result.answered if self.result else 0
        return f"{count}" if value is None else f"{count}{space}({share(value, share_decimals(base))})"


def cross_columns(question: QuestionResult, tally: Tally, round_label: str) -> list[CrossColumn]:
    """The groups of `--by` as columns, the overall first."""
    return [CrossColumn(group_name(g), question.result(round_label, g)) for g in groups(tally)]


def cross_options(columns: list[CrossColumn]) -> list[str]:
    return option_labels([c.result for c in columns])


def is_cross(question: QuestionResult, tally: Tally) -> bool:
    """Closed questions split by a column are one cross-table; free text stays per group."""
    return bool(tally.by) and question.kind in ("single", "multi")


RANK_NOTE = ("Rangordning: medelplaceringen är den genomsnittliga platsen (1 = först), så lägre "
             "är bättre; förstaplatser är hur många som satte alternativet först.")


def rank_table(results: list[Result | None], labels: list[str]) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of a rank question: mean place and first places per round."""
    headers = ["Alternativ"]
    for label in labels:
        headers += [f"{label} medelplacering", f"{label} förstaplatser"]
    rows = []
    for option in option_labels(results):
        row = [option]
        for result in results:
            found = next((o for o in result.options if o.label == option), None) if result else None
            row += ["–" if found is None or found.mean_rank is None else number(found.mean_rank, 2),
                    "–" if found is None else str(found.count)]
        rows.append(row)
    base = ["Svarande (bas)"]
    for result in results:
        base += [str(result.answered) if result else "–", ""]
    rows.append(base)
    return headers, rows


def respondents_text(info: RoundInfo) -> str:
    """'7 svarande av 8 förväntade, 87,5 %; inte svarat: Skaraborg' or '7 svarande'."""
    if info.expected is None:
        return f"{info.respondents} svarande"
    text = f"{info.respondents} svarande av {info.expected} förväntade, {response_rate(info)}"
    if info.not_responded:
        text += "; inte svarat: " + ", ".join(info.not_responded)
    return text


# -- shares as the Word report shows them: no more precision than the base carries --------
DECIMAL_BASE = 100  # from this many answers a share is shown with one decimal


def share_decimals(base: int) -> int:
    """One decimal from `DECIMAL_BASE` answers; below it one answer moves the share by more
    than a percentage point, so a decimal would suggest a precision that is not there."""
    return 1 if base >= DECIMAL_BASE else 0


def percent_of(count: int, base: int) -> float | None:
    """The exact share in percent. The tally's `percent` carries one decimal (for JSON and
    CSV); rounding that again would show 5 of 11 (45,45… %) as 46 % where Excel shows 45 %."""
    return 100 * count / base if base else None


def option_share(option: OptionCount, result: Result) -> float | None:
    """An option's exact share of those who answered the question."""
    return percent_of(option.count, result.answered)


def _figure(value: Decimal) -> str:
    return str(value).replace(".", ",")


def share(value: float | None, decimals: int) -> str:
    """`43 %` or `42,9 %` (a no-break space before the sign); `–` when nobody answered."""
    if value is None:
        return "–"
    return _figure(half_up(value, decimals)) + "\u00a0%"


#: The one rule for a change, said in the Word report's method: the exact difference of the
#: shares, rounded as a share is. With 7 respondents one answer is then always 14 points
#: (the difference of the rounded shares says 14 or 15: 29 % − 14 % = 15).
CHANGE_RULE = ("Förändringen räknas på de exakta andelarna och avrundas som andelarna, så att "
               "ett svar alltid ger samma förändring; den kan därför skilja en enhet från "
               "skillnaden mellan de avrundade andelarna.")


#: The rule in a note beside Excel's change column.
CHANGE_RULE_SHORT = "skillnaden mellan de exakta andelarna, avrundad som andelarna."


def shown_change(before: float | None, after: float | None, decimals: int) -> float | None:
    """The change in percentage points as a number: the exact difference (Excel shows it
    rounded by its number format, and a recalculation from the exact shares agrees).
    `decimals` is kept for the callers' symmetry with `points_change`."""
    if before is None or after is None:
        return None
    return after - before


def points_change(before: float | None, after: float | None, decimals: int) -> str:
    """`+14` / `−14` / `±0`: the exact difference of the shares in percentage points, rounded
    as the shares are (`CHANGE_RULE`)."""
    if before is None or after is None:
        return ""
    value = half_up(after - before, decimals)
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return sign + _figure(abs(value))


def change_decimals(results: list[Result | None], index: int) -> int:
    """The change from round `index - 1` to `index` has the precision of the coarser share."""
    before, after = results[index - 1], results[index]
    return min(share_decimals(before.answered) if before else 0,
               share_decimals(after.answered) if after else 0)


@dataclass(frozen=True)
class RoundFigures:
    """One option in one round, as every table shows it: the count, the exact share (None
    when the option is not among that round's answers) and the change since the round
    before ('+14', '' for the first round)."""

    round: str
    count: int | None
    share: float | None
    decimals: int  # the share's precision (`share_decimals` of the round's base)
    change: str


def option_rounds(results: list[Result | None], labels: list[str],
                  option: str) -> list[RoundFigures]:
    figures: list[RoundFigures] = []
    before: float | None = None
    for index, (label, result) in enumerate(zip(labels, results, strict=True)):
        found = next((o for o in result.options if o.label == option), None) if result else None
        now = option_share(found, result) if found and result else None
        figures.append(RoundFigures(
            label, found.count if found else None, now,
            share_decimals(result.answered) if result else 0,
            points_change(before, now, change_decimals(results, index)) if index else ""))
        before = now
    return figures


CHANGE_HEADER = "Förändring (procentenheter)"


def change_header(labels: list[str], index: int) -> str:
    """'Förändring (procentenheter)'; with three rounds or more, which round it leads to."""
    return CHANGE_HEADER if len(labels) == 2 else f"Förändring {labels[index]} (procentenheter)"


def response_rate(info: RoundInfo) -> str:
    """`100 %`: respondents of the expected, by the same rule as the shares."""
    if not info.expected:
        return "–"
    return share(percent_of(info.respondents, info.expected), share_decimals(info.expected))


def label_format(decimals: int) -> str:
    """The chart's number format for the same precision as the table (Word shows a comma)."""
    return "0.0 %" if decimals else "0 %"




def file_name(source: str) -> str:
    """The file's name only: a path (C:\\Users\\<name>\\…) never goes into a document."""
    return re.split(r"[\\/]", source)[-1]


def sentence_case(heading: str) -> str:
    """A section name a spec writes in capitals (IMPLEMENTERING, as the form had it) as a
    heading reads: "Implementering". Any other spelling is the writer's and is kept."""
    if heading.isupper() and len(heading) > 1:
        return heading[0] + heading[1:].lower()
    return heading
