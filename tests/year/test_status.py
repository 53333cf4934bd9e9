"""`vastbus status` and its reminder drafts, on copies of the examples: rows, exit codes, e-mails."""

from __future__ import annotations

import email
import email.policy
import json
import shutil
from email.message import EmailMessage
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vastbus_cli.cli import app

EXAMPLES = Path(__file__).parents[2] / "examples" / "rapporter"
runner = CliRunner()
DATE = "2026-02-17"  # 12 days before the groups' deadline, 1 March 2026


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """This year's examples, with Hjo's file broken twice and Töreboda's template unfilled."""
    target = tmp_path / "rapporter 2025 å"
    shutil.copytree(EXAMPLES / "2025", target)
    hjo = target / "arsberattelse-2025-hjo.yaml"
    text = hjo.read_text(encoding="utf-8")
    hjo.write_text(text.replace("planerade: 6", "planerade: sex").replace(
        "status: löst", "status: klart"), encoding="utf-8")
    made = runner.invoke(app, ["template", "--group", "Töreboda", "--municipality", "Töreboda",
                               "--subregion", "Skaraborg", "--year", "2025", "-o",
                               str(target / "arsberattelse-2025-toreboda.yaml")])
    assert made.exit_code == 0, made.output
    return target


def status_json(*args: str) -> tuple[int, dict]:
    result = runner.invoke(app, ["status", *args, "--date", DATE, "-f", "json"])
    return result.exit_code, json.loads(result.stdout)


def test_examples_as_shipped_three_not_received_exit_1() -> None:
    code, data = status_json(str(EXAMPLES / "2025"))
    assert code == 1
    assert (data["subregion"], data["year"], data["deadline"], data["days_left"]) == \
        ("Skaraborg", 2025, "2026-03-01", 12)
    states = {g["group"]: g["state_text"] for g in data["groups"]}
    assert len(states) == 15
    assert [g for g, s in states.items() if s != "klar"] == ["Gullspång", "Karlsborg", "Töreboda"]
    assert {states[g] for g in ("Gullspång", "Karlsborg", "Töreboda")} == {"inte inkommen"}
    skovde = next(g for g in data["groups"] if g["group"] == "Skövde")
    assert skovde["files"] == ["arsberattelse-2025-skovde.yaml"]
    assert skovde["contact"] == {"role": "Ordförande, enhetschef barn och unga, socialtjänsten",
                                 "email": "vastbus.skovde@example.se", "source": "årsberättelsen"}


def test_before_and_after_filling_in(folder: Path) -> None:
    code, data = status_json(str(folder), "--previous", str(EXAMPLES / "2024"))
    assert code == 1
    rows = {g["group"]: g for g in data["groups"]}
    assert rows["Hjo"]["state"] == "fel"
    assert rows["Hjo"]["state_text"] == "inkommen med 2 fel"
    assert rows["Töreboda"]["state"] == "ej-ifylld"
    assert rows["Töreboda"]["state_text"] == "inkommen, 30 fält ej ifyllda"
    assert rows["Töreboda"]["contact"] is None  # the template's placeholder is no address
    assert rows["Karlsborg"]["contact"] == {  # not sent this year: last year's contact
        "role": "Ordförande, socialsekreterare barn och unga",
        "email": "vastbus.karlsborg@example.se", "source": "förra årets årsberättelse"}
    # after: Hjo corrected, the two missing and Töreboda's copied from last year's reports
    shutil.copy(EXAMPLES / "2025" / "arsberattelse-2025-hjo.yaml", folder)
    for name in ("karlsborg", "toreboda", "gullspang"):
        old = EXAMPLES / "2024" / f"arsberattelse-2024-{name}.yaml"
        if not old.exists():
            old = EXAMPLES / "2024" / "arsberattelse-2024-karlsborg.yaml"
        group = {"karlsborg": "Karlsborg", "toreboda": "Töreboda", "gullspang": "Gullspång"}[name]
        text = old.read_text(encoding="utf-8").replace("år: 2024", "år: 2025").replace(
            '"Karlsborg"', f'"{group}"')
        (folder / f"arsberattelse-2025-{name}.yaml").write_text(text, encoding="utf-8")
    code, data = status_json(str(folder))
    assert [g["state"] for g in data["groups"]] == ["klar"] * 15, data["groups"]
    assert data["all_ready"] is True
    assert code == 0


def test_table_on_the_terminal_and_markdown(folder: Path) -> None:
    result = runner.invoke(app, ["status", str(folder), "--date", DATE], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    hjo = next(line for line in lines if "│ Hjo " in line)
    assert "inkommen med 2 fel" in hjo and "arsberattelse-2025-hjo.yaml" in hjo
    assert "Sista dag för grupperna: 1 mars 2026 (12 dagar kvar)." in lines
    assert "15 grupper: 11 klara, 1 med fel, 1 med fält ej ifyllda, 2 inte inkomna." in lines
    md = runner.invoke(app, ["status", str(folder), "--date", DATE, "-f", "md"]).stdout
    assert ("| Gullspång | inte inkommen | ingen kontakt | – |") in md.splitlines()
    assert "| Töreboda | inkommen, 30 fält ej ifyllda | ingen kontakt | " \
           "arsberattelse-2025-toreboda.yaml |" in md.splitlines()
    assert "Sista dag för grupperna: 1 mars 2026 (12 dagar kvar)." in md.splitlines()


def test_deadline_passed_and_roster_deadline(folder: Path) -> None:
    code, data = status_json(str(folder))  # --date DATE
    assert data["days_left"] == 12
    roster = folder / "grupper.yaml"
    roster.write_text(roster.read_text(encoding="utf-8").replace(
        "delregion: Skaraborg", "delregion: Skaraborg\nsista_dag_grupper: 2026-02-12\n"
        "sista_dag: 2026-05-15"), encoding="utf-8")
    code, data = status_json(str(folder))
    assert (data["deadline"], data["days_left"]) == ("2026-02-12", -5)
    md = runner.invoke(app, ["status", str(folder), "--date", DATE, "-f", "md"]).stdout
    assert "Sista dag för grupperna: 12 februari 2026 (passerad för 5 dagar sedan)." in md
    assert "| Gullspång | inte inkommen | ingen kontakt | – |" in md
    assert md.count("passerad") == 1  # once, above the table; never for a group that is done


def test_xlsx_rows(folder: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "läget.xlsx"
    result = runner.invoke(app, ["status", str(folder), "--date", DATE, "-o", str(out)])
    assert result.exit_code == 1
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:6] == ("Grupp", "Kommun", "Läge", "Fel", "Fält ej ifyllda", "Varningar")
    hjo = next(r for r in rows if r[0] == "Hjo")
    assert hjo[2:6] == ("inkommen med 2 fel", 2, 0, 0)
    assert hjo[11] == 12
    essunga = next(r for r in rows if r[0] == "Essunga")
    assert essunga[2] == "klar" and essunga[11] is None  # days left only where they matter
    again = runner.invoke(app, ["status", str(folder), "--date", DATE, "-o", str(out)])
    assert again.exit_code == 2 and "finns redan" in " ".join(again.output.split())


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("formatversion: 1\n", encoding="utf-8")
    no_roster = runner.invoke(app, ["status", str(tmp_path)])
    assert no_roster.exit_code == 2
    assert "ingen gruppförteckning (grupper.yaml)" in no_roster.output
    assert runner.invoke(app, ["status", str(tmp_path / "nej")]).exit_code == 2
    assert runner.invoke(app, ["status", str(EXAMPLES / "2025"), "-f", "xlsx"]).exit_code == 2
    assert runner.invoke(app, ["status", str(EXAMPLES / "2025"), "--date", "igår"]).exit_code == 2


def parse(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert isinstance(message, EmailMessage)
    return message


def test_reminder_drafts(folder: Path, tmp_path: Path) -> None:
    roster = folder / "grupper.yaml"
    roster.write_text(roster.read_text(encoding="utf-8").replace(
        "  - namn: Hjo\n    kommun: Hjo\n",
        "  - namn: Hjo\n    kommun: Hjo\n    kontakt: Ordförande\n    epost: vastbus.hjo@example.se\n"),
        encoding="utf-8")
    out = tmp_path / "utkast"
    result = runner.invoke(app, ["status", str(folder), "--date", DATE, "--previous",
                                 str(EXAMPLES / "2024"), "--drafts", str(out), "-f", "json"])
    assert result.exit_code == 1, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "paminnelse-2025-gullspang.eml", "paminnelse-2025-hjo.eml",
        "paminnelse-2025-karlsborg.eml", "paminnelse-2025-toreboda.eml"]
    assert "Ingen e-postadress för Gullspång och Töreboda" in " ".join(result.stderr.split())

    hjo = parse(out / "paminnelse-2025-hjo.eml")
    assert hjo["To"] == "Västbus Hjo <vastbus.hjo@example.se>"  # the roster's address
    assert hjo["X-Unsent"] == "1"
    assert hjo["Subject"] == ("Årsberättelsen för 2025 från Västbusgruppen i Hjo: några saker att "
                              "rätta, senast 1 mars 2026")
    body = hjo.get_body(("plain",))
    assert body is not None and body.get_content_charset() == "utf-8"
    text = body.get_content()
    assert "Sista dag är 1 mars 2026 (12 dagar kvar)." in text
    # the form's words for a place (form/assets/js/values.js), not validate's YAML path
    assert ("1. ”Planerade” under Möten (rad 27) ska vara ett heltal (nu står det 'sex'). Skriv "
            "talet med siffror, t.ex. 4.") in text
    assert "2. Rad 40: 'klart' är inget tillåtet värde för ”Status” i Avvikelse 1." in text
    assert "möten.planerade" not in text
    assert list(hjo.iter_attachments()) == []

    karlsborg = parse(out / "paminnelse-2025-karlsborg.eml")
    assert karlsborg["To"] == "Västbus Karlsborg <vastbus.karlsborg@example.se>"  # last year's
    assert karlsborg["Subject"] == ("Påminnelse: årsberättelsen för 2025 från Västbusgruppen i "
                                    "Karlsborg, senast 1 mars 2026")
    letter = karlsborg.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert ("Vi har ännu inte fått årsberättelsen för 2025 från Västbusgruppen i Karlsborg. Sista "
            "dag är 1 mars 2026 (12 dagar kvar).") in letter
    assert letter.rstrip().endswith("Delregional samordnare, Skaraborgs kommunalförbund")
    [attached] = list(karlsborg.iter_attachments())
    assert attached.get_filename() == "arsberattelse-2025-karlsborg.yaml"
    template = attached.get_content()
    template = template.decode("utf-8") if isinstance(template, bytes) else template
    assert 'namn: "Karlsborg"' in template and "år: 2025" in template

    toreboda = parse(out / "paminnelse-2025-toreboda.eml")
    assert toreboda["To"] is None  # no address anywhere: the coordinator fills it in
    letter = toreboda.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "30 saker att rätta eller fylla i" in letter
    assert "6. ”Antal” för BUP (rad 47) är inte ifyllt." in letter.splitlines()  # row by choice
    assert "13. ”Titel” i Pågående arbete 1 (rad 67) är inte ifyllt." in letter.splitlines()
    assert letter.count("Ersätt mallens exempeltext") == 1  # a hint once, not 24 times

    # never over an existing draft without --force, and nothing written when refused
    (out / "paminnelse-2025-hjo.eml").write_text("eget", encoding="utf-8")
    again = runner.invoke(app, ["status", str(folder), "--date", DATE, "--drafts", str(out)])
    assert again.exit_code == 2 and "finns redan" in " ".join(again.output.split())
    assert (out / "paminnelse-2025-hjo.eml").read_text(encoding="utf-8") == "eget"
    forced = runner.invoke(app, ["status", str(folder), "--date", DATE, "--drafts", str(out),
                                 "--force"])
    assert forced.exit_code == 1
    assert parse(out / "paminnelse-2025-hjo.eml")["X-Unsent"] == "1"


def test_drafts_with_the_form_attached(tmp_path: Path) -> None:
    out = tmp_path / "utkast"
    result = runner.invoke(app, ["status", str(EXAMPLES / "2025"), "--date", DATE, "--drafts",
                                 str(out), "--form", "-f", "json"])
    assert result.exit_code == 1
    [attached] = list(parse(out / "paminnelse-2025-gullspang.eml").iter_attachments())
    assert attached.get_filename() == "arsberattelse-2025-gullspang.html"
    assert attached.get_content_type() == "text/html"
    assert "<html" in attached.get_content()


def test_subject_with_a_and_o_keeps_its_spaces(tmp_path: Path) -> None:
    out = tmp_path / "utkast"
    runner.invoke(app, ["status", str(EXAMPLES / "2025"), "--date", DATE, "--drafts", str(out)])
    subject = parse(out / "paminnelse-2025-toreboda.eml")["Subject"]
    assert subject == ("Påminnelse: årsberättelsen för 2025 från Västbusgruppen i Töreboda, "
                       "senast 1 mars 2026")


def test_feedback_after_compile(tmp_path: Path) -> None:
    out, summary = tmp_path / "återkoppling", tmp_path / "s.md"
    result = runner.invoke(app, ["compile", str(EXAMPLES / "2025"), "--date", DATE, "-o",
                                 str(summary), "--feedback", str(out)])
    assert result.exit_code == 0, result.output
    assert len(list(out.iterdir())) == 12  # one per group in the summary
    assert "Ingen e-postadress för Essunga, Hjo och Mariestad" in " ".join(result.stderr.split())
    skovde = parse(out / "aterkoppling-2025-skovde.eml")
    assert skovde["To"] == "Västbus Skövde <vastbus.skovde@example.se>"
    assert skovde["Subject"] == "Tack för årsberättelsen för 2025 från Västbusgruppen i Skövde"
    assert skovde["X-Unsent"] == "1"
    text = skovde.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert ("Tack för årsberättelsen för 2025 från Västbusgruppen i Skövde. Den är nu med i den "
            "delregionala sammanställningen för Skaraborg.") in text
    assert "- Möten: 9 genomförda av 10 planerade; 13 representanter från 8 organisationer." in text
    assert ("- Avvikelser: 14 (SIP ej kallad eller försenad 7; Övergång mellan verksamheter 3; "
            "Väntetider 4).") in text
    assert ("- Kategorin ”SIP ej kallad eller försenad” finns i 6 grupper och är med bland de "
            "möjliga övergripande systemfelen som lyfts till regional nivå.") in text
    assert "- Lyfta till delregional nivå: 1 avvikelse (Väntetider)." in text
    hjo = parse(out / "aterkoppling-2025-hjo.eml").get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "Det här var oklart eller kan bli tydligare nästa år:" in hjo
    assert "- Gruppen har ingen representant från Primärvård" in hjo
