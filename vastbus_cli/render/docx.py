"""The summary as a Word document: title page, contents, headings, tables, page numbers.

Real heading styles (navigable in Word's navigation pane and picked up by the
table of contents), tables whose header row repeats on every page, and the
styles of an organisation's own reference document when one is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from vastbus_cli.documents.word import WordDocument
from vastbus_cli.render import common, tables
from vastbus_cli.reports.summary import Entry, Part, Summary, ThemeBlock


def render(summary: Summary, reference: Path | None = None) -> bytes:
    # the contents list sections (and parts, when there are several), not every theme
    levels = 1 if len(summary.parts) == 1 else 2
    doc = WordDocument(common.properties(summary), reference, contents_levels=levels)
    writer = _Writer(doc, summary)
    writer.title_page()
    if summary.intro:
        doc.heading(common.TITLES["intro"], 1)
        doc.markdown(summary.intro, below=1)
    for i, (part, totals) in enumerate(common.parts_in_order(summary)):
        writer.part(part, totals, conclusions=i == 0 and bool(summary.conclusions))
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

    def para(self, value: str, bold_lead: str = "") -> Any:
        return self.doc.paragraph(value, bold_lead)

    def bullet(self, value: str, bold_lead: str = "") -> None:
        self.doc.bullet(value, bold_lead)

    def entries(self, items: list[Entry]) -> None:
        if not items:
            self.para(common.NOTHING)
        for e in items:
            self.bullet((f"{e.title} – " if e.title else "") + e.text, f"{e.group}: ")

    def table(self, table: tables.Table) -> None:
        self.doc.table(table)

    # -- the document ------------------------------------------------------------
    def title_page(self) -> None:
        s = self.s
        notes = [("Obs!", common.skipped_sentence(s))] if s.skipped else []
        self.doc.title_page(s.title, common.SUBTITLE, common.title_facts(s), notes)
        self.doc.contents()

    def part(self, part: Part, totals: bool, conclusions: bool = False) -> None:
        heading = common.part_heading(self.s, part, totals)
        self.base = 1 if heading is None else 2
        self.totals = totals
        if heading is not None:  # several sub-regions: each part starts a page
            self.heading(heading, 1, new_page=True)
        for key in common.sections(part, totals, conclusions):
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

    def _overview(self, part: Part) -> None:
        rows = common.overview_lines(self.s, part, self.totals)
        self.table(tables.Table(["Uppgift", "Värde"], [list(r) for r in rows], left=True))
        if part.missing:
            self.para(common.missing_sentence(part), "Saknas: ")
        if part.not_included:
            self.para(common.not_included_sentence(part), "Ej medtagna: ")

    def _meetings(self, part: Part) -> None:
        self.table(tables.meetings_table(part))

    def _composition(self, part: Part) -> None:
        self.para(common.COMPOSITION_NOTE)
        self.table(tables.composition_table(part))
        for gap in part.composition.gaps:
            self.bullet(common.gap_sentence(gap))

    def _themes(self, blocks: list[ThemeBlock], with_groups: bool) -> None:
        if not blocks:
            self.para(common.NOTHING)
        for block in blocks:
            self.heading(common.theme_title(block.theme.label if block.theme else None),
                         self.base + 1)
            if with_groups:
                self.para(f"{common.names(block.groups)}.", "Nämns av: ")
            self.entries(block.entries)

    def _work(self, part: Part) -> None:
        self._themes(part.work, with_groups=False)

    def _development_areas(self, part: Part) -> None:
        self._themes(part.development_areas, with_groups=True)

    def _competence_needs(self, part: Part) -> None:
        self._themes(part.competence_needs, with_groups=True)

    def _deviations(self, part: Part) -> None:
        d = part.deviations
        for line in common.deviation_lines(d):
            self.para(line)
        if d.categories:
            self.heading("Per kategori och status", self.base + 1)
            self.table(tables.category_table(d))
            self.heading("Per grupp", self.base + 1)
            self.table(tables.group_deviation_table(d))
        if d.raised:
            self.heading("Lyfta till delregional nivå", self.base + 1)
            for e in d.raised:
                self.bullet(f"{e.category.label} ({common.num(e.count)}): {e.description} "
                            f"Åtgärd: {e.action}", f"{e.group}: ")

    def _support(self, part: Part) -> None:
        for key in ("good_examples", "plans"):
            self.heading(common.TITLES[key], self.base + 1)
            self.entries(getattr(part, key))

    def _key_figures(self, part: Part) -> None:
        if not part.key_figures:
            self.para(common.NOTHING)
            return
        self.para("Summa, lägsta och högsta värde bland de grupper som redovisat nyckeltalet.")
        self.table(tables.key_figure_table(part))

    def _comparison(self, part: Part) -> None:
        c = part.comparison
        if c is None:
            return
        self.para(common.comparison_intro(c))
        if c.both:
            self.table(tables.change_table(c.figures, "Uppgift", c.previous_year, self.s.year))
            if c.deviations:
                self.table(tables.change_table(c.deviations, "Avvikelsekategori",
                                               c.previous_year, self.s.year))
            if c.key_figures:
                self.para(common.key_figure_comparison_note(c))
                self.table(tables.key_figure_change_table(c))
        if c.one_year_only:
            self.para(common.one_year_only_note(c))
            self.table(tables.one_year_only_table(c))
        for lead, items in common.comparison_lines(c):
            self.bullet(common.names(items) or "inga", f"{lead}: ")

    def _follow_up(self, part: Part) -> None:
        self.para(" ".join(common.follow_up_sentences(part, self.s.year)))
        if not part.follow_up or part.comparison is None:
            return
        self.table(tables.follow_up_table(part, self.s.year))
        for f in part.follow_up:
            self.bullet(common.follow_up_detail(f, part.comparison.previous_year, self.s.year),
                        f"{f.group} – {f.category.label}. ")

    def _priorities(self, part: Part) -> None:
        d = part.deviations
        self.heading(common.TITLES["recurring"], self.base + 1)
        self.para(common.recurring_sentence(d))
        for code in d.recurring:
            self.bullet(common.recurring_item(d, code))
        self.heading(common.TITLES["support_by_theme"], self.base + 1)
        if not part.support_by_theme:
            self.para(common.NOTHING)
        for block in part.support_by_theme:
            self.para("", common.support_theme_lead(block))
            for e in block.entries:
                self.bullet(e.text, f"{e.group}: ")

    def _conclusions(self, part: Part) -> None:
        self.doc.markdown(self.s.conclusions or "", below=self.base)

    def _appendix(self, part: Part) -> None:
        for i, report in enumerate(part.appendix):
            self.heading(report.group, self.base + 1, new_page=i > 0)
            for section in report.sections:
                self.para("", section.title)
                for item in section.items:
                    self.bullet(item)
