"""Failure classes found by scoring real public exports (`benchmarks/score_surveys.py`, the
evaluation set kept outside the repository): each written here in the tool's own layout with
invented respondents, the tally asserted value by value."""

from __future__ import annotations

from pathlib import Path

from tests.survey.conftest import counts, question, tally_files


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


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
