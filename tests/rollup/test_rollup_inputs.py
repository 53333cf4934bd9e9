"""The roll-up reads a sub-region's summary as strictly as validate reads a report (issue 25.6).

Each class of bad input a summary handed on by someone else can hold is refused with a
Swedish problem at the file's line and column, exit 1, never `internt fel`: JSON that Python
reads silently (duplicate keys, NaN/Infinity, 1e999, integers past 4 300 digits), wrong types
(`true` for a count), negative counts, a stated total its rows do not give, a count list
shorter than its columns, an empty sub-region, and the same groups under two sub-regions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from reportfactory import sample_summary
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.rollup.summary_file import parse_summary

runner = CliRunner()
NAME = "norra.json"


@pytest.fixture(scope="module")
def good() -> dict[str, Any]:
    from vastbus_cli.render.json import render

    data: dict[str, Any] = json.loads(render(sample_summary()))
    return data


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def at(text: str, context: str, value: str | None = None) -> tuple[int, int]:
    """The 1-based line and column of `value` in the one occurrence of `context` in `text`."""
    assert text.count(context) == 1, context
    offset = text.index(context) + (context.index(value) if value else 0)
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def problems(text: str) -> list[tuple[int, int, str, str]]:
    summary, found = parse_summary(NAME, text)
    assert summary is None and found
    assert all(p.is_error for p in found)
    return [(p.line, p.column, p.code, p.message) for p in found]


def test_the_sample_is_read(good: dict[str, Any]) -> None:
    summary, found = parse_summary(NAME, dumps(good))
    assert found == [] and summary is not None and summary.parts[0].subregion == "Skaraborg"


def test_duplicate_keys_refused_at_the_second(good: dict[str, Any]) -> None:
    text = dumps(good).replace('"reported": 3,', '"reported": 3,\n      "reported": 30,', 1)
    assert problems(text) == [(*at(text, '"reported": 30'), "dubblett-nyckel",
                               "Nyckeln 'reported' finns två gånger i samma objekt; JSON-läsare "
                               "skulle tyst använda bara det sista värdet.")]


@pytest.mark.parametrize(("value", "code", "message"), [
    ("NaN", "inte-ett-tal", "NaN är inget tal i JSON; en sammanställning har bara vanliga tal."),
    ("-Infinity", "inte-ett-tal",
     "-Infinity är inget tal i JSON; en sammanställning har bara vanliga tal."),
    ("1e999", "för-stort-tal",
     "Talet 1e999 är för stort; en sammanställning har inga tal över 1 000 000 000 000 000."),
    ("1" * 5000, "för-stort-tal",
     "Ett tal med 5000 siffror är för stort; en sammanställning har inga tal över "
     "1 000 000 000 000 000."),
    ("1000000000000001", "för-stort-tal",
     "Talet 1000000000000001 är för stort; en sammanställning har inga tal över "
     "1 000 000 000 000 000."),
])
def test_numbers_json_does_not_have_refused(good: dict[str, Any], value: str, code: str,
                                            message: str) -> None:
    text = dumps(good).replace('"meetings_held": 18', f'"meetings_held": {value}', 1)
    assert problems(text) == [(*at(text, f'"meetings_held": {value}', value), code, message)]


def test_true_is_no_count_and_counts_are_never_negative(good: dict[str, Any]) -> None:
    data = json.loads(dumps(good))
    data["parts"][0]["overview"]["meetings_held"] = True
    data["parts"][0]["deviations"]["by_group"][1]["counts"][0] = -17
    data["parts"][0]["key_figures"][0]["total"] = False
    text = dumps(data)
    assert problems(text) == [
        (*at(text, '"meetings_held": true', "true"), "skadad-sammanställning",
         "'parts[0].overview.meetings_held' ska vara ett heltal (inte true)."),
        (*at(text, "-17"), "skadad-sammanställning",
         "'parts[0].deviations.by_group[1].counts[0]' får inte vara negativt."),
        (*at(text, '"total": false', "false"), "skadad-sammanställning",
         "'parts[0].key_figures[0].total' ska vara ett tal (inte false)."),
    ]


def test_a_stated_total_its_rows_do_not_give(good: dict[str, Any]) -> None:
    data = json.loads(dumps(good))
    part = data["parts"][0]
    part["overview"]["meetings_held"] = 1012
    part["to_region"][0]["total"] = 1012
    part["deviations"]["total"] = 19
    text = dumps(data)
    assert problems(text) == [
        (*at(text, '"meetings_held": 1012', "1012"), "fel-summa",
         "Antalet genomförda möten är 1012, men raderna ger 18."),
        (*at(text, '"total": 19', "19"), "fel-summa",
         "Det totala antalet avvikelser är 19, men raderna ger 12."),
        (*at(text, '"total": 1012', "1012"), "fel-summa",
         "Antalet avvikelser som lyfts till regional nivå i kategorin SIP ej kallad eller "
         "försenad är 1012, men raderna ger 7."),
    ]


def test_count_lists_shorter_than_their_columns(good: dict[str, Any]) -> None:
    data = json.loads(dumps(good))
    part = data["parts"][0]
    part["deviations"]["by_group"][0]["counts"].pop()
    part["composition"]["rows"][2]["counts"] = part["composition"]["rows"][2]["counts"][:2]
    text = dumps(data)
    found = problems(text)
    assert [(code, message) for _, _, code, message in found] == [
        ("fel-antal-värden", "Sammansättningen för Mariestad har 2 värden, men tabellen har 5 "
                             "kolumner."),
        ("fel-antal-värden", "Avvikelserna per kategori för Skövde har 2 värden, men tabellen "
                             "har 3 kolumner."),
    ]
    lines = text.splitlines()
    for line, column, _, _ in found:  # at the list, on the line of its key
        assert lines[line - 1][column - 1:] == "[" and lines[line - 1].endswith('"counts": [')


def test_an_empty_subregion(good: dict[str, Any]) -> None:
    text = dumps({**good, "parts": []})
    assert problems(text) == [(*at(text, '"parts": []', "[]"), "tom-delregion",
        "Sammanställningen har inga delregioner ('parts' är tom).")]


def test_another_format_version_at_its_place(good: dict[str, Any]) -> None:
    text = dumps({**good, "format_version": True})
    assert problems(text) == [(*at(text, '"format_version": true', "true"), "formatversion",
                               "Sammanställningen har formatversion True; den här versionen av "
                               "vastbus läser formatversion 1 och 2.")]


def rollup_cli(*paths: Path) -> str:
    result = runner.invoke(app, ["rollup", *map(str, paths), "--date", "2026-05-20"],
                           env={"COLUMNS": "300"})
    output = " ".join(result.output.split())
    assert result.exit_code == 1, output
    assert "internt fel" not in output and "Traceback" not in output
    assert "ingen regional sammanställning gjordes" in output
    return output


def test_the_same_groups_under_a_renamed_subregion(good: dict[str, Any], tmp_path: Path) -> None:
    first, renamed = tmp_path / "skaraborg.json", tmp_path / "norra.json"
    first.write_text(dumps(good), encoding="utf-8")
    data = json.loads(dumps(good))
    data["parts"][0]["subregion"] = "Norra Skaraborg"
    text = dumps(data)
    renamed.write_text(text, encoding="utf-8")
    output = rollup_cli(first, renamed)
    for group in ("Skövde", "Lidköping", "Mariestad"):
        line, column = at(text, '"groups": [\n        "Skövde",\n        "Lidköping",\n'
                                '        "Mariestad"', f'"{group}"')
        assert (f"{renamed}:{line}:{column} fel dubblett-grupp Gruppen {group} finns i "
                f"delregionen Norra Skaraborg och också i delregionen Skaraborg i {first}; den "
                "skulle räknas två gånger.") in output, output
    assert output.count("dubblett-grupp") == 3


def test_every_class_through_the_command(good: dict[str, Any], tmp_path: Path) -> None:
    """What a user sees: the file, line and column, exit 1, no `internt fel`."""
    cases = {
        "nyckel": dumps(good).replace('"year": 2025,', '"year": 2025,\n  "year": 2024,', 1),
        "nan": dumps(good).replace('"meetings_held": 18', '"meetings_held": NaN', 1),
        "siffror": dumps(good).replace('"meetings_held": 18', '"meetings_held": ' + "9" * 4400),
        "summa": dumps(good).replace('"meetings_held": 18', '"meetings_held": 81', 1),
        "tom": dumps({**good, "parts": []}),
    }
    for name, text in cases.items():
        path = tmp_path / f"{name}.json"
        path.write_text(text, encoding="utf-8")
        _, found = parse_summary(str(path), text)
        assert len(found) == 1, name
        p = found[0]
        assert f"{path}:{p.line}:{p.column} fel {p.code} {p.message}" in rollup_cli(path), name
        assert p.line > 1, name


def _edit(data: dict[str, Any], path: str, value: Any) -> None:
    """Set the value at a dotted path (`parts.0.overview.reported`)."""
    *steps, last = [int(s) if s.isdigit() else s for s in path.split(".")]
    for step in steps:
        data = data[step]  # type: ignore[index]
    data[last] = value  # type: ignore[index]


P = "parts.0."
D = P + "deviations."
SIP = "sip_ej_kallad_eller_försenad"


@pytest.mark.parametrize(("path", "value", "code", "message"), [
    (P + "groups", ["Skövde", "Lidköping", "Hjo"], "fel-summa",
     "Grupperna i delregionen Skaraborg stämmer inte med översiktens rader."),
    (P + "overview.reported", 4, "fel-summa",
     "Antalet grupper som har rapporterat är 4, men raderna ger 3."),
    (P + "overview.meetings_planned", 21, "fel-summa",
     "Antalet planerade möten är 21, men raderna ger 20."),
    (P + "overview.representatives", 17, "fel-summa",
     "Antalet representanter är 17, men raderna ger 18."),
    (P + "overview.groups", [], "tom-delregion",
     "Delregionen Skaraborg har inga grupper som har rapporterat; den skulle inte bidra med "
     "något."),
    (D + "by_group.1.total", 5, "fel-summa",
     "Summan av avvikelserna för Lidköping är 5, men raderna ger 4."),
    (D + "by_group.2.group", "Hjo", "fel-summa",
     ["Grupperna som rapporterar kategorin SIP ej kallad eller försenad stämmer inte med "
      "tabellen per grupp.",
      "Grupperna i avvikelsetabellen för Skaraborg stämmer inte med översiktens rader."]),
    (D + "categories.2.groups", ["Skövde"], "fel-summa",
     "Grupperna som rapporterar kategorin Väntetider stämmer inte med tabellen per grupp."),
    (D + "categories.0.by_status", {"löst": 1, "pågående": 4, "ej_löst": 1}, "fel-summa",
     "Summan per status i kategorin SIP ej kallad eller försenad är 6, men kategorins antal "
     "ger 7."),
    (D + "by_category", {SIP: 7, "information_ej_överförd": 2, "väntetider": 4}, "fel-summa",
     "Summan per kategori för Väntetider är 4, men kategoritabellen ger 3."),
    (D + "by_category", {SIP: 7, "information_ej_överförd": 2, "väntetider": 3, "annan": 0},
     "fel-summa", "Summorna per kategori stämmer inte med kategorierna."),
    (D + "by_status", {"löst": 1, "pågående": 8, "ej_löst": 2,
                       "lyft_till_delregional_nivå": 2}, "fel-summa",
     "Summan av avvikelserna per status är 13, men kategorierna ger 12."),
    (D + "raised.0.count", 3, "fel-summa",
     "Antalet avvikelser som lyfts till delregional nivå är 2, men raderna ger 3."),
    (P + "to_region.1.raised", 1, "fel-summa",
     "Antalet lyfta avvikelser i kategorin Information har inte förts vidare är 1, men raderna "
     "ger 2."),
    (P + "key_figures.0.total", 20.5, "fel-summa",
     "Summan av nyckeltalet Antal SIP-möten är 20,5, men raderna ger 20."),
    ("groups", ["Skövde", "Lidköping"], "fel-summa",
     "Grupperna överst i filen stämmer inte med delregionernas grupper."),
])
def test_each_stated_figure_against_its_rows(good: dict[str, Any], path: str, value: Any,
                                              code: str, message: str | list[str]) -> None:
    data = json.loads(dumps(good))
    _edit(data, path, value)
    text = dumps(data)
    found = problems(text)
    messages = [message] if isinstance(message, str) else message
    assert [(c, m) for _, _, c, m in found] == [(code, m) for m in messages]
    assert all(line > 1 and column > 1 for line, column, _, _ in found)  # a place, not the file


def test_a_category_in_the_rows_that_the_total_leaves_out(good: dict[str, Any]) -> None:
    data = json.loads(dumps(good))
    _edit(data, D + "categories.1.total", 3)
    _edit(data, D + "by_category.information_ej_överförd", 3)
    assert [(c, m) for _, _, c, m in problems(dumps(data))] == [
        ("fel-summa", "Antalet avvikelser i kategorin Information har inte förts vidare är 3, "
                      "men raderna ger 2."),
        ("fel-summa", "Summan per status i kategorin Information har inte förts vidare är 2, "
                      "men kategorins antal ger 3."),
        ("fel-summa", "Det totala antalet avvikelser är 12, men raderna ger 13."),
        ("fel-summa", "Summan av avvikelserna per status är 12, men kategorierna ger 13."),
        ("fel-summa", "Antalet avvikelser som lyfts till regional nivå i kategorin Information "
                      "har inte förts vidare är 2, men raderna ger 3."),
    ]


def test_the_bounds_of_a_number() -> None:
    from vastbus_cli.rollup.json_strict import strict_loads

    assert strict_loads("[1000000000000000, -1000000000000000, 1000000000000000.0, 2.5]") == (
        [10**15, -10**15, 1e15, 2.5], [])
    twenty, more = "1" * 18 + ".0", "1" * 19 + ".0"  # 20 characters are shown, 21 are not
    assert [f.message.split(" är ")[0] for f in strict_loads(f"[{twenty}, {more}]")[1]] == [
        f"Talet {twenty}", "Ett tal med 21 tecken"]
    _, found = strict_loads('{"a": [1e16, -1000000000000001, ' + "1" * 30 + '.5]}')
    assert [(f.offset, f.code, f.message) for f in found] == [
        (7, "för-stort-tal", "Talet 1e16 är för stort; en sammanställning har inga tal över "
                             "1 000 000 000 000 000."),
        (13, "för-stort-tal", "Talet -1000000000000001 är för stort; en sammanställning har "
                              "inga tal över 1 000 000 000 000 000."),
        (32, "för-stort-tal", "Ett tal med 32 tecken är för stort; en sammanställning har inga "
                              "tal över 1 000 000 000 000 000.")]


def test_what_cannot_be_read_as_a_summary(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    from vastbus_cli.rollup import summary_file
    from vastbus_cli.rollup.summary_file import read_summary_file

    def one(path: Path) -> tuple[int, int, str, str]:
        read = read_summary_file(path)
        assert read.summary is None and read.text == "" and len(read.problems) == 1
        p = read.problems[0]
        assert p.file == str(path) and p.is_error
        return p.line, p.column, p.code, p.message

    missing = tmp_path / "saknas.json"
    assert one(missing)[:3] == (0, 0, "finns-inte")
    assert one(missing)[3] == "Filen kan inte läsas: No such file or directory."
    latin = tmp_path / "latin1.json"
    latin.write_bytes('{"år": 1}'.encode("latin-1"))
    assert one(latin) == (0, 0, "kodning", "Filen är inte UTF-8 (byte 3).")
    big = tmp_path / "stor.json"
    big.write_bytes(b" " * (3 * 1024 * 1024))
    monkeypatch.setattr(summary_file, "MAX_BYTES", 2 * 1024 * 1024)
    assert one(big) == (0, 0, "för-stor", "Filen är 3 MB; en sammanställning får vara högst "
                                          "2 MB.")
    monkeypatch.setattr(summary_file, "MAX_BYTES", 3 * 1024 * 1024)
    deep = tmp_path / "djup.json"
    deep.write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
    assert summary_file.parse_summary(str(deep), deep.read_text(encoding="utf-8"))[1][0].message \
        == "Filen är för djupt nästlad."


def test_a_good_file_as_read(good: dict[str, Any], tmp_path: Path) -> None:
    from vastbus_cli.rollup.summary_file import read_summary, read_summary_file

    path = tmp_path / "bra.json"
    text = "\ufeff" + dumps(good)  # a byte-order mark, as some editors save
    path.write_text(text, encoding="utf-8")
    read = read_summary_file(path)
    assert read.problems == [] and read.summary is not None and read.text == text[1:]
    assert read.at(("parts", 0, "subregion")) == at(read.text, '"subregion": "Skaraborg",\n'
                                                    '      "groups"', '"Skaraborg"')
    assert read_summary(path) == (read.summary, [])
    assert read_summary_file(tmp_path / "saknas.json").at(("year",)) == (0, 0)


def test_wrong_types_each_once_at_their_place(good: dict[str, Any]) -> None:
    data = json.loads(dumps(good))
    del data["parts"][0]["overview"]["reported"]
    data["parts"][0]["key_figures"][0]["values"]["Skövde"] = "fjorton"
    data["parts"][0]["subregion"] = 7
    data["parts"][0]["deviations"]["by_group"][0]["filled_in"] = 1
    text = dumps(data)
    assert [(c, m) for _, _, c, m in problems(text)] == [
        ("skadad-sammanställning", "'parts[0].subregion' ska vara en text."),
        ("skadad-sammanställning", "'parts[0].overview.reported' saknas."),
        ("skadad-sammanställning", "'parts[0].deviations.by_group[0].filled_in' ska vara true "
                                   "eller false."),
        ("skadad-sammanställning", "'parts[0].key_figures[0].values.Skövde' ska vara ett tal."),
    ]
    found = problems(text)
    assert found[1][:2] == at(text, '"overview": {', "{")  # the object that lacks the key
    assert found[3][:2] == at(text, '"Skövde": "fjorton"', '"fjorton"')
    assert problems("[]") == [(1, 1, "inte-sammanställning", "Filen är ingen sammanställning "
                               "från vastbus (nycklarna 'year' och 'parts' saknas).")]
