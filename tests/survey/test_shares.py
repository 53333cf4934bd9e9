"""Every format shows a share and a change as the Word report does.

Three rounds chosen for the rounding: 5 of 11 (45,45… %: the tally's one-decimal 45,5
must not be rounded again to 46 %), 1 of 8 (12,5 %: half away from zero, 13 % as Excel's
'0%' shows it, not Python's 12 %) and 1 of 400 (0,25 %: one decimal from 100 answers).
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from rich.console import Console

from tests.survey.conftest import tally_files
from vastbus_cli.survey.model import Tally
from vastbus_cli.survey.render import render_bytes
from vastbus_cli.survey.render.common import points_change, share, shown_change
from vastbus_cli.survey.render.table import print_tally
from vastbus_cli.survey.spec import load_spec

SPEC = """\
enkät: Avrundning
frågor:
  - id: rutin
    text: Finns en rutin?
    typ: enkelval
    alternativ: [Ja, Nej]
"""
ROUNDS = ((5, 11), (1, 8), (1, 400))  # (Ja, answered)


@pytest.fixture(scope="module")
def rounding(tmp_path_factory: pytest.TempPathFactory) -> Tally:
    return _tally(tmp_path_factory.mktemp("shares"), ROUNDS)


def _tally(folder: Path, rounds: tuple[tuple[int, int], ...]) -> Tally:
    files: list[str | Path] = []
    for index, (ja, answered) in enumerate(rounds, start=1):
        path = folder / f"omgang{index}.csv"
        path.write_text("Finns en rutin?\n" + "Ja\n" * ja + "Nej\n" * (answered - ja),
                        encoding="utf-8")
        files.append(path)
    (folder / "spec.yaml").write_text(SPEC, encoding="utf-8")
    spec, problems = load_spec(folder / "spec.yaml")
    assert spec is not None, problems
    return tally_files(*files, spec=spec)[0]


# the figures the Word report shows, per round: Ja, Nej, and the change since the last round
EXPECTED = [("45\xa0%", "55\xa0%", None, None),
            ("13\xa0%", "88\xa0%", "−33", "+33"),
            ("0,3\xa0%", "99,8\xa0%", "−12", "+12")]


def test_share_rounds_half_away_from_zero() -> None:
    assert share(12.5, 0) == "13\xa0%"  # 1 of 8
    assert share(100 * 3 / 8, 0) == "38\xa0%"
    assert share(0.25, 1) == "0,3\xa0%"  # 1 of 400
    assert share(100 * 23 / 2000, 1) == "1,2\xa0%"  # 1,15 %, not 1,1499… → 1,1
    assert share(None, 0) == "–"
    # the exact difference rounded as the shares are (−32,95), not 13 − 45 = −32: so "Ja"
    # and "Nej" change by the same 33 points, and one answer of 7 is always 14 points
    assert points_change(100 * 5 / 11, 12.5, 0) == "−33"
    assert points_change(100 / 7, 100 / 7, 0) == "±0"
    assert points_change(28.54, 42.86, 1) == "+14,3"  # 14,32 (42,9 − 28,5 would be 14,4)
    assert points_change(100 / 7, 200 / 7, 0) == "+14"  # 29 % − 14 % would say +15
    assert points_change(200 / 7, 500 / 7, 0) == "+43"  # 71 % − 29 % would say +42
    assert shown_change(100 * 5 / 11, 12.5, 0) == pytest.approx(12.5 - 500 / 11)
    assert shown_change(None, 12.5, 0) is None


def test_word_report(rounding: Tally) -> None:
    """Three rounds side by side were nine columns on A4, the change headers hyphenated down
    seven lines: each option now heads a line per round, as the matrix does."""
    doc = Document(io.BytesIO(render_bytes(rounding, "docx")))
    table = next(t for t in doc.tables if t.cell(0, 0).text == "Alternativ / omgång")
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows == [
        ["Alternativ / omgång", "Antal", "Andel", "Förändring (procentenheter)"],
        ["Ja", "", "", ""],
        ["r1", "5", "45\xa0%", ""], ["r2", "1", "13\xa0%", "−33"], ["r3", "1", "0,3\xa0%", "−12"],
        ["Nej", "", "", ""],
        ["r1", "6", "55\xa0%", ""], ["r2", "7", "88\xa0%", "+33"],
        ["r3", "399", "99,8\xa0%", "+12"],
        ["Svarande (bas)", "", "", ""], ["r1", "11", "", ""], ["r2", "8", "", ""],
        ["r3", "400", "", ""]]
    # the heading lines are bold and kept with the lines under them; a round's line is not
    bold = [all(run.bold for p in row.cells[0].paragraphs for run in p.runs) and
            row.cells[0].paragraphs[0].paragraph_format.keep_with_next
            for row in table.rows[1:]]
    assert [i for i, b in enumerate(bold) if b] == [0, 4, 8]


def test_word_report_two_rounds_side_by_side(tmp_path: Path) -> None:
    doc = Document(io.BytesIO(render_bytes(_tally(tmp_path, ROUNDS[:2]), "docx")))
    table = next(t for t in doc.tables if t.cell(0, 0).text == "Alternativ")
    assert [c.text for c in table.rows[0].cells] == [
        "Alternativ", "r1 antal", "r1 andel", "r2 antal", "r2 andel",
        "Förändring (procentenheter)"]
    assert [c.text for c in table.rows[1].cells] == ["Ja", "5", "45\xa0%", "1", "13\xa0%", "−33"]


def test_markdown(rounding: Tally) -> None:
    text = render_bytes(rounding, "md").decode("utf-8")
    assert ("| Alternativ | r1 antal | r1 andel | r2 antal | r2 andel | Förändring r2 "
            "(procentenheter) | r3 antal | r3 andel | Förändring r3 (procentenheter) |") in text
    assert "| Ja | 5 | 45\xa0% | 1 | 13\xa0% | −33 | 1 | 0,3\xa0% | −12 |" in text
    assert "| Nej | 6 | 55\xa0% | 7 | 88\xa0% | +33 | 399 | 99,8\xa0% | +12 |" in text


def test_terminal(rounding: Tally) -> None:
    console = Console(file=io.StringIO(), width=160, color_system=None)
    print_tally(rounding, console)
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    cells = {c[0]: c for c in ([p.strip() for p in line.split("│")] for line in lines)
             if c[0] in ("Ja", "Nej")}
    assert cells["Ja"][1:] == ["5", "45\xa0% ████▌", "1", "13\xa0% █▎", "−33", "1",
                               "0,3\xa0%", "−12"]
    assert [cells["Nej"][i] for i in (1, 3, 5, 6, 8)] == ["6", "7", "+33", "399", "+12"]
    assert cells["Nej"][2].startswith("55\xa0% ") and cells["Nej"][7].startswith("99,8\xa0% ")
    heading = "\n".join(lines)
    assert "Förändring r2" in heading and "(procentenheter)" in heading


def test_terminal_three_rounds_in_80_columns_a_line_per_round(rounding: Tally) -> None:
    """Side by side three rounds need ~100 columns: rich squeezed the options' names to
    nothing. In 80 columns each option heads a line per round (count, share, change)."""
    console = Console(file=io.StringIO(), width=80, color_system=None)
    print_tally(rounding, console)
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    rows = [[c.strip() for c in line.split("│")] for line in lines if "│" in line]
    assert rows == [
        ["Ja", "", "", ""],
        ["r1", "5", "45\xa0% ████▌", ""],
        ["r2", "1", "13\xa0% █▎", "−33"],
        ["r3", "1", "0,3\xa0%", "−12"],
        ["Nej", "", "", ""],
        ["r1", "6", "55\xa0% █████▌", ""],
        ["r2", "7", "88\xa0% ████████▊", "+33"],
        ["r3", "399", "99,8\xa0% ██████████", "+12"],
        ["Svarande (bas)", "", "", ""], ["r1", "11", "", ""], ["r2", "8", "", ""],
        ["r3", "400", "", ""],
        ["Ej svar", "", "", ""], ["r1", "0", "", ""], ["r2", "0", "", ""], ["r3", "0", "", ""]]
    assert any(line.startswith("Alternativ / omgång") for line in lines)
    assert "förändring: skillnaden i procentenheter mot omgången före." in map(str.strip, lines)
    assert max(len(line) for line in lines if "│" in line or "┃" in line) <= 80
    # where the rounds fit side by side they stay so (the test above, 160 columns)
    wide = Console(file=io.StringIO(), width=160, color_system=None)
    print_tally(rounding, wide)
    assert "Alternativ / omgång" not in wide.file.getvalue()  # type: ignore[attr-defined]


def test_excel_exact_fractions_shown_as_in_word(rounding: Tally) -> None:
    sheet = load_workbook(io.BytesIO(render_bytes(rounding, "xlsx")))["Frågor"]
    rows = {r[0].value: r for r in sheet.iter_rows() if r[0].value in ("Alternativ", "Ja")}
    assert [c.value for c in rows["Alternativ"][:10]] == [
        "Alternativ", "r1 antal", "r1 andel", None, "r2 antal", "r2 andel",
        "Förändring r2 (procentenheter)", "r3 antal", "r3 andel",
        "Förändring r3 (procentenheter)"]
    # 'Förändring r2' / '(procentenheter)': the row is as high as its two lines
    assert sheet.row_dimensions[rows["Alternativ"][0].row].height == 30
    ja = rows["Ja"]
    assert [c.value for c in ja[1:10]] == [5, pytest.approx(5 / 11), None, 1, 1 / 8,
                                    pytest.approx(12.5 - 500 / 11), 1, 1 / 400,
                                    pytest.approx(0.25 - 12.5)]
    # the change is exact: recalculated from the shares beside it, it agrees
    assert ja[6].value == pytest.approx(100 * (ja[5].value - ja[2].value))
    assert [ja[i].number_format for i in (2, 5, 8)] == ["0%", "0%", "0.0%"]
    assert ja[6].number_format == ja[9].number_format == '+0;"−"0;"±"0'  # whole points


def test_json_and_csv_keep_the_tally_figures(rounding: Tally) -> None:
    """JSON and CSV are data: the tally's one-decimal figures, not the display rounding,
    rounded as Excel rounds (half away from zero: 1 of 400 is 0.3, Python's round gave 0.2)."""
    import json

    options = json.loads(render_bytes(rounding, "json"))["questions"][0]["results"][1]["options"]
    assert options[0] == {"label": "Ja", "count": 1, "percent": 12.5, "change": -33.0,
                          "mean_rank": None}
    lines = render_bytes(rounding, "csv").decode("utf-8-sig").splitlines()
    assert "r1,Totalt,rutin,Finns en rutin?,Ja,5,11,45.5" in lines
    assert "r3,Totalt,rutin,Finns en rutin?,Ja,1,400,0.3" in lines


def test_terminal_in_a_cp1252_console(example: Tally) -> None:
    """A Windows console in cp1252 has no block glyphs: '#' bars, never '?????'."""
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="cp1252", errors="replace")  # − has no cp1252
    print_tally(example, Console(file=stream, width=80, color_system=None))
    stream.flush()
    text = raw.getvalue().decode("cp1252")
    row = next(line for line in text.splitlines() if line.startswith("Ja, i den"))
    assert [c.strip() for c in row.split("|")][1:] == ["3", "43\xa0% ####", "4",
                                                       "57\xa0% ######", "+14"]
    rows = [line for line in text.splitlines() if "|" in line]
    # only the minus signs are '?' here (the CLI's own error handler writes them as '-')
    assert not any("?" in re.sub(r"\?(?=\d)", "", line) for line in rows)
    assert max(len(line) for line in rows) <= 80


def test_from_100_answers_one_decimal_everywhere(tmp_path: Path) -> None:
    """57 of 200 and 100 of 300: 28,5 % → 33,3 %, +4,8 percentage points in every format."""
    large = _tally(tmp_path, ((57, 200), (100, 300)))
    row = "| Ja | 57 | 28,5\xa0% | 100 | 33,3\xa0% | +4,8 |"
    assert row in render_bytes(large, "md").decode("utf-8")
    doc = Document(io.BytesIO(render_bytes(large, "docx")))
    table = next(t for t in doc.tables if t.cell(0, 0).text == "Alternativ")
    assert [c.text for c in table.rows[1].cells] == ["Ja", "57", "28,5\xa0%", "100", "33,3\xa0%",
                                                      "+4,8"]
    sheet = load_workbook(io.BytesIO(render_bytes(large, "xlsx")))["Frågor"]
    ja = next(r for r in sheet.iter_rows() if r[0].value == "Ja")
    assert [c.value for c in ja[1:7]] == [57, 57 / 200, None, 100, pytest.approx(1 / 3),
                                    pytest.approx(100 / 3 - 28.5)]
    assert [ja[i].number_format for i in (2, 5, 6)] == ["0.0%", "0.0%", '+0.0;"−"0.0;"±"0.0']


def test_the_tally_rounds_halves_up_as_excel_does() -> None:
    """Python's round(0.25, 1) is 0.2 and round(12.5) is 12; the tally's figures are 0.3 and
    12.5 → 13 as Excel shows the same fraction, and 1.15 stays 1.2 (not the float's 1.1499…)."""
    from vastbus_cli.survey.model import RoundInfo
    from vastbus_cli.survey.rounding import rounded

    assert (rounded(0.25, 1), rounded(12.5, 0), rounded(1.15, 1), rounded(-0.25, 1)) == (
        0.3, 13.0, 1.2, -0.3)
    assert RoundInfo(label="r", source="s", respondents=1, expected=400).response_rate == 0.3


def test_a_mean_of_long_numbers_rounds_and_a_number_too_long_for_a_float_is_text(
        tmp_path: Path) -> None:
    """A 29-digit answer in a number column: its mean needs more than decimal's default 28
    digits, and the tally ended in "internt fel" (found by the tally fuzzer). 400 nines are
    no float at all (inf): they are text, not a sum of infinity."""
    from vastbus_cli.survey.rounding import half_up, rounded

    assert str(half_up(1.2345678901234568e28, 2)) == "12345678901234568000000000000.00"
    assert rounded(4.115226300411523e27, 2) == 4.115226300411523e27
    assert not half_up(float("inf"), 1).is_finite()
    long = tmp_path / "långa tal.csv"
    long.write_text("Antal möten?\n12345678901234567890123456789\n2\n3\n", encoding="utf-8")
    result, _ = tally_files(long)
    stats = result.questions[0].results[0].stats
    assert result.questions[0].kind == "number" and stats is not None
    assert (stats.n, stats.median, stats.min) == (3, 3.0, 2.0)
    assert stats.mean == pytest.approx(12345678901234567890123456794 / 3)
    nines = tmp_path / "nior.csv"
    nines.write_text("Antal möten?\n" + "9" * 400 + "\n2\n3\n", encoding="utf-8")
    result, _ = tally_files(nines)
    assert result.questions[0].kind == "text"
    for fmt in ("md", "json", "csv", "xlsx", "docx"):
        assert render_bytes(result, fmt)
