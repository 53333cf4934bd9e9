"""The layers that read an export's structure from its cells (`survey/readers/structure.py`):
header rows, column groups, checkbox ticks, missing codes; each alone, then through the tally
on exports in the tools' real layouts (invented respondents), asserted value by value."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.survey.conftest import counts, question, tally_files
from vastbus_cli.survey.identity import identity_heading, metadata_heading, value_shape
from vastbus_cli.survey.readers import read_responses
from vastbus_cli.survey.readers.checkbox import tick_value
from vastbus_cli.survey.readers.groups import column_groups, split_heading
from vastbus_cli.survey.readers.header_rows import header_rows
from vastbus_cli.survey.readers.missing import describe, missing_codes
from vastbus_cli.survey.tally import tally

# --- layer 1: header rows -------------------------------------------------------------------


def test_one_header_row_when_the_second_row_is_data() -> None:
    assert header_rows([["Q1", "Q2", "Q3"], ["Ja", "Nej", "Bra"]]) == 1


def test_a_row_of_labels_under_blank_cells_is_a_header_row() -> None:
    rows = [["Tid", "Vilka insatser?", "", "", "Kommentar"],
            ["", "Utbildning", "Handledning", "Fika", ""],
            ["2024-01-01", "Utbildning", "", "Fika", "Bra"]]
    assert header_rows(rows) == 2


def test_a_data_row_with_a_value_under_a_blank_heading_is_no_header_row() -> None:
    # a column without a heading that holds data: the one-column questions are filled too
    assert header_rows([["Q1", "", "Q3"], ["Ja", "x", "Bra"]]) == 1


def test_labels_before_the_first_question_make_no_header_row() -> None:
    assert header_rows([["", "Q1"], ["x", ""]]) == 1


def test_at_most_three_header_rows() -> None:
    rows = [["Q", "", ""], ["", "a", ""], ["", "", "b"], ["", "", "c"], ["1", "2", "3"]]
    assert header_rows(rows) == 3


# --- layer 2: column groups -----------------------------------------------------------------


@pytest.mark.parametrize(("heading", "stem", "sub"), [
    ("Hur nöjd är du? [Information]", "Hur nöjd är du?", "Information"),
    ("Q1[SQ001]", "Q1", "SQ001"),
    ("Vilka insatser? - Utbildning", "Vilka insatser?", "Utbildning"),
    ("Vilka insatser?: Utbildning", "Vilka insatser?", "Utbildning"),
    ("Q1_1", "Q1", "1"),
    ("Q1.2", "Q1", "2"),
    ("Q1#1_1", "Q1", "1_1"),
])
def test_heading_patterns(heading: str, stem: str, sub: str) -> None:
    found = split_heading(heading)
    assert found is not None and found[:2] == (stem, sub)


def test_plain_headings_have_no_parts() -> None:
    assert split_heading("Hur nöjd är du?") is None
    assert split_heading("Q12") is None


def test_only_consecutive_columns_with_one_stem_and_pattern_group() -> None:
    headings = ["Tid", "Q [a]", "Q [b]", "Annan", "Q [c]", "R - x", "R - y", "R: why", "Age - years"]
    groups = column_groups(headings)
    assert [(g.stem, g.columns, g.labels) for g in groups] == [
        ("Q", (1, 2), ("a", "b")), ("R", (5, 6), ("x", "y"))]


def test_metadata_columns_break_a_run() -> None:
    assert column_groups(["Q [a]", "Q [b]", "Q [c]"], frozenset({1})) == []


def test_an_other_column_is_the_last_of_a_group() -> None:
    group = column_groups(["Q [a]", "Q [b]", "Q [Other]"])[0]
    assert group.other == 2
    assert column_groups(["Q [a]", "Q [Other]", "Q [b]"])[0].other is None


# --- layer 3: checkbox ticks ----------------------------------------------------------------


@pytest.mark.parametrize(("values", "tick"), [
    (["Yes", "No", "No"], "Yes"),
    (["Ja", "Nein", ""], "Ja"),
    (["1", "0"], "1"),
    (["-1", "0", "0"], "-1"),
    (["X", ""], ""),
    (["Selected", "Not selected"], "Selected"),
    (["Kyllä", "Ei"], "Kyllä"),
    (["Oui", "Non"], "Oui"),
    (["Sí", "No"], "Sí"),
    (["Ja", "Nee"], "Ja"),
    (["Valgt", "Ikke valgt"], "Valgt"),
])
def test_checkbox_vocabularies(values: list[str], tick: str) -> None:
    assert tick_value([("a", values), ("b", values[::-1])], frozenset()) == tick


def test_the_options_own_text_is_a_tick() -> None:
    assert tick_value([("Utbildning", ["Utbildning", ""]), ("Fika", ["", "Fika"])],
                      frozenset()) == ""


def test_a_scale_is_no_checkbox() -> None:
    assert tick_value([("a", ["Bra", "Dålig"]), ("b", ["Bra"])], frozenset()) is None
    assert tick_value([("a", ["No", "0"])], frozenset()) is None  # no tick seen
    assert tick_value([("a", ["", ""])], frozenset()) is None


def test_missing_codes_tick_nothing() -> None:
    assert tick_value([("a", ["Ja", "N/A"]), ("b", ["Nej"])], frozenset({"n/a"})) == "Ja"
    assert tick_value([("a", ["Ja", "N/A"]), ("b", ["Nej"])], frozenset()) is None


# --- layer 4: missing codes -----------------------------------------------------------------


def test_missing_codes_depend_on_the_layout() -> None:
    assert missing_codes("LimeSurvey") == {"n/a"}
    assert missing_codes("EFS Survey (Unipark)") == {"-77", "-99", "-66", "-88"}
    assert missing_codes("Google Forms (en kolumn per fråga)") == frozenset()
    assert describe(frozenset({"n/a", "-99"})) == (
        "koder för saknade svar (räknas inte som svar): -99, N/A")
    assert describe(frozenset()) is None


def test_generic_missing_codes_only_where_the_cells_show_them() -> None:
    sample = [["Bra", "3"], ["Dålig", "-99"], ["-77", "-1"]]
    assert missing_codes("en kolumn per fråga", sample) == {"-99", "-77"}
    assert missing_codes("LimeSurvey", sample) == {"n/a", "-99", "-77"}
    assert missing_codes("SurveyMonkey (två rubrikrader)", [["Ja", "Nej"]]) == frozenset()


def test_visa_tolkning_lists_no_missing_codes_for_a_surveymonkey_file() -> None:
    from typer.testing import CliRunner

    from tests.survey.conftest import EXAMPLES
    from vastbus_cli.cli.app import app

    run = CliRunner().invoke(app, ["tally", str(EXAMPLES / "enkat-2019.csv"), "--visa-tolkning"])
    assert run.exit_code == 0, run.output
    assert "format: SurveyMonkey (två rubrikrader)" in run.output
    assert "saknade svar" not in run.output
    assert "-99" not in run.output and "-77" not in run.output


# --- through the tally: the issue's classes in the tools' layouts -----------------------------


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_class1_limesurvey_full_headings_group_into_a_matrix_and_a_multi(tmp_path: Path) -> None:
    path = _write(tmp_path, "lime.csv", (
        "Svars-ID,Datum inskickat,Hur nöjd är du? [Information],Hur nöjd är du? [Stöd],"
        "Vilka insatser? [Utbildning],Vilka insatser? [Handledning]\n"
        "1,2024-01-01 10:00,Mycket nöjd,Ganska nöjd,Ja,Nej\n"
        "2,2024-01-02 10:00,Ganska nöjd,Ganska nöjd,Nej,Ja\n"
        "3,2024-01-03 10:00,Mycket nöjd,Inte nöjd,Ja,Ja\n"
        "4,2024-01-04 10:00,Inte nöjd,Mycket nöjd,Ja,Nej\n"))
    result, problems = tally_files(path)
    texts = [(q.text, q.kind, q.matrix) for q in result.questions]
    assert texts == [
        ("Hur nöjd är du? [Information]", "single", "Hur nöjd är du?"),
        ("Hur nöjd är du? [Stöd]", "single", "Hur nöjd är du?"),
        ("Vilka insatser?", "multi", None)]
    assert counts(question(result, "Hur nöjd är du? [Information]")) == {
        "Mycket nöjd": 2, "Ganska nöjd": 1, "Inte nöjd": 1}
    multi = question(result, "Vilka insatser?")
    assert counts(multi) == {"Utbildning": 3, "Handledning": 2}
    assert multi.result("r1", None).answered == 4


def test_class1_surveymonkey_condensed_option_columns_are_one_multi(tmp_path: Path) -> None:
    path = _write(tmp_path, "sm.csv", (
        "Respondent ID,Which topics? - Safety,Which topics? - Training,Which topics? - Other,"
        "Comments\n"
        "101,Safety,,,Fine\n102,,Training,,\n103,Safety,Training,Budget,\n104,,,,\n"))
    result, _ = tally_files(path)
    multi = question(result, "Which topics?")
    assert multi.kind == "multi"
    assert counts(multi) == {"Safety": 2, "Training": 2, "Other": 1}
    assert multi.result("r1", None).answered == 3
    assert [q.text for q in result.questions] == ["Which topics?", "Comments"]


@pytest.mark.parametrize(("tick", "untick"), [
    ("Yes", "No"), ("Ja", "Nein"), ("1", "0"), ("-1", "0"), ("X", ""),
    ("Selected", "Not selected")])
def test_class2_checkbox_codes_are_one_multi(tmp_path: Path, tick: str, untick: str) -> None:
    path = _write(tmp_path, "cb.csv", (
        "Q5_1,Q5_2,Q5_3\n"
        f"{tick},{untick},{untick}\n{tick},{tick},{untick}\n{untick},{untick},{tick}\n"
        f"{untick},{untick},{untick}\n"))
    result, _ = tally_files(path)
    assert [q.text for q in result.questions] == ["Q5"]
    multi = result.questions[0]
    assert multi.kind == "multi"
    assert counts(multi) == {"1": 2, "2": 1, "3": 1}


def test_class2_and_3_limesurvey_na_is_no_answer(tmp_path: Path) -> None:
    path = _write(tmp_path, "lime_na.csv", (
        "id,submitdate,lastpage,startlanguage,q1[SQ001],q1[SQ002],q2\n"
        "1,2024-01-01,2,sv,Y,N,Bra\n2,2024-01-02,2,sv,N,Y,N/A\n3,2024-01-03,2,sv,N/A,N/A,Dåligt\n"
        "4,2024-01-04,2,sv,Y,Y,Bra\n"))
    result, _ = tally_files(path)
    q2 = question(result, "q2")
    assert counts(q2) == {"Bra": 2, "Dåligt": 1}
    assert q2.result("r1", None).answered == 3


def test_class3_efs_missing_codes_are_no_answers(tmp_path: Path) -> None:
    path = _write(tmp_path, "efs.csv", (
        "Hur nöjd?,Antal möten\n1,3\n2,-99\n-77,5\n1,-66\n"))
    result, _ = tally_files(path)
    nöjd = question(result, "Hur nöjd?")
    assert counts(nöjd) == {"1": 2, "2": 1}
    assert nöjd.result("r1", None).answered == 3


def test_class4_a_second_header_row_outside_surveymonkey(tmp_path: Path) -> None:
    path = _write(tmp_path, "two.csv", (
        "Roll,Vilka insatser?,,,Kommentar\n"
        ",Utbildning,Handledning,Fika,\n"
        "Chef,Utbildning,,Fika,Bra\nStöd,,Handledning,,\nChef,Utbildning,,,\n"))
    result, _ = tally_files(path)
    assert [q.text for q in result.questions] == ["Roll", "Vilka insatser?", "Kommentar"]
    multi = question(result, "Vilka insatser?")
    assert multi.kind == "multi"
    assert counts(multi) == {"Utbildning": 2, "Handledning": 1, "Fika": 1}
    assert counts(question(result, "Roll")) == {"Chef": 2, "Stöd": 1}


def test_class8_rank_positions_are_a_rank(tmp_path: Path) -> None:
    path = _write(tmp_path, "rank.csv", (
        "Rangordna [Rank 1],Rangordna [Rank 2],Rangordna [Rank 3]\n"
        "Information,Utbildning,Handledning\nUtbildning,Information,Handledning\n"
        "Information,Handledning,Utbildning\n"))
    result, _ = tally_files(path)
    assert [(q.text, q.kind) for q in result.questions] == [("Rangordna", "rank")]
    found = result.questions[0].result("r1", None)
    assert {o.label: (o.count, o.mean_rank) for o in found.options} == {
        "Information": (2, 1.33), "Utbildning": (1, 2.0), "Handledning": (0, 2.67)}


# --- layer 5: metadata and identity, by heading and by value shape ---------------------------


@pytest.mark.parametrize("heading", [
    "Full Name", "Eget navn", "Ditt namn", "Participant ID", "Deltagarnummer", "Vorname",
    "Telefonnummer", "Your e-mail address", "Nimi", "Nom", "Personnummer", "Kontaktuppgifter"])
def test_identity_headings(heading: str) -> None:
    assert identity_heading(heading)


@pytest.mark.parametrize("heading", [
    "Hur nöjd är du?", "Vilka insatser har genomförts?", "Gruppens namnbyte, hur gick det?",
    "Which topics?", "Kommentar"])
def test_question_headings_are_no_identity(heading: str) -> None:
    assert not identity_heading(heading)


@pytest.mark.parametrize(("heading", "expected"), [
    ("interviewtime", True), ("groupTime123", True), ("lfdn", True), ("page_history", True),
    ("rnd_pg_1234", True), ("FL_12_DO", True), ("Q7_First Click", True),
    ("Duration (in seconds)", True), ("Hur nöjd?", False), ("Quality", False)])
def test_metadata_headings(heading: str, expected: bool) -> None:
    assert metadata_heading(heading) is expected


def test_value_shapes() -> None:
    assert value_shape(["130.92.34.66", "10.0.0.1", "192.168.1.20"], 3) == "IP-adresser"
    assert value_shape(["https://a.se/x", "https://b.se/y", "www.c.se"], 3) == "webbadresser"
    assert value_shape(["2024-01-01 10:00:00", "2024/01/02 9:14:05 fm CET", "1/18/2024 14:18"],
                       3) == "tidpunkter"
    assert value_shape(["00:12:30", "01:02:03", "10:00"], 3) == "tidsåtgång"
    assert value_shape(['{"v5": {"group": "B"}}', '{"v5": {"group": "A"}}', "[1, 2, 3]"],
                       3) == "tekniska uppgifter (slumpning eller sidhistorik)"
    assert value_shape([str(n) for n in range(1, 31)], 30) == "löpnummer"
    assert value_shape(["Anna Berg", "Per Olof Lind", "Karin van der Berg", "Ola Ek"],
                       4) == "personnamn"


def test_choices_between_names_and_answers_are_no_shape() -> None:
    # the same few first names chosen by many respondents: a question (a name-face test)
    assert value_shape(["Daan", "Bart", "Jelle"], 63) is None
    assert value_shape(["Anna Berg", "Per Lind"], 40) is None
    assert value_shape(["3", "5", "12"], 3) is None
    assert value_shape(["Ja", "Nej"], 10) is None
    assert value_shape([str(n) for n in range(1, 31)], 31) is None  # one number twice


def test_class5_efs_questions_are_read_and_its_metadata_left_out(tmp_path: Path) -> None:
    path = _write(tmp_path, "efs.csv", (
        "lfdn;external_lfdn;tester;dispcode;lastpage;quality;duration;v_1;v_2;v_3;rts123;"
        "page_history\n"
        "1;0;0;31;4;1;120;1;Gut;3;1700000000;1,2,3,4\n"
        "2;0;0;31;4;1;95;2;-99;3;1700000100;1,2,3,4\n"
        "3;0;0;31;4;1;300;1;Schlecht;-77;1700000200;1,2,4\n"))
    result, _ = tally_files(path)
    assert [q.text for q in result.questions] == ["v_1", "v_2", "v_3"]
    assert counts(question(result, "v_1")) == {"1": 2, "2": 1}
    assert question(result, "v_3").result("r1", None).answered == 2


def test_class5_limesurvey_timings_are_no_questions(tmp_path: Path) -> None:
    path = _write(tmp_path, "lime_time.csv", (
        "id,submitdate,lastpage,startlanguage,q1,interviewtime,groupTime12,q1Time\n"
        "1,2024-01-01,2,sv,Ja,120.5,60.2,30.1\n2,2024-01-02,2,sv,Nej,98.1,40.7,12.9\n"
        "3,2024-01-03,2,sv,Ja,77.0,30.0,11.0\n"))
    result, _ = tally_files(path)
    assert [q.text for q in result.questions] == ["q1"]


def test_class6_few_long_answers_repeated_are_a_single_choice(tmp_path: Path) -> None:
    long_a = "Jag vill lära mig mer om samverkan mellan regionen och kommunerna i vårt område"
    long_b = "Min chef bad mig delta i programmet som en del av min utvecklingsplan i år"
    rows = "".join(f"{n},\"{long_a if n % 3 else long_b}\"\n" for n in range(1, 10))
    result, _ = tally_files(_write(tmp_path, "long.csv", "Nr,Varför deltog du?\n" + rows))
    q = question(result, "Varför deltog du?")
    assert q.kind == "single"
    assert counts(q) == {long_a: 6, long_b: 3}


def test_class7_typeform_pipes_are_a_multi(tmp_path: Path) -> None:
    path = _write(tmp_path, "typeform.csv", (
        "#,Which channels do you use?,Start Date (UTC),Submit Date (UTC),Network ID\n"
        "a1,Email|Phone,2024-01-01 10:00:00,2024-01-01 10:05:00,n1\n"
        "a2,Phone,2024-01-01 10:00:00,2024-01-01 10:05:00,n2\n"
        "a3,Email|Chat|Phone,2024-01-01 10:00:00,2024-01-01 10:05:00,n3\n"
        "a4,Chat,2024-01-01 10:00:00,2024-01-01 10:05:00,n4\n"
        "a5,Email,2024-01-01 10:00:00,2024-01-01 10:05:00,n5\n"))
    result, _ = tally_files(path)
    assert [q.text for q in result.questions] == ["Which channels do you use?"]
    q = result.questions[0]
    assert q.kind == "multi"
    assert counts(q) == {"Email": 3, "Phone": 3, "Chat": 2}


def test_class9_consent_at_100_percent_is_kept_and_an_empty_question_is_listed(
        tmp_path: Path) -> None:
    path = _write(tmp_path, "consent.csv", (
        "Jag samtycker till att delta,Hur nöjd?,Övrigt att tillägga\n"
        "Ja,Bra,\nJa,Dålig,\nJa,Bra,\n"))
    rounds = [read_responses(path, "r1")]
    result, _ = tally(rounds)
    assert counts(question(result, "Jag samtycker")) == {"Ja": 3}
    assert any("ingen har svarat på 'Övrigt att tillägga'" in n for n in result.notes)


def test_class10_identity_columns_are_never_printed(tmp_path: Path) -> None:
    path = _write(tmp_path, "who.csv", (
        "Full Name,Eget navn,Participant ID,Hur nöjd?,Vem är du?\n"
        "Anna Berg,Kari Nordmann,Per Lind,Bra,Anna Berg\n"
        "Olle Ek,Ola Hansen,Eva Holm,Dålig,Olle Ek\n"
        "Sara Lund,Liv Berg,Maja Ek,Bra,Sara Lund\n"))
    result, _ = tally_files(path)
    assert [q.text for q in result.questions] == ["Hur nöjd?"]
    from vastbus_cli.survey.render import render_bytes

    for fmt in ("md", "json", "csv"):
        text = render_bytes(result, fmt).decode("utf-8-sig")
        for name in ("Anna", "Kari", "Per Lind", "Olle", "Sara"):
            assert name not in text


def test_visa_tolkning_says_how_each_question_was_read(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from vastbus_cli.cli.app import app

    path = _write(tmp_path, "t.csv", (
        "Tidstämpel,Vilka insatser? [Utbildning],Vilka insatser? [Handledning],Kommentar,Tom\n"
        "2024-01-01 10:00,Ja,Nej,Bra,\n2024-01-02 10:00,Nej,Ja,,\n2024-01-03 10:00,Ja,Ja,,\n"))
    run = CliRunner().invoke(app, ["tally", str(path), "--visa-tolkning"])
    assert run.exit_code == 0, run.output
    assert ("f1  Vilka insatser? — kolumn B–C; flerval: Utbildning, Handledning; varför: en "
            "kolumn per alternativ, 'Ja' betyder vald; säker") in run.output
    assert "f2  Kommentar — kolumn D; fritext; varför: svar som sällan återkommer; säker" in run.output
    assert "metadata som aldrig räknas eller visas: 'Tidstämpel'" in run.output
    assert "ingen har svarat på 'Tom' (kolumnen är tom)" in run.output


def test_the_library_entry_runs_the_whole_job(tmp_path: Path) -> None:
    from vastbus_cli.survey.job import tally_exports

    path = _write(tmp_path, "t.csv", "Q1_1,Q1_2\nYes,No\nNo,Yes\nYes,Yes\n")
    job = tally_exports([("2024", path)])
    assert job.result is not None and job.problems == []
    assert [(q.text, q.kind) for q in job.result.questions] == [("Q1", "multi")]
    assert counts(job.result.questions[0], "2024") == {"1": 2, "2": 2}
    missing = tally_exports([("2024", tmp_path / "saknas.csv")])
    assert missing.result is None
    assert [p.code for p in missing.problems] == ["oläsbar"]
