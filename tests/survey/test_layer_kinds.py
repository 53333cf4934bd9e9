"""Layer 3's kinds alone (`survey/kinds.py`): each rule of `decide` at its edges, with the
whole `Decision` (kind, options and their order, separator, joined cells, doubt) exact.

Pure and fast, for mutation testing (docs/mutation.md, "survey layers"). Issue 29 named four
mutants that survived the whole survey suite; each has its test here: a 0–10 scale averaged
instead of counted (`test_a_0_to_10_scale_is_counted_in_numeric_order`), options sorted
`0, 1, 10, 2` (the same), `1 200` read as free text (`test_numbers_as_people_type_them`) and
the comment-heading rule switched off (`test_a_comment_heading_keeps_repeated_answers_as_text`).
"""

from __future__ import annotations

from collections import Counter

import pytest

from vastbus_cli.survey.kinds import (
    MULTI_DOUBT,
    TYPE_DOUBT,
    Decision,
    _few_options,
    _short,
    _split_support,
    decide,
    is_named_text,
    parse_number,
    plainly_free_text,
)
from vastbus_cli.survey.spec import Kind
from vastbus_cli.survey.split import segment

L1 = "Jag tycker att samverkan mellan grupperna har fungerat bra under året"
L2 = "Jag tycker att samverkan mellan grupperna har fungerat dåligt under året"
TEXT = Decision(Kind.text)


def _codes_doubt(options: str) -> str:
    return (f"som tal (med medelvärde) eller som svarskoder {options} (med fördelning). "
            "Räknad som svarskoder, med antal och andel för varje kod")


# --- numbers --------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "value"), [
    ("3", 3.0), ("-3", -3.0), ("+3", 3.0), ("3,5", 3.5), ("3.25", 3.25),
    ("1 200", 1200.0), ("1\u00a0200", 1200.0), ("\u22125", -5.0), (" 2 500,50 ", 2500.5),
    ("abc", None), ("", None), ("3,", None), ("1e5", None), ("9" * 400, None),
])
def test_numbers_as_people_type_them(text: str, value: float | None) -> None:
    assert parse_number(text) == value


def test_amounts_with_spaces_are_numbers_not_text() -> None:
    assert decide("Belopp", Counter({"1 200": 1, "350": 1, "2 500,50": 1}), []) == Decision(
        Kind.number)


def test_a_0_to_10_scale_is_counted_in_numeric_order() -> None:
    counts = Counter({str(i): 2 for i in (10, 2, 0, 9, 1, 3, 4, 5, 6, 7, 8)})
    assert decide("Hur sannolikt är det att du rekommenderar oss?", counts, []) == Decision(
        Kind.single, [str(i) for i in range(11)], ordered=True)


def test_codes_without_a_choice_word_are_counted_with_a_doubt() -> None:
    counts = Counter({"10": 3, "1": 2, "0": 1, "2": 1})
    assert decide("Q5", counts, []) == Decision(
        Kind.single, ["0", "1", "2", "10"], ordered=True, doubt=_codes_doubt("0, 1, 2, 10"),
        doubt_code=TYPE_DOUBT)


@pytest.mark.parametrize(("heading", "counts"), [
    ("Q5", {str(i): 2 for i in range(12)}),  # twelve distinct numbers: no 0-10 scale
    ("Q5", {"11": 2, "2": 3}),  # above 10
    ("Q5", {"1": 1, "2": 1}),  # each answer once: amounts
    ("Q5", {"-1": 2, "2": 3}),  # not a whole number 0-10
    ("Q5", {"2,5": 2, "2": 3}),
    ("Hur många timmar?", {"1": 2, "2": 3}),  # the heading asks for an amount
    ("Antal deltagare", {"1": 2, "2": 3}),
])
def test_numbers_that_are_amounts(heading: str, counts: dict[str, int]) -> None:
    assert decide(heading, Counter(counts), []) == Decision(Kind.number)


def test_eleven_distinct_codes_up_to_ten_are_codes() -> None:
    counts = Counter({str(i): 1 for i in range(11)} | {"0": 2})
    assert decide("Betyg", counts, []) == Decision(Kind.single, [str(i) for i in range(11)],
                                                   ordered=True)


def test_codes_sort_zero_first_and_keep_ties_in_their_order() -> None:
    assert decide("Välj", Counter({"1": 2, "0": 2}), []) == Decision(
        Kind.single, ["0", "1"], ordered=True)


# --- single choice or free text -------------------------------------------------------------


def test_a_comment_heading_keeps_repeated_answers_as_text() -> None:
    assert decide("Kommentarer", Counter({"Bra": 3, "Inget": 2}), []) == TEXT
    assert decide("Övriga synpunkter", Counter({"Bra": 3, "Inget": 2}), []) == TEXT
    assert decide("Kommentar", Counter({"A, B": 2, "A": 1, "B": 1}), []) == TEXT
    assert decide("Hur var det?", Counter({"Bra": 3, "Inget": 2}), []) == Decision(
        Kind.single, ["Bra", "Inget"])


@pytest.mark.parametrize(("heading", "named"), [
    ("Kommentar", True), ("  Övriga kommentarer", True), ("VARFÖR?", True),
    ("Din kommentar", False), ("Hur nöjd?", False)])
def test_named_text_headings(heading: str, named: bool) -> None:
    assert is_named_text(heading) is named


def test_a_scale_is_single_choice_in_its_own_order() -> None:
    counts = Counter({"Ganska nöjd": 3, "Mycket nöjd": 2, "Inte nöjd": 2})
    assert decide("Q", counts, []) == Decision(
        Kind.single, ["Mycket nöjd", "Ganska nöjd", "Inte nöjd"], ordered=True)


def test_half_the_answers_repeated_make_a_choice() -> None:
    assert decide("Q", Counter({"A": 2, "B": 1, "C": 1}), []) == Decision(
        Kind.single, ["A", "B", "C"])
    assert decide("Q", Counter({"A": 2, "B": 1, "C": 1, "D": 1}), []) == TEXT


def test_fifteen_options_are_few_sixteen_need_ten_answers_each() -> None:
    fifteen = Counter({f"Val {i:02}": 2 for i in range(15)})
    assert decide("Q", fifteen, []) == Decision(Kind.single, sorted(fifteen))
    assert decide("Q", Counter({f"Val {i:02}": 2 for i in range(16)}), []) == TEXT
    sixteen = Counter({f"Val {i:02}": 10 for i in range(16)})
    assert decide("Q", sixteen, []) == Decision(Kind.single, sorted(sixteen))
    sixteen["Val 15"] = 9
    assert decide("Q", sixteen, []) == TEXT


def test_a_hundred_options_at_most() -> None:
    hundred = Counter({f"Val {i:03}": 10 for i in range(100)})
    assert decide("Q", hundred, []) == Decision(Kind.single, sorted(hundred))
    assert decide("Q", Counter({f"Val {i:03}": 10 for i in range(101)}), []) == TEXT


def test_answers_over_sixty_characters_or_with_a_line_break_are_long() -> None:
    assert decide("Q", Counter({"X" * 60: 3, "Y" * 60: 1}), []) == Decision(
        Kind.single, ["X" * 60, "Y" * 60])
    assert decide("Q", Counter({"X" * 61: 3, "Y" * 61: 1}), []) == TEXT
    assert decide("Q", Counter({"Bra\nmen": 3, "Dålig": 2}), []) == TEXT


def test_few_long_answers_each_repeated_are_a_choice() -> None:
    assert decide("Q", Counter({L1: 3, L2: 3}), []) == Decision(Kind.single, [L1, L2])
    assert decide("Q", Counter({L1: 2, L2: 4}), []) == Decision(Kind.single, [L1, L2])
    assert decide("Q", Counter({L1: 3, L2: 2}), []) == TEXT  # 5 answers < 3 per option
    assert decide("Q", Counter({L1: 5, L2: 1}), []) == TEXT  # one given once
    six = Counter({f"{L1} {i}": 3 for i in range(6)})
    assert decide("Q", six, []) == Decision(Kind.single, sorted(six))
    assert decide("Q", Counter({f"{L1} {i}": 3 for i in range(7)}), []) == TEXT


def test_no_answers_are_text() -> None:
    assert decide("Q", Counter(), []) == TEXT


# --- multi-select ---------------------------------------------------------------------------


def test_option_columns_are_a_multi_select() -> None:
    assert decide("Q", Counter({"x": 5}), ["Utbildning", "Fika"]) == Decision(
        Kind.multi, ["Utbildning", "Fika"])


def test_microsoft_cells_are_a_multi_without_doubt() -> None:
    assert decide("Q", Counter({"A;B;": 2, "A;": 1}), []) == Decision(
        Kind.multi, ["A", "B"], ";", {"A;B;": ["A", "B"]})


def test_a_heading_that_says_several_is_a_multi() -> None:
    counts = Counter({"A, B": 2, "A": 1, "C, B": 1})
    assert decide("Välj alla som stämmer", counts, []) == Decision(
        Kind.multi, ["A", "B", "C"], ", ", {"A, B": ["A", "B"], "C, B": ["C", "B"]})
    # said so, an option seen once in one combination is no doubt
    weak = Counter({"A, B": 2, "A": 1, "B": 1, "A, Y": 1, "B, Z": 2})
    assert decide("Select all that apply", weak, []).doubt == ""


def test_parts_that_recur_are_a_multi_with_a_doubt_for_a_part_seen_once() -> None:
    counts = Counter({"Utbildning, Fika": 2, "Utbildning": 1, "Fika": 2, "Handledning, Fika": 1})
    assert decide("Q", counts, []) == Decision(
        Kind.multi, ["Fika", "Handledning", "Utbildning"], ", ",
        {"Handledning, Fika": ["Handledning", "Fika"], "Utbildning, Fika": ["Utbildning", "Fika"]},
        "som flerval där svaret 'Handledning, Fika' delas upp i 'Handledning' och 'Fika', eller "
        "som enkelval där 'Handledning, Fika' är ett alternativ. Räknad som flerval")


def test_a_glued_option_in_a_multi_is_a_doubt() -> None:
    counts = Counter({"Ja, Nej": 3, "Ja, Nej, Kanske": 1, "Kanske": 1})
    assert decide("Q", counts, []) == Decision(
        Kind.multi, ["Ja, Nej", "Kanske"], ", ", {"Ja, Nej, Kanske": ["Ja, Nej", "Kanske"]},
        "som flerval med alternativet 'Ja, Nej', eller med det uppdelat i 'Ja' och 'Nej'. "
        "Räknad med 'Ja, Nej' som ett alternativ")
    assert decide("Markera alla som passar", counts, []).doubt == (
        "som flerval med alternativet 'Ja, Nej', eller med det uppdelat i 'Ja' och 'Nej'. "
        "Räknad med 'Ja, Nej' som ett alternativ")


def test_typeform_pipes_are_a_multi() -> None:
    counts = Counter({"A|B": 2, "A": 1, "B": 1})
    assert decide("Q", counts, []) == Decision(Kind.multi, ["A", "B"], "|", {"A|B": ["A", "B"]})


# --- splits that were refused, and their doubts ---------------------------------------------


def test_a_joined_answer_given_once_stays_an_option_of_a_single_choice() -> None:
    assert decide("Q", Counter({"C, A": 1, "A": 3, "B": 3}), []) == Decision(
        Kind.single, ["C, A", "A", "B"],
        doubt="som enkelval där 'C, A' är ett alternativ, eller som flerval där det är 'C' och "
              "'A'. Räknad som enkelval")
    # every joined answer given by several respondents: a recurring option, no doubt
    assert decide("Q", Counter({"C, A": 2, "A": 3, "B": 3}), []) == Decision(
        Kind.single, ["C, A", "A", "B"])


def test_a_joined_single_choice_keeps_the_first_spelling_of_each_answer() -> None:
    counts = Counter({"C, A": 1, "A": 3, "a": 1, "B": 3})
    assert decide("Q", counts, []).options == ["C, A", "A", "B"]


def test_free_text_whose_parts_recur_has_a_doubt() -> None:
    counts = Counter({"A, B": 1, "A": 1, "B": 1} | {f"svar nummer {i}": 1 for i in range(7)})
    assert decide("Q", counts, []) == Decision(
        Kind.text, doubt="som fritext där 'A, B' är ett svar, eller som flerval där det är 'A' "
                         "och 'B'. Räknad som fritext, med varje svar listat")


def test_free_text_whose_parts_never_recur_has_none() -> None:
    assert decide("Q", Counter({"C, D": 1, "A": 1, "B": 1}), []) == TEXT


def test_the_doubt_names_the_most_given_joined_answer_then_the_last_by_text() -> None:
    most = Counter({"A": 3, "B": 3, "R, A": 1, "Q, B": 2})
    assert "där 'Q, B' är ett alternativ" in decide("Q", most, []).doubt
    tie = Counter({"A": 3, "B": 3, "R, A": 1, "Q, B": 1})
    assert "där 'R, A' är ett alternativ" in decide("Q", tie, []).doubt


def test_long_answers_are_shortened_in_a_doubt() -> None:
    fifty = "Utbildning om samverkan mellan grupperna i regionen"[:50]
    assert len(fifty) == 50
    counts = Counter({f"Xtra, {fifty}": 1, fifty: 3, "B": 3})
    assert decide("Q", counts, []).doubt == (
        f"som enkelval där 'Xtra, {fifty[:43]}…' är ett alternativ, eller som flerval där det "
        f"är 'Xtra' och '{fifty[:29]}…'. Räknad som enkelval")


def test_a_single_choice_with_joined_looking_answers_has_a_doubt() -> None:
    assert decide("Q", Counter({"Hello, World": 3, "Hi": 2}), []) == Decision(
        Kind.single, ["Hello, World", "Hi"],
        doubt="som enkelval där 'Hello, World' är ett svar, eller som flerval där det är "
              "'Hello' och 'World' (inget av alternativen har valts ensamt). Räknad som enkelval")
    # one glued answer among three: too few to doubt
    assert decide("Q", Counter({"Hello, World": 3, "Hi": 2, "Hej": 2}), []).doubt == ""
    # under a comment heading no doubt either
    assert decide("Kommentar", Counter({"Hello, World": 3, "Hi": 2}), []) == TEXT
    # one answer only: nothing to compare
    assert decide("Q", Counter({"Hello, World": 3}), []).doubt == ""


# --- the evidence for a split ---------------------------------------------------------------


def test_split_support_counts_respondents_whose_parts_recur() -> None:
    counts = Counter({"A, B": 2, "A, X": 1, "Y, A": 1, "A": 1, "B": 1})
    # "A, B" (2 rows) and "A, X" (X typed once, last) supported, "Y, A" not: 3 of 4
    assert _split_support(segment(counts), counts) == 0.75
    # X last but given by two respondents in one cell: a part that recurs nowhere else
    twice = Counter({"A, B": 2, "A, X": 2, "A": 1, "B": 1})
    assert _split_support(segment(twice), twice) == 0.5
    alone = Counter({"A": 1, "B": 1})
    assert _split_support(segment(alone), alone) == 0.0


def test_few_options_from_ten_distinct_cells() -> None:
    nine = Counter({c: 1 for c in ["A", "B", "A, B", "t1", "t2", "t3", "t4", "t5", "t6"]})
    assert _few_options(segment(nine), nine, 9)
    ten = nine | Counter({"t7": 1})
    assert not _few_options(segment(ten), ten, 10)
    pairs = ["A", "B", "A, B", "B, A", "A, B, A", "B, A, B", "A, A", "B, B"]
    four = Counter({c: 1 for c in [*pairs, "C", "D"]})
    assert _few_options(segment(four), four, 8)  # 2 * 4 options <= 8 answers; A and B recur
    assert not _few_options(segment(four), four, 7)
    five = Counter({c: 1 for c in [*pairs, "C", "D", "E"]})
    assert not _few_options(segment(five), five, 11)  # 2 of 5 options recur
    five["C"] = 2
    assert _few_options(segment(five), five, 12)  # 3 of 5


def test_plainly_free_text_only_beyond_twenty_thousand_mostly_different_answers() -> None:
    assert plainly_free_text("Q", ["a"], 20_001, 20_001) == TEXT
    assert plainly_free_text("Q", ["a|b"], 20_001, 20_001) == Decision(Kind.text, separator="|")
    assert plainly_free_text("Q", ["a"], 20_000, 20_000) is None
    # 10 * distinct <= 9 * answered: too many repeats to be sure
    assert plainly_free_text("Q", ["a"], 20_007, 22_229) == TEXT
    assert plainly_free_text("Q", ["a"], 20_007, 22_230) is None
    assert plainly_free_text("Välj en eller flera", ["a"], 20_001, 20_001) is None
    assert plainly_free_text("Q", ["1", "2,5"], 20_001, 20_001) is None
    assert plainly_free_text("Q", ["1", "a"], 20_001, 20_001) == TEXT
    assert plainly_free_text("Q", ["A;", "B;"], 20_001, 20_001) is None


def test_the_codes_of_a_doubt() -> None:
    assert (MULTI_DOUBT, TYPE_DOUBT) == ("flerval-osäkert", "typ-osäker")
    assert Decision(Kind.text).doubt_code == MULTI_DOUBT


# --- how long a doubt's quotes are ----------------------------------------------------------

H45 = "Handledning i grupp för alla som vill vara me"  # 45 characters: a 51-character cell
P31 = "Samverkan mellan de lokala grup"  # 31 characters
P18 = "Regionala Insatser"  # 18: "P31, P18" is 51


def test_short_keeps_sixty_characters_by_default() -> None:
    assert _short("a" * 60) == "a" * 60
    assert _short("a" * 61) == "a" * 59 + "…"
    assert _short("a" * 5, 5) == "a" * 5
    assert _short("a" * 6, 5) == "aaaa…"


def test_a_weak_option_doubt_quotes_fifty_and_forty_characters() -> None:
    cell = f"{H45}, Fika"
    assert (len(H45), len(cell)) == (45, 51)
    counts = Counter({"Utbildning, Fika": 2, "Utbildning": 1, "Fika": 2, cell: 1})
    assert decide("Q", counts, []).doubt == (
        f"som flerval där svaret '{cell[:49]}…' delas upp i '{H45[:39]}…' och 'Fika', eller "
        f"som enkelval där '{cell[:49]}…' är ett alternativ. Räknad som flerval")


def test_a_glued_option_doubt_quotes_fifty_and_thirty_characters() -> None:
    option = f"{P31}, {P18}"
    assert len(option) == 51
    counts = Counter({option: 3, f"{option}, Kanske": 1, "Kanske": 1})
    assert decide("Q", counts, []).doubt == (
        f"som flerval med alternativet '{option[:49]}…', eller med det uppdelat i "
        f"'{P31[:29]}…' och '{P18}'. Räknad med '{option[:49]}…' som ett alternativ")


def test_a_glued_answer_doubt_quotes_fifty_and_thirty_characters() -> None:
    option = f"{P31}, {P18}"
    assert decide("Q", Counter({option: 3, "Hi": 2}), []).doubt == (
        f"som enkelval där '{option[:49]}…' är ett svar, eller som flerval där det är "
        f"'{P31[:29]}…' och '{P18}' (inget av alternativen har valts ensamt). "
        "Räknad som enkelval")


def test_free_text_with_a_glued_answer_has_a_free_text_doubt() -> None:
    assert decide("Q", Counter({"Hello, World": 1, "Hi": 1}), []) == Decision(
        Kind.text, doubt="som fritext där 'Hello, World' är ett svar, eller som flerval där det "
                         "är 'Hello' och 'World' (inget av alternativen har valts ensamt). "
                         "Räknad som fritext")


def test_free_text_with_a_joined_answer_whose_parts_never_recur_has_no_doubt() -> None:
    assert decide("Q", Counter({"C, A": 1, "A": 1, "B": 1}), []) == TEXT


def test_cells_not_among_the_counts_count_no_respondent() -> None:
    # `segment` strips each cell; an answer counted unstripped is not found under its cell
    counts = Counter({"A, B": 2, " A, Y ": 1, "A": 1, "B": 1})
    assert _split_support(segment(counts), counts) == 1.0
    ten = Counter({c: 1 for c in [" A ", "B", "A, B", "C", "D", "E", "F", "G", "H", "I"]})
    assert not _few_options(segment(ten), ten, 10)


def test_twenty_thousand_different_answers_are_text_without_cutting_any(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from vastbus_cli.survey import kinds

    def no_segment(*_args: object) -> None:
        raise AssertionError("segmented")

    monkeypatch.setattr(kinds, "segment", no_segment)
    counts = Counter({f"Svar nummer {i}": 1 for i in range(20_001)})
    assert decide("Q", counts, []) == TEXT


def test_a_single_choice_lists_its_options_in_the_segments_order() -> None:
    assert decide("Q", Counter({"Inget": 3, "Bra": 2}), []) == Decision(
        Kind.single, ["Bra", "Inget"])


def test_free_text_keeps_its_separator() -> None:
    assert decide("Q", Counter({"a|b": 1, "c": 1, "d|e": 1}), []) == Decision(
        Kind.text, separator="|")


def test_half_the_joined_answers_supported_is_enough_for_a_multi() -> None:
    counts = Counter({"A, B": 1, "Y, A": 1, "A": 1, "B": 1})
    assert _split_support(segment(counts), counts) == 0.5
    assert decide("Q", counts, []) == Decision(
        Kind.multi, ["A", "B", "Y"], ", ", {"A, B": ["A", "B"], "Y, A": ["Y", "A"]},
        "som flerval där svaret 'Y, A' delas upp i 'Y' och 'A', eller som enkelval där 'Y, A' "
        "är ett alternativ. Räknad som flerval")
