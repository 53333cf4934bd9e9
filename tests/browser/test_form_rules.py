"""The form's checks say what `vastbus validate` says, at the field it is about.

Validate is the oracle: each scenario saves the form and compares the problems validate
finds in the file with the ones the form shows. Validate checks counts and meetings only
once a file parses, so the rules are tried in groups that it reports together.
"""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest
from browser.chromium import Browser
from browser.formpages import EXAMPLES, make_form, problems_of

from vastbus_cli.privacy import find_identity_numbers, luhn_ok

pytestmark = pytest.mark.browser
SAVED = "arsberattelse-2025-skovde.yaml"


def _open_skovde(browser: Browser, tmp_path: Path, change: tuple[str, str] | None = None) -> None:
    text = (EXAMPLES / SAVED).read_text("utf-8")
    if change:
        assert change[0] in text
        text = text.replace(change[0], change[1], 1)
    source = tmp_path / "skövde.yaml"
    source.write_text(text, encoding="utf-8")
    browser.open(make_form(tmp_path, "Skövde"))
    assert "lästes in" in browser.open_report(source)


def _same_as_validate(browser: Browser) -> dict[str, list[tuple[str, str]]]:
    shown = browser.all_messages()
    browser.save(SAVED)
    found = problems_of(browser.downloads / SAVED)
    assert found, "the scenario must make validate find something"
    # the same problems as validate (by code), in the words on the screen
    assert Counter(code for _, code, _ in found) == Counter(
        code for problems in shown.values() for code, _ in problems)
    return shown


def _coordination_number() -> str:
    """A samordningsnummer (day + 60) with a valid check digit."""
    for last in range(10):
        digits = f"701063239{last}"
        if luhn_ok(digits):
            return f"{digits[:6]}-{digits[6:]}"
    raise AssertionError


def test_type_and_fill_in_rules(browser: Browser, tmp_path: Path) -> None:
    _open_skovde(browser, tmp_path, ("tema: skolfrånvaro", "tema: skolfranvaro"))
    b = browser
    b.fill("möten.planerade", "3,5")
    b.fill("kontakt.epost", "inte-en-adress")
    b.fill("pågående_arbete[2].titel", "FYLL I: något")
    b.fill("goda_exempel[1].titel", "")
    b.fill("nyckeltal[1].tal", "3 och en halv")
    b.fill("avvikelser[1].beskrivning", "Barnet 19121212-1212 fick vänta.")
    b.fill("sammansättning[2].kommentar", f"Kontakt {_coordination_number()}")
    shown = _same_as_validate(b)
    assert shown["möten.planerade"] == [
        ("fel-typ", "”Planerade” under Möten ska vara ett heltal (nu står det '3,5').")]
    assert shown["kontakt.epost"] == [
        ("ogiltigt-värde",
         "”E-post” under Kontakt ser inte ut som en e-postadress (nu står det 'inte-en-adress').")]
    assert shown["pågående_arbete[2].titel"] == [
        ("ej-ifylld", "”Titel” i Pågående arbete 2 är inte ifyllt.")]
    assert shown["goda_exempel[1].titel"] == [
        ("ej-ifylld", "”Titel” i Gott exempel 1 är inte ifyllt.")]
    assert shown["nyckeltal[1].tal"] == [
        ("fel-typ",
         "Nyckeltalet ”Antal SIP-möten” ska vara ett tal (nu står det '3 och en halv').")]
    assert shown["pågående_arbete[1].tema"] == [
        ("ogiltigt-värde",
         "'skolfranvaro' är inget tillåtet värde för ”Tema” i Pågående arbete 1.")]
    privacy = "Texten innehåller något som ser ut som ett {}. Varken"
    assert shown["avvikelser[1].beskrivning"][0][0] == "personnummer"
    assert shown["avvikelser[1].beskrivning"][0][1].startswith(privacy.format("personnummer"))
    assert shown["sammansättning[2].kommentar"][0][1].startswith(
        privacy.format("samordningsnummer"))
    # what the user reads: the label's words, no code, no key
    field = b.field("möten.planerade")
    box = b.driver.find_element("id", f"{field.get_attribute('id')}-msg")
    assert box.text == ("Fel: ”Planerade” under Möten ska vara ett heltal (nu står det '3,5').\n"
                        "→ Skriv talet med siffror, t.ex. 4.")
    # tied to the field for screen readers, and marked invalid
    assert field.get_attribute("aria-invalid") == "true"
    assert f"{field.get_attribute('id')}-msg" in field.get_attribute("aria-describedby").split()
    assert b.field("avvikelser[1].beskrivning").get_attribute("aria-invalid") == "false"


def test_count_and_meeting_rules(browser: Browser, tmp_path: Path) -> None:
    _open_skovde(browser, tmp_path)
    b = browser
    b.fill("möten.genomförda", "12")
    b.fill("sammansättning[1].antal", "-2")
    b.fill("avvikelser[1].antal", "200000")
    b.fill("nyckeltal[2].tal", "2000000000.5")
    shown = _same_as_validate(b)
    assert shown == {
        "möten.genomförda": [("möten-fler-än-planerat",
                              "Fler genomförda möten (12) än planerade (10).")],
        "sammansättning[1].antal": [("negativt-antal", "Antalet kan inte vara negativt (-2).")],
        "avvikelser[1].antal": [("orimligt-tal",
                                 "Antalet 200000 är orimligt stort (gränsen är 100 000).")],
        "nyckeltal[2].tal": [("orimligt-tal",
                              "Nyckeltalet 'Antal ärendedragningar' har ett orimligt värde "
                              "(2000000000.5); gränsen är 1 000 000 000.")],
    }
    # the warning is announced to screen readers when it appears
    b.fill("möten.genomförda", "11")
    announced = b.driver.find_element("id", "announce").get_attribute("textContent")
    assert announced in ("", "Genomförda: Fler genomförda möten (11) än planerade (10).")


def test_decimal_comma_in_a_key_figure(browser: Browser, tmp_path: Path) -> None:
    _open_skovde(browser, tmp_path, ("Antal SIP-möten: 46", "Antal SIP-möten: 4.5"))
    assert browser.field("nyckeltal[1].tal").get_attribute("value") == "4,5"
    browser.fill("nyckeltal[2].tal", "3,5")
    browser.fill("möten.planerade", "3,5")  # a count is still a whole number
    assert list(browser.all_messages()) == ["möten.planerade"]
    saved = browser.save(SAVED)
    assert "  Antal SIP-möten: 4.5\n  Antal ärendedragningar: 3.5\n" in saved
    assert [code for _, code, _ in problems_of(browser.downloads / SAVED)] == ["fel-typ"]


def test_duplicate_key_figure(browser: Browser, tmp_path: Path) -> None:
    _open_skovde(browser, tmp_path)
    browser.fill("nyckeltal[3].namn", "Antal SIP-möten")
    shown = _same_as_validate(browser)
    assert list(shown) == ["nyckeltal[3].namn"]
    assert shown["nyckeltal[3].namn"] == [
        ("dubblettnyckel", "Nyckeltalet 'Antal SIP-möten' finns redan (nyckeltal 1).")]


def test_privacy_guard_in_js_matches_python(browser: Browser, tmp_path: Path) -> None:
    browser.open(make_form(tmp_path, "Skövde"))
    rng = random.Random(12)
    texts = ["19121212-1212", "121212-1212", "20121212+1212", "121212 1212", "1212121212",
             "701063-2391", "18121212-1212", "121312-1212", "120230-1212", "550101-0000",
             "5566778899", "nr 19121212-12120", "-121212-1212", "a121212-1212b"]
    for _ in range(1000):
        # mostly real dates (some as samordningsnummer, some impossible), any check digit
        day = rng.randint(1, 31) + rng.choice([0, 0, 60])
        date = f"{rng.randint(0, 99):02}{rng.randint(1, 13):02}{day:02}"
        century = rng.choice(["", "", "19", "20", "18"])
        digits = f"{century}{date}{rng.randint(0, 9999):04}"
        sep = rng.choice(["", "-", "+", " "])
        cut = len(digits) - 4
        texts.append(f"{rng.choice(['', 'x ', '1', '-'])}{digits[:cut]}{sep}{digits[cut:]}"
                     f"{rng.choice(['', ' y', '5'])}")
    in_js = browser.js("return arguments[0].map(function (t) { return window.vastbusForm"
                       ".identityNumbers(t).map(function (n) { return [n.start, n.text,"
                       " n.coordination, n.checkDigitOk]; }); });", texts)
    in_python = [[[n.start, n.text, n.coordination, n.check_digit_ok] for n in find_identity_numbers(t)]
                 for t in texts]
    assert in_js == in_python
    assert sum(bool(found) for found in in_python) >= 20  # the vectors do hit numbers
    digits = ["".join(rng.choice("0123456789") for _ in range(10)) for _ in range(300)]
    assert browser.js("return arguments[0].map(window.vastbusForm.luhnOk);", digits) == [
        luhn_ok(d) for d in digits]


def _privacy_vectors() -> list[str]:
    """The texts tests/test_privacy.py holds the Python guard to, and a fixed draw from the
    independent generator (tests/idnumbers.py) it is property-tested against."""
    import test_privacy as unit
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from idnumbers import after, check_digit, glue, invalid_numbers, valid_numbers

    def marked(test: object) -> list[object]:
        return list(test.pytestmark[0].args[1])  # type: ignore[attr-defined]

    texts: list[str] = []
    texts += marked(unit.test_real_world_spellings_are_found)
    texts += marked(unit.test_not_a_separator_or_part_of_a_longer_number)
    for short, century, *_ in (marked(unit.test_date_boundaries_that_are_real)
                               + marked(unit.test_date_boundaries_that_are_not)):
        ten = short + "123" + check_digit(short + "123")
        texts.append(f"Barnet {century}{ten[:6]}-{ten[6:]} väntar")
    # digits of other scripts, and characters outside the BMP before a number (positions)
    texts += ["١٢١٢١٢-١٢١٢", "٣050607-1232", "😀 050607-1232 och 😀😀 19121212-1212",
              "𝟎𝟓𝟎𝟔𝟎𝟕-𝟏𝟐𝟑𝟐", "811232-1239 och 050607-1232, sedan 19810161-4562."]

    @settings(max_examples=400, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.lists(st.tuples(glue, st.one_of(valid_numbers(), invalid_numbers()), after),
                    min_size=1, max_size=4))
    def draw(parts: list[tuple[str, object, str]]) -> None:
        texts.append("".join(b + (n if isinstance(n, str) else n.text) + a  # type: ignore[attr-defined]
                             for b, n, a in parts))

    draw()
    return texts


def test_privacy_guard_in_js_matches_python_on_the_guards_own_vectors(
        browser: Browser, tmp_path: Path) -> None:
    browser.open(make_form(tmp_path, "Skövde"))
    texts = _privacy_vectors()
    in_js = browser.js("return arguments[0].map(function (t) { return window.vastbusForm"
                       ".identityNumbers(t).map(function (n) { return [n.start, n.text,"
                       " n.coordination, n.checkDigitOk]; }); });", texts)
    in_python = [[[n.start, n.text, n.coordination, n.check_digit_ok] for n in find_identity_numbers(t)]
                 for t in texts]
    differ = [(t, js, py) for t, js, py in zip(texts, in_js, in_python, strict=True) if js != py]
    assert differ == []
    assert sum(bool(found) for found in in_python) >= 200  # the vectors do hit numbers
    assert sum(not found for found in in_python) >= 50
