"""E-mail addresses and telephone numbers masked in a tally, wherever it shows a text.

The tally is what every renderer sees (terminal, Markdown, Excel, Word, PDF,
JSON, CSV), so masking its texts once masks them in every format: question
headings, option labels, free-text and "other" answers, group names, the
respondents listed as not having answered, and the notes shown under -v. The
warning counts the answers masked per file (each respondent's text once, from
the overall results) and the headings.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from vastbus_cli.contact_details import mask_contact_details
from vastbus_cli.problems import Problem, warning
from vastbus_cli.survey.model import QuestionResult, Result, Tally, TextAnswer
from vastbus_cli.survey.store import DiskTexts

CODE = "kontaktuppgift"
HINT = ("Be de svarande att inte skriva kontaktuppgifter i fritextsvar; sammanställningen "
        "visar dem aldrig.")


class _Masker:
    def __init__(self) -> None:
        self.emails = 0
        self.phones = 0

    def __call__(self, text: str | None) -> str | None:
        if not text:
            return text
        masked, emails, phones = mask_contact_details(text)
        self.emails += emails
        self.phones += phones
        return masked if emails or phones else text

    def found(self) -> bool:
        return bool(self.emails or self.phones)


def _what(emails: int, phones: int) -> str:
    parts = []
    if emails:
        parts.append("e-postadresser" if emails > 1 else "en e-postadress")
    if phones:
        parts.append("telefonnummer" if phones > 1 else "ett telefonnummer")
    return " och ".join(parts)


def _kinds(text: str) -> tuple[int, int]:
    return mask_contact_details(text)[1:]


def mask_tally(tally: Tally) -> tuple[Tally, list[Problem]]:
    """`tally` with every contact detail masked, and one warning per file that had any."""
    answers: Counter[str] = Counter()  # round → answers masked
    heads = _Masker()
    questions = [_question(q, answers, heads) for q in tally.questions]
    other = _Masker()
    groups = [other(g) or g for g in tally.groups]
    notes = [other(n) or n for n in tally.notes]
    respondent = other(tally.respondent_column)
    if not (answers or heads.found() or other.found()):
        return tally, []
    renamed: dict[str | None, str | None] = {g: m for g, m in zip(tally.groups, groups,
                                                                   strict=True) if g != m}
    if renamed:
        questions = [replace(q, results=[replace(r, group=renamed.get(r.group, r.group))
                                         for r in q.results]) for q in questions]
    result = replace(tally, questions=questions, groups=groups, notes=notes,
                     respondent_column=respondent)
    sources = {r.label: r.source for r in tally.rounds}
    problems = [warning(sources.get(label, label), 0, 0, CODE,
                        f"{n} svar innehåller e-postadresser eller telefonnummer. De är maskerade "
                        "i sammanställningen.", HINT)
                for label, n in answers.items()]
    first = tally.rounds[0].source if tally.rounds else ""
    for old, new in zip(tally.questions, questions, strict=True):
        if new.text != old.text:
            problems.append(warning(first, 1, 0, CODE,
                                    f"Kolumnrubriken '{new.text}' innehåller "
                                    f"{_what(*_kinds(old.text))}. Det är maskerat i "
                                    "sammanställningen.", HINT))
    if other.found():
        problems.append(warning(first, 1, 0, CODE,
                                f"Ett gruppnamn eller en kolumnrubrik innehåller "
                                f"{_what(other.emails, other.phones)}. Det är maskerat i "
                                "sammanställningen.", HINT))
    return result, problems


def _question(q: QuestionResult, answers: Counter[str], heads: _Masker) -> QuestionResult:
    text = heads(q.text) or q.text
    matrix, row = heads(q.matrix) or q.matrix, heads(q.matrix_row) or q.matrix_row
    results = [_result(r, answers, heads) for r in q.results]
    if text is q.text and matrix is q.matrix and row is q.matrix_row \
            and all(a is b for a, b in zip(results, q.results, strict=True)):
        return q
    return replace(q, text=text, results=results, matrix=matrix, matrix_row=row)


def _result(r: Result, answers: Counter[str], heads: _Masker) -> Result:
    texts = _Masker()
    listed: Sequence[TextAnswer]
    if isinstance(r.answers, DiskTexts):  # masked as they were stored on disk
        listed = r.answers
        if r.group is None and listed.contacts:
            answers[r.round] += listed.contacts
    else:
        listed = [_answer(a, texts, answers, r) for a in r.answers]
    options = [o if (label := heads(o.label)) == o.label else replace(o, label=label or o.label)
               for o in r.options]
    blanks = [texts(b) or b for b in r.blank_respondents]
    if not texts.found() and all(a is b for a, b in zip(options, r.options, strict=True)):
        return r
    return replace(r, answers=listed, options=options, blank_respondents=blanks)


def _answer(a: TextAnswer, masker: _Masker, answers: Counter[str], r: Result) -> TextAnswer:
    before = masker.emails + masker.phones
    text = masker(a.text) or a.text
    if masker.emails + masker.phones == before:
        return a
    if r.group is None:
        answers[r.round] += a.count
    return replace(a, text=text)

