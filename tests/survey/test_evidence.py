"""Kinds decided from the evidence of the answers (issue 16, classes 1, 2, 5 and 7).

Each test failed before the evidence-based reading: free text with ", " was split into
"options", a single choice whose options hold ", " was counted as multi-select, coded
answers got a mean, and an "other" text box gave an extra option.
"""

from __future__ import annotations

from tests.survey.conftest import counts, question, tally_files
from vastbus_cli.survey.model import QuestionResult

EVIDENCE = "google_forms_en_evidence.csv"


def _shape(q: QuestionResult) -> tuple[str, int, int]:
    found = q.results[0]
    return q.kind, found.answered, found.missing


def test_free_text_with_commas_is_free_text_listing_every_answer() -> None:
    """Class 1: 'Portland, Oregon' is one answer; its parts recur nowhere else as a whole."""
    result, problems = tally_files(EVIDENCE)
    q = question(result, "State born")
    assert _shape(q) == ("text", 10, 1)
    assert q.results[0].options == []
    assert [(a.text, a.count) for a in q.results[0].answers] == [
        ("Portland, Oregon", 1), ("Texas", 1), ("Austin, Texas", 1), ("Ohio", 1),
        ("Salem, Oregon", 1), ("Oregon", 1), ("California", 1), ("New York, NY", 1),
        ("Florida", 1), ("Springfield, Illinois", 1)]
    assert not [p for p in problems if "State born" in p.message]


def test_single_choice_whose_options_hold_a_comma_is_single() -> None:
    """Class 2: every cell is exactly one of three recurring values."""
    result, problems = tally_files(EVIDENCE)
    q = question(result, "Which greeting do you prefer?")
    assert _shape(q) == ("single", 11, 0)
    assert counts(q) == {"Hello, World": 4, "Hello, It's Me": 4, "Hi": 3}
    assert [o.percent for o in q.results[0].options] == [36.4, 36.4, 27.3]
    assert not [p for p in problems if "greeting" in p.message]


def test_checkbox_column_is_still_split() -> None:
    result, problems = tally_files(EVIDENCE)
    q = question(result, "Which topics interest you?")
    assert _shape(q) == ("multi", 11, 0)
    assert counts(q) == {"Housing": 6, "Schools": 5, "Transport": 4, "Parks": 4,
                         "Youth centre": 1}


def test_answer_codes_are_a_distribution_in_code_order() -> None:
    """Class 5: a rating 2-5 is counted per code, in code order, never averaged."""
    result, problems = tally_files(EVIDENCE)
    rating = question(result, "How satisfied are you overall?")
    assert _shape(rating) == ("single", 11, 0)
    assert counts(rating) == {"2": 1, "3": 2, "4": 5, "5": 3}
    assert rating.results[0].stats is None
    assert not [p for p in problems if "satisfied" in p.message]


def test_codes_under_a_heading_that_says_nothing_are_counted_with_a_warning() -> None:
    result, problems = tally_files(EVIDENCE)
    coded = question(result, "Q7")
    assert _shape(coded) == ("single", 11, 0)
    assert counts(coded) == {"1": 3, "2": 5, "3": 3}
    doubts = [p for p in problems if p.code == "typ-osäker"]
    assert [(p.line, p.column) for p in doubts] == [(1, 6)]
    assert doubts[0].message == (
        "Frågan 'Q7' kan läsas på två sätt: som tal (med medelvärde) eller som svarskoder "
        "1, 2, 3 (med fördelning). Räknad som svarskoder, med antal och andel för varje kod.")
    assert doubts[0].hint == (
        "Skriv en specifikation med --infer-spec -o spec.yaml, rätta frågans typ och "
        "alternativ i den och räkna sedan med --spec spec.yaml.")


def test_an_amount_is_still_a_number() -> None:
    result, _ = tally_files(EVIDENCE)
    q = question(result, "How many meetings did you attend?")
    assert _shape(q) == ("number", 10, 1)
    stats = q.results[0].stats
    assert stats is not None
    assert (stats.n, stats.sum, stats.mean, stats.median, stats.min, stats.max) == (
        10, 28.0, 2.8, 2.5, 0.0, 6.0)


def test_other_text_box_of_a_single_choice_is_the_free_text_of_its_option() -> None:
    """Class 7: 'Something else, namely:' + its text box is one option, not two."""
    result, problems = tally_files("qualtrics_other.csv")
    q = question(result, "Which fruit do you eat most?")
    assert _shape(q) == ("single", 5, 0)
    assert counts(q) == {"Apple": 2, "Something else, namely:": 2, "Pear": 1}
    assert sum(o.percent or 0 for o in q.results[0].options) == 100.0
    assert [(a.text, a.count) for a in q.results[0].answers] == [("Plums", 1), ("Cherries", 1)]
    assert problems == []


def test_other_text_box_of_a_choice_column_is_that_choices_text() -> None:
    result, _ = tally_files("qualtrics_other.csv")
    q = question(result, "Which activities have you done?")
    assert _shape(q) == ("multi", 5, 0)
    # choice columns exported as the choice's text, not as 1
    assert counts(q) == {"Walking": 3, "Cycling": 2, "Something else:": 2, "Swimming": 1}
    assert [(a.text, a.count) for a in q.results[0].answers] == [("Climbing", 1), ("Dancing", 1)]
    assert [x.text for x in result.questions] == ["Which fruit do you eat most?",
                                                  "Which activities have you done?"]


def test_limesurvey_list_with_other_counts_the_other_code_as_its_option() -> None:
    """Class 7: LimeSurvey's '-oth-' code and its [other] text are one option, 'Annat'."""
    result, problems = tally_files("limesurvey_other.csv")
    q = question(result, "q1")
    assert _shape(q) == ("single", 5, 0)
    assert counts(q) == {"A1": 2, "Annat": 2, "A2": 1}
    assert [(a.text, a.count) for a in q.results[0].answers] == [
        ("Kommunens IT-stöd", 1), ("Regionens växel", 1)]
    assert problems == []
