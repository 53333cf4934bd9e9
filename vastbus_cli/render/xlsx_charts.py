"""Native Excel bar charts over a sheet's own table, titled, with labelled axes and
alternative text (`documents/excel.add_chart`)."""

from __future__ import annotations

from typing import Any

from vastbus_cli.documents.excel import ChartTexts, add_chart

CHART_WIDTH_CM = 18.0
CHART_HEIGHT_CM = 10.0


def bar_chart(ws: Any, title: str, x_title: str, y_title: str, *, first_row: int, rows: int,
              label_col: int, first_col: int, cols: int, beside: int, texts: ChartTexts,
              description: str, stacked: bool = False, horizontal: bool = False,
              titles_row: int | None = None) -> Any:
    """A bar chart of `rows` rows × `cols` series (headers in row 1), placed a column right
    of the table, which is `beside` columns wide.

    `titles_row`: the series' names are in that row (the header row) although the rows
    charted start further down (a block of the table); several series get a legend."""
    from openpyxl.chart import BarChart, Reference
    from openpyxl.utils import get_column_letter

    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.x_axis.title = x_title
    chart.y_axis.title = y_title
    chart.x_axis.delete = False  # openpyxl 3.1 hides axes unless told otherwise
    chart.y_axis.delete = False
    chart.y_axis.majorGridlines = None if horizontal else chart.y_axis.majorGridlines
    chart.width, chart.height = CHART_WIDTH_CM, CHART_HEIGHT_CM
    if stacked:
        chart.grouping = "stacked"
        chart.overlap = 100
    else:
        chart.legend = None  # one series: its name is the title
    labels = Reference(ws, min_col=label_col, max_col=label_col, min_row=first_row,
                       max_row=first_row + rows - 1)
    if titles_row is None:
        data = Reference(ws, min_col=first_col, max_col=first_col + cols - 1,
                         min_row=first_row - 1, max_row=first_row + rows - 1)
        chart.add_data(data, titles_from_data=True)
    else:
        from openpyxl.chart import Series
        from openpyxl.chart.data_source import StrRef
        from openpyxl.chart.series import SeriesLabel

        for col in range(first_col, first_col + cols):
            values = Reference(ws, min_col=col, max_col=col, min_row=first_row,
                               max_row=first_row + rows - 1)
            name = Reference(ws, min_col=col, max_col=col, min_row=titles_row,
                             max_row=titles_row)
            chart.series.append(Series(values, title_from_data=False, title=None))
            chart.series[-1].tx = SeriesLabel(strRef=StrRef(str(name)))
    chart.set_categories(labels)
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # first category at the top, as in the table
        chart.y_axis.crosses = "max"  # and the value axis stays at the bottom
    anchor_col = get_column_letter(beside + 2)
    add_chart(ws, chart, f"{anchor_col}2", texts, title, description)
    return chart
