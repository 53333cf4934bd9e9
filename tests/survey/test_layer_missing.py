"""Layer 4 alone (`survey/readers/missing.py`): the missing-value codes of each layout, exact,
and how -v lists them. Pure and fast, for mutation testing (docs/mutation.md, "survey layers")."""

from __future__ import annotations

from vastbus_cli.survey.readers.missing import describe, missing_codes


def test_limesurvey_has_na_and_the_generic_codes_its_cells_hold() -> None:
    assert missing_codes("LimeSurvey") == frozenset({"n/a"})
    assert missing_codes("LimeSurvey (fullständiga rubriker)") == frozenset({"n/a"})
    assert missing_codes("LimeSurvey", [["1", " -99 "], ["N/A", "2"]]) == frozenset(
        {"n/a", "-99"})


def test_efs_has_its_own_four_codes_whatever_the_cells_hold() -> None:
    assert missing_codes("EFS Survey (Unipark)") == frozenset({"-77", "-99", "-66", "-88"})
    assert missing_codes("EFS Survey (Unipark)", [["-1"]]) == frozenset(
        {"-77", "-99", "-66", "-88"})


def test_other_layouts_have_a_generic_code_only_where_a_cell_holds_it() -> None:
    assert missing_codes("Google Forms (en kolumn per fråga)") == frozenset()
    assert missing_codes("") == frozenset()
    assert missing_codes("SurveyMonkey", [["-77", "Ja"], ["-66 ", "-5"]]) == frozenset(
        {"-77", "-66"})
    # the layout's name must start with the tool's: "Ej LimeSurvey" is not LimeSurvey
    assert missing_codes("Ej LimeSurvey", [["N/A", "-99"]]) == frozenset({"-99"})


def test_describe_lists_the_codes_sorted_with_na_in_capitals() -> None:
    assert describe(missing_codes("LimeSurvey", [["-66", "-77", "-99"]])) == (
        "koder för saknade svar (räknas inte som svar): -66, -77, -99, N/A")
    assert describe(frozenset({"-88", "-77"})) == (
        "koder för saknade svar (räknas inte som svar): -77, -88")
    # only the folded "n/a" is written in capitals; other codes stay as they are
    assert describe(frozenset({"x/y"})) == "koder för saknade svar (räknas inte som svar): x/y"
    assert describe(frozenset()) is None
