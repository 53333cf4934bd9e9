"""Each semantic check on a parsed report, and the validator that runs them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from reportdata import ROSTER, VALID, replace_line

from vastbus_cli.reports.validate import validate_paths

TODAY = dt.date(2026, 3, 1)


def run(tmp_path: Path, files: dict[str, str], roster: str | None = None):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    if roster is not None:
        (tmp_path / "grupper.yaml").write_text(roster, encoding="utf-8")
    return validate_paths([tmp_path], today=TODAY)


def found(result) -> list[tuple[str, int, int, str, str]]:
    return [(Path(p.file).name, p.line, p.column, p.severity.value, p.code)
            for p in result.problems]


def test_valid_report_has_no_problems(tmp_path: Path) -> None:
    result = run(tmp_path, {"a.yaml": VALID}, ROSTER)
    assert result.problems == []
    assert result.summary_line() == "Inga problem i 2 filer."  # the report and the roster
    assert len(result.reports()) == 1


def test_more_meetings_held_than_planned_is_a_warning(tmp_path: Path) -> None:
    result = run(tmp_path, {"a.yaml": replace_line(VALID, "genomförda: 7", "genomförda: 9")})
    assert found(result) == [("a.yaml", 17, 15, "varning", "möten-fler-än-planerat")]
    assert "9" in result.problems[0].message and "8" in result.problems[0].message
    assert not result.failed()
    assert result.failed(strict=True)


def test_negative_counts(tmp_path: Path) -> None:
    text = replace_line(VALID, "    antal: 2\n", "    antal: -2\n")
    text = replace_line(text, "    antal: 1\n", "    antal: -1\n")
    result = run(tmp_path, {"a.yaml": text})
    assert found(result) == [("a.yaml", 14, 12, "fel", "negativt-antal"),
                             ("a.yaml", 24, 12, "fel", "negativt-antal")]


def test_year_that_cannot_be_right(tmp_path: Path) -> None:
    result = run(tmp_path, {"a.yaml": replace_line(VALID, "år: 2025", "år: 2205"),
                            "b.yaml": replace_line(VALID, "år: 2025", "år: 1999")})
    assert found(result) == [("a.yaml", 2, 5, "fel", "orimligt-år"),
                             ("b.yaml", 2, 5, "fel", "orimligt-år")]


def test_group_not_in_roster_with_suggestion(tmp_path: Path) -> None:
    text = replace_line(VALID, "  namn: Skövde", "  namn: Skovde kommun")
    result = run(tmp_path, {"a.yaml": text}, ROSTER)
    assert found(result) == [("a.yaml", 4, 9, "fel", "okänd-grupp")]
    assert result.problems[0].hint == "Menade du 'Skövde'?"


def test_group_matching_ignores_case_and_swedish_letters(tmp_path: Path) -> None:
    text = replace_line(VALID, "  namn: Skövde", "  namn: SKOVDE")
    assert run(tmp_path, {"a.yaml": text}, ROSTER).problems == []


def test_other_subregion_is_a_warning(tmp_path: Path) -> None:
    text = replace_line(VALID, "delregion: Skaraborg", "delregion: Fyrbodal")
    result = run(tmp_path, {"a.yaml": text}, ROSTER)
    assert found(result) == [("a.yaml", 6, 14, "varning", "annan-delregion")]


def test_two_reports_for_same_group_and_year(tmp_path: Path) -> None:
    result = run(tmp_path, {"a.yaml": VALID, "b.yaml": VALID})
    assert found(result) == [("b.yaml", 4, 9, "fel", "dubblettrapport")]
    assert "a.yaml" in result.problems[0].message


def test_same_group_other_year_is_fine_file_by_file(tmp_path: Path) -> None:
    other = replace_line(VALID, "år: 2025", "år: 2024")
    (tmp_path / "a.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(other, encoding="utf-8")
    result = validate_paths([tmp_path / "a.yaml", tmp_path / "b.yaml"], today=TODAY)
    assert result.problems == []


def test_a_folder_holds_one_year_as_compile_requires(tmp_path: Path) -> None:
    other = replace_line(VALID, "år: 2025", "år: 2024")
    third = replace_line(VALID, "namn: Skövde", "namn: Götene")
    result = run(tmp_path, {"a.yaml": VALID, "b.yaml": other, "c.yaml": third})
    assert found(result) == [("b.yaml", 2, 5, "fel", "annat-år")]
    assert result.problems[0].message == ("Årsberättelsen gäller 2024, men de flesta i mappen "
                                          "gäller 2025.")


def test_identity_number_anywhere_is_a_warning_with_position(tmp_path: Path) -> None:
    text = replace_line(VALID, "beskrivning: Lång väntan på bedömning",
                        "beskrivning: Lång väntan för 121212-1212")
    text = "# kontakt 811218-9876\n" + text
    result = run(tmp_path, {"a.yaml": text})
    assert found(result) == [("a.yaml", 1, 11, "varning", "personnummer"),
                             ("a.yaml", 26, 34, "varning", "personnummer")]
    assert "identifiera enskilda personer" in result.problems[0].message


def test_identity_number_found_even_when_schema_fails(tmp_path: Path) -> None:
    text = replace_line(VALID, "år: 2025", "år: tjugo # 811218-9876")
    codes = [p[4] for p in found(run(tmp_path, {"a.yaml": text}))]
    assert codes == ["fel-typ", "personnummer"]  # sorted by column on line 2


def test_organisation_number_not_flagged(tmp_path: Path) -> None:
    text = replace_line(VALID, "roll: Ordförande", 'roll: "Ordförande, org.nr 212000-1355"')
    assert run(tmp_path, {"a.yaml": text}).problems == []


def test_folder_ignores_other_files_and_roster(tmp_path: Path) -> None:
    (tmp_path / "anteckningar.txt").write_text("inte yaml", encoding="utf-8")
    (tmp_path / "b.yml").write_text(VALID.replace("Skövde", "Götene"), encoding="utf-8")
    result = run(tmp_path, {"a.yaml": VALID}, ROSTER)
    assert [Path(f.path).name for f in result.files] == ["a.yaml", "b.yml"]
    assert result.roster is not None and result.roster.subregion == "Skaraborg"


def test_broken_roster_is_reported(tmp_path: Path) -> None:
    result = run(tmp_path, {"a.yaml": VALID}, "delregion: Skaraborg\ngrupper:\n  - namn: X\n")
    assert found(result) == [("grupper.yaml", 3, 5, "fel", "saknas")]


def test_summary_line_counts(tmp_path: Path) -> None:
    bad = replace_line(VALID, "genomförda: 7", "genomförda: 9")
    bad = replace_line(bad, "år: 2025", "år: 3025")
    result = run(tmp_path, {"a.yaml": VALID, "b.yaml": bad.replace("Skövde", "Götene")}, ROSTER)
    assert result.summary_line() == "1 fel och 1 varning i 1 av 3 filer."


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(st.sampled_from("aZ _-\t\nåÖé"), st.characters(max_codepoint=0x7f)),
               max_size=20))
def test_group_key_for_ascii_names_is_the_folded_key(name: str) -> None:
    """group_key's ASCII shortcut answers what folding the name does."""
    from vastbus_cli.reports.roster import group_key
    from vastbus_cli.suggest import fold

    assert group_key(name) == " ".join(fold(name).replace("_", " ").split())


def test_warnings_are_shown_beside_the_errors_of_the_same_file(tmp_path: Path) -> None:
    """Issue 26 item 19: the form shows a check's warning while the file has errors; validate
    did not (its checks read only a parsed report), so the two disagreed on the same file."""
    text = replace_line(VALID, "genomförda: 7", "genomförda: 9")
    text = replace_line(text, "  roll: Ordförande", '  roll: "FYLL I: t.ex. Ordförande"')
    text = replace_line(text, "    antal: 1\n", "    antal: en\n")  # a type error in a list
    text = replace_line(text, "    antal: 2\n", "    antal: -2\n")
    result = run(tmp_path, {"a.yaml": text})
    assert found(result) == [("a.yaml", 8, 9, "fel", "ej-ifylld"),
                             ("a.yaml", 14, 12, "fel", "fel-typ"),
                             ("a.yaml", 17, 15, "varning", "möten-fler-än-planerat"),
                             ("a.yaml", 24, 12, "fel", "negativt-antal")]
    assert result.reports() == []  # still out of any summary


def test_no_checks_when_a_required_top_level_value_is_wrong(tmp_path: Path) -> None:
    text = replace_line(VALID, "genomförda: 7", "genomförda: 9")
    result = run(tmp_path, {"a.yaml": replace_line(text, "år: 2025", "år: tjugo")})
    assert [p.code for p in result.problems] == ["fel-typ"]
