"""E-mail addresses and telephone numbers never leave in a tally (issue 16, class 10)."""

from __future__ import annotations

import re

import pytest
from formats_read import TALLY_FILE_FORMATS, read_back

from tests.survey.conftest import counts, question, tally_files
from vastbus_cli.contact_details import mask_contact_details
from vastbus_cli.survey.render import render_bytes

CONTACTS = "ms_forms_contacts.csv"
SECRETS = ("anna.andersson", "bo@example", "kalle.k", "samordnare@", "123 45 67", "12 34 56",
           "cecilia@", "dan@")


@pytest.mark.parametrize(("text", "masked", "emails", "phones"), [
    ("Ring mig på 070-123 45 67 tack", "Ring mig på [telefonnummer borttaget] tack", 0, 1),
    ("0701234567", "[telefonnummer borttaget]", 0, 1),
    ("08-123 456 78", "[telefonnummer borttaget]", 0, 1),
    ("031/12 34 56", "[telefonnummer borttaget]", 0, 1),
    ("+46 (0)70-123 45 67", "[telefonnummer borttaget]", 0, 1),
    ("0046 70 123 45 67", "[telefonnummer borttaget]", 0, 1),
    ("+47 912 34 567", "[telefonnummer borttaget]", 0, 1),
    ("+1 (555) 123-4567", "[telefonnummer borttaget]", 0, 1),
    ("+44 20 7946 0958", "[telefonnummer borttaget]", 0, 1),
    ("skriv till anna.b@example.se.", "skriv till [e-postadress borttagen].", 1, 0),
    ("Anna@Example.COM", "[e-postadress borttagen]", 1, 0),
    # left alone: dates, times, identity and organisation numbers, postcodes, amounts
    ("2019-10-07", "2019-10-07", 0, 0),
    ("Möte 08.30-10.00", "Möte 08.30-10.00", 0, 0),
    ("0830-1000", "0830-1000", 0, 0),
    ("19121212-1212", "19121212-1212", 0, 0),
    ("556677-8899", "556677-8899", 0, 0),
    ("411 05 Göteborg", "411 05 Göteborg", 0, 0),
    ("100 000 kr", "100 000 kr", 0, 0),
    ("0,5 timmar", "0,5 timmar", 0, 0),
    ("user@localhost", "user@localhost", 0, 0),
])
def test_contact_details(text: str, masked: str, emails: int, phones: int) -> None:
    assert mask_contact_details(text) == (masked, emails, phones)


def test_free_text_and_headings_are_masked_and_counted_in_warnings() -> None:
    result, problems = tally_files(CONTACTS)
    assert [q.text for q in result.questions] == [
        "Frågor till samordnaren (skicka gärna till [e-postadress borttagen])",
        "Vad vill du ta upp?"]
    assert counts(result.questions[0]) == {"Ja": 3, "Nej": 2}
    free = question(result, "Vad vill du ta upp?").results[0]
    assert [a.text for a in free.answers] == [
        "Ring mig på [telefonnummer borttaget] om SIP",
        "Mejla [e-postadress borttagen] eller [telefonnummer borttaget]",
        "Fler gemensamma utbildningsdagar",
        "Tel. [telefonnummer borttaget], helst förmiddag",
        "Möte kl 08.30-10.00 den 2024-03-12 passar"]
    found = [(p.code, p.message) for p in problems]
    assert found == [
        ("kontaktuppgift", "3 svar innehåller e-postadresser eller telefonnummer. De är "
                           "maskerade i sammanställningen."),
        ("kontaktuppgift", "Kolumnrubriken 'Frågor till samordnaren (skicka gärna till "
                           "[e-postadress borttagen])' innehåller en e-postadress. Det är "
                           "maskerat i sammanställningen.")]


def test_a_column_of_addresses_is_left_out_whatever_its_heading() -> None:
    result, _ = tally_files(CONTACTS)
    assert "Hur kan vi nå dig? (valfritt)" not in [q.text for q in result.questions]
    assert ("kolumnen 'Hur kan vi nå dig? (valfritt)' innehåller e-postadresser och räknas "
            "inte (uppgifter som identifierar de svarande).") in result.notes[0]


@pytest.mark.parametrize("fmt", TALLY_FILE_FORMATS)
def test_no_contact_detail_in_any_format(fmt: str) -> None:
    result, _ = tally_files(CONTACTS, by="Grupp")
    text = read_back(fmt, render_bytes(result, fmt))
    assert "telefonnummer borttaget" in text and "e-postadress borttagen" in text
    assert not [s for s in SECRETS if s in text]
    assert not re.search(r"\w@\w", text)
