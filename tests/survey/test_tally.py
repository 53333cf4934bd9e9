"""The tally on the shipped VästKom example rounds, with hand-computed shares and changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.survey.conftest import EXAMPLES, counts, question, tally_files
from vastbus_cli.survey.readers import read_responses
from vastbus_cli.survey.spec import load_spec
from vastbus_cli.survey.tally import tally


@pytest.fixture(scope="module")
def example():
    spec, problems = load_spec(EXAMPLES / "spec.yaml")
    assert spec is not None, problems
    rounds = [read_responses(EXAMPLES / "enkat-2018.csv", "2018"),
              read_responses(EXAMPLES / "enkat-2019.csv", "2019")]
    return tally(rounds, spec)


def test_multi_select_shares_have_the_answered_as_base(example) -> None:
    result, _ = example
    q = question(result, "information-utbildning")
    r2018 = q.result("2018", None)
    assert r2018 is not None
    assert (r2018.answered, r2018.missing) == (7, 0)
    assert [(o.count, o.percent) for o in r2018.options] == [
        (3, 42.9), (4, 57.1), (2, 28.6), (1, 14.3), (1, 14.3), (0, 0.0)]
    assert sum(o.count for o in r2018.options) == 11  # more ticks than respondents


def test_rounds_side_by_side_with_change_in_percentage_points(example) -> None:
    result, _ = example
    q = question(result, "information-utbildning")
    r2019 = q.result("2019", None)
    assert r2019 is not None
    changes = {o.label: o.change for o in r2019.options}
    # 3/7 → 4/7 is exactly 14.3 points (not 57.1 − 42.9 = 14.2)
    assert changes["Ja, i den delregionala vårdsamverkansgruppen"] == 14.3
    assert changes["Ja, för medarbetare i verksamheterna"] == 28.6
    assert changes["Nej, inga insatser utöver informationsmötet"] == -14.3
    assert changes["Annat"] == 14.3
    assert [a.text for a in r2019.answers] == ["Utbildningsdag för BUP och socialtjänst"]
    assert all(o.change is None for o in q.result("2018", None).options)


def test_a_question_renamed_between_rounds_is_matched_by_earlier_text(example) -> None:
    result, problems = example
    q = question(result, "rekommendation")
    assert counts(q, "2018") == {"Ja": 1, "Nej": 3, "Inga avvikelser har kommit in": 3}
    assert counts(q, "2019") == {"Ja": 2, "Nej": 3, "Inga avvikelser har kommit in": 2}
    assert not [p for p in problems if p.code in ("fråga-saknas", "okänd-kolumn")]


def test_mandatory_question_left_blank_names_the_respondent(example) -> None:
    result, _ = example
    q = question(result, "tvister-rutin")
    r2019 = q.result("2019", None)
    assert r2019 is not None
    assert (r2019.answered, r2019.missing, r2019.blank_respondents) == (6, 1, ["Södra Bohuslän"])
    assert [(o.count, o.percent, o.change) for o in r2019.options] == [
        (3, 50.0, 35.7), (3, 50.0, 35.7), (0, 0.0, -71.4)]


def test_identity_number_in_free_text_is_masked_and_warned(example) -> None:
    result, problems = example
    texts = [a.text for a in question(result, "kommentar").result("2019", None).answers]
    assert "Tvisten om [personnummer borttaget] löstes i samförstånd." in texts
    assert not any("1212" in t for t in texts)
    warned = [p for p in problems if p.code == "personnummer"]
    assert [(Path(p.file).name, p.line, p.column, p.severity.value) for p in warned] == [
        ("enkat-2019.csv", 7, 21, "varning")]


def test_by_column_gives_a_cross_tab_and_the_overall() -> None:
    result, _ = tally_files("ms_forms_excel.csv", by="Finns en rutin?")
    assert result.groups == ["Ja", "Nej"]
    q = question(result, "Vilka insatser har genomförts?")
    assert counts(q) == {"Information": 3, "Handledning": 2, "Utbildning, chefer": 2}
    assert counts(q, group="Ja") == {"Information": 2, "Handledning": 0, "Utbildning, chefer": 1}
    assert counts(q, group="Nej") == {"Information": 1, "Handledning": 2, "Utbildning, chefer": 1}
    ja = q.result("r1", "Ja")
    assert ja is not None and (ja.answered, ja.missing) == (2, 1)


def test_limesurvey_codes_map_to_spec_options_in_order(tmp_path: Path) -> None:
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_text(
        "enkät: Test\nrespondentkolumn: grupp\nfrågor:\n"
        "  - {id: q1, text: Insatser, typ: flerval, alternativ: [Information, Utbildning, "
        "Handledning], obligatorisk: true}\n"
        "  - {id: q2, text: Rutin, typ: enkelval, alternativ: [Ja, Nej]}\n", encoding="utf-8")
    spec, _ = load_spec(spec_file)
    result, _ = tally_files("limesurvey.csv", spec=spec)
    q1 = question(result, "q1")
    assert counts(q1) == {"Information": 2, "Utbildning": 1, "Handledning": 1, "Annat": 1}
    assert q1.results[0].blank_respondents == ["Göteborg"]


def test_spec_options_keep_their_order_and_unknown_answers_are_kept(tmp_path: Path) -> None:
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_text(
        "enkät: Test\nfrågor:\n"
        "  - {id: rutin, text: Finns en rutin, typ: enkelval, alternativ: [Nej, Ja]}\n"
        "  - {id: insatser, text: Vilka insatser, typ: flerval, alternativ: [Nej, 'Ja, delvis']}\n",
        encoding="utf-8")
    spec, _ = load_spec(spec_file)
    result, problems = tally_files("google_forms.csv", spec=spec)
    assert counts(question(result, "rutin")) == {"Nej": 1, "Ja": 1, "Ja, delvis": 2}
    multi = question(result, "insatser")
    # "Ja, fullt ut" is no option in this spec: it stays the respondent's own text
    assert counts(multi) == {"Nej": 2, "Ja, delvis": 3, "Annat": 2}
    assert [(a.text, a.count) for a in multi.results[0].answers] == [("Ja, fullt ut", 2)]
    assert [p.code for p in problems if p.code == "okänd-kolumn"] == ["okänd-kolumn"]


def test_spec_mistakes_have_line_and_column(tmp_path: Path) -> None:
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_text("enkät: Test\nfrågor:\n  - id: a\n    text: A\n    typ: flervall\n",
                         encoding="utf-8")
    spec, problems = load_spec(spec_file)
    assert spec is None
    assert [(p.line, p.column, p.code) for p in problems] == [(5, 10, "ogiltigt-värde")]
    assert "flerval" in problems[0].hint



def test_kinds_inferred_from_distinct_answers(tmp_path: Path) -> None:
    path = tmp_path / "stor.csv"
    lines = ["Kommun,Antal,Synpunkter"]
    lines += [f"Kommun {i % 30},{i % 7},Svar nummer {i}" for i in range(300)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, _ = tally([read_responses(path, "r1")])
    assert [q.kind for q in result.questions] == ["single", "number", "text"]
    assert len(result.questions[0].results[0].options) == 30


def test_a_question_mentioning_a_free_text_word_is_still_closed() -> None:
    result, _ = tally([read_responses(EXAMPLES / "enkat-2018.csv", "2018")])
    kinds = {q.text[:20]: q.kind for q in result.questions}
    assert kinds["Finns gemensam rutin"] == "single"  # "…som beskriver…" is no comment field
    assert kinds["Övriga kommentarer"] == "text"


def test_spec_question_missing_from_a_round_is_a_warning(tmp_path: Path) -> None:
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_text(
        "enkät: Test\nfrågor:\n"
        "  - {id: rutin, text: Finns en rutin, typ: enkelval, alternativ: [Ja, Nej]}\n"
        "  - {id: budget, text: Hur stor är budgeten, typ: tal}\n", encoding="utf-8")
    spec, _ = load_spec(spec_file)
    result, problems = tally_files("qualtrics.csv", spec=spec, by="Grupp")
    missing = [p for p in problems if p.code == "fråga-saknas"]
    assert [(p.line, p.severity.value) for p in missing] == [(0, "varning")]
    assert "budget" in missing[0].message
    assert question(result, "budget").results == []
    # the --by column is no question, so it is not reported as a column missing from the spec
    assert not [p for p in problems if p.code == "okänd-kolumn" and "Grupp" in p.message]
    assert counts(question(result, "rutin"), group="VVG") == {"Ja": 1, "Nej": 0}


def test_closed_spec_question_without_options_learns_them(tmp_path: Path) -> None:
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_text(
        "enkät: Test\nfrågor:\n"
        "  - {id: insatser, text: Vilka insatser, typ: flerval}\n"
        "  - {id: rutin, text: Finns en rutin, typ: enkelval}\n", encoding="utf-8")
    spec, _ = load_spec(spec_file)
    result, _ = tally_files("google_forms.csv", spec=spec)
    assert counts(question(result, "insatser")) == {"Ja, delvis": 3, "Nej": 2, "Ja, fullt ut": 2}
    assert counts(question(result, "rutin")) == {"Ja, delvis": 2, "Ja": 1, "Nej": 1}


def test_groups_sort_the_swedish_way() -> None:
    result, _ = tally_files("google_forms.csv", by="Grupp")
    assert result.groups == ["Fyrbodal", "Göteborg", "Skaraborg", "Södra Älvsborg", "VVG"]
    from vastbus_cli.survey.tally import swedish_key
    assert sorted(["Öckerö", "Ale", "Åmål", "Ärla"], key=swedish_key) == [
        "Ale", "Åmål", "Ärla", "Öckerö"]
