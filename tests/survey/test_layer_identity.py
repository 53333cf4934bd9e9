"""Layer 5 alone (`survey/identity.py`): identity and metadata headings, and each value shape
at the edges of its rule (how many answers, how many names, how close the numbers).
Pure and fast, for mutation testing (docs/mutation.md, "survey layers")."""

from __future__ import annotations

import pytest

from vastbus_cli.survey.identity import identity_heading, metadata_heading, value_shape

NAMES = ["Anna Berg", "Per Lind", "Karin Ek", "Ola Sund", "Eva Holm", "Nils Strand",
         "Lena Ås", "Johan Dahl", "Sara Lund", "Erik Berg", "Maja Nord"]


@pytest.mark.parametrize(("heading", "expected"), [
    ("Namn", True), ("Name:", True), ("  navn ? ", True), ("Ihr Name", True),  # a name alone
    ("Ditt namn (frivilligt)", True), ("FULL NAME", True), ("E-post", True),
    ("Namnet på din grupp", False), ("Vilket namn föredrar du?", False), ("", False)])
def test_identity_headings(heading: str, expected: bool) -> None:
    assert identity_heading(heading) is expected


@pytest.mark.parametrize(("heading", "expected"), [
    (" duration ", True), ("Duration", True), ("interviewtime\t", True),
    ("total duration", False), ("Hur lång tid tog det?", False)])
def test_metadata_headings_are_read_stripped_and_whole(heading: str, expected: bool) -> None:
    assert metadata_heading(heading) is expected


def test_values_are_read_stripped_and_blanks_ignored() -> None:
    assert value_shape([" 10.0.0.1 ", "", "  ", "10.0.0.2"], 3) == "IP-adresser"
    assert value_shape(["10.0.0.1\t", "10.0.0.2"], 3) == "IP-adresser"


def test_one_value_given_by_three_respondents_has_its_shape() -> None:
    assert value_shape(["10.0.0.1"], 3) == "IP-adresser"
    assert value_shape(["https://a.se"], 5) == "webbadresser"


def test_no_values_or_fewer_than_three_answers_have_no_shape() -> None:
    assert value_shape([], 5) is None
    assert value_shape(["", " "], 5) is None
    assert value_shape(["10.0.0.1", "10.0.0.2"], 2) is None


def test_every_value_must_have_the_shape() -> None:
    assert value_shape(["10.0.0.1", "10.0.0.2", "okänd"], 3) is None
    assert value_shape(["https://a.se", "se hemsidan"], 3) is None
    assert value_shape(["2024-01-01", "i januari"], 3) is None
    assert value_shape(["00:12", "en kvart"], 3) is None


@pytest.mark.parametrize(("values", "record"), [
    (['{"a": 1}', '{"b": 2}'], True),  # 8 characters: a record
    (['{"a":1}', '{"b":2}'], False),  # 7: too short to be one
    (['["a", 1]', '["b", 2]'], True),
    (["{not json}", '{"a": 1}'], False),
    (['{"a": [1]', '{"b": 2}'], False),  # does not end with } or ]
    (['x{"a": 1}', '{"b": 2}'], False),  # does not start with { or [
    (['{"a": 1]', '["b", 2}'], False),  # starts and ends, but is no JSON
])
def test_randomisation_records(values: list[str], record: bool) -> None:
    shape = value_shape(values, 3)
    assert shape == ("tekniska uppgifter (slumpning eller sidhistorik)" if record else None)


def test_running_numbers_need_twenty_distinct_whole_numbers_one_per_answer() -> None:
    assert value_shape([str(n) for n in range(1, 21)], 20) == "löpnummer"
    assert value_shape([str(n) for n in range(1, 20)], 19) is None
    assert value_shape([str(n) for n in range(1, 21)], 21) is None
    assert value_shape([str(n) for n in range(1, 20)] + ["20.5"], 20) is None


def test_running_numbers_may_have_gaps_up_to_half_their_count() -> None:
    # 20 numbers over a range of 30 (10 gaps): ids; over 31: not close enough
    within = [str(n) for n in range(101, 120)] + ["130"]
    assert value_shape(within, 20) == "löpnummer"
    beyond = [str(n) for n in range(101, 120)] + ["131"]
    assert value_shape(beyond, 20) is None
    # sorted as numbers, not as text ("9" > "130" as text)
    shuffled = ["130"] + [str(n) for n in range(111, 120)] + [str(n) for n in range(101, 111)]
    assert value_shape(shuffled, 20) == "löpnummer"


def test_names_nearly_all_different_are_personal_names() -> None:
    # 9 names from 10 answers (90 %): identity; 9 from 11: recurring, a question
    assert value_shape(NAMES[:9], 10) == "personnamn"
    assert value_shape(NAMES[:9], 11) is None
    # three names from three answers; never fewer than three
    assert value_shape(NAMES[:3], 3) == "personnamn"
    assert value_shape(NAMES[:3], 4) is None


def test_names_need_four_in_five_to_look_like_names() -> None:
    assert value_shape(NAMES[:4] + ["vet ej"], 5) == "personnamn"
    assert value_shape(NAMES[:3] + ["vet ej", "ingen"], 5) is None
