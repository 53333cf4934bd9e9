"""The follow-up report as a Word document, for the steering groups (VVG, SRO).

Built on the one Word layer (`documents/`): title page, contents, method, then
per section of the survey each question with its table, a native bar chart for
closed questions (rounds side by side), the change in percentage points, the
mandatory questions left blank and by whom, and the free-text answers (already
masked by the tally where they held an identity number).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vastbus_cli.documents import docx_xml
from vastbus_cli.documents.properties import Properties
from vastbus_cli.documents.table import Table, Value
from vastbus_cli.documents.word import WordDocument
from vastbus_cli.survey.model import QuestionResult, Result, Tally
from vastbus_cli.survey.render.common import (
    MULTI_NOTE,
    RANK_NOTE,
    SMALL_NOTE,
    STAT_LABELS,
    blank_lines,
    change,
    cross_columns,
    cross_options,
    is_cross,
    kind_name,
    option_labels,
    percent,
    rank_table,
    results_by_round,
    round_labels,
    shown_answers,
)

AUTHOR = "Västbus"


@dataclass(frozen=True)
class ReportOptions:
    intro: str = ""  # the coordinator's own Markdown text
    date: dt.date | None = None
    reference: Path | None = None


def render(tally: Tally, options: ReportOptions | None = None) -> bytes:
    options = options or ReportOptions()
    date = options.date or dt.date.today()
    labels = round_labels(tally)
    rounds = " och ".join(labels) if len(labels) <= 2 else ", ".join(labels)
    doc = WordDocument(Properties(title=tally.survey, author=AUTHOR, date=date,
                                  subject=f"Enkätuppföljning, omgång {rounds}",
                                  keywords="enkät, uppföljning"), options.reference)
    doc.title_page(tally.survey, "Rapport från uppföljningen",
                   facts=[("Omgång" if len(labels) == 1 else "Omgångar", rounds),
                          ("Svarande", ", ".join(f"{r.respondents} ({r.label})"
                                                  for r in tally.rounds)),
                          ("Datum", date.isoformat())])
    doc.contents()
    _method(doc, tally, options.intro)
    for section, questions in tally.sections():
        doc.heading(section, 1, new_page=True)
        for question in questions:
            _question(doc, question, tally)
    return doc.save()


def _method(doc: WordDocument, tally: Tally, intro: str) -> None:
    doc.heading("Om uppföljningen", 1)
    if intro.strip():
        doc.markdown(intro, below=1)
    doc.heading("Metod", 2)
    asked = f" Svaren har delats upp på {tally.by}." if tally.by else ""
    doc.paragraph(
        f"Rapporten bygger på enkätsvaren i {len(tally.rounds)} "
        f"{'omgång' if len(tally.rounds) == 1 else 'omgångar'}. För varje fråga visas hur många "
        "som svarat (basen) och antal och andel per svarsalternativ; andelen räknas på dem som "
        "svarat på frågan. Vid flera omgångar visas förändringen i procentenheter (p.e.)."
        + asked)
    expected = any(r.expected for r in tally.rounds)
    rows: list[list[Value]] = [
        [r.label, r.respondents, *([r.expected, percent(r.response_rate)] if expected else []),
         r.source] for r in tally.rounds]
    headers = ["Omgång", "Svarande", *(["Förväntade", "Svarsfrekvens"] if expected else []),
               "Källa"]
    doc.table(Table(headers, rows))
    for info in tally.rounds:
        if info.not_responded:
            doc.paragraph(", ".join(info.not_responded), bold_lead=f"Har inte svarat {info.label}: ")


def _question(doc: WordDocument, question: QuestionResult, tally: Tally) -> None:
    labels = round_labels(tally)
    doc.heading(question.text, 2)
    doc.paragraph(kind_name(question).capitalize(), italic=True).paragraph_format \
        .keep_with_next = True
    results = results_by_round(question, None, labels)
    if question.kind == "rank":
        headers, rows = rank_table(results, labels)
        doc.table(Table(headers, [list(r) for r in rows]))
        doc.paragraph(RANK_NOTE, italic=True)
    elif question.kind in ("single", "multi"):
        _keep_with_next(doc.table(_options_table(results, labels)))
        _chart(doc, results, labels)
        if question.kind == "multi":
            doc.paragraph(MULTI_NOTE, italic=True)
        if is_cross(question, tally):
            _cross(doc, question, tally, labels)
    elif question.kind == "number":
        doc.table(_stats_table(results, labels))
    else:
        doc.paragraph("; ".join(f"{r.round}: {r.answered} svar, {r.missing} utan svar"
                                for r in results if r))
    blanks = blank_lines(question, None, labels)
    if blanks:
        doc.paragraph("Obligatorisk fråga som lämnats utan svar:", bold_lead="Obs! ")
        for line in blanks:
            doc.bullet(line)
    for result in results:
        if result and result.answers:
            word = "Svar" if question.kind == "text" else "Egna svar (Annat)"
            shown, note = shown_answers(result)
            doc.paragraph(f"{word}, {result.round}:", bold_lead="")
            for answer in shown:
                times = f" ({answer.count} svar)" if answer.count > 1 else ""
                doc.bullet(answer.text + times)
            if note:
                doc.paragraph(note)


def _keep_with_next(table: Any) -> None:
    """The table and the space after it stay on the page of the chart that follows."""
    from docx.text.paragraph import Paragraph

    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True
    spacer = docx_xml.table_element(table).getnext()
    if spacer is not None and spacer.tag.endswith("}p"):
        Paragraph(spacer, docx_xml.block_parent(table)).paragraph_format.keep_with_next = True


def _options_table(results: list[Result | None], labels: list[str]) -> Table:
    headers = ["Alternativ"]
    for index, label in enumerate(labels):
        headers += [f"{label} antal", f"{label} andel"]
        if index:
            headers.append("Förändring")
    rows: list[list[Value]] = []
    for option in option_labels(results):
        row: list[Value] = [option]
        for index, result in enumerate(results):
            found = next((o for o in result.options if o.label == option), None) if result else None
            row += [found.count if found else None, percent(found.percent) if found else "–"]
            if index:
                row.append(change(found.change) if found else "")
        rows.append(row)
    base: list[Value] = ["Svarande (bas)"]
    for index, result in enumerate(results):
        base += [result.answered if result else None, ""]
        if index:
            base.append("")
    rows.append(base)
    return Table(headers, rows)


def _stats_table(results: list[Result | None], labels: list[str]) -> Table:
    rows: list[list[Value]] = [
        [name, *[getattr(r.stats, key) if r and r.stats else None for r in results]]
        for key, name in STAT_LABELS]
    rows.append(["Ej svar", *[r.missing if r else None for r in results]])
    return Table(["", *labels], rows)


def _chart(doc: WordDocument, results: list[Result | None], labels: list[str]) -> None:
    from vastbus_cli.documents.word_chart import BarChart, add_bar_chart

    options = option_labels(results)
    if not options:
        return
    series = []
    for label, result in zip(labels, results, strict=False):
        if result is None or not result.answered:
            continue
        shares = {o.label: o.count / result.answered for o in result.options}
        series.append((label, [shares.get(o) for o in options]))
    if series:
        add_bar_chart(doc, BarChart(options, series))


def _cross(doc: WordDocument, question: QuestionResult, tally: Tally, labels: list[str]) -> None:
    small = False
    for label in labels:
        columns = cross_columns(question, tally, label)
        doc.paragraph(f"Per {tally.by}, {label}", italic=True).paragraph_format \
            .keep_with_next = True
        # a small group's column holds counts only: numbers, so a wide table turns its headers
        rows: list[list[Value]] = [
            [option, *[c.option(option)[0] if c.small else c.cell(option) for c in columns]]
            for option in cross_options(columns)]
        rows.append(["Svarande (bas)", *[c.result.answered if c.result else None
                                         for c in columns]])
        doc.table(Table(["Alternativ", *[c.heading for c in columns]], rows, dash_zero=True))
        small = small or any(c.small for c in columns)
    if small:
        doc.paragraph(SMALL_NOTE, italic=True)
