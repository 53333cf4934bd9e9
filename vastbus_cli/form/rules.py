"""The checks the form runs while the user types, with validate's own codes and messages.

The messages are not written again here: each rule's message is produced by the real
validator (loading, the pydantic parse or the semantic check) on a small probe report,
and the parts that vary (the field's label, the value) are turned into `{slots}` the
browser fills. If a message in the validator changes, the form follows at the next build;
if its shape changes so a slot cannot be found, the build fails loudly (a test runs it).
"""

from __future__ import annotations

import copy
from typing import Any

from vastbus_cli.privacy import (
    CANDIDATE_PATTERN,
    CENTURIES,
    COORDINATION_DAY_OFFSET,
    DAYS_IN_MONTH,
    PRIVACY_HINT,
    PRIVACY_MESSAGE,
    WRONG_CHECK_DIGIT,
    IdentityNumber,
)
from vastbus_cli.problems import Problem, Severity
from vastbus_cli.reports.checks import counts, meetings
from vastbus_cli.reports.checks.base import Context, ReportFile
from vastbus_cli.reports.checks.identity_numbers import CODE as PRIVACY_CODE
from vastbus_cli.reports.load import LoadedFile, Positions, load_bytes, load_text
from vastbus_cli.reports.model import Report
from vastbus_cli.reports.parse import PLACEHOLDER, parse_model
from vastbus_cli.reports.parse_messages import where

_MARK = "XQ_värde_QX"
_BASE: dict[str, Any] = {
    "formatversion": 1,
    "år": 2025,
    "grupp": {"namn": "G", "kommun": "K", "delregion": "D"},
    "sammansättning": [{"organisation": "bup", "antal": 1}],
    "möten": {"planerade": 1, "genomförda": 1},
}


def _with(path: tuple[str | int, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(_BASE)
    node: Any = data
    for part in path[:-1]:
        node = node.setdefault(part, {}) if isinstance(part, str) else node[part]
    node[path[-1]] = value
    return data


def _parsed(data: dict[str, Any]) -> Problem:
    _, problems = parse_model(LoadedFile("probe", data, Positions()), Report)
    if len(problems) != 1:
        raise RuntimeError(f"probe gave {len(problems)} problems: {problems}")
    return problems[0]


def _rule(problem: Problem, **slots: str) -> dict[str, str]:
    """The problem as a rule; each slot's example text in message and hint becomes {slot}."""
    message, hint = problem.message, problem.hint
    for slot, text in slots.items():
        if text not in message:
            raise RuntimeError(f"{text!r} not in {message!r}")
        message = message.replace(text, "{" + slot + "}")
        hint = hint.replace(text, "{" + slot + "}")
    return {"code": problem.code, "severity": problem.severity.value,
            "message": message, "hint": hint}


def _checked(data: dict[str, Any], check: Any) -> Problem:
    report = Report.model_validate(data)
    found = list(check(ReportFile("probe", report), Context()))
    if len(found) != 1:
        raise RuntimeError(f"check gave {len(found)} problems: {found}")
    return found[0]


#: The form's own words where validate's speak of the file (keys, lines, quoting, the
#: template's example text): the form names a field by its label on the screen instead.
#: The code and the severity always stay validate's.
FORM_WORDING: dict[str, dict[str, str]] = {
    "notFilled": {"hint": "Skriv er egen uppgift i fältet."},
    "notChosen": {"hint": "Välj ett av alternativen i listan."},
    "notNumber": {"hint": "Skriv talet med siffror, t.ex. 12 eller 3,5."},
    "email": {"hint": "Skriv en adress som namn@kommun.se, eller lämna fältet tomt."},
    "figureTooLarge": {"hint": "Kontrollera talet."},
    "duplicateKey": {"message": "Nyckeltalet '{key}' finns redan (nyckeltal {first}).",
                     "hint": "Slå ihop dem till ett, eller ge dem olika namn."},
}


#: An entry of a list left as the template gave it (every field empty or the example text):
#: one problem for the entry, not one per field, saying how to leave the list empty.
ENTRY_NOT_FILLED = {
    "message": "{label} är inte ifylld.",
    "hint": "Fyll i den, eller klicka på Ta bort om ni inte har något att ta upp här.",
}
#: A field left empty in an entry that has other fields filled in.
FIELD_IN_ENTRY_HINT = "Skriv er egen uppgift i fältet, eller ta bort hela posten med Ta bort."


def form_rules() -> dict[str, Any]:
    """Every rule the form checks, in the form's words, keyed by what it is about."""
    rules = validate_rules()
    rules["notChosen"] = dict(rules["notFilled"])
    for name, wording in FORM_WORDING.items():
        rules[name] = {**rules[name], **wording}
    rules["entryNotFilled"] = {**rules["notFilled"], **ENTRY_NOT_FILLED}
    rules["notFilledInEntry"] = {**rules["notFilled"], "hint": FIELD_IN_ENTRY_HINT}
    rules["notChosenInEntry"] = {**rules["notChosen"], "hint": rules["notChosen"]["hint"]
                                 + " Eller ta bort hela posten med Ta bort."}
    return rules


def validate_rules() -> dict[str, Any]:
    """Every rule the form checks, with validate's own codes and messages."""
    label = where(("möten", "planerade"))
    shown = f"'{_MARK}'"
    not_utf8 = load_bytes("a: å\n".encode("cp1252"), "probe").problems[0]
    duplicate = load_text(f"a: 1\n{_MARK}: 1\n{_MARK}: 2\n", "probe").problems[0]
    return {
        "notFilled": _rule(_parsed(_with(("möten", "planerade"), f"{PLACEHOLDER}: x")),
                           label=label),
        "notInteger": _rule(_parsed(_with(("möten", "planerade"), _MARK)),
                            label=label, shown=shown),
        "notNumber": _rule(_parsed(_with(("nyckeltal",), {"Tal": _MARK})),
                           label=where(("nyckeltal", "Tal")), shown=shown),
        "email": _rule(_parsed(_with(("kontakt",), {"roll": "r", "epost": _MARK})),
                       label=where(("kontakt", "epost")), shown=shown),
        # past the pattern, year/addresses.py says why no letter can go there: its hint
        "emailAddress": {**_rule(_parsed(_with(("kontakt",), {"roll": "r",
                                                              "epost": f"x@{_MARK}.se>"})),
                                 label=where(("kontakt", "epost")), shown=f"'x@{_MARK}.se>'"),
                         "hint": "{reason}"},
        # the hints of these two list what is allowed where the probe stood; the form says that
        "choice": {**_rule(_parsed(_with(("sammansättning", 0, "organisation"), _MARK)),
                           label=where(("sammansättning", 0, "organisation")), shown=shown),
                   "hint": ""},
        "negative": _rule(_checked(_with(("möten", "planerade"), -7919), counts.check),
                          value="-7919"),
        "tooLarge": _rule(_checked(_with(("möten", "planerade"), 104729), counts.check),
                          value="104729"),
        "figureTooLarge": _rule(_checked(_with(("nyckeltal",), {_MARK: 2000000011}),
                                         counts.check), key=_MARK, value="2000000011"),
        "meetings": _rule(_checked(_with(("möten",), {"planerade": 7907, "genomförda": 7919}),
                                   meetings.check), held="7919", planned="7907"),
        "duplicateKey": _rule(duplicate, key=_MARK, line="2"),
        "notUtf8": _rule(not_utf8),
        "privacy": {"code": PRIVACY_CODE, "severity": Severity.WARNING.value,
                    "message": PRIVACY_MESSAGE, "hint": PRIVACY_HINT},
    }


def limits() -> dict[str, int]:
    """Where a count or a key figure becomes too large to be true (checks/counts.py)."""
    return {"maxCount": counts.MAX_COUNT, "maxKeyFigure": counts.MAX_KEY_FIGURE}


def email_data() -> dict[str, Any]:
    """What the browser's copy of `year/addresses.mail_address` needs: Python's whitespace
    (its strip() and `\\s`), the limits, the IDNA tables and each reason's words."""
    from vastbus_cli.form.idna_table import shipped
    from vastbus_cli.year import addresses

    tables = shipped()
    return {"spaces": tables["spaces"],
            "maxLocal": addresses.MAX_LOCAL, "maxDomain": addresses.MAX_DOMAIN,
            "maxLabel": addresses.MAX_LABEL,
            "idna": {k: v for k, v in tables.items() if k != "spaces"},
            "reasons": {"oneAddress": addresses.ONE_ADDRESS,
                        "asciiLocal": addresses.ASCII_LOCAL,
                        "badDomain": addresses.BAD_DOMAIN, "idnChanged": addresses.IDN_CHANGED,
                        "tooLong": addresses.TOO_LONG}}


def privacy_data() -> dict[str, Any]:
    """What the browser's copy of the privacy guard needs (Luhn and the date check are JS;
    a wrong check digit is still a number, named as such)."""
    kinds = {str(c).lower(): IdentityNumber(0, 0, "", c).kind for c in (False, True)}
    return {"pattern": CANDIDATE_PATTERN, "daysInMonth": list(DAYS_IN_MONTH),
            "centuries": list(CENTURIES), "coordinationOffset": COORDINATION_DAY_OFFSET,
            "kinds": kinds, "wrongCheckDigit": WRONG_CHECK_DIGIT}
