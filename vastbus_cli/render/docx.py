"""The summary as a Word document: title page, contents, headings, tables, page numbers.

Real heading styles (navigable in Word's navigation pane and picked up by the
table of contents), tables whose header row repeats on every page, and the
styles of an organisation's own reference document when one is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vastbus_cli.documents.word import WordDocument
from vastbus_cli.render import charts, common, condensed, digest, tables
from vastbus_cli.reports.summary import Part, Summary, ThemeBlock


def render(summary: Summary, reference: Path | None = None) -> bytes:
    if reference is None:
        return _render(summary, None)
    try:
        return _render(summary, reference)
    except common.RenderProblem:
        raise
    except Exception as exc:  # a damaged part python-docx reads without complaint until used
        raise common.RenderProblem(
            f"Referensdokumentet {reference} kan inte användas som Word-mall: en del av "
            "dokumentet är skadad eller saknas.",
            "Öppna dokumentet i Word, spara det som .docx och försök igen.") from exc


def _render(summary: Summary, reference: Path | None) -> bytes:
    # the contents list sections (and parts, when there are several), not every theme
    levels = 1 if len(summary.parts) == 1 else 2
    doc = WordDocument(common.properties(summary), reference, contents_levels=levels)
    writer = _Writer(doc, summary)
    writer.title_page()
    keys = common.opening(summary)
    for i, key in enumerate(keys):
        doc.heading(common.titles(summary)[key], 1)
        getattr(writer, f"_{key}")()
        if key in common.FIRST_PAGE and (i + 1 == len(keys) or keys[i + 1] not in
                                         common.FIRST_PAGE):
            # decisions first: the contents follow the page a steering group reads first
            doc.page_break()
            doc.contents(new_page=False)  # what follows fills the contents' page
    for part, totals in common.parts_in_order(summary):
        writer.part(part, totals)
    return doc.save(footer=summary.title)


class _Writer:
    def __init__(self, doc: WordDocument, summary: Summary) -> None:
        self.doc = doc
        self.s = summary
        self.base = 1
        self.totals = False

    # -- building blocks ---------------------------------------------------------
    def heading(self, value: str, level: int, new_page: bool = False) -> None:
        self.doc.heading(value, level, new_page)

    def para(self, value: str, bold_lead: str = "", keep: bool | None = None) -> Any:
        """`keep`: stay on the page of what follows (a sentence that introduces a table,
        chart or list); None leaves it to the document (a line ending in a colon)."""
        return self.doc.paragraph(value, bold_lead, keep_with_next=keep)

    def bullet(self, value: str, bold_lead: str = "") -> None:
        self.doc.bullet(value, bold_lead)

    def table(self, table: tables.Table) -> None:
        self.doc.table(table)

    def chart(self, shares: charts.Shares | None) -> None:
        """A native Word bar chart of shares (python-pptx is loaded only here)."""
        if shares is None:
            return
        from vastbus_cli.documents.word_chart import BarChart, add_bar_chart

        add_bar_chart(self.doc, BarChart(categories=shares.categories,
                                         series=[(shares.series, shares.values)],
                                         title=shares.title, axis_title=charts.SHARE_AXIS))

    def count_chart(self, counts: charts.Counts | None) -> None:
        if counts is None:
            return
        from vastbus_cli.documents.word_chart import BarChart, add_bar_chart

        chart = add_bar_chart(self.doc, BarChart(categories=counts.categories,
                                                 series=counts.series, title=counts.title,
                                                 axis_title=counts.axis, number_format="0",
                                                 maximum=None))
        chart.paragraph_format.keep_with_next = True  # on the page of the table it draws

    # -- the document ------------------------------------------------------------
    def title_page(self) -> None:
        s = self.s
        self.doc.title_page(s.title, common.subtitle(s), common.title_facts(s), [])

    # -- the opening: the coordinator's words around the generated summary ------
    def _intro(self) -> None:
        self.doc.markdown(self.s.intro or "", below=1)

    def _digest(self) -> None:
        for lead, text in digest.digest_lines(self.s):
            self.para(text, f"{lead}: ")

    def _to_region(self) -> None:
        self.para(digest.region_lead(self.s))
        for issue in digest.whole(self.s).to_region:
            self.heading(issue.category.label, 2)
            self.para(digest.region_text(issue), keep=bool(issue.entries))
            for e in issue.entries:
                self.bullet(f"”{common.sentence(e.description)}” Åtgärd: "
                            f"{common.sentence(e.action)}", f"{e.group} ({common.num(e.count)}): ")

    def _conclusions(self) -> None:
        self.doc.markdown(self.s.conclusions or "", below=1)

    def part(self, part: Part, totals: bool) -> None:
        heading = common.part_heading(self.s, part, totals)
        self.base = 1 if heading is None else 2
        self.totals = totals
        if heading is not None:  # several sub-regions: each part starts a page
            self.heading(heading, 1, new_page=True)
        for key in common.sections(part, totals):
            # the appendix starts a page, and so does each report in it
            self.heading(common.TITLES[key], self.base, new_page=key == "appendix")
            getattr(self, f"_{key}")(part)

    def _subregions(self, part: Part) -> None:
        from vastbus_cli.render import subregions

        side = part.subregions
        assert side is not None
        self.table(subregions.figures_table(side))
        if side.categories:
            self.heading("Avvikelser per kategori och delregion", self.base + 1)
            self.table(subregions.categories_table(side))
        self.para(subregions.flagged_sentence(side))
        for line in subregions.flagged_items(side):
            self.bullet(line)
        self.para(subregions.ORDER_NOTE)

    def _overview(self, part: Part) -> None:
        rows = common.overview_lines(self.s, part, self.totals)
        self.table(tables.Table(["Uppgift", "Värde"], [list(r) for r in rows], left=True))

    def _meetings(self, part: Part) -> None:
        self.table(tables.meetings_table(part))

    def _composition(self, part: Part) -> None:
        self.chart(charts.composition_shares(part))
        self.para(common.COMPOSITION_NOTE, keep=True)
        self.table(tables.composition_table(part))
        for gap in part.composition.gaps:  # the chart shows the others at a glance
            if gap.expected and gap.missing_in:
                self.bullet(common.gap_sentence(gap))

    def _quoted(self, part: Part, blocks: list[ThemeBlock]) -> None:
        for block in condensed.by_count(blocks):
            lead, rest = condensed.quoted_item(block, len(part.groups))
            self.bullet(rest, f"{lead} ")

    def _themes(self, part: Part) -> None:
        self.para(condensed.THEME_TABLE_NOTE.format(of=len(part.groups)), keep=True)
        self.table(condensed.theme_table(part))

    def _work(self, part: Part) -> None:
        for block in condensed.by_count(part.work):
            lead, rest = condensed.titled_item(block, len(part.groups))
            self.bullet(rest, f"{lead} ")

    def _development_areas(self, part: Part) -> None:
        self._quoted(part, part.development_areas)

    def _competence_needs(self, part: Part) -> None:
        self._quoted(part, part.competence_needs)

    def _support_wanted(self, part: Part) -> None:
        self._quoted(part, part.support_by_theme)

    def _deviations(self, part: Part) -> None:
        d = part.deviations
        shares = charts.deviation_shares(part)
        for line in common.deviation_lines(d):
            self.para(line, keep=shares is not None)  # the opening lines stay with the chart
        self.chart(shares)
        if d.categories:
            self.heading("Per kategori och status", self.base + 1)
            self.table(tables.category_table(d, flag_column=False))
            self.para(tables.flagged_note(part))
            self.heading("Per grupp", self.base + 1)
            self.table(tables.group_deviation_table(d, notes_column=False))
        if d.raised:
            self.para(common.raised_pointer(d, common.titles(self.s)["to_region"]))

    def _support(self, part: Part) -> None:
        if part.good_examples:
            self.heading(common.TITLES["good_examples"], self.base + 1)
            for e in part.good_examples:
                self.bullet(e.title or e.text, f"{e.group}: ")
        if part.plans:
            self.heading(common.TITLES["plans"], self.base + 1)
            for group, text in condensed.plans_by_group(part):
                self.bullet(text, f"{group}: ")

    def _key_figures(self, part: Part) -> None:
        several = tables.key_figure_table(part)
        if several.rows:
            self.para("Summa, lägsta och högsta värde bland de grupper som redovisat "
                      "nyckeltalet.", keep=True)
            self.table(several)
        if common.single_key_figures(part):
            self.para(common.single_key_figures(part))

    def _comparison(self, part: Part) -> None:
        c = part.comparison
        if c is None:
            return
        self.para(common.comparison_intro(c), keep=bool(c.both))
        if c.both:
            self.table(tables.change_table(c.figures, "Uppgift", c.previous_year, self.s.year))
            if c.deviations:
                self.count_chart(charts.deviation_change(part))
                self.table(tables.change_table(c.deviations, "Avvikelsekategori",
                                               c.previous_year, self.s.year))
            if c.key_figures:
                self.para(common.key_figure_comparison_note(c), keep=True)
                self.table(tables.key_figure_change_table(c))
        if c.one_year_only:
            self.para(common.one_year_only_note(c), keep=True)
            self.table(tables.one_year_only_table(c))
        for lead, text in common.comparison_lines(c, part):
            self.bullet(f"{text}.", f"{lead}: ")

    def _follow_up(self, part: Part) -> None:
        if part.follow_up is not None:
            self._raised_last_year(part)
        if part.follow_up_text:  # what was done, right after what the reports say
            self.heading(common.follow_up_text_title(self.totals), self.base + 1)
            self.doc.markdown(part.follow_up_text, below=self.base + 1)

    def _raised_last_year(self, part: Part) -> None:
        self.para(" ".join(common.follow_up_sentences(part, self.s.year)),
                  keep=bool(part.follow_up))
        if not part.follow_up or part.comparison is None:
            return
        self.table(tables.follow_up_table(part, self.s.year))
        for f in part.follow_up:
            self.bullet(common.follow_up_detail(f, part.comparison.previous_year, self.s.year),
                        f"{f.group} – {f.category.label}. ")

    def _appendix(self, part: Part) -> None:
        for report in part.appendix:
            self.heading(report.group, self.base + 1)  # no page per group: spills left 4-line pages
            for section in report.sections:
                self.para("", section.title)
                for item in section.items:
                    self.bullet(item)
