"""Layer 2 alone (`survey/readers/groups.py`): each heading pattern with its number, the runs
of consecutive columns, and the "Other" column. Pure and fast, for mutation testing
(docs/mutation.md, "survey layers")."""

from __future__ import annotations

import pytest

from vastbus_cli.survey.readers.groups import (
    ColumnGroup,
    column_groups,
    is_other_label,
    split_heading,
)


@pytest.mark.parametrize(("heading", "parts"), [
    ("Hur nöjd är du? [Information]", ("Hur nöjd är du?", "Information", 0)),
    ("Q1[SQ001]", ("Q1", "SQ001", 0)),
    ("  Q1 [SQ001]  ", ("Q1", "SQ001", 0)),  # read stripped
    ("Q1_1", ("Q1", "1", 1)),
    ("Q1.2", ("Q1", "2", 1)),
    ("Q1#1_1", ("Q1", "1_1", 1)),
    ("Vilka insatser? - Utbildning", ("Vilka insatser?", "Utbildning", 2)),
    ("Vilka insatser? – Fika ", ("Vilka insatser?", "Fika", 2)),
    ("Vilka insatser?: Utbildning", ("Vilka insatser?", "Utbildning", 3)),
])
def test_heading_patterns_with_their_number(heading: str, parts: tuple[str, str, int]) -> None:
    assert split_heading(heading) == parts


def test_an_empty_sub_label_is_no_part() -> None:
    assert split_heading("Q [ ]") is None
    assert split_heading("Hur nöjd är du?") is None
    assert split_heading("Q12") is None
    assert split_heading("") is None


@pytest.mark.parametrize("label", [
    "Other", "other (please specify)", "(Annat)", " Övrigt, nämligen ", "Annan", "Andre",
    "Andet", "Muu", "Sonstiges", "Sonstige", "Andere", "Autre", "Otro", "Anders", "Overig",
    "OTHER",
])
def test_other_labels(label: str) -> None:
    assert is_other_label(label)


@pytest.mark.parametrize("label", ["Others", "Another", "Utbildning", "", "Mother"])
def test_labels_that_are_no_other(label: str) -> None:
    assert not is_other_label(label)


def test_the_other_column_is_the_last_of_two_or_more() -> None:
    assert ColumnGroup("Q", (4, 5), ("a", "Other")).other == 5
    assert ColumnGroup("Q", (4, 5, 6), ("a", "b", "(Annat)")).other == 6
    assert ColumnGroup("Q", (4, 5, 6), ("a", "Other", "b")).other is None
    assert ColumnGroup("Q", (4,), ("Other",)).other is None


def test_groups_exact() -> None:
    headings = ["Tid", "Q [a]", "q  [b]", "Q [Other]", "Q1_1", "Q1_2", "Q2_1", "Q2_2",
                "R - x", "R - y", "R: why", "R: how", "Age - years"]
    assert column_groups(headings) == [
        ColumnGroup("Q", (1, 2, 3), ("a", "b", "Other")),
        ColumnGroup("Q1", (4, 5), ("1", "2")),
        ColumnGroup("Q2", (6, 7), ("1", "2")),
        ColumnGroup("R", (8, 9), ("x", "y")),
        ColumnGroup("R", (10, 11), ("why", "how")),
    ]
    assert column_groups(headings)[0].other == 3


def test_a_plain_heading_or_a_skipped_column_ends_a_run() -> None:
    assert column_groups(["Q [a]", "Q [b]", "Tid", "Q [c]", "Q [d]"]) == [
        ColumnGroup("Q", (0, 1), ("a", "b")), ColumnGroup("Q", (3, 4), ("c", "d"))]
    assert column_groups(["Q [a]", "Q [b]", "Q [c]", "Q [d]", "Q [e]"], frozenset({2})) == [
        ColumnGroup("Q", (0, 1), ("a", "b")), ColumnGroup("Q", (3, 4), ("d", "e"))]


def test_lone_columns_make_no_group() -> None:
    assert column_groups(["Age - years"]) == []
    assert column_groups(["Q [a]", "R [a]", "Q [b]"]) == []
    assert column_groups([]) == []
