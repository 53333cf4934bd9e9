"""A question's kind from the evidence of its answers, with how sure the reading is.

Without a spec a column's kind is a judgement over its distinct answers and how
often each occurs:

- a checkbox column has a few parts that recur across respondents in different
  combinations; free text has many distinct answers that rarely recur, and a
  ", " inside one ("House, MD", "Portland, Oregon") is no separator;
- a single-choice column has every cell exactly one of a few recurring values,
  even when a value holds ", " ("Hello, World");
- a few small whole numbers that recur are answer codes (a distribution), not
  amounts (a mean), unless the heading asks for an amount.

Where the evidence is weak the reading that loses nothing is chosen (free text,
every answer listed; a distribution rather than a mean) and `doubt` says why, for
a Swedish warning that names the column and the way to decide it (a spec).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from vastbus_cli.survey.scales import scale_order
from vastbus_cli.survey.spec import Kind
from vastbus_cli.survey.split import (
    GOOGLE_SEPARATOR,
    MS_SEPARATOR,
    Segmentation,
    fold,
    segment,
    separator_for,
)

_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_TEXT_MIN_LENGTH = 60
_TEXT_WORDS = ("kommentar", "fritext", "övrig", "beskriv", "varför", "motivera", "comment",
               "synpunkt", "förslag")
_SINGLE_MAX_OPTIONS = 15
_LONG_CHOICES = 6  # at most this many distinct long answers, each repeated, are options
# more distinct answers than a choice question's combinations could be, nearly all unique
_FREE_TEXT_DISTINCT = 20_000
_CODES_MAX = 11  # at most this many distinct small whole numbers can be codes (0-10 scale)
_CODE_MAX_VALUE = 10
# a column with this many distinct cells or more needs few options per respondent to be a
# checkbox column: free text lists many different things
_MANY_CELLS = 10
# Headings that ask for an amount (a number to add up) or for a choice (numbers are codes)
_AMOUNT_WORDS = re.compile(r"\b(?:antal|hur många|hur mycket|ålder|belopp|kostnad|summa|timmar|"
                           r"dagar|procent|how many|how much|number of|age|amount|hours|days)\b", re.IGNORECASE)
_CHOICE_WORDS = re.compile(r"\b(?:vilken|vilket|vilka|välj|favorit\w*|kön|typ|kategori|"
                           r"alternativ|which|choose|select|favou?rite|gender|type|category|"
                           r"option|rate|rating|betyg|skala|scale|grad|nöjd|satisf\w*|agree|"
                           r"instämmer|stämmer|påstående\w*|likely|sannolikt)\b", re.IGNORECASE)
# Question texts that say several options may be chosen (Swedish and English tools' defaults)
_MULTI_TEXT = re.compile(
    r"flera alternativ|flera svar|fler än ett|ett eller flera|en eller flera|flera val|"
    r"markera alla|kryssa (?:i )?alla|välj alla|alla som stämmer|alla som passar|flerval|"
    r"select all|check all|all that apply|one or more|multiple answers|more than one",
    re.IGNORECASE)

_WHOLE = re.compile(r"^-?\d{1,6}$")
TYPE_DOUBT = "typ-osäker"
MULTI_DOUBT = "flerval-osäkert"


@dataclass
class Decision:
    """What the answers say a question is; `doubt` is why it may be otherwise ('' if sure)."""

    kind: Kind
    options: list[str] = field(default_factory=list)
    separator: str = GOOGLE_SEPARATOR
    cells: dict[str, list[str]] = field(default_factory=dict)  # joined cell → its options
    doubt: str = ""
    doubt_code: str = MULTI_DOUBT
    ordered: bool = False  # options in their own order (codes 1, 2, 3), not by count


def parse_number(text: str) -> float | None:
    """'3', '3,5', '1 234' (Swedish spaces and decimal comma) → a float; else None, also for
    digits too many for a float (400 nines are no amount anyone answered: text)."""
    compact = text.replace("\u00a0", "").replace(" ", "").replace("\u2212", "-")
    if not _NUMBER.match(compact):
        return None
    value = float(compact.replace(",", "."))
    return value if math.isfinite(value) else None


def decide(heading: str, counts: Counter[str], ticked: list[str],
           coded: bool = False) -> Decision:
    """The kind of a question headed `heading` whose distinct answers occur `counts` times;
    `ticked` are the labels of its option columns, when it has any; `coded` when the export
    says the cells are a choice's codes (Qualtrics' recode values: a distribution, no mean)."""
    if ticked:
        return Decision(Kind.multi, ticked)
    texts = list(counts)
    if coded and texts and all(_WHOLE.match(t.strip()) for t in texts) \
            and not _AMOUNT_WORDS.search(heading):
        return Decision(Kind.single, sorted(texts, key=lambda t: int(t.strip())), ordered=True)
    answered = sum(counts.values())
    plain = plainly_free_text(heading, texts, len(texts), answered)
    if plain is not None:
        return plain
    if texts and all(parse_number(t) is not None for t in texts):
        return _numbers(heading, texts, answered)
    separator = separator_for(texts)
    microsoft = separator == MS_SEPARATOR  # every option ends with ";": no doubt
    said_multi = bool(_MULTI_TEXT.search(heading))
    cut = segment(texts, separator)
    named_text = is_named_text(heading)
    joined_cells = {cell: options for cell, options in cut.cells.items() if len(options) > 1}
    if microsoft or said_multi or cut.lettered:  # the form's own marks: options, not text
        return Decision(Kind.multi, cut.options, separator, joined_cells,
                        "" if microsoft else _multi_doubt(cut, said_multi or cut.lettered))
    support = _split_support(cut, counts) if cut.joined and not named_text else 0.0
    if support >= 0.5 and _few_options(cut, counts, answered):
        return Decision(Kind.multi, cut.options, separator, joined_cells,
                        _multi_doubt(cut, False))
    # the answers as they are: one recurring value each (single choice), or free text
    whole = cut if not cut.joined else Segmentation(options=list({fold(t): t for t in
                                                                  reversed(texts)}.values())[::-1])
    long_text = any(len(t) > _TEXT_MIN_LENGTH or "\n" in t for t in texts)
    few = len(texts) <= _SINGLE_MAX_OPTIONS or (len(texts) <= 100 and 10 * len(texts) <= answered)
    # a choice: at least half the respondents gave an answer someone else gave too
    repeated = 2 * sum(n for n in counts.values() if n >= 2) >= answered and len(texts) < answered
    decision = Decision(Kind.text, separator=separator)
    # a few long sentences, each chosen by several respondents: the options of a choice; or
    # up to 15 of them among many more respondents, nearly all given by several (a career
    # stage or "I use Facebook but …" chosen once is still an option: free text repeats little)
    once = sum(1 for n in counts.values() if n == 1)
    long_choice = long_text and (
        (len(texts) <= _LONG_CHOICES and answered >= 3 * len(texts)
         and all(n >= 2 for n in counts.values()))
        or (len(texts) <= _SINGLE_MAX_OPTIONS and answered >= 5 * len(texts)
            and 4 * once <= len(texts)))
    if texts and (long_choice or not (long_text or named_text)) and repeated and few:
        decision.kind, decision.options = Kind.single, whole.options
        steps = scale_order(whole.options)  # a rating in its scale's order, not by count
        if steps is not None:
            decision.options, decision.ordered = steps, True
    if cut.joined and not named_text:
        decision.doubt = _rejected_split_doubt(cut, counts, decision.kind, support)
    elif 2 * len(cut.glued) >= len(texts) >= 2 and not named_text:
        decision.doubt = _single_doubt(cut.glued[0], decision.kind)
    return decision


def plainly_free_text(heading: str, texts: Iterable[str], distinct: int,
                      answered: int) -> Decision | None:
    """Free text beyond doubt: tens of thousands of answers, nearly every one different, not
    all numbers, not Microsoft's "A;B;" cells, under a heading that does not ask for several
    options. Decided without segmenting each answer (that held ~1 KiB per answer: 1.2 GiB
    for a million), from `distinct` and `answered` and at most two passes over `texts`
    (the non-empty answers), which stop at the first text that is no number or ends in no ";".
    """
    if (distinct <= _FREE_TEXT_DISTINCT or 10 * distinct <= 9 * answered
            or _MULTI_TEXT.search(heading)):
        return None
    if all(parse_number(t) is not None for t in texts):
        return None
    separator = separator_for(texts)
    if separator == MS_SEPARATOR:
        return None
    return Decision(Kind.text, separator=separator)


def _numbers(heading: str, texts: list[str], answered: int) -> Decision:
    """Few small whole numbers that recur are codes of a choice unless the heading asks for an
    amount: the mean of "favourite fruit" coded 1-4 means nothing, and the distribution of a
    rating keeps everything its mean says."""
    codes = (not _AMOUNT_WORDS.search(heading) and len(texts) <= _CODES_MAX
             and len(texts) < answered
             and all(t.isdigit() and int(t) <= _CODE_MAX_VALUE for t in texts))
    if not codes:
        return Decision(Kind.number)
    options = sorted(texts, key=lambda t: parse_number(t) or 0.0)
    decision = Decision(Kind.single, options, ordered=True)
    if not _CHOICE_WORDS.search(heading):
        decision.doubt = ("som tal (med medelvärde) eller som svarskoder "
                          + ", ".join(options) + " (med fördelning). Räknad som svarskoder, "
                          "med antal och andel för varje kod")
        decision.doubt_code = TYPE_DOUBT
    return decision


def _split_support(cut: Segmentation, counts: Counter[str]) -> float:
    """The share of respondents with a joined cell whose every part is also seen in another
    cell (alone or in another combination): parts chosen freely, as checkboxes are.

    The last part may instead be a text typed once (Google Forms puts an "other" text last).
    """
    cells_with: Counter[str] = Counter()
    rows_with: Counter[str] = Counter()
    for cell, options in cut.cells.items():
        for option in options:
            cells_with[option] += 1
            rows_with[option] += counts.get(cell, 0)
    joined = supported = 0
    for cell, options in cut.cells.items():
        if len(options) < 2:
            continue
        rows = counts.get(cell, 0)
        joined += rows
        *first, last = options
        if all(cells_with[o] >= 2 for o in first) and (cells_with[last] >= 2 or rows_with[last] == 1):
            supported += rows
    return supported / joined if joined else 0.0


def _few_options(cut: Segmentation, counts: Counter[str], answered: int) -> bool:
    """A checkbox column has few options for its respondents; free text lists many things."""
    if len(counts) < _MANY_CELLS:
        return True
    recurring = sum(1 for o in cut.options
                    if sum(n for cell, n in counts.items() if o in cut.cells.get(cell, ())) >= 2)
    return 2 * len(cut.options) <= answered and 2 * recurring >= len(cut.options)


def _rejected_split_doubt(cut: Segmentation, counts: Counter[str], kind: Kind,
                          support: float) -> str:
    """A doubt when answers with ", " were kept whole, unless the evidence against a split is
    plain: no part seen anywhere else (free text), or every such answer given by several
    respondents (one recurring value: a single choice)."""
    joined = [cell for cell, options in cut.cells.items() if len(options) > 1]
    if kind is Kind.single and all(counts[cell] >= 2 for cell in joined):
        return ""
    if kind is Kind.text and support == 0.0:
        return ""
    cell = max(joined, key=lambda c: (counts[c], c))
    name = "enkelval" if kind is Kind.single else "fritext"
    shown = "ett alternativ" if kind is Kind.single else "ett svar"
    return (f"som {name} där '{_short(cell, 50)}' är {shown}, eller som flerval där det är "
            + " och ".join(f"'{_short(o, 30)}'" for o in cut.cells[cell])
            + f". Räknad som {name}" + (", med varje svar listat" if kind is Kind.text else ""))


def _multi_doubt(cut: Segmentation, said_multi: bool) -> str:
    """Why a column read as multi-select might be something else; '' when the evidence is good."""
    if cut.weak and not said_multi:
        cell = next(c for c, options in cut.cells.items() if set(options) & set(cut.weak))
        return (f"som flerval där svaret '{_short(cell, 50)}' delas upp i "
                + " och ".join(f"'{_short(o, 40)}'" for o in cut.cells[cell])
                + f", eller som enkelval där '{_short(cell, 50)}' är ett alternativ. "
                "Räknad som flerval")
    if cut.glued:
        option = cut.glued[0]
        return (f"som flerval med alternativet '{_short(option, 50)}', eller med det uppdelat i "
                + " och ".join(f"'{_short(p.strip(), 30)}'" for p in option.split(GOOGLE_SEPARATOR))
                + ". Räknad med '" + _short(option, 50) + "' som ett alternativ")
    return ""


def _single_doubt(cell: str, kind: Kind) -> str:
    """A single-choice or text column whose answers look like joined options."""
    parts = [p.strip() for p in cell.split(GOOGLE_SEPARATOR)]
    name = "enkelval" if kind is Kind.single else "fritext"
    return (f"som {name} där '{_short(cell, 50)}' är ett svar, eller som flerval där det "
            "är " + " och ".join(f"'{_short(p, 30)}'" for p in parts)
            + f" (inget av alternativen har valts ensamt). Räknad som {name}")


# French "how" asking a question ("Comment évaluez-vous …"), not a heading "Comment(s)"
_HOW_QUESTION = re.compile(r"^comment\s+\S+-(?:vous|tu|t-il|t-elle|ils?|elles?|on|nous)\b")


def is_named_text(heading: str) -> bool:
    folded = fold(heading)
    return folded.startswith(_TEXT_WORDS) and not _HOW_QUESTION.match(folded)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shared_codes(heading: str, rows: list[Counter[str]]) -> Decision | None:
    """The codes of a matrix's shared scale, when its rows together hold few small whole
    numbers (`_numbers`' rule over all rows): every row is then read on that scale, so one row
    whose few respondents all differ is not averaged while its neighbours are counted."""
    texts = {t for row in rows for t in row}
    answered = sum(sum(row.values()) for row in rows)
    if not texts or not all(parse_number(t) is not None for t in texts):
        return None
    decision = _numbers(heading, sorted(texts), answered)
    return decision if decision.kind is Kind.single else None
