"""Metadata columns in every language the tools export, and stray NUL bytes (issue 16, 8 and 9)."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from tests.survey.conftest import FIXTURES, counts, question, tally_files
from vastbus_cli.cli import app
from vastbus_cli.survey.readers import read_responses
from vastbus_cli.survey.readers.metadata import is_metadata

LANGUAGES = ["no", "da", "fi", "de", "fr", "es", "nl", "en"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_localised_google_forms_metadata_is_never_tallied(lang: str) -> None:
    """Class 8: timestamps, e-mail addresses, quiz scores and names, in each language."""
    name = f"google_forms_{lang}.csv"
    responses = read_responses(FIXTURES / name, "r1")
    assert responses.layout.name == "Google Forms (en kolumn per fråga)"
    result, problems = tally_files(name)
    assert [q.text for q in result.questions] == ["Fungerar samverkan?", "Kommentar"]
    assert counts(question(result, "Fungerar samverkan?")) == {"Ja": 3, "Nej": 1}
    comment = question(result, "Kommentar").results[0]
    assert (comment.answered, comment.missing) == (2, 2)
    assert [a.text for a in comment.answers] == ["Bra möten", "För få deltagare"]
    assert result.rounds[0].respondents == 4
    assert problems == []


def test_blank_first_row_is_still_google_forms_and_metadata_is_listed_under_verbose() -> None:
    run = CliRunner().invoke(app, ["tally", str(FIXTURES / "google_forms_no.csv"), "-v"])
    assert run.exit_code == 0, run.output
    assert ("format: Google Forms (en kolumn per fråga); metadata som aldrig räknas eller "
            "visas: 'Tidsmerke', 'E-postadresse', 'Poengsum', 'Navn'") in run.output
    assert "person1@example.org" not in run.output
    quiet = CliRunner().invoke(app, ["tally", str(FIXTURES / "google_forms_no.csv")])
    assert "metadata" not in quiet.output and "person1" not in quiet.output


@pytest.mark.parametrize("heading", [
    # Swedish, Norwegian, Danish, Finnish, English, German, French, Spanish, Dutch
    "Tidstämpel", "E-postadress", "Svars-ID", "IP-adress", "Förnamn", "Efternamn",
    "Tidsmerke", "E-postadresse", "Starttidspunkt", "Fullføringstidspunkt", "Navn",
    "Tidsstempel", "E-mailadresse", "Tidspunkt for fuldførelse",
    "Aikaleima", "Sähköpostiosoite", "Aloitusaika", "Valmistumisaika", "Nimi",
    "Timestamp", "Email Address", "CollectorID", "Collector ID", "RespondentID", "ResponseId",
    "LocationAccuracy", "LocationLatitude", "IP Address", "Custom Data 1",
    "Zeitstempel", "E-Mail-Adresse", "Startzeit", "Vorname", "Nachname", "IP-Adresse",
    "Horodateur", "Adresse e-mail", "Heure de début", "Prénom", "Nom",
    "Marca temporal", "Dirección de correo electrónico", "Hora de inicio", "Nombre",
    "Apellidos", "Tijdstempel", "E-mailadres", "Begintijd", "Voornaam", "Achternaam",
    "Duration (in seconds)", "submitdate", "Datum inskickat",
])
def test_metadata_headings(heading: str) -> None:
    assert is_metadata(heading)


@pytest.mark.parametrize("heading", [
    "Grupp", "Vilken tid passar dig?", "Har du fått e-post om mötet?", "Kommentar",
    "Hur nöjd är du?", "Ålder", "Q1", "Tid för möten", "Vilket namn ska gruppen ha?",
])
def test_questions_are_not_metadata(heading: str) -> None:
    assert not is_metadata(heading)


def test_nul_bytes_are_read_with_a_warning_naming_the_line() -> None:
    """Class 9: a SurveyMonkey export with NUL bytes is read, not refused as binary."""
    result, problems = tally_files("surveymonkey_nul.csv")
    assert [(p.code, p.line, p.column, p.severity.value) for p in problems] == [
        ("styrtecken", 4, 10, "varning")]
    assert problems[0].message == (
        "Rad 4 innehåller osynliga styrtecken (till exempel NUL-tecken) som inte hör till "
        "något svar. De har tagits bort och svaren räknas ändå.")
    assert result.rounds[0].respondents == 4  # the line of NUL bytes alone is no respondent
    satisfied = question(result, "Hur nöjd är du med samverkan?")
    assert satisfied.kind == "single"
    assert counts(satisfied) == {"Nöjd": 3, "Missnöjd": 1}
    better = question(result, "Vad kan bli bättre?").results[0]
    assert [a.text for a in better.answers] == ["Fler möten", "Tydligare protokoll"]
    assert (better.answered, better.missing) == (2, 2)


def test_a_binary_file_is_still_refused(tmp_path) -> None:
    path = tmp_path / "svar.csv"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    responses = read_responses(path, "r1")
    assert [p.code for p in responses.problems] == ["inte-csv"]
