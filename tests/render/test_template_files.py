"""A user's template reads nothing but the files named with --template (issue #25.3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from usertemplates import compile_with, report_folder, runner

from vastbus_cli.cli import app


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return report_folder(tmp_path)


@pytest.mark.parametrize("wanted", [".ssh/id_rsa", "2025/Skovde.yaml", "../hemlig.txt",
                                    "/etc/passwd", ".dold.md.j2", "2025/grupper.yaml"])
def test_a_file_not_named_is_not_read(folder: Path, wanted: str) -> None:
    secret = folder.parent / ".ssh" / "id_rsa"
    secret.parent.mkdir()
    secret.write_text("HEMLIG NYCKEL", encoding="utf-8")
    (folder.parent / ".dold.md.j2").write_text("HEMLIG NYCKEL", encoding="utf-8")
    code, output, out = compile_with(folder, f"Rubrik\n\n{{% include '{wanted}' %}}\n")
    assert code == 1, output
    assert (f"fel: Mallen mall.md kan inte användas (rad 3): den vill läsa filen '{wanted}', "
            "som inte är angiven med --template.") in output
    assert "HEMLIG" not in output and not out.exists()


@pytest.mark.parametrize("tag", ["{% import 'delar.md.j2' as d %}",
                                 "{% from 'delar.md.j2' import rubrik %}",
                                 "{% extends 'delar.md.j2' %}",
                                 "{% include ['x.j2', 'delar.md.j2'] %}"])
def test_every_way_of_reading_a_file_is_refused_unless_it_is_named(folder: Path,
                                                                   tag: str) -> None:
    code, output, _ = compile_with(folder, f"\n{tag}\n", parts={"delar.md.j2": "x"}, named=[])
    assert code == 1, output
    assert "fel: Mallen mall.md kan inte användas (rad 2): den vill läsa filen" in output


def test_parts_named_with_template_are_read(folder: Path) -> None:
    parts = {"delar.md.j2": "{% macro rubrik(t) %}Rubrik {{ t }}{% endmacro %}",
             "bas.md.j2": "Före\n{% block innehall %}{% endblock %}\nEfter\n",
             "fot.md.j2": "Fot {{ s.year }}"}
    text = ("{% extends 'bas.md.j2' %}{% import 'delar.md.j2' as d %}"
            "{% block innehall %}{{ d.rubrik('År') }}\n{% include 'fot.md.j2' %}{% endblock %}")
    code, output, out = compile_with(folder, text, parts=parts)
    assert code == 0, output
    assert out.read_text("utf-8") == "Före\nRubrik År\nFot 2025Efter\n"


@pytest.mark.parametrize(("name", "said"), [
    (".mall.md.j2", "fel: Mallen .mall.md.j2 är en dold fil; en mall får inte vara dold."),
])
def test_a_hidden_template_is_refused(folder: Path, name: str, said: str) -> None:
    code, output, _ = compile_with(folder, "x", name=name)
    assert code == 2 and said in output


@pytest.mark.parametrize(("part", "said"), [
    ("id_rsa", "fel: Mallen id_rsa ska heta något som slutar på .j2 för att en annan mall "
               "ska få läsa den."),
    (".dold.j2", "fel: Mallen .dold.j2 är en dold fil; en mall får inte vara dold."),
    ("2025/rapport.yaml", "fel: Mallen rapport.yaml ska heta något som slutar på .j2"),
    ("under/mall.md", "fel: Mallen mall.md ska heta något som slutar på .j2"),
])
def test_a_part_must_be_a_j2_file_that_is_not_hidden(folder: Path, part: str,
                                                     said: str) -> None:
    code, output, out = compile_with(folder, "{% include 'x' %}",
                                     parts={part: "HEMLIG"}, named=[part])
    assert code == 2, output
    assert said in output and "HEMLIG" not in output and not out.exists()


def test_two_parts_of_the_same_name_are_refused(folder: Path) -> None:
    code, output, _ = compile_with(folder, "x", parts={"a/del.j2": "1", "b/del.j2": "2"})
    assert code == 2
    assert "fel: Två mallar heter del.j2; mallarna måste ha olika filnamn." in output


def test_a_template_that_is_not_utf8_is_refused_at_its_line(folder: Path) -> None:
    code, output, _ = compile_with(folder, "rad ett\nrad två\nr\xe4ksm\xf6rg\xe5s\n"
                                   .encode("latin-1").replace(b"tv\xe5", b"tva"))
    assert code == 1, output
    assert "fel: Mallen mall.md kan inte användas (rad 3): den är inte sparad som UTF-8." \
        in output


def test_a_part_that_is_not_utf8_is_named_with_its_own_line(folder: Path) -> None:
    code, output, _ = compile_with(folder, "{% include 'del.md.j2' %}",
                                   parts={"del.md.j2": b"a\n\xff\n"})
    assert code == 1, output
    assert "fel: Mallen del.md.j2 kan inte användas (rad 2): den är inte sparad som UTF-8." \
        in output


def test_a_template_too_large_to_be_one_is_not_read(folder: Path) -> None:
    code, output, _ = compile_with(folder, "x" * 1_000_001)
    assert code == 1
    assert "fel: Mallen mall.md är större än 1 000 000 byte" in output


def test_rollup_takes_the_same_templates(folder: Path, tmp_path: Path) -> None:
    summary = tmp_path / "Skaraborg.json"
    assert runner.invoke(app, ["compile", str(folder), "-o", str(summary)]).exit_code == 0
    (tmp_path / "mall.md.j2").write_text("Region {{ s.year }}\n{% include 'del.j2' %}",
                                         encoding="utf-8")
    (tmp_path / "del.j2").write_text("Del", encoding="utf-8")
    result = runner.invoke(app, ["rollup", str(summary), "-t", str(tmp_path / "mall.md.j2"),
                                 "-t", str(tmp_path / "del.j2")])
    assert result.exit_code == 0, result.output
    assert result.stdout == "Region 2025\nDel\n"
    refused = runner.invoke(app, ["rollup", str(summary), "-t", str(tmp_path / "mall.md.j2")])
    assert refused.exit_code == 1
    assert ("fel: Mallen mall.md.j2 kan inte användas (rad 2): den vill läsa filen 'del.j2'"
            in " ".join(refused.output.split()))
