"""The charts' alternative text: one wording for every renderer, short enough to read aloud."""

from __future__ import annotations

from vastbus_cli.documents.alt_text import MAX_FIGURES, describe, figure


def test_one_series_names_each_category_with_its_share() -> None:
    said = describe("Andel av de 12 grupperna som rapporterar kategorin",
                    ["SIP ej kallad eller försenad", "Väntetider"], [("Andel", [0.5, 1 / 6])])
    assert said == ("Stapeldiagram: andel av de 12 grupperna som rapporterar kategorin. "
                    "SIP ej kallad eller försenad 50\u00a0%, Väntetider 17\u00a0%.")


def test_several_series_per_category_and_counts() -> None:
    said = describe("Avvikelser per kategori 2024 och 2025", ["SIP", "Väntetider"],
                    [("2024", [7, 9]), ("2025", [23, None])], number_format="0")
    assert said == ("Stapeldiagram: avvikelser per kategori 2024 och 2025. "
                    "SIP: 2024 7, 2025 23; Väntetider: 2024 9.")


def test_beyond_the_cap_the_rest_are_counted() -> None:
    categories = [f"Alternativ {n}" for n in range(1, 21)]
    said = describe("Hur ofta?", categories, [("2018", [0.05] * 20), ("2019", [0.05] * 20)])
    shown = MAX_FIGURES // 2
    assert said.endswith(f"Alternativ {shown}: 2018 5\u00a0%, 2019 5\u00a0% och "
                         f"{20 - shown} till.")
    assert f"Alternativ {shown + 1}:" not in said
    assert said.count("%") == MAX_FIGURES


def test_stacked_bars_and_the_chart_s_own_formats() -> None:
    said = describe("Jag vet vart jag ska vända mig", ["Påstående A"],
                    [("Instämmer helt", [0.125]), ("Instämmer inte", [0.875])],
                    formats=["0.0 %", "0 %"], stacked=True)
    assert said == ("Stapeldiagram med en stapel på 100 % per rad: jag vet vart jag ska vända "
                    "mig. Påstående A: Instämmer helt 12,5\u00a0%, Instämmer inte 88\u00a0%.")


def test_an_abbreviation_keeps_its_capitals_and_nothing_is_missing_silently() -> None:
    assert describe("SIP per grupp", ["Hjo"], [("Antal", [None])], "0") == \
        "Stapeldiagram: SIP per grupp. Hjo uppgift saknas."
    assert describe("", [], [("Antal", [])]) == "Stapeldiagram."
    assert describe("Har rutin\ntagits fram?", ["Ja"], [("2019", [0.5])]) == \
        "Stapeldiagram: har rutin tagits fram? Ja 50\u00a0%."
    assert figure(1234, "0") == "1\u00a0234"
    assert figure(0.1665, "0.0 %") == "16,7\u00a0%"  # half away from zero, as Excel
    assert figure(0.0025, "0.0%") == "0,3\u00a0%"
