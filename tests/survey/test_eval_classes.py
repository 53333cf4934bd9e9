"""Failure classes found by scoring real public exports (`benchmarks/score_surveys.py`, the
evaluation set kept outside the repository): each written here in the tool's own layout with
invented respondents, the tally asserted value by value."""

from __future__ import annotations

from pathlib import Path

from tests.survey.conftest import counts, question, tally_files
from tests.survey.test_layers import _write


def test_a_surveymonkey_export_resaved_by_pandas_keeps_its_option_columns(tmp_path: Path) -> None:
    # `pd.read_csv(...).to_csv(...)` names each blank heading "Unnamed: N" and adds an index
    path = _write(tmp_path, "sm_pandas.csv", (
        ",Are you a member?,Which channels do you use? Check all that apply.,Unnamed: 3,"
        "Unnamed: 4,How would you rate the newsletter?\n"
        "0,Response,Website,E-mail,Podcast,Response\n"
        "1,Yes,Website,E-mail,,Good\n2,No,,E-mail,Podcast,Poor\n3,Yes,Website,,,Good\n"
        "4,Yes,,,,Fair\n"))
    result, _ = tally_files(path)
    assert [(q.text, q.kind) for q in result.questions] == [
        ("Are you a member?", "single"),
        ("Which channels do you use? Check all that apply.", "multi"),
        ("How would you rate the newsletter?", "single")]
    channels = question(result, "Which channels")
    assert counts(channels) == {"Website": 2, "E-mail": 2, "Podcast": 1}
    assert channels.result("r1", None).answered == 3
    assert counts(question(result, "How would you rate")) == {"Good": 2, "Poor": 1, "Fair": 1}


def test_a_second_header_row_block_of_ja_nein_with_a_sonstiges_box_is_one_multi(
        tmp_path: Path) -> None:
    # a LimeSurvey export laid out again in Excel (German, ';'): the question above its first
    # column, the options in the second row, "Sonstiges" the typed other-box
    path = _write(tmp_path, "relaid.csv", (
        "Welchen Hintergrund haben Sie?;;;;Wie oft nutzen Sie Modelle?;\n"
        "Maschinenbau;Informatik;Physik;Sonstiges;Kommunikation;Dokumentation\n"
        "Ja;Nein;Nein;;selten;oft\nNein;Ja;Nein;Psychologie;oft;oft\nJa;Ja;Nein;;oft;selten\n"
        "Nein;Nein;Nein;;selten;selten\n"))
    result, _ = tally_files(path)
    assert [(q.text, q.kind) for q in result.questions] == [
        ("Welchen Hintergrund haben Sie?", "multi"),
        ("Wie oft nutzen Sie Modelle? [Kommunikation]", "single"),
        ("Wie oft nutzen Sie Modelle? [Dokumentation]", "single")]
    multi = question(result, "Welchen Hintergrund")
    assert counts(multi) == {"Maschinenbau": 2, "Informatik": 2, "Physik": 0, "Sonstiges": 1}
    assert multi.result("r1", None).answered == 3


def test_seven_long_options_one_chosen_once_are_a_single_choice(tmp_path: Path) -> None:
    # SurveyMonkey's expanded layout: a career stage asked with long options; 36 respondents
    options = {
        "Established faculty member / group leader (5 or more years from appointment)": 12,
        "Early-career faculty member / group leader (less than 5 years from appointment)": 8,
        "Postdoctoral researcher or research fellow on a fixed-term contract": 6,
        "Doctoral student enrolled in a PhD programme at a university": 4,
        "Research staff (technician, data manager or scientific programmer)": 3,
        "Non-academic position in industry, government or a non-profit": 2,
        "Undergraduate or masters student doing a research project": 1,
    }
    lines = ["Respondent ID,What is your current career status?", ",Response"]
    respondent = 100
    for text, n in options.items():
        for _ in range(n):
            respondent += 1
            lines.append(f'{respondent},"{text}"')
    path = _write(tmp_path, "career.csv", "\n".join(lines) + "\n")
    result, _ = tally_files(path)
    career = question(result, "What is your current career status?")
    assert career.kind == "single"
    assert counts(career) == options
    assert career.result("r1", None).answered == 36


_LIME_FR_HEAD = (
    "ID de la réponse,Date de soumission,Dernière page,Langue de départ,Tête de série,"
    "Adresse IP,URL référente,"
    "Quel appareil utilisez-vous ? [Ordinateur portable / Laptop],"
    "Quel appareil utilisez-vous ? [Téléphone intelligent / Smart phone],"
    "Quel appareil utilisez-vous ? [Tablette / Tablet],"
    "Quels problèmes rencontrez-vous ? [Retards],Quels problèmes rencontrez-vous ? [Coupures],"
    "Quels problèmes rencontrez-vous ? [Autre],"
    "Comment évaluez-vous les applications ? [Youtube],"
    "Comment évaluez-vous les applications ? [Zoom],Temps total :\n")


def test_a_french_limesurvey_export_leaves_out_its_metadata_and_keeps_its_options(
        tmp_path: Path) -> None:
    # LimeSurvey "full headings" export in French: its own columns are metadata; an option
    # naming a phone is an option, not a phone number; "[Autre]" holding Oui/Non is an option
    path = _write(tmp_path, "lime_fr.csv", _LIME_FR_HEAD + (
        "11,2022-08-22 13:52:28,1,fr,1503249853,10.1.2.3,,Oui,Oui,Non,Oui,Non,Non,Bon,Bon,611.2\n"
        "12,2022-08-22 14:02:11,1,fr,668450572,10.1.2.4,https://example.org/,Non,Oui,Non,"
        "Oui,Oui,Oui,Mauvais,Bon,402.9\n"
        "13,2022-08-22 15:11:40,1,fr,93311871,10.1.2.5,,Non,Oui,Oui,Non,Non,Non,Bon,Excellent,"
        "733.0\n"
        "14,2022-08-23 09:30:02,1,fr,1201955,10.1.2.6,,Oui,Non,Non,Non,Oui,Non,Excellent,Bon,"
        "190.4\n"))
    result, _ = tally_files(path)
    assert [(q.text, q.kind) for q in result.questions] == [
        ("Quel appareil utilisez-vous ?", "multi"),
        ("Quels problèmes rencontrez-vous ?", "multi"),
        ("Comment évaluez-vous les applications ? [Youtube]", "single"),
        ("Comment évaluez-vous les applications ? [Zoom]", "single")]
    devices = question(result, "Quel appareil")
    assert counts(devices) == {"Ordinateur portable / Laptop": 2,
                               "Téléphone intelligent / Smart phone": 3, "Tablette / Tablet": 1}
    assert devices.result("r1", None).answered == 4
    problems = question(result, "Quels problèmes")
    assert counts(problems) == {"Retards": 2, "Coupures": 2, "Autre": 1}
    assert problems.result("r1", None).answered == 3
    assert counts(question(result, "Comment évaluez-vous les applications ? [Youtube]")) == {
        "Bon": 2, "Mauvais": 1, "Excellent": 1}


def test_a_limesurvey_code_and_text_export_with_full_answers_and_a_personal_code(
        tmp_path: Path) -> None:
    # LimeSurvey's "question code & question text" headings with full answers (Yes/No, not
    # Y/N); a personal code the study asks for (to link answers) is identity, never printed
    head = ("id. Response ID,submitdate. Date submitted,lastpage. Last page,"
            "startlanguage. Start language,"
            "Code[SQ001]. Please create a personal code. [First letter of your mother's name],"
            "Code[SQ002]. Please create a personal code. [Whole code],"
            '"Act[SQ001]. In the hour before, I have (choose all applicable) [read a book]",'
            '"Act[SQ002]. In the hour before, I have (choose all applicable) [went for a walk]",'
            '"Act[SQ003]. In the hour before, I have (choose all applicable) [cooked a meal]",'
            "Mood. Right now I feel,Ref. Your reference\n")
    rows = [
        ("21", "2024-01-01 18:17:56", "8", "en", "A", "A1BC22", "Yes", "No", "No", "Good",
         "K7QX31"),
        ("22", "2024-01-01 18:26:19", "8", "en", "E", "E4EO20", "No", "Yes", "Yes", "Good",
         "T2LM09"),
        ("23", "2024-01-02 09:02:44", "8", "en", "M", "M9AP23", "Yes", "Yes", "No", "Bad",
         "R5ZN14"),
        ("24", "2024-01-02 10:11:05", "8", "en", "N", "N3EH18", "No", "No", "No", "Good",
         "B8WD27"),
    ]
    more = [(str(30 + i), f"2024-01-0{3 + i % 5} 11:00:0{i % 10}", "8", "en", "L",
             f"L{i % 10}AB{10 + i}", "No", "Yes", "No", "Bad", f"Q{i % 10}XY{40 + i}")
            for i in range(8)]
    path = _write(tmp_path, "lime_codes.csv", head + "".join(
        ",".join(r) + "\n" for r in rows + more))
    result, _ = tally_files(path)
    assert [(q.text, q.kind) for q in result.questions] == [
        ("In the hour before, I have (choose all applicable)", "multi"),
        ("Right now I feel", "single")]
    act = question(result, "In the hour before")
    assert counts(act) == {"read a book": 2, "went for a walk": 10, "cooked a meal": 1}
    assert act.result("r1", None).answered == 11
    assert counts(question(result, "Right now I feel")) == {"Good": 3, "Bad": 9}


def test_limesurvey_multiple_choice_with_comments_is_one_multi_and_its_boxes(
        tmp_path: Path) -> None:
    # "Multiple choice with comments", full headings: each option column (Oui/Non) is followed
    # by its [Commentaire] box
    stem = "Avez-vous déjà mesuré la vitesse ? Quel outil ?"
    path = _write(tmp_path, "lime_comments.csv", (
        f"{stem} [Oui / Yes],{stem} [Commentaire],{stem} [Non / No],{stem} [Commentaire],"
        "Genre [Masculin],Genre [Féminin]\n"
        "Oui,fast.com,Non,,Oui,Non\nNon,,Oui,jamais,Non,Oui\nOui,speedtest,Non,,Non,Oui\n"
        "Non,,Non,,Oui,Non\n"))
    result, _ = tally_files(path)
    assert [(q.text, q.kind) for q in result.questions] == [
        (stem, "multi"), (f"{stem} [Commentaire]", "text"), (f"{stem} [Commentaire]", "text"),
        ("Genre", "multi")]
    measured = result.questions[0]
    assert counts(measured) == {"Oui / Yes": 2, "Non / No": 1}
    assert measured.result("r1", None).answered == 3
    assert result.questions[1].result("r1", None).answered == 2


def test_a_limesurvey_other_box_keeps_the_label_its_heading_gives(tmp_path: Path) -> None:
    path = _write(tmp_path, "lime_other.csv", (
        "submitdate. Date submitted,Act[SQ001]. Today I have [read],Act[SQ002]. Today I have "
        "[walked],Act[other]. Today I have [Other]\n"
        "2024-01-01,Y,,\n2024-01-02,,Y,napped\n2024-01-03,Y,Y,\n"))
    result, _ = tally_files(path)
    assert counts(question(result, "Today I have")) == {"read": 2, "walked": 2, "Other": 1}


def test_typeform_columns_under_a_blank_top_cell_end_where_the_options_end(
        tmp_path: Path) -> None:
    # Typeform's export laid out with a second header row: the multi-select's title over its
    # first option; the one-column questions after it have a blank top cell too
    path = _write(tmp_path, "typeform.csv", (
        ",Which sources do you use?,,,,,Which operating system?,,\n"
        "#,Anaconda,Source,Binaries,Other,Which version do you use?,Linux,macOS,"
        "How often do you use Python?\n"
        "a1b2,Anaconda,,Binaries,,2.4 (2018),Linux,,Often\n"
        "c3d4,,Source,,pip,2.4 (2018),,macOS,Often\n"
        "e5f6,Anaconda,Source,,,2.3 (2017),Linux,macOS,Rarely\n"
        "g7h8,,,Binaries,,2.4 (2018),,macOS,Sometimes\n"))
    # the heading row's labels are cleaned ("Build  from source" with two spaces is one label)
    spaced = _write(tmp_path, "typeform_spaced.csv", (
        ",Which sources do you use?,,,\n"
        "#,Anaconda,Build  from source,Binaries,Which version do you use?\n"
        "a1b2,Anaconda,,Binaries,2.4 (2018)\nc3d4,,Build  from source,,2.4 (2018)\n"
        "e5f6,Anaconda,Build  from source,,2.3 (2017)\n"))
    spaced_result, _ = tally_files(spaced)
    assert [(q.text, q.kind) for q in spaced_result.questions] == [
        ("Which sources do you use?", "multi"), ("Which version do you use?", "single")]
    assert counts(spaced_result.questions[0]) == {
        "Anaconda": 2, "Build from source": 2, "Binaries": 1}
    result, _ = tally_files(path)
    assert [(q.text, q.kind) for q in result.questions] == [
        ("Which sources do you use?", "multi"), ("Which version do you use?", "single"),
        ("Which operating system?", "multi"), ("How often do you use Python?", "single")]
    sources = question(result, "Which sources")
    assert counts(sources) == {"Anaconda": 2, "Source": 2, "Binaries": 2, "Other": 1}
    assert sources.result("r1", None).answered == 4
    assert counts(question(result, "Which version")) == {"2.4 (2018)": 3, "2.3 (2017)": 1}
