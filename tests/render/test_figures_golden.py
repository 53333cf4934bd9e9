"""The figures a careful reader checks, in every format, against golden files.

One summary (`reportfactory.figures_summary`) exercises like-for-like year over
year, the follow-up of last year's raised deviations, support by theme, "Inga
avvikelser" beside "not filled in", a group left out for errors and "Annan".
Word and Excel are compared as text dumps read back with python-docx and openpyxl.
Regenerate every golden file after an intended change, then review the diff:

    VASTBUS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/render
"""

from __future__ import annotations

import io
import json

import docx
import openpyxl
import pytest
from goldenfile import matches_golden
from reportfactory import figures_summary

from vastbus_cli.render import docx as docx_render
from vastbus_cli.render import json as json_render
from vastbus_cli.render import markdown as md_render
from vastbus_cli.render import xlsx as xlsx_render


def docx_text(data: bytes) -> str:
    """Paragraphs (with their style) and tables, in document order."""
    doc = docx.Document(io.BytesIO(data))
    paragraphs = {p._p: p for p in doc.paragraphs}
    tables = {t._tbl: t for t in doc.tables}
    lines = []
    for element in doc.element.body.iterchildren():
        if element in paragraphs and paragraphs[element].text.strip():
            p = paragraphs[element]
            lines.append(f"[{p.style.name}] {p.text}")
        elif element in tables:
            lines += ["| " + " | ".join(c.text for c in row.cells) + " |"
                      for row in tables[element].rows]
    return "\n".join(lines) + "\n"


def xlsx_text(data: bytes) -> str:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    lines = []
    for ws in wb.worksheets:
        lines.append(f"## {ws.title}")
        lines += ["\t".join("" if v is None else str(v) for v in row)
                  for row in ws.iter_rows(values_only=True)]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def summary():
    return figures_summary()


def test_markdown_golden(summary) -> None:
    matches_golden("siffror.md", md_render.render(summary))


def test_json_golden(summary) -> None:
    matches_golden("siffror.json", json_render.render(summary))


def test_docx_golden(summary) -> None:
    matches_golden("siffror.docx.txt", docx_text(docx_render.render(summary)))


def test_xlsx_golden(summary) -> None:
    matches_golden("siffror.xlsx.txt", xlsx_text(xlsx_render.render(summary)))


def test_json_values(summary) -> None:
    data = json.loads(json_render.render(summary))
    part = data["parts"][0]
    cmp = part["comparison"]
    assert cmp["both"] == ["Skövde", "Lidköping"]
    assert cmp["only_current"] == ["Mariestad", "Tibro"] and cmp["new_in_roster"] == ["Tibro"]
    assert cmp["only_previous"] == ["Karlsborg"]
    figures = {f["label"]: (f["previous"], f["current"], f["change"]) for f in cmp["figures"]}
    assert figures["Genomförda möten"] == (15, 15, 0)  # Skövde and Lidköping only
    assert figures["Avvikelser totalt"] == (10, 6, -4)
    outcomes = [(f["group"], f["category"]["code"], f["outcome"]["code"])
                for f in part["follow_up"]]
    assert outcomes == [("Skövde", "sip_ej_kallad_eller_försenad", "kvarstår"),
                        ("Lidköping", "otydligt_ansvar", "löst"),
                        ("Lidköping", "väntetider", "nämns-inte"),
                        ("Karlsborg", "information_ej_överförd", "ingen-årsberättelse")]
    assert data["missing"] == ["Karlsborg"] and data["not_included"] == ["Hjo"]


def test_word_values(summary) -> None:
    text = docx_text(docx_render.render(summary))
    assert ("Jämförelsen gäller de 2 grupper som lämnade årsberättelse både 2024 och 2025: "
            "Skövde och Lidköping.") in text
    assert "| Avvikelser totalt | 10 | 6 | −4 |" in text
    assert "| Antal SIP-möten | 2 | 17 | 19 | +2 |" in text
    assert "| Skövde | SIP ej kallad eller försenad | 5 | 3 | Kvarstår (pågående) |" in text
    assert "| Karlsborg | Information har inte förts vidare | 1 |  | Ingen årsberättelse 2025 |" \
        in text
    assert ("SIP (samordnad individuell plan): 2 av 4 grupper (Skövde och Lidköping). "
            "Skövde: ”Utbildningsdag om SIP.”; Lidköping: ”Rutin för SIP vid flytt.”") in text
    assert "| Inlämnade men ej medtagna (fel i filen) | Hjo |" in text
    assert "hjo-2025.yaml" not in text
    assert "Hjo har inte lämnat" not in text
    assert "Inga avvikelser: Mariestad." in text
    assert "Anmärkning" not in text  # Word: the sentences say it; the group column keeps room
    assert "Avvikelser ej ifyllda (avsnittet saknas i årsberättelsen): Tibro." in text
    assert "Annan saknas" not in text


def test_excel_values(summary) -> None:
    wb = openpyxl.load_workbook(io.BytesIO(xlsx_render.render(summary)))
    cmp = {r[1]: r[2:] for r in wb["Jämförelse"].iter_rows(min_row=2, values_only=True)}
    assert cmp["Avvikelser totalt"] == (2, 10, 6, -4, 1, 0)
    assert cmp["Antal SIP-möten"] == (2, 17, 19, 2, None, None)
    follow = [r[:5] for r in wb["Uppföljning"].iter_rows(min_row=2, values_only=True)]
    assert ("Lidköping", "Väntetider", 2, 0, "Nämns inte 2025") in follow
    support = [r for r in wb["Stöd"].iter_rows(min_row=2, values_only=True)]
    assert support[0] == ("SIP (samordnad individuell plan)", "Skövde", "Utbildningsdag om SIP.")
    per_group = {r[0]: r[1:] for r in wb["Avvikelser per grupp"].iter_rows(min_row=2,
                                                                           values_only=True)}
    assert per_group["Mariestad"][-1] == "Inga avvikelser"
    assert per_group["Tibro"][-1] == "Ej ifyllt" and per_group["Tibro"][0] is None
