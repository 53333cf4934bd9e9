"""`vastbus rollup`: the regional overview from sub-regional JSON summaries.

The invariant: the examples split into three sub-regions (`subregions.py`), each compiled
to JSON with its own roster, rolled up, give exactly the figures of compiling all the raw
reports at once, figure by figure. What only a roster can know (how many groups were
expected, which are missing) is asserted against the three rosters instead.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from subregions import ROSTER_KEYS, SUBREGIONS, flat, generated, split, without
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.reports.summary import Summary

runner = CliRunner()
DATE = "2026-05-20"



def compile_json(folder: Path, out: Path, previous: Path | None = None) -> dict[str, Any]:
    args = ["compile", str(folder), "--date", DATE, "-o", str(out)]
    result = runner.invoke(app, args + (["--previous", str(previous)] if previous else []))
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def region(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    tmp = tmp_path_factory.mktemp("region å")
    now, before = split(tmp), split(tmp, 2024)
    files = [tmp / f"{name}.json" for name in SUBREGIONS]
    for path, name in zip(files, SUBREGIONS, strict=True):
        compile_json(now[name], path, before[name])
    out = tmp / "region.json"
    result = runner.invoke(app, ["rollup", *map(str, files), "--date", DATE, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 delregioner, 12 grupper" in " ".join(result.stderr.split())
    direct = compile_json(flat(tmp), tmp / "alla.json", flat(tmp, 2024))
    return {"rolled": json.loads(out.read_text(encoding="utf-8")), "direct": direct,
            "files": files, "tmp": tmp}


def test_rollup_equals_compiling_all_reports_at_once(region: dict[str, Any]) -> None:
    rolled, direct = region["rolled"], region["direct"]
    assert [p["subregion"] for p in rolled["parts"]] == [p["subregion"] for p in direct["parts"]]
    assert without(rolled["totals"], ROSTER_KEYS) == without(direct["totals"], ROSTER_KEYS)
    for mine, theirs in zip(rolled["parts"], direct["parts"], strict=True):
        assert without(mine, ROSTER_KEYS | {"appendix"}) == \
            without(theirs, ROSTER_KEYS | {"appendix"})
    assert without(rolled["deviations"], ROSTER_KEYS) == without(direct["deviations"], ROSTER_KEYS)
    assert rolled["groups"] == direct["groups"]


def test_a_generated_region_rolls_up_as_it_compiles(tmp_path: Path) -> None:
    """The invariant on a region the examples do not shape: four sub-regions of twelve
    groups, each report one of the examples under a new name (issue 25.6)."""
    folders, every = generated(tmp_path)
    files = []
    for folder in folders:
        files.append(folder.with_suffix(".json"))
        compile_json(folder, files[-1])
    out = tmp_path / "region.json"
    result = runner.invoke(app, ["rollup", *map(str, files), "--date", DATE, "-o", str(out)])
    assert result.exit_code == 0, result.output
    rolled = json.loads(out.read_text(encoding="utf-8"))
    direct = compile_json(every, tmp_path / "alla.json")
    assert len(rolled["groups"]) == 48 and len(rolled["parts"]) == 4
    assert rolled["totals"]["overview"]["expected"] == 52
    assert rolled["totals"]["missing"] == [f"Grupp {s}-saknas" for s in range(1, 5)]
    assert without(rolled["totals"], ROSTER_KEYS) == without(direct["totals"], ROSTER_KEYS)
    for mine, theirs in zip(rolled["parts"], direct["parts"], strict=True):
        assert without(mine, ROSTER_KEYS | {"appendix"}) == \
            without(theirs, ROSTER_KEYS | {"appendix"})
    assert rolled["groups"] == direct["groups"]


def test_rollup_figures(region: dict[str, Any]) -> None:
    totals = region["rolled"]["totals"]
    o = totals["overview"]
    assert (o["expected"], o["reported"], o["meetings_planned"], o["meetings_held"],
            o["representatives"]) == (15, 12, 88, 79, 91)
    assert totals["missing"] == ["Gullspång", "Karlsborg", "Töreboda"]  # from the rosters
    d = totals["deviations"]
    assert d["total"] == 51
    assert d["by_category"] == {"sip_ej_kallad_eller_försenad": 23, "information_ej_överförd": 6,
                                "otydligt_ansvar": 4, "övergång_mellan_verksamheter": 10,
                                "väntetider": 7, "annan": 1}
    assert d["recurring"] == ["sip_ej_kallad_eller_försenad", "information_ej_överförd",
                              "övergång_mellan_verksamheter"]
    side = totals["subregions"]
    assert [(c["subregion"], c["expected"], c["reported"], c["deviations"])
            for c in side["columns"]] == [("Norra Skaraborg", 6, 3, 9),
                                          ("Södra Skaraborg", 3, 3, 24),
                                          ("Västra Skaraborg", 6, 6, 18)]
    flagged = {c["category"]["code"]: c["subregions"] for c in side["categories"]
               if c["flagged"]}
    assert flagged == {
        "sip_ej_kallad_eller_försenad": ["Norra Skaraborg", "Södra Skaraborg", "Västra Skaraborg"],
        "information_ej_överförd": ["Norra Skaraborg", "Södra Skaraborg"],
        "övergång_mellan_verksamheter": ["Södra Skaraborg", "Västra Skaraborg"],
        "väntetider": ["Norra Skaraborg", "Södra Skaraborg"]}
    assert region["rolled"]["format_version"] == 2


def test_documents(region: dict[str, Any]) -> None:
    files, tmp = region["files"], region["tmp"]
    md = runner.invoke(app, ["rollup", *map(str, files), "--date", DATE])
    assert md.exit_code == 0
    lines = md.stdout.splitlines()
    assert "### Delregionerna sida vid sida" in lines
    assert ("| Avvikelser | 9 | 24 | 18 | 51 |") in lines
    assert ("| SIP ej kallad eller försenad \\* | 3 | 11 | 9 | 23 | 3 av 3 |") in lines
    assert ("| Otydlig ansvarsfördelning | – | – | 4 | 4 | 1 av 3 |") in lines
    for suffix in ("docx", "xlsx"):
        out = tmp / f"region.{suffix}"
        result = runner.invoke(app, ["rollup", *map(str, files), "--date", DATE, "-o", str(out),
                                     "--force"])
        assert result.exit_code == 0, result.output
    from openpyxl import load_workbook

    book = load_workbook(tmp / "region.xlsx")
    rows = list(book["Delregioner"].iter_rows(values_only=True))
    assert rows[0] == ("Uppgift", "Norra Skaraborg", "Södra Skaraborg", "Västra Skaraborg",
                       "Totalt")
    assert ("Genomförda möten", 19, 23, 37, 79) in rows
    from docx import Document

    text = "\n".join(p.text for p in Document(str(tmp / "region.docx")).paragraphs)
    assert "Delregionerna sida vid sida" in text
    assert ("SIP ej kallad eller försenad: 23 avvikelser i 3 av 3 delregioner (Norra Skaraborg, "
            "Södra Skaraborg och Västra Skaraborg) och 6 av 12 grupper – skäl: minst 3 grupper "
            "och minst 2 delregioner. Återkommande inom Västra Skaraborg.") in text


def _flagged(md: str) -> tuple[set[str], set[str], set[str]]:
    """The categories called possible system faults by the Sammanfattning, starred in the
    per-sub-region table and named in the note under the regional category table (Word and
    Markdown name them there instead of a column of a few 'Ja')."""
    lines = md.splitlines()
    digest = next(line for line in lines if line.startswith("- **Möjliga övergripande"))
    named = set(re.findall(r"”([^”]+)”", digest))
    starred = {line.split(" | ")[0][2:-3] for line in lines if line.startswith("| ")
               and line.split(" | ")[0].endswith(" \\*")}
    note = next(line for line in lines if line.startswith(("Kategorierna ”", "Kategorin ”")))
    return named, starred, set(re.findall(r"”([^”]+)”", note))


def test_one_rule_for_possible_system_faults(region: dict[str, Any]) -> None:
    """Issue 26.10: the Sammanfattning used the group rule (3 of 12 groups) and left out
    Väntetider, the per-sub-region table used the sub-region rule (2 of 3) and starred it.
    Now either rule flags a category everywhere, and both reasons are shown side by side."""
    files = region["files"]
    md = runner.invoke(app, ["rollup", *map(str, files), "--date", DATE]).stdout
    four = {"SIP ej kallad eller försenad", "Information har inte förts vidare",
            "Övergång mellan verksamheter", "Väntetider"}
    assert _flagged(md) == (four, four, four)
    lines = md.splitlines()
    assert any(line.endswith("rapporteras av minst 3 av 12 grupper eller minst 2 av 3 "
                             "delregioner och är möjliga övergripande systemfel.")
               for line in lines)  # the note names the regional rule
    assert ("- **Möjliga övergripande systemfel:** Kategorier som minst 3 av 12 grupper eller "
            "minst 2 av 3 delregioner rapporterar: ”SIP ej kallad eller försenad” (6 av 12 "
            "grupper och 3 av 3 delregioner, 23 avvikelser); ”Övergång mellan verksamheter” (4 av "
            "12 grupper och 2 av 3 delregioner, 10 avvikelser); ”Information har inte förts "
            "vidare” (3 av 12 grupper och 2 av 3 delregioner, 6 avvikelser); ”Väntetider” (2 av 3 "
            "delregioner, 7 avvikelser).") in lines
    assert ("7 avvikelser i 2 av 12 grupper (Tibro och Skövde) och 2 delregioner (Norra "
            "Skaraborg och Södra Skaraborg) – ett möjligt övergripande systemfel efter antalet "
            "delregioner. 4 av dem har lyfts till delregional nivå av Skövde. Skövde lyfte "
            "kategorin redan förra året och rapporterar den igen i år.") in lines
    assert ("- Väntetider: 7 avvikelser i 2 av 3 delregioner (Norra Skaraborg och Södra "
            "Skaraborg) och 2 av 12 grupper – skäl: minst 2 delregioner.") in lines
    # the other way round: a category two groups of one sub-region report (group rule only)
    md = runner.invoke(app, ["rollup", *map(str, files), "--date", DATE, "--recurring", "2",
                             "--across", "3"]).stdout
    named, starred, yes = _flagged(md)
    assert named == starred == yes and "Otydlig ansvarsfördelning" in named
    assert any(line.startswith("- Otydlig ansvarsfördelning: 4 avvikelser i 1 av 3 delregioner "
                               "(Västra Skaraborg) och 2 av 12 grupper – skäl: minst 2 grupper.")
               for line in md.splitlines())


def test_region_wide_group_tables_say_the_subregion(region: dict[str, Any]) -> None:
    """Issue 26.12: a Delregion column and an explained order in the region-wide group
    tables, and 'Saknas: …' says which sub-region the missing groups belong to."""
    from vastbus_cli.render.subregions import ORDER_NOTE

    md = runner.invoke(app, ["rollup", *map(str, region["files"]), "--date", DATE]).stdout
    lines = md.splitlines()
    assert ("- **Grupper:** 12 av 15 lokala grupper har lämnat årsberättelse. Saknas: Gullspång, "
            "Karlsborg och Töreboda (Norra Skaraborg). Gullspång och Töreboda lämnade inte heller "
            "årsberättelse 2024.") in lines
    assert ORDER_NOTE in lines
    assert lines.count("| Delregion | Grupp | Socialtjänst | Skola/elevhälsa | Förskola | BUP | "
                       "Primärvård | Habilitering | Ungdomsmottagning | Annan | Totalt |") == 1
    assert "| Södra Skaraborg | Skövde | 3 | 3 | 1 | 2 | 1 | 1 | 1 | 1 | 13 |" in lines
    assert "| Totalt |  | 23 | 26 | 6 | 14 | 7 | 8 | 5 | 2 | 91 |" in lines
    assert ("| Västra Skaraborg | Essunga | – | – | – | – | – | – | – | Inga avvikelser |"
            in lines)
    # the sub-regions' own parts keep their tables without the column
    assert "| Hjo | 1 | 2 | – | 1 | – | 1 | – | – | 5 |" in lines


def test_the_same_subregion_twice_is_an_error(region: dict[str, Any]) -> None:
    first = region["files"][0]
    result = runner.invoke(app, ["rollup", str(first), str(first), *map(str, region["files"][1:])])
    assert result.exit_code == 1
    assert "Delregionen Norra Skaraborg finns två gånger: samma fil är angiven två gånger." in result.output
    copy = region["tmp"] / "kopia.json"
    copy.write_bytes(first.read_bytes())
    result = runner.invoke(app, ["rollup", str(first), str(copy)])
    assert result.exit_code == 1
    assert f"Delregionen Norra Skaraborg finns också i {first}." in " ".join(
        result.output.split())


def test_another_format_version_or_corrupt_file_refused(region: dict[str, Any],
                                                        tmp_path: Path) -> None:
    good = region["files"][0]
    data = json.loads(good.read_text(encoding="utf-8"))
    other = tmp_path / "version3.json"
    other.write_text(json.dumps({**data, "format_version": 3}), encoding="utf-8")
    result = runner.invoke(app, ["rollup", str(good), str(other)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert (f"{other}:1:20  fel  formatversion  Sammanställningen har formatversion 3; den här "
            f"versionen av vastbus läser formatversion 1 och 2.") in result.output
    broken = tmp_path / "trasig.json"
    broken.write_text(good.read_text(encoding="utf-8")[:500], encoding="utf-8")
    result = runner.invoke(app, ["rollup", str(good), str(broken)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert f"{broken}:" in result.output and "json-syntax" in result.output
    assert "Filen är inte giltig JSON (rad" in result.output
    wrong = tmp_path / "fel.json"
    data["parts"][0]["overview"]["reported"] = "tolv"
    wrong.write_text(json.dumps(data), encoding="utf-8")
    result = runner.invoke(app, ["rollup", str(wrong)], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    column = wrong.read_text(encoding="utf-8").index('"tolv"') + 1
    assert (f"{wrong}:1:{column}  fel  skadad-sammanställning  'parts[0].overview.reported' "
            "ska vara ett heltal.") in result.output
    report = tmp_path / "inte.json"
    report.write_text("[1, 2]", encoding="utf-8")
    result = runner.invoke(app, ["rollup", str(report)], env={"COLUMNS": "200"})
    assert result.exit_code == 1 and "inte-sammanställning" in result.output
    assert "Traceback" not in result.output


def test_years_must_agree(region: dict[str, Any], tmp_path: Path) -> None:
    data = json.loads(region["files"][1].read_text(encoding="utf-8"))
    other = tmp_path / "2024.json"
    other.write_text(json.dumps({**data, "year": 2024}), encoding="utf-8")
    result = runner.invoke(app, ["rollup", str(region["files"][0]), str(other)],
                           env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert "annat-år" in result.output and "Sammanställningen gäller 2024" in result.output


def test_shipped_schema_is_current_and_accepts_compile_output(region: dict[str, Any]) -> None:
    import jsonschema

    from vastbus_cli.reports.schema import SUMMARY_SHIPPED as SHIPPED
    from vastbus_cli.reports.schema_build import summary_schema_json

    assert SHIPPED.read_text(encoding="utf-8") == summary_schema_json(), \
        "run: python -m vastbus_cli.reports.schema_build"
    schema = json.loads(SHIPPED.read_text(encoding="utf-8"))
    jsonschema.validate(region["direct"], schema)
    jsonschema.validate(region["rolled"], schema)
    Summary.model_validate(region["rolled"])


def test_the_regional_overview_speaks_for_every_subregion(region: dict[str, Any]) -> None:
    """The section of what is raised to the regional level is the sub-regions' together,
    not one sub-region's, in the regional overview; a single sub-region keeps its own."""
    files, tmp = region["files"], region["tmp"]
    md = runner.invoke(app, ["rollup", *map(str, files), "--date", DATE]).stdout
    assert "## Det delregionerna lyfter till regional nivå" in md.splitlines()
    assert "Det delregionen lyfter" not in md
    out = tmp / "region-titlar.docx"
    assert runner.invoke(app, ["rollup", *map(str, files), "--date", DATE, "-o", str(out)]
                         ).exit_code == 0
    from docx import Document

    headings = [p.text for p in Document(str(out)).paragraphs if p.style.name.startswith("Head")]
    assert "Det delregionerna lyfter till regional nivå" in headings
    single = runner.invoke(app, ["compile", "examples/rapporter/2025", "--date", DATE]).stdout
    assert "## Det delregionen lyfter till regional nivå" in single.splitlines()


@pytest.mark.skipif(__import__("shutil").which("soffice") is None,
                    reason="LibreOffice is not installed")
def test_regional_word_contents_has_page_numbers(region: dict[str, Any]) -> None:
    """rollup renders like compile: the Word contents get LibreOffice's page numbers."""
    import re
    import zipfile

    out = region["tmp"] / "region-sidor.docx"
    assert runner.invoke(app, ["rollup", *map(str, region["files"]), "--date", DATE,
                               "-o", str(out)]).exit_code == 0
    xml = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    pages = re.findall(r"PAGEREF _Toc\d+ .{0,120}?preserve\">(\d*)</w:t>", xml)
    assert pages and all(pages), pages
    assert [int(p) for p in pages] == sorted(int(p) for p in pages)
