"""The Excel summary reopened with openpyxl: sheets, values, charts, and no formula cells."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import load_workbook
from reportfactory import as_report, deviation, report_dict, sample_summary

from vastbus_cli.render.xlsx import render
from vastbus_cli.reports.merge import merge


def reopen(data: bytes):
    return load_workbook(io.BytesIO(data))


def column(ws, header: str) -> list:
    headers = [c.value for c in ws[1]]
    i = headers.index(header) + 1
    return [ws.cell(row=r, column=i).value for r in range(2, ws.max_row + 1)]


def test_sheet_names() -> None:
    wb = reopen(render(sample_summary()))
    assert wb.sheetnames == ["Översikt", "Till regional nivå", "Uppföljning", "Stöd", "Möten",
                             "Sammansättning", "Teman", "Pågående arbete", "Avvikelser",
                             "Avvikelser per grupp",
                             "Lyfta avvikelser", "Utvecklingsområden", "Kompetensbehov",
                             "Goda exempel",
                             "Planer", "Nyckeltal", "Jämförelse", "Data"]


def test_values() -> None:
    wb = reopen(render(sample_summary()))
    overview = {row[0]: row[1] for row in wb["Översikt"].iter_rows(min_row=2, values_only=True)}
    assert overview["Grupper som saknas"] == "Hjo"
    assert overview["Filer som inte är med (fel i filen)"] == "tibro-2025.yaml"
    dev = wb["Avvikelser"]
    assert [dev["A2"].value, dev["B2"].value, dev["C2"].value] == [
        "SIP ej kallad eller försenad", 7, 3]
    assert column(dev, "Antal")[-1] == 12  # the Totalt row
    meetings = wb["Möten"]
    assert column(meetings, "Genomförda möten") == [9, 6, 3, 18]
    comp = wb["Sammansättning"]
    assert column(comp, "Primärvård") == [1, 0, 1, 2]  # last row: the total
    assert comp["F3"].value == 0 and comp["F3"].number_format == "General"  # a count: 0
    data = wb["Data"]
    rows = list(data.iter_rows(min_row=2, values_only=True))
    assert (2025, "Skaraborg", "Skövde", "Avvikelser", "SIP ej kallad eller försenad", 4) in rows
    cmp = {r[1]: r[2:] for r in wb["Jämförelse"].iter_rows(min_row=2, values_only=True)}
    # (groups both years, 2024, 2025, change, only 2024, only 2025): Skövde alone is compared
    assert cmp["Grupper"] == (1, 1, 1, 0, 1, 2)
    assert cmp["Avvikelser totalt"] == (1, 3, 6, 3, 0, 6)
    assert cmp["Antal SIP-möten"] == (1, 10, 14, 4, None, None)
    follow = list(wb["Uppföljning"].iter_rows(values_only=True))
    assert follow == [("Grupp", "Avvikelsekategori", "Antal 2024", "Antal 2025", "Läget 2025",
                       "Beskrivning 2024", "Åtgärd 2024", "Åtgärd 2025"),
                      ("Skövde", "Väntetider", 2, 0, "Nämns inte 2025", "Lång väntan på BUP.",
                       "Lyft i november.", None)]
    support = list(wb["Stöd"].iter_rows(min_row=2, values_only=True))
    assert support == [("SIP (samordnad individuell plan)", "Skövde", "@Gemensam utbildningsdag."),
                       ("SIP (samordnad individuell plan)", "Lidköping", "SIP-rutin vid flytt."),
                       ("Utan tema", "Lidköping", "Hjälp att nå primärvården.")]


def test_user_text_never_becomes_a_formula() -> None:
    wb = reopen(render(sample_summary()))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    assert column(wb["Lyfta avvikelser"], "Åtgärd") == ["=SUM(A1:A9) lyft till delregionen"]
    assert column(wb["Kompetensbehov"], "Beskrivning") == ["-Utbildning för lärare."]
    assert column(wb["Stöd"], "Stöd från den delregionala gruppen")[0] == (
        "@Gemensam utbildningsdag.")
    assert column(wb["Goda exempel"], "Beskrivning") == ["+Fungerar bra."]
    assert column(wb["Utvecklingsområden"], "Beskrivning")[1] == "Bättre kallelser."  # \x07 gone


def test_headers_are_bold_frozen_and_tables_leave_totals_out() -> None:
    wb = reopen(render(sample_summary()))
    for name in ("Möten", "Avvikelser per grupp", "Data"):
        ws = wb[name]
        assert ws.freeze_panes == "A2"
        assert ws["A1"].font.b
        assert ws.print_title_rows == "$1:$1"
        assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    meetings = wb["Möten"]
    (table,) = meetings.tables.values()
    assert table.ref == "A1:E4"  # three groups; the Totalt row below stays out of sorting
    assert meetings["A5"].value == "Totalt" and meetings["A5"].font.b
    assert len({t.displayName for ws in wb.worksheets for t in ws.tables.values()}) == sum(
        len(ws.tables) for ws in wb.worksheets)
    assert wb["Data"].page_setup.orientation == "portrait"
    assert wb["Lyfta avvikelser"].page_setup.orientation == "landscape"
    assert wb["Pågående arbete"].column_dimensions["D"].width >= 20


def test_native_bar_charts_with_titles() -> None:
    wb = reopen(render(sample_summary()))
    for name, title in (("Avvikelser", "Avvikelser per kategori"),
                        ("Sammansättning", "Representanter per organisation och grupp")):
        charts = wb[name]._charts
        assert len(charts) == 1
        chart = charts[0]
        assert chart.tagname == "barChart"
        texts = "".join(r.t for p in chart.title.tx.rich.p for r in p.r)
        assert texts == title
        assert chart.x_axis.title is not None and chart.y_axis.title is not None
    assert len(wb["Sammansättning"]._charts[0].series) == 5  # one series per organisation


def test_several_subregions_get_a_delregion_column() -> None:
    reports = [as_report(report_dict("Skövde", deviations=[deviation("väntetider", 2)])),
               as_report(report_dict("Uddevalla", subregion="Fyrbodal",
                                     deviations=[deviation("väntetider", 1)]))]
    wb = reopen(render(merge(reports, None, produced=dt.date(2026, 5, 1))))
    meetings = wb["Möten"]
    assert [c.value for c in meetings[1]][:2] == ["Delregion", "Grupp"]
    assert column(meetings, "Delregion")[:2] == ["Fyrbodal", "Skaraborg"]
    assert wb["Avvikelser"]["B2"].value == 3


def test_workbook_properties_are_the_summarys() -> None:
    import datetime as dt
    import io

    from openpyxl import load_workbook

    summary = sample_summary()
    props = load_workbook(io.BytesIO(render(summary))).properties
    assert props.creator == "Västbus delregionala grupp Skaraborg"
    assert props.title == summary.title and props.language == "sv-SE"
    produced = dt.datetime.combine(summary.produced, dt.time())
    assert props.created == props.modified == produced


def test_the_summary_made_again_is_the_same_workbook_byte_for_byte() -> None:
    import zipfile

    summary = sample_summary()
    data = render(summary)
    stamps = {m.date_time[:3] for m in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    assert stamps == {(summary.produced.year, summary.produced.month, summary.produced.day)}
    assert render(summary) == data


def test_layout_a_write_only_sheet_takes_before_its_rows() -> None:
    """Widths, row heights, panes and page properties go in before a write-only sheet's first
    row; set later, openpyxl drops them without a word."""
    wb = reopen(render(sample_summary()))
    overview = wb["Översikt"]
    assert overview.column_dimensions["B"].width == 60  # MAX_WIDTH: the texts wrap
    assert overview.row_dimensions[8].height == 60  # four lines of a long sentence
    assert overview["B8"].alignment.wrap_text and overview["B8"].alignment.vertical == "top"
    assert overview["A8"].alignment.horizontal == "left"  # a list of labelled values
    meetings = wb["Möten"]
    assert meetings["A1"].fill.fgColor.rgb == "00DDE4EE" and meetings["A1"].font.b
    assert meetings["B1"].alignment.horizontal == "right"  # over its numbers
    assert not meetings["A2"].has_style  # one line a row: top alignment would change nothing
    assert meetings["A5"].font.b and not meetings["A5"].alignment.vertical  # the Totalt row
    assert not any(c.has_style for row in wb["Data"].iter_rows(min_row=2) for c in row)
    assert overview["A8"].alignment.vertical == "top"  # a wrapping column: rows read from the top
    assert wb["Jämförelse"]["F2"].number_format == "+0;-0;0"  # a change: its sign shown
    comp = wb["Sammansättning"]
    (chart,) = comp._charts
    assert (chart.anchor._from.col, chart.anchor._from.row) == (comp.max_column + 1, 1)


def test_text_sheets_print_readably() -> None:
    """A sheet fitted one page wide is never shrunk below 75 % (Calibri 11 → 8 pt): wider
    text columns wrap within a landscape page at that scale, or the sheet prints at full
    size over more pages. The example's sheets of quoted text were shrunk to a third."""
    import datetime as dt
    from pathlib import Path

    from vastbus_cli.render.xlsx import render as render_xlsx
    from vastbus_cli.reports.compile import compile_reports

    examples = Path(__file__).resolve().parents[2] / "examples" / "rapporter"
    result = compile_reports(examples / "2025", previous=examples / "2024",
                             produced=dt.date(2026, 5, 20))
    assert result.summary is not None
    book = load_workbook(io.BytesIO(render_xlsx(result.summary)))
    for ws in book.worksheets:
        widths = [d.width for d in ws.column_dimensions.values() if d.width]
        page = 130 if ws.page_setup.orientation == "landscape" else 90  # characters of width
        if ws.sheet_properties.pageSetUpPr.fitToPage:
            assert page / sum(widths) >= 0.75, (ws.title, sum(widths))
    raised = book["Lyfta avvikelser"]
    assert raised.sheet_properties.pageSetUpPr.fitToPage
    assert raised["E2"].alignment.wrap_text  # the description wraps in its narrower column


def test_comparison_sheet_has_the_category_chart() -> None:
    """The Word summary's comparison chart in Excel too: deviations per category both years
    (like with like), the series named by the year headers, a legend to tell them apart."""
    import datetime as dt
    import re
    import zipfile
    from pathlib import Path

    from vastbus_cli.render.xlsx import render as render_xlsx
    from vastbus_cli.reports.compile import compile_reports

    examples = Path(__file__).resolve().parents[2] / "examples" / "rapporter"
    result = compile_reports(examples / "2025", previous=examples / "2024",
                             produced=dt.date(2026, 5, 20))
    assert result.summary is not None
    data = render_xlsx(result.summary)
    sheet = load_workbook(io.BytesIO(data))["Jämförelse"]
    assert [sheet.cell(r, 2).value for r in (7, 12)] == ["SIP ej kallad eller försenad",
                                                         "Annan avvikelse"]
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = [z.read(n).decode("utf-8") for n in sorted(z.namelist())
               if n.startswith("xl/charts/chart")]
    chart = next(x for x in xml if "Avvikelser per kategori 2024 och 2025" in x)
    assert re.findall(r"<f>([^<]*)</f>", chart) == [
        "'Jämförelse'!$D$1", "'Jämförelse'!$B$7:$B$12", "'Jämförelse'!$D$7:$D$12",
        "'Jämförelse'!$E$1", "'Jämförelse'!$B$7:$B$12", "'Jämförelse'!$E$7:$E$12"]
    assert "<legend>" in chart


def test_formula_like_text_in_an_unstyled_column_stays_text() -> None:
    """The Data and Möten sheets write plain values (no column wraps); a group name that
    looks like a formula still goes in as text there."""
    reports = [as_report(report_dict("=1+2", deviations=[deviation("väntetider", 2)])),
               as_report(report_dict("@Hjo"))]
    wb = reopen(render(merge(reports, None, produced=dt.date(2026, 5, 1))))
    for name in ("Data", "Möten"):
        cells = [c for row in wb[name].iter_rows(min_row=2) for c in row
                 if c.value in ("=1+2", "@Hjo")]
        assert cells and all(c.data_type == "s" for c in cells), name
