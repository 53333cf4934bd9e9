"""`vastbus rollup --intro/--conclusions/--recipient/--sender/--reference-number`.

The regional document goes to the regional steering group as it is written: the regional
coordinator's introduction and conclusions stand where `compile` puts a sub-region's
(read by the same code, `coordinator_texts.read_texts`), and the title page names the
recipient, the sender and the reference number. The examples are split into three
sub-regions (`subregions.py`) and each compiled to JSON, as in test_rollup.py.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import load_workbook
from subregions import SUBREGIONS, split
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.reports.coordinator_texts import read_own_text

runner = CliRunner()
DATE = "2026-05-20"
INTRO = """Den regionala samordnaren lämnar här sammanställningen för **2025**.

## Året i korthet

- Tre delregioner har lämnat sin sammanställning.
- Fler grupper än förra året har kallat till SIP.
"""
#: CRLF, as a Windows editor saves it; line 4 holds a personnummer at column 22.
CONCLUSIONS = ("Den regionala samordnaren föreslår att styrgruppen\r\n\r\n"
               "1. lyfter SIP som möjligt **systemfel**,\r\n"
               "2. följer upp barnet 811218-9876 särskilt.\r\n")
FACTS = ["--recipient", "Regionala styrgruppen för Västbus, VGR",
         "--sender", "Regional samordnare för Västbus", "--reference-number", "VGR 2026/77"]


@pytest.fixture(scope="module")
def parts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("texter å")
    folders = split(tmp)
    # a sub-region with its own introduction: it is that sub-region's, not the region's
    (folders["Norra Skaraborg"] / "inledning.md").write_text("Norra Skaraborgs egen inledning.",
                                                            encoding="utf-8")
    files = [tmp / f"{name}.json" for name in SUBREGIONS]
    for path, name in zip(files, SUBREGIONS, strict=True):
        result = runner.invoke(app, ["compile", str(folders[name]), "--date", DATE,
                                     "-o", str(path)])
        assert result.exit_code == 0, result.output
    assert json.loads(files[0].read_text(encoding="utf-8"))["intro"] == \
        "Norra Skaraborgs egen inledning."
    texts = tmp / "regional text"
    texts.mkdir()
    (texts / "inledning.md").write_text(INTRO, encoding="utf-8")
    (texts / "slutsatser.md").write_bytes(CONCLUSIONS.encode("utf-8"))
    return {"files": [str(f) for f in files], "tmp": tmp,
            "intro": str(texts / "inledning.md"), "conclusions": str(texts / "slutsatser.md")}


def rollup(parts: dict[str, Any], *args: str) -> Any:
    return runner.invoke(app, ["rollup", *parts["files"], "--date", DATE, *args])


def with_texts(parts: dict[str, Any]) -> list[str]:
    return ["--intro", parts["intro"], "--conclusions", parts["conclusions"], *FACTS]


def test_markdown_title_facts_intro_and_conclusions_in_place(parts: dict[str, Any]) -> None:
    result = rollup(parts, *with_texts(parts))
    assert result.exit_code == 0, result.output
    md = result.stdout
    lines = md.splitlines()
    assert lines[2:8] == ["- Till: Regionala styrgruppen för Västbus, VGR",
                          "- Delregioner: Norra Skaraborg, Södra Skaraborg och Västra Skaraborg",
                          "- Verksamhetsår: 2025", "- Datum: 20 maj 2026",
                          "- Diarienummer: VGR 2026/77",
                          "- Från: Regional samordnare för Västbus"]
    intro = lines.index("## Inledning") - 1
    assert lines[intro:intro + 8] == ["", "## Inledning", "",
                           "Den regionala samordnaren lämnar här sammanställningen för **2025**.",
                           "", "### Året i korthet", "",
                           "- Tre delregioner har lämnat sin sammanställning."]
    h2 = [line for line in lines if line.startswith("## ")]
    # decisions first: the Sammanfattning and the proposals, then the introduction
    assert h2[:5] == ["## Sammanfattning", "## Slutsatser och rekommendationer",
                      "## Inledning", "## Det delregionerna lyfter till regional nivå",
                      "## Regionala totaler (Norra Skaraborg, Södra Skaraborg och Västra Skaraborg)"]
    at = lines.index("## Slutsatser och rekommendationer")
    assert lines[at:at + 6] == ["## Slutsatser och rekommendationer", "",
                                "Den regionala samordnaren föreslår att styrgruppen", "",
                                "1. lyfter SIP som möjligt **systemfel**,",
                                "2. följer upp barnet [personnummer borttaget] särskilt."]
    assert "811218" not in md
    assert "Norra Skaraborgs egen inledning" not in md


def test_identity_number_in_the_conclusions_is_warned_at_its_place_and_masked(
        parts: dict[str, Any]) -> None:
    out = parts["tmp"] / "maskerad.docx"
    result = rollup(parts, *with_texts(parts), "-o", str(out))
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert (f"{parts['conclusions']}:4:22 varning personnummer Texten innehåller något som ser "
            "ut som ett personnummer.") in said
    assert "Det är maskerat i sammanställningen." in said
    assert "→ Ta bort numret och beskriv händelsen utan personuppgifter." in said
    assert "1 varning." in said
    assert "Den regionala sammanställningen skrevs till" in said
    texts = [p.text for p in docx.Document(str(out)).paragraphs]
    assert "2.\tföljer upp barnet [personnummer borttaget] särskilt." in texts
    assert not any("811218" in t for t in texts)


def test_word_title_page_sections_and_properties(parts: dict[str, Any]) -> None:
    out = parts["tmp"] / "region.docx"
    result = rollup(parts, *with_texts(parts), "-o", str(out))
    assert result.exit_code == 0, result.output
    doc = docx.Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert texts[2:8] == ["Till: Regionala styrgruppen för Västbus, VGR",
                          "Delregioner: Norra Skaraborg, Södra Skaraborg och Västra Skaraborg",
                          "Verksamhetsår: 2025", "Datum: 20 maj 2026",
                          "Diarienummer: VGR 2026/77", "Från: Regional samordnare för Västbus"]
    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert h1[:5] == ["Sammanfattning", "Slutsatser och rekommendationer", "Inledning",
                      "Det delregionerna lyfter till regional nivå",
                      "Regionala totaler (Norra Skaraborg, Södra Skaraborg och Västra Skaraborg)"]
    intro = texts.index("Inledning", 8)  # the heading after the contents
    assert texts[intro + 1:intro + 5] == [
        "Den regionala samordnaren lämnar här sammanställningen för 2025.", "Året i korthet",
        "Tre delregioner har lämnat sin sammanställning.",
        "Fler grupper än förra året har kallat till SIP."]
    para = doc.paragraphs[intro + 1]
    assert [r.text for r in para.runs if r.bold] == ["2025"]
    assert doc.paragraphs[intro + 2].style.name == "Heading 2"
    at = texts.index("Slutsatser och rekommendationer")  # before the contents and intro
    assert at < texts.index("Innehåll") < intro
    assert texts[at + 1:at + 3] == ["Den regionala samordnaren föreslår att styrgruppen",
                                    "1.\tlyfter SIP som möjligt systemfel,"]
    core = doc.core_properties
    assert (core.author, core.identifier) == ("Regional samordnare för Västbus", "VGR 2026/77")


def test_excel_overview_has_the_facts_and_texts(parts: dict[str, Any]) -> None:
    out = parts["tmp"] / "region.xlsx"
    result = rollup(parts, *with_texts(parts), "-o", str(out))
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    rows = [(r[0].value, r[1].value) for r in book["Översikt"].iter_rows(min_row=2)]
    values = dict(rows)
    assert (values["Till"], values["Diarienummer"], values["Från"]) == (
        "Regionala styrgruppen för Västbus, VGR", "VGR 2026/77", "Regional samordnare för Västbus")
    assert values["Datum"] == dt.datetime(2026, 5, 20)
    at = [r[0] for r in rows].index("Inledning")
    assert [r[1] for r in rows[at:at + 2]] == [
        "Den regionala samordnaren lämnar här sammanställningen för 2025.", "Året i korthet"]
    at = [r[0] for r in rows].index("Slutsatser och rekommendationer")
    assert [r[1] for r in rows[at + 1:at + 3]] == [
        "1. lyfter SIP som möjligt systemfel,",
        "2. följer upp barnet [personnummer borttaget] särskilt."]
    assert book.properties.identifier == "VGR 2026/77"


def test_json_carries_the_regions_own_texts_and_facts(parts: dict[str, Any]) -> None:
    result = rollup(parts, *with_texts(parts), "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["intro"] == INTRO.strip()
    assert data["conclusions"].endswith("2. följer upp barnet [personnummer borttaget] särskilt.")
    assert (data["recipient"], data["sender"], data["reference"]) == (
        "Regionala styrgruppen för Västbus, VGR", "Regional samordnare för Västbus",
        "VGR 2026/77")


def test_without_the_options_the_default_recipient_and_no_texts(parts: dict[str, Any]) -> None:
    """No text of a sub-region's becomes the region's, and the recipient is compile's default."""
    from vastbus_cli.render.common import DEFAULT_RECIPIENT

    result = rollup(parts, "-f", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["intro"], data["conclusions"], data["sender"], data["reference"]) == (
        None, None, None, None)
    md = rollup(parts).stdout.splitlines()
    assert md[2] == f"- Till: {DEFAULT_RECIPIENT}" == "- Till: Regionala styrgruppen för Västbus"
    assert "## Inledning" not in md and not any(line.startswith("- Från:") for line in md)
    # an empty option is no fact: the default recipient, no line for the others
    md = rollup(parts, "--recipient", " ", "--sender", "", "--reference-number", "").stdout
    assert md.splitlines()[2] == f"- Till: {DEFAULT_RECIPIENT}"
    assert "Diarienummer" not in md and "- Från:" not in md
    helped = " ".join(runner.invoke(app, ["rollup", "--help"]).output.split())
    assert f"standard: {DEFAULT_RECIPIENT}." in helped


def test_without_a_sender_the_word_author_is_no_one_sub_region(parts: dict[str, Any]) -> None:
    """The regional document's author was "Västbus delregionala grupp Norra Skaraborg, Södra
    Skaraborg och Västra Skaraborg" (the sub-regional fallback); it is the region's."""
    target = parts["tmp"] / "utan avsändare.docx"
    result = rollup(parts, "-o", str(target), "--force")
    assert result.exit_code == 0, result.output
    assert docx.Document(str(target)).core_properties.author == "Västbus i Västra Götaland"


def test_a_missing_intro_is_a_swedish_usage_error_and_nothing_is_written(
        parts: dict[str, Any]) -> None:
    out = parts["tmp"] / "ingen.docx"
    missing = parts["tmp"] / "finns inte" / "inledning.md"
    result = rollup(parts, "--intro", str(missing), "-o", str(out))
    assert result.exit_code == 2
    said = " ".join(result.stderr.split())
    assert f"fel: Inledningen: {missing}" in said and "finns inte." in said
    assert "→ Kontrollera sökvägen." in said
    assert "Traceback" not in result.output and not out.exists()
    result = rollup(parts, "--conclusions", str(parts["tmp"]), "-o", str(out))
    assert result.exit_code == 2 and "fel: Slutsatserna:" in result.stderr
    assert not out.exists()
    # the introduction is an input: never the output, even with --force
    same = Path(parts["intro"])
    before = same.read_bytes()
    result = rollup(parts, "--intro", str(same), "-o", str(same), "--force")
    assert result.exit_code == 2 and "skrivs aldrig över" in result.stderr
    assert same.read_bytes() == before


def test_an_unusable_text_stops_the_rollup_with_its_position(parts: dict[str, Any]) -> None:
    big = parts["tmp"] / "för stor.md"
    big.write_bytes(b"x" * 1_000_001)
    out = parts["tmp"] / "stor.md"
    result = rollup(parts, "--conclusions", str(big), "-o", str(out))
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert f"{big}:1:1 fel för-stor Filen är större än 1 MB." in said
    assert "1 fel; ingen regional sammanställning gjordes." in said
    assert not out.exists()


def test_windows_1252_text_is_read_as_compile_reads_it(parts: dict[str, Any]) -> None:
    old = parts["tmp"] / "gammal inledning.md"
    old.write_bytes("Året då **allt** hände i Skövde.\r\n".encode("cp1252"))
    result = rollup(parts, "--intro", str(old))
    assert result.exit_code == 0, result.output
    assert "## Inledning\n\nÅret då **allt** hände i Skövde.\n" in result.stdout


def test_a_claim_the_regional_figures_contradict_is_warned(parts: dict[str, Any]) -> None:
    claim = parts["tmp"] / "påstående.md"
    claim.write_text("Inledning.\n\nVäntetider är den avvikelse som flest grupper tar upp.\n",
                     encoding="utf-8")
    result = rollup(parts, "--intro", str(claim), "-f", "json")
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert (f"{claim}:3:1 varning text-mot-siffror Inledningen säger att en kategori är "
            "vanligast, men ”Väntetider” finns i 2 av 12 grupper (7 avvikelser); flest grupper "
            "har ”SIP ej kallad eller försenad” (6 grupper, 23 avvikelser).") in said
    assert json.loads(result.stdout)["intro"].endswith("flest grupper tar upp.")


def test_compile_warns_about_an_identity_number_in_its_intro(tmp_path: Path) -> None:
    """The same reading code: compile masked the number before, and now also says where."""
    folder = split(tmp_path)["Södra Skaraborg"]
    (folder / "inledning.md").write_text("Inledning.\n\nOm 811218-9876.\n", encoding="utf-8")
    result = runner.invoke(app, ["compile", str(folder), "--date", DATE, "-f", "json"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.stderr.split())
    assert f"{folder / 'inledning.md'}:3:4 varning personnummer" in said
    assert json.loads(result.stdout)["intro"] == "Inledning.\n\nOm [personnummer borttaget]."


def test_a_folder_read_as_a_text_is_a_swedish_reason(tmp_path: Path) -> None:
    """The operating system's reason in Swedish, never its English strerror."""
    text, line, problems = read_own_text(tmp_path)
    assert (text, line) == (None, 1)
    assert [(p.code, p.message) for p in problems] == [
        ("läsfel", "Filen kan inte läsas: det är en mapp.")]
