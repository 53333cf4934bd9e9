"""The follow-up report (-o rapport.docx / .pdf): opened with python-docx and checked."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from docx import Document
from goldenfile import matches_golden
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.survey.conftest import EXAMPLES
from vastbus_cli.cli import app
from vastbus_cli.documents.libreoffice import find_soffice
from vastbus_cli.survey.model import Tally
from vastbus_cli.survey.readers import read_responses
from vastbus_cli.survey.render import render_bytes
from vastbus_cli.survey.render.docx import ReportOptions
from vastbus_cli.survey.spec import load_spec
from vastbus_cli.survey.tally import tally

INTRO = "# Bakgrund\n\nVästKom och regionen följer upp **överenskommelsen** varje år.\n"



@pytest.fixture(scope="module")
def report(example: Tally) -> bytes:
    return render_bytes(example, "docx", ReportOptions(
        intro=INTRO, conclusions=CONCLUSIONS, date=dt.date(2026, 11, 30),
        recipient="VVG och SRO", sender="VästKom", reference_number="VK 2026/12"))


CONCLUSIONS = "- Fortsätt utbildningen för medarbetare.\n"


def test_title_page_headings_and_properties(report: bytes) -> None:
    doc = Document(io.BytesIO(report))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == "Uppföljning av överenskommelsen om placering utanför hemmet"
    assert texts[1:8] == ["Enkätuppföljning 2018 och 2019", "Till: VVG och SRO", "Från: VästKom",
                          "Datum: 30 november 2026", "Diarienummer: VK 2026/12",
                          "Omgångar: 2018 och 2019", "Svarande: 7 (2018), 7 (2019)"]
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert [h for h in headings if h[0] == "Heading 1"] == [
        ("Heading 1", "Sammanfattning"), ("Heading 1", "Om uppföljningen"),
        # the spec's sections in capitals are headings in sentence case
        ("Heading 1", "Implementering"), ("Heading 1", "Avvikelser"), ("Heading 1", "Tvister"),
        ("Heading 1", "Slutsatser")]
    assert "Fortsätt utbildningen för medarbetare." in texts
    assert ("Heading 2", "Bakgrund") in headings  # the coordinator's own text, under its heading
    assert ("Heading 2", "Har rutin tagits fram för hur inkomna tvister ska hanteras?") in headings
    assert doc.core_properties.title == "Uppföljning av överenskommelsen om placering utanför hemmet"
    assert doc.core_properties.created.date() == dt.date(2026, 11, 30)
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


def test_question_table_has_counts_shares_and_change(report: bytes) -> None:
    doc = Document(io.BytesIO(report))
    table = next(t for t in doc.tables if t.cell(0, 0).text == "Alternativ"
                 and "Ja, för chefer i kommuner och region" in [r.cells[0].text for r in t.rows])
    assert [c.text for c in table.rows[0].cells] == [
        "Alternativ", "2018 antal", "2018 andel", "2019 antal", "2019 andel",
        "Förändring (procentenheter)"]
    chefer = next(r for r in table.rows if r.cells[0].text.startswith("Ja, för chefer"))
    # 7 respondents: whole percent, and the change is the exact difference rounded as the
    # shares are, so two answers are +29 (not 57 − 29 = +28) and one answer always +14
    assert [c.text for c in chefer.cells[1:]] == ["4", "57\xa0%", "5", "71\xa0%", "+14"]
    medarbetare = next(r for r in table.rows if r.cells[0].text.startswith("Ja, för medarb"))
    assert [c.text for c in medarbetare.cells[1:]] == ["2", "29\xa0%", "4", "57\xa0%", "+29"]
    assert "p.e." not in "".join(p.text for p in doc.paragraphs)
    assert [c.text for c in table.rows[-1].cells[:4]] == ["Svarande (bas)", "7", "", "7"]


def test_native_charts_one_per_closed_question(report: bytes) -> None:
    package = zipfile.ZipFile(io.BytesIO(report))
    charts = sorted(n for n in package.namelist() if n.startswith("word/charts/chart"))
    assert charts == [f"word/charts/chart{i}.xml" for i in range(1, 6)]
    xml = package.read("word/charts/chart1.xml").decode("utf-8")
    assert '<c:barDir val="bar"/>' in xml and '<c:grouping val="clustered"/>' in xml
    assert "<c:v>2018</c:v>" in xml and "<c:v>2019</c:v>" in xml
    assert "Ja, för chefer i kommuner och region" in xml
    assert "<c:v>0.5714285714285714</c:v>" in xml  # 4 of 7, exact
    assert any(n.startswith("word/embeddings/") for n in package.namelist())  # editable in Word


def test_blank_mandatory_answers_and_masked_free_text(report: bytes) -> None:
    doc = Document(io.BytesIO(report))
    texts = [p.text for p in doc.paragraphs]
    assert "Obs! Obligatorisk fråga som lämnats utan svar:" in texts
    assert "2019: Södra Bohuslän" in texts
    assert "Tvisten om [personnummer borttaget] löstes i samförstånd." in texts
    assert not any("19" in t and "-" in t and t.startswith("Tvisten om 1") for t in texts)


def test_cli_writes_docx_and_refuses_report_options_elsewhere(tmp_path: Path) -> None:
    target = tmp_path / "rapport å.docx"
    intro = tmp_path / "inledning.md"
    intro.write_text(INTRO, encoding="utf-8")
    args = ["tally", str(EXAMPLES / "enkat-2018.csv"), str(EXAMPLES / "enkat-2019.csv"),
            "--spec", str(EXAMPLES / "spec.yaml")]
    run = CliRunner().invoke(app, [*args, "-o", str(target), "--intro", str(intro),
                                   "--date", "2026-11-30"])
    assert run.exit_code == 0, run.output
    assert Document(str(target)).core_properties.created.date() == dt.date(2026, 11, 30)
    bad = CliRunner().invoke(app, [*args, "--date", "2026-11-30"])
    assert bad.exit_code == 2
    assert "--date gäller bara Word-, PDF- och Excel-utdata." in bad.output
    # the Word command with -o x.xlsx: the texts and the date on a first sheet
    conclusions = tmp_path / "slutsatser.md"
    conclusions.write_text("- Fortsätt utbildningen.\n", encoding="utf-8")
    book = tmp_path / "rapport.xlsx"
    excel = CliRunner().invoke(app, [*args, "-o", str(book), "--intro", str(intro),
                                     "--conclusions", str(conclusions), "--date", "2026-11-30"])
    assert excel.exit_code == 0, excel.output
    workbook = load_workbook(book)
    assert workbook.sheetnames[0] == "Om rapporten"
    rows = list(workbook["Om rapporten"].iter_rows(values_only=True))
    assert ("Datum", "2026-11-30") in rows and ("Slutsatser", "• Fortsätt utbildningen.") in rows
    assert workbook.properties.created.date() == dt.date(2026, 11, 30)
    wrong = CliRunner().invoke(app, [*args, "-o", str(tmp_path / "x.docx"), "--date", "30/11"])
    assert wrong.exit_code == 2 and "--date 30/11 är inget datum." in wrong.output


def test_an_identity_number_in_the_coordinator_s_texts_is_warned_about_and_masked(
        tmp_path: Path) -> None:
    """--intro and --conclusions went into the report as written: a personnummer in them
    reached the Word file without a word (the privacy guard's one path not covered)."""
    target = tmp_path / "rapport.docx"
    intro = tmp_path / "inledning å.md"
    intro.write_bytes("# Bakgrund\r\n\r\nEtt barn (811218-9876) fick hjälp.\r\n".encode())
    conclusions = tmp_path / "slutsatser.md"
    conclusions.write_text("- Följ upp 19811218 9876 särskilt.\n", encoding="cp1252")
    run = CliRunner().invoke(app, ["tally", str(EXAMPLES / "enkat-2018.csv"), "--spec",
                                   str(EXAMPLES / "spec.yaml"), "-o", str(target),
                                   "--intro", str(intro), "--conclusions", str(conclusions)])
    assert run.exit_code == 0, run.output
    said = " ".join(run.output.split())
    assert (f"{intro}:3:11 varning personnummer Texten innehåller något som ser ut som ett "
            "personnummer. Det som skickas vidare får inte innehålla uppgifter som kan "
            "identifiera enskilda personer. Det är maskerat i sammanställningen.") in said
    assert f"{conclusions}:1:12 varning personnummer" in said
    texts = "\n".join(p.text for p in Document(str(target)).paragraphs)
    assert "Ett barn ([personnummer borttaget]) fick hjälp." in texts
    assert "Följ upp [personnummer borttaget] särskilt." in texts
    assert "9876" not in texts


def test_an_identity_number_in_a_title_page_fact_is_warned_about_and_masked(
        tmp_path: Path) -> None:
    """--recipient/--sender/--reference-number and the spec's keys reached the title page
    and the document's properties (author) as written."""
    spec = tmp_path / "spec.yaml"
    spec.write_text((EXAMPLES / "spec.yaml").read_text(encoding="utf-8").replace(
        "avsändare: VästKom", "avsändare: VästKom 811218-9876"), encoding="utf-8")
    target = tmp_path / "rapport.docx"
    run = CliRunner().invoke(app, ["tally", str(EXAMPLES / "enkat-2018.csv"), "--spec",
                                   str(spec), "-o", str(target),
                                   "--recipient", "Anna 19811218–9876"])
    assert run.exit_code == 0, run.output
    said = " ".join(run.output.split())
    assert ("--recipient varning personnummer '--recipient' innehåller något som ser ut som "
            "ett personnummer.") in said
    assert f"{spec} varning personnummer 'avsändare' innehåller något" in said
    package = zipfile.ZipFile(target)
    assert not any("9876" in package.read(n).decode("utf-8", "replace")
                   for n in package.namelist())
    document = Document(str(target))
    assert document.core_properties.author == "VästKom [personnummer borttaget]"
    texts = [p.text for p in document.paragraphs]
    assert "Till: Anna [personnummer borttaget]" in texts
    assert "Från: VästKom [personnummer borttaget]" in texts


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice is not installed")
def test_pdf_through_libreoffice(tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    run = CliRunner().invoke(app, ["tally", str(EXAMPLES / "enkat-2018.csv"),
                                   str(EXAMPLES / "enkat-2019.csv"), "--spec",
                                   str(EXAMPLES / "spec.yaml"), "-o", str(target)])
    assert run.exit_code == 0, run.output
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/StructTreeRoot" in data and b"/Lang(sv-SE)" in data  # tagged, Swedish
    assert b"/DisplayDocTitle true" in data


def test_report_libraries_stay_out_of_start_up() -> None:
    code = ("import sys, vastbus_cli.cli, vastbus_cli.cli.tally, vastbus_cli.survey.render, "
            "vastbus_cli.survey.render.docx; "
            "print(sorted(m for m in ('docx', 'pptx', 'openpyxl', 'xlsxwriter') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_response_rate_and_who_did_not_answer(tmp_path: Path) -> None:
    spec_text = (EXAMPLES / "spec.yaml").read_text(encoding="utf-8").replace(
        "  - Nordöstra Göteborg\n", "  - Nordöstra Göteborg\n  - Norra Bohuslän\n", 1)
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_text(spec_text, encoding="utf-8")
    spec, problems = load_spec(spec_file)
    assert spec is not None, problems
    rounds = [read_responses(EXAMPLES / "enkat-2018.csv", "2018"),
              read_responses(EXAMPLES / "enkat-2019.csv", "2019")]
    result = tally(rounds, spec)[0]
    info = result.rounds[0]
    assert (info.respondents, info.expected, info.response_rate, info.not_responded) == (
        7, 8, 87.5, ["Norra Bohuslän"])
    doc = Document(io.BytesIO(render_bytes(result, "docx")))
    method = next(t for t in doc.tables if t.cell(0, 0).text == "Omgång")
    assert [c.text for c in method.rows[0].cells] == [
        "Omgång", "Svarande", "Förväntade", "Svarsfrekvens", "Fil"]
    assert [c.text for c in method.rows[1].cells] == ["2018", "7", "8", "88\xa0%", "enkat-2018.csv"]
    assert "Har inte svarat 2018: Norra Bohuslän." in [p.text for p in doc.paragraphs]




def outline(data: bytes) -> str:
    """The report's body as text: each paragraph with its style, each table row, each chart."""
    doc = Document(io.BytesIO(data))
    lines = []
    for element in doc.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[1]
        if tag == "p":
            from docx.text.paragraph import Paragraph

            paragraph = Paragraph(element, doc)
            chart = bool(element.findall(".//{http://schemas.openxmlformats.org/drawingml/2006/"
                                         "chart}chart"))
            if chart:
                lines.append("[diagram]")
            elif paragraph.text:
                lines.append(f"{paragraph.style.name}: {paragraph.text}")
        elif tag == "tbl":
            from docx.table import Table as DocxTable

            for row in DocxTable(element, doc).rows:
                lines.append(" | ".join(c.text for c in row.cells))
    return "\n".join(lines) + "\n"


def test_report_golden(report: bytes) -> None:
    """Regenerate with VASTBUS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/survey/test_report.py."""
    matches_golden("enkat-rapport.txt", outline(report))


def test_cross_tables_in_the_report_count_only_small_groups() -> None:
    spec, _ = load_spec(EXAMPLES / "spec.yaml")
    rounds = [read_responses(EXAMPLES / "enkat-2018.csv", "2018")]
    result = tally(rounds, spec, by="Vårdsamverkansgrupp")[0]
    doc = Document(io.BytesIO(render_bytes(result, "docx")))
    texts = [p.text for p in doc.paragraphs]
    assert "Per Vårdsamverkansgrupp, 2018" in texts
    assert any(t.startswith("* Färre än 5 svarande i gruppen") for t in texts)
    cross = next(t for t in doc.tables if t.cell(0, 1).text == "Totalt")
    assert [c.text for c in cross.rows[0].cells][:3] == ["Alternativ", "Totalt", "Fyrbodal *"]
    chefer = next(r for r in cross.rows if r.cells[0].text.startswith("Ja, för chefer"))
    assert chefer.cells[1].text == "4\xa0(57\xa0%)"
    assert "%" not in "".join(c.text for c in chefer.cells[2:])  # one respondent: no share


def test_no_path_of_the_input_files_in_the_document(tmp_path: Path) -> None:
    """The Metod table named the input by its absolute path (a user name on Windows)."""
    target = tmp_path / "rapport.docx"
    run = CliRunner().invoke(app, ["tally", str((EXAMPLES / "enkat-2018.csv").resolve()),
                                   str((EXAMPLES / "enkat-2019.csv").resolve()), "--spec",
                                   str(EXAMPLES / "spec.yaml"), "-o", str(target)])
    assert run.exit_code == 0, run.output
    xml = zipfile.ZipFile(target).read("word/document.xml").decode("utf-8")
    assert str(EXAMPLES.resolve()) not in xml and "enkat-2018.csv" in xml
    from vastbus_cli.survey.render.docx import file_name

    assert file_name(r"C:\Users\anna.svensson\Downloads\svar 2018.csv") == "svar 2018.csv"


def test_charts_have_a_title_an_axis_title_and_labels_as_the_table(report: bytes) -> None:
    package = zipfile.ZipFile(io.BytesIO(report))
    xml = package.read("word/charts/chart1.xml").decode("utf-8")
    assert "<a:t>Har information/utbildning om överenskommelsen genomförts partsgemensamt?</a:t>" \
        in xml.split("<c:plotArea>")[0]
    assert "<a:t>Andel av svarande</a:t>" in xml.split("<c:valAx>")[1]
    assert 'formatCode="0 %"' in xml and "0.0" not in xml.split("<c:valAx>")[0].split(
        "<c:dLbls>")[1]  # 7 respondents: whole percent, as in the table


def test_a_changed_wording_is_noted_at_the_question_and_in_the_summary(report: bytes) -> None:
    texts = [p.text for p in Document(io.BytesIO(report)).paragraphs]
    note = next(t for t in texts if t.startswith("Obs! Frågans formulering ändrades"))
    assert "2018: ”Har rekommendation utfärdats för ev. inkomna avvikelser?”" in note
    assert any(t.startswith("Ändrad fråga: ”Har rekommendation utfärdats för eventuella") for t in texts)


def test_generated_summary(report: bytes) -> None:
    texts = [p.text for p in Document(io.BytesIO(report)).paragraphs]
    at = max(i for i, t in enumerate(texts) if t == "Sammanfattning")
    assert texts[at + 1] == ("Svarande: 7 av 7 förväntade (100\xa0%) 2018 och 7 av 7 förväntade "
                             "(100\xa0%) 2019.")
    assert texts[at + 2] == "Störst förändring från 2018 till 2019:"
    assert texts[at + 3] == ("Har rutin tagits fram för hur inkomna tvister ska hanteras? ”Nej”: "
                             "71\xa0% → 0\xa0% (−71 procentenheter).")


def test_title_facts_from_the_spec_and_conclusions_from_a_file(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text((EXAMPLES / "spec.yaml").read_text(encoding="utf-8").replace(
        "avsändare: VästKom\n", "avsändare: VästKom\ndiarienummer: VK 1/2026\n"),
        encoding="utf-8")
    conclusions = tmp_path / "slutsatser å.md"
    conclusions.write_text("Vi fortsätter.\n", encoding="utf-8")
    target = tmp_path / "r.docx"
    run = CliRunner().invoke(app, ["tally", str(EXAMPLES / "enkat-2018.csv"), "--spec", str(spec),
                                   "-o", str(target), "--conclusions", str(conclusions),
                                   "--sender", "Samordnaren", "--date", "2026-05-20"])
    assert run.exit_code == 0, run.output
    texts = [p.text for p in Document(str(target)).paragraphs]
    assert texts[2:6] == ["Till: VVG och SRO",  # the report goes to VVG and SRO
                          "Från: Samordnaren", "Datum: 20 maj 2026",
                          "Diarienummer: VK 1/2026"]
    assert texts[-1] == "Vi fortsätter."
    # the conclusions on the summary's page too, not only on the last page
    summary = texts.index("Sammanfattning", texts.index("Innehåll") + 2)
    method = texts.index("Om uppföljningen", summary)
    assert "Vi fortsätter." in texts[summary:method]
    # the background: the spec's text on the agreement, then who was asked and when
    background = texts.index("Bakgrund", method)
    assert texts[background + 1].startswith(
        "Sedan den 1 april 2017 gäller en överenskommelse mellan kommunerna och regionen")
    assert texts[background + 2] == (
        "Enkäten gick till VVG, Fyrbodal, Skaraborg, Södra Älvsborg, Göteborg, Södra Bohuslän "
        "och Nordöstra Göteborg (7 förväntade svarande) i omgången 2018.")
