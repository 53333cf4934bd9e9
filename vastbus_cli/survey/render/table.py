"""The tally in the terminal: one rich table per question (and group), bars and changes."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.measure import Measurement
from rich.table import Table

from vastbus_cli.survey.model import Matrix, QuestionResult, Result, Tally, blocks
from vastbus_cli.survey.render.common import (
    MULTI_NOTE,
    RANK_NOTE,
    SMALL_NOTE,
    STAT_LABELS,
    RoundFigures,
    bar,
    blank_lines,
    change_header,
    cross_columns,
    cross_options,
    group_name,
    groups,
    is_cross,
    number,
    option_labels,
    option_rounds,
    rank_table,
    respondents_text,
    results_by_round,
    round_labels,
    share,
    shown_answers,
    title,
)
from vastbus_cli.survey.render.matrix import (
    ROUND,
    STATEMENT,
    matrix_blanks,
    matrix_kind,
    matrix_lines,
    row_label,
    scale,
)

TERMINAL_BAR = 10  # glyphs for 100 %: room for two rounds side by side in 100 columns


def print_tally(tally: Tally, console: Console) -> None:
    rounds = ", ".join(f"{r.label} ({respondents_text(r)})" for r in tally.rounds)
    console.print(f"[bold]{escape(tally.survey)}[/]")
    console.print(f"Omgångar: {escape(rounds)}")
    if tally.by:
        console.print(f"Uppdelat på: {escape(tally.by)}")
    for section, questions in tally.sections():
        console.print()
        console.rule(f"[bold]{escape(section)}[/]")
        for block in blocks(questions):
            if isinstance(block, Matrix):
                _matrix(block, tally, console)
            else:
                _question(block, tally, console)


MATRIX_NOTE = "Andel av dem som svarat på påståendet (antal inom parentes)."
CHANGE_NOTE = "förändring: skillnaden i procentenheter mot omgången före."


def _matrix(matrix: Matrix, tally: Tally, console: Console) -> None:
    """One table for the matrix (see `markdown._matrix`); with --by, then each statement's
    cross-table by group."""
    labels = round_labels(tally)
    console.print()
    ids = ", ".join(q.id for q in matrix.rows)
    console.print(f"[bold]{escape(ids)}[/]  {escape(matrix.text)} ({matrix_kind(matrix)})")
    steps = scale(matrix, None, labels)
    several = len(labels) > 1
    table = Table(title=group_name(None) if tally.by else None, title_justify="left",
                  show_edge=False, pad_edge=False)
    # with several rounds the statement heads its lines (round, round, change) on a line of
    # its own: the first column then has the room a round column would take
    table.add_column(STATEMENT if not several else f"{STATEMENT} / {ROUND.lower()}", ratio=1,
                     min_width=12, overflow="fold")
    for step in steps:
        table.add_column(escape(step), justify="right")
    table.add_column("Bas", justify="right")
    for index, line in enumerate(matrix_lines(matrix, None, labels, steps, "förändring")):
        if line.statement and index:
            table.add_section()
        if several:
            if line.statement:
                table.add_row(escape(line.statement), *[""] * (len(steps) + 1), style="bold")
            table.add_row("  " + escape(line.round), *line.cells, line.base,
                          style="dim" if line.change else None)
        else:
            table.add_row(escape(line.statement), *line.cells, line.base)
    console.print(table)
    note = MATRIX_NOTE + (f" Bas: antal som svarat; {CHANGE_NOTE}" if several else
                          " Bas: antal som svarat.")
    console.print(f"[dim]{escape(note)}[/]")
    if matrix.rows[0].kind == "multi":
        console.print(f"[dim]{MULTI_NOTE}[/]")
    for blank in matrix_blanks(matrix, None, labels):
        console.print(f"[yellow]Obligatorisk fråga utan svar: {escape(blank)}[/]")
    for question in matrix.rows:
        if tally.by:
            console.print()
            console.print(f"[bold]{escape(question.id)}[/]  {escape(row_label(question))}")
            _cross(question, tally, labels, console)
        else:
            _other_texts(question, results_by_round(question, None, labels), console)


def _question(question: QuestionResult, tally: Tally, console: Console) -> None:
    labels = round_labels(tally)
    console.print()
    console.print(f"[bold]{escape(question.id)}[/]  {escape(title(question))}")
    if is_cross(question, tally):
        _cross(question, tally, labels, console)
        return
    for group in groups(tally):
        results = results_by_round(question, group, labels)
        heading = group_name(group) if tally.by else None
        if question.kind == "rank":
            console.print(_rank_table(results, labels, heading))
            console.print(f"[dim]{RANK_NOTE}[/]")
        elif question.kind in ("single", "multi"):
            console.print(_options(results, labels, heading, console))
        elif question.kind == "number":
            console.print(_stats_table(results, labels, heading))
        else:
            console.print(_counts_line(results, labels, heading))
        if question.kind == "multi":
            console.print(f"[dim]{MULTI_NOTE}[/]")
        for line in blank_lines(question, group, labels):
            console.print(f"[yellow]Obligatorisk fråga utan svar från {escape(line)}[/]")
        _other_texts(question, results, console)


def _other_texts(question: QuestionResult, results: list[Result | None], console: Console) -> None:
    for result in results:
        if result and result.answers:
            word = "Svar" if question.kind == "text" else "Egna svar (Annat)"
            shown, note = shown_answers(result)
            console.print(f"{word} {escape(result.round)}:")
            for answer in shown:
                times = f" ({answer.count} svar)" if answer.count > 1 else ""
                console.print(f"  • {escape(answer.text)}{times}", soft_wrap=True)
            if note:
                console.print(f"  [italic]{escape(note)}[/]")


def _cross(question: QuestionResult, tally: Tally, labels: list[str], console: Console) -> None:
    """One table per round: options down, the groups across (count and column share)."""
    small = False
    for label in labels:
        columns = cross_columns(question, tally, label)
        table = Table(title=label if len(labels) > 1 else None, title_justify="left",
                      show_edge=False, pad_edge=False)
        table.add_column("Alternativ", min_width=14)
        for column in columns:
            table.add_column(escape(column.heading), justify="right")
        for option in cross_options(columns):
            table.add_row(escape(option), *[column.cell(option) for column in columns])
        table.add_section()
        table.add_row("Svarande (bas)", *[str(c.result.answered) if c.result else "–"
                                           for c in columns], style="bold")
        table.add_row("Ej svar", *[str(c.result.missing) if c.result else "–" for c in columns],
                      style="dim")
        console.print(table)
        small = small or any(c.small for c in columns)
        for line in blank_lines(question, None, [label]):
            console.print(f"[yellow]Obligatorisk fråga utan svar från {escape(line)}[/]")
    if question.kind == "multi":
        console.print(f"[dim]{MULTI_NOTE}[/]")
    if small:
        console.print(f"[dim]{escape(SMALL_NOTE)}[/]")
    _other_texts(question, [question.result(label, None) for label in labels], console)


def _rank_table(results: list[Result | None], labels: list[str], heading: str | None) -> Table:
    headers, rows = rank_table(results, labels)
    table = Table(title=heading, title_justify="left", show_edge=False, pad_edge=False)
    table.add_column(headers[0], min_width=14)
    for header in headers[1:]:
        table.add_column("\n".join(escape(header).rsplit(" ", 1)), justify="right")
    for row in rows[:-1]:
        table.add_row(*[escape(cell) for cell in row])
    table.add_section()
    table.add_row(*rows[-1], style="bold")
    return table


def _options(results: list[Result | None], labels: list[str], heading: str | None,
             console: Console) -> Table:
    """The rounds side by side (count, share, change) when they fit the terminal; else, as
    with three rounds in 80 columns, each option heads a line per round and its change."""
    ascii_only = console.options.ascii_only
    wide = _options_table(results, labels, heading, ascii_only)
    if len(labels) > 1 and Measurement.get(console, console.options.update(max_width=10**4),
                                           wide).minimum > console.width:
        return _options_lines(results, labels, heading, ascii_only)
    return wide


def _options_lines(results: list[Result | None], labels: list[str], heading: str | None,
                   ascii_only: bool) -> Table:
    table = Table(title=heading, title_justify="left", show_edge=False, pad_edge=False)
    table.add_column("Alternativ / omgång", ratio=1, min_width=14, overflow="fold")
    table.add_column("antal", justify="right")
    table.add_column("andel", justify="left", no_wrap=True)
    table.add_column("förändring", justify="right", no_wrap=True)
    for place, option in enumerate(option_labels(results)):
        if place:
            table.add_section()
        table.add_row(escape(option), "", "", "", style="bold")
        for cell in option_rounds(results, labels, option):
            table.add_row("  " + escape(cell.round), *_count_share(cell, ascii_only), cell.change)
    table.add_section()
    for name, count, style in (("Svarande (bas)", lambda r: r.answered, "bold"),
                               ("Ej svar", lambda r: r.missing, "dim")):
        table.add_row(name, "", "", "", style=style)
        for label, result in zip(labels, results, strict=True):
            table.add_row("  " + escape(label), str(count(result)) if result else "–", "", "",
                          style=style)
    table.caption = escape(CHANGE_NOTE)
    table.caption_justify = "left"
    return table


def _count_share(cell: RoundFigures, ascii_only: bool) -> list[str]:
    """'3' and '43 % ████▎' (the share right-aligned to its width, then the bar); '–' and ''
    when the option is not among the round's answers."""
    if cell.count is None:
        return ["–", ""]
    return [str(cell.count), f"{share(cell.share, cell.decimals):>{4 + 2 * cell.decimals}} "
                             f"[cyan]{bar(cell.share, TERMINAL_BAR, ascii_only)}[/]"]


def _options_table(results: list[Result | None], labels: list[str],
                   heading: str | None, ascii_only: bool = False) -> Table:
    table = Table(title=heading, title_justify="left", show_edge=False, pad_edge=False)
    table.add_column("Alternativ", min_width=14)
    for index, label in enumerate(labels):
        table.add_column(f"{label}\nantal", justify="right")
        table.add_column(f"{label}\nandel", justify="left", no_wrap=True)
        if index:
            table.add_column(_change_heading(labels, index), justify="right", no_wrap=True)
    for option in option_labels(results):
        row = [escape(option)]
        for index, cell in enumerate(option_rounds(results, labels, option)):
            row += _count_share(cell, ascii_only) + ([cell.change] if index else [])
        table.add_row(*row)
    table.add_section()
    _base_rows(table, results)
    return table


def _change_heading(labels: list[str], index: int) -> str:
    """The Word report's heading over two lines: 'Förändring' / '(procentenheter)'."""
    return escape(change_header(labels, index)).replace(" (", "\n(")


def _base_rows(table: Table, results: list[Result | None]) -> None:
    answered = ["Svarande (bas)"]
    missing = ["Ej svar"]
    for index, result in enumerate(results):
        answered += [str(result.answered) if result else "–", ""]
        missing += [str(result.missing) if result else "–", ""]
        if index:
            answered.append("")
            missing.append("")
    table.add_row(*answered, style="bold")
    table.add_row(*missing, style="dim")


def _stats_table(results: list[Result | None], labels: list[str], heading: str | None) -> Table:
    table = Table(title=heading, title_justify="left", show_edge=False, pad_edge=False)
    table.add_column("")
    for label in labels:
        table.add_column(label, justify="right")
    for key, name in STAT_LABELS:
        table.add_row(name, *[number(getattr(r.stats, key), 2) if r and r.stats else "–"
                              for r in results])
    table.add_row("Ej svar", *[str(r.missing) if r else "–" for r in results], style="dim")
    return table


def _counts_line(results: list[Result | None], labels: list[str], heading: str | None) -> str:
    parts = [f"{label}: {r.answered} svar, {r.missing} utan svar" if r else f"{label}: –"
             for label, r in zip(labels, results, strict=False)]
    prefix = f"{escape(heading)}: " if heading else ""
    return prefix + escape("; ".join(parts))
