"""What the sub-regional group did with last year's raised issues (`uppfoljning.md`).

The coordinator's third text stands in the follow-up section, right after what the reports
say of last year's raised deviations, in every format; it is read like the introduction
(beside the roster or `--follow-up`, identity numbers warned about and masked, its claims
held against the figures), and a roll-up keeps each sub-region's own beside that
sub-region's follow-up.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook
from subregions import SUBREGIONS, split
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.render import docx as docx_render
from vastbus_cli.render import json as json_render
from vastbus_cli.render import markdown as md_render
from vastbus_cli.render import xlsx as xlsx_render
from vastbus_cli.reports.compile import compile_reports
from vastbus_cli.reports.summary import Summary

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "rapporter"
EXAMPLE_TEXT = (EXAMPLES / "2025" / "uppfoljning.md").read_text(encoding="utf-8").strip()
TITLE = "Vad den delregionala gruppen har gjort"
runner = CliRunner()


@pytest.fixture(scope="module")
def examples() -> Summary:
    result = compile_reports(EXAMPLES / "2025", previous=EXAMPLES / "2024",
                             produced=dt.date(2026, 5, 20))
    assert result.summary is not None and not [p for p in result.problems if p.is_error]
    assert not [p for p in result.problems if "uppfoljning" in p.file]  # no warning
    return result.summary


def test_the_examples_text_is_read_from_beside_the_roster(examples: Summary) -> None:
    assert examples.parts[0].follow_up_text == EXAMPLE_TEXT
    assert examples.parts[0].follow_up_text.startswith(
        "Den delregionala gruppen tog upp båda frågorna")


def test_markdown_puts_it_after_last_years_raised_issues(examples: Summary) -> None:
    text = md_render.render(examples)
    section = text[text.index("## Uppföljning av förra årets lyfta avvikelser"):]
    section = section[:section.index("\n## ", 1)]
    assert section.index("| Skövde | Väntetider | 6 | 4 | Kvarstår (lyft igen) |") < \
        section.index("- **Tidaholm – Övergång mellan verksamheter.**") < \
        section.index(f"### {TITLE}\n\nDen delregionala gruppen tog upp båda frågorna som "
                      "lyftes i årsberättelserna för 2024.\n\n- **Väntetider till "
                      "neuropsykiatrisk utredning (Skövde):** gruppen bjöd in BUP")
    assert section.rstrip().endswith("Gruppen följer upp den i nästa årsberättelse.")


def test_word_puts_it_under_its_own_heading_in_the_follow_up(examples: Summary) -> None:
    doc = docx.Document(io.BytesIO(docx_render.render(examples)))
    paras = doc.paragraphs
    texts = [p.text for p in paras]
    at = texts.index(TITLE)
    assert paras[at].style.name == "Heading 2"
    assert texts[at - 1].startswith("Tidaholm – Övergång mellan verksamheter. 2024:")
    assert texts[at + 1] == ("Den delregionala gruppen tog upp båda frågorna som lyftes i "
                             "årsberättelserna för 2024.")
    item = paras[at + 2]
    assert item.style.name == "List Bullet"
    assert [r.text for r in item.runs if r.bold] == [
        "Väntetider till neuropsykiatrisk utredning (Skövde):"]
    headings = [p.text for p in paras if p.style.name.startswith("Heading")]
    assert headings[headings.index("Uppföljning av förra årets lyfta avvikelser") + 1] == TITLE


def test_excel_and_json_carry_it(examples: Summary) -> None:
    book = load_workbook(io.BytesIO(xlsx_render.render(examples)))
    rows = [(r[0].value, r[1].value) for r in book["Översikt"].iter_rows(min_row=2)]
    at = [r[0] for r in rows].index(TITLE)
    assert rows[at - 1][0] == "Sammanfattning: Sammansättning"  # the digest's last line
    assert rows[at][1] == ("Den delregionala gruppen tog upp båda frågorna som lyftes i "
                           "årsberättelserna för 2024.")
    assert rows[at + 1][1].startswith("• Väntetider till neuropsykiatrisk utredning (Skövde): ")
    data = json.loads(json_render.render(examples))
    assert data["format_version"] == 2
    assert data["parts"][0]["follow_up_text"] == EXAMPLE_TEXT


def test_option_without_last_year_warns_and_masks_an_identity_number(tmp_path: Path) -> None:
    folder = tmp_path / "2025"
    shutil.copytree(EXAMPLES / "2025", folder)
    (folder / "uppfoljning.md").unlink()
    own = tmp_path / "vår uppföljning.md"
    own.write_text("Gruppen följde upp frågorna.\n\nBarnet 811218-9876 fick stöd.\n",
                   encoding="utf-8")
    out = tmp_path / "s.json"
    result = runner.invoke(app, ["compile", str(folder), "--follow-up", str(own),
                                 "--date", "2026-05-20", "-o", str(out)],
                           env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert f"{own}:3:8  varning  personnummer" in result.output
    part = json.loads(out.read_text(encoding="utf-8"))["parts"][0]
    assert part["follow_up"] is None  # no --previous: nothing to count from last year
    assert part["follow_up_text"] == ("Gruppen följde upp frågorna.\n\n"
                                      "Barnet [personnummer borttaget] fick stöd.")
    md = tmp_path / "s.md"
    runner.invoke(app, ["compile", str(folder), "--follow-up", str(own),
                        "--date", "2026-05-20", "-o", str(md)])
    text = md.read_text(encoding="utf-8")
    assert ("## Uppföljning av förra årets lyfta avvikelser\n\n"
            f"### {TITLE}\n\nGruppen följde upp frågorna.") in text
    assert "Inga avvikelser lyftes" not in text and "811218" not in text


def test_a_claim_against_the_figures_is_warned_at_its_line(tmp_path: Path) -> None:
    folder = tmp_path / "2025"
    shutil.copytree(EXAMPLES / "2025", folder)
    (folder / "uppfoljning.md").write_text(
        "Gruppen arbetade med frågorna.\n\nVäntetider är den vanligaste avvikelsen.\n",
        encoding="utf-8")
    result = runner.invoke(app, ["compile", str(folder), "--date", "2026-05-20", "-o",
                                 str(tmp_path / "s.md")], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert f"{folder / 'uppfoljning.md'}:3:1  varning  text-mot-siffror  Uppföljningen" in \
        result.output


def test_a_roll_up_keeps_each_subregions_text_and_reads_version_1(tmp_path: Path) -> None:
    folders = split(tmp_path)
    (folders["Södra Skaraborg"] / "uppfoljning.md").write_text(
        "Södra Skaraborg bjöd in BUP till mars.\n", encoding="utf-8")
    files = [tmp_path / f"{name}.json" for name in SUBREGIONS]
    for path, name in zip(files, SUBREGIONS, strict=True):
        result = runner.invoke(app, ["compile", str(folders[name]), "--date", "2026-05-20",
                                     "-o", str(path)])
        assert result.exit_code == 0, result.output
    # a sub-region that compiled with an older vastbus: format 1, no follow-up text
    old = json.loads(files[0].read_text(encoding="utf-8"))
    old["format_version"] = 1
    for part in old["parts"]:
        del part["follow_up_text"]
    files[0].write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    regional = tmp_path / "regional uppföljning.md"
    regional.write_text("Regionen samlade frågorna i en handlingsplan.\n", encoding="utf-8")
    out = tmp_path / "region.json"
    result = runner.invoke(app, ["rollup", *map(str, files), "--follow-up", str(regional),
                                 "--date", "2026-05-20", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert {p["subregion"]: p["follow_up_text"] for p in data["parts"]} == {
        "Norra Skaraborg": None, "Västra Skaraborg": None,
        "Södra Skaraborg": "Södra Skaraborg bjöd in BUP till mars."}
    assert data["totals"]["follow_up_text"] == "Regionen samlade frågorna i en handlingsplan."
    md = tmp_path / "region.md"
    runner.invoke(app, ["rollup", *map(str, files), "--follow-up", str(regional),
                        "--date", "2026-05-20", "-o", str(md)])
    text = md.read_text(encoding="utf-8")
    south = text[text.index("## Delregion Södra Skaraborg"):]
    assert (f"#### {TITLE}\n\nSödra Skaraborg bjöd in BUP till mars.") in south
    totals = text[text.index("## Regionala totaler"):text.index("## Delregion ")]
    assert ("#### Vad de delregionala grupperna har gjort\n\n"
            "Regionen samlade frågorna i en handlingsplan.") in totals
