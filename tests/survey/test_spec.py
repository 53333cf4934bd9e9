"""The spec's two ways in: `plain_spec` (no pydantic) must agree with the schema.

Whatever `plain_spec` accepts, the pydantic schema accepts as the same spec;
what it declines goes to the schema, which then gives the Swedish problems.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from vastbus_cli.reports.load import LoadedFile, Positions
from vastbus_cli.survey.spec import Spec, load_spec, plain_spec
from vastbus_cli.survey.spec_schema import checked_spec

# texts as written, with the spaces and look-alikes the schema strips or keeps
plain_texts = st.sampled_from(["Ja", "Nej", "Ja, delvis", "f1", "Grupp", "Åsa Ö"])
odd_texts = st.one_of(
    st.sampled_from(["FYLL I", "fyll i här", ""]),
    st.text(alphabet=st.sampled_from(["a", "Ö", " ", "\t", "\n", "\u00a0", "\u2007", "\u200b",
                                      "\u180e", "\x1c", "\u3000", "\ufeff", "\x85"]),
            max_size=4),
)
texts = st.one_of(plain_texts, plain_texts, plain_texts, odd_texts)
scalars = st.one_of(texts, st.booleans(), st.integers(-1, 2), st.none(), st.floats(0, 1))
kinds = st.one_of(st.sampled_from(["enkelval", "flerval", "fritext", "tal", "rangordning"]),
                  st.sampled_from(["Enkelval", "single", " tal", "FYLL I"]))
text_lists = st.one_of(st.lists(texts, max_size=3), st.lists(plain_texts, max_size=3), scalars)


@st.composite
def questions(draw: st.DrawFn) -> Any:
    keys = {"id": texts, "avsnitt": st.one_of(st.none(), texts), "text": texts, "typ": kinds,
            "alternativ": text_lists, "obligatorisk": st.one_of(st.booleans(), scalars),
            "tidigare-texter": text_lists}
    odd = {"kind": kinds, "options": text_lists, "okänd": scalars, "section": texts}
    chosen = draw(st.lists(st.sampled_from(sorted(keys)), unique=True, max_size=5))
    if not draw(st.integers(0, 4)):
        keys.update(odd)
        chosen += draw(st.lists(st.sampled_from(sorted(odd)), unique=True, max_size=2))
    required = [] if draw(st.integers(0, 9)) == 0 else ["id", "text", "typ"]
    data = {k: draw(keys[k]) for k in dict.fromkeys([*required, *chosen])}
    return data if draw(st.integers(0, 19)) else draw(scalars)


@st.composite
def specs(draw: st.DrawFn) -> Any:
    keys = {"enkät": texts, "respondentkolumn": st.one_of(st.none(), texts),
            "förväntade-svarande": text_lists, "frågor": st.lists(questions(), max_size=3),
            "survey": texts, "extra": scalars}
    chosen = draw(st.lists(st.sampled_from(sorted(keys)), unique=True, max_size=3))
    if draw(st.integers(0, 4)):
        chosen = [k for k in chosen if k in ("respondentkolumn", "förväntade-svarande")]
    data = {k: draw(keys[k]) for k in dict.fromkeys(["enkät", "frågor", *chosen])}
    return data if draw(st.integers(0, 19)) else draw(scalars)


plain_questions = st.fixed_dictionaries(
    {"id": plain_texts, "text": plain_texts, "typ": kinds},
    optional={"avsnitt": st.one_of(st.none(), plain_texts), "obligatorisk": st.booleans(),
              "alternativ": st.lists(plain_texts, max_size=3),
              "tidigare-texter": st.lists(plain_texts, max_size=2), "options": text_lists})
plain_specs = st.fixed_dictionaries(
    {"enkät": plain_texts, "frågor": st.lists(plain_questions, min_size=1, max_size=3)},
    optional={"respondentkolumn": st.one_of(st.none(), plain_texts),
              "förväntade-svarande": st.lists(plain_texts, max_size=3), "survey": texts})


def loaded(data: Any) -> LoadedFile:
    return LoadedFile(path="spec.yaml", data=data, positions=Positions(), text="")


@settings(max_examples=600, deadline=None)
@given(st.one_of(plain_specs, specs()))
def test_plain_spec_is_the_schemas_spec(data: Any) -> None:
    plain = plain_spec(data)
    checked, problems = checked_spec(loaded(data))
    if plain is not None:
        assert not problems
        assert plain == checked


def test_a_plain_spec_needs_no_pydantic(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("enkät: E\nrespondentkolumn: Grupp\nfrågor:\n  - id: f1\n    text: Fråga\n"
                    "    typ: enkelval\n    alternativ: [Ja, Nej]\n    obligatorisk: true\n",
                    encoding="utf-8")
    spec, problems = load_spec(path)
    assert problems == []
    assert isinstance(spec, Spec)
    assert spec.questions[0].options == ["Ja", "Nej"] and spec.questions[0].mandatory


def test_what_plain_spec_declines_the_schema_still_accepts(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("enkät: ' E '\nfrågor:\n  - id: f1\n    text: Fråga\n    kind: enkelval\n",
                    encoding="utf-8")
    spec, problems = load_spec(path)
    assert problems == [] and spec is not None
    assert spec.survey == "E" and spec.questions[0].kind.value == "enkelval"
