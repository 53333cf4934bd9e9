"""Each layout fixture, in its exact bytes, tallied to hand-computed counts."""

from __future__ import annotations

import pytest

from tests.survey.conftest import FIXTURES, counts, question, tally_files
from vastbus_cli.survey.readers import read_responses

INSATSER = "Vilka insatser har genomförts?"
RUTIN = "Finns en rutin?"


@pytest.mark.parametrize(("name", "layout"), [
    ("google_forms.csv", "Google Forms (en kolumn per fråga)"),
    ("ms_forms_excel.csv", "Microsoft Forms (en kolumn per fråga)"),
    ("surveymonkey.csv", "SurveyMonkey (två rubrikrader)"),
    ("qualtrics.csv", "Qualtrics"),
    ("qualtrics_dict.csv", "Qualtrics"),
    ("qualtrics_legacy.csv", "Qualtrics (äldre format, V1–V10)"),
    ("limesurvey.csv", "LimeSurvey"),
])
def test_layout_is_detected_from_the_headers(name: str, layout: str) -> None:
    assert read_responses(FIXTURES / name, "x").layout.name == layout


def test_google_forms_comma_inside_a_label_is_not_split() -> None:
    result, _ = tally_files("google_forms.csv")
    multi = question(result, INSATSER)
    assert multi.kind == "multi"
    # rows: "Ja, delvis" | "Ja, delvis, Nej" | "Nej" | "Ja, fullt ut, Ja, delvis" | "Ja, fullt ut"
    assert counts(multi) == {"Ja, delvis": 3, "Nej": 2, "Ja, fullt ut": 2}
    single = question(result, RUTIN)
    assert single.kind == "single"
    assert counts(single) == {"Ja, delvis": 2, "Ja": 1, "Nej": 1}
    assert (single.results[0].answered, single.results[0].missing) == (4, 1)


def test_ms_forms_windows_1252_semicolon_file() -> None:
    responses = read_responses(FIXTURES / "ms_forms_excel.csv", "x")
    assert responses.notes[0] == "CSV, kodning Windows-1252, avgränsare semikolon"
    result, problems = tally_files("ms_forms_excel.csv")
    assert problems == []
    multi = question(result, INSATSER)
    assert counts(multi) == {"Information": 3, "Handledning": 2, "Utbildning, chefer": 2}
    assert (multi.results[0].answered, multi.results[0].missing) == (4, 1)
    stats = question(result, "Antal utbildningstillfällen").results[0].stats
    assert stats is not None
    assert (stats.n, stats.sum, stats.mean, stats.median, stats.min, stats.max) == (
        4, 15.5, 3.88, 2.75, 0.0, 10.0)
    assert counts(question(result, RUTIN)) == {"Ja": 3, "Nej": 2}
    assert result.respondent_column == "Grupp"


def test_surveymonkey_option_columns_and_other() -> None:
    result, _ = tally_files("surveymonkey.csv")
    multi = question(result, INSATSER)
    assert counts(multi) == {"Information": 2, "Utbildning": 1, "Handledning": 1, "Annat": 1}
    assert (multi.results[0].answered, multi.results[0].missing) == (3, 1)
    assert [a.text for a in multi.results[0].answers] == ["Studiebesök"]
    single = question(result, RUTIN)
    assert counts(single) == {"Ja": 2, "Nej": 1, "Annat": 1}
    assert [a.text for a in single.results[0].answers] == ["Vet ej ännu"]
    comment = question(result, "Kommentar")
    assert comment.kind == "text"
    assert (comment.results[0].answered, comment.results[0].missing) == (1, 3)


@pytest.mark.parametrize("name", ["qualtrics.csv", "qualtrics_dict.csv"])
def test_qualtrics_choice_columns_hold_one(name: str) -> None:
    result, _ = tally_files(name)
    multi = question(result, INSATSER)
    assert counts(multi) == {"Information": 2, "Utbildning": 1, "Handledning": 1, "Annat": 1}
    assert (multi.results[0].answered, multi.results[0].missing) == (3, 1)
    assert counts(question(result, RUTIN)) == {"Ja": 3, "Nej": 1}


def test_qualtrics_legacy_with_bom_and_trailing_commas() -> None:
    result, problems = tally_files("qualtrics_legacy.csv")
    assert problems == []
    assert [q.text for q in result.questions] == [INSATSER, RUTIN]
    assert counts(question(result, INSATSER)) == {"Information": 2, "Utbildning": 1,
                                                  "Handledning": 1}
    assert counts(question(result, RUTIN)) == {"Ja": 2, "Nej": 1}
    assert result.rounds[0].respondents == 3


def test_limesurvey_codes_yes_no_and_other() -> None:
    result, _ = tally_files("limesurvey.csv")
    multi = question(result, "q1")
    assert counts(multi) == {"SQ001": 2, "SQ002": 1, "SQ003": 1, "Annat": 1}
    assert (multi.results[0].answered, multi.results[0].missing) == (3, 1)
    assert counts(question(result, "q2")) == {"Ja": 2, "Nej": 1}


@pytest.mark.parametrize("name", ["google_forms.csv", "ms_forms_excel.csv", "surveymonkey.csv",
                                  "qualtrics.csv", "qualtrics_legacy.csv", "limesurvey.csv"])
def test_metadata_columns_are_never_tallied(name: str) -> None:
    result, _ = tally_files(name)
    texts = {q.text.casefold() for q in result.questions}
    metadata = {"tidstämpel", "e-postadress", "id", "starttid", "slutförandetid", "e-post", "namn",
                "respondent id", "collector id", "start date", "end date", "ip address",
                "email address", "startdate", "enddate", "ipaddress", "responseid", "status",
                "progress", "duration (in seconds)", "finished", "recordeddate", "response id",
                "submitdate", "lastpage", "startlanguage", "seed", "v1", "custom data 1"}
    assert not texts & metadata
    assert "grupp" not in texts  # the respondent column names who answered; it is no question


def test_xlsx_with_stale_dimension_and_date_cells() -> None:
    from vastbus_cli.survey.readers import ReadOptions

    responses = read_responses(FIXTURES / "ms_forms.xlsx", "x")
    assert responses.layout.name == "Microsoft Forms (en kolumn per fråga)"
    result, problems = tally_files("ms_forms.xlsx")
    assert problems == []
    assert result.rounds[0].respondents == 5
    # "Besvarad" holds Excel dates: a timestamp, never an answer
    assert [q.text for q in result.questions] == [INSATSER, "Antal utbildningstillfällen", RUTIN]
    assert counts(question(result, INSATSER)) == {"Information": 3, "Handledning": 2,
                                                  "Utbildning, chefer": 2}
    stats = question(result, "Antal utbildningstillfällen").results[0].stats
    assert stats is not None and (stats.n, stats.sum, stats.median) == (4, 15.5, 2.75)
    named, _ = tally_files("ms_forms.xlsx", options=ReadOptions(sheet="Form1"))
    assert named.rounds[0].respondents == 5
    missing = read_responses(FIXTURES / "ms_forms.xlsx", "x", ReadOptions(sheet="Blad9"))
    assert [p.code for p in missing.problems] == ["blad-saknas"]
