"""Filesystem faults: outputs that are inputs, links, folders, devices, missing and odd paths.

For every case: the exit code, a Swedish message naming the path, no traceback,
inputs byte-identical with the same modification time, and no output left behind.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vastbus_cli.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the examples (reports of two years, a survey) to run in, as the cwd."""
    shutil.copytree(EXAMPLES / "rapporter", tmp_path / "rapporter")
    shutil.copytree(EXAMPLES / "enkat", tmp_path / "enkat")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def snapshot(root: Path) -> dict[str, tuple[bytes, int]]:
    def content(path: Path) -> bytes:
        with path.open("rb") as handle:
            return handle.read()

    return {str(p.relative_to(root)): (content(p), p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink()}


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "200"})
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


def fault(work: Path, args: list[str], code: int, message: str) -> str:
    """Run, expect `code` with `message`, and nothing changed or added under `work`."""
    before = snapshot(work)
    exit_code, output = run(*args)
    assert exit_code == code, output
    assert message in " ".join(output.split()), output
    assert snapshot(work) == before
    return output


def refused(work: Path, args: list[str], message: str) -> str:
    return fault(work, args, 2, message)


REPORT = "rapporter/2025/arsberattelse-2025-skovde.yaml"


@pytest.mark.parametrize("target", [REPORT, "rapporter/2025/grupper.yaml"])
def test_compile_never_replaces_a_report_or_the_roster_even_with_force(work: Path, target: str) -> None:
    refused(work, ["compile", "rapporter/2025", "-f", "md", "-o", target, "--force"],
            f"fel: {target} är en av filerna som läses in och skrivs aldrig över.")


def test_compile_never_replaces_previous_years_reports_or_its_template(work: Path) -> None:
    previous = "rapporter/2024/arsberattelse-2024-skovde.yaml"
    refused(work, ["compile", "rapporter/2025", "--previous", "rapporter/2024", "-f", "json",
                   "-o", previous, "--force"], f"{previous} är en av filerna som läses in")
    (work / "mall.md").write_text("{{ s.year }}\n", encoding="utf-8")
    refused(work, ["compile", "rapporter/2025", "--template", "mall.md", "-o", "mall.md",
                   "--force"], "mall.md är en av filerna som läses in")


def test_compile_never_replaces_the_introduction_it_found_beside_the_reports(work: Path) -> None:
    intro = work / "rapporter/2025/inledning.md"
    if not intro.exists():
        intro.write_text("Inledning.\n", encoding="utf-8")
    refused(work, ["compile", "rapporter/2025", "-o", "rapporter/2025/inledning.md", "--force"],
            "rapporter/2025/inledning.md är en av filerna som läses in")


def test_a_hard_link_to_an_input_is_the_same_file(work: Path) -> None:
    os.link(work / REPORT, work / "kopia.md")
    refused(work, ["compile", "rapporter/2025", "-o", "kopia.md", "--force"],
            "kopia.md är en av filerna som läses in")


def test_tally_never_replaces_its_export(work: Path) -> None:
    refused(work, ["tally", "enkat/enkat-2018.csv", "-o", "enkat/enkat-2018.csv", "--force"],
            "enkat/enkat-2018.csv är en av filerna som läses in")


def test_infer_spec_never_replaces_the_spec_it_read(work: Path) -> None:
    refused(work, ["tally", "enkat/enkat-2019.csv", "--spec", "enkat/spec.yaml", "--infer-spec",
                   "-o", "enkat/spec.yaml", "--force"], "enkat/spec.yaml är en av filerna")


def test_template_roster_never_replaces_the_roster(work: Path) -> None:
    roster = work / "mallar" / "arsberattelse-2025-skovde.yaml"
    roster.parent.mkdir()
    shutil.copy(work / "rapporter/2025/grupper.yaml", roster)
    refused(work, ["template", "--roster", str(roster), "--year", "2025", "-o", "mallar",
                   "--force"], "arsberattelse-2025-skovde.yaml är en av filerna som läses in")


def test_force_still_replaces_an_earlier_output(work: Path) -> None:
    assert run("compile", "rapporter/2025", "-o", "rapporter/2025/Sammanställning.md")[0] == 0
    code, output = run("compile", "rapporter/2025", "-o", "rapporter/2025/Sammanställning.md")
    assert code == 2 and "finns redan och skrivs inte över" in output
    assert run("compile", "rapporter/2025", "-o", "rapporter/2025/Sammanställning.md",
               "--force")[0] == 0


def test_a_dangling_link_at_the_output_is_not_replaced(work: Path) -> None:
    (work / "ut.json").symlink_to(work / "finns-inte.json")
    for force in ([], ["--force"]):
        refused(work, ["schema", "-o", "ut.json", *force],
                "ut.json är en genväg (symbolisk länk); vastbus skriver inte genom länkar.")
        assert (work / "ut.json").is_symlink() and not (work / "finns-inte.json").exists()


def test_a_link_to_an_input_is_not_followed(work: Path) -> None:
    (work / "ut.md").symlink_to(work / REPORT)
    refused(work, ["compile", "rapporter/2025", "-o", "ut.md", "--force"],
            "ut.md är en genväg (symbolisk länk)")


def test_a_folder_or_device_at_the_output_is_refused(work: Path) -> None:
    (work / "ut.md").mkdir()
    refused(work, ["compile", "rapporter/2025", "-o", "ut.md", "--force"],
            "ut.md är en mapp, inte en fil.")
    os.mkfifo(work / "rör.json")
    refused(work, ["schema", "-o", "rör.json", "--force"],
            "rör.json är ingen vanlig fil (en enhet eller en namngiven rörledning)")
    refused(work, ["schema", "-o", "/dev/null", "--force"], "/dev/null är ingen vanlig fil")


@pytest.mark.parametrize("args", [
    ["compile", "rapporter/2025", "-o", "-"],
    ["compile", "rapporter/2025", "-f", "json", "-o", "-"],
    ["tally", "enkat/enkat-2018.csv", "-f", "csv", "-o", "-"],
    ["tally", "enkat/enkat-2018.csv", "-o", "-"],
    ["schema", "-o", "-"],
    ["template", "--group", "Hjo", "-m", "Hjo", "-s", "Skaraborg", "-y", "2025", "-o", "-"],
])
def test_dash_means_standard_output(work: Path, args: list[str]) -> None:
    before = snapshot(work)
    code, output = run(*args)
    assert code == 0, output
    assert not (work / "-").exists()
    assert snapshot(work) == before
    assert output.strip()


@pytest.mark.parametrize(("args", "message"), [
    (["compile", "rapporter/2025", "-f", "docx", "-o", "-"],
     "Formatet docx kan inte skrivas till skärmen."),
    (["tally", "enkat/enkat-2018.csv", "-f", "xlsx", "-o", "-"], "Excel-utdata behöver en fil."),
    (["template", "--roster", "rapporter/2025/grupper.yaml", "-y", "2025", "-o", "-"],
     "Med --roster behövs en mapp att skriva mallarna i."),
])
def test_dash_with_a_binary_format_is_a_usage_error(work: Path, args: list[str], message: str) -> None:
    refused(work, args, message)
    assert not (work / "-").exists()


def test_reading_changes_no_bytes_and_no_mtime(work: Path) -> None:
    before = snapshot(work)
    assert run("validate", "rapporter/2025")[0] == 0
    assert run("compile", "rapporter/2025", "--previous", "rapporter/2024")[0] == 0
    assert run("tally", "enkat/enkat-2018.csv", "enkat/enkat-2019.csv",
               "--spec", "enkat/spec.yaml")[0] == 0
    assert run("template", "--roster", "rapporter/2025/grupper.yaml", "-y", "2026",
               "-o", "mallar")[0] == 0
    after = snapshot(work)
    assert {k: v for k, v in after.items() if not k.startswith("mallar")} == before


def test_no_temporary_file_left_after_a_run_or_an_error(work: Path) -> None:
    assert run("compile", "rapporter/2025", "-o", "ut/s.docx")[0] == 0
    assert run("compile", "rapporter/2025", "-o", "ut/s.docx", "--force")[0] == 0
    (work / "ut" / "mall.md").write_text("{{ s.finns_inte }}\n", encoding="utf-8")
    assert run("compile", "rapporter/2025", "-o", "ut/s.md", "-t", "ut/mall.md")[0] == 1
    assert sorted(p.name for p in (work / "ut").iterdir()) == ["mall.md", "s.docx"]


def test_output_folder_missing_is_created(work: Path) -> None:
    code, output = run("schema", "-o", "ny/mapp/schema.json")
    assert code == 0, output
    assert (work / "ny/mapp/schema.json").read_text(encoding="utf-8").startswith("{")


def test_read_only_output_folder(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = work / "låst"
    folder.mkdir()
    folder.chmod(0o555)
    if os.geteuid() == 0:  # root writes anywhere: let the folder refuse as it would for a user
        def denied(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("vastbus_cli.output.tempfile.mkstemp", denied)
    try:
        code, output = run("compile", "rapporter/2025", "-o", "låst/s.md")
        assert code == 1
        assert "fel: Kan inte skriva låst/s.md: behörighet saknas." in output
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_output_under_a_file_is_refused(work: Path) -> None:
    refused(work, ["schema", "-o", f"{REPORT}/schema.json"], "är en fil, inte en mapp")


def test_output_name_too_long(work: Path) -> None:
    name = "å" * 200 + ".md"
    before = snapshot(work)
    code, output = run("compile", "rapporter/2025", "-o", name)
    assert code in (1, 2) and "för lång" in output, output
    assert snapshot(work) == before


def test_replace_refused_says_the_file_is_open(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On Windows the rename fails while Word or Excel has the file open."""
    (work / "s.md").write_text("gammal", encoding="utf-8")

    def locked(src: object, dst: object) -> None:
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr("vastbus_cli.output.os.replace", locked)
    code, output = run("compile", "rapporter/2025", "-o", "s.md", "--force")
    assert code == 1
    assert "s.md: Filen är öppen i ett annat program – stäng den och försök igen." in output
    assert (work / "s.md").read_text(encoding="utf-8") == "gammal"
    assert sorted(p.name for p in work.iterdir()) == ["enkat", "rapporter", "s.md"]


# --- inputs that are not what they should be ------------------------------------------


def test_no_reports_in_the_folder(work: Path) -> None:
    (work / "tom").mkdir()
    (work / "tom" / "anteckningar.txt").write_text("inte en rapport", encoding="utf-8")
    fault(work, ["compile", "tom"], 1, "fel: Det finns inga årsberättelser (.yaml) i tom.")


def test_files_that_are_not_reports_are_left_alone(work: Path) -> None:
    folder = work / "rapporter/2025"
    (folder / "anteckningar.txt").write_text("x", encoding="utf-8")
    (folder / "Sammanställning.docx").write_bytes(b"PK\x03\x04")
    (folder / ".~lock.yaml").write_text("låsfil", encoding="utf-8")
    (folder / "gammalt.yaml").mkdir()
    code, output = run("validate", "rapporter/2025")
    assert code == 0 and output.splitlines()[-1] == "Inga problem i 13 filer.", output


@pytest.mark.parametrize(("name", "make", "message"), [
    ("slinga.yaml", lambda p: p.symlink_to(p.name),
     "rapporter/2025/slinga.yaml är en genväg (symbolisk länk) som pekar på sig själv i en slinga."),
    ("borta.yaml", lambda p: p.symlink_to("finns-inte.yaml"),
     "rapporter/2025/borta.yaml är en genväg (symbolisk länk) till något som inte finns."),
    ("rör.yaml", lambda p: os.mkfifo(p),
     "rapporter/2025/rör.yaml är ingen vanlig fil (utan en enhet eller en namngiven rörledning)."),
])
def test_a_report_name_in_the_folder_that_is_no_file_is_named(
        work: Path, name: str, make: object, message: str) -> None:
    make(work / "rapporter/2025" / name)  # type: ignore[operator]
    output = fault(work, ["validate", "rapporter/2025"], 1, message)
    assert f"rapporter/2025/{name}  fel  ej-fil" in output
    fault(work, ["compile", "rapporter/2025"], 1, message)


def test_a_roster_that_is_a_dangling_link_is_reported(work: Path) -> None:
    roster = work / "rapporter/2025/grupper.yaml"
    roster.unlink()
    roster.symlink_to("grupper-gammal.yaml")
    fault(work, ["validate", "rapporter/2025"], 1,
          "Gruppförteckningen: rapporter/2025/grupper.yaml är en genväg (symbolisk länk) till "
          "något som inte finns.")


@pytest.mark.parametrize(("args", "code", "message"), [
    (["validate", "rör.yaml"], 1, "rör.yaml är ingen vanlig fil"),
    (["validate", "/dev/zero"], 1, "/dev/zero är ingen vanlig fil"),
    (["validate", "rapporter/2025", "--roster", "rör.yaml"], 1,
     "Gruppförteckningen: rör.yaml är ingen vanlig fil"),
    (["compile", "rapporter/2025", "--roster", "rör.yaml"], 2,
     "fel: Gruppförteckningen: rör.yaml är ingen vanlig fil"),
    (["compile", "rör.yaml"], 2, "fel: Mappen: rör.yaml är ingen mapp"),
    (["compile", "rapporter/2025", "-t", "rapporter"], 2,
     "fel: Mallen: rapporter är en mapp, inte en fil."),
    (["compile", "rapporter/2025", "-p", REPORT], 2,
     f"fel: Mappen för förra året: {REPORT} är en fil, inte en mapp."),
    (["tally", "rör.yaml"], 1, "rör.yaml är ingen vanlig fil"),
    (["tally", "enkat"], 1, "enkat är en mapp, inte en fil."),
    (["tally", "enkat/enkat-2018.csv", "--spec", "rör.yaml"], 1, "rör.yaml är ingen vanlig fil"),
    (["template", "--roster", "rör.yaml", "-y", "2025", "-o", "mallar"], 1,
     "rör.yaml är ingen vanlig fil"),
])
def test_fifos_devices_and_folders_where_a_file_is_expected(
        work: Path, args: list[str], code: int, message: str) -> None:
    """A named pipe is never opened (reading one waits forever) and never called missing."""
    os.mkfifo(work / "rör.yaml")
    output = fault(work, args, code, message)
    assert "finns inte" not in output


def test_an_unreadable_file(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.read_bytes

    def denied(self: Path) -> bytes:
        if self.name == "arsberattelse-2025-skovde.yaml":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", denied)
    fault(work, ["validate", "rapporter/2025"], 1,
          f"{REPORT} fel oläsbar Filen kan inte läsas: behörighet saknas.")


def test_names_too_long_for_the_file_system(work: Path) -> None:
    long = "ö" * 200
    fault(work, ["validate", f"{long}.yaml"], 1,
          f"{long}.yaml kan inte läsas: namnet är för långt för filsystemet.")
    fault(work, ["compile", long], 2, "namnet är för långt för filsystemet.")
    fault(work, ["tally", f"{long}.csv"], 1, "namnet är för långt för filsystemet.")


def test_a_full_disk_while_writing_the_output(work: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("vastbus_cli.output.os.fsync", full)
    fault(work, ["compile", "rapporter/2025", "-o", "s.docx"], 1,
          "fel: Kan inte skriva s.docx: disken är full.")


def test_previous_must_be_another_and_earlier_year(work: Path) -> None:
    fault(work, ["compile", "rapporter/2025", "--previous", "rapporter/2025/"], 2,
          "fel: --previous pekar på samma mapp som årets berättelser (rapporter/2025).")
    output = fault(work, ["compile", "rapporter/2024", "--previous", "rapporter/2025"], 1,
                   "rapporter/2025 fel förra-året Mappen för förra året innehåller "
                   "årsberättelser för 2025, men sammanställningen gäller 2024.")
    assert "Ange mappen med årsberättelserna för 2023 med --previous." in output
    assert "--skip-invalid" not in output


@pytest.mark.parametrize("encoding", ["rot13", "hex", "base64", "finns-inte"])
def test_an_encoding_that_is_no_text_encoding(work: Path, encoding: str) -> None:
    fault(work, ["tally", "enkat/enkat-2018.csv", "--encoding", encoding], 2,
          f"fel: Okänd teckenkodning '{encoding}'.")
