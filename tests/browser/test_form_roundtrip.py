"""Each example report opened in the form and saved again validates and compiles the same."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from browser.chromium import Browser
from browser.formpages import EXAMPLES, compile_json, make_form, problems_of

pytestmark = pytest.mark.browser


def test_every_example_round_trips(browser: Browser, tmp_path: Path) -> None:
    reports = sorted(EXAMPLES.glob("arsberattelse-2025-*.yaml"))
    assert len(reports) >= 10
    out = tmp_path / "sparade"
    out.mkdir()
    for other in EXAMPLES.iterdir():  # the roster, the coordinator's intro …
        if other.is_file() and other not in reports:
            shutil.copy(other, out / other.name)
    for report in reports:
        group = yaml.safe_load(report.read_text("utf-8"))["grupp"]
        browser.open(make_form(tmp_path, group["namn"], municipality=group["kommun"]))
        notice = browser.open_report(report)
        assert notice == f"Årsberättelsen {report.name} lästes in.", notice
        assert browser.all_messages() == {}, report.name
        saved = browser.save(report.name)
        assert saved.startswith("# yaml-language-server: $schema=arsberattelse.schema.json\n")
        shutil.copy(browser.downloads / report.name, out / report.name)
        assert problems_of(out / report.name) == [], report.name
    assert compile_json(out, tmp_path / "igen.json") == compile_json(EXAMPLES, tmp_path / "förr.json")


def test_opening_reports_what_the_form_cannot_show(browser: Browser, tmp_path: Path) -> None:
    source = (EXAMPLES / "arsberattelse-2025-skovde.yaml").read_text("utf-8")
    odd = source.replace("möten:\n", "moten: 3\nmöten:\n").replace(
        "  planerade: 10\n", "  planerade: 10\n  inställda: 1\n").replace("år: 2025", "år: 2024").replace(
        "formatversion: 1", "formatversion: 2")
    path = tmp_path / "förra året med fel.yaml"
    path.write_text(odd, encoding="utf-8")
    browser.open(make_form(tmp_path, "Skövde"))
    notice = browser.open_report(path)
    assert ("I filen finns uppgiften 'moten', som formuläret inte har något fält för. "
            "Den kommer inte med när du sparar.") in notice
    assert "I filen finns uppgiften 'möten.inställda'" in notice
    assert "nyckel" not in notice
    assert "Filen gällde år 2024. Formuläret sparar årsberättelsen för 2025." in notice
    assert "Filen är skriven i version 2 av formatet. Formuläret sparar den i version 1." in notice
    saved = browser.save("arsberattelse-2025-skovde.yaml")
    assert "moten" not in saved and "inställda" not in saved
    assert "år: 2025\n" in saved


def test_opening_a_file_that_is_not_yaml_changes_nothing(browser: Browser, tmp_path: Path) -> None:
    path = tmp_path / "trasig.yaml"
    path.write_text("möten:\n  planerade: [\n", encoding="utf-8")
    browser.open(make_form(tmp_path, "Skövde"))
    browser.fill("möten.planerade", "5")
    notice = browser.open_report(path)
    assert notice.startswith("Filen trasig.yaml kunde inte läsas som en årsberättelse:")
    assert "Formuläret är oförändrat." in notice
    assert browser.field("möten.planerade").get_attribute("value") == "5"


def test_windows_file_in_ansi_with_crlf_opens_and_saves_as_utf8(browser: Browser,
                                                                tmp_path: Path) -> None:
    source = (EXAMPLES / "arsberattelse-2025-skovde.yaml").read_text("utf-8")
    path = tmp_path / "från anteckningar.yaml"
    path.write_bytes(source.replace("\n", "\r\n").encode("cp1252"))
    assert problems_of(path)[0][1] == "kodning"  # validate reads it with a warning
    browser.open(make_form(tmp_path, "Skövde"))
    notice = browser.open_report(path)
    assert "Filen är sparad som Windows-1252/ANSI, inte UTF-8" in notice
    assert "sparar den som UTF-8" in notice
    assert browser.field("avvikelser[2].beskrivning").get_attribute("value").startswith(
        "Vid övergången från grundskolan")
    browser.save("arsberattelse-2025-skovde.yaml")
    assert problems_of(browser.downloads / "arsberattelse-2025-skovde.yaml") == []
