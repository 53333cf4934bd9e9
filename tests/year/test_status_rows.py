"""`year/status.py` directly, on a small folder: how each file and roster entry becomes a row,
a state, a contact and a deadline. Quick enough for a mutation run (docs/mutation.md)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from vastbus_cli.problems import Severity, error, warning
from vastbus_cli.reports.validate import FileResult
from vastbus_cli.year.status import (
    Contact,
    ContactSource,
    GroupStatus,
    State,
    _best,
    group_name_in,
    group_status,
    sendable,
)

EXAMPLES = Path(__file__).parents[2] / "examples" / "rapporter"
TODAY = dt.date(2026, 2, 17)

ROSTER = """\
delregion: Skaraborg
grupper:
  - namn: Skövde
    kommun: Skövde
    kontakt: Ordförande
    epost: roster.skovde@example.se
  - namn: Hjo
    kommun: Hjo
  - namn: Tibro
    kommun: Tibro
    kontakt: Samordnare
  - namn: Karlsborg
    kommun: Karlsborg
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Skövde ready, Hjo with an error and a loose contact, Tibro and Karlsborg missing, and a
    file for Skara (not in the roster) dated the year before."""
    target = tmp_path / "r"
    target.mkdir()
    (target / "grupper.yaml").write_text(ROSTER, encoding="utf-8")
    skovde = (EXAMPLES / "2025" / "arsberattelse-2025-skovde.yaml").read_text(encoding="utf-8")
    start = skovde.index("kontakt:\n")
    skovde = skovde[:start] + skovde[skovde.index("\n\n", start) + 2:]  # no contact: optional
    (target / "arsberattelse-2025-skovde.yaml").write_text(skovde, encoding="utf-8")
    hjo = (EXAMPLES / "2025" / "arsberattelse-2025-hjo.yaml").read_text(encoding="utf-8")
    hjo = hjo.replace("planerade: 6", "planerade: sex").replace(
        "kontakt:\n", "kontakt:\n  epost: ' hjo@example.se '\n", 1)
    (target / "arsberattelse-2025-hjo.yaml").write_text(hjo, encoding="utf-8")
    shutil.copy(EXAMPLES / "2025" / "arsberattelse-2025-tibro.yaml", target)
    skara = (EXAMPLES / "2024" / "arsberattelse-2024-skara.yaml").read_text(encoding="utf-8")
    (target / "arsberattelse-2024-skara.yaml").write_text(skara, encoding="utf-8")
    return target


def test_rows_states_contacts_and_the_groups_deadline(folder: Path) -> None:
    result = group_status(folder, today=TODAY)
    rows = {r.group: r for r in result.rows}
    assert list(rows) == ["Skövde", "Hjo", "Tibro", "Karlsborg", "Skara"]
    assert [r.in_roster for r in result.rows] == [True, True, True, True, False]
    assert rows["Skövde"].state is State.READY and rows["Skövde"].state_text() == "klar"
    assert rows["Skövde"].contact == Contact("Ordförande", "roster.skovde@example.se",
                                             ContactSource.ROSTER)  # the roster's first
    assert rows["Hjo"].state is State.ERRORS
    assert rows["Hjo"].state_text() == "inkommen med 1 fel"
    assert rows["Hjo"].contact == Contact("Ordförande, socialsekreterare barn och unga",
                                          "hjo@example.se", ContactSource.REPORT)
    assert rows["Hjo"].file_names == ["arsberattelse-2025-hjo.yaml"]
    # a valid report's contact where the roster has no address
    assert rows["Tibro"].contact == Contact("Tillförordnad ordförande, enhetschef elevhälsan",
                                            "vastbus.tibro@example.se", ContactSource.REPORT)
    assert rows["Karlsborg"].contact is None and rows["Karlsborg"].file_names == []
    assert rows["Karlsborg"].state is State.MISSING
    assert rows["Karlsborg"].state_text() == "inte inkommen"
    assert rows["Skara"].municipality is None and rows["Hjo"].municipality == "Hjo"
    # three files say 2025, one 2024: the year is 2025, the groups' deadline 1 March 2026
    assert (result.year, result.deadline, result.days_left) == (2025, dt.date(2026, 3, 1), 12)
    assert rows["Skara"].state is State.ERRORS  # not in the roster
    assert result.counts() == {State.READY: 2, State.ERRORS: 2, State.MISSING: 1}
    assert not result.ready
    assert result.today == TODAY and result.roster is not None


def test_previous_contacts_fill_in_only_where_no_address(folder: Path) -> None:
    roster = folder / "grupper.yaml"
    roster.write_text(roster.read_text(encoding="utf-8").replace(
        "    kommun: Karlsborg\n", "    kommun: Karlsborg\n    kontakt: Sekreterare\n"),
        encoding="utf-8")
    seen: list[Path] = []
    result = group_status(folder, today=TODAY, previous=EXAMPLES / "2024", progress=seen.append)
    assert sorted(p.name for p in seen) == sorted(
        p.name for p in folder.glob("arsberattelse-*.yaml"))
    rows = {r.group: r for r in result.rows}
    # the roster names a role without an address: last year's report gives one
    assert rows["Karlsborg"].contact == Contact(
        "Ordförande, socialsekreterare barn och unga", "vastbus.karlsborg@example.se",
        ContactSource.PREVIOUS)
    assert rows["Skövde"].contact is not None
    assert rows["Skövde"].contact.source is ContactSource.ROSTER
    assert rows["Tibro"].contact is not None
    assert rows["Tibro"].contact.source is ContactSource.REPORT


def test_a_roster_outside_the_folder(folder: Path, tmp_path: Path) -> None:
    outside = tmp_path / "förteckning.yaml"
    outside.write_text(ROSTER.replace("  - namn: Karlsborg\n    kommun: Karlsborg\n", ""),
                       encoding="utf-8")
    result = group_status(folder, roster=outside, today=TODAY)
    assert [r.group for r in result.rows] == ["Skövde", "Hjo", "Tibro", "Skara"]


def test_roster_deadline_and_no_reports(tmp_path: Path) -> None:
    (tmp_path / "grupper.yaml").write_text(ROSTER.replace(
        "delregion: Skaraborg", "delregion: Skaraborg\nsista_dag_grupper: 2026-02-20\n"
        "sista_dag: 2026-06-03"), encoding="utf-8")
    result = group_status(tmp_path, today=TODAY)
    # no report: the year before today's; the roster's date for the groups
    assert (result.year, result.deadline, result.days_left) == (2025, dt.date(2026, 2, 20), 3)
    assert [r.state for r in result.rows] == [State.MISSING] * 4
    later = group_status(tmp_path, today=dt.date(2026, 2, 20))
    assert later.days_left == 0


def test_a_loose_file_gives_its_group_contact_and_year(tmp_path: Path) -> None:
    (tmp_path / "grupper.yaml").write_text(ROSTER, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        "formatversion: 1\når: 2024\ngrupp:\n  namn: ' Hjo '\nkontakt:\n  roll: Ordförande\n"
        "  epost: 'hjo@example.se'\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text(
        "formatversion: 1\når: '2024'\ngrupp:\n  namn: Tibro\nkontakt:\n  roll: Samordnare\n"
        "  epost: 'x@evil.example>'\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("- en lista\n", encoding="utf-8")
    (tmp_path / "e.yaml").write_text("formatversion: 1\når: '2023'\n", encoding="utf-8")
    (tmp_path / "f.yaml").write_text("formatversion: 1\når: '2023'\n", encoding="utf-8")
    (tmp_path / "h.yaml").write_text(
        "formatversion: 1\ngrupp:\n  namn: Skara\nkontakt:\n  roll: 'FYLL I: roll'\n"
        "  epost: 's@example.se'\n", encoding="utf-8")
    (tmp_path / "g.yaml").write_text(
        "formatversion: 1\ngrupp:\n  namn: Vara\nkontakt:\n  roll: '  '\n"
        "  epost: 'FYLL I: adress'\n", encoding="utf-8")
    (tmp_path / "d.yaml").write_text(
        "formatversion: 1\ngrupp:\n  namn: Karlsborg\nkontakt:\n  epost: k@example.se\n",
        encoding="utf-8")
    result = group_status(tmp_path, today=TODAY)
    rows = {r.group: r for r in result.rows}
    assert rows["Hjo"].contact == Contact("Ordförande", "hjo@example.se", ContactSource.REPORT)
    assert rows["Tibro"].contact == Contact("Samordnare", None, ContactSource.ROSTER)
    assert rows["Karlsborg"].contact == Contact(None, "k@example.se", ContactSource.REPORT)
    assert rows["c"].in_roster is False and rows["c"].state is State.ERRORS
    assert result.year == 2024  # only a.yaml gives a year as a number; '2023' is text
    # a blank role and the template's placeholder are no contact
    assert rows["Vara"].contact is None
    assert rows["Skara"].contact == Contact(None, "s@example.se", ContactSource.REPORT)


def problem(code: str, is_error: bool) -> object:
    make = error if is_error else warning
    return make("f.yaml", 1, 1, code, "m", "h")


def row_with(*problems: object) -> GroupStatus:
    result = FileResult("f.yaml", list(problems), None)  # type: ignore[arg-type]
    return GroupStatus("G", None, True, files=[result])


@pytest.mark.parametrize(("problems", "state", "text", "counts"), [
    ((), State.READY, "klar", (0, 0, 0)),
    ((problem("ej-ifylld", True),), State.UNFILLED, "inkommen, 1 fält ej ifyllt", (0, 1, 0)),
    ((problem("ej-ifylld", True),) * 2, State.UNFILLED, "inkommen, 2 fält ej ifyllda",
     (0, 2, 0)),
    ((problem("fel-typ", True),), State.ERRORS, "inkommen med 1 fel", (1, 0, 0)),
    ((problem("fel-typ", True), problem("ej-ifylld", True), problem("personnummer", False)),
     State.ERRORS, "inkommen med 1 fel, 1 fält ej ifyllt", (1, 1, 1)),
    ((problem("fel-typ", True),) * 2 + (problem("x", False),), State.ERRORS,
     "inkommen med 2 fel", (2, 0, 1)),
    ((problem("personnummer", False),), State.READY, "klar", (0, 0, 1)),
])
def test_state_and_its_words(problems: tuple[object, ...], state: State, text: str,
                             counts: tuple[int, int, int]) -> None:
    row = row_with(*problems)
    assert row.state is state and row.state_text() == text
    assert (row.errors, row.unfilled, row.warnings) == counts
    assert len(row.problems) == len(problems)
    assert all(p.severity in (Severity.ERROR, Severity.WARNING) for p in row.problems)


def test_small_helpers() -> None:
    assert group_name_in({"grupp": {"namn": " Hjo "}}) == "Hjo"
    assert group_name_in({"grupp": {"namn": "  "}}) is None
    assert group_name_in({"grupp": {"namn": 3}}) is None
    assert group_name_in({"grupp": "Hjo"}) is None
    assert group_name_in(["grupp"]) is None
    assert sendable("a@b.se") and not sendable("a@b.se>") and not sendable("a@b")
    roster = Contact("R", None, ContactSource.ROSTER)
    report = Contact("S", "s@x.se", ContactSource.REPORT)
    assert _best(roster, report) is report and _best(roster, None) is roster
    assert _best(None, None) is None and _best(report, roster) is report
    assert Contact("Ordförande", "a@b.se", ContactSource.ROSTER).text() == "Ordförande <a@b.se>"
    assert Contact(None, "a@b.se", ContactSource.ROSTER).text() == "<a@b.se>"
    assert Contact("Ordförande", None, ContactSource.ROSTER).text() == "Ordförande"
