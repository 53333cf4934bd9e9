"""Each tool's layout read completely (issue 16, classes 3, 4 and 6, and MS Forms ranking).

Every question's kind, options, counts and base, value by value.
"""

from __future__ import annotations

from tests.survey.conftest import tally_files
from vastbus_cli.survey.model import Tally


def _table(result: Tally) -> list[tuple]:
    """(section, text, kind, answered, missing, options as (label, count), texts) per question."""
    rows = []
    for q in result.questions:
        r = q.results[0]
        options = [(o.label, o.count) if o.mean_rank is None else (o.label, o.count, o.mean_rank)
                   for o in r.options]
        stats = (r.stats.n, r.stats.mean, r.stats.min, r.stats.max) if r.stats else None
        rows.append((q.section, q.text, q.kind, r.answered, r.missing, options,
                     [(a.text, a.count) for a in r.answers], stats))
    return rows


def test_surveymonkey_response_columns_matrix_and_other() -> None:
    """Class 3: 'Response' and 'Other (please specify)' are labels of the layout, not options."""
    result, problems = tally_files("surveymonkey_matrix.csv")
    matrix = "Hur nöjd är du med följande?"
    assert _table(result) == [
        (None, "Samverkan fungerar bra i vår delregion.", "single", 6, 0,
         [("Strongly agree", 2), ("Agree", 3), ("Annat", 1)],
         [("Beror på kommunen", 1), ("Vet inte", 1)], None),
        (None, f"{matrix} [Information]", "single", 5, 1,
         [("Mycket nöjd", 1), ("Nöjd", 3), ("Missnöjd", 1)], [], None),
        (None, f"{matrix} [Utbildning]", "single", 4, 2,
         [("Mycket nöjd", 2), ("Nöjd", 2)], [], None),
        (None, "Vilka kanaler använder ni?", "multi", 4, 2,
         [("Möten", 3), ("E-post", 2), ("Annat", 1)], [("Teams", 1)], None),
        (None, "Vad vill du ändra?", "text", 2, 4, [],
         [("Fler möten", 1), ("Kortare protokoll", 1)], None),
    ]
    assert problems == []


def test_limesurvey_arrays_short_texts_and_ranking() -> None:
    """Class 4: arrays (also with one item) and multiple short text are read; the empty
    text-display column is left out; a ranking is a rank."""
    result, problems = tally_files("limesurvey_arrays.csv")
    assert _table(result) == [
        (None, "q1 [SQ001]", "single", 5, 0, [("A4", 3), ("A3", 1), ("A5", 1)], [], None),
        (None, "q1 [SQ002]", "single", 5, 0, [("A4", 3), ("A2", 1), ("A5", 1)], [], None),
        (None, "q2 [SQ001]", "single", 5, 0, [("3", 1), ("4", 3), ("5", 1)], [], None),
        (None, "q3 [SQ001]", "text", 3, 2, [], [("Anna", 1), ("Cilla", 1), ("Dan", 1)], None),
        (None, "q3 [SQ002]", "text", 2, 3, [], [("Bo", 1), ("Eva", 1)], None),
        (None, "q4", "multi", 4, 1, [("SQ001", 3), ("SQ002", 2), ("Annat", 1)],
         [("Studiebesök", 1)], None),
        (None, "q6", "rank", 5, 0,
         [("Information", 3, 1.4), ("Utbildning", 1, 2.2), ("Handledning", 1, 2.4)], [], None),
    ]
    assert [p.code for p in problems] == ["typ-osäker"]  # q2's codes: no words to go by


def test_qualtrics_matrix_slider_rank_recoded_checkboxes_and_side_by_side() -> None:
    """Class 6: questions in column order; a 1-5 matrix is no rank, a slider is a number, -1/0 are not ticks, the _TEXT
    column is its choice's text, both columns of a side-by-side are read."""
    result, problems = tally_files("qualtrics_matrix.csv")
    m = "Hur väl stämmer påståendena?"
    slider = "Hur stor del av tiden går till samverkan?"
    sbs = "Bedöm insatserna"
    assert _table(result) == [
        (None, f"{m} [Samverkan fungerar]", "single", 5, 0, [("2", 1), ("4", 3), ("5", 1)], [],
         None),
        (None, f"{m} [Rutinerna är kända]", "single", 5, 0, [("2", 1), ("3", 3), ("4", 1)], [],
         None),
        (None, f"{slider} [Andel (%)]", "number", 5, 0, [], [], (5, 38.0, 10.0, 60.0)),
        (None, "Rangordna insatserna", "rank", 5, 0,
         [("Information", 3, 1.6), ("Utbildning", 2, 1.8), ("Handledning", 0, 2.6)], [], None),
        (None, "Vilka kanaler använder ni?", "multi", 5, 0,
         [("Möten", 3), ("E-post", 2), ("Annat:", 2)], [("Teams", 1), ("Telefon", 1)], None),
        (None, f"{sbs} - Betyg [Information]", "single", 5, 0,
         [("Bra", 3), ("Godkänd", 2)], [], None),
        (None, f"{sbs} - Betyg [Utbildning]", "single", 4, 1,
         [("Bra", 2), ("Godkänd", 2)], [], None),
        (None, f"{sbs} - Kommentar [Information]", "text", 2, 3, [],
         [("Tydlig", 1), ("Mycket bra", 1)], None),
        (None, f"{sbs} - Kommentar [Utbildning]", "text", 1, 4, [],
         [("För kort", 1)], None),
    ]
    assert problems == []


def test_ms_forms_ranking_in_one_cell() -> None:
    result, problems = tally_files("ms_forms_rank.csv")
    assert _table(result) == [
        (None, "Rangordna insatserna", "rank", 5, 0,
         [("Information", 3, 1.6), ("Utbildning", 2, 1.8), ("Handledning", 0, 2.6)], [], None),
        (None, "Finns en rutin?", "single", 4, 1, [("Ja", 3), ("Nej", 1)], [], None),
    ]
    assert problems == []


def test_a_coded_matrix_gives_one_warning_for_all_its_rows(tmp_path) -> None:
    path = tmp_path / "svar.csv"
    path.write_text("id,submitdate,q8[SQ001],q8[SQ002],q8[SQ003]\n"
                    + "".join(f"{n},2024-03-0{n} 10:00:00,{a},{b},{c}\n" for n, (a, b, c)
                              in enumerate([(1, 1, 1), (2, 2, 1), (1, 1, 2), (2, 1, 1)], 1)),
                    encoding="utf-8")
    result, problems = tally_files(path)
    assert [q.text for q in result.questions] == ["q8 [SQ001]", "q8 [SQ002]", "q8 [SQ003]"]
    assert [q.kind for q in result.questions] == ["single"] * 3
    assert [(p.code, p.message) for p in problems] == [(
        "typ-osäker", "Frågan 'q8 [SQ001]' kan läsas på två sätt: som tal (med medelvärde) "
        "eller som svarskoder 1, 2 (med fördelning). Räknad som svarskoder, med antal och "
        "andel för varje kod; samma gäller 2 rader till i matrisen 'q8'.")]

