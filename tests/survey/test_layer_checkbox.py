"""Layer 3's checkbox part alone (`survey/readers/checkbox.py`): the value that means "ticked"
for every word pair and cross, each spelled as a tool writes it, and the cases that are no
checkbox block. Pure and fast, for mutation testing (docs/mutation.md, "survey layers")."""

from __future__ import annotations

import pytest

from vastbus_cli.survey.readers.checkbox import CROSSES, PAIRS, WORDS, tick_value

NO_MISSING: frozenset[str] = frozenset()

# every pair of the vocabulary, as the tools write them (checked against PAIRS below)
WRITTEN = [
    ("Yes", "No"), ("Ja", "Nej"), ("Ja", "Nein"), ("Ja", "Nei"), ("Ja", "Nee"),
    ("Kyllä", "Ei"), ("Oui", "Non"), ("Sí", "No"), ("Si", "No"),
    ("1", "0"), ("-1", "0"), ("Y", "N"), ("TRUE", "FALSE"), ("SANT", "FALSKT"),
    ("Selected", "Not selected"), ("Checked", "Unchecked"), ("Ticked", "Not ticked"),
    ("Vald", "Ej vald"), ("Vald", "Inte vald"), ("Markerad", "Inte markerad"),
    ("Valgt", "Ikke valgt"), ("Valittu", "Ei valittu"), ("Ausgewählt", "Nicht ausgewählt"),
    ("Gewählt", "Nicht gewählt"), ("Sélectionné", "Non sélectionné"), ("Coché", "Non coché"),
    ("Seleccionado", "No seleccionado"), ("Marcado", "No marcado"),
    ("Geselecteerd", "Niet geselecteerd"), ("Aangevinkt", "Niet aangevinkt"),
]


def test_the_written_pairs_are_the_vocabulary() -> None:
    assert [(a.casefold(), b.casefold()) for a, b in WRITTEN] == list(PAIRS)
    assert frozenset(w for pair in PAIRS for w in pair) | CROSSES == WORDS
    assert {"x", "✓", "*", "yes", "not selected"} <= WORDS


@pytest.mark.parametrize(("ticked", "unticked"), WRITTEN)
def test_each_pair_gives_its_ticked_word_as_written(ticked: str, unticked: str) -> None:
    block = [("Utbildning", [ticked, unticked, ""]), ("Fika", [unticked, unticked])]
    assert tick_value(block, NO_MISSING) == ticked


@pytest.mark.parametrize("unticked", sorted({u for _, u in WRITTEN}))
def test_a_block_of_unticked_words_only_is_no_checkbox(unticked: str) -> None:
    assert tick_value([("a", [unticked]), ("b", [unticked, ""])], NO_MISSING) is None


@pytest.mark.parametrize("cross", ["x", "X", "✓", "✔", "☑", "*"])
def test_a_cross_against_empty_cells_is_any_non_empty_cell(cross: str) -> None:
    assert tick_value([("a", [cross, ""]), ("b", ["", ""])], NO_MISSING) == ""


def test_all_the_crosses_together_are_still_crosses() -> None:
    assert tick_value([("a", ["x", "✓", "✔"]), ("b", ["☑", "*", ""])], NO_MISSING) == ""


def test_a_cross_and_a_word_are_no_checkbox() -> None:
    assert tick_value([("a", ["x", "Ja"]), ("b", ["Nej"])], NO_MISSING) is None


def test_the_most_recent_spelling_of_the_tick_is_returned() -> None:
    assert tick_value([("a", ["JA", "nej"]), ("b", ["Ja", ""])], NO_MISSING) == "Ja"


def test_cells_are_read_stripped_and_blank_or_missing_cells_skipped_anywhere() -> None:
    assert tick_value([("a", ["", " Ja ", "Nej"])], NO_MISSING) == "Ja"
    assert tick_value([("a", ["N/A", "Ja", "Nej"])], frozenset({"n/a"})) == "Ja"
    assert tick_value([("a", ["  ", "N/A"]), ("b", ["Ja"])], frozenset({"n/a"})) == "Ja"


def test_the_options_own_text_is_compared_folded_and_per_column() -> None:
    block = [("Utbildning", ["utbildning ", ""]), ("Fika  och  kaffe", ["Fika och kaffe", ""])]
    assert tick_value(block, NO_MISSING) == ""
    # another column's text is not the option's own text
    assert tick_value([("Utbildning", ["Fika"]), ("Fika", ["Utbildning"])], NO_MISSING) is None


def test_no_value_at_all_is_no_checkbox() -> None:
    assert tick_value([], NO_MISSING) is None
    assert tick_value([("a", ["", " "]), ("b", [])], NO_MISSING) is None
    assert tick_value([("a", ["N/A"])], frozenset({"n/a"})) is None


def test_scales_and_mixed_pairs_are_no_checkbox() -> None:
    assert tick_value([("a", ["Bra", "Dålig"]), ("b", ["Bra"])], NO_MISSING) is None
    assert tick_value([("a", ["Ja", "No"])], NO_MISSING) is None
    assert tick_value([("a", ["Yes", "No", "Maybe"])], NO_MISSING) is None
