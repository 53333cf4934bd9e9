"""Responses (+ Spec) → `Tally`: counts, shares of those who answered, changes between rounds.

Pure apart from consuming the rows each `Responses` streams: no files are
opened here and nothing is printed. Every distinct raw answer is interpreted
(split, matched, parsed, masked) once per question, however many rows hold it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from math import fsum, isfinite
from typing import Any

from vastbus_cli.contact_details import mask_contact_details
from vastbus_cli.privacy import (
    MASKED_NOTE,
    PRIVACY_HINT,
    PRIVACY_MESSAGE,
    find_identity_numbers,
    mask_identity_numbers,
    masked_model,
)
from vastbus_cli.problems import Problem, error, warning
from vastbus_cli.survey.contacts import mask_tally
from vastbus_cli.survey.counting import FieldCounts, Group, RoundCounts, count_round
from vastbus_cli.survey.kinds import parse_number
from vastbus_cli.survey.matrix import row_label
from vastbus_cli.survey.model import (
    OptionCount,
    QuestionResult,
    Result,
    RoundInfo,
    Stats,
    Tally,
    TextAnswer,
)
from vastbus_cli.survey.questions import Planned, plan_from_spec, plan_inferred
from vastbus_cli.survey.rank import HELPER, item_fields, rank_result
from vastbus_cli.survey.readers.headers import is_other
from vastbus_cli.survey.reading import reading_line
from vastbus_cli.survey.responses import Field, RawAnswer, Responses
from vastbus_cli.survey.rounding import rounded
from vastbus_cli.survey.spec import Kind, Spec
from vastbus_cli.survey.split import fold, split_joined
from vastbus_cli.survey.store import DiskCounts, DiskTexts, Store, TextsOnDisk

DOUBT_HINT = ("Skriv en specifikation med --infer-spec -o spec.yaml, rätta frågans typ och "
              "alternativ i den och räkna sedan med --spec spec.yaml.")
WHO_KEY = HELPER + "respondent"  # the respondent column, counted to see who answered
OTHER_LABEL = "Annat"
_OTHER_WORDS = ("annat", "annan", "övrigt", "other")
_GROUP_WORDS = ("grupp", "organisation", "respondent", "svarande")
_SWEDISH_ORDER = str.maketrans({"å": "{", "ä": "|", "ö": "}", "é": "e", "ü": "y"})


def swedish_key(text: str) -> tuple[str, str]:
    """Sort as a Swedish reader expects: å, ä, ö after z."""
    return text.casefold().translate(_SWEDISH_ORDER), text

Meaning = tuple[tuple[str, ...], str]  # option labels, free/other text


def tally(rounds: Sequence[Responses], spec: Spec | None = None,
          by: str | None = None) -> tuple[Tally, list[Problem]]:
    """Count every round, match questions across rounds, and compute each result."""
    problems: list[Problem] = []
    store = Store()  # answers past the memory budget, for as long as the tally lives
    counted = [_count(r, spec, by, problems, store) for r in rounds]
    for r, c in zip(rounds, counted, strict=True):
        problems.extend(r.problems)
        if not c.total and r.layout.headers:
            problems.append(warning(r.source, 0, 0, "inga-svar",
                                    "Filen har rubriker men inga svar.",
                                    "Kontrollera att exporten innehåller svaren, inte bara frågorna."))
    problems += [p for c in counted if (p := _stray(c)) is not None]
    notes: list[str] = []
    planned = (plan_from_spec(spec, counted, problems, notes) if spec
               else plan_inferred(counted, notes))
    problems += [_doubt(p, counted) for p in planned if p.doubt]
    groups = sorted({g for c in counted for g in c.respondents if g is not None}, key=swedish_key)
    questions = [_question(p, counted, groups, problems, store) for p in planned]
    infos = [_round_info(c, spec) for c in counted]
    survey = spec.survey if spec else "Enkät"
    respondent = next((r.layout.headers[c.respondent_column] for r, c in zip(rounds, counted, strict=False)
                       if c.respondent_column is not None), None)
    problems += _private_headings(planned, counted, groups)
    result = Tally(survey=survey, rounds=infos, by=by, respondent_column=respondent, groups=groups,
                   questions=questions, notes=notes, reading=[reading_line(p) for p in planned])
    # the last net: no identity number leaves in any text, whatever it came from (headings,
    # group names, option labels)
    masked, found = mask_tally(masked_model(result))  # and no e-mail address or phone number
    return masked, problems + found


def _private_headings(planned: list[Planned], counted: list[RoundCounts],
                      groups: list[str]) -> list[Problem]:
    """Warnings for identity numbers in column headings and group names (answers are
    reported where they are counted)."""
    found: list[Problem] = []
    for plan in planned:
        number = next(find_identity_numbers(plan.text), None)
        if number is None:
            continue
        for index, fc in sorted(plan.sources.items()):
            column = min(fc.field.columns) + 1 if fc.field.columns else 0
            found.append(warning(counted[index].source, 1, column, "personnummer",
                                 PRIVACY_MESSAGE.format(kind=number.kind)
                                 + " Det står i en kolumnrubrik och är maskerat i sammanställningen.",
                                 PRIVACY_HINT))
    for group in groups:
        number = next(find_identity_numbers(group), None)
        if number:
            found.append(warning(counted[0].source, 0, 0, "personnummer",
                                 PRIVACY_MESSAGE.format(kind=number.kind)
                                 + " Det står i gruppkolumnen och är maskerat i sammanställningen.",
                                 PRIVACY_HINT))
    return found


def _stray(counted: RoundCounts) -> Problem | None:
    """One warning per file for stray control characters (NUL bytes), at the first line."""
    found = [(fc.stray, fc) for fc in counted.fields if fc.stray]
    if not found:
        return None
    line, fc = min(found, key=lambda pair: pair[0])
    columns = fc.field.columns
    return warning(counted.source, line, min(columns) + 1 if columns else 0, "styrtecken",
                   f"Rad {line} innehåller osynliga styrtecken (till exempel NUL-tecken) som inte "
                   "hör till något svar. De har tagits bort och svaren räknas ändå.",
                   "Inget behöver göras; exportera gärna filen på nytt från enkätverktyget om "
                   "svaren ser fel ut.")


def _doubt(plan: Planned, counted: list[RoundCounts]) -> Problem:
    """A warning that an inferred question could be read two ways."""
    index, fc = min(plan.sources.items())
    columns = fc.field.columns
    text = plan.text if len(plan.text) <= 60 else plan.text[:59] + "…"
    return warning(counted[index].source, 1, min(columns) + 1 if columns else 0, plan.doubt_code,
                   mask_contact_details(f"Frågan '{text}' kan läsas på två sätt: {plan.doubt}.")[0],
                   DOUBT_HINT)


def _count(responses: Responses, spec: Spec | None, by: str | None,
           problems: list[Problem], store: Store) -> RoundCounts:
    by_column = None
    if by is not None:
        by_column = responses.column(by)
        if by_column is None and responses.layout.headers:
            problems.append(error(responses.source, 1, 1, "kolumn-saknas",
                                  f"Kolumnen '{by}' (--by) finns inte i filen.",
                                  "Kolumner: " + ", ".join(h for h in responses.layout.headers if h)))
    respondent = _respondent_column(responses, spec, problems)
    fields = [f for f in responses.layout.fields
              if respondent is None or f.column != respondent or f.choices]
    helpers = item_fields(fields)
    if spec is not None and spec.expected and respondent is not None:
        helpers.append(Field(key=WHO_KEY, text=WHO_KEY, column=respondent))
    return count_round(responses, [*fields, *helpers], by_column, respondent, store)


def _round_info(counted: RoundCounts, spec: Spec | None) -> RoundInfo:
    """A round's respondents; against the spec's expected respondents, who did not answer."""
    info = RoundInfo(label=counted.label, source=counted.source, respondents=counted.total)
    if spec is None or not spec.expected:
        return info
    who = next((fc for fc in counted.fields if fc.field.key == WHO_KEY), None)
    answered = {fold(raw[0]) for (_group, raw) in who.answers} if who is not None else set()
    missing = [name for name in spec.expected if fold(name) not in answered]
    return replace(info, expected=len(spec.expected), not_responded=missing)


def _respondent_column(responses: Responses, spec: Spec | None,
                       problems: list[Problem]) -> int | None:
    if spec is not None and spec.respondent_column:
        found = responses.column(spec.respondent_column)
        if found is None and responses.layout.headers:
            problems.append(warning(
                responses.source, 1, 1, "kolumn-saknas",
                f"Respondentkolumnen '{spec.respondent_column}' finns inte i filen; "
                "radnummer används i stället.", "Rätta 'respondentkolumn' i specifikationen."))
        return found
    for f in responses.layout.fields:
        text = fold(f.text)
        if (f.column is not None and len(text) <= 40 and not text.endswith("?")
                and any(word in text for word in _GROUP_WORDS)):
            return f.column
    return None


def _question(plan: Planned, counted: list[RoundCounts], groups: list[str],
              problems: list[Problem], store: Store) -> QuestionResult:
    if plan.kind is Kind.rank:
        return _rank_question(plan, counted, groups)
    interpreter = _Interpreter(plan, problems, store)
    results: list[Result] = []
    numbers = plan.kind is Kind.number
    for index, fc in sorted(plan.sources.items()):
        label = counted[index].label
        for raw, line in fc.private.items() if not numbers else ():
            interpreter.report_private(raw, counted[index].source, line, fc.field.columns)
        for group in [None, *groups] if groups else [None]:
            answers = _answers(fc, group, streamed=plan.kind is Kind.text)
            blank_groups = [g for g in fc.blanks if group is None or g == group]
            missing = sum(fc.blanks[g] for g in blank_groups)
            blanks = [who for g in blank_groups for who in fc.blank_respondents.get(g, [])]
            results.append(interpreter.result(label, group, answers, missing,
                                              blanks if plan.mandatory else []))
    results = _with_changes(results, [c.label for c in counted])
    if numbers and _identity_numbers_in(plan, counted, results, problems):
        results = [replace(r, stats=None, answers=[]) for r in results]
    return QuestionResult(id=plan.id, text=plan.text, section=plan.section,
                          kind=plan.kind.english, mandatory=plan.mandatory, results=results,
                          wordings=_wordings(plan, counted), matrix=plan.matrix,
                          matrix_row=_matrix_row(plan))


def _answers(fc: FieldCounts, group: Group, streamed: bool) -> Answers:
    """A field's raw answers with their counts, of one group (every group for None).

    Answers on disk are read as they come when `streamed` (free text, whose
    texts are counted on disk again): a raw answer then comes once per group.
    """
    if isinstance(fc.answers, DiskCounts):
        if streamed:
            return _Streamed(fc.answers, group)
        return Counter(dict(_summed(fc.answers.for_group(group))))
    keys = [(g, raw) for (g, raw) in fc.answers if group is None or g == group]
    answers: Counter[RawAnswer] = Counter()
    for key in keys:
        answers[key[1]] += fc.answers[key]
    return answers


def _summed(pairs: Iterable[tuple[RawAnswer, int]]) -> Counter[RawAnswer]:
    summed: Counter[RawAnswer] = Counter()
    for raw, n in pairs:
        summed[raw] += n
    return summed


class _Streamed:
    """A group's answers on disk, read afresh on each pass (`items`, `values`)."""

    def __init__(self, answers: DiskCounts, group: Group) -> None:
        self.answers = answers
        self.group = group

    def items(self) -> Iterator[tuple[RawAnswer, int]]:
        return self.answers.for_group(self.group)

    def values(self) -> Iterator[int]:
        return (n for _raw, n in self.items())


Answers = Counter[RawAnswer] | _Streamed


def _wordings(plan: Planned, counted: list[RoundCounts]) -> list[tuple[str, str]]:
    """The question as each round asked it, when a spec question's header differs between rounds
    (matched through 'tidigare-texter'): a comparison the report must not make without a word."""
    asked = [(counted[i].label, fc.field.text) for i, fc in sorted(plan.sources.items())]
    if not plan.from_spec or len({fold(text) for _, text in asked}) < 2:
        return []
    return asked


IDENTITY_COLUMN = (" Kolumnen innehåller identitetsnummer och behandlas som personuppgifter: "
                   "inga värden, summor, medelvärden eller medianer visas i sammanställningen.")


def _identity_numbers_in(plan: Planned, counted: list[RoundCounts], results: list[Result],
                         problems: list[Problem]) -> bool:
    """Whether a numeric question holds identity numbers (an answer, or a figure worked out
    from them: a sum, mean or median that is one), with one warning for the question.

    Such a column is identity data: never averaged, never printed.
    """
    private = sorted((index, line, raw) for index, fc in plan.sources.items()
                     for raw, line in fc.private.items())
    texts = [t for _index, _line, raw in private for t in (raw[0], raw[2], *raw[1]) if t]
    texts += [str(int(abs(v))) for r in results if r.stats
              for v in (r.stats.sum, r.stats.mean, r.stats.median) if isfinite(v)]
    found = next((n for t in texts for n in find_identity_numbers(t)), None)
    if found is None:
        return False
    index, line = private[0][:2] if private else (min(plan.sources), 0)
    columns = plan.sources[index].field.columns
    problems.append(warning(counted[index].source, line, min(columns) + 1 if columns else 0,
                            "personnummer", PRIVACY_MESSAGE.format(kind=found.kind)
                            + IDENTITY_COLUMN, PRIVACY_HINT))
    return True


def _rank_question(plan: Planned, counted: list[RoundCounts], groups: list[str]) -> QuestionResult:
    """Mean place and first places per item, in the spec's item order (else by mean place)."""
    results = [rank_result(counted[index].label, group, items, plan.mandatory)
               for index, items in sorted(plan.items.items())
               for group in ([None, *groups] if groups else [None])]
    order = list(plan.options)
    if not plan.from_spec and results:
        means = {o.label: o.mean_rank or 0.0 for o in results[0].options}
        order.sort(key=lambda label: means.get(label, 0.0))
    results = [replace(r, options=sorted(
        r.options, key=lambda o: order.index(o.label) if o.label in order else len(order)))
        for r in results]
    results = _with_changes(results, [c.label for c in counted])
    return QuestionResult(id=plan.id, text=plan.text, section=plan.section, kind="rank",
                          mandatory=plan.mandatory, results=results, matrix=plan.matrix,
                          matrix_row=_matrix_row(plan))


def _matrix_row(plan: Planned) -> str | None:
    """A matrix row's own statement ('Information' of 'Hur nöjd …? [Information]')."""
    return None if plan.matrix is None else row_label(plan.text, plan.matrix)


def _is_other_option(label: str) -> bool:
    """An option that is the "other" box itself ('Annat', 'Other:', 'Other (please specify)',
    'Annat, nämligen'), not a real option that merely starts with the word ('Other
    organisations', 'Övriga kommuner'): typed "other" text is counted under the former only."""
    words = fold(label).replace(",", " ").replace(":", " ").split()
    return bool(words) and words[0] in _OTHER_WORDS and (len(words) == 1 or is_other(label)
                                                         or words[1].startswith("("))


class _Interpreter:
    """Turns distinct raw answers into options or text, caching each one."""

    def __init__(self, plan: Planned, problems: list[Problem], store: Store) -> None:
        self.plan = plan
        self.problems = problems
        self.store = store
        self.known = {fold(o): o for o in plan.options}
        named = [fc.field.other_choice for fc in plan.sources.values() if fc.field.other_choice]
        self.other = (self.known.get(fold(named[0]), named[0]) if named else
                      next((o for o in plan.options if _is_other_option(o)), OTHER_LABEL))
        self.cache: dict[RawAnswer, Meaning] = {}
        self._order: list[str] | None = None
        self.codes = _option_codes(plan) if plan.from_spec else {}

    def report_private(self, raw: RawAnswer, source: str, line: int, columns: list[int]) -> None:
        texts = (raw[0], raw[2], *raw[1])
        found = next(n for t in texts if t for n in find_identity_numbers(t))
        self.problems.append(warning(
            source, line, min(columns) + 1 if columns else 0, "personnummer",
            PRIVACY_MESSAGE.format(kind=found.kind) + MASKED_NOTE,
            PRIVACY_HINT))

    def meaning(self, raw: RawAnswer) -> Meaning:
        cached = self.cache.get(raw)
        if cached is None:
            cached = self.cache[raw] = self._interpret(raw)
        return cached

    def _interpret(self, raw: RawAnswer) -> Meaning:
        text, ticked, other = raw
        kind = self.plan.kind
        if kind in (Kind.text, Kind.number):
            return (), mask(" ".join(t for t in (text, other, *ticked) if t))
        labels = [self.codes.get(fold(t)) or self._label(t) for t in ticked]
        if text in self.plan.cells:
            labels += self.plan.cells[text]
        elif text and kind is Kind.multi:
            found, leftover = split_joined(text, self.known, self.plan.separator)
            labels += found
            other = "; ".join(t for t in (leftover, other) if t)
        elif text:
            labels.append(self._label(text))
        if other and not (kind is Kind.single and labels):
            # the text box's text is the free text of its option; a single choice that already
            # has its option has a comment, not a second option
            labels.append(self.other)
        return tuple(dict.fromkeys(labels)), mask(other)

    def _label(self, text: str) -> str:
        return self.known.get(fold(text)) or self.codes.get(fold(text)) or mask(text)

    def result(self, round_label: str, group: Group, answers: Answers,
               missing: int, blanks: list[str]) -> Result:
        answered = sum(answers.values())
        base: dict[str, Any] = dict(round=round_label, group=group, answered=answered, missing=missing,
                    blank_respondents=blanks)
        if self.plan.kind is Kind.number:
            assert isinstance(answers, Counter)
            return self._numbers(base, answers)
        if isinstance(answers, _Streamed):  # free text on disk: listed from disk
            return Result(**base, answers=self._texts_on_disk(answers))
        texts: Counter[str] = Counter()
        options: Counter[str] = Counter()
        for raw, n in answers.items():
            labels, text = self.meaning(raw)
            for label in labels:
                options[label] += n
            if text:
                texts[text] += n
        listed = [TextAnswer(text=t, count=n) for t, n in texts.most_common()]
        if self.plan.kind is Kind.text:
            return Result(**base, answers=listed)
        return Result(**base, options=self._options(options, answered),
                      answers=listed)

    def _texts_on_disk(self, answers: _Streamed) -> DiskTexts:
        """A free-text question's answers counted and listed on disk, contact details masked
        as they are stored (`contacts.mask_tally` cannot rewrite them there)."""
        texts = TextsOnDisk(self.store, lambda text: mask_contact_details(text)[0])
        for raw, n in answers.items():
            text = self._interpret(raw)[1]  # not cached: each raw answer comes once per group
            if text:
                texts.add(text, n)
        return texts.finish()

    def _options(self, counts: Counter[str], answered: int) -> list[OptionCount]:
        return [OptionCount(label=o, count=counts[o],
                            percent=rounded(100 * counts[o] / answered, 1) if answered else None)
                for o in self.order()]

    def order(self) -> list[str]:
        """Spec options in spec order (else by count), then answers outside them, by count.

        The same list for every round and group, so results line up side by side.
        """
        if self._order is None:
            overall: Counter[str] = Counter()
            for fc in self.plan.sources.values():
                for (_group, raw), n in fc.answers.items():
                    for label in self.meaning(raw)[0]:
                        overall[label] += n
            order = list(self.plan.options)
            if not (self.plan.from_spec or self.plan.ordered):
                order.sort(key=lambda o: -overall[o])
            order += sorted(set(overall) - set(order), key=lambda o: (-overall[o], o))
            self._order = order
        return self._order

    def _numbers(self, base: dict[str, Any], answers: Counter[RawAnswer]) -> Result:
        values: list[tuple[float, int]] = []
        texts: list[TextAnswer] = []
        for raw, n in answers.items():
            number = parse_number(raw[0])
            if number is None:
                texts.append(TextAnswer(text=self.meaning(raw)[1], count=n))
            else:
                values.append((number, n))
        return Result(**base, stats=_stats(values), answers=texts)


def _option_codes(plan: Planned) -> dict[str, str]:
    """Codes → the spec's options, in order: option columns headed only by codes (LimeSurvey's
    SQ001…), and answers exported as numbers (1 = the first option, as SPSS-style exports do).

    Used only when a field has exactly as many option columns as the spec has
    options and none of their labels is already one of the options; answers
    only when every one is a whole number from 1 to the number of options and
    none is an option's label.
    """
    known = {fold(o) for o in plan.options}
    codes: dict[str, str] = {}
    if not plan.kind.closed:
        return codes  # free text and numbers have no options to code
    answers = {raw[0] for fc in plan.sources.values() for (_group, raw) in fc.answers if raw[0]}
    numbered = {str(i): o for i, o in enumerate(plan.options, start=1)}
    if answers and answers <= set(numbered) and not known & {fold(a) for a in answers}:
        codes.update(numbered)
    for fc in plan.sources.values():
        labels = [c.label for c in fc.field.choices]
        if labels and len(labels) == len(plan.options) and not known & {fold(x) for x in labels}:
            codes.update(zip(map(fold, labels), plan.options, strict=True))
    return codes


def mask(text: str) -> str:
    return mask_identity_numbers(text)[0] if text else text


def _stats(values: list[tuple[float, int]]) -> Stats | None:
    n = sum(count for _, count in values)
    if not n:
        return None
    total = sum(v * count for v, count in values)
    ordered = sorted(values)
    expanded_median = _weighted_median(ordered, n)
    return Stats(n=n, sum=total, mean=rounded(total / n, 2), median=expanded_median,
                 min=ordered[0][0], max=ordered[-1][0])


def _weighted_median(ordered: list[tuple[float, int]], n: int) -> float:
    """The median of values given with counts, without expanding them."""
    def at(position: int) -> float:
        seen = 0
        for value, count in ordered:
            seen += count
            if position < seen:
                return value
        return ordered[-1][0]
    if n % 2:
        return at(n // 2)
    # what statistics.fmean computes for two values, without its ~5 ms import
    return fsum((at(n // 2 - 1), at(n // 2))) / 2


def _share(count: int, answered: int) -> float | None:
    return 100 * count / answered if answered else None


def _changed(option: OptionCount, answered: int, before: float | None) -> OptionCount:
    """The change from exact shares, so 3/7 → 4/7 is 14.3 points, not 57.1 − 42.9."""
    now = _share(option.count, answered)
    if now is None or before is None:
        return option
    return replace(option, change=rounded(now - before, 1))


def _with_changes(results: list[Result], order: list[str]) -> list[Result]:
    """Each option's change in percentage points since the same group's previous round."""
    previous: dict[Group, Result] = {}
    out: list[Result] = []
    by_round = sorted(results, key=lambda r: order.index(r.round))
    for result in by_round:
        before = previous.get(result.group)
        if before is not None and result.options:
            old = {o.label: _share(o.count, before.answered) for o in before.options}
            options = [_changed(o, result.answered, old.get(o.label)) for o in result.options]
            result = replace(result, options=options)
        previous[result.group] = result
        out.append(result)
    return out
