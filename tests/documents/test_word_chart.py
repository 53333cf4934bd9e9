"""Native Word charts: title, axis title, neutral colours, legend in the order of the bars."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from vastbus_cli.documents.properties import Properties
from vastbus_cli.documents.word import WordDocument
from vastbus_cli.documents.word_chart import PALETTE, BarChart, add_bar_chart


def chart_xml(chart: BarChart) -> str:
    doc = WordDocument(Properties(title="T", author="A", date=dt.date(2026, 3, 1)))
    add_bar_chart(doc, chart)
    package = zipfile.ZipFile(io.BytesIO(doc.save()))
    return package.read("word/charts/chart1.xml").decode("utf-8")


SHARES = BarChart(["Ja", "Nej"], [("2018", [0.25, 0.75]), ("2019", [0.5, 0.5])],
                  title="Har rutin tagits fram?", axis_title="Andel av svarande")


def test_title_and_value_axis_title() -> None:
    xml = chart_xml(SHARES)
    title = xml.split("<c:plotArea>")[0]
    assert "<a:t>Har rutin tagits fram?</a:t>" in title and '<c:autoTitleDeleted val="0"/>' in xml
    axis = xml.split("<c:valAx>")[1]
    assert "<a:t>Andel av svarande</a:t>" in axis.split("</c:title>")[0]


def test_bars_and_legend_in_the_same_order_with_neutral_colours() -> None:
    """Written bottom-up (categories and series reversed) on a normal axis, so the first
    round stands on top in each cluster and heads the legend (LibreOffice and Word list
    a bar chart's legend bottom-up)."""
    xml = chart_xml(SHARES)
    assert re.findall(r"<c:tx>.*?<c:v>(.*?)</c:v>", xml) == ["2019", "2018"]
    assert '<c:orientation val="minMax"/>' in xml and "maxMin" not in xml
    categories = xml.split("<c:cat>")[1].split("</c:cat>")[0]
    assert re.findall(r"<c:v>(.*?)</c:v>", categories) == ["Nej", "Ja"]
    colours = re.findall(r'<a:srgbClr val="([0-9A-F]{6})"/>', xml.split("<c:dLbls>")[0])
    assert colours == [PALETTE[2], PALETTE[0]]  # 2019 dark, 2018 light: no red anywhere
    assert "C0504D" not in xml and "FF0000" not in xml


def test_counts_follow_the_data_and_labels_can_differ_per_series() -> None:
    xml = chart_xml(BarChart(["SIP"], [("2024", [3]), ("2025", [5])], number_format="0",
                             maximum=None, label_formats=["0 %", "0.0 %"]))
    assert "<c:max " not in xml
    assert 'formatCode="0.0 %"' in xml
