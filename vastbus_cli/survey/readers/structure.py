"""The layers that read an export's structure from its cells, after a tool's reader has given
its evidence (`layouts.detect_layout`): header rows, column groups, ticks, missing codes.

    cells ─▶ header rows ─▶ column groups ─▶ how a block marks a tick ─▶ missing codes

Each layer has its own module (`header_rows`, `groups`, `checkbox`, `missing`); this one puts
them together over the first data rows (a sample, the first chunk), so that a layout no tool
reader knows is read right too. A tool reader's own reading is kept where it is specific
(LimeSurvey's `Y` ticks, SurveyMonkey's and Qualtrics' option columns); the layers only add
what it left out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from vastbus_cli.survey.identity import identity_heading, metadata_heading
from vastbus_cli.survey.readers import one_column, surveymonkey
from vastbus_cli.survey.readers.checkbox import UNTICKED, own_codes, tick_value
from vastbus_cli.survey.readers.groups import (
    ColumnGroup,
    column_groups,
    is_comment_label,
    is_other_label,
    split_heading,
)
from vastbus_cli.survey.readers.header_rows import header_rows
from vastbus_cli.survey.readers.headers import pad, unnamed_field
from vastbus_cli.survey.readers.metadata import is_metadata
from vastbus_cli.survey.readers.missing import describe, missing_codes
from vastbus_cli.survey.responses import Choice, Field, Layout
from vastbus_cli.survey.split import fold

GENERIC_TWO_ROWS = "två rubrikrader (frågan ovanför sina kolumner)"
_PLACE = re.compile(r"^(?:.*?\D)?(\d{1,2})\.?$")


def refine(layout: Layout, first: list[list[str]], more: list[list[str]]) -> tuple[Layout, list[str]]:
    """`layout` with what the file's own structure shows; notes for -v.

    `first` are the first (up to three) rows of the file, `more` the rest of its first chunk:
    the rows after the header rows are the sample the values are judged from.
    """
    notes: list[str] = []
    if layout.name.startswith(_ONE_COLUMN_NAMES) and len(first) >= 2:
        rows = pad(first)
        if header_rows(rows) >= 2:  # options under a blank cell: the question is to their left
            layout = replace(surveymonkey.build(rows[:2]), name=GENERIC_TWO_ROWS)
    sample = first[layout.header_rows:] + more
    layout = _efs(layout, first)
    codes = missing_codes(layout.name, sample)
    layout = _identity_and_metadata(layout, sample, codes)
    fields = list(layout.fields)
    if layout.header_rows == 1:
        fields = _grouped(fields, layout, sample, codes)
    elif layout.name == GENERIC_TWO_ROWS:
        fields = [part for f in fields for part in _option_run(f, sample)]
    elif layout.name == surveymonkey.NAME:  # a check-all's comment box is the question's own
        fields = [part for f in fields for part in _option_run(f, sample, own_boxes=True)]
    fields = [_with_ticks(f, sample, codes) for f in fields]
    fields = [replace(f, missing=codes) for f in fields]
    said = describe(codes)
    if said:
        notes.append(said)
    return replace(layout, fields=tuple(fields)), notes


_ONE_COLUMN_NAMES = (one_column.NAME, "Google Forms", "Microsoft Forms")
EFS = "EFS Survey (Unipark)"
_EFS_SIGNS = {"lfdn", "dispcode"}
_EFS_QUESTION = re.compile(r"^v_\d+$")


def _efs(layout: Layout, first: list[list[str]]) -> Layout:
    """EFS Survey's export: `lfdn` and `dispcode` among one row of headings. Its questions are
    `v_1`, `v_2` … (which other readers take for legacy Qualtrics codes), the rest metadata."""
    names = {h.strip().casefold() for h in first[0]} if first else set()
    if not names >= _EFS_SIGNS:
        return layout
    built = one_column.build(pad(first[:1]))
    fields: list[Field] = []
    metadata: list[int] = []
    for index, heading in enumerate(built.headers):
        if _EFS_QUESTION.match(heading) or (heading and index not in built.metadata
                                            and not _efs_metadata(heading)):
            fields.append(Field(key=heading, text=heading, column=index))
        elif heading:
            metadata.append(index)
        else:
            fields.append(unnamed_field(index))
    return replace(built, name=EFS, fields=tuple(fields), metadata=tuple(metadata))


def _efs_metadata(heading: str) -> bool:
    """EFS's own columns: everything that is not a question `v_N` or a typed heading."""
    return heading.casefold() in {"tester", "quality", "javascript", "flash", "datetime",
                                  "ats", "language", "cleaned", "lastpage", "duration"} \
        or metadata_heading(heading) or is_metadata(heading)


def _identity_and_metadata(layout: Layout, sample: list[list[str]],
                           codes: frozenset[str]) -> Layout:
    """One-column fields whose heading asks for a name, an id or contact details, or names a
    tool's timing or randomisation column: metadata, never counted nor printed."""
    dropped = [f.column for f in layout.fields if f.column is not None and not f.choices
               and (_asks_identity(f, sample, codes) or metadata_heading(f.text))]
    # a question of several columns asking who the respondent is ("please create a personal
    # code [first letter …] [whole code]"): all its columns
    dropped += [c for f in layout.fields if f.choices and identity_heading(f.text)
                for c in f.columns]
    if not dropped:
        return layout
    gone = set(dropped)
    return replace(layout, fields=tuple(f for f in layout.fields if not gone & set(f.columns)),
                   metadata=tuple(sorted({*layout.metadata, *dropped})))


def _asks_identity(f: Field, sample: list[list[str]], codes: frozenset[str]) -> bool:
    """Whether a one-column field asks who the respondent is. An option column of a checkbox
    block ("Which device? [ Téléphone intelligent / Smart phone]") names a phone without asking
    for a number: its question (the stem) decides, unless its cells hold more than ticks."""
    if not identity_heading(f.text):
        return False
    parts = split_heading(f.text)
    if parts is None or identity_heading(parts[0]) or f.column is None:
        return True
    values = [row[f.column] for row in sample if f.column < len(row)]
    return tick_value([(parts[1], values)], codes) is None


def _grouped(fields: list[Field], layout: Layout, sample: list[list[str]],
             codes: frozenset[str]) -> list[Field]:
    """Runs of one-column fields whose headings share a stem, as one field with option columns."""
    single = {f.column: f for f in fields if f.column is not None and not f.choices
              and f.other_column is None and f.key == f.text}
    headings = [single[i].text if i in single else "" for i in range(len(layout.headers))]
    skip = frozenset(i for i in range(len(layout.headers)) if i not in single)
    merged: dict[int, list[Field]] = {}
    absorbed: set[int] = set()
    for group in column_groups(headings, skip):
        merged[group.columns[0]] = _with_comments(group, sample, codes)
        absorbed.update(group.columns)
    out: list[Field] = []
    for f in fields:
        if f.column in merged:
            out.extend(merged[f.column])
        elif f.column not in absorbed or f.column is None:
            out.append(f)
    return out


def _option_run(f: Field, sample: list[list[str]], own_boxes: bool = False) -> list[Field]:
    """A question's columns under a blank top cell, as far as they are its options.

    A second header row names the columns under a question written once above them; the
    export leaves the top cell blank over a following one-column question too (Typeform). The
    options are the first columns that hold their own label or nothing; an "Other" box may
    follow; every column after that is a question of its own, named by its second-row label.
    With `own_boxes` (SurveyMonkey, whose top cell is blank only over the question's own
    columns) a column after the options is the question's comment box, a text question
    headed 'question – label', as `surveymonkey` names a single choice's.
    """
    if len(f.choices) < 3 or f.other_column is not None:
        return [f]
    own = [all(not row[c.column].strip() or fold(row[c.column]) == fold(c.label)
               for row in sample if c.column < len(row)) for c in f.choices]
    run = next((i for i, ok in enumerate(own) if not ok), len(own))
    if run < 2 or run == len(own):
        return [f]
    other = f.choices[run] if is_other_label(f.choices[run].label) else None
    after = f.choices[run + (other is not None):]
    options = replace(f, choices=f.choices[:run],
                      other_column=other.column if other else None,
                      other_choice=other.label if other else "")
    names = [f"{f.text} – {c.label}" if own_boxes else c.label for c in after]
    return [options, *(Field(key=name, text=name, column=c.column,
                             box=c.label if own_boxes else "")
                       for name, c in zip(names, after, strict=True))]


def _with_comments(group: ColumnGroup, sample: list[list[str]],
                   codes: frozenset[str]) -> list[Field]:
    """A group whose options are each followed by a "[Comment]" box (LimeSurvey's multiple
    choice with comments): the options are one question, each comment box a free-text one."""
    comments = [i for i, label in enumerate(group.labels) if is_comment_label(label)]
    rest = [i for i in range(len(group.columns)) if i not in comments]
    if not comments or len(rest) < 2:
        return [_group_field(group, sample, codes)]
    options = ColumnGroup(group.stem, tuple(group.columns[i] for i in rest),
                          tuple(group.labels[i] for i in rest))
    field = _group_field(options, sample, codes)
    if not field.tick and not _cells_are_labels(options, sample):
        return [_group_field(group, sample, codes)]  # no checkbox without the boxes either
    boxes = [Field(key=f"{group.stem} [{group.labels[i]}] {group.columns[i]}",
                   text=f"{group.stem} [{group.labels[i]}]", column=group.columns[i])
             for i in comments]
    return [field, *boxes]


def _cells_are_labels(group: ColumnGroup, sample: list[list[str]]) -> bool:
    return all(not row[c].strip() or fold(row[c]) == fold(label)
               for c, label in zip(group.columns, group.labels, strict=True)
               for row in sample if c < len(row))


def _group_field(group: ColumnGroup, sample: list[list[str]], codes: frozenset[str]) -> Field:
    other = group.other
    columns = [(c, label) for c, label in zip(group.columns, group.labels, strict=True)
               if c != other]
    values = [(label, [row[c] for row in sample if c < len(row)]) for c, label in columns]
    tick = tick_value(values, codes)
    if other is not None and tick:  # "[Autre]" holding Oui/Non like the rest: an option
        last = group.labels[-1]
        if tick_value([*values, (last, [row[other] for row in sample if other < len(row)])],
                      codes) == tick:
            other = None
            columns = list(zip(group.columns, group.labels, strict=True))
    places = [_PLACE.match(label) for _, label in columns]
    ranked = all(places) and [m.group(1) for m in places if m] == [
        str(i) for i in range(1, len(columns) + 1)]
    choices = tuple(Choice(column=c, label=label, code=str(n) if ranked else "")
                    for n, (c, label) in enumerate(columns, start=1))
    if other is not None and tick is None:
        other = None  # a matrix's last row is a row, not an "other" box
        choices = tuple(Choice(column=c, label=label)
                        for c, label in zip(group.columns, group.labels, strict=True))
    label = group.labels[-1] if other is not None else ""
    return Field(key=group.stem, text=group.stem, choices=choices, tick=tick or "",
                 other_column=other, other_choice=label)


def _with_ticks(f: Field, sample: list[list[str]], codes: frozenset[str]) -> Field:
    """A block of option columns whose reader set no tick: the tick its values use, if a pair
    of a checkbox vocabulary (`Yes`/`No` must not count `No` as ticked).

    A block whose last column is headed "Other"/"Sonstiges"/"Annat" and holds typed text while
    the columns before it hold ticks is a multi-select with an "other" box (an export laid out
    with its options in a second header row), not a matrix with a free-text row."""
    values = [(c.label, [row[c.column] for row in sample if c.column < len(row)])
              for c in f.choices]
    if not f.choices or (f.tick and any(v.strip().casefold() == f.tick.casefold()
                                        for _, cells in values for v in cells)):
        return f  # the reader's own tick (LimeSurvey's `Y`) where the cells hold it
    if f.unticked and own_codes(values, codes):  # Qualtrics: each column its option's code
        return replace(f, coded=True)
    f = replace(f, unticked=f.unticked | UNTICKED)
    tick = tick_value(values, codes)
    if tick is None and f.other_column is None and len(f.choices) >= 3 \
            and is_other_label(f.choices[-1].label):
        tick = tick_value(values[:-1], codes)
        if tick is not None:
            last = f.choices[-1]
            return replace(f, choices=f.choices[:-1], tick=tick, other_column=last.column,
                           other_choice=last.label)
    return replace(f, tick=tick) if tick is not None else f
