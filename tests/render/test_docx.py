"""The Word summary reopened with python-docx: headings, table cells, TOC field, footer, styles."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from reportfactory import sample_summary
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.documents.word_parts import MissingStyle
from vastbus_cli.render.docx import render


def reopen(data: bytes):
    return docx.Document(io.BytesIO(data))


def headings(doc, level: int) -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == f"Heading {level}"]


def table_after(doc, first_header: str, second_header: str | None = None):
    return next(t for t in doc.tables if t.rows[0].cells[0].text == first_header
                and second_header in (None, t.rows[0].cells[1].text))


def test_title_page_and_headings() -> None:
    doc = reopen(render(sample_summary(appendix=True)))
    title = doc.paragraphs[0]
    assert title.style.name == "Title"
    assert title.text == "Sammanställning av Västbusarbetet 2025 – Skaraborg"
    body = ["Översikt", "Uppföljning av förra årets lyfta avvikelser",
            "Önskat stöd från den delregionala gruppen", "Möten och representanter",
            "Sammansättning", "Teman i årsberättelserna", "Pågående arbete", "Avvikelser",
            "Utvecklingsområden", "Kompetensbehov", "Goda exempel och planer", "Nyckeltal",
            "Jämfört med föregående år"]
    assert headings(doc, 1) == ["Sammanfattning", "Det delregionen lyfter till regional nivå",
                                *body, "Bilaga: gruppernas årsberättelser"]
    assert "Information har inte förts vidare" in headings(doc, 2)  # raised by Skövde
    assert {"Skövde", "Lidköping", "Mariestad"} <= set(headings(doc, 2))  # the appendix
    assert doc.core_properties.title == title.text
    # without --appendix: no verbatim copy of the reports
    plain = reopen(render(sample_summary()))
    assert headings(plain, 1)[-1] == "Jämfört med föregående år"
    assert not {"Skövde", "Lidköping", "Mariestad"} & set(headings(plain, 2))


def test_table_cells_hold_the_totals() -> None:
    doc = reopen(render(sample_summary()))
    overview = table_after(doc, "Uppgift")
    rows = {r.cells[0].text: r.cells[1].text for r in overview.rows}
    assert rows["Grupper som ska rapportera"] == "4"
    assert rows["Grupper som saknas"] == "Hjo"
    categories = table_after(doc, "Kategori")
    sip = next(r for r in categories.rows if r.cells[0].text == "SIP ej kallad eller försenad")
    assert [c.text for c in sip.cells[:3]] == ["SIP ej kallad eller försenad", "7", "3"]
    # no column of a few "Ja": the possible system faults are named under the table
    assert [c.text for c in categories.rows[0].cells][-1] == "Lyft till delregional nivå"
    assert "Ingen kategori rapporteras av minst 4 av 3 grupper" not in [
        p.text for p in doc.paragraphs]
    assert ("Kategorin ”SIP ej kallad eller försenad” rapporteras av minst 3 av 3 grupper och "
            "är ett möjligt övergripande systemfel.") in [p.text for p in doc.paragraphs]
    composition = table_after(doc, "Grupp", "Planerade möten")
    assert [c.text for c in composition.rows[0].cells][:3] == ["Grupp", "Planerade möten",
                                                                "Genomförda möten"]


def test_header_rows_repeat_and_footer_numbers_pages() -> None:
    doc = reopen(render(sample_summary()))
    for table in doc.tables:
        trpr = table.rows[0]._tr.trPr
        assert trpr is not None and trpr.find(qn("w:tblHeader")) is not None
    footer = doc.sections[0].footer.paragraphs[0]._p.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert doc.sections[0].different_first_page_header_footer


def test_contents_is_a_toc_field_and_word_never_asks_to_update() -> None:
    doc = reopen(render(sample_summary()))
    texts = [p.text for p in doc.paragraphs]
    at = texts.index("Innehåll") + 1
    assert texts[at:at + 3] == ["Sammanfattning\t", "Det delregionen lyfter till regional nivå\t",
                                "Översikt\t"]
    body = doc.element.body.xml
    assert ' TOC \\o "1-1" \\h \\z \\u ' in body and "Uppdatera fält" not in body
    links = doc.paragraphs[at]._p.findall(qn("w:hyperlink"))
    anchor = links[0].get(qn("w:anchor"))
    assert f'w:name="{anchor}"' in body  # the entry jumps to its heading
    assert doc.settings.element.find(qn("w:updateFields")) is None
    assert "w:dirty" not in doc.sections[0].footer._element.xml


def test_control_characters_are_removed_not_crashed_on() -> None:
    doc = reopen(render(sample_summary()))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Bättre kallelser." in text and "\x07" not in text
    assert "Uppgifter | kom <b>inte</b> fram" in text  # Word shows text as written


def reference_docx(path: Path, drop: str | None = None) -> Path:
    ref = docx.Document()
    ref.styles["Normal"].font.name = "Arial"
    ref.styles["Normal"].font.size = Pt(10.5)
    ref.add_paragraph("Mallens egen text som inte ska vara kvar.")
    if drop is not None:
        style = ref.styles[drop]
        style.element.getparent().remove(style.element)
    ref.save(str(path))
    return path


def test_reference_document_styles_are_used(tmp_path: Path) -> None:
    ref = reference_docx(tmp_path / "mall.docx")
    doc = reopen(render(sample_summary(), reference=ref))
    assert doc.styles["Normal"].font.name == "Arial"
    assert doc.styles["Normal"].font.size == Pt(10.5)
    assert all("Mallens egen text" not in p.text for p in doc.paragraphs)
    assert doc.paragraphs[0].style.name == "Title"


def test_missing_reference_style_is_named_in_swedish(tmp_path: Path) -> None:
    ref = reference_docx(tmp_path / "mall.docx", drop="Heading 2")
    with pytest.raises(MissingStyle, match="saknar formatmallen 'Heading 2' \\('Rubrik 2'"):
        render(sample_summary(), reference=ref)


def test_cli_reports_missing_style(tmp_path: Path) -> None:
    from reportfactory import report_dict, write_report

    folder = tmp_path / "2025"
    write_report(folder, report_dict("Skövde"))
    ref = reference_docx(tmp_path / "mall.docx", drop="List Bullet")
    out = tmp_path / "s.docx"
    result = CliRunner().invoke(app, ["compile", str(folder), "-o", str(out),
                                      "--reference-docx", str(ref)])
    assert result.exit_code == 1
    assert "formatmallen 'List Bullet'" in " ".join(result.output.split())
    assert "Traceback" not in result.output and not out.exists()
    not_docx = tmp_path / "inte.docx"
    not_docx.write_text("hej", encoding="utf-8")
    result = CliRunner().invoke(app, ["compile", str(folder), "-o", str(out),
                                      "--reference-docx", str(not_docx)])
    assert result.exit_code == 1
    assert "kan inte läsas som ett Word-dokument" in " ".join(result.output.split())


def test_docx_from_cli(tmp_path: Path) -> None:
    from reportfactory import deviation, report_dict, write_report

    folder = tmp_path / "2025"
    write_report(folder, report_dict("Skövde", deviations=[deviation("väntetider", 3)]))
    out = tmp_path / "Sammanställning-2025.docx"
    result = CliRunner().invoke(app, ["compile", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    doc = docx.Document(str(out))
    cats = table_after(doc, "Kategori")
    assert [c.text for c in cats.rows[1].cells[:2]] == ["Väntetider", "3"]


def test_several_subregions_one_heading_per_part() -> None:
    import datetime as dt

    from reportfactory import as_report, deviation, report_dict

    from vastbus_cli.reports.merge import merge

    reports = [as_report(report_dict("Skövde", deviations=[deviation("väntetider", 2)])),
               as_report(report_dict("Uddevalla", subregion="Fyrbodal"))]
    doc = reopen(render(merge(reports, None, produced=dt.date(2026, 5, 1))))
    assert headings(doc, 1) == ["Sammanfattning", "Det delregionerna lyfter till regional nivå",
                                "Regionala totaler (Fyrbodal och Skaraborg)",
                                "Delregion Fyrbodal", "Delregion Skaraborg"]
    assert headings(doc, 2).count("Översikt") == 3
    first = next(p for p in doc.paragraphs if p.style.name == "Heading 1"
                 and p.text.startswith("Regionala"))
    assert first.paragraph_format.page_break_before


def test_like_for_like_follow_up_and_themed_support_in_word() -> None:
    doc = reopen(render(sample_summary()))
    texts = [p.text for p in doc.paragraphs]
    assert ("Jämförelsen gäller den grupp som lämnade årsberättelse både 2024 och 2025: Skövde."
            in texts)
    changes = table_after(doc, "Uppgift", "2024")
    rows = {r.cells[0].text: [c.text for c in r.cells[1:]] for r in changes.rows}
    assert rows["Avvikelser totalt"] == ["3", "6", "+3"]
    only = table_after(doc, "Uppgift", "Bara 2024")
    assert [c.text for c in only.rows[1].cells] == ["Grupper", "1", "2"]
    follow = table_after(doc, "Grupp", "Avvikelsekategori")
    assert [c.text for c in follow.rows[1].cells] == ["Skövde", "Väntetider", "2", "0",
                                                       "Nämns inte 2025"]  # one status column
    assert ("SIP (samordnad individuell plan): 2 av 3 grupper (Skövde och Lidköping). "
            "Skövde: ”@Gemensam utbildningsdag.”; Lidköping: ”SIP-rutin vid flytt.”") in texts
    # early: the follow-up and the themed support come before the meetings
    h1 = headings(doc, 1)
    assert h1.index("Uppföljning av förra årets lyfta avvikelser") < h1.index(
        "Möten och representanter")
