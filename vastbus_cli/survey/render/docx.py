"""The follow-up report as a Word document, for the steering groups (VVG, SRO).

Built on the one Word layer (`documents/`): title page (to, from, date,
diarienummer), contents, a generated summary, the coordinator's introduction
and the method, then per section of the survey each question with its table, a
native bar chart for closed questions (rounds side by side), the change in
percentage points, a note where the question's wording changed, the mandatory
questions left blank and by whom, and the free-text answers (already masked by
the tally where they held an identity number); the coordinator's conclusions
last. Shares carry a decimal only where the base is large enough
(`share_decimals`), the same in the table and the chart's labels.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vastbus_cli.documents import docx_xml
from vastbus_cli.documents.dates import date_sv
from vastbus_cli.documents.phrases import names
from vastbus_cli.documents.properties import Properties
from vastbus_cli.documents.table import Table, Value
from vastbus_cli.documents.word import WordDocument
from vastbus_cli.survey.model import Matrix, QuestionResult, Result, Tally, blocks
from vastbus_cli.survey.render.common import (
    CHANGE_HEADER,
    CHANGE_RULE,
    DECIMAL_BASE,
    MULTI_NOTE,
    RANK_NOTE,
    SMALL_NOTE,
    STAT_LABELS,
    CrossColumn,
    blank_lines,
    change_header,
    cross_columns,
    cross_options,
    file_name,
    is_cross,
    kind_name,
    label_format,
    option_labels,
    option_rounds,
    option_share,
    points_change,
    rank_table,
    response_rate,
    results_by_round,
    round_labels,
    sentence_case,
    share,
    share_decimals,
    shown_answers,
)
from vastbus_cli.survey.render.matrix import (
    BASE,
    ROUND,
    STATEMENT,
    matrix_blanks,
    matrix_kind,
    matrix_lines,
    row_label,
    scale,
    step_colours,
)
from vastbus_cli.survey.rounding import half_up

AUTHOR = "Västbus"
AXIS_TITLE = "Andel av svarande"
TOP_CHANGES = 3  # the largest changes named in the summary


@dataclass(frozen=True)
class ReportOptions:
    intro: str = ""  # the coordinator's own Markdown text
    conclusions: str = ""  # the coordinator's conclusions (Markdown), after the questions
    date: dt.date | None = None
    reference: Path | None = None  # a Word document whose styles are used
    recipient: str = ""  # "Till:" on the title page
    sender: str = ""  # "Från:"
    reference_number: str = ""  # diarienummer
    background: str = ""  # the spec's 'bakgrund': what the agreement is, why it is followed up
    asked: tuple[str, ...] = ()  # the spec's 'förväntade-svarande': who was asked


def render(tally: Tally, options: ReportOptions | None = None) -> bytes:
    options = options or ReportOptions()
    date = options.date or dt.date.today()
    labels = round_labels(tally)
    rounds = names(labels)
    doc = WordDocument(Properties(title=tally.survey, author=options.sender or AUTHOR, date=date,
                                  subject=f"Enkätuppföljning, omgång {rounds}",
                                  keywords="enkät, uppföljning",
                                  identifier=options.reference_number), options.reference)
    facts = [("Till", options.recipient), ("Från", options.sender), ("Datum", date_sv(date)),
             ("Diarienummer", options.reference_number),
             ("Omgång" if len(labels) == 1 else "Omgångar", rounds),
             ("Svarande", ", ".join(f"{r.respondents} ({r.label})" for r in tally.rounds))]
    doc.title_page(tally.survey, f"Enkätuppföljning {rounds}",
                   facts=[(label, value) for label, value in facts if value])
    doc.contents(new_page=False)  # the summary on the contents' page: page 2 says it all
    doc.heading("Sammanfattning", 1)
    for lead, line in summary_lines(tally):
        if isinstance(line, str):
            doc.bullet(line, f"{lead}: ")
            continue
        doc.bullet("", f"{lead}:")
        for item in line:
            doc.bullet(item, level=2)
    if options.conclusions.strip():  # the reader of page 2 sees the conclusions too
        doc.heading(CONCLUSIONS, 2)
        doc.markdown(options.conclusions, below=2)
    doc.page_break()
    _method(doc, tally, options)
    for section, questions in tally.sections():
        doc.heading(sentence_case(section), 1, new_page=True)
        for block in blocks(questions):
            if isinstance(block, Matrix):
                _matrix(doc, block, tally)
            else:
                _question(doc, block, tally)
    if options.conclusions.strip():
        doc.heading(CONCLUSIONS, 1)
        doc.markdown(options.conclusions, below=1)
    return doc.save()


CONCLUSIONS = "Slutsatser"


def background_lines(tally: Tally, options: ReportOptions) -> list[str]:
    """The background: the spec's own text (what the agreement is, why it is followed up),
    then who was asked and when, from the spec's expected respondents and the rounds."""
    lines = [options.background.strip()] if options.background.strip() else []
    rounds = round_labels(tally)
    when = (f"i omgången {rounds[0]}" if len(rounds) == 1
            else f"i {len(rounds)} omgångar: {names(rounds)}")
    if options.asked:
        lines.append(f"Enkäten gick till {names(list(options.asked))} "
                     f"({len(options.asked)} förväntade svarande) {when}.")
    return lines


def summary_lines(tally: Tally) -> list[tuple[str, str | list[str]]]:
    """The generated summary: who answered, the largest changes, what to read with care.

    Each line is a lead and its text, or a lead and a list (the largest changes)."""
    lines: list[tuple[str, str | list[str]]] = [("Svarande", _respondents(tally))]
    labels = round_labels(tally)
    if len(labels) > 1:
        changes = _largest_changes(tally, labels[-2], labels[-1])
        if changes:
            lines.append((f"Störst förändring från {labels[-2]} till {labels[-1]}", changes))
        else:
            lines.append((f"Förändring från {labels[-2]} till {labels[-1]}",
                          "ingen andel ändrades."))
    smallest = min((r.respondents for r in tally.rounds if r.respondents), default=0)
    if 0 < smallest < DECIMAL_BASE:
        lines.append(("Läs med försiktighet",
                      f"med {smallest} svarande motsvarar ett svar "
                      f"{round(100 / smallest)} procentenheter, så en förändring på ett eller "
                      "två svar säger lite. Andelarna visas därför i hela procent."))
    for question in tally.questions:
        if question.wordings:
            lines.append(("Ändrad fråga", f"”{question.text}” ställdes med en annan formulering "
                          f"{names([r for r, t in question.wordings if t != question.text])}; "
                          "jämförelsen gäller frågan som den ställdes varje gång."))
    blanks = [(q, blank_lines(q, None, labels)) for q in tally.questions if q.mandatory]
    for question, found in blanks:
        if found:
            lines.append(("Obligatorisk fråga utan svar", f"”{question.text}” ({'; '.join(found)})."))
    return lines


def _respondents(tally: Tally) -> str:
    parts = []
    for r in tally.rounds:
        if r.expected:
            parts.append(f"{r.respondents} av {r.expected} förväntade "
                         f"({response_rate(r)}) {r.label}")
        else:
            parts.append(f"{r.respondents} {r.label}")
    missing = [f"{r.label}: {names(r.not_responded)}" for r in tally.rounds if r.not_responded]
    return names(parts) + "." + (f" Har inte svarat {'; '.join(missing)}." if missing else "")


def _largest_changes(tally: Tally, before: str, after: str) -> list[str]:
    """The options whose share changed most (as shown), with the question they belong to."""
    found: list[tuple[float, str]] = []
    for question in tally.questions:
        if question.kind not in ("single", "multi"):
            continue
        old, new = question.result(before, None), question.result(after, None)
        if not old or not new or not old.answered or not new.answered:
            continue
        decimals = min(share_decimals(old.answered), share_decimals(new.answered))
        shares = {o.label: option_share(o, old) for o in old.options}
        for option in new.options:
            was, now = shares.get(option.label), option_share(option, new)
            if was is None or now is None:
                continue
            delta = float(half_up(now - was, decimals))
            if abs(delta) < 0.5:
                continue
            found.append((abs(delta), f"{question.text} ”{option.label}”: "
                          f"{share(was, decimals)} → {share(now, decimals)} "
                          f"({points_change(was, now, decimals)} procentenheter)."))
    found.sort(key=lambda item: -item[0])
    return [text for _size, text in found[:TOP_CHANGES]]


def _method(doc: WordDocument, tally: Tally, options: ReportOptions) -> None:
    doc.heading("Om uppföljningen", 1)
    background = background_lines(tally, options)
    if background:  # from the spec: what is followed up and why, who was asked and when
        doc.heading("Bakgrund", 2)
        for line in background:
            doc.paragraph(line)
    if options.intro.strip():
        doc.markdown(options.intro, below=1)
    doc.heading("Metod", 2)
    asked = f" Svaren har delats upp på {tally.by}." if tally.by else ""
    doc.paragraph(
        f"Rapporten bygger på enkätsvaren i {len(tally.rounds)} "
        f"{'omgång' if len(tally.rounds) == 1 else 'omgångar'}. För varje fråga visas hur många "
        "som svarat (basen) och antal och andel per svarsalternativ; andelen räknas på dem som "
        f"svarat på frågan. Andelar visas i hela procent när färre än {DECIMAL_BASE} har svarat "
        "på frågan, annars med en decimal."
        + (" Vid flera omgångar visas förändringen i procentenheter. " + CHANGE_RULE
           if len(tally.rounds) > 1 else "") + asked)
    expected = any(r.expected for r in tally.rounds)
    rows: list[list[Value]] = [
        [r.label, r.respondents,
         *([r.expected, response_rate(r)] if expected else []), file_name(r.source)]
        for r in tally.rounds]
    headers = ["Omgång", "Svarande", *(["Förväntade", "Svarsfrekvens"] if expected else []),
               "Fil"]
    doc.table(Table(headers, rows))
    for info in tally.rounds:
        if info.not_responded:
            doc.paragraph(names(info.not_responded) + ".",
                          bold_lead=f"Har inte svarat {info.label}: ")


MATRIX_NOTE = "Andel av dem som svarat på påståendet, antal inom parentes."
CHART_STEPS = 3  # the most scale steps one chart per matrix shows (bars per statement)


def _matrix(doc: WordDocument, matrix: Matrix, tally: Tally) -> None:
    """One table for the matrix: a row per statement (and round), a column per scale step,
    the base per row and the change per row, as `markdown._matrix`.

    A single choice per statement: one chart for the whole matrix, a 100 % bar per
    statement (and round, the rounds of a statement one under the other) split into the
    steps of the scale in its order, dark to light blue ("Vet inte" and the like grey).
    Several choices per statement (shares that add up to more than 100 %): one chart with
    a bar per step for each statement when there is one round and at most `CHART_STEPS`
    steps (three neutral blues tell three apart), else each statement its own chart with
    the rounds side by side, as every closed question has."""
    labels = round_labels(tally)
    doc.heading(matrix.text, 2)
    doc.paragraph(matrix_kind(matrix).capitalize(), italic=True, keep_with_next=True)
    for question in matrix.rows:
        _wording_note(doc, question, row_label(question))
    steps = scale(matrix, None, labels)
    several = len(labels) > 1
    # with several rounds each statement heads its lines (the rounds, the change) on a row of
    # its own, as in the terminal: a round column would leave the figures too little room
    rows: list[list[Value]] = []
    heads = []
    # the count may go under its share ("16,7 %" / "(25)"): six steps of "16,7 % (25)"
    # on one line do not fit a portrait page, and a figure is never split inside
    for line in matrix_lines(matrix, None, labels, steps):
        if several and line.statement:
            heads.append(len(rows))
            rows.append([line.statement, *[""] * (len(steps) + 1)])
        rows.append([line.round if several else line.statement, *line.cells, line.base])
    first = f"{STATEMENT} / {ROUND.lower()}" if several else STATEMENT
    table = doc.table(Table([first, *steps, BASE], rows, heads=frozenset(heads)))
    doc.paragraph(MATRIX_NOTE, italic=True, keep_with_next=True)
    if matrix.rows[0].kind != "multi":
        _keep_with_next(table)
        _stacked_chart(doc, matrix, steps, labels)
    elif not several and len(steps) <= CHART_STEPS:
        _keep_with_next(table)
        _matrix_chart(doc, matrix, steps, labels)
    else:
        for question in matrix.rows:
            # every statement's chart has the whole scale in its order, as the table
            _chart(doc, question, results_by_round(question, None, labels), labels, steps)
    if matrix.rows[0].kind == "multi":
        doc.paragraph(MULTI_NOTE, italic=True)
    blanks = matrix_blanks(matrix, None, labels)
    if blanks:
        doc.paragraph("Obligatorisk fråga som lämnats utan svar:", bold_lead="Obs! ")
        for blank in blanks:
            doc.bullet(blank)
    for question in matrix.rows:
        if tally.by:
            doc.paragraph(bold_lead=row_label(question), keep_with_next=True)
            _cross(doc, question, tally, labels)
        _answers(doc, question, results_by_round(question, None, labels), row_label(question))


def _stacked_chart(doc: WordDocument, matrix: Matrix, steps: list[str],
                   labels: list[str]) -> None:
    from vastbus_cli.documents.word_chart import BarChart, add_bar_chart

    bars: list[tuple[str, Result]] = []
    for question in matrix.rows:
        for label, result in zip(labels, results_by_round(question, None, labels), strict=True):
            if result is not None and result.answered:
                bars.append((row_label(question) + (f", {label}" if len(labels) > 1 else ""),
                             result))
    if not bars or not steps:
        return
    series = _step_series(steps, [result for _, result in bars])
    decimals = min(share_decimals(result.answered) for _, result in bars)
    add_bar_chart(doc, BarChart([name for name, _ in bars], series, title=matrix.text,
                                axis_title=AXIS_TITLE, stacked=True, colours=step_colours(steps),
                                label_formats=[label_format(decimals)] * len(series)))


def _step_series(steps: list[str], results: list[Result | None]) -> list[
        tuple[str, list[float | None]]]:
    """A chart series per step: its share in each result as a fraction (None where nobody
    chose it, or nobody answered)."""
    series = []
    for step in steps:
        values: list[float | None] = []
        for result in results:
            found = next((o for o in result.options if o.label == step), None) \
                if result and result.answered else None
            values.append(found.count / result.answered if found and result else None)
        series.append((step, values))
    return series


def _matrix_chart(doc: WordDocument, matrix: Matrix, steps: list[str], labels: list[str]) -> None:
    from vastbus_cli.documents.word_chart import BarChart, add_bar_chart

    results = [q.result(labels[0], None) for q in matrix.rows]
    answered = [r for r in results if r is not None and r.answered]
    if not answered or not steps:
        return
    series = _step_series(steps, results)
    decimals = min(share_decimals(r.answered) for r in answered)
    add_bar_chart(doc, BarChart([row_label(q) for q in matrix.rows], series, title=matrix.text,
                                axis_title=AXIS_TITLE,
                                label_formats=[label_format(decimals)] * len(series)))


def _wording_note(doc: WordDocument, question: QuestionResult, row: str = "") -> None:
    if question.wordings:
        doc.paragraph(("Frågans formulering ändrades" if not row else
                       f"Påståendet ”{row}” formulerades olika") + " mellan omgångarna: "
                      + "; ".join(f"{r}: ”{t}”" for r, t in question.wordings)
                      + ". Jämförelsen gäller frågan som den ställdes varje gång.",
                      bold_lead="Obs! ", keep_with_next=True)


def _answers(doc: WordDocument, question: QuestionResult, results: list[Result | None],
             row: str = "") -> None:
    for result in results:
        if result and result.answers:
            word = "Svar" if question.kind == "text" else "Egna svar (Annat)"
            listed, note = shown_answers(result)
            doc.paragraph(f"{word}, {row + ', ' if row else ''}{result.round}:", bold_lead="")
            for answer in listed:
                times = f" ({answer.count} svar)" if answer.count > 1 else ""
                doc.bullet(answer.text + times)
            if note:
                doc.paragraph(note)


def _question(doc: WordDocument, question: QuestionResult, tally: Tally) -> None:
    labels = round_labels(tally)
    doc.heading(question.text, 2)
    doc.paragraph(kind_name(question).capitalize(), italic=True, keep_with_next=True)
    _wording_note(doc, question)
    results = results_by_round(question, None, labels)
    if question.kind == "rank":
        headers, rows = rank_table(results, labels)
        doc.table(Table(headers, [list(r) for r in rows]))
        doc.paragraph(RANK_NOTE, italic=True)
    elif question.kind in ("single", "multi"):
        _keep_with_next(doc.table(_options_table(results, labels)))
        _chart(doc, question, results, labels)
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
    _answers(doc, question, results)


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


WIDE_ROUNDS = 2  # rounds side by side in a table; more leave the page's width too little room


def _options_table(results: list[Result | None], labels: list[str]) -> Table:
    """Each round's count and share side by side, the change between them; from three rounds
    (nine columns, headers hyphenated down seven lines) each option heads a line per round."""
    if len(labels) > WIDE_ROUNDS:
        return _options_lines(results, labels)
    headers = ["Alternativ"]
    for index, label in enumerate(labels):
        headers += [f"{label} antal", f"{label} andel"]
        if index:
            headers.append(change_header(labels, index))
    rows: list[list[Value]] = []
    for option in option_labels(results):
        row: list[Value] = [option]
        for index, cell in enumerate(option_rounds(results, labels, option)):
            row += [cell.count, share(cell.share, cell.decimals)] + ([cell.change] if index else [])
        rows.append(row)
    base: list[Value] = ["Svarande (bas)"]
    for index, result in enumerate(results):
        base += [result.answered if result else None, ""]
        if index:
            base.append("")
    rows.append(base)
    return Table(headers, rows)


def _options_lines(results: list[Result | None], labels: list[str]) -> Table:
    """As the matrix with several rounds: the option on a line of its own, under it a line
    per round (count, share, change since the round before), then the bases."""
    rows: list[list[Value]] = []
    heads = []
    for option in option_labels(results):
        heads.append(len(rows))
        rows.append([option, "", "", ""])
        rows += [[cell.round, cell.count, share(cell.share, cell.decimals), cell.change]
                 for cell in option_rounds(results, labels, option)]
    heads.append(len(rows))
    rows.append(["Svarande (bas)", "", "", ""])
    rows += [[label, result.answered if result else None, "", ""]
             for label, result in zip(labels, results, strict=True)]
    return Table([f"Alternativ / {ROUND.lower()}", "Antal", "Andel", CHANGE_HEADER], rows,
                 heads=frozenset(heads))


def _stats_table(results: list[Result | None], labels: list[str]) -> Table:
    rows: list[list[Value]] = [
        [name, *[getattr(r.stats, key) if r and r.stats else None for r in results]]
        for key, name in STAT_LABELS]
    rows.append(["Ej svar", *[r.missing if r else None for r in results]])
    return Table(["", *labels], rows)


def _chart(doc: WordDocument, question: QuestionResult, results: list[Result | None],
           labels: list[str], options: list[str] | None = None) -> None:
    """A bar per option and a series per round; `options` fixes the bars and their order
    (a matrix statement's chart shows every step of the scale, chosen or not)."""
    from vastbus_cli.documents.word_chart import BarChart, add_bar_chart

    options = options or option_labels(results)
    if not options:
        return
    series = []
    formats = []
    for label, result in zip(labels, results, strict=False):
        if result is None or not result.answered:
            continue
        shares = {o.label: o.count / result.answered for o in result.options}
        series.append((label, [shares.get(o) for o in options]))
        formats.append(label_format(share_decimals(result.answered)))
    if series:
        add_bar_chart(doc, BarChart(options, series, title=question.text, axis_title=AXIS_TITLE,
                                    label_formats=formats))


def _cross(doc: WordDocument, question: QuestionResult, tally: Tally, labels: list[str]) -> None:
    small = False
    for label in labels:
        columns = cross_columns(question, tally, label)
        doc.paragraph(f"Per {tally.by}, {label}", italic=True).paragraph_format \
            .keep_with_next = True
        # a small group's column holds counts only: numbers, so a wide table turns its headers
        rows: list[list[Value]] = [
            [option, *[c.option(option)[0] if c.small else _cross_cell(c, option)
                       for c in columns]]
            for option in cross_options(columns)]
        rows.append(["Svarande (bas)", *[c.result.answered if c.result else None
                                         for c in columns]])
        doc.table(Table(["Alternativ", *[c.heading for c in columns]], rows, dash_zero=True))
        small = small or any(c.small for c in columns)
    if small:
        doc.paragraph(SMALL_NOTE, italic=True)


def _cross_cell(column: CrossColumn, option: str) -> str:
    # one unbreakable figure: a count and its share never split over two lines
    return column.cell(option, "\u00a0")
