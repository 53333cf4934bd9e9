"""A matrix question (Likert grid) is one table: a line per statement, a column per step.

SurveyMonkey's, Qualtrics' and LimeSurvey's matrices (the fixtures in their exact bytes)
in every format, cell by cell; the rows stay one group through --infer-spec and --spec.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from goldenfile import matches_golden
from rich.console import Console

from tests.survey.conftest import FIXTURES, tally_files
from vastbus_cli.survey.infer import spec_yaml
from vastbus_cli.survey.model import Matrix, Tally, blocks
from vastbus_cli.survey.render import render_bytes
from vastbus_cli.survey.render.docx import ReportOptions
from vastbus_cli.survey.render.table import print_tally
from vastbus_cli.survey.spec import load_spec

NBSP = "\xa0"
MONKEY = "Hur nöjd är du med följande?"
QUALTRICS = "Hur väl stämmer påståendena?"


def _matrices(result: Tally) -> list[tuple[str, list[tuple[str, str | None]]]]:
    return [(b.text, [(q.id, q.matrix_row) for q in b.rows]) for b in blocks(result.questions)
            if isinstance(b, Matrix)]


def _second_round(tmp_path: Path) -> Path:
    """The SurveyMonkey export a year later: one answer changed, the sixth respondent rates."""
    lines = (FIXTURES / "surveymonkey_matrix.csv").read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].replace(",Missnöjd,,", ",Mycket nöjd,Nöjd,")
    lines[7] = lines[7].replace(",Vet inte,,,", ",Vet inte,Nöjd,Missnöjd,")
    path = tmp_path / "svar 2025 åäö.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    return path


def test_the_rows_of_each_matrix_are_one_group() -> None:
    monkey, _ = tally_files("surveymonkey_matrix.csv")
    assert _matrices(monkey) == [(MONKEY, [("f2", "Information"), ("f3", "Utbildning")])]
    qualtrics, _ = tally_files("qualtrics_matrix.csv")
    # the slider and the side-by-side's comment column are rows too, but no table of shares
    assert _matrices(qualtrics) == [
        (QUALTRICS, [("f1", "Samverkan fungerar"), ("f2", "Rutinerna är kända")]),
        ("Bedöm insatserna - Betyg", [("f6", "Information"), ("f7", "Utbildning")])]
    assert [(q.id, q.matrix) for q in qualtrics.questions if q.kind in ("number", "text")] == [
        ("f3", "Hur stor del av tiden går till samverkan?"),
        ("f8", "Bedöm insatserna - Kommentar"), ("f9", "Bedöm insatserna - Kommentar")]
    lime, _ = tally_files("limesurvey_arrays.csv")
    assert _matrices(lime) == [("q1", [("f1", "SQ001"), ("f2", "SQ002")])]


def test_json_adds_the_matrix_and_keeps_every_key() -> None:
    monkey, _ = tally_files("surveymonkey_matrix.csv")
    data = json.loads(render_bytes(monkey, "json"))
    first, row = data["questions"][0], data["questions"][1]
    assert list(row) == ["id", "text", "section", "kind", "mandatory", "results", "matrix",
                         "matrix_row"]
    assert (first["matrix"], first["matrix_row"]) == (None, None)
    assert (row["text"], row["section"], row["matrix"], row["matrix_row"]) == (
        f"{MONKEY} [Information]", None, MONKEY, "Information")
    assert [(o["label"], o["count"], o["percent"]) for o in row["results"][0]["options"]] == [
        ("Mycket nöjd", 1, 20.0), ("Nöjd", 3, 60.0), ("Missnöjd", 1, 20.0)]
    csv = render_bytes(monkey, "csv").decode("utf-8-sig").splitlines()
    assert [line for line in csv if line.startswith("r1,Totalt,f3,")] == [
        f"r1,Totalt,f3,{MONKEY} [Utbildning],Mycket nöjd,2,4,50.0",
        f"r1,Totalt,f3,{MONKEY} [Utbildning],Nöjd,2,4,50.0"]


def test_the_spec_carries_the_matrix_both_ways(tmp_path: Path) -> None:
    plain, _ = tally_files("surveymonkey_matrix.csv")
    text = spec_yaml(plain)
    assert f"  text: {MONKEY} [Information]\n  matris: {MONKEY}\n" in text
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_text(text, encoding="utf-8")
    spec, problems = load_spec(spec_file)
    assert spec is not None and problems == []
    again, _ = tally_files("surveymonkey_matrix.csv", spec=spec)
    assert _matrices(again) == [(MONKEY, [("hur-nojd-ar-du", "Information"),
                                          ("hur-nojd-ar-du-f3", "Utbildning")])]
    # a spec written before 'matris' existed: the export still shows which rows are a matrix
    spec_file.write_text("\n".join(line for line in text.splitlines()
                                   if not line.startswith("  matris:")), encoding="utf-8")
    spec, problems = load_spec(spec_file)
    assert spec is not None and problems == []
    again, _ = tally_files("surveymonkey_matrix.csv", spec=spec)
    assert _matrices(again) == [(MONKEY, [("hur-nojd-ar-du", "Information"),
                                          ("hur-nojd-ar-du-f3", "Utbildning")])]


def test_a_hand_written_spec_names_the_matrix_and_its_scale(tmp_path: Path) -> None:
    spec_file = tmp_path / "spec.yaml"
    spec_file.write_text(
        "enkät: Uppföljning\nrespondentkolumn: Respondent ID\nfrågor:\n"
        + "".join(f"  - id: {ident}\n    avsnitt: Samverkan\n    matris: {MONKEY}\n"
                  f"    text: '{MONKEY} [{row}]'\n    typ: enkelval\n    obligatorisk: true\n"
                  "    alternativ: [Mycket nöjd, Nöjd, Missnöjd]\n"
                  for ident, row in (("info", "Information"), ("utb", "Utbildning"))),
        encoding="utf-8")
    spec, problems = load_spec(spec_file)
    assert spec is not None, problems
    result, _ = tally_files("surveymonkey_matrix.csv", spec=spec)
    text = render_bytes(result, "md").decode("utf-8")
    assert (
        f"### {MONKEY}\n\n*info, utb · matris, enkelval, obligatorisk*\n\n"
        "| Påstående | Mycket nöjd | Nöjd | Missnöjd | Svarande (bas) | Ej svar |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: |\n"
        f"| Information | 20{NBSP}% (1) | 60{NBSP}% (3) | 20{NBSP}% (1) | 5 | 1 |\n"
        f"| Utbildning | 50{NBSP}% (2) | 50{NBSP}% (2) | 0{NBSP}% (0) | 4 | 2 |\n") in text
    blanks = ["Information – r1: 11500000006", "Utbildning – r1: 11500000004, 11500000006"]
    assert "Obligatorisk fråga utan svar från:\n\n" + "".join(f"- {b}\n" for b in blanks) in text
    from tests.survey.test_report import outline

    word = outline(render_bytes(result, "docx"))
    assert "".join(f"List Bullet: {b}\n" for b in blanks) in word


def _md(*names: str | Path) -> str:
    return render_bytes(tally_files(*names)[0], "md").decode("utf-8")


def test_markdown_one_table_per_matrix() -> None:
    assert (
        f"### {MONKEY}\n\n*f2, f3 · matris, enkelval*\n\n"
        "| Påstående | Mycket nöjd | Nöjd | Missnöjd | Svarande (bas) | Ej svar |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: |\n"
        f"| Information | 20{NBSP}% (1) | 60{NBSP}% (3) | 20{NBSP}% (1) | 5 | 1 |\n"
        f"| Utbildning | 50{NBSP}% (2) | 50{NBSP}% (2) | – | 4 | 2 |\n\n"
        "*Andel av dem som svarat på påståendet (antal inom parentes).*\n") \
        in _md("surveymonkey_matrix.csv")
    qualtrics = _md("qualtrics_matrix.csv")
    assert (
        "| Påstående | 2 | 3 | 4 | 5 | Svarande (bas) | Ej svar |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        f"| Samverkan fungerar | 20{NBSP}% (1) | – | 60{NBSP}% (3) | 20{NBSP}% (1) | 5 | 0 |\n"
        f"| Rutinerna är kända | 20{NBSP}% (1) | 60{NBSP}% (3) | 20{NBSP}% (1) | – | 5 | 0 |\n"
    ) in qualtrics
    assert (
        "| Påstående | Bra | Godkänd | Svarande (bas) | Ej svar |\n"
        "| --- | ---: | ---: | ---: | ---: |\n"
        f"| Information | 60{NBSP}% (3) | 40{NBSP}% (2) | 5 | 0 |\n"
        f"| Utbildning | 50{NBSP}% (2) | 50{NBSP}% (2) | 4 | 1 |\n") in qualtrics
    assert "### Hur väl stämmer påståendena? \\[Samverkan fungerar]" not in qualtrics
    assert "### Bedöm insatserna - Kommentar \\[Information]" in qualtrics  # free text as before
    # LimeSurvey's answer codes A2-A5 in the scale's order, not by count
    assert (
        "| Påstående | A2 | A3 | A4 | A5 | Svarande (bas) | Ej svar |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n"
        f"| SQ001 | – | 20{NBSP}% (1) | 60{NBSP}% (3) | 20{NBSP}% (1) | 5 | 0 |\n"
        f"| SQ002 | 20{NBSP}% (1) | – | 60{NBSP}% (3) | 20{NBSP}% (1) | 5 | 0 |\n"
    ) in _md("limesurvey_arrays.csv")


def test_markdown_two_rounds_a_line_per_round_and_the_change(tmp_path: Path) -> None:
    text = _md("surveymonkey_matrix.csv", _second_round(tmp_path))
    assert (
        "| Påstående / omgång | Mycket nöjd | Nöjd | Missnöjd | Svarande (bas) | Ej svar |\n"
        "| --- | ---: | ---: | ---: | ---: | ---: |\n"
        "| **Information** |  |  |  |  |  |\n"
        f"| r1 | 20{NBSP}% (1) | 60{NBSP}% (3) | 20{NBSP}% (1) | 5 | 1 |\n"
        f"| r2 | 33{NBSP}% (2) | 67{NBSP}% (4) | 0{NBSP}% (0) | 6 | 0 |\n"
        "| Förändring (procentenheter) | +13 | +7 | −20 |  |  |\n"
        "| **Utbildning** |  |  |  |  |  |\n"
        f"| r1 | 50{NBSP}% (2) | 50{NBSP}% (2) | 0{NBSP}% (0) | 4 | 2 |\n"
        f"| r2 | 33{NBSP}% (2) | 50{NBSP}% (3) | 17{NBSP}% (1) | 6 | 0 |\n"
        "| Förändring (procentenheter) | −17 | ±0 | +17 |  |  |\n") in text


def _terminal(*names: str | Path, by: str | None = None) -> list[str]:
    stream = io.StringIO()
    print_tally(tally_files(*names, by=by)[0], Console(file=stream, width=80, color_system=None))
    return stream.getvalue().splitlines()


def test_terminal_one_table_in_80_columns(tmp_path: Path) -> None:
    lines = _terminal("surveymonkey_matrix.csv", _second_round(tmp_path))
    start = lines.index(f"f2, f3  {MONKEY} (matris, enkelval)")
    assert lines[start + 1].split("┃")[0].strip() == "Påstående / omgång"
    table = lines[start + 1:start + 13]
    assert [[c.strip() for c in line.split("│")] for line in table
            if "│" in line and "─" not in line] == [
        ["Information", "", "", "", ""],
        ["r1", f"20{NBSP}% (1)", f"60{NBSP}% (3)", f"20{NBSP}% (1)", "5"],
        ["r2", f"33{NBSP}% (2)", f"67{NBSP}% (4)", f"0{NBSP}% (0)", "6"],
        ["förändring", "+13", "+7", "−20", ""],
        ["Utbildning", "", "", "", ""],
        ["r1", f"50{NBSP}% (2)", f"50{NBSP}% (2)", f"0{NBSP}% (0)", "4"],
        ["r2", f"33{NBSP}% (2)", f"50{NBSP}% (3)", f"17{NBSP}% (1)", "6"],
        ["förändring", "−17", "±0", "+17", ""]]
    assert max(len(line) for line in lines if "│" in line or "┃" in line) <= 80
    assert not any(line.startswith(f"f2  {MONKEY}") for line in lines)


def test_terminal_a_long_statement_wraps_within_80_columns() -> None:
    lines = _terminal("qualtrics_matrix.csv", "qualtrics_matrix.csv")
    rows = [line for line in lines if "│" in line or "┃" in line]
    assert max(len(line) for line in rows) <= 80
    assert any(line.startswith("Samverkan ") for line in rows)


def test_by_group_the_overall_matrix_then_each_statement_by_group() -> None:
    result, _ = tally_files("limesurvey_arrays.csv", by="grupp")
    text = render_bytes(result, "md").decode("utf-8")
    matrix = text.split("### q1\n")[1].split("### q2")[0]
    assert matrix.index("**Totalt**") < matrix.index(
        f"| SQ001 | – | 20{NBSP}% (1) | 60{NBSP}% (3) | 20{NBSP}% (1) | 5 | 0 |") \
        < matrix.index("#### SQ001") < matrix.index(
        "| Alternativ | Totalt | Fyrbodal \\* | Göteborg \\* | Skaraborg \\* | Södra Älvsborg \\* "
        "| VVG \\* |") < matrix.index("#### SQ002")
    assert f"| A4 | 3 (60{NBSP}%) | 0 | 1 | 1 | 1 | 0 |" in matrix.split("#### SQ002")[1]
    lines = _terminal("limesurvey_arrays.csv", by="grupp")
    assert "f1, f2  q1 (matris, enkelval)" in lines
    assert lines.index("f1  SQ001") < lines.index("f2  SQ002")


def _word(*names: str | Path) -> str:
    from tests.survey.test_report import outline

    report = render_bytes(tally_files(*names)[0], "docx",
                          ReportOptions(date=dt.date(2026, 12, 3)))
    return outline(report)


def _section(outline: str, heading: str) -> list[str]:
    lines = outline.splitlines()
    start = lines.index(f"Heading 2: {heading}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("Heading")),
               len(lines))
    return lines[start:end]


def test_word_one_table_and_one_chart_per_matrix() -> None:
    assert _section(_word("surveymonkey_matrix.csv"), MONKEY) == [
        f"Heading 2: {MONKEY}",
        "Normal: Matris, enkelval",
        "Påstående | Mycket nöjd | Nöjd | Missnöjd | Svarande (bas)",
        f"Information | 20{NBSP}% (1) | 60{NBSP}% (3) | 20{NBSP}% (1) | 5",
        f"Utbildning | 50{NBSP}% (2) | 50{NBSP}% (2) | – | 4",
        "Normal: Andel av dem som svarat på påståendet, antal inom parentes.",
        "[diagram]"]
    qualtrics = _word("qualtrics_matrix.csv")
    assert _section(qualtrics, "Bedöm insatserna - Betyg") == [
        "Heading 2: Bedöm insatserna - Betyg",
        "Normal: Matris, enkelval",
        "Påstående | Bra | Godkänd | Svarande (bas)",
        f"Information | 60{NBSP}% (3) | 40{NBSP}% (2) | 5",
        f"Utbildning | 50{NBSP}% (2) | 50{NBSP}% (2) | 4",
        "Normal: Andel av dem som svarat på påståendet, antal inom parentes.",
        "[diagram]"]
    # four steps: still one chart, a 100 % bar per statement (was a chart per statement)
    assert _section(qualtrics, QUALTRICS)[2:] == [
        "Påstående | 2 | 3 | 4 | 5 | Svarande (bas)",
        f"Samverkan fungerar | 20{NBSP}% (1) | – | 60{NBSP}% (3) | 20{NBSP}% (1) | 5",
        f"Rutinerna är kända | 20{NBSP}% (1) | 60{NBSP}% (3) | 20{NBSP}% (1) | – | 5",
        "Normal: Andel av dem som svarat på påståendet, antal inom parentes.",
        "[diagram]"]
    assert f"Heading 2: {QUALTRICS} [Samverkan fungerar]" not in qualtrics
    assert _section(_word("limesurvey_arrays.csv"), "q1")[2:5] == [
        "Påstående | A2 | A3 | A4 | A5 | Svarande (bas)",
        f"SQ001 | – | 20{NBSP}% (1) | 60{NBSP}% (3) | 20{NBSP}% (1) | 5",
        f"SQ002 | 20{NBSP}% (1) | – | 60{NBSP}% (3) | 20{NBSP}% (1) | 5"]


def _chart(package: zipfile.ZipFile, name: str) -> dict[str, Any]:
    """A chart's title, categories top-down, and its series in drawing order with their
    values top-down (word_chart writes categories bottom-up), colours and hidden labels."""
    xml = package.read(name).decode("utf-8")
    categories = re.search(r"<c:cat>(.*?)</c:cat>", xml, re.S)
    assert categories is not None
    series = []
    for ser in re.findall(r"<c:ser>(.*?)</c:ser>", xml, re.S):
        values = re.search(r"<c:val>(.*?)</c:val>", ser, re.S)
        assert values is not None
        count = int(re.search(r'<c:ptCount val="(\d+)"/>', values.group(1)).group(1))  # type: ignore[union-attr]
        points = dict(re.findall(r'<c:pt idx="(\d+)"><c:v>([^<]*)</c:v>', values.group(1)))
        series.append({
            "name": re.search(r"<c:tx>.*?<c:v>([^<]*)</c:v>", ser, re.S).group(1),  # type: ignore[union-attr]
            "values": [float(points[str(i)]) if str(i) in points else None
                       for i in range(count)][::-1],
            "colour": re.search(r'<c:spPr><a:solidFill><a:srgbClr val="(\w+)"', ser).group(1),  # type: ignore[union-attr]
            "hidden": sorted(count - 1 - int(i) for i in re.findall(
                r'<c:dLbl><c:idx val="(\d+)"/><c:delete val="1"/></c:dLbl>', ser))})
    return {"title": re.findall(r"<a:t>([^<]*)</a:t>", xml)[0],
            "grouping": re.search(r'<c:grouping val="(\w+)"/>', xml).group(1),  # type: ignore[union-attr]
            "categories": re.findall(r"<c:v>([^<]*)</c:v>", categories.group(1))[::-1],
            "series": series}


def _charts(name: str | Path, *more: str | Path) -> list[dict[str, Any]]:
    result, _ = tally_files(name, *more)
    package = zipfile.ZipFile(io.BytesIO(render_bytes(result, "docx")))
    return [_chart(package, n) for n in sorted(
        (n for n in package.namelist() if n.startswith("word/charts/chart")),
        key=lambda n: int(re.sub(r"\D", "", n)))]


def test_word_matrix_one_stacked_bar_per_statement_a_segment_per_step() -> None:
    """A single choice per statement adds up to 100 %: one bar per statement split into the
    scale's steps, in the table's order, dark to light blue, white labels on the dark ones."""
    charts = _charts("surveymonkey_matrix.csv")
    assert len(charts) == 3  # one per closed question, one for the matrix (was four)
    matrix = charts[1]
    assert (matrix["title"], matrix["grouping"], matrix["categories"]) == (
        MONKEY, "percentStacked", ["Information", "Utbildning"])
    assert [(s["name"], s["values"], s["colour"], s["hidden"]) for s in matrix["series"]] == [
        ("Mycket nöjd", [0.2, 0.5], "1F4E79", []), ("Nöjd", [0.6, 0.5], "6E92B4", []),
        ("Missnöjd", [0.2, None], "BDD7EE", [1])]  # no "0 %" label on Utbildning's empty step
    assert charts[0]["grouping"] == "clustered"  # a closed question keeps its bars


def test_word_matrix_chart_has_the_whole_scale_and_vet_inte_grey(tmp_path: Path) -> None:
    """Four steps (2-5): one chart whatever the number of steps, every step in order, not
    only those a statement got; a step outside the scale ("Vet inte") grey and last;
    with two rounds a bar per statement and round."""
    (qualtrics,) = [c for c in _charts("qualtrics_matrix.csv") if c["title"] == QUALTRICS]
    assert qualtrics["categories"] == ["Samverkan fungerar", "Rutinerna är kända"]
    assert [(s["name"], s["values"]) for s in qualtrics["series"]] == [
        ("2", [0.2, 0.2]), ("3", [None, 0.6]), ("4", [0.6, 0.2]), ("5", [0.2, None])]
    lines = (FIXTURES / "surveymonkey_matrix.csv").read_text(encoding="utf-8").splitlines()
    lines += [lines[2].replace("11500000001", f"1150000009{n}")
              .replace(",Nöjd,Mycket nöjd,", ",Vet inte,Vet inte,") for n in (1, 2)]
    path = tmp_path / "svar.csv"
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    (matrix,) = [c for c in _charts(path) if c["title"] == MONKEY]
    assert [(s["name"], s["colour"]) for s in matrix["series"]] == [
        ("Mycket nöjd", "1F4E79"), ("Nöjd", "6E92B4"), ("Missnöjd", "BDD7EE"),
        ("Vet inte", "BFBFBF")]
    (rounds,) = [c for c in _charts("surveymonkey_matrix.csv", _second_round(tmp_path))
                 if c["title"] == MONKEY]
    assert rounds["categories"] == ["Information, r1", "Information, r2", "Utbildning, r1",
                                    "Utbildning, r2"]


def test_word_two_rounds_golden(tmp_path: Path) -> None:
    """Regenerate with VASTBUS_UPDATE_GOLDEN=1 .venv/bin/pytest tests/survey/test_matrix.py."""
    text = "\n".join(_section(_word("surveymonkey_matrix.csv", _second_round(tmp_path)),
                              MONKEY)) + "\n"
    matches_golden("matris-rapport.txt", text)
    assert "\nFörändring (procentenheter) | +13 | +7 | −20 | \n" in text


def test_markdown_two_rounds_golden(tmp_path: Path) -> None:
    text = _md("surveymonkey_matrix.csv", _second_round(tmp_path))
    matches_golden("matris.md", text.replace(_second_round(tmp_path).name, "svar-2025.csv"))


def _sheet(*names: str | Path, by: str | None = None) -> tuple[list[tuple], Any]:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(render_bytes(tally_files(*names, by=by)[0], "xlsx")))
    sheet = workbook["Frågor"]
    return [tuple(row) for row in sheet.iter_rows(values_only=True)], workbook


def _block(rows: list[tuple], heading: str) -> list[tuple]:
    """The matrix block's table, from its header to the first empty row, empty cells cut."""
    start = next(i for i, row in enumerate(rows) if row[0] == heading) + 2
    end = next(i for i in range(start, len(rows)) if not any(v is not None for v in rows[i]))
    return [tuple(v for v in row if v is not None) if row[0] == "Påstående" else row[:12]
            for row in rows[start:end]]


def test_excel_one_block_per_matrix_shares_as_fractions() -> None:
    rows, workbook = _sheet("surveymonkey_matrix.csv")
    block = _block(rows, MONKEY)
    assert block[0] == ("Påstående", "Mycket nöjd andel", "Nöjd andel", "Missnöjd andel",
                        "Svarande (bas)", "Ej svar", "Mycket nöjd antal", "Nöjd antal",
                        "Missnöjd antal")
    assert [row[:9] for row in block[1:]] == [
        ("Information", 0.2, 0.6, 0.2, 5, 1, 1, 3, 1),
        ("Utbildning", 0.5, 0.5, None, 4, 2, 2, 2, None)]
    sheet = workbook["Frågor"]
    at = next(i for i, row in enumerate(rows, start=1) if row[0] == "Information")
    assert sheet.cell(at, 2).number_format == "0%"
    assert len(sheet._charts) == 3  # one per closed question, one for the matrix
    assert f"{MONKEY} [Information]" not in [row[0] for row in rows]
    # the long Data sheet keeps a row per statement and step
    data = [row for row in workbook["Data"].iter_rows(values_only=True) if row[2] == "f2"]
    assert data == [("r1", "Totalt", "f2", f"{MONKEY} [Information]", "Mycket nöjd", 1, 5, 0.2),
                    ("r1", "Totalt", "f2", f"{MONKEY} [Information]", "Nöjd", 3, 5, 0.6),
                    ("r1", "Totalt", "f2", f"{MONKEY} [Information]", "Missnöjd", 1, 5, 0.2)]
    rows, _ = _sheet("qualtrics_matrix.csv")
    assert [row[:8] for row in _block(rows, QUALTRICS)[1:]] == [
        ("Samverkan fungerar", 0.2, None, 0.6, 0.2, 5, 0, 1),
        ("Rutinerna är kända", 0.2, 0.6, 0.2, None, 5, 0, 1)]
    assert [row[:7] for row in _block(rows, "Bedöm insatserna - Betyg")[1:]] == [
        ("Information", 0.6, 0.4, 5, 0, 3, 2), ("Utbildning", 0.5, 0.5, 4, 1, 2, 2)]
    rows, _ = _sheet("limesurvey_arrays.csv")
    assert _block(rows, "q1")[0][:5] == ("Påstående", "A2 andel", "A3 andel", "A4 andel",
                                         "A5 andel")
    assert [row[:7] for row in _block(rows, "q1")[1:]] == [
        ("SQ001", None, 0.2, 0.6, 0.2, 5, 0), ("SQ002", 0.2, None, 0.6, 0.2, 5, 0)]


def test_excel_matrix_chart_is_the_word_report_s_stacked_bars() -> None:
    package = zipfile.ZipFile(io.BytesIO(render_bytes(tally_files("surveymonkey_matrix.csv")[0],
                                                      "xlsx")))
    charts = [package.read(n).decode("utf-8") for n in package.namelist()
              if n.startswith("xl/charts/chart")]
    (matrix,) = [xml for xml in charts if f"<a:t>{MONKEY}</a:t>" in xml]
    assert '<grouping val="percentStacked"/>' in matrix and '<overlap val="100"/>' in matrix
    fills = re.findall(r'<spPr><a:solidFill[^>]*><a:srgbClr val="(\w+)"/>', matrix)
    assert fills == ["1F4E79", "6E92B4", "BDD7EE"]  # the scale's order, dark to light
    assert all('<grouping val="clustered"/>' in xml for xml in charts if xml is not matrix)


def test_excel_two_rounds_a_line_per_round_and_the_change(tmp_path: Path) -> None:
    rows, workbook = _sheet("surveymonkey_matrix.csv", _second_round(tmp_path))
    block = _block(rows, MONKEY)
    change = "Förändring (procentenheter)"
    assert [row[:7] for row in block[1:]] == [
        ("Information", "r1", 0.2, 0.6, 0.2, 5, 1),
        (None, "r2", 0.3333333333333333, 0.6666666666666666, 0, 6, 0),
        (None, change, pytest.approx(40 / 3), pytest.approx(20 / 3), pytest.approx(-20),
         None, None),
        ("Utbildning", "r1", 0.5, 0.5, 0, 4, 2),
        (None, "r2", 0.3333333333333333, 0.5, 0.1666666666666667, 6, 0),  # as Excel stores it
        (None, change, pytest.approx(-50 / 3), pytest.approx(0), pytest.approx(50 / 3), None,
         None),
        (f"{change}: skillnaden mellan de exakta andelarna, avrundad som andelarna.",
         *[None] * 6)]
    sheet = workbook["Frågor"]
    at = next(i for i, row in enumerate(rows, start=1) if row[1] == change)
    assert sheet.cell(at, 3).number_format == '+0;"−"0;"±"0'


def test_excel_by_group_the_block_then_each_statement_by_group() -> None:
    rows, _ = _sheet("limesurvey_arrays.csv", by="grupp")
    texts = [row[0] for row in rows]
    assert texts.index("q1") < texts.index("q1 [SQ001]") < texts.index("q1 [SQ002]")
    assert [row[:3] for row in _block(rows, "q1")[1:]] == [("SQ001", None, 0.2),
                                                         ("SQ002", 0.2, None)]


def test_contact_details_and_identity_numbers_in_a_matrix_heading_are_masked(
        tmp_path: Path) -> None:
    lines = (FIXTURES / "surveymonkey_matrix.csv").read_text(encoding="utf-8").splitlines()
    lines[0] = lines[0].replace(MONKEY, "Hur nöjd är du (frågor till anna@example.se)?")
    lines[1] = lines[1].replace("Information,Utbildning", "Information,Utbildning 19121212-1212")
    path = tmp_path / "svar.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, problems = tally_files(path)
    rows = [q for q in result.questions if q.matrix]
    text = json.dumps([(q.text, q.matrix, q.matrix_row) for q in rows], ensure_ascii=False)
    assert "anna@example.se" not in text and "19121212" not in text
    assert {q.matrix for q in rows} == {rows[0].matrix} and "example" not in str(rows[0].matrix)
    assert {p.code for p in problems} >= {"kontaktuppgift", "personnummer"}
    assert "anna@example" not in render_bytes(result, "md").decode("utf-8")
