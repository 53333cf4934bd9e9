"""A small valid annual report, line by line, so tests can assert exact positions."""

from __future__ import annotations

VALID = """\
formatversion: 1
år: 2025
grupp:
  namn: Skövde
  kommun: Skövde
  delregion: Skaraborg
kontakt:
  roll: Ordförande
  epost: vastbus@example.se
sammansättning:
  - organisation: socialtjänst
    antal: 3
  - organisation: bup
    antal: 1
möten:
  planerade: 8
  genomförda: 7
pågående_arbete:
  - titel: SIP i skolan
    beskrivning: "Gemensam rutin: kallelse inom två veckor"
    tema: sip
avvikelser:
  - kategori: väntetider
    antal: 2
    beskrivning: Lång väntan på bedömning
    åtgärd: Dialog med BUP
    status: pågående
nyckeltal:
  Antal SIP-möten: 14
"""

ROSTER = """\
delregion: Skaraborg
grupper:
  - namn: Skövde
    kommun: Skövde
  - namn: Götene
    kommun: Götene
  - namn: Töreboda
    kommun: Töreboda
"""


def replace_line(text: str, old: str, new: str) -> str:
    """`text` with exactly one occurrence of `old` replaced (fails loudly otherwise)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)
