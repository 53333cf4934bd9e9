"""A local group fills in the form like a user, saves, and the file validates and compiles."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser.chromium import Browser
from browser.formpages import compile_json, examples_copy, make_form, problems_of
from selenium.webdriver.common.keys import Keys

from vastbus_cli.form import SAVED_BY_FORM
from vastbus_cli.reports.template import GroupInfo, render_template

pytestmark = pytest.mark.browser


def _without_contact(template: str) -> str:
    """The template without the optional contact block, which an empty form leaves out."""
    start = template.index("# Kontakt för frågor")
    end = template.index("\n\n", template.index("kontakt:")) + 2
    return template[:start] + template[end:]


def _without_example_choices(template: str) -> str:
    """The template as the form saves it untouched: the required choices keep the template's
    own placeholder (validate reports them as not filled in), optional ones are left out,
    and the key figures start empty (their help says to leave them empty if there are none)."""
    optional = '    tema: "FYLL I: välj ett tema (valfritt)"\n'  # pågående_arbete, stöd
    assert template.count(optional) == 2
    for required in ('  - kategori: "FYLL I: välj en kategori"\n',
                     '    status: "FYLL I: välj en status"\n',
                     '  - tema: "FYLL I: välj ett tema"\n'):
        assert required in template, required
    figures = 'nyckeltal:\n  Antal SIP-möten: "FYLL I: tal"\n'
    assert figures in template
    return template.replace(optional, "").replace(figures, "nyckeltal: {}\n")


def test_empty_form_saves_the_template_with_no_choice_made(browser: Browser,
                                                          tmp_path: Path) -> None:
    browser.open(make_form(tmp_path, "Skövde"))
    # every choice starts unmade, with a "Välj …" option, except the composition's rows
    selects = browser.js(
        "return Array.from(document.querySelectorAll('#formular select')).map(function (s) {"
        " return [s.dataset.path, s.value, s.options[0].value, s.options[0].text]; });")
    for path, value, first_value, first_text in selects:
        assert first_value == "" and first_text.startswith("Välj ") and first_text.endswith(" …")
        assert (value != "") == path.startswith("sammansättning["), path
    assert ["avvikelser[1].status", "", "", "Välj status …"] in selects
    saved = browser.save("arsberattelse-2025-skovde.yaml")
    template = render_template(GroupInfo("Skövde", "Skövde", "Skaraborg"), 2025)
    # the template's layout, and the form's marker last (letters then speak the form's words)
    assert saved == _without_example_choices(_without_contact(template)) + SAVED_BY_FORM + "\n"
    # and validate says what it says about the blank template: nothing is filled in yet
    codes = {code for _, code, _ in problems_of(browser.downloads / "arsberattelse-2025-skovde.yaml")}
    assert codes == {"ej-ifylld"}
    summary = browser.driver.find_element("id", "summary")
    assert summary.text.startswith("Årsberättelsen har ")
    problems = problems_of(browser.downloads / "arsberattelse-2025-skovde.yaml")
    assert ("fel", "ej-ifylld", "'status' i post 1 under 'avvikelser' är inte ifyllt.") in problems
    assert "Fel: ”Planerade” under Möten är inte ifyllt." in summary.text


def test_a_user_who_only_types_text_reports_no_theme_category_or_status(
        browser: Browser, tmp_path: Path) -> None:
    browser.open(make_form(tmp_path, "Skövde"))
    browser.fill("pågående_arbete[1].titel", "Rutin för skolfrånvaro")
    browser.fill("pågående_arbete[1].beskrivning", "Skola och socialtjänst tillsammans.")
    browser.fill("avvikelser[1].antal", "2")
    browser.fill("avvikelser[1].beskrivning", "Kallelsen kom sent.")
    browser.fill("avvikelser[1].åtgärd", "Rutinen ses över.")
    saved = browser.save("arsberattelse-2025-skovde.yaml")
    assert "sip" not in saved.split("pågående_arbete:")[1].split("# Avvikelser")[0]
    assert "pågående_arbete:\n  - titel: \"Rutin för skolfrånvaro\"\n    beskrivning: " in saved
    assert "status: pågående" not in saved and "kategori: sip" not in saved
    problems = problems_of(browser.downloads / "arsberattelse-2025-skovde.yaml")
    not_chosen = [m for _, code, m in problems if code == "ej-ifylld" and "avvikelser" in m]
    assert not_chosen == ["'kategori' i post 1 under 'avvikelser' är inte ifyllt.",
                          "'status' i post 1 under 'avvikelser' är inte ifyllt."]


def test_user_fills_in_saves_and_the_file_validates_and_compiles(browser: Browser,
                                                                 tmp_path: Path) -> None:
    browser.open(make_form(tmp_path, "Gullspång"))
    b = browser
    b.fill("kontakt.roll", "Ordförande, enhetschef socialtjänsten")
    b.fill("kontakt.epost", "vastbus@gullspang.example.se")
    for i, count in enumerate(["3", "2", "1", "2", "1", "1", "0", "1"]):
        b.fill(f"sammansättning[{i + 1}].antal", count)
    b.fill("sammansättning[8].kommentar", "Fritidsgården: kultur och fritid")
    # the youth clinic does not take part: remove its row (the 7th) with the keyboard
    b.driver.find_element("css selector",
                          'tr[data-row="sammansättning[7]"] button.remove').send_keys(Keys.ENTER)
    assert b.field("sammansättning[7].organisation").get_attribute("value") == "annan"
    assert b.driver.switch_to.active_element == b.field("sammansättning[7].organisation")
    b.fill("möten.planerade", "8")
    b.fill("möten.genomförda", "7")
    b.fill("pågående_arbete[1].titel", "Rutin för skolfrånvaro")
    b.fill("pågående_arbete[1].beskrivning", 'Skola och socialtjänst: en "gemensam" rutin.\nAndra raden.')
    b.choose("pågående_arbete[1].tema", "Problematisk skolfrånvaro")
    b.click('button[data-section="pågående_arbete"]')
    assert b.driver.switch_to.active_element == b.field("pågående_arbete[2].titel")
    b.fill("pågående_arbete[2].titel", "SIP-samordnare")
    b.fill("pågående_arbete[2].beskrivning", "En halvtid stöttar med kallelser.")
    b.choose("avvikelser[1].kategori", "SIP ej kallad eller försenad")
    b.fill("avvikelser[1].antal", "4")
    b.fill("avvikelser[1].beskrivning", "SIP kallades sent.")
    b.fill("avvikelser[1].åtgärd", "Rutinen förtydligad.")
    b.choose("avvikelser[1].status", "Löst")
    b.click('button[data-section="avvikelser"]')
    b.click('fieldset[data-path="avvikelser[2]"] button.remove')  # added by mistake
    b.choose("utvecklingsområden[1].tema", "Problematisk skolfrånvaro")
    b.fill("utvecklingsområden[1].beskrivning", "Tidigare upptäckt av frånvaro.")
    b.fill("kompetensbehov[1].beskrivning", "NPF för nyanställda.")
    b.choose("kompetensbehov[1].tema", "Suicidprevention")
    b.fill("stöd_från_delregionen[1].beskrivning", "Utbildningsdag om SIP")
    b.click('button[data-section="stöd_från_delregionen"]')
    b.fill("stöd_från_delregionen[2].beskrivning", "Driva frågan om väntetider")
    b.choose("stöd_från_delregionen[2].tema", "Tidiga och samordnade insatser")
    b.fill("goda_exempel[1].titel", "Gemensam mottagning")
    b.fill("goda_exempel[1].beskrivning", "Kurator och socialsekreterare på plats samtidigt.")
    b.fill("planer_nästa_år[1]", "Fyra ärendedragningar")
    b.click('button[data-section="nyckeltal"]')
    b.fill("nyckeltal[1].namn", "Antal SIP-möten")
    b.fill("nyckeltal[1].tal", "14")
    b.click('button[data-section="nyckeltal"]')
    b.fill("nyckeltal[2].namn", "Antal ärendedragningar")
    b.fill("nyckeltal[2].tal", "6")
    assert b.all_messages() == {}
    assert b.driver.find_element("id", "draft-status").text.startswith("Sparat utkast i webbläsaren kl.")

    text = b.save("arsberattelse-2025-gullspang.yaml")
    saved = b.downloads / "arsberattelse-2025-gullspang.yaml"
    assert problems_of(saved) == []
    assert '    beskrivning: "Skola och socialtjänst: en \\"gemensam\\" rutin.\\nAndra raden."\n' in text
    assert "  - organisation: ungdomsmottagning" not in text
    assert "  Antal SIP-möten: 14\n  Antal ärendedragningar: 6\n" in text
    assert "# Nyckeltal (valfritt): namn och tal" in text  # the template's comments came along
    summary = b.driver.find_element("id", "summary").text
    assert summary.startswith("Inga problem hittades.")

    folder = examples_copy(tmp_path / "rapporter")
    (folder / saved.name).write_bytes(saved.read_bytes())
    summary_data = compile_json(folder, tmp_path / "s.json")
    assert "Gullspång" in summary_data["groups"]
    assert "Gullspång" not in summary_data["missing"]
    assert "Rutin för skolfrånvaro" in str(summary_data)


def test_composition_is_one_table_of_rows(browser: Browser, tmp_path: Path) -> None:
    browser.open(make_form(tmp_path, "Skövde"))
    table = browser.driver.find_element("css selector", "#avsnitt-4 table.rows")
    heads = [th.text for th in table.find_elements("css selector", "thead th")]
    assert heads == ["Organisation", "Antal", "Kommentar (valfritt)", "Ta bort"]
    rows = table.find_elements("css selector", "tbody tr")
    assert len(rows) == 8
    assert browser.js("return document.querySelectorAll('#avsnitt-4 fieldset').length") == 0
    # one row per organisation, each cell named by it for a screen reader
    antal = browser.field("sammansättning[4].antal")
    assert antal.accessible_name == "Antal för BUP"
    assert browser.field("sammansättning[4].organisation").accessible_name == "Organisation, rad 4"
    height = browser.js("return document.getElementById('avsnitt-4').offsetHeight")
    assert height < 900, height  # eight fieldsets were about 3,000 px
    browser.fill("sammansättning[4].antal", "-1")
    assert browser.messages("sammansättning[4].antal") == [
        ("negativt-antal", "Antalet kan inte vara negativt (-1).")]
    browser.choose("sammansättning[4].organisation", "Primärvård")
    assert antal.accessible_name == "Antal för Primärvård"
    browser.click('button[data-section="sammansättning"]')
    assert browser.field("sammansättning[9].organisation").get_attribute("value") == ""
    assert browser.driver.switch_to.active_element == browser.field("sammansättning[9].organisation")


def test_draft_survives_closing_the_tab(browser: Browser, tmp_path: Path) -> None:
    page = make_form(tmp_path, "Tibro")
    browser.open(page)
    browser.fill("möten.planerade", "6")
    browser.fill("goda_exempel[1].titel", "Halvfärdigt")
    browser.click('button[data-section="planer_nästa_år"]')
    browser.open(page)
    assert browser.field("möten.planerade").get_attribute("value") == "6"
    assert browser.field("goda_exempel[1].titel").get_attribute("value") == "Halvfärdigt"
    assert browser.field("planer_nästa_år[2]").get_attribute("value") == ""
    assert "Ditt sparade utkast från" in browser.driver.find_element("id", "notice").text
    assert "Sparat utkast" in browser.driver.find_element("id", "draft-status").text


def _checked(b: Browser) -> dict[str, list[dict[str, str]]]:
    """Every problem the form finds now (shown or not yet), by the field's place."""
    return b.js("var all = window.vastbusForm.check(), out = {};"
                "Object.keys(all).forEach(function (id) { if (all[id].length) {"
                " out[document.getElementById(id).dataset.path] = all[id]; } }); return out;")


def test_a_group_with_nothing_to_report_leaves_the_lists_empty(browser: Browser,
                                                              tmp_path: Path) -> None:
    """Issue 26 item 17: an untouched example entry is one problem that says how to leave the
    list empty (Ta bort), not one per field; the key figures may be left empty as their help
    says; legends name one entry ("Avvikelse 1"), a point is "ifylld"."""
    b = browser
    b.open(make_form(tmp_path, "Skövde"))
    legends = b.js("return Array.from(document.querySelectorAll('fieldset.entry > legend'))"
                   ".map(function (l) { return l.textContent; });")
    assert legends == ["Pågående arbete 1", "Avvikelse 1", "Utvecklingsområde 1",
                       "Kompetensbehov 1", "Önskemål 1", "Gott exempel 1", "Punkt 1"]
    problems = _checked(b)
    entry = {k: [p["message"] for p in v] for k, v in problems.items()}
    # one problem per untouched entry, on its first field, naming the entry
    assert entry["avvikelser[1].kategori"] == ["Avvikelse 1 under Avvikelser är inte ifylld."]
    assert entry["planer_nästa_år[1]"] == ["Punkt 1 under Planer nästa år är inte ifylld."]
    assert not any(k.startswith(("avvikelser[1].", "goda_exempel[1].")) and not k.endswith(
        (".kategori", ".titel")) for k in entry)
    hints = {p["hint"] for v in problems.values() for p in v if "ifylld" in p["message"]}
    assert hints == {"Fyll i den, eller klicka på Ta bort om ni inte har något att ta upp här."}
    assert not any(k.startswith("nyckeltal") for k in entry)  # starts empty, no problem
    # the group fills in what it must and removes the example entries of the optional lists
    b.fill("möten.planerade", "4")
    b.fill("möten.genomförda", "4")
    for i in range(8):
        b.fill(f"sammansättning[{i + 1}].antal", "1")
    for section in ("pågående_arbete", "avvikelser", "utvecklingsområden", "kompetensbehov",
                    "stöd_från_delregionen", "goda_exempel"):
        b.click(f'fieldset[data-path="{section}[1]"] button.remove')
    b.click('fieldset[data-path="planer_nästa_år[1]"] button.remove')
    assert b.all_messages() == {}
    text = b.save("arsberattelse-2025-skovde.yaml")
    assert "avvikelser: []\n" in text and "nyckeltal: {}\n" in text
    assert problems_of(b.downloads / "arsberattelse-2025-skovde.yaml") == []


def test_an_entry_partly_filled_in_names_each_field_and_offers_ta_bort(
        browser: Browser, tmp_path: Path) -> None:
    b = browser
    b.open(make_form(tmp_path, "Skövde"))
    b.fill("goda_exempel[1].titel", "Gemensam mottagning")
    (missing,) = _checked(b)["goda_exempel[1].beskrivning"]
    assert missing["message"] == "”Beskrivning” i Gott exempel 1 är inte ifyllt."
    assert missing["hint"] == ("Skriv er egen uppgift i fältet, eller ta bort hela posten med "
                               "Ta bort.")
