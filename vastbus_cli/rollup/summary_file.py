"""Reading a summary back from the JSON `compile -o x.json` wrote: the input of `rollup`.

The format is versioned (`format_version`, see `summary.SUMMARY_FORMAT`) and its schema
ships as `sammanstallning.schema.json`. The file comes from someone else, so it is read as
strictly as a report: JSON without duplicate keys, NaN/Infinity or absurd numbers
(`json_strict`), the schema's types strictly (`true` is no count) and counts never negative,
then every stated total against its rows (`summary_checks`). Anything else is refused with a
Swedish problem naming the file and the place (line and column, for a wrong value also its
key path); nothing is guessed or repaired.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vastbus_cli.problems import Problem, error
from vastbus_cli.reports.summary import READABLE_FORMATS, Summary
from vastbus_cli.rollup.json_place import json_position, line_column
from vastbus_cli.rollup.json_strict import strict_loads

MAX_PROBLEMS = 10  # per file: enough to see what is wrong, few enough to read
MAX_BYTES = 200 * 1024 * 1024  # a region's summary with every appendix is far below this
HINT = ("Använd JSON-filen som 'vastbus compile … -o sammanställning.json' skrev, utan att "
        "ändra i den.")

_KINDS = {
    "missing": "saknas",
    "int_type": "ska vara ett heltal", "int_parsing": "ska vara ett heltal",
    "int_from_float": "ska vara ett heltal",
    "string_type": "ska vara en text", "list_type": "ska vara en lista",
    "dict_type": "ska vara nycklar och värden", "model_type": "ska vara nycklar och värden",
    "bool_type": "ska vara true eller false", "bool_parsing": "ska vara true eller false",
    "date_from_datetime_parsing": "ska vara ett datum (ÅÅÅÅ-MM-DD)",
    "date_parsing": "ska vara ett datum (ÅÅÅÅ-MM-DD)", "date_type": "ska vara ett datum",
    "float_type": "ska vara ett tal", "float_parsing": "ska vara ett tal",
}


def place(loc: tuple[int | str, ...]) -> str:
    """`parts[0].overview.reported`: where a value stands, as a JSON tool would name it."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "filen"


@dataclass(frozen=True)
class SummaryFile:
    """A summary file as read: the summary (None if refused), its problems and its text."""

    path: Path
    summary: Summary | None
    problems: list[Problem]
    text: str = ""

    def at(self, loc: tuple[int | str, ...]) -> tuple[int, int]:
        """The line and column of the value at `loc` in the file."""
        return json_position(self.text, loc) if self.text else (0, 0)


def read_summary(path: Path) -> tuple[Summary | None, list[Problem]]:
    read = read_summary_file(path)
    return read.summary, read.problems


def read_summary_file(path: Path) -> SummaryFile:
    text, problems = _text(path)
    if text is None:
        return SummaryFile(path, None, problems)
    summary, problems = parse_summary(str(path), text)
    return SummaryFile(path, summary, problems, text)


def _text(path: Path) -> tuple[str | None, list[Problem]]:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return None, [error(name, 0, 0, "för-stor",
                                f"Filen är {size // (1024 * 1024)} MB; en sammanställning får "
                                f"vara högst {MAX_BYTES // (1024 * 1024)} MB.", HINT)]
        raw = path.read_bytes()
    except OSError as exc:
        return None, [error(name, 0, 0, "finns-inte", f"Filen kan inte läsas: {exc.strerror}.",
                            "Kontrollera sökvägen.")]
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        return None, [error(name, 0, 0, "kodning",
                            f"Filen är inte UTF-8 (byte {exc.start + 1}).", HINT)]


def parse_summary(name: str, text: str) -> tuple[Summary | None, list[Problem]]:
    """The summary in `text` (the file `name`), or None and every problem found."""
    try:
        data, refused = strict_loads(text)
    except json.JSONDecodeError as exc:
        return None, [error(name, exc.lineno, exc.colno, "json-syntax",
                            f"Filen är inte giltig JSON (rad {exc.lineno}, kolumn {exc.colno}).",
                            HINT)]
    except RecursionError:
        return None, [error(name, 0, 0, "json-syntax", "Filen är för djupt nästlad.", HINT)]
    if refused:
        return None, [error(name, *line_column(text, f.offset), f.code, f.message, HINT)
                      for f in refused[:MAX_PROBLEMS]]
    if not isinstance(data, dict) or "parts" not in data or "year" not in data:
        return None, [error(name, 1, 1, "inte-sammanställning",
                            "Filen är ingen sammanställning från vastbus (nycklarna 'year' och "
                            "'parts' saknas).", HINT)]
    version = data.get("format_version")
    if version not in READABLE_FORMATS or isinstance(version, bool):
        said = "saknar formatversion" if version is None else f"har formatversion {version!r}"
        return None, [error(name, *json_position(text, ("format_version",)), "formatversion",
                            f"Sammanställningen {said}; den här versionen av vastbus läser "
                            f"formatversion {' och '.join(map(str, READABLE_FORMATS))}.",
                            "Gör om sammanställningen med 'vastbus compile … -o x.json' i samma "
                            "version av vastbus som gör den regionala sammanställningen.")]
    from pydantic import ValidationError

    try:
        # strict: `true` is no integer and "12" no count; dates are read from their JSON text
        summary = Summary.model_validate_json(text, strict=True)
    except ValidationError as exc:
        # one problem per place: a number (int | float) fails once per member of its union,
        # and "ska vara ett tal" says it for both
        errors: dict[tuple[int | str, ...], Any] = {}
        for err in exc.errors():
            loc = _in_data(data, tuple(err["loc"]), err["type"] == "missing")
            if loc not in errors or err["type"] == "float_type":
                errors[loc] = err
        return None, [error(name, *json_position(text, loc), "skadad-sammanställning",
                            f"'{place(loc)}' {_what(err)}.", HINT)
                      for loc, err in list(errors.items())[:MAX_PROBLEMS]]
    from vastbus_cli.rollup.summary_checks import contradictions

    found = contradictions(summary)
    if found:
        return None, [error(name, *json_position(text, loc), code, message, HINT)
                      for loc, code, message in found[:MAX_PROBLEMS]]
    return summary, []


def _what(err: Any) -> str:
    if err["type"] == "greater_than_equal":
        return "får inte vara negativt"
    what = _KINDS.get(err["type"], "har ett värde som inte passar formatet")
    if isinstance(err.get("input"), bool) and "true eller false" not in what:
        what += f" (inte {str(err['input']).lower()})"
    return what


def _in_data(data: Any, loc: tuple[int | str, ...], missing: bool) -> tuple[int | str, ...]:
    """`loc` without pydantic's union tags (`total.int`): only the steps the data has, and a
    missing key as its last step."""
    out: list[int | str] = []
    for i, step in enumerate(loc):
        present = (step in data if isinstance(data, dict) else
                   isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data))
        if present:
            data = data[step]
        elif not (missing and i == len(loc) - 1):
            continue
        out.append(step)
    return tuple(out)
