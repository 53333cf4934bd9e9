"""Native Word bar charts (DrawingML), so a chart in a report is a real chart in Word.

For any Word document built on `WordDocument` (the survey report, the
sub-regional summary):

    from vastbus_cli.documents.word_chart import BarChart, add_bar_chart
    add_bar_chart(doc, BarChart(
        categories=["SIP ej kallad", "Väntetider"],          # top to bottom
        series=[("2024", [3, 1]), ("2025", [5, 2])],          # oldest first
        title="Avvikelser per kategori", axis_title="Antal avvikelser",
        number_format="0", maximum=None))                     # counts: axis from the data

Shares are fractions (0.25 is 25 %) with the default `number_format="0 %"`
and an axis to 100 %; `label_formats` gives each series its own label format
(e.g. "0.0 %" where that round's base is large; Word shows the
decimal comma). Series are drawn in neutral
blues, the latest darkest, never red; the legend lists them in the order the
bars stand in each cluster (checked in LibreOffice, which lists a bar
chart's legend bottom-up: the series are written in reverse for that).

`stacked=True` draws a 100 % bar per category instead, a segment per series in
order from the left (a rating scale: a bar per statement, a segment per step), in
the `colours` given (`colours.ramp` for a scale's steps), each segment's label in white or
black by its colour and left out below `STACKED_LABEL_MIN`.

python-docx cannot make charts. python-pptx (the same maintainers' PowerPoint
library) writes the chart XML and the embedded workbook that holds its data;
this module puts that chart part into the Word package and anchors it inline.
Word shows and edits it like a chart made in Word ("Redigera data" works), and
LibreOffice draws it in a PDF. Imported only when a Word report has charts.

Every chart carries alternative text (`wp:docPr` `descr`, its `title` the chart's
title): the figures in plain Swedish from `alt_text`, which LibreOffice carries into a
tagged PDF as the figure's `/Alt`, so a screen reader reads what the chart shows.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vastbus_cli.documents import alt_text, docx_xml
from vastbus_cli.documents.colours import dark
from vastbus_cli.documents.word import EMU_PER_CM, WordDocument

CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}


@dataclass(frozen=True)
class BarChart:
    """Horizontal clustered bars: categories top-down, one series per round or group.

    Values are fractions (0.25 is 25 %); None leaves a gap.
    """

    categories: Sequence[str]
    series: Sequence[tuple[str, Sequence[float | None]]]
    title: str = ""
    axis_title: str = ""  # under the value axis, e.g. "Andel av svarande"
    number_format: str = "0 %"  # the axis and the labels: Excel codes, "0" for counts
    maximum: float | None = 1.0  # the value axis' end; None lets it follow the data
    label_formats: Sequence[str] | None = None  # one per series, else `number_format`
    # a 100 % stacked bar per category, a segment per series in order from the left (a
    # rating scale: one bar per statement, a segment per step)
    stacked: bool = False
    colours: Sequence[str] | None = None  # one per series (RRGGBB), else the neutral blues

    def description(self) -> str:
        """The chart's alternative text: its title and figures (`alt_text`)."""
        return alt_text.describe(self.title, self.categories, self.series, self.number_format,
                                 self.label_formats, self.stacked)


#: Neutral blues from light to dark: the earliest series lightest, the latest darkest.
PALETTE = ("9DC3E6", "2E75B6", "1F4E79", "BDD7EE")
#: A stacked segment's label is left out below this share: "3 %" does not fit its segment.
STACKED_LABEL_MIN = 0.06


def add_bar_chart(doc: WordDocument, chart: BarChart, width_cm: float | None = None) -> Any:
    """The chart in its own paragraph at the end of `doc`; its height follows the bar count."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    package = doc.doc.part.package
    number = sum(1 for p in package.iter_parts() if str(p.partname).startswith("/word/charts/"))
    chart_part = Part(PackURI(f"/word/charts/chart{number + 1}.xml"), CHART_TYPE, b"", package)
    data = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Worksheet{number + 1}.xlsx"),
                XLSX_TYPE, _chart_workbook(chart), package)
    data_rid = chart_part.relate_to(data, _rel("package"))
    docx_xml.set_blob(chart_part, _chart_xml(chart, data_rid))
    rid = doc.doc.part.relate_to(chart_part, _rel("chart"))
    width = width_cm or min(doc.usable_cm, 16.0)
    bars = max(1, len(chart.categories)) * (1 if chart.stacked else max(1, len(chart.series)))
    height = min(22.0, 2.8 + 0.55 * bars + 0.5 * len(chart.series)
                 + (0.4 * (1 + len(chart.title) // 70) if chart.title else 0)
                 + (0.5 if chart.axis_title else 0))
    paragraph = doc.new_paragraph()
    paragraph.paragraph_format.keep_together = True
    docx_xml.run_element(paragraph.add_run()).append(
        parse_xml(_inline(rid, number + 1, width, height, chart.title, chart.description())))
    return paragraph


def _rel(kind: str) -> str:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    return str(RT.CHART if kind == "chart" else RT.PACKAGE)


def _chart_data(chart: BarChart) -> Any:
    """The data as drawn: categories bottom-up and series last-first (see the module's note);
    stacked, the series in their order (the first segment is drawn leftmost)."""
    from pptx.chart.data import CategoryChartData

    data = CategoryChartData(number_format=chart.number_format)
    data.categories = list(reversed(chart.categories))
    for name, values in (chart.series if chart.stacked else reversed(chart.series)):
        data.add_series(name, list(reversed(values)))
    return data


def _colours(count: int) -> list[str]:
    """One colour per series in chronological order; one series gets the dark blue."""
    if count == 1:
        return [PALETTE[2]]
    if count == 2:
        return [PALETTE[0], PALETTE[2]]
    return [PALETTE[i % len(PALETTE)] for i in range(count)]


def _chart_workbook(chart: BarChart) -> bytes:
    from pptx.chart.xlsx import CategoryWorkbookWriter

    blob: bytes = CategoryWorkbookWriter(_chart_data(chart)).xlsx_blob
    return blob


def _chart_xml(chart: BarChart, data_rid: str) -> bytes:
    from lxml import etree
    from pptx.chart.chart import Chart
    from pptx.chart.xmlwriter import ChartXmlWriter
    from pptx.dml.color import RGBColor
    from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
    from pptx.oxml import parse_xml
    from pptx.util import Pt

    kind = XL_CHART_TYPE.BAR_STACKED_100 if chart.stacked else XL_CHART_TYPE.BAR_CLUSTERED
    space = parse_xml(ChartXmlWriter(kind, _chart_data(chart)).xml.encode("utf-8"))
    view = Chart(space, None)
    view.font.size = Pt(9)
    view.has_legend = len(chart.series) > 1
    if view.has_legend:
        view.legend.position = XL_LEGEND_POSITION.BOTTOM
        view.legend.include_in_layout = False
    view.has_title = bool(chart.title)
    if chart.title:
        view.chart_title.text_frame.text = chart.title
        font = view.chart_title.text_frame.paragraphs[0].runs[0].font
        font.size, font.bold = Pt(10), True
    values = view.value_axis
    values.minimum_scale = 0.0
    if chart.maximum is not None:
        values.maximum_scale = chart.maximum
        values.major_unit = chart.maximum / 4
    values.has_major_gridlines = True
    values.tick_labels.number_format = chart.number_format
    values.tick_labels.number_format_is_linked = False
    if chart.axis_title:
        values.has_title = True
        values.axis_title.text_frame.text = chart.axis_title
        values.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(9)
        values.axis_title.text_frame.paragraphs[0].runs[0].font.bold = False
    plot = view.plots[0]
    plot.gap_width = 60
    plot.overlap = 100 if chart.stacked else 0
    plot.vary_by_categories = False
    plot.has_data_labels = True
    plot.data_labels.number_format = chart.number_format
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.font.size = Pt(8)
    formats = list(chart.label_formats or [chart.number_format] * len(chart.series))
    colours = list(chart.colours or _colours(len(chart.series)))
    drawn = zip(plot.series, colours, formats, strict=True) if chart.stacked else \
        zip(plot.series, reversed(colours), reversed(formats), strict=True)
    for series, colour, label in drawn:
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(colour)
        series.invert_if_negative = False
        if label != chart.number_format or chart.stacked:
            series.data_labels.number_format = label
            series.data_labels.number_format_is_linked = False
            series.data_labels.show_value = True
            series.data_labels.font.size = Pt(8)
        if chart.stacked:
            series.data_labels.font.color.rgb = RGBColor.from_string(
                "FFFFFF" if dark(colour) else "000000")
    if chart.stacked:
        _hide_small_labels(space, chart)
    external = etree.SubElement(space, f"{{{_NS['c']}}}externalData")
    external.set(f"{{{_NS['r']}}}id", data_rid)
    etree.SubElement(external, f"{{{_NS['c']}}}autoUpdate").set("val", "0")
    xml: bytes = etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)
    return xml


def _hide_small_labels(space: Any, chart: BarChart) -> None:
    """No label on a stacked segment too narrow for it (or empty): a `<c:dLbl>` that deletes
    that point's label, first in the series' `<c:dLbls>` as the schema orders it. Series are
    in the chart's order, their points bottom-up (`_chart_data`)."""
    from lxml import etree

    c = f"{{{_NS['c']}}}"
    for element, (_name, shares) in zip(space.iter(f"{c}ser"), chart.series, strict=True):
        labels = element.find(f"{c}dLbls")
        if labels is None:
            continue
        drawn = list(reversed(shares))
        for index in reversed(range(len(drawn))):
            share = drawn[index]
            if share is None or share < STACKED_LABEL_MIN:
                label = etree.Element(f"{c}dLbl")
                etree.SubElement(label, f"{c}idx").set("val", str(index))
                etree.SubElement(label, f"{c}delete").set("val", "1")
                labels.insert(0, label)


def _inline(rid: str, number: int, width_cm: float, height_cm: float, title: str,
            description: str) -> str:
    from html import escape

    from vastbus_cli.documents.word_parts import text

    cx, cy = int(width_cm * EMU_PER_CM), int(height_cm * EMU_PER_CM)
    named = escape(text(title or f"Diagram {number}"), quote=True)
    said = escape(text(description), quote=True)
    ns = " ".join(f'xmlns:{k}="{v}"' for k, v in _NS.items())
    return (f'<w:drawing {ns}><wp:inline distT="0" distB="0" distL="0" distR="0">'
            f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
            f'<wp:docPr id="{1000 + number}" name="Diagram {number}" title="{named}" '
            f'descr="{said}"/><wp:cNvGraphicFramePr/>'
            f'<a:graphic><a:graphicData uri="{_NS["c"]}"><c:chart r:id="{rid}"/>'
            f'</a:graphicData></a:graphic></wp:inline></w:drawing>')


def chart_descriptions(docx: bytes) -> list[str]:
    """Each chart's alternative text in a .docx, in document order."""
    import re
    import zipfile
    from html import unescape

    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    found = []
    for drawing in re.findall(r"<w:drawing\b.*?</w:drawing>", xml, re.DOTALL):
        if f'uri="{_NS["c"]}"' not in drawing:
            continue
        frame = re.search(r"<wp:docPr\b[^>]*>", drawing)
        said = re.search(r'\sdescr="([^"]*)"', frame.group(0) if frame else "")
        found.append(unescape(said.group(1)) if said else "")
    return found
