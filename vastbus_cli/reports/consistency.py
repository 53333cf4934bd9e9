"""The coordinator's words against the figures: a claim the tables contradict is a warning.

An introduction that calls waiting times the deviation most groups raise, over
tables that show them in 2 of 12 groups, makes the steering group doubt every
figure. So `compile` reads the coordinator's inledning.md and slutsatser.md (and
`rollup` the regional --intro and --conclusions, against the regional totals) for
two kinds of claim, finds which deviation categories or themes a sentence
names, and warns on the terminal (never in the document) with the figures:

- "most common" (flest, vanligast, de flesta, …): the named category must be
  one of those most groups report (or with the most deviations); a named theme
  one of those most groups name in the section the sentence speaks of;
- "system fault" (systemfel): the named category must be flagged as a possible
  system fault, i.e. reported by at least the threshold number of groups.

A negated claim is left alone: "X är inte längre det vanligaste" is no claim
that X is (a "inte" or "ej" up to three words before the claim word). The words are matched loosely (stems), so the check can miss
a claim; it never blocks the summary.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from vastbus_cli.problems import Problem, warning
from vastbus_cli.reports.summary import Part, ThemeBlock

CODE = "text-mot-siffror"

MOST = ("flest", "vanligast", "mest förekommande", "de flesta", "oftast", "främst")
FAULT = ("systemfel",)
DEVIATION_CONTEXT = ("avvikelse", "systemfel")

#: Stems that name a deviation category in running text (lower case).
CATEGORY_WORDS: dict[str, tuple[str, ...]] = {
    "sip_ej_kallad_eller_försenad": ("sip", "kallelse", "kallad"),
    "information_ej_överförd": ("information", "förts vidare", "förs vidare", "överför"),
    "otydligt_ansvar": ("ansvarsfördelning", "otydligt ansvar", "oklart ansvar"),
    "övergång_mellan_verksamheter": ("övergång",),
    "väntetider": ("väntetid", "väntan", "kötid"),
}
#: Stems that name a theme (lower case).
THEME_WORDS: dict[str, tuple[str, ...]] = {
    "sip": ("sip", "samordnad individuell plan"),
    "samverkansrutiner": ("samverkansrutin",),
    "psykisk_ohälsa": ("psykisk ohälsa",),
    "skolfrånvaro": ("skolfrånvaro",),
    "npf": ("npf", "neuropsykiatri"),
    "missbruk_och_beroende": ("missbruk", "beroende", "droger", "drogan"),
    "våld_i_nära_relationer": ("våld",),
    "suicidprevention": ("suicid",),
    "barns_delaktighet": ("delaktighet",),
    "tidiga_insatser": ("tidiga insatser", "tidiga och samordnade"),
    "gruppens_sammansättning": ("sammansättning",),
}
#: Words that tie a theme claim to one section of the reports.
SECTION_WORDS = (("kompetens", "competence_needs", "kompetensbehov"),
                 ("utvecklingsområ", "development_areas", "utvecklingsområden"),
                 ("stöd", "support_by_theme", "önskat stöd"),
                 ("pågående", "work", "pågående arbete"))

_NEGATED = re.compile(r"(?<!\w)(?:inte|ej)\s+(?:\S+\s+){0,3}?(?:"
                      + "|".join(re.escape(w) for w in (*MOST, *FAULT, "övergripande")) + ")")
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s+|\d{1,3}[.)]\s+|#{1,6}\s+)", re.MULTILINE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ0-9*_])")


@dataclass(frozen=True)
class Sentence:
    text: str  # lower case, Markdown emphasis removed, on one line
    line: int
    column: int


def sentences(text: str, first_line: int = 1) -> Iterator[Sentence]:
    """The text's sentences with the line and column where each begins (1-based)."""
    starts = sorted({0, *(m.start() for m in _BLOCK_START.finditer(text)),
                     *(m.end() for m in re.finditer(r"\n\s*\n", text))})
    for a, b in zip(starts, [*starts[1:], len(text)], strict=True):
        block = text[a:b]
        offset = a
        for piece in _SENTENCE_END.split(block):
            at = text.find(piece, offset)
            offset = at + len(piece)
            clean = " ".join(re.sub(r"[*_`]", "", piece).split()).lower()
            if not clean:
                continue
            lead = len(piece) - len(piece.lstrip())
            at += lead
            line = text.count("\n", 0, at)
            column = at - (text.rfind("\n", 0, at) + 1) + 1
            yield Sentence(clean, first_line + line, column)


def _named(sentence: str, words: dict[str, tuple[str, ...]]) -> list[str]:
    return [code for code, stems in words.items()
            if any(re.search(r"(?<!\w)" + re.escape(s), sentence) for s in stems)]


def _groups(n: int) -> str:
    return f"{n} {'grupp' if n == 1 else 'grupper'}"


def _category_problems(s: Sentence, part: Part, where: str) -> Iterator[str]:
    d = part.deviations
    by_code = {c.category.code: c for c in d.categories}
    named = _named(s.text, CATEGORY_WORDS)
    if not d.categories or not named:
        return
    of = part.overview.reported
    widest = max(len(c.groups) for c in d.categories)
    largest = max(c.total for c in d.categories)
    top = [c for c in d.categories if len(c.groups) == widest]
    top_text = "; ".join(f"”{c.category.label}” ({_groups(len(c.groups))}, {c.total} avvikelser)"
                         for c in top)
    flagged = [c for c in d.categories if c.recurring]
    flagged_text = "; ".join(f"”{c.category.label}” ({_groups(len(c.groups))})"
                             for c in flagged) or "ingen"

    def figures(code: str) -> str:
        c = by_code.get(code)
        if c is None:
            return "kategorin finns inte i någon årsberättelse"
        return f"”{c.category.label}” finns i {len(c.groups)} av {_groups(of)} ({c.total} avvikelser)"

    if any(m in s.text for m in MOST):
        for code in named:
            c = by_code.get(code)
            if c is None or (len(c.groups) < widest and c.total < largest):
                yield (f"{where} säger att en kategori är vanligast, men {figures(code)}; "
                       f"flest grupper har {top_text}.")
    if any(m in s.text for m in FAULT):
        for code in named:
            c = by_code.get(code)
            if c is None or not c.recurring:
                yield (f"{where} kallar en kategori ett övergripande systemfel, men "
                       f"{figures(code)}, under gränsen {d.threshold} grupper; flaggade som "
                       f"möjliga systemfel: {flagged_text}.")


def _theme_problems(s: Sentence, part: Part, where: str) -> Iterator[str]:
    if not any(m in s.text for m in MOST):
        return
    named = _named(s.text, THEME_WORDS)
    if not named:
        return
    section = next(((key, label) for stem, key, label in SECTION_WORDS if stem in s.text), None)
    if section is not None:
        blocks: list[ThemeBlock] = getattr(part, section[0])
        what = f"som {section[1]}"
    else:
        blocks = [*part.work, *part.development_areas, *part.competence_needs]
        what = "i årsberättelserna"
    counts: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for b in blocks:
        if b.theme is not None:
            counts.setdefault(b.theme.code, set()).update(b.groups)
            labels[b.theme.code] = b.theme.label
    if not counts:
        return
    widest = max(len(g) for g in counts.values())
    top = "; ".join(f"”{labels[c]}” ({_groups(len(g))})" for c, g in counts.items()
                    if len(g) == widest)
    for code in named:
        n = len(counts.get(code, set()))
        if n < widest:
            label = labels.get(code, code)
            yield (f"{where} säger att ett tema är vanligast, men ”{label}” nämns {what} av "
                   f"{n} av {_groups(part.overview.reported)}; flest grupper nämner {top}.")


def check(text: str, file: str, part: Part, what: str, first_line: int = 1) -> list[Problem]:
    """Warnings for `text` (the coordinator's Markdown, read from `file`); `what` names it
    in the message ("Inledningen", "Slutsatserna")."""
    problems = []
    for s in sentences(text, first_line):
        if _NEGATED.search(s.text):
            continue
        where = what
        deviation = any(w in s.text for w in DEVIATION_CONTEXT)
        found = (_category_problems(s, part, where) if deviation
                 else _theme_problems(s, part, where))
        problems += [warning(file, s.line, s.column, CODE, message,
                             "Skriv om texten så att den stämmer med siffrorna, eller "
                             "kontrollera årsberättelserna.") for message in found]
    return problems
