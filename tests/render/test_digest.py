"""The generated Sammanfattning and the regional section, on the shipped examples.

Every figure below was recounted by hand from examples/rapporter/2025 and 2024
(12 of 15 groups; 51 deviations in 6 categories from 10 groups, 14 raised; the
like-for-like comparison covers the 10 groups that reported both years).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from vastbus_cli.render import digest
from vastbus_cli.render import markdown as md_render
from vastbus_cli.reports.compile import compile_reports

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "rapporter"


@pytest.fixture(scope="module")
def example():
    result = compile_reports(EXAMPLES / "2025", previous=EXAMPLES / "2024",
                             produced=dt.date(2026, 5, 20))
    assert result.summary is not None
    return result.summary


def test_sammanfattning_states_the_figures(example) -> None:
    lines = dict(digest.digest_lines(example))
    assert lines["Grupper"] == ("12 av 15 lokala grupper har lämnat årsberättelse. "
                                "Saknas: Gullspång, Karlsborg och Töreboda. Gullspång och "
                                "Töreboda lämnade inte heller årsberättelse 2024.")
    assert lines["Möten"] == (
        "79 av 88 planerade möten genomfördes; grupperna har sammanlagt 91 representanter. "
        "Jämfört med 2024 (samma 10 grupper): genomförda möten 67 → 68 (+1), "
        "representanter 74 → 79 (+5).")
    assert lines["Avvikelser"] == (
        "51 avvikelser i 6 kategorier från 10 grupper. Flest grupper rapporterar ”SIP ej "
        "kallad eller försenad” (6 av 12 grupper, 23 avvikelser). Jämfört med 2024 (samma 10 "
        "grupper): 43 → 47 (+4); mest ökade ”SIP ej kallad eller försenad” 7 → 23 (+16), mest "
        "minskade ”Övergång mellan verksamheter” 21 → 10 (−11).")
    assert lines["Möjliga övergripande systemfel"] == (
        "Kategorier som minst 3 av 12 grupper rapporterar: ”SIP ej kallad eller försenad” "
        "(6 grupper, 23 avvikelser); ”Övergång mellan verksamheter” (4 grupper, 10 avvikelser); "
        "”Information har inte förts vidare” (3 grupper, 6 avvikelser).")
    assert lines["Lyft till delregional nivå"] == (
        "14 avvikelser från 4 grupper (Falköping, Lidköping, Mariestad och Skövde), i "
        "kategorierna ”Information har inte förts vidare”, ”SIP ej kallad eller försenad” "
        "och ”Väntetider”.")
    assert lines["Uppföljning av 2024"] == (
        "I årsberättelserna för 2024 lyfte 2 grupper 10 avvikelser i 2 kategorier till "
        "delregional nivå. I årsberättelserna för 2025 rapporterar samma grupper nya avvikelser i "
        "samma kategorier: Skövde 4 i ”Väntetider” (lyft igen) och Tidaholm 3 i ”Övergång mellan "
        "verksamheter” (ej löst). Om de enskilda avvikelserna från 2024 är lösta säger "
        "årsberättelserna inte.")
    assert "kvarstår alla" not in md_render.render(example)
    assert lines["Vanligaste teman"].startswith(
        "Kompetensbehov ”Neuropsykiatriska funktionsnedsättningar (NPF)” (7 av 12 grupper); "
        "utvecklingsområden ”Samverkansrutiner” (6 av 12 grupper)")
    assert lines["Sammansättning"] == ("Primärvård saknas i 5 av 12 grupper; habilitering "
                                       "saknas i 4 av 12 grupper.")


def test_what_goes_to_the_regional_level(example) -> None:
    issues = [(i.category.code, i.total, len(i.groups), i.recurring, i.raised, i.raised_by,
               i.raised_last_year) for i in digest.whole(example).to_region]
    assert issues == [
        ("sip_ej_kallad_eller_försenad", 23, 6, True, 5, ["Lidköping"], []),
        ("övergång_mellan_verksamheter", 10, 4, True, 0, [], ["Tidaholm"]),
        ("information_ej_överförd", 6, 3, True, 5, ["Falköping", "Mariestad"], []),
        ("väntetider", 7, 2, False, 4, ["Skövde"], ["Skövde"]),
    ]
    wait = digest.whole(example).to_region[3]
    assert digest.region_text(wait) == (
        "7 avvikelser i 2 av 12 grupper (Skövde och Tibro). 4 av dem har lyfts till "
        "delregional nivå av Skövde. Skövde lyfte kategorin redan förra året och rapporterar den "
        "igen i år.")


def test_the_body_counts_and_quotes_instead_of_copying(example) -> None:
    text = md_render.render(example)
    assert ("- **Neuropsykiatriska funktionsnedsättningar (NPF): 7 av 12 grupper** (Essunga, "
            "Götene, Hjo, Mariestad, Skara, Skövde och Tibro). Till exempel ") in text
    # decisions first: Sammanfattning, the proposals, intro, regional asks, then the body
    heads = [line for line in text.splitlines() if line.startswith("## ")]
    assert heads[:5] == ["## Sammanfattning", "## Slutsatser och rekommendationer",
                         "## Inledning", "## Det delregionen lyfter till regional nivå",
                         "## Översikt"]
    # last year's groups and the groups that reported neither year, each named
    assert "- Rapporterade 2024 men inte 2025: Karlsborg." in text
    assert "- Rapporterade varken 2024 eller 2025: Gullspång och Töreboda." in text
    assert "Bilaga" not in text  # off by default
    assert "Inget angivet" not in text and " st," not in text
    # a figure one group reported has no lowest and highest
    assert "| Antal uppföljande SIP-möten |" not in text
    assert "Redovisat av en grupp: Antal uppföljande SIP-möten 33 (Skövde)." in text
    # each raised deviation's text once (in the regional section), not in the body again
    assert text.count("Kallelser till SIP avböjdes") == 1


def test_word_has_charts_of_deviation_and_composition_shares(example) -> None:
    import io
    import zipfile

    import docx

    from vastbus_cli.documents.docx_xml import paragraph_element
    from vastbus_cli.render import charts
    from vastbus_cli.render import docx as docx_render

    part = digest.whole(example)
    devs = charts.deviation_shares(part)
    assert devs is not None and devs.categories[0] == "SIP ej kallad eller försenad"
    assert devs.values[0] == 6 / 12 and devs.values[-1] == 1 / 12  # Annan: Vara only
    assert devs.categories[1] == "Övergång mellan verksamheter"  # most groups first
    comp = charts.composition_shares(part)
    assert comp is not None
    assert dict(zip(comp.categories, comp.values, strict=True))["Primärvård"] == 7 / 12
    with zipfile.ZipFile(io.BytesIO(docx_render.render(example))) as z:
        parts = sorted(n for n in z.namelist() if n.startswith("word/charts/chart"))
        xml = [z.read(n).decode("utf-8") for n in parts]
    assert len(parts) == 3
    doc = docx.Document(io.BytesIO(docx_render.render(example)))
    drawn = [p for p in doc.paragraphs if "c:chart" in paragraph_element(p).xml]
    # the comparison chart stays on the page of its table, and the deviations section's
    # opening lines on the page of their chart
    assert drawn[2].paragraph_format.keep_with_next
    opening = next(p for p in doc.paragraphs if p.text == "Totalt 51 avvikelser.")
    assert opening.paragraph_format.keep_with_next
    assert "Andel av de 12 grupperna där organisationen deltar" in xml[0]
    assert "SIP ej kallad eller försenad" in xml[1] and "systemfel" not in xml[1]
    assert "Andel av de 12 grupperna som rapporterar varje kategori" in xml[1]
    assert "Andel av grupperna" in xml[0]  # the axis title
    change = charts.deviation_change(part)
    assert change is not None and change.title == (
        "Avvikelser per kategori 2024 och 2025 (samma 10 grupper)")
    assert dict(zip(change.categories, change.series[1][1], strict=True))[
        "SIP ej kallad eller försenad"] == 23  # 7 in 2024 for the same groups
    assert change.series[0][1][0] == 7
    assert "Antal avvikelser" in xml[2]


def test_word_lead_ins_stay_with_their_table(example) -> None:
    import io

    import docx

    from vastbus_cli.render import docx as docx_render

    doc = docx.Document(io.BytesIO(docx_render.render(example)))
    leads = {p.text[:30]: p.paragraph_format.keep_with_next for p in doc.paragraphs
             if p.text.startswith(("Antal grupper av 12", "Antal representanter per",
                                   "I årsberättelserna för 2024", "Jämförelsen gäller"))}
    assert leads and all(leads.values()), leads


def test_one_group_without_deviations_or_last_year() -> None:
    import datetime as dt

    from reportfactory import as_report, report_dict

    from vastbus_cli.reports.merge import merge

    s = merge([as_report(report_dict("Hjo", meetings=(5, 4)))], None, produced=dt.date(2026, 5, 20))
    lines = dict(digest.digest_lines(s))
    assert lines["Grupper"] == "1 lokal grupp har lämnat årsberättelse."
    assert lines["Möten"] == "4 av 5 planerade möten genomfördes; gruppen har 7 representanter."
    assert lines["Avvikelser"] == "Inga avvikelser rapporterades."
    assert "Uppföljning av 2024" not in lines and "Lyft till delregional nivå" not in lines
    assert digest.region_lead(s).endswith("Delregionen lyfter därför inga avvikelser till "
                                          "regional nivå.")
