"""Each renderer over the example tally.

Regenerate the Markdown golden file after an intended change, then review the diff:

    VASTBUS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/survey/test_render.py
"""

from __future__ import annotations

import csv
import io
import json

import pytest
from goldenfile import matches_golden
from openpyxl import load_workbook

from tests.survey.conftest import tally_files
from vastbus_cli.survey.model import Tally
from vastbus_cli.survey.render import render_bytes


def test_markdown_golden(example: Tally) -> None:
    text = render_bytes(example, "md").decode("utf-8")
    matches_golden("enkat.md", text)


def test_markdown_names_the_files_never_their_folders(example: Tally) -> None:
    """The Markdown goes out as the Word report does: "C:\\Users\\<name>\\…" never in it."""
    from dataclasses import replace

    rounds = [replace(r, source=folder + r.source) for r, folder in
              zip(example.rounds, ["C:\\Users\\anna.svensson\\Hämtade filer\\",
                                   "/home/anna/enkäter/"], strict=True)]
    text = render_bytes(replace(example, rounds=rounds), "md").decode("utf-8")
    assert "(enkat-2018.csv)" in text and "(enkat-2019.csv)" in text
    assert "anna" not in text and "Users" not in text


def test_json_names_the_files_never_their_folders(example: Tally) -> None:
    """The JSON goes on to others as the documents do; the warnings in the terminal keep
    the whole path (the coordinator's own screen)."""
    from dataclasses import replace

    rounds = [replace(r, source=folder + r.source) for r, folder in
              zip(example.rounds, ["C:\\Users\\anna.svensson\\Hämtade filer\\",
                                   "/home/anna/enkäter/"], strict=True)]
    text = render_bytes(replace(example, rounds=rounds), "json").decode("utf-8")
    assert [r["source"] for r in json.loads(text)["rounds"]] == ["enkat-2018.csv",
                                                                 "enkat-2019.csv"]
    assert "anna" not in text and "Users" not in text


def test_markdown_escapes_answers(example: Tally) -> None:
    text = render_bytes(example, "md").decode("utf-8")
    # 3 of 7 and 2 of 7: whole percent and the difference of the shares shown, as in Word
    assert "| Ja, delvis | 3 | 43\xa0% | 2 | 29\xa0% | −14 |" in text
    assert "| 2019 andel | Förändring (procentenheter) |" in text
    assert "- Omgång 2018: 7 svarande av 7 förväntade, 100\xa0% (enkat-2018.csv)" in text
    assert "p.e." not in text and "42,9" not in text
    assert " [personnummer borttaget]" not in text  # the bracket is escaped: never a link
    assert "\\[personnummer borttaget]" in text


def test_json_has_the_documented_keys(example: Tally) -> None:
    data = json.loads(render_bytes(example, "json"))
    assert data["survey"] == "Uppföljning av överenskommelsen om placering utanför hemmet"
    assert data["rounds"] == [
        {"label": "2018", "source": "enkat-2018.csv", "respondents": 7, "expected": 7,
         "not_responded": []},
        {"label": "2019", "source": "enkat-2019.csv", "respondents": 7, "expected": 7,
         "not_responded": []}]
    question = data["questions"][0]
    assert {"id", "text", "section", "kind", "mandatory", "results"} <= set(question)
    assert question["kind"] == "multi" and question["mandatory"] is True
    result = question["results"][0]
    assert {"round", "group", "answered", "missing", "options", "stats", "answers"} <= set(result)
    assert result["group"] is None
    assert result["options"][0] == {"label": "Ja, i den delregionala vårdsamverkansgruppen",
                                    "count": 3, "percent": 42.9, "change": None,
                                    "mean_rank": None}
    assert [q["kind"] for q in data["questions"]] == ["multi", "single", "single", "single",
                                                      "single", "text"]


def test_number_stats_in_json() -> None:
    result, _ = tally_files("ms_forms_excel.csv")
    data = json.loads(render_bytes(result, "json"))
    stats = next(q for q in data["questions"] if q["kind"] == "number")["results"][0]["stats"]
    assert stats == {"n": 4, "sum": 15.5, "mean": 3.88, "median": 2.75, "min": 0.0, "max": 10.0}


def test_csv_is_long_format_and_neutralises_formulas(example: Tally) -> None:
    raw = render_bytes(example, "csv")
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0] == ["omgång", "grupp", "fråge_id", "fråga", "alternativ", "antal", "bas",
                       "procent"]
    assert ["2019", "Totalt", "tvister-rutin",
            "Har rutin tagits fram för hur inkomna tvister ska hanteras?", "Nej", "0", "6",
            "0.0"] in rows
    comments = [r[4] for r in rows if r[2] == "kommentar"]
    assert "'=Se bilaga från mötet i september" in comments
    assert not any(r[4].startswith("=") for r in rows)


def test_xlsx_sheets_charts_values_and_no_formulas(example: Tally) -> None:
    workbook = load_workbook(io.BytesIO(render_bytes(example, "xlsx")))
    # the spec's sections in capitals are named in sentence case, as the Word report's headings
    assert workbook.sheetnames == ["Implementering", "Avvikelser", "Tvister", "Data", "Fritext"]
    assert [len(workbook[name]._charts) for name in workbook.sheetnames] == [1, 1, 3, 0, 0]
    sheet = workbook["Implementering"]
    cells = {r[0].value: r for r in sheet.iter_rows() if r[0].value}
    chefer = cells["Ja, för chefer i kommuner och region"]
    # shares are exact fractions shown as percentages, not rounded numbers
    assert [c.value for c in chefer[1:6]] == [4, 4 / 7, None, 5, 5 / 7]
    # 7 answered: whole percent as in the Word report (57 % → 71 %: +14 percentage points)
    assert chefer[2].number_format == chefer[5].number_format == "0%"
    # the change exact, shown as +14: a recalculation from the shares beside it agrees
    assert chefer[6].value == pytest.approx(100 * (5 / 7 - 4 / 7))
    assert chefer[6].number_format == '+0;"−"0;"±"0'
    header = next(r for r in sheet.iter_rows() if r[0].value == "Alternativ")
    assert header[6].value == "Förändring (procentenheter)"
    ja = next(r for r in sheet.iter_rows() if r[0].value == "Ja, för medarbetare i verksamheterna")
    # 29 % → 57 %: +29 points (exact 28,57), as the Word report shows it
    assert [c.value for c in ja[1:7]] == [2, 2 / 7, None, 4, 4 / 7, pytest.approx(200 / 7)]
    assert not any("p.e." in str(c.number_format) or "p.e." in str(c.value)
                   for ws in workbook.worksheets for r in ws.iter_rows() for c in r)
    assert cells["Svarande (bas)"][1].value == 7
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
    # free texts and "Annat" texts are on their own sheet, not answer rows
    texts = list(workbook["Fritext"].iter_rows(values_only=True))
    assert texts[0] == ("Omgång", "Grupp", "Fråge-id", "Fråga", "Svar", "Antal")
    assert ("2019", "Totalt", "information-utbildning",
            "Har information/utbildning om överenskommelsen genomförts partsgemensamt?",
            "Utbildningsdag för BUP och socialtjänst", 1) in texts
    assert "=Se bilaga från mötet i september" in [t[4] for t in texts]
    assert "2 egna svar (Annat): se bladet 'Fritext'." not in [c.value for c in sheet["A"]]
    assert "1 egna svar (Annat): se bladet 'Fritext'." in [c.value for c in sheet["A"]]
    data = workbook["Data"]
    assert data.freeze_panes == "A2" and data.auto_filter.ref == f"A1:H{data.max_row}"
    rows = list(data.iter_rows(values_only=True))
    assert rows[0] == ("Omgång", "Grupp", "Fråge-id", "Fråga", "Alternativ", "Antal", "Bas",
                       "Andel")  # headers as a sheet's read (CSV keeps the lower-case keys)
    assert rows[1] == ("2018", "Totalt", "information-utbildning",
                       "Har information/utbildning om överenskommelsen genomförts partsgemensamt?",
                       "Ja, i den delregionala vårdsamverkansgruppen", 3, 7, pytest.approx(3 / 7))
    assert data["H2"].number_format == "0.0%"  # the long data keeps its decimal
    assert "Utbildningsdag för BUP och socialtjänst" not in [r[4] for r in rows]


def test_xlsx_charts_in_the_reports_colours_and_the_same_bytes_each_run(example: Tally) -> None:
    """The rounds light to dark blue as in the Word report (the second series was the
    application's default red), every option labelled, the legend below in the table's
    order; properties of the document, not openpyxl's; the same bytes on every run."""
    import re
    import zipfile

    first, again = render_bytes(example, "xlsx"), render_bytes(example, "xlsx")
    assert first == again
    with zipfile.ZipFile(io.BytesIO(first)) as z:
        chart = z.read("xl/charts/chart1.xml").decode("utf-8")
        core = z.read("docProps/core.xml").decode("utf-8")
    assert re.findall(r'<a:srgbClr val="(\w+)"', chart) == ["BDD7EE", "BDD7EE", "1F4E79",
                                                              "1F4E79"]
    assert '<c:tickLblSkip val="1"/>' in chart or '<tickLblSkip val="1"/>' in chart
    assert re.search(r'legendPos val="b"', chart)
    assert "openpyxl" not in core and "Västbus" in core
