"""The Markdown summary against a golden file, plus escaping and user templates.

Regenerate the golden file after an intended change, then review the diff:

    VASTBUS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/render/test_markdown.py
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from goldenfile import matches_golden
from reportfactory import sample_summary

from vastbus_cli.render.markdown import TemplateProblem, render


def test_matches_golden_file() -> None:
    text = render(sample_summary())
    matches_golden("sammanstallning.md", text)


def test_key_values_are_in_the_document() -> None:
    text = render(sample_summary())
    assert text.startswith("# Sammanställning av Västbusarbetet 2025 – Skaraborg\n")
    assert "| Grupper som saknas | Hjo |" in text
    assert "Primärvård saknas i 1 av 3 grupper (Lidköping)." in text
    assert "| SIP ej kallad eller försenad | 7 | 3 | 1 | 4 | 2 | – |\n" in text
    assert "| Filer som inte är med (fel i filen) | tibro-2025.yaml |" in text  # no group name
    assert text.count("tibro-2025.yaml") == 1 and "Obs!" not in text
    assert "Jämförelsen gäller den grupp som lämnade årsberättelse både 2024 och 2025: Skövde." \
        in text
    assert "| Avvikelser totalt | 3 | 6 | +3 |" in text  # Skövde's, like with like
    assert "| Avvikelser totalt | 0 | 6 |" in text  # the groups reporting one year only
    assert "- Rapporterade inte 2024: Lidköping och Mariestad." in text
    assert "| Skövde | Väntetider | 2 | 0 | Nämns inte 2025 |" in text
    assert ("- **SIP (samordnad individuell plan): 2 av 3 grupper** (Skövde och Lidköping). "
            "Skövde: ”@Gemensam utbildningsdag.”; Lidköping: ”SIP-rutin vid flytt.”") in text


def test_user_text_cannot_inject_html_or_break_tables() -> None:
    text = render(sample_summary())
    assert not re.search(r"(?<!\\)<b>", text) and "\\<b>inte\\</b>" in text
    assert "Uppgifter \\| kom \\<b>inte\\</b> fram och rad två." in text  # one line
    assert "\x07" not in text
    for line in text.splitlines():
        if line.startswith("| "):
            assert line.count(" | ") - line.count("\\| ") >= 1
    table_rows = [line for line in text.splitlines() if line.startswith("| Skövde")]
    assert all(line.endswith("|") for line in table_rows)


def test_user_template(tmp_path: Path) -> None:
    own = tmp_path / "egen.md.j2"
    own.write_text("Grupper: {{ s.groups|join(', ') }}\nSaknas: {{ s.missing[0] }} <{{ s.year }}>\n",
                   encoding="utf-8")
    assert render(sample_summary(), template=own) == "Grupper: Skövde, Lidköping, Mariestad\n" \
        "Saknas: Hjo <2025>\n"


def test_user_template_errors_are_swedish(tmp_path: Path) -> None:
    broken = tmp_path / "trasig.md.j2"
    broken.write_text("{% for x in s.groups %}\n{{ x }\n", encoding="utf-8")
    with pytest.raises(TemplateProblem, match="har ett syntaxfel på rad 2"):
        render(sample_summary(), template=broken)
    unknown = tmp_path / "okand.md.j2"
    unknown.write_text("{{ s.finns_inte }}\n", encoding="utf-8")
    with pytest.raises(TemplateProblem, match="kan inte användas"):
        render(sample_summary(), template=unknown)


def test_several_subregions_have_totals_then_one_part_each() -> None:
    import datetime as dt

    from reportfactory import as_report, deviation, report_dict

    from vastbus_cli.reports.merge import merge

    reports = [as_report(report_dict("Skövde", deviations=[deviation("väntetider", 2)])),
               as_report(report_dict("Uddevalla", subregion="Fyrbodal",
                                     deviations=[deviation("väntetider", 1)]))]
    text = render(merge(reports, None, produced=dt.date(2026, 5, 1), appendix=True))
    heads = [line for line in text.splitlines() if line.startswith("## ")]
    assert heads == ["## Sammanfattning", "## Det delregionerna lyfter till regional nivå",
                     "## Regionala totaler (Fyrbodal och Skaraborg)",
                     "## Delregion Fyrbodal", "## Delregion Skaraborg"]
    assert text.count("### Översikt") == 3
    assert text.count("### Bilaga: gruppernas årsberättelser") == 2  # not in the totals
    assert "| Väntetider | 3 | 2 |" in text  # the regional total
