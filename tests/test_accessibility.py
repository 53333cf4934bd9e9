"""Documents that may be published are accessible (issue 27): read back as a screen reader
would need them.

The three documents a coordinator publishes, each made as a user makes it: the examples'
summary, a roll-up of three sub-regions (`tests/subregions.py`) and the survey report. Word:
every chart has alternative text with its figures and a table of the same figures beside it,
headings go down one level at a time, every table's header row repeats (`w:tblHeader`).
Excel: every chart has alternative text and a title, header rows bold and frozen or printed
on every page. PDF: tagged, and the `pdfua` checker finds no failure.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from typer.testing import CliRunner

from tests.subregions import EXAMPLES, SUBREGIONS, split
from vastbus_cli.cli import app

SURVEY = Path(__file__).parents[1] / "examples" / "enkat"
DATE = "2026-06-10"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
runner = CliRunner()


def run(*args: str) -> None:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The three documents' folder stems: `summary`, `rollup`, `survey` (+ .docx/.xlsx)."""
    tmp = tmp_path_factory.mktemp("a11y")
    stems = {name: tmp / name for name in ("summary", "rollup", "survey")}
    now, before = split(tmp / "delar"), split(tmp / "delar", 2024)
    parts = [tmp / f"{name}.json" for name in SUBREGIONS]
    for path, name in zip(parts, SUBREGIONS, strict=True):
        run("compile", str(now[name]), "--previous", str(before[name]), "--date", DATE,
            "-o", str(path))
    for suffix in ("docx", "xlsx"):
        run("compile", str(EXAMPLES / "2025"), "--previous", str(EXAMPLES / "2024"),
            "--date", DATE, "-o", f"{stems['summary']}.{suffix}")
        run("rollup", *map(str, parts), "--date", DATE, "-o", f"{stems['rollup']}.{suffix}")
        run("tally", str(SURVEY / "enkat-2018.csv"), str(SURVEY / "enkat-2019.csv"), "--spec",
            str(SURVEY / "spec.yaml"), "-o", f"{stems['survey']}.{suffix}")
    stems["parts"] = tmp
    return stems


def body(docx: Path) -> Any:
    with zipfile.ZipFile(docx) as package:
        return etree.fromstring(package.read("word/document.xml")).find(f"{W}body")


def heading_levels(docx: Path) -> list[int]:
    """The outline level of every heading, in order (styles "Heading n" by their style id)."""
    with zipfile.ZipFile(docx) as package:
        styles = etree.fromstring(package.read("word/styles.xml"))
    level = {}
    for style in styles.iter(f"{W}style"):
        name = style.find(f"{W}name")
        found = re.fullmatch(r"heading (\d)", (name.get(f"{W}val") if name is not None
                                               else "").lower())
        if found:
            level[style.get(f"{W}styleId")] = int(found.group(1))
    return [level[s.get(f"{W}val")] for s in body(docx).iter(f"{W}pStyle")
            if s.get(f"{W}val") in level]


def charts(docx: Path) -> list[tuple[dict[str, str], int]]:
    """Each chart's `wp:docPr` attributes and the index of its paragraph in the body."""
    found = []
    for index, element in enumerate(body(docx)):
        for drawing in element.iter(f"{W}drawing"):
            if any(g.get("uri") == CHART_URI for g in drawing.iter(
                    "{http://schemas.openxmlformats.org/drawingml/2006/main}graphicData")):
                found.append((dict(drawing.find(f".//{WP}docPr").attrib), index))
    return found


@pytest.mark.parametrize("name", ["summary", "rollup", "survey"])
def test_every_word_chart_says_its_figures_beside_a_table_of_them(made: dict[str, Path],
                                                                   name: str) -> None:
    docx = Path(f"{made[name]}.docx")
    found = charts(docx)
    assert found
    elements = list(body(docx))
    for attributes, index in found:
        said = attributes.get("descr", "")
        assert re.match(r"Stapeldiagram( med en stapel på 100 % per rad)?: .+\. .*\d", said), said
        assert len(said) < 700, said  # short enough to be read aloud
        assert attributes.get("title") and attributes["title"] != attributes["name"]
        near = elements[max(0, index - 3):index + 4]
        assert any(e.tag == f"{W}tbl" for e in near), (name, said)


def test_the_summary_s_charts_read_aloud(made: dict[str, Path]) -> None:
    said = [a["descr"] for a, _ in charts(Path(f"{made['summary']}.docx"))]
    assert ("Stapeldiagram: andel av de 12 grupperna som rapporterar kategorin (möjligt "
            "systemfel från 3 grupper). SIP ej kallad eller försenad 50\u00a0%, Övergång mellan "
            "verksamheter 33\u00a0%, Information har inte förts vidare 25\u00a0%, Otydlig "
            "ansvarsfördelning 17\u00a0%, Väntetider 17\u00a0%, Annan avvikelse 8\u00a0%.") in said
    assert any(s.startswith("Stapeldiagram: avvikelser per kategori 2024 och 2025 (samma 10 "
                            "grupper). SIP ej kallad eller försenad: 2024 7, 2025 23; ")
               for s in said)


@pytest.mark.parametrize("name", ["summary", "rollup", "survey"])
def test_headings_go_down_one_level_at_a_time(made: dict[str, Path], name: str) -> None:
    levels = heading_levels(Path(f"{made[name]}.docx"))
    assert levels and levels[0] == 1
    skipped = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
    assert skipped == []


@pytest.mark.parametrize("name", ["summary", "rollup", "survey"])
def test_every_word_table_repeats_its_header_row(made: dict[str, Path], name: str) -> None:
    tables = list(body(Path(f"{made[name]}.docx")).iter(f"{W}tbl"))
    assert tables
    for table in tables:
        first = table.find(f"{W}tr")
        assert first.find(f"{W}trPr/{W}tblHeader") is not None, etree.tostring(first)[:300]
