"""Reminders and feedback letters as a group reads them, and `status` as the coordinator sees
it: the right recipient, no identity number, the groups' deadline, the form's words."""

from __future__ import annotations

import email
import email.policy
import json
import shutil
from email.message import EmailMessage
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from vastbus_cli.cli import app

EXAMPLES = Path(__file__).parents[2] / "examples" / "rapporter"
runner = CliRunner()
DATE = "2026-02-17"  # 12 days before the groups' deadline, 1 March 2026
PNR = "811218-9876"


def parse(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def body(path: Path) -> str:
    part = parse(path).get_body(("plain",))
    assert part is not None
    return str(part.get_content())


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """This year's examples with Hjo's file broken (a word for a count, a wrong status)."""
    target = tmp_path / "rapporter"
    shutil.copytree(EXAMPLES / "2025", target)
    hjo = target / "arsberattelse-2025-hjo.yaml"
    hjo.write_text(hjo.read_text(encoding="utf-8").replace("planerade: 6", "planerade: sex")
                   .replace("status: löst", "status: klart"), encoding="utf-8")
    return target


def add_groups(folder: Path, entries: str) -> None:
    roster = folder / "grupper.yaml"
    roster.write_text(roster.read_text(encoding="utf-8") + entries, encoding="utf-8")


def test_hostile_group_names_reach_only_their_own_address(folder: Path, tmp_path: Path) -> None:
    add_groups(folder, """\
  - namn: "Alingsås <x@evil.example>"
    kommun: Alingsås
    epost: alingsas@example.se
  - namn: "Ale, Lerum"
    kommun: Ale
    epost: ale@example.se
  - namn: "=?utf-8?q?Bcc=3A_x=40evil.example?="
    kommun: Borås
    epost: boras@bäckebo.se
  - namn: 'Mölndal "x@evil.example"; y@evil.example:'
    kommun: Mölndal
    epost: molndal@example.se
""")
    out = tmp_path / "utkast"
    result = runner.invoke(app, ["status", str(folder), "--date", DATE, "--drafts", str(out)])
    assert result.exit_code == 1 and "internt fel" not in result.output, result.output
    sent = {}
    for path in out.iterdir():
        msg = parse(path)
        assert not msg.defects and "Cc" not in msg and "Bcc" not in msg
        if msg["To"] is not None:
            sent[path.name] = [(a.display_name, a.addr_spec) for a in msg["To"].addresses]
    assert sent["paminnelse-2025-alingsas-x-evil-example.eml"] == [
        ("Västbus Alingsås <x@evil.example>", "alingsas@example.se")]
    assert sent["paminnelse-2025-ale-lerum.eml"] == [("Västbus Ale, Lerum", "ale@example.se")]
    [(name, address)] = next(v for k, v in sent.items() if "utf-8" in k)
    assert address == "boras@xn--bckebo-bua.se" and name == "Västbus = ?utf-8?q?Bcc=3A_x=40evil.example?="
    assert [a for _, a in sent["paminnelse-2025-molndal-x-evil-example-y-evil-example.eml"]] == [
        "molndal@example.se"]


def test_identity_numbers_masked_in_drafts_and_every_status_format(folder: Path,
                                                                  tmp_path: Path) -> None:
    add_groups(folder, f"  - namn: Lerum {PNR}\n    kommun: Lerum\n")
    hjo = folder / "arsberattelse-2025-hjo.yaml"
    hjo.write_text(hjo.read_text(encoding="utf-8").replace("planerade: sex",
                                                           f'planerade: "{PNR}"'),
                   encoding="utf-8")
    (folder / f"arsberattelse-2025-{PNR}.yaml").write_text(
        (EXAMPLES / "2025" / "arsberattelse-2025-skara.yaml").read_text(encoding="utf-8")
        .replace("namn: \"Skara\"", f"namn: \"Skara {PNR}\""), encoding="utf-8")
    out = tmp_path / "utkast"
    shown = runner.invoke(app, ["status", str(folder), "--date", DATE, "--drafts", str(out)],
                          env={"COLUMNS": "250"})
    assert "Lerum [personnummer borttaget]" in shown.stdout
    outputs = [shown.stdout]
    for fmt in ("md", "json"):
        outputs.append(runner.invoke(app, ["status", str(folder), "--date", DATE, "-f", fmt]).stdout)
    json.loads(outputs[-1])
    xlsx = tmp_path / "läget.xlsx"
    runner.invoke(app, ["status", str(folder), "--date", DATE, "-o", str(xlsx)])
    outputs += [str(c) for row in load_workbook(xlsx).active.iter_rows(values_only=True)
                for c in row]
    for path in out.iterdir():
        msg = parse(path)
        outputs += [str(msg["To"]), str(msg["Subject"]), body(path)]
    assert not [o for o in outputs if PNR in o or "8112189876" in o]
    assert "(nu står det '[personnummer borttaget]')" in body(out / "paminnelse-2025-hjo.eml")


def test_letters_to_form_users_speak_the_forms_words(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "utkast"
    result = runner.invoke(app, ["status", str(folder), "--date", DATE, "--drafts", str(out),
                                 "--form"])
    assert result.exit_code == 1
    hjo = body(out / "paminnelse-2025-hjo.eml")
    assert "1. ”Planerade” under Möten ska vara ett heltal (nu står det 'sex'). Skriv talet med " \
           "siffror, t.ex. 4." in hjo
    assert "2. 'klart' är inget tillåtet värde för ”Status” i Avvikelse 1. Välj ett av " \
           "alternativen i listan." in hjo
    assert ("Så här rättar ni: öppna formuläret (arsberattelse-2025-hjo.html, bifogat) och "
            "klicka på Öppna en årsberättelse.") in hjo
    assert "skicka den nya filen arsberattelse-2025-hjo.yaml till oss" in hjo
    assert "rad " not in hjo.lower() and "mallens" not in hjo and "citattecken" not in hjo
    [form] = list(parse(out / "paminnelse-2025-hjo.eml").iter_attachments())
    assert form.get_filename() == "arsberattelse-2025-hjo.html"
    gullspang = body(out / "paminnelse-2025-gullspang.eml")
    assert ("3. Klicka på Spara årsberättelsen. Då laddas filen arsberattelse-2025-gullspang.yaml "
            "ner, oftast till mappen Hämtade filer.") in gullspang
    assert ("4. Skicka filen arsberattelse-2025-gullspang.yaml till oss som svar på det här "
            "brevet. Skicka inte formuläret (arsberattelse-2025-gullspang.html): det ni skriver "
            "i det sparas bara i er webbläsare.") in gullspang
    assert "fyll i den och skicka den till oss" not in gullspang.lower()


def test_feedback_after_compile_speaks_the_forms_words_to_a_file_the_form_saved(
        tmp_path: Path) -> None:
    from vastbus_cli.form import SAVED_BY_FORM

    folder = tmp_path / "rapporter"
    shutil.copytree(EXAMPLES / "2025", folder)
    for name in ("tibro", "skara"):  # more meetings held than planned: a warning at its line
        path = folder / f"arsberattelse-2025-{name}.yaml"
        text = path.read_text(encoding="utf-8")
        planned = int(text.split("planerade: ")[1].split()[0])
        text = text.replace("genomförda: ", f"genomförda: {planned + 2}  # ", 1)
        path.write_text(text + (SAVED_BY_FORM + "\n" if name == "tibro" else ""),
                        encoding="utf-8")
    out = tmp_path / "brev"
    result = runner.invoke(app, ["compile", str(folder), "--date", "2026-05-20", "-o",
                                 str(tmp_path / "s.md"), "--feedback", str(out)])
    assert result.exit_code == 0, result.output
    tibro = body(out / "aterkoppling-2025-tibro.eml")  # saved by the form
    skara = body(out / "aterkoppling-2025-skara.eml")  # written in the template
    assert ("- ”Genomförda” under Möten: Fler genomförda möten (10) än planerade (8). "
            "Kontrollera siffrorna; stämmer de kan du låta dem stå.") in tibro
    assert "rad " not in tibro.lower()
    assert "- ”Genomförda” under Möten (rad 36): Fler genomförda möten (10) än planerade (8)." \
        in skara


def test_template_users_told_how_the_form_checks_a_file(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "utkast"
    runner.invoke(app, ["status", str(folder), "--date", DATE, "--drafts", str(out)])
    hjo = body(out / "paminnelse-2025-hjo.eml")
    assert "1. ”Planerade” under Möten (rad 27) ska vara ett heltal" in hjo
    assert ("eller i formuläret: klicka på Öppna en årsberättelse och välj filen.") in hjo


def test_a_decimal_count_is_told_to_be_a_whole_number(folder: Path) -> None:
    hjo = folder / "arsberattelse-2025-hjo.yaml"
    hjo.write_text(hjo.read_text(encoding="utf-8").replace("planerade: sex",
                                                           'planerade: "2,5"'),
                   encoding="utf-8")
    result = runner.invoke(app, ["validate", str(hjo)])
    assert "'möten.planerade' ska vara ett heltal (nu står det '2,5')." in result.stdout
    assert "→ Skriv ett heltal, utan decimaler och utan citattecken." in result.stdout
    assert "skriv 2,5 utan citattecken" not in result.stdout


def test_unaddressed_drafts_counted_in_swedish(tmp_path: Path) -> None:
    def said(*args: str) -> str:
        out = tmp_path / str(len(list(tmp_path.iterdir())))
        result = runner.invoke(app, ["status", *args, "--date", DATE, "--drafts", str(out)])
        return " ".join(result.stderr.split())

    folder = tmp_path / "r"
    shutil.copytree(EXAMPLES / "2025", folder)
    assert ("Ingen e-postadress för Gullspång, Karlsborg och Töreboda: de 3 utkasten saknar "
            "mottagare.") in said(str(folder))
    assert "Ingen e-postadress för Gullspång och Töreboda: de 2 utkasten saknar mottagare." \
        in said(str(folder), "--previous", str(EXAMPLES / "2024"))
    roster = folder / "grupper.yaml"
    roster.write_text(roster.read_text(encoding="utf-8").replace(
        "  - namn: Gullspång\n    kommun: Gullspång\n",
        "  - namn: Gullspång\n    kommun: Gullspång\n    epost: g@example.se\n"), encoding="utf-8")
    assert "Ingen e-postadress för Töreboda: det utkastet saknar mottagare." \
        in said(str(folder), "--previous", str(EXAMPLES / "2024"))


def test_status_in_80_columns_breaks_no_address_or_file_name(folder: Path) -> None:
    result = runner.invoke(app, ["status", str(folder), "--date", "2026-03-05", "--previous",
                                 str(EXAMPLES / "2024")], env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[1] == "Sista dag för grupperna: 1 mars 2026 (passerad för 4 dagar sedan)."
    assert result.stdout.count("passerad") == 1 and "Dagar kvar" not in result.stdout
    for address in ("vastbus.falkoping@example.se", "vastbus.karlsborg@example.se"):
        assert address in result.stdout  # whole, on one line
    assert "(Fil får inte plats i fönstret; se -o läget.xlsx.)" in lines
    wide = runner.invoke(app, ["status", str(folder), "--date", DATE], env={"COLUMNS": "120"})
    for name in ("arsberattelse-2025-falkoping.yaml", "arsberattelse-2025-hjo.yaml"):
        assert name in wide.stdout
    assert "får inte plats" not in wide.stdout


def test_all_done_after_the_deadline_says_nothing_is_late(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    shutil.copytree(EXAMPLES / "2025", folder)
    roster = folder / "grupper.yaml"
    text = roster.read_text(encoding="utf-8")
    for name in ("Gullspång", "Karlsborg", "Töreboda"):
        text = text.replace(f"  - namn: {name}\n    kommun: {name}\n", "")
    roster.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["status", str(folder), "--date", "2026-04-01", "-f", "md"])
    assert result.exit_code == 0, result.output
    assert "Sista dag för grupperna: 1 mars 2026." in result.stdout
    assert "passerad" not in result.stdout


def test_the_readme_first_command_says_nothing_of_a_passed_deadline(tmp_path: Path) -> None:
    """README: `vastbus compile examples/rapporter/2025 --previous … -o …docx` on first contact,
    any day after 1 June 2026."""
    result = runner.invoke(app, ["compile", str(EXAMPLES / "2025"), "--previous",
                                 str(EXAMPLES / "2024"), "-o", str(tmp_path / "s.md"),
                                 "--date", "2026-12-07"])
    assert result.exit_code == 0, result.output
    assert "passera" not in result.output and "Sista dag" not in result.output
    before = runner.invoke(app, ["compile", str(EXAMPLES / "2025"), "-o",
                                 str(tmp_path / "t.md"), "--date", "2026-05-20"])
    assert "Sista dag för sammanställningen till den regionala styrgruppen är 1 juni 2026 " \
           "(12 dagar kvar)." in " ".join(before.output.split())


def test_the_groups_deadline_defaults_to_1_march_and_is_settable(folder: Path) -> None:
    data = json.loads(runner.invoke(app, ["status", str(folder), "--date", DATE,
                                          "-f", "json"]).stdout)
    assert (data["deadline"], data["days_left"]) == ("2026-03-01", 12)
    roster = folder / "grupper.yaml"
    roster.write_text(roster.read_text(encoding="utf-8").replace(
        "delregion: Skaraborg", "delregion: Skaraborg\nsista_dag_grupper: 2026-03-15"),
        encoding="utf-8")
    data = json.loads(runner.invoke(app, ["status", str(folder), "--date", DATE,
                                          "-f", "json"]).stdout)
    assert data["deadline"] == "2026-03-15"
