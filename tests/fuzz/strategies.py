"""Strategies for the fuzz targets: text as our loaders can let it through, reports, exports."""

from __future__ import annotations

import unicodedata
from typing import Any

from hypothesis import strategies as st

from vastbus_cli.vocabulary import DeviationCategory, DeviationStatus, Organisation, Theme

# What load.py lets through: everything but surrogates and the control characters it refuses.
_REFUSED = "".join(map(chr, [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F,
                             0xFFFE, 0xFFFF]))
loadable_text = st.text(st.characters(exclude_categories=("Cs",), exclude_characters=_REFUSED),
                        max_size=40)
# Text a user is likely to break things with: markup, formulas, separators, identity numbers.
awkward_text = st.one_of(
    loadable_text,
    st.sampled_from(["=SUM(A1:A9)", "+1", "-1", "@x", "| a | b |", "<b>x</b>", "*x*", "#", "\\",
                     "{{ x }}", "{% if %}", "811218-9876", "19811218 9876", "åäö ÅÄÖ", "\r\n",
                     "\t", "\u202e", "\u200b", "😀", "x" * 300]),
)
# text a report can hold: something visible (zero-width-only text is "not filled in")
some_text = awkward_text.filter(lambda t: t.strip("\u00ad\u180e\u200b\u200c\u200d\u200e\u200f"
                                                 "\u2060\u2061\u2062\u2063\u2064\ufeff"
                                                 " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85"
                                                 "\xa0\u1680\u2000\u2001\u2002\u2003"
                                                 "\u2004\u2005\u2006\u2007\u2008\u2009"
                                                 "\u200a\u2028\u2029\u202f\u205f\u3000")
                                != "")
#: A group's name: one line, no control characters (reports/model.py's `Name`: it goes into
#: mail headers and one-line headings)
name_text = some_text.filter(lambda t: not any(
    unicodedata.category(c) == "Cc" or c in "\u2028\u2029" for c in t))
yamlish = st.text(alphabet=st.sampled_from(list("abåäö:- \n\t#&*!|>'\"[]{},0123456789<%@`\\.?~")),
                  max_size=200)


@st.composite
def report_dicts(draw: st.DrawFn, name: str) -> dict[str, Any]:
    count = st.integers(0, 100_000)
    themes = st.sampled_from(list(Theme))
    data: dict[str, Any] = {
        "formatversion": 1, "år": 2025,
        "grupp": {"namn": name, "kommun": draw(some_text), "delregion": "Skaraborg"},
        "sammansättning": [{"organisation": o.value, "antal": draw(count)}
                           for o in draw(st.lists(st.sampled_from(list(Organisation)),
                                                  max_size=4, unique=True))],
        "möten": {"planerade": draw(count), "genomförda": draw(count)},
        "pågående_arbete": [{"titel": t, "beskrivning": d, "tema": draw(themes).value}
                            for t, d in draw(st.lists(st.tuples(some_text, some_text),
                                                      max_size=2))],
        "avvikelser": [{"kategori": draw(st.sampled_from(list(DeviationCategory))).value,
                        "antal": draw(count), "beskrivning": d, "åtgärd": a,
                        "status": draw(st.sampled_from(list(DeviationStatus))).value}
                       for d, a in draw(st.lists(st.tuples(some_text, some_text), max_size=3))],
        "utvecklingsområden": [{"tema": draw(themes).value, "beskrivning": d}
                               for d in draw(st.lists(some_text, max_size=2))],
        "stöd_från_delregionen": draw(st.lists(some_text, max_size=2)),
        "goda_exempel": [{"titel": t, "beskrivning": d}
                         for t, d in draw(st.lists(st.tuples(some_text, some_text), max_size=2))],
        "planer_nästa_år": draw(st.lists(some_text, max_size=2)),
        "nyckeltal": draw(st.dictionaries(
            some_text, st.one_of(st.integers(-10**9, 10**9),
                                 st.floats(-1e9, 1e9, allow_nan=False)), max_size=3)),
    }
    return data


cells = st.one_of(awkward_text, st.sampled_from(["", "Ja", "Nej", "Ja, delvis", "1", "2,5", "Vet ej",
                                                 "Skövde", "Götene", "2025-01-01 10:00"]))
tables = st.lists(st.lists(cells, min_size=1, max_size=5), min_size=1, max_size=8)
