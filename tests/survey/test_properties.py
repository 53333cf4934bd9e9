"""Hypothesis: whatever bytes a user hands in, reading ends in rows or problems, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vastbus_cli.survey.readers import ReadOptions, read_responses
from vastbus_cli.survey.split import fold, segment, split_joined
from vastbus_cli.survey.tally import tally

_CSVISH = st.lists(
    st.lists(st.sampled_from(["", "Ja", "Nej", "Ja, delvis", "å;ä", '"', "\n", "1", "Y",
                              "Response", "V1", "V2", "{'ImportId': 'QID1'}", "q1[SQ001]",
                              "\x00", "\r", "=1+1", "19121212-1212"]),
             min_size=1, max_size=6),
    min_size=1, max_size=6)


def _read(data: bytes, suffix: str = ".csv", options: ReadOptions | None = None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"svar{suffix}"
        path.write_bytes(data)
        responses = read_responses(path, "r", options)
        result, problems = tally([responses])
        assert problems or result.rounds[0].respondents >= 0
        for p in problems:
            assert p.message and p.file


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    _read(data)


@settings(max_examples=200, deadline=None)
@given(_CSVISH, st.sampled_from([",", ";", "\t"]), st.sampled_from(["utf-8", "cp1252", "utf-16"]))
def test_csv_like_text(rows: list[list[str]], delimiter: str, encoding: str) -> None:
    text = "\r\n".join(delimiter.join(row) for row in rows)
    _read(text.encode(encoding, errors="replace"))


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=200))
def test_arbitrary_bytes_named_xlsx(data: bytes) -> None:
    _read(b"PK\x03\x04" + data, ".xlsx")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Ja", "Nej", "Ja, delvis", "delvis", "Annat, ange"]),
                min_size=1, max_size=4, unique=True))
def test_a_joined_cell_of_known_options_splits_back(chosen: list[str]) -> None:
    options = ["Ja", "Nej", "Ja, delvis", "Annat, ange"]
    known = {fold(o): o for o in options}
    found, other = split_joined(", ".join(chosen), known, ", ")
    if "delvis" not in chosen:
        assert sorted(found) == sorted(chosen) and other == ""


_FORM_OPTIONS = ["Ja, i den delregionala gruppen", "Ja, för chefer", "Nej", "Vet ej",
                 "Ja, delvis", "Annat, ange"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_FORM_OPTIONS), min_size=1, max_size=4, unique=True),
                min_size=1, max_size=8))
def test_segmentation_is_lossless_and_options_chosen_alone_stay_whole(
        chosen: list[list[str]]) -> None:
    # Google Forms joins the chosen options in the form's order
    cells = [", ".join(sorted(c, key=_FORM_OPTIONS.index)) for c in chosen]
    cut = segment(cells)
    for cell in cells:
        assert ", ".join(cut.cells[cell]) == cell
    for options in chosen:
        if len(options) == 1:
            assert cut.cells[options[0]] == options


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.one_of(st.integers(-10**6, 10**6),
                                    st.floats(-1e9, 1e9, allow_nan=False)),
                          st.integers(1, 5)), min_size=1, max_size=8))
def test_weighted_median_is_statistics_median(pairs: list[tuple[float, int]]) -> None:
    """The median from counts equals statistics' on the expanded values (fmean of the middle two)."""
    import statistics

    from vastbus_cli.survey.tally import _weighted_median

    ordered = sorted(pairs)
    expanded = [value for value, count in ordered for _ in range(count)]
    n = len(expanded)
    middle = (expanded[(n - 1) // 2], expanded[n // 2])
    expected = expanded[n // 2] if n % 2 else statistics.fmean(middle)
    got = _weighted_median(ordered, n)
    assert got == expected and type(got) is type(expected)
