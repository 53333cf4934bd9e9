"""How the tally read an export, one line per question, for `vastbus tally --visa-tolkning`.

Each line says which columns a question was read from, its kind and options, why (the
evidence the layers used) and how sure the reading is. A reading in doubt also gives a warning
that names the column and the way to settle it (`--infer-spec`, edit, `--spec`); the columns
left out, and why, are the readers' and the tally's notes.
"""

from __future__ import annotations

from vastbus_cli.survey.questions import Planned
from vastbus_cli.survey.questions import shown as shown_text
from vastbus_cli.survey.readers.headers import column_name
from vastbus_cli.survey.spec import Kind
from vastbus_cli.survey.split import marked

_KINDS = {Kind.single: "enkelval", Kind.multi: "flerval", Kind.text: "fritext",
          Kind.number: "tal", Kind.rank: "rangordning"}
_MAX_OPTIONS = 8


def reading_line(plan: Planned) -> str:
    """'f3  Vilka insatser? — kolumn C–E; flerval: Utbildning, Fika; varför: …; säker'."""
    fields = [fc.field for fc in plan.sources.values()]
    columns = sorted({c for f in fields for c in f.columns})
    if plan.items:
        columns = sorted({c for items in plan.items.values() for _label, fc in items
                          for c in fc.field.columns} | set(columns))
    where = ("kolumn " + _span(columns)) if columns else "inga kolumner"
    kind = _KINDS.get(plan.kind, str(plan.kind))
    shown = plan.options[:_MAX_OPTIONS]
    options = (": " + ", ".join(shown) + (" …" if len(plan.options) > len(shown) else "")
               if shown and plan.kind is not Kind.text else "")
    text = plan.text if plan.matrix is None else f"{plan.text} (rad i matrisen '{plan.matrix}')"
    sure = f"osäker: {plan.doubt}" if plan.doubt else "säker"
    return shown_text(f"{plan.id}  {text} — {where}; {kind}{options}; varför: {_why(plan)}; {sure}")


def _why(plan: Planned) -> str:
    field = next(iter(plan.sources.values())).field if plan.sources else None
    if plan.from_spec:
        return "enligt specifikationen"
    if plan.kind is Kind.rank:
        return "varje alternativ har en plats 1…n (eller varje plats ett alternativ)"
    if plan.matrix is not None:
        return "en rad i en grupp kolumner med samma fråga och gemensam skala"
    if field is not None and field.choices and field.coded:
        return "en kolumn per alternativ, alternativets egen kod (även 0 eller -1) betyder vald"
    if field is not None and field.coded and plan.kind is Kind.single:
        return "exporten anger svarskoder för ett val (Qualtrics ImportId utan _TEXT)"
    if field is not None and field.choices:
        tick = f"'{field.tick}' betyder vald" if field.tick else "alternativets text betyder vald"
        return f"en kolumn per alternativ, {tick}"
    if plan.kind is Kind.multi and plan.cells and marked(plan.options):
        return "flera alternativ i en cell, med formulärets egna märken (A), B) … eller 1., 2. …) i ordning"
    if plan.kind is Kind.multi:
        return f"flera alternativ i en cell, åtskilda av '{plan.separator.strip() or plan.separator}', som återkommer"
    if plan.kind is Kind.single:
        return "ett av några svar som återkommer"
    if plan.kind is Kind.number:
        return "bara tal"
    return "svar som sällan återkommer"


def _span(columns: list[int]) -> str:
    """'B', 'B–D' or 'B, D, F' in Excel's column letters."""
    if len(columns) > 1 and columns == list(range(columns[0], columns[-1] + 1)):
        return f"{column_name(columns[0])}–{column_name(columns[-1])}"
    return ", ".join(column_name(c) for c in columns)
