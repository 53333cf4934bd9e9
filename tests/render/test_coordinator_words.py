"""The coordinator's own words and the document's facts, in every format.

An introduction and conclusions (Markdown), the sender, the coordinator's role
and the reference number from the roster; the summary's date from --date; the
deadline sentence on the terminal only. The golden file is regenerated as
tests/goldenfile.py says.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import docx
from goldenfile import matches_golden
from openpyxl import load_workbook
from reportfactory import folder_with_words, sample_summary
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.render import docx as docx_render
from vastbus_cli.render import json as json_render
from vastbus_cli.render import markdown as md_render
from vastbus_cli.render import xlsx as xlsx_render

INTRO = """# Året i korthet

Samverkan kring **SIP** har blivit *bättre*, se [Västbus](https://www.vastbus.se).

- Fler möten
- Nya grupper
"""
CONCLUSIONS = "Vi föreslår att styrgruppen\n\n1. följer upp väntetiderna\n2. beslutar om stöd\n"


def words_summary():
    return sample_summary().model_copy(update={
        "intro": INTRO.strip(), "conclusions": CONCLUSIONS.strip(),
        "sender": "Västbus delregionala grupp Skaraborg",
        "coordinator_role": "Delregional samordnare, Skaraborgs kommunalförbund",
        "reference": "SKKF 2026/123"})


def test_markdown_matches_golden_file() -> None:
    text = md_render.render(words_summary())
    matches_golden("sammanstallning-inledning.md", text)
    assert "## Inledning\n\n### Året i korthet\n\nSamverkan kring **SIP**" in text
    assert "## Slutsatser och rekommendationer\n\nVi föreslår" in text
    assert "- Diarienummer: SKKF 2026/123" in text
    assert "Sista dag" not in text


def test_json_carries_the_texts_and_facts() -> None:
    data = json.loads(json_render.render(words_summary()))
    assert data["intro"].startswith("# Året i korthet")
    assert data["conclusions"].endswith("2. beslutar om stöd")
    assert (data["sender"], data["reference"], data["produced"]) == (
        "Västbus delregionala grupp Skaraborg", "SKKF 2026/123", "2026-05-20")


def test_word_title_page_sections_and_properties() -> None:
    doc = docx.Document(io.BytesIO(docx_render.render(words_summary())))
    texts = [p.text for p in doc.paragraphs]
    assert texts[2:9] == ["Till: Regionala styrgruppen för Västbus",  # the default recipient
                          "Delregion: Skaraborg", "Verksamhetsår: 2025", "Datum: 20 maj 2026",
                          "Diarienummer: SKKF 2026/123",
                          "Från: Västbus delregionala grupp Skaraborg",
                          "Upprättad av: Delregional samordnare, Skaraborgs kommunalförbund"]
    assert not any("Sista dag" in t for t in texts)
    h1 = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    # decisions first: the Sammanfattning and the proposals, then the contents, the
    # introduction and the regional asks
    assert h1[:5] == ["Sammanfattning", "Slutsatser och rekommendationer", "Inledning",
                      "Det delregionen lyfter till regional nivå", "Översikt"]
    first = texts.index("Sammanfattning")
    contents = texts.index("Innehåll")
    assert first < texts.index("Slutsatser och rekommendationer") < contents < texts.index(
        "Inledning")
    assert doc.paragraphs[first].paragraph_format.page_break_before  # page 2, after the title
    assert doc.paragraphs[contents].paragraph_format.page_break_before
    sub = next(p for p in doc.paragraphs if p.text == "Året i korthet")
    assert sub.style.name == "Heading 2"
    para = next(p for p in doc.paragraphs if p.text.startswith("Samverkan kring"))
    assert [r.text for r in para.runs if r.bold] == ["SIP"]
    assert [p.style.name for p in doc.paragraphs if p.text in ("Fler möten", "Nya grupper")] == [
        "List Bullet", "List Bullet"]
    assert "1.\tföljer upp väntetiderna" in texts
    core = doc.core_properties
    assert core.author == "Västbus delregionala grupp Skaraborg"
    assert core.identifier == "SKKF 2026/123" and core.language == "sv-SE"
    assert core.created.date() == core.modified.date() == dt.date(2026, 5, 20)


def test_excel_overview_has_the_texts_as_text() -> None:
    book = load_workbook(io.BytesIO(xlsx_render.render(words_summary())))
    rows = [(r[0].value, r[1].value) for r in book["Översikt"].iter_rows(min_row=2)]
    values = dict(rows)
    assert values["Verksamhetsår"] == 2025
    assert values["Datum"] == dt.datetime(2026, 5, 20)
    assert values["Diarienummer"] == "SKKF 2026/123"
    assert "Sista dag" not in values and "Sista dag har passerat" not in values
    at = [r[0] for r in rows].index("Inledning")
    assert [r[1] for r in rows[at:at + 4]] == [
        "Året i korthet",
        "Samverkan kring SIP har blivit bättre, se Västbus (https://www.vastbus.se).",
        "• Fler möten", "• Nya grupper"]
    at = [r[0] for r in rows].index("Slutsatser och rekommendationer")
    assert rows[at + 1][1] == "1. följer upp väntetiderna"
    assert book.properties.identifier == "SKKF 2026/123"


def test_cli_date_texts_beside_the_roster_and_deadline_on_terminal(tmp_path: Path) -> None:
    folder = folder_with_words(tmp_path)
    out = tmp_path / "s.docx"
    result = CliRunner().invoke(app, ["compile", str(folder), "-o", str(out),
                                      "--date", "2026-04-30"])
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert ("Sista dag för sammanställningen till den regionala styrgruppen är 1 juni 2026 "
            "(32 dagar kvar).") in said
    doc = docx.Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert "Datum: 30 april 2026" in texts and "Diarienummer: SKKF 2026/123" in texts
    assert "Året då allt hände." in texts  # inledning.md, Windows-1252, CRLF
    assert not any("Sista dag" in t or "dagar kvar" in t for t in texts)
    again = tmp_path / "t.docx"
    CliRunner().invoke(app, ["compile", str(folder), "-o", str(again), "--date", "2026-04-30"])
    assert [p.text for p in docx.Document(str(again)).paragraphs] == texts


def test_cli_intro_option_and_bad_date(tmp_path: Path) -> None:
    folder = folder_with_words(tmp_path)
    own = tmp_path / "egen inledning.md"
    own.write_text("Egen text.", encoding="utf-8")
    result = CliRunner().invoke(app, ["compile", str(folder), "--intro", str(own), "-f", "json",
                                      "--conclusions", str(own), "--date", "2026-06-02"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["intro"] == data["conclusions"] == "Egen text."
    assert data["deadline_passed"] is True
    result = CliRunner().invoke(app, ["compile", str(folder), "--date", "30/4"])
    assert result.exit_code == 2
    assert "--date 30/4 är inget datum." in " ".join(result.output.split())
    result = CliRunner().invoke(app, ["compile", str(folder), "--intro", str(tmp_path / "x.md")])
    assert result.exit_code == 2 and "Inledningen" in result.output


def test_the_rosters_recipient_is_on_the_title_page() -> None:
    from vastbus_cli.reports.roster import Roster

    roster = Roster.model_validate({"delregion": "Skaraborg", "grupper": [{"namn": "Hjo", "kommun": "Hjo"}],
                                    "mottagare": "Vårdsamverkan Skaraborg"})
    summary = words_summary().model_copy(update={"recipient": roster.recipient})
    doc = docx.Document(io.BytesIO(docx_render.render(summary)))
    assert [p.text for p in doc.paragraphs][2] == "Till: Vårdsamverkan Skaraborg"
