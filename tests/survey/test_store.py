"""Answers on disk (issue 19 item 6): a tally that spilled is the same tally.

Every fixture is tallied twice, once in memory and once with a memory budget of
one distinct cell (every field goes to the temporary database at the first
chunk), and must give the same model, the same warnings and the same bytes in
every data format. Then the large-export path: free text decided without
reading every answer into memory, listed from disk, masked on the way in.
"""

from __future__ import annotations

import csv
import io
import json
import tracemalloc
from pathlib import Path

import pytest

from tests.survey.conftest import FIXTURES, tally_files
from vastbus_cli.survey import counting
from vastbus_cli.survey.model import Tally, TextAnswer, as_json
from vastbus_cli.survey.readers.open import read_responses
from vastbus_cli.survey.render import render_bytes
from vastbus_cli.survey.spec import load_spec
from vastbus_cli.survey.store import DiskCounts, DiskTexts, Store, TextsOnDisk
from vastbus_cli.survey.tally import tally

ALL = sorted(p.name for p in FIXTURES.iterdir() if p.suffix in (".csv", ".xlsx"))
EXAMPLES = Path(__file__).parents[2] / "examples" / "enkat"


def _both(monkeypatch: pytest.MonkeyPatch, run) -> tuple[tuple[Tally, list], tuple[Tally, list]]:
    in_memory = run()
    with monkeypatch.context() as patched:
        patched.setattr(counting, "SPILL_KEYS", 1)
        on_disk = run()
    return in_memory, on_disk


def _spilled(result: Tally) -> int:
    return sum(isinstance(r.answers, DiskTexts) for q in result.questions for r in q.results)


def _same(in_memory: tuple[Tally, list], on_disk: tuple[Tally, list]) -> None:
    assert as_json(on_disk[0]) == as_json(in_memory[0])
    assert [(p.code, p.line, p.column, p.message) for p in on_disk[1]] == \
        [(p.code, p.line, p.column, p.message) for p in in_memory[1]]
    for fmt in ("json", "csv", "md"):
        assert render_bytes(on_disk[0], fmt) == render_bytes(in_memory[0], fmt), fmt


@pytest.mark.parametrize("name", ALL)
def test_a_fixture_tallies_the_same_on_disk(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    in_memory, on_disk = _both(monkeypatch, lambda: tally_files(name))
    _same(in_memory, on_disk)


def test_groups_rounds_and_a_spec_tally_the_same_on_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    spec, _ = load_spec(EXAMPLES / "spec.yaml")

    def run() -> tuple[Tally, list]:
        rounds = [read_responses(EXAMPLES / f"enkat-{year}.csv", str(year)) for year in
                  (2018, 2019)]
        return tally(rounds, spec)

    in_memory, on_disk = _both(monkeypatch, run)
    _same(in_memory, on_disk)
    assert _spilled(on_disk[0]) and not _spilled(in_memory[0])
    grouped = _both(monkeypatch, lambda: tally_files("google_forms_groups.csv", by="Grupp"))
    _same(*grouped)
    assert _spilled(grouped[1][0])


def _export(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow(["Grupp", "Hur fungerar samverkan?", "Är du nöjd?"])
        for i in range(rows):
            text = f"Svar {i}: mer samverkan behövs"
            if i == 5:
                text = "Ring mig på 070-123 45 67"
            if i == 6:
                text = "Barnet 811218-9876 fick vänta"
            writer.writerow([f"G{i % 3}", text if i % 10 else "Samma svar", ["Ja", "Nej"][i % 2]])


def test_a_large_free_text_column_is_listed_from_disk(monkeypatch: pytest.MonkeyPatch,
                                                      tmp_path: Path) -> None:
    """25 000 rows of which 22 501 distinct, with a budget of 5 000 distinct cells: the
    free-text column is decided as free text from disk, its answers are listed from disk,
    the most common first, masked as they went in; the closed column stays in memory."""
    source = tmp_path / "svar.csv"
    _export(source, 25_000)
    monkeypatch.setattr(counting, "SPILL_KEYS", 5_000)
    result, problems = tally([read_responses(source, "2026")], by="Grupp")
    free, closed = result.questions
    assert (free.kind, closed.kind) == ("text", "single")
    overall = free.result("2026", None)
    assert overall is not None and isinstance(overall.answers, DiskTexts)
    assert (len(overall.answers), overall.answered) == (22_501, 25_000)
    assert overall.answers[0] == TextAnswer(text="Samma svar", count=2_500)
    assert overall.answers[1] == TextAnswer(text="Svar 1: mer samverkan behövs", count=1)
    assert overall.answers[-1] == TextAnswer(text="Svar 24999: mer samverkan behövs", count=1)
    texts = [a.text for a in overall.answers]
    assert "Ring mig på 070-123 45 67" not in texts and "Barnet 811218-9876 fick vänta" not in texts
    assert any(t.startswith("Ring mig på ") for t in texts)
    assert any(t.startswith("Barnet ") and "9876" not in t for t in texts)
    group = free.result("2026", "G1")
    assert group is not None and len(group.answers) == 7_501  # "Samma svar" + 7 500 distinct
    assert {o.label: o.count for o in closed.results[0].options} == {"Ja": 12_500, "Nej": 12_500}
    codes = sorted(p.code for p in problems)
    assert codes == ["kontaktuppgift", "personnummer"], [p.message for p in problems]
    assert next(p for p in problems if p.code == "personnummer").line == 8  # header is line 1
    data = json.loads(render_bytes(result, "json"))
    listed = data["questions"][0]["results"][0]["answers"]
    assert len(listed) == 22_501 and listed[0] == {"text": "Samma svar", "count": 2_500}


def test_disk_texts_read_as_the_list_they_replace() -> None:
    store = Store()
    texts = TextsOnDisk(store, str.upper)
    for text, n in [("b", 1), ("a", 2), ("c", 1), ("b", 1), ("d", 3)]:
        texts.add(text, n)
    listed = texts.finish()
    # as Counter.most_common: by count, ties in the order first seen
    expected = [TextAnswer(text=t, count=n) for t, n in [("D", 3), ("B", 2), ("A", 2), ("C", 1)]]
    assert list(listed) == expected and listed == expected and len(listed) == 4
    assert listed[1:3] == expected[1:3] and listed[-1] == expected[-1] and listed[::2] == expected[::2]
    assert listed[5:] == [] and listed[:0] == []
    with pytest.raises(IndexError):
        listed[4]
    assert (listed.total, listed.contacts) == (8, 8)  # every text was changed by `shown`


def test_disk_counts_read_as_the_counter_they_replace() -> None:
    counts = DiskCounts(Store())
    counts.add([(("G1", ("x", (), "")), 2), ((None, ("y", ("A", "B"), "annat")), 1)])
    counts.add([(("G1", ("x", (), "")), 3), (("G2", ("x", (), "")), 1)])
    assert list(counts.items()) == [(("G1", ("x", (), "")), 5),
                                    ((None, ("y", ("A", "B"), "annat")), 1),
                                    (("G2", ("x", (), "")), 1)]
    assert (len(counts), counts.total(), bool(counts)) == (3, 7, True)
    assert counts[("G1", ("x", (), ""))] == 5 and counts[("G3", ("x", (), ""))] == 0
    assert list(counts.for_group("G2")) == [(("x", (), ""), 1)]


def test_the_csv_of_a_spilled_tally_is_streamed_row_by_row(monkeypatch: pytest.MonkeyPatch,
                                                           tmp_path: Path) -> None:
    source = tmp_path / "svar.csv"
    _export(source, 30)
    monkeypatch.setattr(counting, "SPILL_KEYS", 1)
    result, _ = tally([read_responses(source, "2026")])
    rows = list(csv.reader(io.StringIO(render_bytes(result, "csv").decode("utf-8-sig"))))
    free = [r for r in rows[1:] if r[3] == "Hur fungerar samverkan?"]
    assert len(free) == 28 and free[0][4:6] == ["Samma svar", "3"]


def test_the_command_writes_a_spilled_tally_straight_to_the_file(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """json, csv and xlsx are streamed to the output file: the same bytes as in memory."""
    from openpyxl import load_workbook
    from typer.testing import CliRunner

    from vastbus_cli.cli import app

    source = tmp_path / "svar å.csv"
    _export(source, 40)
    expected = {fmt: render_bytes(tally([read_responses(source, "svar å")])[0], fmt)
                for fmt in ("json", "csv")}
    monkeypatch.setattr(counting, "SPILL_KEYS", 1)
    for fmt in ("json", "csv", "xlsx"):
        target = tmp_path / f"ut.{fmt}"
        result = CliRunner().invoke(app, ["tally", str(source), "-o", str(target)])
        assert result.exit_code == 0, result.output
        if fmt == "xlsx":
            rows = list(load_workbook(target, read_only=True)["Fritext"].values)
            assert len(rows) == 1 + 37 and rows[1][4:6] == ("Samma svar", 4)
        else:
            assert target.read_bytes() == expected[fmt], fmt


def test_a_full_disk_under_the_answers_is_a_swedish_error_and_nothing_is_written(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """SQLite's page limit stands in for a full temporary folder: "database or disk is full"."""
    from typer.testing import CliRunner

    from vastbus_cli.cli import app

    source = tmp_path / "svar.csv"
    _export(source, 3_000)
    target = tmp_path / "ut.json"
    target.write_text("förra årets", encoding="utf-8")
    monkeypatch.setattr(counting, "SPILL_KEYS", 10)
    monkeypatch.setattr(Store, "PRAGMAS", (*Store.PRAGMAS, "max_page_count = 12"))
    result = CliRunner().invoke(app, ["tally", str(source), "-o", str(target), "--force"])
    assert result.exit_code == 1, result.output
    said = " ".join(result.output.split())
    assert ("fel: Svaren är för många för att hållas i minnet och skrivs därför till en "
            "tillfällig fil, men den kunde inte skrivas: disken är full.") in said
    assert "→ Frigör utrymme på disken med mappen för tillfälliga filer" in said
    assert "Traceback" not in result.output and "internt fel" not in result.output
    assert target.read_text(encoding="utf-8") == "förra årets"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["svar.csv", "ut.json"]  # no temp file


def _traced_peak(source: Path, target: Path) -> int:
    from vastbus_cli.survey.render import write_to

    tracemalloc.start()
    try:
        result, _ = tally([read_responses(source, "2026")])
        with target.open("wb") as out:
            write_to(result, "json", out)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_stays_flat_however_many_answers_there_are(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path) -> None:
    """Counted, tallied and written to JSON: twice the answers on disk take no more memory,
    and a fraction of what the same answers take in memory (Python's allocations, traced).
    At a tenth of the real scale: a budget of 500 cells, batches of 500, free text decided
    from disk past 1 000 distinct answers (the real ones: 100 000, 20 000, 20 000)."""
    from vastbus_cli.survey import kinds, store

    small, large = tmp_path / "small.csv", tmp_path / "large.csv"
    _export(small, 6_000)
    _export(large, 12_000)
    monkeypatch.setattr(kinds, "_FREE_TEXT_DISTINCT", 1_000)
    in_memory = _traced_peak(large, tmp_path / "a.json")
    monkeypatch.setattr(counting, "SPILL_KEYS", 500)
    monkeypatch.setattr(store, "_BATCH", 500)
    on_disk = _traced_peak(small, tmp_path / "b.json")
    twice = _traced_peak(large, tmp_path / "c.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "c.json").read_bytes()
    assert twice < in_memory / 3, (twice, in_memory)  # measured: 1.4 MB against 5.9 MB
    assert twice < 1.2 * on_disk, (twice, on_disk)
