"""Schema problems: Swedish messages at exact positions, 'did you mean', placeholders."""

from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st
from reportdata import VALID, replace_line

from vastbus_cli.reports.load import load_bytes
from vastbus_cli.reports.model import Report
from vastbus_cli.reports.parse import PLACEHOLDER, may_hold_placeholder, parse_model


def problems(text: str) -> list[tuple[int, int, str, str, str]]:
    loaded = load_bytes(text.encode(), "r.yaml")
    report, found = parse_model(loaded, Report, what="årsberättelsen")
    assert (report is None) == bool(found + loaded.problems)
    return [(p.line, p.column, p.code, p.message, p.hint) for p in loaded.problems + found]


def test_valid_report_parses_with_english_attributes() -> None:
    loaded = load_bytes(VALID.encode(), "r.yaml")
    report, found = parse_model(loaded, Report)
    assert found == []
    assert report is not None
    assert report.group.municipality == "Skövde"
    assert report.meetings.held == 7
    assert report.deviations[0].category.label == "Väntetider"
    assert report.key_figures == {"Antal SIP-möten": 14}


def test_unknown_key_without_swedish_letters_gets_right_spelling() -> None:
    text = replace_line(VALID, "möten:\n", "moten:\n")
    found = problems(text)
    assert (15, 1, "okänd-nyckel", "Okänd nyckel 'moten'.", "Menade du 'möten'?") in found
    # the real key is then missing, reported at the top level
    assert any(code == "saknas" and "'möten'" in msg for _, _, code, msg, _ in found)


def test_unknown_nested_key_gets_suggestion_at_its_position() -> None:
    text = replace_line(VALID, "    åtgärd: Dialog med BUP\n", "    atgard: Dialog med BUP\n")
    found = problems(text)
    assert (26, 5, "okänd-nyckel", "Okänd nyckel 'atgard'.", "Menade du 'åtgärd'?") in found
    assert any(code == "saknas" and "'åtgärd'" in msg and "i post 1 under 'avvikelser'" in msg
               for _, _, code, msg, _ in found)


def test_unknown_key_with_no_close_match_lists_allowed_keys() -> None:
    text = replace_line(VALID, "  planerade: 8\n", "  planerade: 8\n  zzz: 1\n")
    (line, column, code, message, hint), = [p for p in problems(text) if p[2] == "okänd-nyckel"]
    assert (line, column) == (17, 3)
    assert hint == "Tillåtna nycklar här: planerade, genomförda."


def test_wrong_controlled_value_gets_did_you_mean() -> None:
    text = replace_line(VALID, "organisation: socialtjänst", "organisation: socialtjanst")
    assert problems(text) == [(
        11, 19, "ogiltigt-värde",
        "'socialtjanst' är inget tillåtet värde för 'organisation' i post 1 under "
        "'sammansättning'.",
        "Menade du 'socialtjänst'?",
    )]


def test_wrong_controlled_value_without_match_lists_allowed() -> None:
    text = replace_line(VALID, "status: pågående", "status: klart")
    (_, _, code, _, hint), = problems(text)
    assert code == "ogiltigt-värde"
    assert hint.startswith("Tillåtna värden: löst, pågående, ej_löst")


def test_type_errors_are_swedish_with_position() -> None:
    text = replace_line(VALID, "  planerade: 8", "  planerade: åtta")
    assert problems(text) == [(
        16, 14, "fel-typ", "'möten.planerade' ska vara ett heltal (nu står det 'åtta').",
        "Skriv talet med siffror, t.ex. 4.",
    )]


def test_list_expected() -> None:
    text = replace_line(VALID, "nyckeltal:\n  Antal SIP-möten: 14\n",
                        "nyckeltal:\n  Antal SIP-möten: 14\nplaner_nästa_år: Fler möten\n")
    (line, column, code, message, _), = problems(text)
    assert (line, column, code) == (30, 18, "fel-typ")
    assert message.startswith("'planer_nästa_år' ska vara en lista")


def test_missing_required_section() -> None:
    text = VALID.replace("möten:\n  planerade: 8\n  genomförda: 7\n", "")
    assert problems(text) == [(1, 1, "saknas", "Nyckeln 'möten' saknas.",
                               "Lägg till 'möten:' och fyll i den.")]


def test_missing_nested_key_points_at_parent_key() -> None:
    text = replace_line(VALID, "  kommun: Skövde\n", "")
    assert problems(text) == [(3, 1, "saknas", "Nyckeln 'kommun' saknas under 'grupp'.",
                               "Lägg till 'kommun:' under 'grupp' och fyll i den.")]


def test_placeholders_reported_once_as_not_filled_in() -> None:
    text = replace_line(VALID, "  genomförda: 7", '  genomförda: "FYLL I: antal"')
    text = replace_line(text, "    beskrivning: Lång väntan på bedömning",
                        '    beskrivning: "FYLL I: vad hände"')
    assert problems(text) == [
        (17, 15, "ej-ifylld", "'möten.genomförda' är inte ifyllt.",
         "Ersätt mallens exempeltext med er egen uppgift."),
        (25, 18, "ej-ifylld", "'beskrivning' i post 1 under 'avvikelser' är inte ifyllt.",
         "Ersätt mallens exempeltext med er egen uppgift."),
    ]


def test_empty_value_is_not_filled_in() -> None:
    text = replace_line(VALID, "  genomförda: 7", "  genomförda:")
    assert [(p[0], p[2]) for p in problems(text)] == [(17, "ej-ifylld")]
    text = replace_line(VALID, "  - titel: SIP i skolan", '  - titel: ""')
    assert [(p[0], p[2]) for p in problems(text)] == [(19, "ej-ifylld")]


def test_bad_email_and_format_version() -> None:
    text = replace_line(VALID, "epost: vastbus@example.se", "epost: vastbus at example")
    text = replace_line(text, "formatversion: 1", "formatversion: 2")
    found = problems(text)
    assert [(p[0], p[2]) for p in found] == [(1, "formatversion"), (9, "ogiltigt-värde")]


def test_key_figures_must_be_numbers_reported_once() -> None:
    text = replace_line(VALID, "Antal SIP-möten: 14", "Antal SIP-möten: fjorton")
    found = problems(text)
    assert [(p[0], p[1], p[2]) for p in found] == [(29, 20, "fel-typ")]
    # the hint shows the decimal comma, which validate reads (issue #20)
    assert found[0][4] == "Skriv talet med siffror, t.ex. 12 eller 3,5."


def test_key_figure_with_a_decimal_comma_is_the_number() -> None:
    for written, number in [("3,5", 3.5), ('"3,5"', 3.5), ("-0,25", -0.25), ("14,0", 14.0)]:
        text = replace_line(VALID, "Antal SIP-möten: 14", f"Antal SIP-möten: {written}")
        report, found = parse_model(load_bytes(text.encode(), "r.yaml"), Report)
        assert found == [] and report is not None, written
        assert report.key_figures == {"Antal SIP-möten": number}
    # still not a number: a comma with nothing after it, two commas, words, a thousands comma
    for written in ["3,", "1,2,3", "tre,5", "3,5 st"]:
        text = replace_line(VALID, "Antal SIP-möten: 14", f"Antal SIP-möten: {written}")
        assert [p[2] for p in problems(text)] == ["fel-typ"], written


def test_a_count_with_a_decimal_comma_is_still_not_a_whole_number() -> None:
    text = replace_line(VALID, "planerade: 8", "planerade: 3,5")
    assert [(p[2], p[3]) for p in problems(text)] == [
        ("fel-typ", "'möten.planerade' ska vara ett heltal (nu står det '3,5').")]


def test_not_a_mapping_and_empty_file() -> None:
    assert [p[2] for p in problems("- a\n- b\n")] == ["inte-mappning"]
    assert [p[2] for p in problems("# bara en kommentar\n")] == ["tom-fil"]


def test_every_mistake_in_one_run() -> None:
    text = replace_line(VALID, "organisation: bup", "organisation: BUPP")
    text = replace_line(text, "  planerade: 8", "  planerade: många")
    text = replace_line(text, "    tema: sip", "    tema: sipp")
    assert [p[0] for p in problems(text)] == [13, 16, 21]


SUPPORT = """\
stöd_från_delregionen:
  - Hjälp att nå primärvården
  - beskrivning: Utbildningsdag om SIP
    tema: sip
  - beskrivning: Nätverk för ordförande
"""


def test_support_items_are_text_or_text_with_a_theme() -> None:
    loaded = load_bytes((VALID + SUPPORT).encode(), "r.yaml")
    report, found = parse_model(loaded, Report)
    assert found == [] and report is not None
    from vastbus_cli.reports.model import support_text, support_theme

    assert [support_text(s) for s in report.support_wanted] == [
        "Hjälp att nå primärvården", "Utbildningsdag om SIP", "Nätverk för ordförande"]
    assert [support_theme(s) and support_theme(s).value for s in report.support_wanted] == [
        None, "sip", None]


def test_support_item_mistakes_point_at_the_key_the_user_wrote() -> None:
    text = VALID + SUPPORT.replace("    tema: sip", "    temat: sipp")
    assert problems(text) == [(33, 5, "okänd-nyckel", "Okänd nyckel 'temat'.",
                               "Menade du 'tema'?")]
    text = VALID + SUPPORT.replace("    tema: sip", "    tema: sipp")
    assert problems(text)[0][:3] == (33, 11, "ogiltigt-värde")
    assert "'sipp' är inget tillåtet värde" in problems(text)[0][3]
    text = VALID + SUPPORT.replace("  - beskrivning: Nätverk för ordförande\n", "  - tema: npf\n")
    assert problems(text)[0][2:4] == ("saknas", "Nyckeln 'beskrivning' saknas i post 3 under "
                                      "'stöd_från_delregionen'.")


def one(old: str, new: str) -> tuple[int, int, str, str, str]:
    found = problems(replace_line(VALID, old, new))
    assert len(found) == 1, found
    return found[0]


def test_each_hint_fits_what_the_user_wrote() -> None:
    # a quoted number: the quotes are the problem, not the digits
    assert one("år: 2025\n", 'år: "2025"\n')[3:] == (
        "'år' ska vara ett heltal (nu står det '2025').",
        "Ta bort citattecknen: skriv 2025 utan citattecken.")
    assert one("år: 2025\n", "år: tjugo\n")[4] == "Skriv talet med siffror, t.ex. 2025."
    assert one("    antal: 2\n", "    antal: 4 st\n")[3:] == (
        "'antal' i post 1 under 'avvikelser' ska vara ett heltal (nu står det '4 st').",
        "Skriv bara talet, utan text efter: 4.")
    assert one("    antal: 2\n", "    antal: 2.5\n")[4] == "Skriv ett heltal, utan decimaler."
    # an unquoted colon in a list item turns it into "key: value": the hint names the colon
    colon = one("nyckeltal:\n", "planer_nästa_år:\n  - Bjuda in: förskolan\nnyckeltal:\n")
    assert colon[3] == ("Post 1 under 'planer_nästa_år' ska vara text "
                        "(nu står det nycklar och värden).")
    assert "kolon" in colon[4] and "siffra" not in colon[4]
    support = one("nyckeltal:\n", "stöd_från_delregionen:\n  - Hjälp: primärvården\nnyckeltal:\n")
    assert "kolon" in support[4]
    assert one("  roll: Ordförande\n", "  roll:\n    - Ordförande\n")[4] == (
        "Skriv texten direkt efter kolonet, inte som en lista med '- '.")
    # a key figure may have decimals: it is "a number", not "a whole number"
    figure = one("  Antal SIP-möten: 14\n", '  Antal SIP-möten: "14"\n')
    assert figure[3:] == ("'nyckeltal.Antal SIP-möten' ska vara ett tal (nu står det '14').",
                          "Ta bort citattecknen: skriv 14 utan citattecken.")
    item = one("  - kategori: väntetider\n", "  - väntetider\n  - kategori: väntetider\n")
    assert item[4] == ("Skriv posten med nycklarna kategori, antal, beskrivning, åtgärd, status, "
                       "en per rad.")


ENGLISH = ("Input should", "Value error", "Value must", "should be", "valid ", "Field required",
           "mappning", "[1]", "[2]")
WEIRD = ("text", 12, 2.5, -1, [1, "a"], {"a": 1}, {"a": 1, "b": 2}, True, None, "",
         "2025-13-01", "FYLL I: x")


def _leaves(data, path=()):
    if isinstance(data, dict):
        for k, v in data.items():
            yield (*path, k)
            yield from _leaves(v, (*path, k))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield (*path, i)
            yield from _leaves(v, (*path, i))


def test_no_english_or_programmer_words_in_any_schema_message() -> None:
    """Every place in a report and the roster, every kind of wrong value: Swedish only."""
    import copy

    import yaml
    from reportdata import ROSTER

    from vastbus_cli.reports.load import LoadedFile, Positions
    from vastbus_cli.reports.model import Report as ReportModel
    from vastbus_cli.reports.roster import Roster

    kinds: set[str] = set()
    for model, text in ((ReportModel, VALID + SUPPORT), (Roster, ROSTER + "sista_dag: 2026-06-01\n")):
        base = yaml.safe_load(text)
        for path in _leaves(base):
            for value in WEIRD:
                data = copy.deepcopy(base)
                node = data
                for part in path[:-1]:
                    node = node[part]
                node[path[-1]] = value
                _, found = parse_model(LoadedFile("r.yaml", data, Positions()), model)
                for p in found:
                    kinds.add(p.code)
                    for word in ENGLISH:
                        assert word not in p.message + p.hint, (path, value, p)
                    assert p.hint, (path, value, p)  # every problem says what to do
    assert {"fel-typ", "ogiltigt-värde", "ej-ifylld", "saknas", "formatversion"} <= kinds


def test_only_y_then_l_makes_yl_in_upper_case() -> None:
    """What `may_hold_placeholder` relies on, over every character there is."""
    makes_y = {c for c in map(chr, range(sys.maxunicode + 1)) if "Y" in c.upper()}
    assert {c for c in makes_y if c.upper().endswith("Y")} == {"y", "Y"}
    assert not any("YL" in c.upper() for c in makes_y)
    starts_l = {c for c in map(chr, range(sys.maxunicode + 1)) if c.upper().startswith("L")}
    assert starts_l == {"l", "L"}


@settings(max_examples=300, deadline=None)
@given(st.text(st.one_of(st.sampled_from("fFyYlLiIıﬁﬂﬄẙ :"), st.characters()), max_size=30))
def test_the_placeholder_pretest_never_hides_one(text: str) -> None:
    if not may_hold_placeholder(text):
        assert PLACEHOLDER not in text.upper()


def test_an_unfilled_list_entry_is_ifylld_a_field_ifyllt(tmp_path) -> None:
    """Issue 26 item 19: "post" is common gender ("Post 1 … är inte ifylld")."""
    from vastbus_cli.reports.parse_messages import not_filled

    assert not_filled(("planer_nästa_år", 0)) == "Post 1 under 'planer_nästa_år' är inte ifylld."
    assert not_filled(("möten", "planerade")) == "'möten.planerade' är inte ifyllt."
    assert not_filled(("avvikelser", 0, "status")) == (
        "'status' i post 1 under 'avvikelser' är inte ifyllt.")
