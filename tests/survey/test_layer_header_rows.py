"""Layer 1 alone (`survey/readers/header_rows.py`): how many header rows, at each boundary of
the rule "labels under blank cells, the one-column questions left (mostly) blank".

Pure and fast, for mutation testing (docs/mutation.md, "survey layers"): every expected value
is exact, and each case sits on one edge of a comparison in the rule.
"""

from __future__ import annotations

from vastbus_cli.survey.readers.header_rows import _labels_below, header_rows


def test_a_single_row_is_one_header_row() -> None:
    assert header_rows([["Q1", "Q2"]]) == 1


def test_two_rows_both_headings_stop_at_the_last_row() -> None:
    # the loop may not look past the last row (no third row to read)
    assert header_rows([["Vilka insatser?", ""], ["Utbildning", "Fika"]]) == 2


def test_three_rows_of_headings_then_data() -> None:
    rows = [["Hur nöjd?", "", "", "Kommentar"],
            ["", "Information", "Stöd", ""],
            ["", "", "", "(fritt)"],
            ["3", "4", "5", "Bra"]]
    assert header_rows(rows) == 3


def test_a_header_row_then_data_rows_counts_two() -> None:
    rows = [["Tid", "Vilka insatser?", "", "Kommentar"],
            ["", "Utbildning", "Handledning", ""],
            ["2024-01-01", "Utbildning", "Handledning", "Bra"],
            ["2024-01-02", "Utbildning", "", "Bra"]]
    assert header_rows(rows) == 2


def test_a_blank_row_labels_nothing() -> None:
    # no cell under a blank heading: nothing spanned, whatever the singles say
    assert header_rows([["Q1", "Q2"], ["", ""], ["a", "b"]]) == 1
    assert not _labels_below(["Q1", "Q2"], ["", ""])


def test_exactly_one_spanned_label_is_enough() -> None:
    assert _labels_below(["Q", ""], ["", "a"])
    assert _labels_below(["Q", "", "R"], ["", "a", ""])


def test_a_label_under_a_blank_cell_before_any_question_spans_nothing() -> None:
    assert not _labels_below(["", "Q1"], ["x", ""])
    assert not _labels_below(["", "", "Q1"], ["x", "y", ""])


def test_one_filled_single_in_three_is_still_a_header_row() -> None:
    # three one-column questions, one of them with a cell below ("Response"): 3 * 1 <= 3
    assert _labels_below(["Q1", "Q2", "Q3", "M", ""], ["Response", "", "", "", "a"])


def test_one_filled_single_in_two_is_a_data_row() -> None:
    # 3 * 1 > 2: a respondent's row
    assert not _labels_below(["Q1", "Q2", "M", ""], ["Ja", "", "", "a"])


def test_two_filled_singles_in_six_is_a_header_row_and_in_five_is_not() -> None:
    assert _labels_below(["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "M", ""],
                         ["x", "y", "", "", "", "", "", "a"])
    assert not _labels_below(["Q1", "Q2", "Q3", "Q4", "Q5", "M", ""],
                             ["x", "y", "", "", "", "", "a"])


def test_the_last_heading_is_a_one_column_question() -> None:
    # the last cell has no right neighbour: it is a single, and its cell below counts
    assert not _labels_below(["M", "", "Q"], ["", "a", "Ja"])
    assert _labels_below(["M", "", "Q", "R", "S"], ["", "a", "Ja", "", ""])


def test_a_heading_over_a_blank_cell_is_a_multi_column_question() -> None:
    # "M" spans the next column: its own cell below is an option label, not a filled single
    assert _labels_below(["M", "", "Q"], ["Utbildning", "Fika", ""])
    # only the next cell decides: "Q1" is followed by a heading, so it is a single
    assert not _labels_below(["Q1", "M", ""], ["Ja", "", "a"])


def test_several_labels_and_singles_are_counted_not_just_seen() -> None:
    # four singles, one filled (3 <= 4); two spanned labels
    assert _labels_below(["Q1", "Q2", "Q3", "Q4", "M", "", ""], ["x", "", "", "", "", "a", "b"])
    # four singles, two filled (6 > 4)
    assert not _labels_below(["Q1", "Q2", "Q3", "Q4", "M", "", ""],
                             ["x", "y", "", "", "", "a", "b"])


def test_a_row_shorter_than_the_headings_is_read_as_far_as_it_goes() -> None:
    # the caller pads rows to one width; a short row must still not break the reading
    assert _labels_below(["Q", "", "R"], ["", "a"])
    assert not _labels_below(["Q1", "Q2", "Q3"], ["x"])
