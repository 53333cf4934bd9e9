"""Issue #29 class 11: answer codes read as numbers. Exports in the tools' real layouts
(Qualtrics: codes row, texts row, ImportId row), invented respondents, asserted value by value."""

from __future__ import annotations

from pathlib import Path

from tests.survey.conftest import counts, question, tally_files
from vastbus_cli.survey.readers.checkbox import own_codes

QUALTRICS = """StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,RecordedDate,ResponseId,DistributionChannel,UserLanguage,Q1,Q2_1,Q2_2,Q2_3,Q3_1,Q3_2,Q3_3,Q3_4,Q3_4_TEXT,Q4
Start Date,End Date,Response Type,IP Address,Progress,Duration (in seconds),Finished,Recorded Date,Response ID,Distribution Channel,User Language,How satisfied are you with the network?,To what extent do you agree? - The meetings are useful,To what extent do you agree? - I get the information I need,To what extent do you agree? - My views are heard,Which channels do you use? - Selected Choice - Email,Which channels do you use? - Selected Choice - Phone,Which channels do you use? - Selected Choice - Intranet,Which channels do you use? - Selected Choice - Other,Which channels do you use? - Other - Text,What should we change?
"{""ImportId"":""startDate"",""timeZone"":""Europe/Stockholm""}","{""ImportId"":""endDate"",""timeZone"":""Europe/Stockholm""}","{""ImportId"":""status""}","{""ImportId"":""ipAddress""}","{""ImportId"":""progress""}","{""ImportId"":""duration""}","{""ImportId"":""finished""}","{""ImportId"":""recordedDate"",""timeZone"":""Europe/Stockholm""}","{""ImportId"":""_recordId""}","{""ImportId"":""distributionChannel""}","{""ImportId"":""userLanguage""}","{""ImportId"":""QID1""}","{""ImportId"":""QID2_1""}","{""ImportId"":""QID2_2""}","{""ImportId"":""QID2_3""}","{""ImportId"":""QID3_1""}","{""ImportId"":""QID3_2""}","{""ImportId"":""QID3_3""}","{""ImportId"":""QID3_4""}","{""ImportId"":""QID3_4_TEXT""}","{""ImportId"":""QID4_TEXT""}"
2024-03-01 10:00:00,2024-03-01 10:04:00,0,192.0.2.10,100,240,1,2024-03-01 10:04:01,R_aaaaaaaaaaaaaa1,anonymous,SV,4,5,4,3,1,,0,,,More time for questions
2024-03-01 11:00:00,2024-03-01 11:03:00,0,192.0.2.11,100,180,1,2024-03-01 11:03:01,R_aaaaaaaaaaaaaa2,anonymous,SV,5,4,2,4,1,2,,,,
2024-03-01 12:00:00,2024-03-01 12:06:00,0,192.0.2.12,100,360,1,2024-03-01 12:06:01,R_aaaaaaaaaaaaaa3,anonymous,SV,2,3,5,5,,,,-1,Teams,Shorter meetings
2024-03-01 13:00:00,2024-03-01 13:02:00,0,192.0.2.13,100,120,1,2024-03-01 13:02:01,R_aaaaaaaaaaaaaa4,anonymous,SV,3,5,4,1,,2,0,,,
"""


def _qualtrics(tmp_path: Path) -> Path:
    path = tmp_path / "qualtrics.csv"
    path.write_text(QUALTRICS, encoding="utf-8")
    return path


def test_class11_a_qualtrics_choice_exported_as_recode_values_is_counted(tmp_path: Path) -> None:
    """`QID1` (no `_TEXT`): a choice's recode values, each given once by four respondents."""
    result, _ = tally_files(_qualtrics(tmp_path))
    q = question(result, "How satisfied")
    assert q.kind == "single"
    assert counts(q) == {"2": 1, "3": 1, "4": 1, "5": 1}
    assert q.result("r1", None).answered == 4
    assert q.result("r1", None).stats is None


def test_class11_every_row_of_a_matrix_gets_the_same_kind(tmp_path: Path) -> None:
    """The third row's four respondents all differ (1, 3, 4, 5): no mean while its
    neighbours are counted; every row on the matrix's shared scale 1-5."""
    result, _ = tally_files(_qualtrics(tmp_path))
    rows = [q for q in result.questions if q.matrix == "To what extent do you agree?"]
    assert [(q.text, q.kind) for q in rows] == [
        ("To what extent do you agree? [The meetings are useful]", "single"),
        ("To what extent do you agree? [I get the information I need]", "single"),
        ("To what extent do you agree? [My views are heard]", "single")]
    assert [counts(q) for q in rows] == [
        {"1": 0, "2": 0, "3": 1, "4": 1, "5": 2},
        {"1": 0, "2": 1, "3": 0, "4": 2, "5": 1},
        {"1": 1, "2": 0, "3": 1, "4": 1, "5": 1}]


def test_class11_qualtrics_checkboxes_recoded_0_and_minus_1_are_ticks(tmp_path: Path) -> None:
    """A ticked cell holds its option's recode value: Intranet is recoded 0, Other -1; the
    block is one multi-select, none of its ticks dropped and no column a number."""
    result, _ = tally_files(_qualtrics(tmp_path))
    q = question(result, "Which channels")
    assert q.kind == "multi"
    assert counts(q) == {"Email": 2, "Phone": 2, "Intranet": 2, "Other": 1}
    found = q.result("r1", None)
    assert found.answered == 4
    assert [(t.text, t.count) for t in found.answers] == [("Teams", 1)]
    assert [x.text for x in result.questions if x.text.startswith("Which channels")] == [
        "Which channels do you use?"]


def test_own_codes_one_value_per_column_and_no_two_alike() -> None:
    assert own_codes([("a", ["1", ""]), ("b", ["", "0"]), ("c", ["-1", "-1"])], frozenset())
    assert not own_codes([("a", ["1", "0"]), ("b", ["", "1"])], frozenset())  # 1/0 ticks
    assert not own_codes([("a", ["4", ""]), ("b", ["4", ""])], frozenset())  # a matrix's scale
    assert not own_codes([("a", ["1"]), ("b", [""])], frozenset())  # one code is no evidence
    assert own_codes([("a", ["1", "-99"]), ("b", ["2"])], frozenset({"-99"}))


def test_visa_tolkning_says_the_codes_came_from_the_export(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from vastbus_cli.cli.app import app

    run = CliRunner().invoke(app, ["tally", str(_qualtrics(tmp_path)), "--visa-tolkning"])
    assert run.exit_code == 0, run.output
    assert ("f1  How satisfied are you with the network? — kolumn L; enkelval: 2, 3, 4, 5; "
            "varför: exporten anger svarskoder för ett val (Qualtrics ImportId utan _TEXT); "
            "säker") in run.output
    assert ("f5  Which channels do you use? — kolumn P–T; flerval: Email, Phone, Intranet, "
            "Other; varför: en kolumn per alternativ, alternativets egen kod (även 0 eller -1) "
            "betyder vald; säker") in run.output


SURVEYMONKEY = """\
Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,\
Custom Data 1,Who took part in the work? (check all that apply),,,,How do you rate the network?,
,,,,,,,,,Municipalities,Region,Other organisations,Other (please specify),Response,\
Other (please specify)
11800000001,234567890,03/01/2024 09:01:12 AM,03/01/2024 09:11:40 AM,192.0.2.1,,,,,\
Municipalities,,Other organisations,,Good,
11800000002,234567890,03/01/2024 10:01:12 AM,03/01/2024 10:11:40 AM,192.0.2.2,,,,,\
,Region,,Police,Poor,
11800000003,234567890,03/01/2024 11:01:12 AM,03/01/2024 11:11:40 AM,192.0.2.3,,,,,\
Municipalities,Region,,,,Depends on the month
11800000004,234567890,03/01/2024 12:01:12 PM,03/01/2024 12:11:40 PM,192.0.2.4,,,,,\
,,Other organisations,Schools,Good,
"""


def test_class11_other_text_is_not_counted_under_an_option_starting_with_other(
        tmp_path: Path) -> None:
    """SurveyMonkey's two header rows: 'Other organisations' is a real option; the typed
    'Other (please specify)' texts count under the other box ('Annat'), listed as typed."""
    path = tmp_path / "sm.csv"
    path.write_text(SURVEYMONKEY, encoding="utf-8")
    result, _ = tally_files(path)
    q = question(result, "Who took part")
    assert q.kind == "multi"
    assert counts(q) == {"Municipalities": 2, "Region": 2, "Other organisations": 2, "Annat": 2}
    found = q.result("r1", None)
    assert found.answered == 4
    assert [(t.text, t.count) for t in found.answers] == [("Police", 1), ("Schools", 1)]
    rate = question(result, "How do you rate")
    assert counts(rate) == {"Good": 2, "Poor": 1, "Annat": 1}


def test_class11_a_surveymonkey_single_choice_with_an_explain_box_stays_one_question(
        tmp_path: Path) -> None:
    """SurveyMonkey's two header rows: 'Response' then the comment box's label under one
    question. The choice is counted and the comment is a text question of its own, not two
    rows of a matrix."""
    path = tmp_path / "sm_explain.csv"
    path.write_text(
        "Respondent ID,Collector ID,Start Date,End Date,How do you rate the network?,\n"
        ",,,,Response,Please explain\n"
        "11800000001,234567890,03/01/2024 09:01:12 AM,03/01/2024 09:11:40 AM,Good,Useful\n"
        "11800000002,234567890,03/01/2024 10:01:12 AM,03/01/2024 10:11:40 AM,Poor,\n"
        "11800000003,234567890,03/01/2024 11:01:12 AM,03/01/2024 11:11:40 AM,Good,\n"
        "11800000004,234567890,03/01/2024 12:01:12 PM,03/01/2024 12:11:40 PM,Fair,Too few\n",
        encoding="utf-8")
    result, _ = tally_files(path)
    assert [(q.text, q.kind, q.matrix) for q in result.questions] == [
        ("How do you rate the network?", "single", None),
        ("How do you rate the network? – Please explain", "text", None)]
    assert counts(result.questions[0]) == {"Good": 2, "Poor": 1, "Fair": 1}
    assert result.questions[0].result("r1", None).answered == 4
    comment = result.questions[1].result("r1", None)
    assert [(t.text, t.count) for t in comment.answers] == [("Useful", 1), ("Too few", 1)]


def test_class11_a_surveymonkey_check_all_with_a_comment_box_stays_one_question(
        tmp_path: Path) -> None:
    """SurveyMonkey's check-all: each option's column holds its label when ticked; a comment
    box after the options holds typed text. The options are one multi-select and the box a
    text question of its own, not four rows of a matrix."""
    path = tmp_path / "sm_check_all.csv"
    path.write_text(
        "Respondent ID,Collector ID,Start Date,End Date,"
        "Which services did you use? (check all that apply),,,,"
        "Any other comments?\n"
        ",,,,Counselling,Group sessions,Home visits,Comments (please explain),"
        "Open-Ended Response\n"
        "11800000001,234567890,03/01/2024 09:01:12 AM,03/01/2024 09:11:40 AM,Counselling,,"
        "Home visits,Mostly good,Fine\n"
        "11800000002,234567890,03/01/2024 10:01:12 AM,03/01/2024 10:11:40 AM,,"
        "Group sessions,,,\n"
        "11800000003,234567890,03/01/2024 11:01:12 AM,03/01/2024 11:11:40 AM,Counselling,"
        "Group sessions,,Too few,Nothing\n"
        "11800000004,234567890,03/01/2024 12:01:12 PM,03/01/2024 12:11:40 PM,,,Home visits,,\n",
        encoding="utf-8")
    result, _ = tally_files(path)
    assert [(q.text, q.kind, q.matrix) for q in result.questions] == [
        ("Which services did you use? (check all that apply)", "multi", None),
        ("Which services did you use? (check all that apply) – Comments (please explain)",
         "text", None),
        ("Any other comments?", "text", None)]
    assert counts(result.questions[0]) == {"Counselling": 2, "Group sessions": 2,
                                           "Home visits": 2}
    assert result.questions[0].result("r1", None).answered == 4
    comment = result.questions[1].result("r1", None)
    assert [(t.text, t.count) for t in comment.answers] == [("Mostly good", 1), ("Too few", 1)]
