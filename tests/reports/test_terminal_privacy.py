"""No identity number on the terminal: what `validate` quotes back, what `template` writes.

`validate` quotes the user's own text (a wrong count, an unknown key, a value not in a
list, the file's name) so that they can find it; a personnummer in it is masked like
everything `compile` writes (`privacy`, through `reporters.guarded`), in the text and
the JSON reporter alike. `template` refuses a name holding one (see `cli/template.py`
for why it refuses rather than masks) and writes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from reportdata import VALID, replace_line
from typer.testing import CliRunner

from vastbus_cli.cli import app

runner = CliRunner()
NUMBER = "811218-9876"
MASK = "[personnummer borttaget]"

CASES = {
    "antal": (replace_line(VALID, "  genomförda: 7\n", f"  genomförda: {NUMBER}\n"),
              f"'möten.genomförda' ska vara ett heltal (nu står det '{MASK}')."),
    "nyckel": (replace_line(VALID, "år: 2025\n", f"år: 2025\n{NUMBER}: x\n"),
               f"Okänd nyckel '{MASK}'."),
    "lista": (replace_line(VALID, "    status: pågående\n", f"    status: {NUMBER}\n"),
              f"'{MASK}' är inget tillåtet värde för 'status' i post 1 under 'avvikelser'."),
    "lång": (replace_line(VALID, "  genomförda: 7\n", f"  genomförda: {'x' * 52}{NUMBER}\n"),
             "'möten.genomförda' ska vara ett heltal"),  # the number where the quote is cut
}


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_validate_never_quotes_an_identity_number(tmp_path: Path, case: str, fmt: str) -> None:
    text, message = CASES[case]
    path = tmp_path / f"skovde-{NUMBER}.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "--format", fmt, str(path)])
    assert result.exit_code == 1, result.output
    assert "811218" not in result.output and "9876" not in result.output
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["filer"] == [str(tmp_path / f"skovde-{MASK}.yaml")]
        assert any(p["message"].startswith(message) for p in data["problem"]), data["problem"]
    else:
        assert message in " ".join(result.output.split())
        assert f"skovde-{MASK}.yaml" in result.output


def test_template_refuses_a_group_name_with_an_identity_number(tmp_path: Path) -> None:
    for extra in ([], ["--form"]):
        out = tmp_path / ("mall.html" if extra else "mall.yaml")
        result = runner.invoke(app, ["template", "-g", NUMBER, "--municipality", "Hjo",
                                     "--subregion", "Skaraborg", "--year", "2025", "-o",
                                     str(out), *extra])
        assert result.exit_code == 2
        assert " ".join(result.output.split()) == (
            "fel: --group: namnet innehåller något som ser ut som ett personnummer; det skrivs "
            "inte i mallen. → Skriv gruppens, kommunens eller delregionens namn utan "
            "personuppgifter.")
        assert not out.exists()


def test_template_refuses_a_roster_group_with_an_identity_number(tmp_path: Path) -> None:
    roster = tmp_path / "grupper.yaml"
    roster.write_text(f"delregion: Skaraborg\ngrupper:\n  - namn: Hjo {NUMBER}\n    kommun: Hjo\n",
                      encoding="utf-8")
    result = runner.invoke(app, ["template", "--roster", str(roster), "--year", "2025", "-o",
                                 str(tmp_path / "mallar")])
    assert result.exit_code == 2, result.output
    assert "811218" not in result.output
    assert "En grupp i gruppförteckningen: namnet innehåller något som ser ut som ett " \
           "personnummer" in " ".join(result.output.split())
    assert not list(tmp_path.glob("mallar/*.yaml"))
