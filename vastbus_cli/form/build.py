"""One self-contained HTML form for one group: data from the Python rules, assets inlined.

The page loads nothing from anywhere: the data, the script, js-yaml and the styles are
all inside the file, and a Content-Security-Policy forbids any request, so it works from
a double-click on a computer with no network.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml

from vastbus_cli.form import SAVED_BY_FORM
from vastbus_cli.form.fields import form_sections, start_values
from vastbus_cli.form.layout import split_template
from vastbus_cli.form.rules import email_data, form_rules, limits, privacy_data
from vastbus_cli.problems import Severity
from vastbus_cli.reports.model import Meetings, Report
from vastbus_cli.reports.parse import PLACEHOLDER
from vastbus_cli.reports.schema import report_schema
from vastbus_cli.reports.template import GroupInfo, file_name, render_template, slug

FORM_TEMPLATE = "formular.html.j2"
ASSETS = Path(__file__).resolve().parent / "assets"
#: What an unchosen drop-down list is saved as, so validate reports it as not filled in.
CHOOSE_PLACEHOLDER = f"{PLACEHOLDER}: välj ett av alternativen"
_CLOSING_TAG = re.compile(r"</(script|style)", re.IGNORECASE)
#: The form's script, one file per concern, in the order they are joined (each file uses
#: only names defined in itself or in a file before it, except inside functions run later).
SCRIPTS = ("values.js", "privacy.js", "email.js", "rules.js", "yaml.js", "fields.js", "messages.js",
           "draft.js", "start.js")
#: Third-party code inlined into every form: file in assets/vendor/ → (name and version,
#: licence file beside it). Its licence notice goes into the page with it (the MIT licence
#: asks for the notice in every copy), and the notice is kept in the repository.
VENDORED = {"js-yaml.min.js": ("js-yaml 4.3.2", "js-yaml.LICENSE")}
_SCRIPT_HEAD = """/* The annual-report form: builds the fields from the generated data, checks them with the
 * validator's own rules and messages, keeps a draft in localStorage, opens a report with
 * js-yaml and saves it in the layout of `vastbus template`. Plain JavaScript, no build step:
 * the files in vastbus_cli/form/assets/js/ joined in a fixed order inside one function.
 * Everything it knows about the report format comes from the data block written by Python.
 */
(function () {
"use strict";
"""


def form_file_name(group: GroupInfo, year: int) -> str:
    return f"arsberattelse-{year}-{slug(group.name)}.html"


def form_data(group: GroupInfo, year: int) -> dict[str, Any]:
    """Everything the browser needs to know about this group's report and its rules."""
    saved_name = file_name(group, year)
    text = render_template(group, year, name=saved_name)
    sections, trailer = split_template(text)
    template = yaml.safe_load(text)
    fields = form_sections(report_schema(), sections, template)
    return {
        "year": year,
        "group": {"namn": group.name, "kommun": group.municipality,
                  "delregion": group.subregion},
        "fileName": saved_name,
        "storageKey": f"vastbus-formular:{year}:{slug(group.name)}",
        "layout": {"sections": [s.to_json() for s in sections], "trailer": trailer},
        "sections": fields,
        "template": template,
        "start": start_values(fields, template),
        "rules": form_rules(),
        "meetings": _meeting_keys(),
        "limits": limits(),
        "privacy": privacy_data(),
        "email": email_data(),
        "savedMark": SAVED_BY_FORM,
        "placeholder": PLACEHOLDER,
        "choosePlaceholder": CHOOSE_PLACEHOLDER,
        "severity": {s.value: s.value.capitalize() for s in Severity},
    }


def _meeting_keys() -> dict[str, str]:
    """The keys the meetings warning compares, as the report file spells them."""
    fields = Meetings.model_fields
    return {"section": str(Report.model_fields["meetings"].alias),
            "planned": str(fields["planned"].alias), "held": str(fields["held"].alias)}


def _asset(name: str) -> str:
    text = (ASSETS / name).read_text(encoding="utf-8")
    if _CLOSING_TAG.search(text):  # would end the inline element early
        raise ValueError(f"{name} contains a closing script or style tag")
    return text


def vendored_script(name: str) -> str:
    """A vendored script with its licence notice in a comment before it."""
    title, licence = VENDORED[name]
    notice = _asset(f"vendor/{licence}").strip()
    if "*/" in notice:  # would end the comment early
        raise ValueError(f"{licence} contains '*/'")
    return (f"/*! {title}, vendored unchanged from its npm package. Licence:\n\n"
            f"{notice}\n*/\n{_asset(f'vendor/{name}')}")


def form_script() -> str:
    """The form's script files joined into one function, as inlined in the page."""
    parts = [f"\n/* ---- {name} ---- */\n" + _asset(f"js/{name}") for name in SCRIPTS]
    return _SCRIPT_HEAD + "".join(parts) + "})();\n"


def _script_json(data: Any) -> str:
    """JSON safe inside <script>: no '<', '>' or '&' can end or confuse the element, and
    no U+2028/U+2029, which end a line in older JavaScript parsers."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_form(group: GroupInfo, year: int) -> str:
    from vastbus_cli.templating import environment

    data = form_data(group, year)
    template = environment(autoescape=True).get_template(FORM_TEMPLATE)
    return template.render(
        year=year,
        group=group,
        file_name=data["fileName"],
        data_json=_script_json(data),
        css=_asset("form.css"),
        js_yaml=vendored_script("js-yaml.min.js"),
        script=form_script(),
    )
