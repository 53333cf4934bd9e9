"""Layer 3 (checkbox part): which value of a block of option columns means "ticked".

A checkbox question exported one column per option marks a chosen option in one of a few
ways, whatever the tool: the option's own text (or anything) against an empty cell, an `X`,
`1`/`0`, `-1`/`0`, `Y`/`N`, or a word pair in the account's language (`Yes`/`No`, `Ja`/`Nein`,
`Selected`/`Not selected` …). A block whose values are one such pair (blanks and the layout's
missing codes aside) is one multi-select; any other values make it a matrix or separate
questions, which the values decide later (`matrix.is_matrix`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from vastbus_cli.survey.split import fold

# (ticked, not ticked), folded; in sv, no, da, fi, en, de, fr, es, nl, and the codes tools use
PAIRS: tuple[tuple[str, str], ...] = (
    ("yes", "no"), ("ja", "nej"), ("ja", "nein"), ("ja", "nei"), ("ja", "nee"),
    ("kyllä", "ei"), ("oui", "non"), ("sí", "no"), ("si", "no"),
    ("1", "0"), ("-1", "0"), ("y", "n"), ("true", "false"), ("sant", "falskt"),
    ("selected", "not selected"), ("checked", "unchecked"), ("ticked", "not ticked"),
    ("vald", "ej vald"), ("vald", "inte vald"), ("markerad", "inte markerad"),
    ("valgt", "ikke valgt"), ("valittu", "ei valittu"), ("ausgewählt", "nicht ausgewählt"),
    ("gewählt", "nicht gewählt"), ("sélectionné", "non sélectionné"), ("coché", "non coché"),
    ("seleccionado", "no seleccionado"), ("marcado", "no marcado"),
    ("geselecteerd", "niet geselecteerd"), ("aangevinkt", "niet aangevinkt"),
)
CROSSES = {"x", "✓", "✔", "☑", "*"}
# what an unticked option column holds in a block whose reader named no tick of its own:
# `0`, and the `-1`/`-99` codes SPSS-style and older Qualtrics exports use for "not chosen"
UNTICKED = frozenset({"0", "-1", "-99"})
# every word of the pairs: values a checkbox block may hold (`matrix.is_matrix`)
WORDS = frozenset(word for pair in PAIRS for word in pair) | CROSSES


def tick_value(columns: Sequence[tuple[str, Iterable[str]]], missing: frozenset[str]) -> str | None:
    """The value that marks a ticked option in a block of option columns, '' for "any
    non-empty cell", or None when the block is no checkbox question.

    `columns` is each column's label and its (sampled) values; `missing` the layout's codes
    for "not asked" (LimeSurvey's `N/A`), which tick nothing.
    """
    seen: dict[str, str] = {}  # folded → as written, the most recent spelling
    own_text = True
    for label, values in columns:
        for value in values:
            text = value.strip()
            if not text or fold(text) in missing:
                continue
            seen[fold(text)] = text
            if fold(text) != fold(label):
                own_text = False
    if not seen:
        return None
    if own_text:  # the option's text when chosen, empty when not (Google's grid, SurveyMonkey)
        return ""
    found = set(seen)
    if found <= CROSSES:
        return ""
    for ticked, unticked in PAIRS:
        if found <= {ticked, unticked} and ticked in found:
            return seen[ticked]
    return None


def own_codes(columns: Sequence[tuple[str, Iterable[str]]], missing: frozenset[str]) -> bool:
    """Each option column holds one value only (its option's code) or blank, and no two
    columns the same: Qualtrics' recode values, where a ticked "None of these" holds `0` or
    `-1`. Such a block is a multi-select whose every non-blank cell is a tick, not a matrix."""
    seen: set[str] = set()
    for _label, values in columns:
        found = {v.strip() for v in values if v.strip() and fold(v.strip()) not in missing}
        if len(found) > 1 or found & seen:
            return False
        seen |= found
    return len(seen) >= 2
