"""The form's e-mail check is `year/addresses.mail_address`, not a looser pattern.

The form used to test `epost` against the schema's pattern only, so `x@evil.example>` passed
in the browser and failed in validate (and would have been a second recipient of a letter).
Its script (`form/assets/js/email.js`) now applies the same rule; it is held to Python's on
one vector list: the cases tests/year/test_addresses.py holds Python to, hostile pieces,
IDN labels in many scripts, and a fixed draw over all of Unicode.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from browser.chromium import Browser
from browser.formpages import EXAMPLES, make_form

from vastbus_cli.reports.validate import validate_paths
from vastbus_cli.year import addresses
from vastbus_cli.year.addresses import AddressError, mail_address

pytestmark = pytest.mark.browser
SAVED = "arsberattelse-2025-skovde.yaml"
REASONS = {addresses.ONE_ADDRESS: "oneAddress", addresses.ASCII_LOCAL: "asciiLocal",
           addresses.BAD_DOMAIN: "badDomain", addresses.IDN_CHANGED: "idnChanged",
           addresses.TOO_LONG: "tooLong"}


def python_reason(text: str) -> str | None:
    try:
        mail_address(text)
    except AddressError as exc:
        return REASONS[exc.reason]
    return None


def vectors() -> list[str]:
    from year import test_addresses as unit

    def marked(test: object) -> list[str]:
        return [case[0] for case in test.pytestmark[0].args[1]]  # type: ignore[attr-defined]

    texts = marked(unit.test_addresses_a_letter_can_go_to)
    texts += marked(unit.test_addresses_refused_with_the_reason)
    texts += ["x@evil.example>", "a@b.se\u00a0", "\u00a0a@b.se", "a@b.se\x1c", "\ufeffa@b.se",
              "a@b.se\u2028", "a@b.se\u3000", "a\u200b@b.se", "a@bäck\u00adebo.se",
              "a@köpenhamn.dk", "a@ÅRE.se", "a@a\u030arе.se", "a@παράδειγμα.gr",
              "a@παράδειγμας.gr", "a@пример.рф", "a@例え.jp", "a@例え。jp.se", "a@ｅｘ.se",
              "a@שלום.il", "a@שלוםa.il", "a@1שלום.il", "a@مثال.eg", "a@مثال1.eg",
              "a@xn--ä.se", "a@ä-.se", "a@-ä.se", "a@ä_b.se", "a@\U0001f600.se",
              "a@" + "ä" * 40 + ".se", "a@" + "ä" * 58 + ".se", "a@" + "äb" * 20 + ".se",
              "a@b.äö", "a@b.xn--p1ai", "a@b.se.", "@b.se", "a@.se", "a@b\u200d.se",
              "a@faſ.de", "a@ﬁ.se", "a@İ.se", "a@ǅ.se", "a@bäckebo.SE", " a@b.se ",
              "a@ǰ.se", "a@jǰ.se"]
    rng = random.Random(26)
    pieces = ["ä", "ö", "å", "ß", "ς", "σ", "é", "\u0301", "\u200c", "ı", "İ", "-", "_", "1",
              "a", "Ä", "ש", "ا", "١", "中", "ｱ", "\u3002", "ǆ", "ǅ", "ﬀ", "\u00ad", "K"]
    for _ in range(400):
        label = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        texts.append(f"namn@{label}.se" if rng.random() < 0.7 else f"namn@b.{label}")
    for _ in range(1500):  # any code point at all, where a label's character stands
        code = rng.randint(0x80, 0x10FFFF)
        if not 0xD800 <= code <= 0xDFFF:
            texts.append(f"a@b{chr(code)}c.se")
    return texts


def test_the_forms_rule_is_pythons_on_shared_vectors(browser: Browser, tmp_path: Path) -> None:
    browser.open(make_form(tmp_path, "Skövde"))
    texts = vectors()
    in_js = browser.js("return arguments[0].map(window.vastbusForm.mailReason);", texts)
    in_python = [python_reason(t) for t in texts]
    differ = [(t, js, py) for t, js, py in zip(texts, in_js, in_python, strict=True) if js != py]
    assert differ == []
    assert in_python.count(None) >= 100 and in_python.count("idnChanged") >= 100
    assert {r for r in in_python if r} == set(REASONS.values())  # every reason tried


def test_an_address_with_a_bracket_is_refused_in_the_forms_words(browser: Browser,
                                                                  tmp_path: Path) -> None:
    browser.open(make_form(tmp_path, "Skövde"))
    source = tmp_path / "skövde.yaml"
    source.write_text((EXAMPLES / SAVED).read_text("utf-8"), encoding="utf-8")
    assert "lästes in" in browser.open_report(source)
    browser.fill("kontakt.epost", "x@evil.example>")
    message = ("”E-post” under Kontakt är ingen adress som e-post kan skickas till (nu står "
               "det 'x@evil.example>').")
    assert browser.messages("kontakt.epost") == [("ogiltigt-värde", message)]
    field = browser.field("kontakt.epost")
    box = browser.driver.find_element("id", f"{field.get_attribute('id')}-msg")
    assert box.text == f"Fel: {message}\n→ {addresses.ONE_ADDRESS}"
    browser.fill("kontakt.epost", "anna@faß.de")
    # as typed: an <input type="email"> in Chromium made it anna@fass.de, another domain
    assert field.get_attribute("value") == "anna@faß.de"
    assert field.get_attribute("type") == "text" and field.get_attribute("inputmode") == "email"
    assert browser.driver.find_element("id", f"{field.get_attribute('id')}-msg").text.endswith(
        f"→ {addresses.IDN_CHANGED}")
    browser.save(SAVED)  # validate says the same of the saved file
    found = validate_paths([browser.downloads / SAVED]).problems
    assert [(p.code, p.hint) for p in found] == [("ogiltigt-värde", addresses.IDN_CHANGED)]
    browser.fill("kontakt.epost", "anna@bäckebo.se")
    assert browser.messages("kontakt.epost") == []
