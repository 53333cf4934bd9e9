"""A rating keeps its scale's order without a spec ("Mycket nöjd, Nöjd, Missnöjd", not by count).

`scales.scale_order` on its own (every known scale, any subset, any order, "Vet inte" last),
then through the tally: a single question, a matrix whose rows lack steps, a spec that lists
the scale the other way round, and options that are not one scale (kept as they were).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.survey.conftest import question, tally_files
from vastbus_cli.survey.render import render_bytes
from vastbus_cli.survey.scales import ASIDE, SCALES, scale_order
from vastbus_cli.survey.spec import load_spec

NBSP = "\xa0"


@st.composite
def _shuffled_steps(draw: st.DrawFn) -> tuple[tuple[str, ...], list[str], list[str]]:
    scale = draw(st.sampled_from(SCALES))
    steps = draw(st.lists(st.sampled_from(scale), min_size=2, unique=True))
    aside = draw(st.lists(st.sampled_from(sorted(ASIDE)), max_size=2, unique=True))
    options = draw(st.permutations(steps + aside))
    return scale, options, aside


@given(_shuffled_steps(), st.sampled_from([str, str.upper, str.capitalize]))
def test_any_steps_of_a_scale_in_any_order_come_back_in_the_scale_s_order(
        drawn: tuple[tuple[str, ...], list[str], list[str]], case) -> None:
    _scale, options, aside = drawn
    written = [case(option) for option in options]
    ordered = scale_order(written)
    assert ordered is not None
    steps = [o.casefold() for o in ordered if o.casefold() not in ASIDE]
    assert sorted(steps) == sorted(o for o in options if o not in aside)
    # in the order of the scale drawn and of every other scale that has all these steps
    # (scales share words such as "varken eller" and must agree on where they go)
    for other in SCALES:
        if all(step in other for step in steps):
            places = [other.index(step) for step in steps]
            assert places == sorted(places), other
    assert ordered[len(steps):] == [case(a) for a in options if a in aside]
    assert sorted(ordered) == sorted(written)


def test_words_and_spacing_as_people_type_them() -> None:
    assert scale_order(["Nöjd  ", "MISSNÖJD", "mycket nöjd"]) == ["mycket nöjd", "Nöjd  ",
                                                                  "MISSNÖJD"]
    assert scale_order(["Tar helt avstånd", "Vet inte", "Instämmer helt",
                        "Instämmer delvis", "Tar delvis avstånd"]) == [
        "Instämmer helt", "Instämmer delvis", "Tar delvis avstånd", "Tar helt avstånd",
        "Vet inte"]
    assert scale_order(["Agree", "Disagree", "Strongly agree", "Neither agree nor disagree"]) \
        == ["Strongly agree", "Agree", "Neither agree nor disagree", "Disagree"]
    assert scale_order(["Sällan", "Alltid", "Ibland", "Aldrig", "Ofta"]) == [
        "Alltid", "Ofta", "Ibland", "Sällan", "Aldrig"]
    # numbered steps follow their numbers, whatever the words
    assert scale_order(["3 – Ganska bra", "1 = Inte alls", "5. Mycket bra", "2 Dåligt"]) == [
        "1 = Inte alls", "2 Dåligt", "3 – Ganska bra", "5. Mycket bra"]


def test_what_is_not_one_scale_keeps_its_order() -> None:
    assert scale_order(["Ja", "Nej"]) is None
    assert scale_order(["Nöjd", "Ofta"]) is None  # two scales
    assert scale_order(["Mycket nöjd", "Nöjd", "Kanske"]) is None  # a word of no scale
    assert scale_order(["Nöjd", "Vet inte"]) is None  # one step is no scale
    assert scale_order(["1 barn", "1 vuxen"]) is None  # the same number twice


def _export(tmp_path: Path, name: str, header: str, rows: list[str]) -> Path:
    path = tmp_path / name
    path.write_text(header + "\r\n" + "\r\n".join(rows) + "\r\n", encoding="utf-8")
    return path


def test_a_single_question_without_a_spec_in_its_scale_s_order(tmp_path: Path) -> None:
    answers = ["Nöjd"] * 5 + ["Mycket missnöjd"] * 3 + ["Vet inte", "Mycket nöjd"]
    path = _export(tmp_path, "svar åäö.csv", "Grupp;Hur nöjd är du med samverkan?",
                   [f"G{i};{a}" for i, a in enumerate(answers)])
    result, _ = tally_files(path)
    found = question(result, "Hur nöjd")
    assert found.kind == "single"
    assert [(o.label, o.count) for o in found.results[0].options] == [
        ("Mycket nöjd", 1), ("Nöjd", 5), ("Mycket missnöjd", 3), ("Vet inte", 1)]
    text = render_bytes(result, "md").decode("utf-8")
    assert text.index("| Mycket nöjd |") < text.index("| Nöjd |") \
        < text.index("| Mycket missnöjd |") < text.index("| Vet inte |")


def test_answers_that_are_no_scale_stay_by_count(tmp_path: Path) -> None:
    answers = ["Buss"] * 2 + ["Bil"] * 5 + ["Cykel"] * 3
    path = _export(tmp_path, "svar.csv", "Grupp;Hur reser du?",
                   [f"G{i};{a}" for i, a in enumerate(answers)])
    found = question(tally_files(path)[0], "Hur reser")
    assert [o.label for o in found.results[0].options] == ["Bil", "Cykel", "Buss"]


MATRIX = "Hur nöjd är du med följande?"


def _monkey_matrix(tmp_path: Path) -> Path:
    """A SurveyMonkey matrix (two header rows) where no row has every step."""
    head = ("Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,"
            "First Name,Last Name,Custom Data 1,")
    answers = [("Nöjd", "Mycket nöjd"), ("Nöjd", "Mycket nöjd"), ("Missnöjd", "Nöjd"),
               ("Nöjd", "Nöjd")]
    rows = [f"1150000000{i},412000002,03/0{i}/2024 09:01:12 AM,03/0{i}/2024 09:05:40 AM,"
            f"192.0.2.{i},,,,,{a},{b},Svar {i}" for i, (a, b) in enumerate(answers, start=1)]
    return _export(tmp_path, "matris.csv", f"{head}{MATRIX},,Vad vill du ändra?\r\n"
                   f"{',' * 9}Information,Utbildning,Open-Ended Response", rows)


def test_a_matrix_whose_rows_lack_steps_merges_into_the_scale(tmp_path: Path) -> None:
    """No row has every step; first seen would give 'Nöjd, Missnöjd, Mycket nöjd'."""
    path = _monkey_matrix(tmp_path)
    text = render_bytes(tally_files(path)[0], "md").decode("utf-8")
    assert "| Påstående | Mycket nöjd | Nöjd | Missnöjd | Svarande (bas) | Ej svar |\n" in text
    assert f"| Information | – | 75{NBSP}% (3) | 25{NBSP}% (1) | 4 | 0 |\n" in text
    assert f"| Utbildning | 50{NBSP}% (2) | 50{NBSP}% (2) | – | 4 | 0 |\n" in text


def test_a_spec_that_lists_the_scale_the_other_way_keeps_its_order(tmp_path: Path) -> None:
    path = _monkey_matrix(tmp_path)
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_text(
        "enkät: Uppföljning\nfrågor:\n"
        + "".join(f"  - id: {ident}\n    matris: {MATRIX}\n    text: '{MATRIX} [{row}]'\n"
                  "    typ: enkelval\n    alternativ: [Missnöjd, Nöjd, Mycket nöjd]\n"
                  for ident, row in (("info", "Information"), ("utb", "Utbildning"))),
        encoding="utf-8")
    spec, problems = load_spec(spec_file)
    assert spec is not None, problems
    text = render_bytes(tally_files(path, spec=spec)[0], "md").decode("utf-8")
    assert "| Påstående | Missnöjd | Nöjd | Mycket nöjd | Svarande (bas) | Ej svar |\n" in text
