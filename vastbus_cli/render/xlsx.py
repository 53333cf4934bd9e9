"""The summary as an Excel workbook: a sheet per section, a long data sheet, native bar charts.

Every sheet is one table starting in A1 with a bold, frozen header row and a
filter, so a coordinator can sort and pivot. Across several sub-regions the
sheets hold every group (from the regional totals) with a Delregion column.
Text from the reports is always written as text (`set_text`): nothing a group
wrote can become a formula. The sheets are openpyxl write-only sheets, a table's rows
appended in order (`documents.excel.StyledRows`); the charts refer to them by name.
"""

from __future__ import annotations

import warnings
from functools import cache
from typing import Any

from vastbus_cli.documents.alt_text import describe
from vastbus_cli.documents.cells import xlsx_value
from vastbus_cli.documents.excel import ChartTexts, StyledRows, save_workbook, styled_cell
from vastbus_cli.render import common, condensed, digest, tables
from vastbus_cli.render.tables import Table, Value
from vastbus_cli.render.xlsx_charts import bar_chart
from vastbus_cli.reports.summary import Comparison, Part, Summary, ThemeBlock

MAX_WIDTH = 60
HEADER_FILL = "DDE4EE"
PORTRAIT_WIDTH = 90  # characters of column width that fit an A4 page upright
LANDSCAPE_WIDTH = 130  # … and on its side
MIN_SCALE = 0.75  # fitted to the page width, Calibri 11 stays above 8 pt
NARROWEST_TEXT = 30  # a wrapped text column is never narrower than this


def printable_widths(natural: list[int]) -> list[int]:
    """Column widths a sheet prints readably with: when the columns are wider than a
    landscape page at `MIN_SCALE`, the text columns wider than `NARROWEST_TEXT` give up
    width alike (their text wraps, the rows grow), never below `NARROWEST_TEXT`."""
    budget = int(LANDSCAPE_WIDTH / MIN_SCALE)
    over = sum(natural) - budget
    wide = [w - NARROWEST_TEXT for w in natural if w > NARROWEST_TEXT]
    if over <= 0 or not wide:
        return natural
    share = min(1.0, over / sum(wide))
    return [w - int(-(-(w - NARROWEST_TEXT) * share // 1)) if w > NARROWEST_TEXT else w
            for w in natural]
SIGNED = "+0;-0;0"  # a change: its sign always shown


def render(summary: Summary) -> bytes:
    from openpyxl import Workbook

    whole = summary.totals or summary.parts[0]
    region = {g: p.subregion for p in summary.parts for g in p.groups}
    book = _Book(Workbook(write_only=True), region if summary.totals is not None else None)
    book.overview(summary)
    book.sheet("Till regional nivå", _to_region(whole), grouped=False)
    if whole.subregions is not None:  # several sub-regions: their figures side by side
        from vastbus_cli.render import subregions

        book.sheet("Delregioner", subregions.figures_table(whole.subregions), grouped=False)
        book.sheet("Avvikelser per delregion",
                   subregions.categories_table(whole.subregions), grouped=False)
    if whole.follow_up is not None:  # what the steering group asks first
        book.sheet("Uppföljning", tables.follow_up_table(whole, summary.year, actions=True))
    book.sheet("Stöd", _support(whole))
    book.sheet("Möten", tables.meetings_table(whole))
    comp = book.sheet("Sammansättning", tables.composition_table(whole))
    n_groups, n_orgs = len(whole.composition.rows), len(whole.composition.organisations)
    rows = whole.composition.rows
    bar_chart(comp, "Representanter per organisation och grupp", "Grupp",
              "Antal representanter", first_row=2, rows=n_groups, label_col=book.col(1),
              first_col=book.col(2), cols=n_orgs, beside=book.width, texts=book.texts,
              description=describe("Representanter per grupp, en färg per organisation; "
                                   "summa per grupp", [r.group for r in rows],
                                   [("Representanter", [sum(r.counts) for r in rows])], "0"),
              stacked=True)
    book.sheet("Teman", condensed.theme_table(whole), grouped=False)
    book.sheet("Pågående arbete", _themed(whole.work, "Rubrik"))
    d = whole.deviations
    dev = book.sheet("Avvikelser", tables.category_table(d), grouped=False)
    if d.categories:
        bar_chart(dev, "Avvikelser per kategori", "Kategori", "Antal avvikelser", first_row=2,
                  rows=len(d.categories), label_col=1, first_col=2, cols=1, beside=book.width,
                  texts=book.texts, horizontal=True, description=describe(
                      "Avvikelser per kategori", [c.category.label for c in d.categories],
                      [("Antal avvikelser", [c.total for c in d.categories])], "0"))
    book.sheet("Avvikelser per grupp", tables.group_deviation_table(d))
    book.sheet("Lyfta avvikelser", Table(
        ["Grupp", "Kategori", "Antal", "Status", "Beskrivning", "Åtgärd"],
        [[e.group, e.category.label, e.count, e.status.label, e.description, e.action]
         for e in d.raised]))
    book.sheet("Utvecklingsområden", _themed(whole.development_areas))
    book.sheet("Kompetensbehov", _themed(whole.competence_needs))
    book.sheet("Goda exempel", Table(["Grupp", "Rubrik", "Beskrivning"],
                                     [[e.group, e.title, e.text] for e in whole.good_examples]))
    book.sheet("Planer", Table(["Grupp", "Planer för nästa år"],
                               [[e.group, e.text] for e in whole.plans]))
    book.sheet("Nyckeltal", tables.key_figure_table(whole), grouped=False)
    if whole.comparison is not None:
        c = whole.comparison
        ws = book.sheet("Jämförelse", _comparison(c), grouped=False)
        if c.deviations:  # the Word summary's chart: per category, both years, like with like
            first = 2 + (1 if c.one_year_only else 0) + len(c.figures)
            chart = bar_chart(ws, f"Avvikelser per kategori {c.previous_year} och {c.year} "
                              f"(samma {len(c.both)} grupper)", "Kategori", "Antal avvikelser",
                              first_row=first, rows=len(c.deviations), label_col=2, first_col=4,
                              cols=2, beside=book.width, horizontal=True, titles_row=1,
                              texts=book.texts, description=describe(
                                  f"Avvikelser per kategori {c.previous_year} och {c.year}",
                                  [ch.label for ch in c.deviations],
                                  [(str(c.previous_year), [ch.previous for ch in c.deviations]),
                                   (str(c.year), [ch.current for ch in c.deviations])], "0"))
            from openpyxl.chart.legend import Legend

            chart.legend = Legend()
            chart.legend.position = "b"
    book.sheet("Data", _long(summary), grouped=False)
    return save_workbook(book.wb, common.properties(summary), book.texts)


def _to_region(part: Part) -> Table:
    """What the sub-region raises to the regional level, one row per category."""
    return Table(["Kategori", "Avvikelser", "Grupper", "Av grupper", "Möjligt systemfel",
                  "Lyfta till delregional nivå", "Lyfta av", "Lyftes även förra året av"],
                 [[i.category.label, i.total, len(i.groups), i.of, "Ja" if i.possible_fault else "",
                   i.raised, common.names(i.raised_by), common.names(i.raised_last_year)]
                  for i in part.to_region])


def _support(part: Part) -> Table:
    """The support wanted, by theme (vocabulary order, no theme last), with who asked."""
    return Table(["Tema", "Grupp", "Stöd från den delregionala gruppen"],
                 [[common.theme_title(b.theme.label if b.theme else None), e.group, e.text]
                  for b in part.support_by_theme for e in b.entries])


def _comparison(c: Comparison) -> Table:
    """Like with like: one row per figure for the groups that reported both years; the
    groups that reported one year only in their own columns, outside the change."""
    rows: list[list[Value]] = []
    for kind, changes in (("Möten och avvikelser", c.figures),
                          ("Avvikelsekategori", c.deviations), ("Nyckeltal", c.key_figures)):
        rows += [[kind, ch.label, ch.groups if ch.groups is not None else len(c.both),
                  ch.previous, ch.current, ch.change, None, None] for ch in changes]
    only = {o.label: o for o in c.one_year_only}
    rows = [[*r[:6], only[str(r[1])].previous if r[1] in only else None,
             only[str(r[1])].current if r[1] in only else None] for r in rows]
    if c.one_year_only:
        groups = only["Grupper"]
        rows.insert(0, ["Grupper", "Grupper", len(c.both), len(c.both), len(c.both), 0,
                        groups.previous, groups.current])
    return Table(["Avsnitt", "Uppgift", "Grupper (båda åren)", str(c.previous_year), str(c.year),
                  "Förändring", f"Bara {c.previous_year}", f"Bara {c.year}"], rows,
                 signed=frozenset({5}))


def _markdown_rows(title: str, source: str | None) -> list[list[Value]]:
    """The coordinator's Markdown as text, a line per row; the title beside the first line."""
    from vastbus_cli.documents.markdown_text import plain_text

    lines = plain_text(source) if source else []
    return [[title if i == 0 else "", line] for i, line in enumerate(lines)]


def _themed(blocks: list[ThemeBlock], title: str | None = None) -> Table:
    headers = ["Tema", "Grupp", *([title] if title else []), "Beskrivning"]
    rows: list[list[Value]] = [
        [common.theme_title(b.theme.label if b.theme else None), e.group,
         *([e.title] if title else []), e.text]
        for b in blocks for e in b.entries]
    return Table(headers, rows)


def _long(summary: Summary) -> Table:
    """One row per figure: the shape pivot tables and other tools want.

    The year and sub-region columns let several years' or sub-regions' sheets be
    appended into one table.
    """
    rows: list[list[Value]] = []
    for part in summary.parts:
        rows += [[summary.year, *row] for row in _long_part(part)]
    return Table(["År", "Delregion", "Grupp", "Avsnitt", "Mått", "Värde"], rows)


def _long_part(part: Part) -> list[list[Value]]:
    sub = part.subregion
    rows: list[list[Value]] = []
    for g in part.overview.groups:
        rows += [[sub, g.name, "Möten", "Planerade möten", g.meetings_planned],
                 [sub, g.name, "Möten", "Genomförda möten", g.meetings_held]]
    orgs = part.composition.organisations
    for comp in part.composition.rows:
        rows += [[sub, comp.group, "Sammansättning", o.label, n]
                 for o, n in zip(orgs, comp.counts, strict=True)]
    cats = part.deviations.categories
    for dev in part.deviations.by_group:
        rows += [[sub, dev.group, "Avvikelser", c.category.label, n]
                 for c, n in zip(cats, dev.counts, strict=True)]
    for f in part.key_figures:
        rows += [[sub, group, "Nyckeltal", f.name, v] for group, v in f.values.items()]
    return rows


@cache
def _styles(left: bool) -> tuple[Any, ...]:
    """Bold, header fill, right, top and wrapping alignment: the same objects for every sheet.

    openpyxl looks each style set on a cell up in the workbook's list of styles; the very
    object found there is a quick match, an equal new one is compared field by field (for
    the region's workbook, a few hundred milliseconds). Never change one of them."""
    from openpyxl.styles import Alignment, Font, PatternFill

    side = "left" if left else None
    return (Font(bold=True), PatternFill("solid", fgColor=HEADER_FILL),
            Alignment(horizontal="right"), Alignment(vertical="top", horizontal=side),
            Alignment(wrap_text=True, vertical="top", horizontal=side))


class _Book:
    def __init__(self, wb: Any, region: dict[str, str] | None) -> None:
        self.wb = wb
        self.region = region  # group → sub-region, only when there are several
        self.tables = 0
        self.width = 0  # columns of the sheet written last
        self.texts: ChartTexts = {}  # the charts' alternative text, by sheet

    def col(self, n: int) -> int:
        """Column `n` of a per-group table, after the Delregion column if there is one."""
        return n + (1 if self.region else 0)

    def _new(self, title: str) -> Any:
        return self.wb.create_sheet(title)

    def overview(self, s: Summary) -> None:
        ws = self._new("Översikt")
        rows: list[list[Value]] = [
            ["Sammanställning", s.title], ["Delregion", s.subregion],
            ["Verksamhetsår", s.year], ["Datum", s.produced],
        ]
        rows += [[label, value] for label, value in common.title_facts(s)
                 if label not in ("Delregion", "Verksamhetsår", "Datum")]
        rows += _markdown_rows(common.TITLES["intro"], s.intro)
        rows += [[f"{common.TITLES['digest']}: {lead}", text]
                 for lead, text in digest.digest_lines(s)]
        for part, totals in common.parts_in_order(s):  # beside the digest's follow-up line
            prefix = f"{part.subregion}: " if len(s.parts) > 1 or totals else ""
            rows += _markdown_rows(prefix + common.follow_up_text_title(totals),
                                   part.follow_up_text)
        for part, totals in common.parts_in_order(s):
            prefix = f"{part.subregion}: " if len(s.parts) > 1 or totals else ""
            rows += [[f"{prefix}{label}", value] for label, value in
                     common.overview_lines(s, part, totals)]
            rows += [[prefix + "Sammansättning", common.gap_sentence(g)]
                     for g in part.composition.gaps if g.missing_in and g.expected]
        rows += _markdown_rows(common.TITLES["conclusions"], s.conclusions)
        self._write(ws, Table(["Uppgift", "Värde"], rows, left=True), filters=False)

    def sheet(self, title: str, table: Table, grouped: bool = True) -> Any:
        """A sheet with `table`; per-group tables get the Delregion column when needed."""
        # the region-wide group tables have the column already (tables.with_subregions)
        if grouped and self.region is not None and table.headers[0] != "Delregion":
            table = Table(["Delregion", *table.headers],
                          [[self.region.get(str(r[0]), ""), *r] for r in table.rows],
                          table.dash_zero, table.signed, table.left)
        ws = self._new(title)
        self._write(ws, table, filters=True)
        return ws

    def _write(self, ws: Any, table: Table, filters: bool) -> None:
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.worksheet import Worksheet

        bold, fill, right, top, wrap = _styles(table.left)
        numeric = [table.numeric(i) for i in range(len(table.headers))]
        first_total = len(table.rows) - table.totals
        lines = [1] * (len(table.rows) + 2)
        natural = []
        for c, header in enumerate(table.headers, start=1):
            values = [str(header)] + [str(row[c - 1]) for row in table.rows
                                      if row[c - 1] is not None]
            natural.append(max(min(max(len(v) for v in values) + 2, MAX_WIDTH), 8))
        widths = printable_widths(natural)
        wide = []
        for c, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(c)].width = width
            wide.append(width >= MAX_WIDTH or width < natural[c - 1])
            if not wide[-1]:
                continue
            for r, row in enumerate(table.rows, start=2):
                text = "" if row[c - 1] is None else str(row[c - 1])
                lines[r] = max(lines[r], -(-len(text) // max(width - 4, 1)))
        for r, n in enumerate(lines):
            if n > 1:  # Excel and LibreOffice do not grow a wrapped row on their own
                ws.row_dimensions[r].height = 15 * n
        # a write-only sheet: widths, heights, panes and page properties before the rows
        ws.freeze_panes = "A2"
        landscape = sum(widths) > PORTRAIT_WIDTH
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        # one page wide only where the text stays readable; else printed at full size, the
        # columns over more pages
        fits = sum(widths) * MIN_SCALE <= (LANDSCAPE_WIDTH if landscape else PORTRAIT_WIDTH)
        ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = (1, 0) if fits else (0, 0)
        ws.sheet_properties.pageSetUpPr.fitToPage = fits
        ws.print_title_rows = "1:1"
        ws.append([styled_cell(ws, ({"font": bold, "fill": fill},
                                    *(({"alignment": right},) if numeric[c] else ())), header)
                   for c, header in enumerate(table.headers)])  # right over numbers only
        # each cell gets what it always got, in this order: its value (a date its format),
        # the alignment (and a change's format), bold in a totals row, wrapping in a wide
        # column. Without a wrapping column every row is one line high, where aligning to
        # the top changes nothing: those cells stay unstyled (the long Data sheet's ~45 000
        # for the region), which openpyxl writes in half the time.
        tall = any(wide)
        steps = ({"alignment": top} if tall else {},
                 {"alignment": top, "number_format": SIGNED} if tall else {"number_format": SIGNED},
                 {"font": bold}, {"alignment": wrap})
        width_cols = max([len(table.headers), *(len(row) for row in table.rows)])
        per_column = [[steps[1] if c in table.signed else steps[0],
                       *((steps[3],) if c < len(wide) and wide[c] else ())]
                      for c in range(width_cols)]
        body = StyledRows(ws, [tuple(s for s in ss if s) for ss in per_column])
        totals = StyledRows(ws, [tuple(s for s in (ss[0], steps[2], *ss[1:]) if s)
                                 for ss in per_column])
        for r, row in enumerate(table.rows):
            (totals if r >= first_total else body).append(row)
        self.width = width_cols
        if filters and first_total > 0:
            self._list_object(ws, table, first_total)

    def _list_object(self, ws: Any, table: Table, rows: int) -> None:
        """The table as an Excel table (sortable, filterable); totals rows stay below it."""
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.filters import AutoFilter
        from openpyxl.worksheet.table import Table as ExcelTable
        from openpyxl.worksheet.table import TableColumn, TableStyleInfo

        ref = f"A1:{get_column_letter(len(table.headers))}{rows + 1}"
        headers = [str(xlsx_value(h)) for h in table.headers]
        if len(set(headers)) < len(headers) or "" in headers:  # Excel would refuse the table
            ws.auto_filter.ref = ref
            return
        self.tables += 1
        # the columns named here: a write-only sheet cannot be read back for its headers
        out = ExcelTable(displayName=f"Tabell{self.tables}", ref=ref,
                         autoFilter=AutoFilter(ref=ref),
                         tableColumns=[TableColumn(id=i, name=h)
                                       for i, h in enumerate(headers, start=1)])
        out.tableStyleInfo = TableStyleInfo(name="TableStyleLight1", showRowStripes=True)
        with warnings.catch_warnings():  # openpyxl's reminder to do just that
            warnings.filterwarnings("ignore", "In write-only mode you must add table columns")
            ws.add_table(out)
