"""The browser form (`vastbus template --form`): one self-contained HTML file per group.

Everything the form knows is generated here from the Python rules, so the form and
`vastbus validate` cannot drift apart: the layout of the saved YAML comes from the
rendered YAML template (`layout.py`), the fields from the JSON Schema (`fields.py`),
the messages and codes from the validator itself run on probe reports (`rules.py`).
`build.py` inlines that data with the plain JavaScript (`assets/js/`, one file per concern,
joined in a fixed order) and CSS in `assets/`.
"""

#: The last line of every file the form saves: letters after `compile` (`year/feedback.py`)
#: then speak the form's words to that group (no line numbers of a file it never opened as
#: text). A comment, so validate and the form itself read the file as before.
SAVED_BY_FORM = "# Sparad med formuläret för årsberättelsen (vastbus template --form)."


def saved_by_form(text: str) -> bool:
    """Whether a report's text was saved by the form (its marker line, `SAVED_BY_FORM`)."""
    return SAVED_BY_FORM in text.splitlines()
