"""Hostile YAML, generated: every kind of fault a report, roster or spec file can carry.

`LOAD_CASES` fail while the bytes are read (the same for every kind of file);
`REPORT_CASES` are well-formed YAML whose numbers are wrong where counts belong.
"""

from __future__ import annotations

import codecs

from adversarial.corpus import Case
from reportdata import VALID, replace_line

from vastbus_cli.reports.load import MAX_BYTES, MAX_DEPTH, MAX_LINE_CHARS


def _nested_mapping(depth: int) -> bytes:
    return "".join(f"{'  ' * i}n{i}:\n" for i in range(depth)).encode() + b"  " * depth + b"x: 1\n"


def _alias_bomb() -> bytes:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    return ("\n".join(lines) + "\n").encode()


LOAD_CASES = [
    Case("syntax-colon-in-value", b"delregion: Skaraborg: norr\n", "kolon", 1),
    Case("syntax-bad-indent", b"delregion: Skaraborg\n  grupper: 1\n x: 2\n", "YAML", 2),
    Case("syntax-unclosed-bracket", b"delregion: [Skaraborg\ngrupper: 1\n", "YAML", None),
    Case("tab-indent", "delregion: Skaraborg\ngrupper:\n\t- namn: Skövde\n".encode(), "tabb", 3),
    Case("tab-after-key", b"delregion:\tSkaraborg\ngrupper:\n  -\tnamn: x\n", "", None),
    Case("duplicate-top", b"delregion: A\ngrupper: []\ndelregion: B\n", "två gånger", 3),
    Case("duplicate-depth-2", b"a:\n  b: 1\n  c: 2\n  b: 3\n", "två gånger", 4),
    Case("duplicate-depth-4", b"a:\n  b:\n    c:\n      d: 1\n      d: 2\n", "två gånger", 5),
    Case("duplicate-in-list-item", b"grupper:\n  - namn: A\n    kommun: B\n    namn: C\n",
         "två gånger", 4),
    Case("duplicate-flow", b"a: {b: 1, b: 2}\n", "två gånger", 1),
    Case("anchor-and-alias", b"delregion: &d Skaraborg\nkopia: *d\n", "Ankare", 1),
    Case("alias-undefined", b"delregion: *d\n", "", 1),
    Case("merge-key", b"delregion: Skaraborg\ngrupper:\n  - <<: {namn: A}\n    kommun: B\n",
         "Sammanslagningsnycklar", 3),
    Case("alias-bomb", _alias_bomb(), "Ankare", 1),
    Case("tag-python-object", b"delregion: !!python/name:os.system\n",
         "Taggen", 1),
    Case("tag-custom", b"delregion: !ref Skaraborg\n", "Taggen", 1),
    Case("tag-binary", b"delregion: !!binary aGVq\n", "Taggen", 1),
    Case("tag-set", b"grupper: !!set {a, b}\n", "Taggen", 1),
    Case("tag-on-mapping", b"grupper: !!omap\n  - a: 1\n", "Taggen", 1),
    Case("several-documents", b"delregion: A\n---\ndelregion: B\n", "flera YAML-dokument", 2),
    Case("document-end-then-more", b"delregion: A\n...\n---\ndelregion: B\n",
         "flera YAML-dokument", 3),
    Case("key-integer", b"delregion: A\n2025: B\n", "läses som tal", 2),
    Case("key-boolean", b"delregion: A\nyes: B\n", "sant/falskt", 2),
    Case("key-null", b"delregion: A\n~: B\n", "tomt värde", 2),
    Case("key-float", b"delregion: A\n1.5: B\n", "läses som tal", 2),
    Case("key-complex-sequence", b"? [a, b]\n: 1\n", "nyckel", 1),
    Case("key-complex-mapping", b"{a: 1}: 2\n", "nyckel", 1),
    Case("nul-byte", b"delregion: A\ngrupper: \x00\n", "binära data", 2),
    Case("binary-png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binära data",
         3),
    Case("binary-zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(200), "binära data", 1),
    Case("utf16-le-bom", codecs.BOM_UTF16_LE + "delregion: Skövde\n".encode("utf-16-le"),
         "UTF-16", 1),
    Case("utf16-be-bom", codecs.BOM_UTF16_BE + "delregion: Skövde\n".encode("utf-16-be"),
         "UTF-16", 1),
    Case("utf16-no-bom", "delregion: Skövde\n".encode("utf-16-le"), "UTF-16", 1),
    Case("cp1252", "delregion: Skaraborg\ngrupper:\n  - namn: Skövde\n".encode("cp1252"),
         "UTF-8", 3),
    Case("escape-sequence", b"delregion: A\x1b[2J\x1b[31m\n", "styrtecken", 1),
    Case("bell-and-backspace", b"delregion: A\x07\x08\n", "styrtecken", 1),
    Case("nested-mapping-too-deep", _nested_mapping(MAX_DEPTH + 5), "djup", MAX_DEPTH + 1),
    Case("nested-flow-mapping-2000", b"a: " + b"{b: " * 2000 + b"1" + b"}" * 2000 + b"\n", "djup",
         1),
    Case("nested-flow-sequence-5000", b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n", "", 1),
    Case("nested-block-sequence", "".join(f"{'  ' * i}- \n" for i in range(300)).encode()
         + b"  " * 300 + b"- x\n", "", None),
    Case("long-line", b"delregion: Skaraborg\nanteckning: " + b"x" * (MAX_LINE_CHARS + 1) + b"\n",
         "tecken lång", 2),
    Case("over-size-limit", b"# " + b"x" * MAX_BYTES + b"\n", "gränsen", 1),
    Case("empty-file", b"", "", None),
    Case("only-comments", b"# bara en kommentar\n", "", None),
    Case("only-bom", codecs.BOM_UTF8, "", None),
    Case("top-level-list", b"- delregion\n- grupper\n", "", 1),
    Case("top-level-text", b"Skaraborg\n", "", 1),
    Case("huge-integer-digits", b"delregion: A\ngrupper: " + b"9" * 5000 + b"\n", "för stort", 2),
    Case("huge-integer-digits-key", b"delregion: A\n" + b"9" * 5000 + b": 1\n", "", 2),
]


def _report(old: str, new: str, says: str = "", code: int = 1, *, name: str) -> Case:
    """VALID with one line replaced; the message must name that line."""
    line = VALID.split("\n").index(old) + 1
    return Case(name, replace_line(VALID, old + "\n", new + "\n").encode(), says,
                line if code else None, code)


# Numbers in a report that are not counts, or counts that cannot be true.
REPORT_CASES = [
    _report("    antal: 3", "    antal: -3", "negativt", name="count-negative"),
    _report("    antal: 3", "    antal: " + "9" * 40, "orimligt stort", name="count-huge"),
    _report("    antal: 3", "    antal: " + "9" * 4400, "för stort", name="count-over-digit-limit"),
    _report("    antal: 3", "    antal: 2.5", "heltal", name="count-float"),
    _report("    antal: 3", "    antal: .inf", "heltal", name="count-infinite"),
    _report("    antal: 3", "    antal: .nan", "heltal", name="count-nan"),
    _report("    antal: 3", "    antal: 0x10", "heltal", name="count-hex"),
    _report("    antal: 3", "    antal: 010", "heltal", name="count-octal"),
    _report("    antal: 3", "    antal: 1:30", "heltal", name="count-sexagesimal"),
    _report("    antal: 3", "    antal: tre", "heltal", name="count-text"),
    _report("    antal: 3", "    antal: yes", "heltal", name="count-boolean"),
    _report("  genomförda: 7", "  genomförda: -7", "negativt", name="meetings-negative"),
    _report("  planerade: 8", "  planerade: 1e400", "heltal", name="meetings-huge-float"),
    _report("  planerade: 8", "  planerade: 100001", "orimligt stort", name="meetings-over-limit"),
    _report("    antal: 2", "    antal: 123456789012345678901234567890", "orimligt stort",
            name="deviations-huge"),
    _report("  Antal SIP-möten: 14", "  Antal SIP-möten: " + "7" * 60, "orimligt värde",
            name="key-figure-huge"),
    _report("  Antal SIP-möten: 14", "  Antal SIP-möten: .inf", "orimligt värde",
            name="key-figure-infinite"),
    _report("  Antal SIP-möten: 14", "  Antal SIP-möten: -14", code=0, name="key-figure-negative"),
    _report("år: 2025", "år: 99999999999999999999", "", name="year-huge"),
    _report("formatversion: 1", "formatversion: " + "1" * 30, "", name="formatversion-huge"),
    _report("    beskrivning: Lång väntan på bedömning",
            "    beskrivning: " + "Lång väntan. " * 1000, code=0, name="long-text-within-limit"),
]
