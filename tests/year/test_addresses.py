"""`epost` is one address a letter can go to, and a group's name is one line: refused at
validation with a Swedish message at the line and column, so the mail code never sees them."""

from __future__ import annotations

import email
import email.policy
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.year.addresses import (
    ASCII_LOCAL,
    BAD_DOMAIN,
    IDN_CHANGED,
    ONE_ADDRESS,
    TOO_LONG,
    AddressError,
    mail_address,
)

EXAMPLES = Path(__file__).parents[2] / "examples" / "rapporter"
runner = CliRunner()


@pytest.mark.parametrize(("written", "sent"), [
    ("vastbus.hjo@example.se", "vastbus.hjo@example.se"),
    (" Anna.B+vastbus@Kommun.SE ", "Anna.B+vastbus@kommun.se"),
    ("anna@bäckebo.se", "anna@xn--bckebo-bua.se"),  # IDNA, the form every server takes
    ("anna@BÄCKEBO.se", "anna@xn--bckebo-bua.se"),
    ("a@xn--bckebo-bua.se", "a@xn--bckebo-bua.se"),
    ("o'brien@example.org", "o'brien@example.org"),
    ("a@mail.k1.se", "a@mail.k1.se"),  # the last label is the top-level domain
    ("a@" + ".".join(["b" * 63] * 3 + ["b" * 58, "se"]),  # 253 characters, the most
     "a@" + ".".join(["b" * 63] * 3 + ["b" * 58, "se"])),
    ("a" * 64 + "@" + "b" * 63 + ".se", "a" * 64 + "@" + "b" * 63 + ".se"),
])
def test_addresses_a_letter_can_go_to(written: str, sent: str) -> None:
    assert mail_address(written) == sent


@pytest.mark.parametrize(("written", "reason"), [
    ("a@b.se, c@d.se", ONE_ADDRESS), ("a@b.se;c@d.se", ONE_ADDRESS),
    ("x@evil.example>", ONE_ADDRESS), ("Hjo <hjo@x.se>", ONE_ADDRESS),
    ("a@b.se:c", ONE_ADDRESS), ("a@b.se\nBcc: x@y.se", ONE_ADDRESS), ("a@@b.se", ONE_ADDRESS),
    ('"a b"@x.se', ONE_ADDRESS), ("a@b@c.se", ONE_ADDRESS),
    ("åsa@kommun.se", ASCII_LOCAL), ("=?utf-8?q?x?=@example.se", ASCII_LOCAL),
    ("a..b@x.se", ASCII_LOCAL), ("." + "a" * 63 + "@x.se", ASCII_LOCAL), (".a@x.se", ASCII_LOCAL), ("a" * 65 + "@x.se", TOO_LONG),
    ("a@b", BAD_DOMAIN), ("a@-b.se", BAD_DOMAIN), ("a@b-.se", BAD_DOMAIN), ("a@b..se", BAD_DOMAIN),
    ("a@b.s3", BAD_DOMAIN), ("a@b.s", BAD_DOMAIN), ("a@" + "b" * 64 + ".se", BAD_DOMAIN),
    ("a@b_c.se", BAD_DOMAIN),
    ("a@faß.de", IDN_CHANGED),  # IDNA 2003 makes it fass.de: somebody else's domain
    ("a@b\u200b.se", IDN_CHANGED), ("a@\u202eab.se", IDN_CHANGED),
    ("a@" + ".".join(["b" * 60] * 5) + ".se", TOO_LONG),
])
def test_addresses_refused_with_the_reason(written: str, reason: str) -> None:
    with pytest.raises(AddressError) as caught:
        mail_address(written)
    assert caught.value.reason == reason and str(caught.value) == reason


HOSTILE_ROSTER = """\
delregion: Skaraborg
grupper:
  - namn: "Hjo\\nTibro"
    kommun: Hjo
  - namn: "Tibro\\u2028x"
    kommun: Tibro
  - namn: "Töre\\x85boda"
    kommun: Töreboda
  - namn: Karlsborg
    kommun: Karlsborg
    epost: "x@evil.example>"
  - namn: Mariestad
    kommun: Mariestad
    epost: "a@b.se, x@evil.example"
  - namn: Gullspång
    kommun: Gullspång
    epost: 811218-9876@example.se
"""


def test_roster_names_and_addresses_refused_at_their_line(tmp_path: Path) -> None:
    (tmp_path / "grupper.yaml").write_text(HOSTILE_ROSTER, encoding="utf-8")
    result = runner.invoke(app, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    out = result.stdout
    roster = tmp_path / "grupper.yaml"
    assert (f"{roster}:3:11  fel  styrtecken  'namn' i post 1 under 'grupper' innehåller en "
            "radbrytning (U+000A).") in out
    assert f"{roster}:5:11  fel  styrtecken" in out and "radbrytning (U+2028)." in out
    assert f"{roster}:7:11  fel  styrtecken" in out and "radbrytning (U+0085)." in out
    assert (f"{roster}:11:12  fel  ogiltigt-värde  'epost' i post 4 under 'grupper' är ingen "
            "adress som e-post kan skickas till (nu står det 'x@evil.example>').") in out
    assert f"{roster}:14:12  fel  ogiltigt-värde" in out
    assert (f"{roster}:17:12  fel  ogiltigt-värde  'epost' i post 6 under 'grupper' innehåller "
            "ett personnummer.") in out
    assert "811218" not in out and "internt fel" not in result.output
    assert out.count("Skriv namnet på en rad, utan styrtecken.") == 3
    status = runner.invoke(app, ["status", str(tmp_path), "--drafts", str(tmp_path / "u")])
    assert status.exit_code == 1 and "internt fel" not in status.output
    assert "Gruppförteckningen kan inte läsas" in status.output


def test_report_epost_checked_and_idn_encoded_in_the_draft(tmp_path: Path) -> None:
    folder = tmp_path / "r"
    shutil.copytree(EXAMPLES / "2025", folder)
    skovde = folder / "arsberattelse-2025-skovde.yaml"
    text = skovde.read_text(encoding="utf-8")
    skovde.write_text(text.replace("vastbus.skovde@example.se", "anna@skövde.se"),
                      encoding="utf-8")
    hjo = folder / "arsberattelse-2025-hjo.yaml"
    text = hjo.read_text(encoding="utf-8")
    assert "roll:" in text
    hjo.write_text(text.replace("kontakt:\n", "kontakt:\n  epost: 'hjo@x.se,bcc.example'\n", 1),
                   encoding="utf-8")
    checked = runner.invoke(app, ["validate", str(hjo), str(skovde)])
    assert checked.exit_code == 1
    assert "'kontakt.epost' är ingen adress som e-post kan skickas till (nu står det " \
           "'hjo@x.se,bcc.example')." in checked.stdout
    assert str(skovde) not in checked.stdout  # an å/ä/ö domain is fine
    out = tmp_path / "utkast"
    result = runner.invoke(app, ["status", str(folder), "--date", "2026-02-01", "--drafts",
                                 str(out)])
    assert result.exit_code == 1 and "internt fel" not in result.output
    draft = email.message_from_bytes((out / "paminnelse-2025-hjo.eml").read_bytes(),
                                     policy=email.policy.default)
    assert draft["To"] is None  # the bad address is not used
    # Skövde is ready, so no reminder; its address would go out IDNA-encoded:
    from vastbus_cli.year.mail import recipient

    assert str(recipient("Västbus Skövde", "anna@skövde.se")) == \
        "Västbus Skövde <anna@xn--skvde-kua.se>"
