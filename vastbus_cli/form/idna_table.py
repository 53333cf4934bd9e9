"""The characters a domain label with å, ä, ö may hold, as ranges the form's script reads.

`year/addresses.py` takes a non-ASCII label only when Python's IDNA 2003 codec gives back
exactly the label written (so `faß.de`, which it turns into `fass.de`, is refused). A
browser has no IDNA 2003, so the form gets the rule as tables. A character survives the
round trip exactly when nameprep (RFC 3491) leaves it alone: not mapped to nothing, case
folded to itself, its own NFKC (Unicode 3.2, as the codec normalises), and not prohibited;
the label then must keep the bidi rule (a right-to-left character means no left-to-right
letter, and one at each end), and not hold a dot the codec splits at. Characters a label never holds after lower() and NFC, which
both sides apply first, may fall on either side, so the ranges stay few.

Derived here from the codec's own nameprep and the standard library's `stringprep` bidi
tables (and Python's whitespace,
which the script strips and refuses as Python does), shipped as
`idna_ranges.json` (`python -m vastbus_cli.form.idna_table` rewrites it);
`tests/browser/test_form_email.py` holds the form's rule to `mail_address` on shared vectors.
"""

from __future__ import annotations

import json
import stringprep
import unicodedata
from collections.abc import Callable
from encodings.idna import nameprep  # the codec's own step: the documented RFC 3491 profile
from pathlib import Path
from typing import Any

SHIPPED = Path(__file__).with_name("idna_ranges.json")


def _settled(c: str) -> bool:
    """Whether a label can hold `c` once lowered and NFC-normalised (both sides do that)."""
    return c.lower() == c and unicodedata.normalize("NFC", c) == c


#: Python's codec splits a domain at these as at '.', so a label holding one comes back as two.
_DOTS = "\u3002\uff0e\uff61"


def _stays(c: str) -> bool:
    """nameprep gives `c` back (mapping then NFKC, so `ǰ`, folded to j + caron and composed
    again, stays) and refuses nothing in it."""
    if c in _DOTS:
        return False
    try:
        return nameprep(c) == c
    except UnicodeError:
        return False


def _ranges(test: Callable[[str], bool | None]) -> list[list[int]]:
    """[first, last] code point ranges where `test` is True; None (either) bridges a gap."""
    out: list[list[int]] = []
    for code in range(0x80, 0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        verdict = test(chr(code))
        if verdict is None:
            continue
        if verdict and out and out[-1][2:] == [1]:
            out[-1][1] = code  # extends the open range over the characters in between
        elif verdict:
            out.append([code, code, 1])
        elif out:
            out[-1][2:] = []  # closed: the next True starts a new range
    return [r[:2] for r in out]


def build() -> dict[str, Any]:
    """The ranges: characters that survive, right-to-left (RandALCat) and left-to-right
    (LCat) ones; ASCII is the script's own (a–z, 0–9 and '-' only, a–z being LCat). Beside
    them Python's whitespace (`str.strip()` and `\\s`, which JavaScript's differ from)."""
    def survives(c: str) -> bool | None:
        return _stays(c) if _settled(c) else None

    def bidi(table: Callable[[str], bool]) -> Callable[[str], bool | None]:
        return lambda c: table(c) if _settled(c) and _stays(c) else None

    return {"stays": _ranges(survives), "rightToLeft": _ranges(bidi(stringprep.in_table_d1)),
            "leftToRight": _ranges(bidi(stringprep.in_table_d2)),
            "spaces": [c for c in range(0x110000) if chr(c).isspace()]}


def shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SHIPPED.read_text(encoding="utf-8"))
    return data


if __name__ == "__main__":
    SHIPPED.write_text(json.dumps(build(), separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {SHIPPED}")
