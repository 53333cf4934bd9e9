"""The contents' page numbers against the pages the headings are on, read from the PDF.

Two routes, both laid out with fonts metric-compatible with the ones the .docx
names (Carlito for Calibri, Caladea for Cambria: `.ci/run` installs them):
the PDF vastbus writes (LibreOffice makes the contents anew, then exports), and
the .docx vastbus writes (numbers filled in by `with_page_numbers`) converted
as it is, the way Word and LibreOffice show it without updating anything.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pdfcontents import chapters_docx, contents_and_pages, listed_pages
from reportfactory import folder_with_words
from subregions import split
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.documents import libreoffice

pytestmark = pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice or pdftotext is not installed")

ROOT = Path(__file__).resolve().parents[2]
DATE = "2026-05-20"


def as_written(docx: Path) -> Path:
    """The .docx converted by LibreOffice without updating anything (what a reader sees)."""
    subprocess.run(["soffice", f"-env:UserInstallation={(docx.parent / 'profil').as_uri()}",
                    "--headless", "--convert-to", "pdf", "--outdir", str(docx.parent),
                    str(docx)], capture_output=True, check=True, timeout=600)
    return docx.with_suffix(".pdf")


def test_fonts_metric_compatible_with_the_documents_are_there() -> None:
    """Calibri and Cambria, named by the .docx, are laid out in their metric twins."""
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig's fc-match is not installed")
    found = {name: subprocess.run(["fc-match", "-f", "%{family}", name], capture_output=True,
                                  text=True, check=True).stdout for name in ("Calibri", "Cambria")}
    assert found == {"Calibri": "Carlito", "Cambria": "Caladea"}


def test_numbers_hold_where_libreoffices_own_contents_run_a_page_longer(tmp_path: Path) -> None:
    """30 entries fill one page as written; in LibreOffice's own contents style they took two,
    and the numbers taken from that layout were one too high on every entry of the .docx."""
    result = libreoffice.with_page_numbers(chapters_docx(30))
    assert result.skipped == ""
    docx = tmp_path / "kapitel.docx"
    docx.write_bytes(result.docx)
    written = contents_and_pages(as_written(docx))
    assert [(t, listed) for t, listed, _ in written] == [
        (f"Kapitel {i}", i + 2) for i in range(1, 31)]
    assert all(listed == on for _, listed, on in written), written
    pdf = tmp_path / "kapitel-pdf.pdf"
    pdf.write_bytes(libreoffice.docx_to_pdf(result.docx))
    assert contents_and_pages(pdf) == written  # the .docx and its PDF agree


def test_the_numbers_are_the_same_every_run_and_the_plain_conversions(tmp_path: Path) -> None:
    """The same `compile -o x.docx` three times: the same numbers each time, and they are
    the pages the plain conversion puts the headings on. Read in the hidden view's own
    layout, this four-page summary's numbers differed in 7 runs of 12 (Översikt on 3 or 4,
    Avvikelser on 4 or on a 5th page the document does not have)."""
    folder = folder_with_words(tmp_path)
    runs = []
    for run in range(3):
        out = tmp_path / f"s{run}.docx"
        result = CliRunner().invoke(app, ["compile", str(folder), "-o", str(out),
                                          "--date", "2026-04-30"])
        assert result.exit_code == 0, result.output
        runs.append(listed_pages(out))
    found = contents_and_pages(as_written(tmp_path / "s0.docx"))
    assert [(title, listed) for title, listed, _ in found] == [
        ("Sammanfattning", 2), ("Inledning", 3), ("Det delregionen lyfter till regional nivå", 3),
        ("Översikt", 3), ("Möten och representanter", 3), ("Sammansättning", 4),
        ("Teman i årsberättelserna", 4), ("Avvikelser", 4)]
    assert all(listed == on for _, listed, on in found), found
    assert runs == [[listed for _, listed, _ in found]] * 3


def _summary(tmp: Path, suffix: str) -> Path:
    out = tmp / f"sammanstallning.{suffix}"
    examples = ROOT / "examples" / "rapporter"
    result = CliRunner().invoke(app, ["compile", str(examples / "2025"), "--previous",
                                      str(examples / "2024"), "--date", DATE, "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _rollup(tmp: Path, suffix: str) -> Path:
    now, before = split(tmp / "delar"), split(tmp / "forra", 2024)
    files = []
    for name, folder in now.items():
        files.append(tmp / f"{name}.json")
        result = CliRunner().invoke(app, ["compile", str(folder), "--previous",
                                          str(before[name]), "--date", DATE, "-o",
                                          str(files[-1])])
        assert result.exit_code == 0, result.output
    out = tmp / f"region.{suffix}"
    result = CliRunner().invoke(app, ["rollup", *map(str, files), "--date", DATE,
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def _survey(tmp: Path, suffix: str) -> Path:
    out = tmp / f"rapport.{suffix}"
    enkat = ROOT / "examples" / "enkat"
    result = CliRunner().invoke(app, ["tally", str(enkat / "enkat-2018.csv"),
                                      str(enkat / "enkat-2019.csv"), "--spec",
                                      str(enkat / "spec.yaml"), "--conclusions",
                                      str(enkat / "slutsatser.md"), "--date", "2026-11-30",
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize(("make", "entries"), [(_summary, 13), (_rollup, 50), (_survey, 6)],
                         ids=["sammanstallning", "rollup-tre-delregioner", "enkatrapport"])
@pytest.mark.parametrize("suffix", ["docx", "pdf"])
def test_contents_pages_of_the_three_documents(tmp_path: Path, make, entries: int,
                                               suffix: str) -> None:
    out = make(tmp_path, suffix)
    found = contents_and_pages(as_written(out) if suffix == "docx" else out)
    assert len(found) >= entries
    assert [e for e in found if e[1] != e[2]] == []
