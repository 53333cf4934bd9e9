"""The tally as Markdown: a table per question (and group), rounds side by side.

Every text from the export or spec goes through `md_text`/`md_cell`, so an
answer can neither open raw HTML nor break a table.
"""

from __future__ import annotations

from vastbus_cli.documents.cells import md_cell, md_text
from vastbus_cli.survey.model import Matrix, QuestionResult, Result, Tally, blocks
from vastbus_cli.survey.render.common import (
    MULTI_NOTE,
    RANK_NOTE,
    SMALL_NOTE,
    STAT_LABELS,
    blank_lines,
    change_decimals,
    change_header,
    cross_columns,
    cross_options,
    file_name,
    group_name,
    groups,
    is_cross,
    kind_name,
    number,
    option_labels,
    option_share,
    points_change,
    rank_table,
    respondents_text,
    results_by_round,
    round_labels,
    share,
    share_decimals,
    shown_answers,
)
from vastbus_cli.survey.render.matrix import (
    BASE,
    MISSING,
    ROUND,
    STATEMENT,
    matrix_blanks,
    matrix_kind,
    matrix_lines,
    row_label,
    scale,
)


def render(tally: Tally) -> bytes:
    return render_text(tally).encode("utf-8")


def render_text(tally: Tally) -> str:
    lines = [f"# {md_text(tally.survey)}", ""]
    for info in tally.rounds:
        lines.append(f"- Omgång {md_text(info.label)}: {md_text(respondents_text(info))} "
                     f"({md_text(file_name(info.source))})")
    if tally.by:
        lines.append(f"- Uppdelat på: {md_text(tally.by)}")
    for section, questions in tally.sections():
        lines += ["", f"## {md_text(section)}"]
        for block in blocks(questions):
            lines += _matrix(block, tally) if isinstance(block, Matrix) else _question(block, tally)
    return "\n".join(lines) + "\n"


def _matrix(matrix: Matrix, tally: Tally) -> list[str]:
    """One table: a line per statement (and round), a column per step, the base per line.

    With --by, the overall table and then each statement's cross-table by group as for any
    closed question: a group's column beside the others is what a comparison needs."""
    labels = round_labels(tally)
    ids = ", ".join(q.id for q in matrix.rows)
    lines = ["", f"### {md_text(matrix.text)}", "", f"*{md_text(ids)} · {matrix_kind(matrix)}*"]
    if tally.by:
        lines += ["", f"**{md_text(group_name(None))}**"]
    steps = scale(matrix, None, labels)
    several = len(labels) > 1
    # with several rounds each statement heads its lines (the rounds, the change), as in Word
    head = [f"{STATEMENT} / {ROUND.lower()}" if several else STATEMENT,
            *[md_cell(s) for s in steps], BASE, MISSING]
    rows = [head, ["---"] + ["---:"] * (len(head) - 1)]
    for line in matrix_lines(matrix, None, labels, steps):
        if several and line.statement:
            rows.append([f"**{md_cell(line.statement)}**", *[""] * (len(steps) + 2)])
        rows.append([md_cell(line.round if several else line.statement), *line.cells,
                     line.base, line.missing])
    lines += [""] + ["| " + " | ".join(row) + " |" for row in rows]
    lines += ["", "*Andel av dem som svarat på påståendet (antal inom parentes).*"]
    if matrix.rows[0].kind == "multi":
        lines += ["", f"*{MULTI_NOTE}*"]
    blanks = matrix_blanks(matrix, None, labels)
    if blanks:
        lines += ["", "Obligatorisk fråga utan svar från:", ""]
        lines += [f"- {md_text(line)}" for line in blanks]
    for question in matrix.rows:
        if tally.by:
            lines += ["", f"#### {md_text(row_label(question))}"]
            lines += _cross(question, tally, labels)
        else:
            lines += _other_texts(question, results_by_round(question, None, labels),
                                  row_label(question))
    return lines


def _question(question: QuestionResult, tally: Tally) -> list[str]:
    labels = round_labels(tally)
    lines = ["", f"### {md_text(question.text)}", "",
             f"*{md_text(question.id)} · {kind_name(question)}*"]
    if is_cross(question, tally):
        return lines + _cross(question, tally, labels)
    for group in groups(tally):
        results = results_by_round(question, group, labels)
        if tally.by:
            lines += ["", f"**{md_text(group_name(group))}**"]
        lines.append("")
        if question.kind == "rank":
            headers, rows = rank_table(results, labels)
            lines += ["| " + " | ".join(md_cell(h) for h in headers) + " |",
                      "| " + " | ".join(["---"] + ["---:"] * (len(headers) - 1)) + " |"]
            lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in rows]
            lines += ["", f"*{RANK_NOTE}*"]
        elif question.kind in ("single", "multi"):
            lines += _options_table(results, labels)
        elif question.kind == "number":
            lines += _stats_table(results, labels)
        else:
            lines += [f"- {md_text(label)}: {r.answered} svar, {r.missing} utan svar" if r
                      else f"- {md_text(label)}: –" for label, r in zip(labels, results,
                                                                        strict=False)]
        if question.kind == "multi":
            lines += ["", f"*{MULTI_NOTE}*"]
        blanks = blank_lines(question, group, labels)
        if blanks:
            lines += ["", "Obligatorisk fråga utan svar från:", ""]
            lines += [f"- {md_text(line)}" for line in blanks]
        lines += _other_texts(question, results)
    return lines


def _other_texts(question: QuestionResult, results: list[Result | None],
                 row: str | None = None) -> list[str]:
    lines: list[str] = []
    for result in results:
        if result and result.answers:
            word = "Svar" if question.kind == "text" else "Egna svar (Annat)"
            shown, note = shown_answers(result)
            where = f"{md_text(row)}, " if row else ""
            lines += ["", f"{word} {where}{md_text(result.round)}:", ""]
            lines += [f"- {md_cell(a.text)}" + (f" ({a.count} svar)" if a.count > 1 else "")
                      for a in shown]
            lines += ["", f"*{note}*"] if note else []
    return lines


def _cross(question: QuestionResult, tally: Tally, labels: list[str]) -> list[str]:
    """One table per round: options down, the groups across (count and column share)."""
    lines: list[str] = []
    small = False
    for label in labels:
        columns = cross_columns(question, tally, label)
        if len(labels) > 1:
            lines += ["", f"**{md_text(label)}**"]
        rows = [["Alternativ", *[md_cell(c.heading) for c in columns]],
                ["---"] + ["---:"] * len(columns)]
        rows += [[md_cell(option), *[c.cell(option) for c in columns]]
                 for option in cross_options(columns)]
        rows.append(["**Svarande (bas)**", *[f"**{c.result.answered}**" if c.result else "–"
                                             for c in columns]])
        rows.append(["Ej svar", *[str(c.result.missing) if c.result else "–" for c in columns]])
        lines += [""] + ["| " + " | ".join(row) + " |" for row in rows]
        small = small or any(c.small for c in columns)
        blanks = blank_lines(question, None, [label])
        if blanks:
            lines += ["", "Obligatorisk fråga utan svar från:", ""]
            lines += [f"- {md_text(line)}" for line in blanks]
    if question.kind == "multi":
        lines += ["", f"*{MULTI_NOTE}*"]
    if small:
        lines += ["", md_text(SMALL_NOTE)]
    return lines + _other_texts(question, [question.result(label, None) for label in labels])


def _options_table(results: list[Result | None], labels: list[str]) -> list[str]:
    """Shares and changes as the Word report shows them (`share`, `points_change`)."""
    head = ["Alternativ"]
    for index, label in enumerate(labels):
        head += [f"{md_cell(label)} antal", f"{md_cell(label)} andel"]
        if index:
            head.append(md_cell(change_header(labels, index)))
    rows = [head, ["---"] + ["---:"] * (len(head) - 1)]
    for option in option_labels(results):
        row = [md_cell(option)]
        before: float | None = None
        for index, result in enumerate(results):
            found = next((o for o in result.options if o.label == option), None) if result else None
            now = option_share(found, result) if found and result else None
            row += [str(found.count) if found else "–",
                    share(now, share_decimals(result.answered)) if found and result else "–"]
            if index:
                row.append(points_change(before, now, change_decimals(results, index)))
            before = now
        rows.append(row)
    base = ["**Svarande (bas)**"]
    for index, result in enumerate(results):
        base += [f"**{result.answered}**" if result else "–", ""]
        if index:
            base.append("")
    missing = ["Ej svar"]
    for index, result in enumerate(results):
        missing += [str(result.missing) if result else "–", ""]
        if index:
            missing.append("")
    rows += [base, missing]
    return ["| " + " | ".join(row) + " |" for row in rows]


def _stats_table(results: list[Result | None], labels: list[str]) -> list[str]:
    rows = [["", *[md_cell(label) for label in labels]], ["---"] + ["---:"] * len(labels)]
    for key, name in STAT_LABELS:
        rows.append([name, *[number(getattr(r.stats, key), 2) if r and r.stats else "–"
                             for r in results]])
    rows.append(["Ej svar", *[str(r.missing) if r else "–" for r in results]])
    return ["| " + " | ".join(row) + " |" for row in rows]
