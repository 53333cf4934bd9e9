"""`vastbus template --form`: the generated page, its data and the CLI (no browser here)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml
from reportdata import ROSTER
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.form.build import form_data, form_file_name, render_form
from vastbus_cli.form.layout import split_template
from vastbus_cli.form.rules import FORM_WORDING, form_rules, validate_rules
from vastbus_cli.reports.template import GroupInfo, render_template
from vastbus_cli.vocabulary import ALL

runner = CliRunner()
SKOVDE = GroupInfo("Skövde", "Skövde", "Skaraborg")


def test_layout_pieces_put_back_together_give_the_template() -> None:
    text = render_template(SKOVDE, 2025)
    sections, trailer = split_template(text)
    assert [s.key for s in sections][:4] == ["formatversion", "år", "grupp", "kontakt"]
    assert sections[0].before.startswith("# yaml-language-server: $schema=")
    assert sections[2].children["namn"] == (
        "  # Gruppens namn, exakt som i den delregionala gruppförteckningen.\n")
    # every comment line of the template is in a piece, in order
    pieces = "".join(s.before + "".join(s.children.values()) for s in sections) + trailer
    comments = [line for line in text.splitlines() if line.lstrip().startswith("#")]
    assert [line for line in pieces.splitlines() if line.lstrip().startswith("#")] == comments


def test_rules_carry_validates_codes_and_messages() -> None:
    rules = validate_rules()
    assert rules["notFilled"] == {"code": "ej-ifylld", "severity": "fel",
                                  "message": "{label} är inte ifyllt.",
                                  "hint": "Ersätt mallens exempeltext med er egen uppgift."}
    assert rules["notInteger"]["message"] == "{label} ska vara ett heltal (nu står det {shown})."
    assert rules["choice"]["message"] == "{shown} är inget tillåtet värde för {label}."
    assert rules["negative"]["message"] == "Antalet kan inte vara negativt ({value})."
    assert rules["meetings"]["code"] == "möten-fler-än-planerat"
    assert rules["meetings"]["severity"] == "varning"
    assert rules["privacy"]["code"] == "personnummer"
    assert "{kind}" in rules["privacy"]["message"]
    assert rules["duplicateKey"]["message"] == (
        "Nyckeln '{key}' förekommer två gånger (första gången på rad {line}).")


def test_form_data_has_the_vocabularies_with_swedish_labels() -> None:
    data = form_data(SKOVDE, 2025)
    options = {json.dumps(f["options"], ensure_ascii=False)
               for s in data["sections"] for f in s.get("fields", []) if f["kind"] == "choice"}
    for vocabulary in ALL:
        expected = [[m.value, m.label] for m in vocabulary]
        assert json.dumps(expected, ensure_ascii=False) in options
    by_key = {s["key"]: s for s in data["sections"]}
    assert by_key["grupp"]["locked"] is True
    assert by_key["nyckeltal"]["kind"] == "figures"
    assert by_key["planer_nästa_år"]["kind"] == "texts"
    assert by_key["stöd_från_delregionen"]["textItem"] == "beskrivning"
    meetings = {f["key"]: f for f in by_key["möten"]["fields"]}
    assert meetings["planerade"]["kind"] == "count"
    assert meetings["planerade"]["help"] == "Hur många möten som var planerade, t.ex. 8."
    assert data["fileName"] == "arsberattelse-2025-skovde.yaml"
    # the codes are written unquoted, so each must read back as the same text
    for vocabulary in ALL:
        for code in vocabulary.codes():
            assert yaml.safe_load(f"k: {code}") == {"k": code}


def test_page_is_self_contained() -> None:
    html = render_form(GroupInfo('Grupp "Norr" </script>', "Öckerö", "Göteborg"), 2025)
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"sv\">")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html, re.I)
    assert not re.search(r"https?://", html)
    assert "<link" not in html and "@import" not in html and "url(" not in html
    assert "default-src 'none'" in html
    assert html.count("</script>") == 3  # data, js-yaml, the form; a group name cannot add one
    assert "Grupp &#34;Norr&#34; &lt;/script&gt;" in html
    assert "Årsberättelse 2025 för" in html
    data = json.loads(re.search(r'id="vastbus-data">(.*?)</script>', html, re.S).group(1))
    assert data["group"]["namn"] == 'Grupp "Norr" </script>'


def test_cli_writes_one_form_and_refuses_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "mapp med å" / "skövde.html"
    args = ["template", "--form", "--group", "Skövde", "--municipality", "Skövde",
            "--subregion", "Skaraborg", "--year", "2025", "-o", str(target)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "vastbus-data" in target.read_text("utf-8")
    target.write_text("ifylld", "utf-8")
    again = runner.invoke(app, args)
    assert again.exit_code == 2
    assert "finns redan och skrivs inte över" in again.output
    assert target.read_text("utf-8") == "ifylld"
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    assert "vastbus-data" in target.read_text("utf-8")


def test_cli_writes_one_form_per_roster_group(tmp_path: Path) -> None:
    roster = tmp_path / "grupper.yaml"
    roster.write_text(ROSTER, encoding="utf-8")
    out = tmp_path / "formulär"
    result = runner.invoke(app, ["template", "--form", "--roster", str(roster), "--year", "2025",
                                 "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "arsberattelse-2025-gotene.html", "arsberattelse-2025-skovde.html",
        "arsberattelse-2025-toreboda.html"]
    page = (out / "arsberattelse-2025-toreboda.html").read_text("utf-8")
    assert "Årsberättelse 2025 för Töreboda" in page
    assert '"fileName":"arsberattelse-2025-toreboda.yaml"' in page
    second = runner.invoke(app, ["template", "--form", "--roster", str(roster), "--year", "2025",
                                 "-o", str(out)])
    assert second.exit_code == 2
    assert "finns redan" in " ".join(second.output.split())


def test_form_file_name() -> None:
    assert form_file_name(GroupInfo("Lilla Edet", "Lilla Edet", "Göteborg"), 2026) == (
        "arsberattelse-2026-lilla-edet.html")


def test_script_is_every_file_in_assets_js_joined_in_order() -> None:
    from vastbus_cli.form.build import ASSETS, SCRIPTS, form_script

    files = sorted(p.name for p in (ASSETS / "js").glob("*.js"))
    assert sorted(SCRIPTS) == files  # no file left out, none listed twice
    script = form_script()
    positions = [script.index(f"/* ---- {name} ---- */") for name in SCRIPTS]
    assert positions == sorted(positions)
    assert script.startswith("/* The annual-report form") and script.endswith("})();\n")
    defined = re.findall(r"^function (\w+)", script, re.M)
    assert len(defined) == len(set(defined))  # no function written in two files
    for name in SCRIPTS:  # small enough to read
        assert len((ASSETS / "js" / name).read_text("utf-8").splitlines()) < 250, name
    html = render_form(SKOVDE, 2025)
    assert script in html


def test_every_vendored_script_carries_its_licence_notice_into_the_page() -> None:
    from vastbus_cli.form.build import ASSETS, VENDORED

    vendor = ASSETS / "vendor"
    assert sorted(p.name for p in vendor.glob("*.js")) == sorted(VENDORED)
    html = render_form(SKOVDE, 2025)
    for name, (title, licence) in VENDORED.items():
        notice = (vendor / licence).read_text("utf-8")
        assert notice.startswith("(The MIT License)\n\nCopyright (C) 2011-2015 by Vitaly Puzrin")
        assert "Permission is hereby granted" in notice
        # inside the script element that holds the code, just before the code
        code = (vendor / name).read_text("utf-8")
        start = html.index(f"/*! {title},")
        script = html[html.rindex("<script>", 0, start):html.index("</script>", start)]
        assert notice.strip() in script
        assert script.index(notice.strip()) < script.index(code[:200])
        assert "*/\n" + code[:200] in script


#: What only someone editing the YAML file understands: keys, list syntax, quoting, codes.
YAML_WORDS = re.compile(
    r"""formatversion|\bnyckel(n|ar|arna)?\b|\braden\b|\braderna\b|\brad \d|\[\]|\{\}|- "|"\w+"|"""
    r"""\b[a-zåäö]+_[a-zåäö_]+\b|\bepost\b|\bkommentar"|\d\.\d|FYLL I|mallens""")


def _form_texts() -> list[str]:
    data = form_data(SKOVDE, 2025)
    texts = []
    for section in data["sections"]:
        texts += [section["title"], section["help"]]
        for f in section.get("fields", []):
            texts += [f["label"], f["help"]] + [label for _, label in f.get("options", [])]
    for rule in data["rules"].values():
        texts += [rule["message"], rule["hint"]]
    return texts


def test_what_the_form_shows_has_no_yaml_words_or_codes() -> None:
    found = {text: YAML_WORDS.findall(text) for text in _form_texts() if YAML_WORDS.search(text)}
    # the message about an unreadable file is shown only on opening one, about the file
    found.pop(validate_rules()["notUtf8"]["hint"], None)
    assert found == {}
    html = render_form(SKOVDE, 2025)
    footer = html[html.index('<footer'):html.index('</footer>')]
    assert "formatversion" not in footer and "vastbus" not in footer


def test_form_wording_keeps_validates_codes_and_severities() -> None:
    plain, worded = validate_rules(), form_rules()
    for name in FORM_WORDING:
        source = plain["notFilled" if name == "notChosen" else name]
        assert (worded[name]["code"], worded[name]["severity"]) == (
            source["code"], source["severity"])
    assert worded["duplicateKey"]["message"] == (
        "Nyckeltalet '{key}' finns redan (nyckeltal {first}).")
    assert worded["notFilled"]["message"] == "{label} är inte ifyllt."
