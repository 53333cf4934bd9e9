"""The browser form (`vastbus template --form`): one self-contained HTML file per group.

Everything the form knows is generated here from the Python rules, so the form and
`vastbus validate` cannot drift apart: the layout of the saved YAML comes from the
rendered YAML template (`layout.py`), the fields from the JSON Schema (`fields.py`),
the messages and codes from the validator itself run on probe reports (`rules.py`).
`build.py` inlines that data with the plain JavaScript (`assets/js/`, one file per concern,
joined in a fixed order) and CSS in `assets/`.
"""
