"""--infer-spec round-trips: the inferred spec tallies to exactly the no-spec result (class 11)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from tests.survey.conftest import FIXTURES, tally_files
from vastbus_cli.survey.infer import spec_yaml
from vastbus_cli.survey.model import Tally, as_json
from vastbus_cli.survey.spec import load_spec

ALL = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".csv", ".xlsx"))


def _comparable(result: Tally) -> list[dict]:
    """Every question's text, kind, results and figures; not the ids (the spec names them)."""
    return [as_json(replace(q, id="")) for q in result.questions]


@pytest.mark.parametrize("name", ALL)
def test_inferred_spec_tallies_to_the_same_result(name: str, tmp_path: Path) -> None:
    plain, _ = tally_files(name)
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_text(spec_yaml(plain), encoding="utf-8")
    spec, problems = load_spec(spec_file)
    assert spec is not None, (problems, spec_file.read_text(encoding="utf-8"))
    again, problems = tally_files(name, spec=spec)
    assert not [p for p in problems if p.code in ("fråga-saknas", "okänd-kolumn")], \
        [p.message for p in problems]
    assert _comparable(again) == _comparable(plain), yaml.safe_dump(
        yaml.safe_load(spec_file.read_text(encoding="utf-8")), allow_unicode=True)


def test_questions_whose_headings_start_with_a_rank_stem_do_not_vanish(tmp_path: Path) -> None:
    """Class 11: with the spec, two questions after a rank question were 'not in the file'."""
    plain, problems = tally_files("google_forms_rank_comment.csv")
    assert problems == []
    assert [(q.text, q.kind) for q in plain.questions] == [
        ("Rangordna insatserna", "rank"),
        ("Rangordna insatserna: varför valde du den ordningen?", "text"),
        ("Rangordna insatserna igen nästa år?", "single")]
    rank = plain.questions[0].results[0]
    assert [(o.label, o.mean_rank, o.count) for o in rank.options] == [
        ("Information", 1.6, 3), ("Utbildning", 1.8, 2), ("Handledning", 2.6, 0)]
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_text(spec_yaml(plain), encoding="utf-8")
    spec, _ = load_spec(spec_file)
    again, problems = tally_files("google_forms_rank_comment.csv", spec=spec)
    assert problems == []
    assert [q.text for q in again.questions] == [q.text for q in plain.questions]
    assert [a.text for a in again.questions[1].results[0].answers] == [
        "Information först, sedan resten", "Handledning kostar mest", "Utbildning behövs mest"]
    assert {o.label: o.count for o in again.questions[2].results[0].options} == {"Ja": 3,
                                                                               "Nej": 2}
