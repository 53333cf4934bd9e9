"""Issue #29 class 12: small surveys, where recurring parts are thin evidence. A form's own
option marks (`A) …`, `1. …`), kept in the form's order inside a joined cell, say "several
options chosen" even among four respondents. Exports in Google Forms' layout (one column per
question, ", " between chosen options), invented respondents, asserted value by value."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.survey.conftest import counts, question, tally_files
from vastbus_cli.survey.split import lettered_cells, segment

_GOOGLE = "Timestamp,Which topics should the next meeting cover?,How useful was the meeting?\n"


def _google(tmp_path: Path, cells: list[str]) -> Path:
    rows = "".join(f'2024/03/01 10:0{n}:00 AM GMT+1,"{cell}",4\n' for n, cell in enumerate(cells))
    path = tmp_path / "form.csv"
    path.write_text(_GOOGLE + rows, encoding="utf-8")
    return path


@pytest.mark.parametrize(("cells", "expected"), [
    # the regression: four respondents, a recurring pair, read as one option "A) Budget, B) Staffing"
    (["A) Budget, B) Staffing", "A) Budget, B) Staffing", "A) Budget, B) Staffing",
      "C) Training, D) Other matters"],
     {"A) Budget": 3, "B) Staffing": 3, "C) Training": 1, "D) Other matters": 1}),
    (["A) Budget, B) Staffing", "A) Budget, B) Staffing", "C) Training", "A) Budget, B) Staffing"],
     {"A) Budget": 3, "B) Staffing": 3, "C) Training": 1}),
    # small letters after the mark: no longer glued to the option before
    (["a) budget, b) staffing", "a) budget, b) staffing", "c) training", "a) budget, c) training"],
     {"a) budget": 3, "b) staffing": 2, "c) training": 2}),
    # numbered options, one with ", " in its own text
    (["1. Ja, delvis, 3. Vet inte", "2. Nej", "1. Ja, delvis, 3. Vet inte", "1. Ja, delvis"],
     {"1. Ja, delvis": 3, "2. Nej": 1, "3. Vet inte": 2}),
])
def test_class12_lettered_options_of_four_respondents_are_a_multi(
        tmp_path: Path, cells: list[str], expected: dict[str, int]) -> None:
    result, problems = tally_files(_google(tmp_path, cells))
    q = question(result, "Which topics")
    assert q.kind == "multi"
    assert counts(q) == expected
    assert q.result("r1", None).answered == 4
    assert not [p for p in problems if p.code == "flerval-osäkert"]


def test_class12_a_lettered_single_choice_stays_single(tmp_path: Path) -> None:
    result, _ = tally_files(_google(tmp_path, ["A) Yes, partly", "B) No", "A) Yes, partly",
                                               "C) Don't know"]))
    q = question(result, "Which topics")
    assert q.kind == "single"
    assert counts(q) == {"A) Yes, partly": 2, "B) No": 1, "C) Don't know": 1}


@pytest.mark.parametrize("cells", [
    [["B) x", "A) y"]],  # out of the form's order
    [["A) x", "A) y"]],  # one mark twice
    [["A) x", "B) y"], ["A) z"]],  # one mark on two texts
    [["A) x"], ["B) y"]],  # nothing joined
    [["x", "A) y"]],  # a cell that starts unmarked
    [["A) x", "2) y"]],  # letters and numbers mixed
])
def test_marks_that_are_no_evidence(cells: list[list[str]]) -> None:
    assert not lettered_cells(cells)


def test_marks_in_order_are_evidence_and_cut_the_cells() -> None:
    assert lettered_cells([["A) x", "C) z"], ["B) y"]])
    assert lettered_cells([["2. x", "10. y"], ["1. z"]])  # numbers in number order, not text order
    cut = segment(["A) Ja, delvis, B) Nej", "B) Nej"])
    assert cut.lettered
    assert cut.cells == {"A) Ja, delvis, B) Nej": ["A) Ja, delvis", "B) Nej"], "B) Nej": ["B) Nej"]}


def test_class12_seven_respondents_like_our_users_survey(tmp_path: Path) -> None:
    """The coordinators' own survey (examples/enkat/) answered in Google Forms by seven
    groups: options with ", " in their own text, few repeats."""
    path = tmp_path / "vsg.csv"
    head = ("Tidstämpel,Har information/utbildning om överenskommelsen genomförts partsgemensamt?,"
            "Har rutin tagits fram för hur inkomna tvister ska hanteras?\n")
    a, b, c = ("Ja, i den delregionala vårdsamverkansgruppen", "Ja, för chefer i kommuner och region",
               "Ja, för medarbetare i verksamheterna")
    d, e = "Nej, inga insatser utöver informationsmötet", "Nej, men insatser planeras"
    cells = [(f"{a}, {b}, {c}", "Ja"), (b, "Nej"), (e, "Ja, delvis"), (f"{a}, {c}", "Ja"),
             (d, "Nej"), (a, "Ja, delvis"), (f"{b}, {c}", "Ja")]
    rows = "".join(f'2019/10/0{n + 1} 9:01:12 fm. CET,"{x}","{y}"\n' for n, (x, y) in enumerate(cells))
    path.write_text(head + rows, encoding="utf-8")
    result, _ = tally_files(path)
    multi = question(result, "Har information")
    assert multi.kind == "multi"
    assert counts(multi) == {a: 3, b: 3, c: 3, d: 1, e: 1}
    assert multi.result("r1", None).answered == 7
    single = question(result, "Har rutin")
    assert single.kind == "single"
    assert counts(single) == {"Ja": 3, "Nej": 2, "Ja, delvis": 2}


def test_visa_tolkning_names_the_marks_as_the_evidence(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from vastbus_cli.cli.app import app

    path = _google(tmp_path, ["A) Budget, B) Staffing", "A) Budget, B) Staffing", "C) Training",
                              "A) Budget, B) Staffing"])
    run = CliRunner().invoke(app, ["tally", str(path), "--visa-tolkning"])
    assert run.exit_code == 0, run.output
    assert ("f1  Which topics should the next meeting cover? — kolumn B; flerval: A) Budget, "
            "B) Staffing, C) Training; varför: flera alternativ i en cell, med formulärets egna "
            "märken (A), B) … eller 1., 2. …) i ordning; säker") in run.output
