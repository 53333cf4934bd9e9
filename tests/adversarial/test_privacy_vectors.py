"""The privacy guard proven with test vectors, through the commands and every output format.

Valid numbers are generated with their Luhn check digit in every way people write
them, and with a wrong one (a typo still identifies a child); the near misses (impossible date, organisation number,
part of a longer digit run) must not be flagged. A flagged number is reported (in
reports: an error; in survey exports: a warning with its position) and never
appears verbatim in anything the tool writes or prints.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from adversarial.corpus import run
from formats_read import SUMMARY_FORMATS, TALLY_FORMATS
from reportdata import ROSTER, VALID, replace_line

from vastbus_cli.privacy import find_identity_numbers, luhn_ok


def check_digit(nine: str) -> str:
    return next(d for d in "0123456789" if luhn_ok(nine + d))


def number(date: str, serial: str = "987") -> str:
    """Ten digits: YYMMDD (from the last six of `date`), serial and a valid check digit."""
    short = date[-6:]
    return short + serial + check_digit(short + serial)


def wrong(date: str, serial: str = "987") -> str:
    right = number(date, serial)
    return right[:-1] + str((int(right[-1]) + 1) % 10)


P = number("811218")              # 8112189876
C = number("811278", "239")       # samordningsnummer: day 18 + 60
LEAP = number("000229", "123")    # 29 Feb 2000
G = number("050607", "123")       # 0506071232
JAN = number("010101", "321")     # 1 January
D61 = number("900161", "654")     # samordningsnummer for 1 January 1990
L04 = number("040289", "456")     # samordningsnummer for 29 February 2004
VALID_FORMS = {
    "YYMMDD-NNNN": f"{P[:6]}-{P[6:]}",
    "YYMMDDNNNN": P,
    "YYYYMMDD-NNNN": f"19{P[:6]}-{P[6:]}",
    "YYYYMMDDNNNN": f"19{P}",
    "YYMMDD+NNNN (100 years)": f"{P[:6]}+{P[6:]}",
    "YYMMDD NNNN": f"{P[:6]} {P[6:]}",
    "YYYYMMDD NNNN": f"19{P[:6]} {P[6:]}",
    "YYMMDD - NNNN": f"{P[:6]} - {P[6:]}",
    "samordningsnummer": f"{C[:6]}-{C[6:]}",
    "samordningsnummer YYYYMMDDNNNN": f"19{C}",
    "2000s": f"20{number('121212', '121')}",
    "29 February leap year": f"20{LEAP[:6]}-{LEAP[6:]}",
    # issue 19: the spellings people type
    "glued to ID-": f"ID-{G[:6]}-{G[6:]}",
    "en dash": f"{P[:6]}\u2013{P[6:]}",
    "em dash": f"{G[:6]}\u2014{G[6:]}",
    "no-break space": f"{P[:6]}\u00a0{P[6:]}",
    "slash": f"{G[:6]}/{G[6:]}",
    "underscore": f"{P[:6]}_{P[6:]}",
    "full stop": f"{G[:6]}.{G[6:]}",
    "spaced en dash, 12 digits": f"20{G[:6]} \u2013 {G[6:]}",
    "January birth": f"{JAN[:6]}-{JAN[6:]}",
    "samordningsnummer day 61": f"{D61[:6]}-{D61[6:]}",
    "leap day 12 digits, samordningsnummer": f"20{L04[:6]}-{L04[6:]}",
    # issue 26 item 18: a wrong check digit is a typo'd number, found all the same
    "wrong check digit": f"{wrong('790512', '345')[:6]}-{wrong('790512', '345')[6:]}",
    "wrong check digit 12 digits": f"19{wrong('790512', '345')}",
}
Q = number("790512", "345")       # the near misses use other digits than the valid forms
NOT_FLAGGED = {
    "day 32": number("811232"),
    "month 13": number("811318"),
    "month 00": number("810018"),
    "day 00": number("811200"),
    "coordination day 92": number("811292"),
    "29 February 1981": f"1981{number('810229')[2:6]}-{number('810229')[6:]}",
    "29 February 1900": f"19{number('000229')}",
    "organisation number (month 20)": number("212000", "014"),
    "organisation number (month 60)": f"{number('556036', '079')[:6]}-{number('556036', '079')[6:]}",
    "in a longer run before": "4" + Q,
    "in a longer run after": Q + "4",
    "12 digits in a longer run": f"119{Q}",
    "century 18": f"18{Q}",
    "phone number": "0500-123456",
    "date": "2025-06-01",
    "29 February 2001, 10 digits": f"{number('010229')[:6]}-{number('010229')[6:]}",
    "samordningsnummer day 60": number("900160"),
    "three hyphens": f"{Q[:6]}---{Q[6:]}",
}


@pytest.mark.parametrize("text", VALID_FORMS.values(), ids=VALID_FORMS.keys())
def test_valid_forms_are_found(text: str) -> None:
    (found,) = find_identity_numbers(f"Gäller barnet {text}, som väntat.")
    assert found.text == text.removeprefix("ID-")  # the letters glued to it stay


@pytest.mark.parametrize("text", NOT_FLAGGED.values(), ids=NOT_FLAGGED.keys())
def test_near_misses_are_not_flagged(text: str) -> None:
    assert list(find_identity_numbers(f"Uppgift {text} i texten")) == []


def _verbatim(text: str, data: bytes) -> bool:
    """Whether `text` (or its digits alone) appears in `data`, inside zip parts too."""
    needles = {text.encode(), "".join(c for c in text if c.isdigit()).encode()}
    parts = [data]
    if data.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = [archive.read(name) for name in archive.namelist()]
    return any(n in part for n in needles for part in parts)


DESCRIPTION = "    beskrivning: Lång väntan på bedömning\n"


@pytest.mark.parametrize("text", VALID_FORMS.values(), ids=VALID_FORMS.keys())
@pytest.mark.parametrize("where", ["value", "comment"])
def test_report_with_identity_number_is_warned_about_without_repeating_it(
        tmp_path: Path, text: str, where: str) -> None:
    line = VALID.split("\n").index(DESCRIPTION.rstrip("\n")) + 1
    if where == "value":
        new = f'    beskrivning: "Lång väntan för {text}"\n'
    else:
        new = DESCRIPTION.rstrip("\n") + f"  # gäller {text}\n"
    outcome = run(tmp_path, {"rapport.yaml": replace_line(VALID, DESCRIPTION, new).encode()},
                  ["validate", "rapport.yaml"])
    assert outcome.code == 0, outcome.output  # a warning (an error with --strict)
    assert f"rapport.yaml:{line}:" in outcome.output and "personnummer" in outcome.output
    assert not _verbatim(text, outcome.output.encode())


def test_near_misses_in_a_report_are_not_flagged(tmp_path: Path) -> None:
    new = "".join(f'    beskrivning: "{" ".join(NOT_FLAGGED.values())}"\n')
    outcome = run(tmp_path, {"rapport.yaml": replace_line(VALID, DESCRIPTION, new).encode()},
                  ["validate", "--strict", "rapport.yaml"])
    assert outcome.code == 0, outcome.output
    assert "personnummer" not in outcome.output


@pytest.mark.parametrize("fmt", SUMMARY_FORMATS)
@pytest.mark.parametrize("text", [VALID_FORMS[k] for k in (
    "YYMMDD-NNNN", "YYYYMMDD NNNN", "glued to ID-", "en dash", "no-break space", "full stop")])
def test_compile_masks_identity_numbers_in_every_format(tmp_path: Path, fmt: str,
                                                        text: str) -> None:
    other = replace_line(VALID, "  namn: Skövde\n", "  namn: Götene\n")
    other = replace_line(other, "  kommun: Skövde\n", "  kommun: Götene\n")
    other = replace_line(other, DESCRIPTION, f'    beskrivning: "Gäller {text}, lång väntan"\n')
    other = replace_line(other, "nyckeltal:\n", f"nyckeltal:  # {text}\n")
    files = {"rapporter/grupper.yaml": ROSTER.encode(), "rapporter/skovde.yaml": VALID.encode(),
             "rapporter/gotene.yaml": other.encode()}
    outcome = run(tmp_path, files, ["compile", "rapporter", "-o", f"ut.{fmt}"])
    assert outcome.code == 0, outcome.output
    assert "rapporter/gotene.yaml:25:" in outcome.output and "personnummer" in outcome.output
    assert outcome.created == {f"ut.{fmt}"}
    written = (tmp_path / f"ut.{fmt}").read_bytes()
    assert _verbatim("lång väntan", written)  # the description is there, the number is not
    assert not _verbatim(text, written)
    assert not _verbatim(text, outcome.output.encode())
    strict = run(tmp_path / "strikt", files, ["validate", "--strict", "rapporter"])
    assert strict.code == 1


SURVEY_HEADING = f"Fungerar SIP för {VALID_FORMS['YYYYMMDD-NNNN']}?"


def _export() -> bytes:
    rows = [["Vilken grupp?", SURVEY_HEADING, "Kommentar"]]
    rows += [["Skövde", "Ja", f"Gäller {text}."] for text in VALID_FORMS.values()]
    rows += [["Götene", "Nej", f"Uppgift {text}."] for text in NOT_FLAGGED.values()]
    return "\r\n".join(";".join(row) for row in rows).encode() + b"\r\n"


@pytest.mark.parametrize("fmt", TALLY_FORMATS)
def test_tally_masks_answers_and_headings_in_every_format(tmp_path: Path, fmt: str) -> None:
    args = ["tally", "svar.csv"] + (["-o", f"ut.{fmt}"] if fmt != "table" else [])
    outcome = run(tmp_path, {"svar.csv": _export()}, args)
    assert outcome.code == 0, outcome.output
    written = (tmp_path / f"ut.{fmt}").read_bytes() if fmt != "table" else b""
    for text in [*VALID_FORMS.values(), SURVEY_HEADING.split()[-1].rstrip("?")]:
        assert not _verbatim(text, written), text
        assert not _verbatim(text, outcome.output.encode()), text
    # answers are warned about on their line, the heading on line 1, at their column
    assert "svar.csv:1:2  varning  personnummer" in outcome.output
    for line in range(2, 2 + len(VALID_FORMS)):
        assert f"svar.csv:{line}:3  varning  personnummer" in outcome.output
    shown = outcome.output.encode() if fmt == "table" else written
    for text in NOT_FLAGGED.values():
        if text == NOT_FLAGGED["phone number"]:  # no identity number, but masked as a phone
            assert not _verbatim(text, shown), text  # number (contact_details.py, issue 16)
            continue
        assert _verbatim(text, shown), text


def _number_export() -> bytes:
    rows = [["Vilken grupp?", "Antal barn", "Nummer"],
            ["Skövde", "3", P], ["Götene", "5", G], ["Lerum", "4", f"19{P}"]]
    return "\r\n".join(";".join(row) for row in rows).encode() + b"\r\n"


@pytest.mark.parametrize("fmt", TALLY_FORMATS)
def test_a_numeric_column_of_identity_numbers_is_never_averaged_or_printed(
        tmp_path: Path, fmt: str) -> None:
    args = ["tally", "svar.csv"] + (["-o", f"ut.{fmt}"] if fmt != "table" else [])
    outcome = run(tmp_path, {"svar.csv": _number_export()}, args)
    assert outcome.code == 0, outcome.output
    written = (tmp_path / f"ut.{fmt}").read_bytes() if fmt != "table" else b""
    # no answer, and no sum, mean or median of them (the median is P itself)
    for digits in (P, G, f"19{P}", str(int(P) + int(G) + int(f"19{P}")),
                   str((int(P) + int(G) + int(f"19{P}")) // 3)):
        spaced = f"{int(digits):,}".replace(",", " ")  # as the terminal prints a number
        for shown in (outcome.output.encode(), written):
            assert not _verbatim(digits, shown), digits
            assert not _verbatim(spaced, shown), spaced
    # one warning for the column, at its first answer, saying what happens
    assert outcome.output.count("personnummer  ") == 1, outcome.output
    assert "svar.csv:2:3  varning  personnummer" in outcome.output
    assert "behandlas som personuppgifter" in outcome.output


def test_a_mean_that_is_an_identity_number_is_not_printed(tmp_path: Path) -> None:
    # neither is one (months 92 and 32), their mean is P
    low, high = str(int(P) - 20_000_000), str(int(P) + 20_000_000)
    assert not list(find_identity_numbers(low)) and not list(find_identity_numbers(high))
    export = f"Grupp;Antal\r\nA;{low}\r\nB;{high}\r\n".encode()
    outcome = run(tmp_path, {"svar.csv": export}, ["tally", "svar.csv", "-o", "ut.json"])
    assert outcome.code == 0, outcome.output
    written = (tmp_path / "ut.json").read_text()
    assert P not in written and low not in written
    assert '"stats": null' in written
    assert outcome.output.count("varning  personnummer") == 1
