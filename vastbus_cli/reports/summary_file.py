"""Reading a summary back from the JSON `compile -o x.json` wrote: the input of `rollup`.

The format is versioned (`format_version`, see `summary.SUMMARY_FORMAT`) and its schema
ships as `sammanstallning.schema.json`. A file of another version, or one that is not
valid JSON or not a summary, is refused with a Swedish problem naming the file and the
place (line and column, for a wrong value also its key path); nothing is guessed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from vastbus_cli.problems import Problem, error
from vastbus_cli.reports.json_place import json_position
from vastbus_cli.reports.summary import SUMMARY_FORMAT, Summary

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


def read_summary(path: Path) -> tuple[Summary | None, list[Problem]]:
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
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [error(name, 0, 0, "kodning",
                            f"Filen är inte UTF-8 (byte {exc.start + 1}).", HINT)]
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, [error(name, exc.lineno, exc.colno, "json-syntax",
                            f"Filen är inte giltig JSON (rad {exc.lineno}, kolumn {exc.colno}).",
                            HINT)]
    except RecursionError:
        return None, [error(name, 0, 0, "json-syntax", "Filen är för djupt nästlad.", HINT)]
    if not isinstance(data, dict) or "parts" not in data or "year" not in data:
        return None, [error(name, 1, 1, "inte-sammanställning",
                            "Filen är ingen sammanställning från vastbus (nycklarna 'year' och "
                            "'parts' saknas).", HINT)]
    version = data.get("format_version")
    if version != SUMMARY_FORMAT:
        said = "saknar formatversion" if version is None else f"har formatversion {version!r}"
        return None, [error(name, 1, 1, "formatversion",
                            f"Sammanställningen {said}; den här versionen av vastbus läser "
                            f"formatversion {SUMMARY_FORMAT}.",
                            "Gör om sammanställningen med 'vastbus compile … -o x.json' i samma "
                            "version av vastbus som gör den regionala sammanställningen.")]
    from pydantic import ValidationError

    try:
        return Summary.model_validate(data), []
    except ValidationError as exc:
        problems = []
        for err in exc.errors()[:10]:
            what = _KINDS.get(err["type"], "har ett värde som inte passar formatet")
            line, column = json_position(text, tuple(err["loc"]))
            problems.append(error(name, line, column, "skadad-sammanställning",
                                  f"'{place(tuple(err['loc']))}' {what}.", HINT))
        return None, problems
