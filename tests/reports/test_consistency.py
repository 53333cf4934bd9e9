"""The coordinator's texts checked against the figures: warnings on the terminal only."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.reports import consistency
from vastbus_cli.reports.compile import compile_reports

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "rapporter"
# the shipped example's texts before issue 20: waiting times called most common and a fault
OLD_INTRO = """Den delregionala Västbusgruppen i Skaraborg lämnar här sin sammanställning.

## Året i korthet

- Tolv av femton lokala grupper har lämnat årsberättelse; tre saknas.
- Arbetet med *samordnad individuell plan* (SIP) har fortsatt i alla kommuner,
  men kallelser kommer fortfarande ofta sent.
- Väntetiderna till barn- och ungdomspsykiatrin är den avvikelse som flest
  grupper tar upp.
"""
OLD_CONCLUSIONS = """Den delregionala gruppen föreslår att den regionala styrgruppen

1. lyfter väntetiderna till barn- och ungdomspsykiatrin som ett **övergripande
   systemfel** och ger i uppdrag att ta fram en gemensam handlingsplan,
2. stödjer en gemensam utbildning i SIP för skola och socialtjänst under 2026,
"""


@pytest.fixture(scope="module")
def part():
    result = compile_reports(EXAMPLES / "2025", produced=dt.date(2026, 5, 20))
    assert result.summary is not None
    return result.summary.parts[0]


def test_sentences_know_their_line_and_column() -> None:
    found = [(s.line, s.column, s.text[:12]) for s in consistency.sentences(OLD_INTRO, 3)]
    assert (3, 1, "den delregio") in found
    assert (10, 1, "- väntetider") in found  # a list item over two lines: where it begins
    assert (8, 1, "- arbetet me") in found


def test_the_old_example_texts_are_caught_with_their_figures(part) -> None:
    intro = consistency.check(OLD_INTRO.strip(), "inledning.md", part, "Inledningen")
    assert [(p.line, p.severity.value, p.code, p.message) for p in intro] == [
        (8, "varning", "text-mot-siffror",
         "Inledningen säger att en kategori är vanligast, men ”Väntetider” finns i 2 av 12 "
         "grupper (7 avvikelser); flest grupper har ”SIP ej kallad eller försenad” "
         "(6 grupper, 23 avvikelser).")]
    conclusions = consistency.check(OLD_CONCLUSIONS.strip(), "slutsatser.md", part,
                                    "Slutsatserna")
    assert [(p.line, p.message) for p in conclusions] == [
        (3, "Slutsatserna kallar en kategori ett övergripande systemfel, men ”Väntetider” "
            "finns i 2 av 12 grupper (7 avvikelser), under gränsen 3 grupper; flaggade som "
            "möjliga systemfel: ”SIP ej kallad eller försenad” (6 grupper); ”Information har "
            "inte förts vidare” (3 grupper); ”Övergång mellan verksamheter” (4 grupper).")]


def test_claims_that_agree_or_are_negated_pass(part) -> None:
    fine = ("SIP som kallas sent är den avvikelse som flest grupper tar upp.\n\n"
            "Väntetider är inte längre den vanligaste avvikelsen.\n\n"
            "- Övergångar mellan verksamheter är ett möjligt systemfel.\n"
            "- NPF är det kompetensbehov som flest grupper nämner.\n")
    assert consistency.check(fine, "x.md", part, "Inledningen") == []


def test_a_theme_claim_against_its_section(part) -> None:
    text = "Suicidprevention är det kompetensbehov som flest grupper nämner."
    assert [p.message for p in consistency.check(text, "x.md", part, "Slutsatserna")] == [
        "Slutsatserna säger att ett tema är vanligast, men ”Suicidprevention” nämns som "
        "kompetensbehov av 3 av 12 grupper; flest grupper nämner ”Neuropsykiatriska "
        "funktionsnedsättningar (NPF)” (7 grupper)."]


def test_the_shipped_example_texts_agree_with_the_example_data() -> None:
    result = compile_reports(EXAMPLES / "2025", previous=EXAMPLES / "2024",
                             produced=dt.date(2026, 5, 20))
    assert [p for p in result.problems if p.code == consistency.CODE] == []


def test_compile_warns_on_the_terminal_never_in_the_document(tmp_path: Path) -> None:
    folder = tmp_path / "rapporter 2025"
    shutil.copytree(EXAMPLES / "2025", folder)
    (folder / "inledning.md").write_text("\n\n" + OLD_INTRO, encoding="utf-8")
    out = tmp_path / "s.md"
    result = CliRunner().invoke(app, ["compile", str(folder), "-o", str(out),
                                      "--date", "2026-05-20"])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "inledning.md:10:1 varning text-mot-siffror" in flat  # two blank lines first
    assert "”Väntetider” finns i 2 av 12 grupper (7 avvikelser)" in flat
    assert "text-mot-siffror" not in out.read_text(encoding="utf-8")
