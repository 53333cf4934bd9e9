"""Test fixture: the examples split into three sub-regions, each with its own roster.

`split(target)` copies examples/rapporter/2025 (and 2024, for the comparison) into one
folder per sub-region, each report's `delregion` rewritten and a `grupper.yaml` listing
the sub-region's groups; `flat(target)` puts all the raw reports of a year in one folder
without a roster, the way they would be compiled all at once.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from vastbus_cli.reports.roster import group_key

EXAMPLES = Path(__file__).parents[1] / "examples" / "rapporter"

#: Sub-region → (group, municipality file slug); every group of the 2025 roster once.
SUBREGIONS: dict[str, list[tuple[str, str]]] = {
    "Norra Skaraborg": [("Gullspång", "gullspang"), ("Hjo", "hjo"), ("Karlsborg", "karlsborg"),
                        ("Mariestad", "mariestad"), ("Tibro", "tibro"),
                        ("Töreboda", "toreboda")],
    "Västra Skaraborg": [("Essunga", "essunga"), ("Grästorp", "grastorp"), ("Götene", "gotene"),
                         ("Lidköping", "lidkoping"), ("Skara", "skara"), ("Vara", "vara")],
    "Södra Skaraborg": [("Falköping", "falkoping"), ("Skövde", "skovde"),
                        ("Tidaholm", "tidaholm")],
}


def _roster(subregion: str, groups: list[tuple[str, str]]) -> str:
    lines = [f"delregion: {subregion}", f"delregional_grupp: Delregional Västbusgrupp {subregion}",
             "grupper:"]
    # in the order merge gives groups without a roster, so the two compare row by row
    for name, _ in sorted(groups, key=lambda g: group_key(g[0])):
        lines += [f"  - namn: {name}", f"    kommun: {name}"]
    return "\n".join(lines) + "\n"


def _copy(year: int, slug: str, subregion: str, folder: Path) -> None:
    source = EXAMPLES / str(year) / f"arsberattelse-{year}-{slug}.yaml"
    if source.exists():
        text = re.sub(r'(?m)^  delregion: "?Skaraborg"?$', f'  delregion: "{subregion}"',
                      source.read_text(encoding="utf-8"))
        assert f'delregion: "{subregion}"' in text, source
        (folder / source.name).write_text(text, encoding="utf-8")


def split(target: Path, year: int = 2025) -> dict[str, Path]:
    """One folder per sub-region with its reports of `year` and its roster."""
    folders = {}
    for subregion, groups in SUBREGIONS.items():
        folder = target / f"{subregion} {year}"
        folder.mkdir(parents=True)
        (folder / "grupper.yaml").write_text(_roster(subregion, groups), encoding="utf-8")
        for _, slug in groups:
            _copy(year, slug, subregion, folder)
        folders[subregion] = folder
    return folders


def flat(target: Path, year: int = 2025) -> Path:
    """All of `year`'s reports, in their sub-regions, in one folder without a roster."""
    folder = target / f"alla {year}"
    folder.mkdir(parents=True)
    for subregion, groups in SUBREGIONS.items():
        for _, slug in groups:
            _copy(year, slug, subregion, folder)
    return folder


def copy_examples(target: Path) -> None:
    shutil.copytree(EXAMPLES, target)


def generated(target: Path, subregions: int = 4, groups: int = 12) -> tuple[list[Path], Path]:
    """A made-up region: `subregions` sub-regions of `groups` groups each, every report one of
    the examples under a new group name (as benchmarks/generate.py makes them), a roster per
    sub-region naming one group more than report (missing). Returns the sub-regions' folders
    and one folder with all the reports, without a roster."""
    texts = sorted((EXAMPLES / "2025").glob("arsberattelse-*.yaml"))
    every = target / "hela regionen"
    every.mkdir(parents=True)
    folders = []
    for s in range(subregions):
        subregion = f"Delregion {s + 1}"
        folder = target / subregion
        folder.mkdir()
        names = [f"Grupp {s + 1}-{g + 1:02d}" for g in range(groups)]
        (folder / "grupper.yaml").write_text(_roster(subregion, [(n, "") for n in [
            *names, f"Grupp {s + 1}-saknas"]]), encoding="utf-8")
        for g, name in enumerate(names):
            text = texts[(s * groups + g) % len(texts)].read_text(encoding="utf-8")
            text = re.sub(r"(?m)^  namn: .*$", f'  namn: "{name}"', text, count=1)
            text = re.sub(r"(?m)^  kommun: .*$", f'  kommun: "{name}"', text, count=1)
            text = re.sub(r'(?m)^  delregion: "?Skaraborg"?$', f'  delregion: "{subregion}"', text)
            for place in (folder, every):
                (place / f"arsberattelse-2025-{s + 1}-{g + 1:02d}.yaml").write_text(
                    text, encoding="utf-8")
        folders.append(folder)
    return folders, every


#: Keys only a roster can fill in; compiled all at once there is no roster for them.
ROSTER_KEYS = {"missing", "expected", "new_in_roster"}


def without(data: Any, keys: set[str]) -> Any:
    """`data` (JSON-like) with `keys` left out at every level: to compare a roll-up with a
    direct compile beside what only the rosters know."""
    if isinstance(data, dict):
        return {k: without(v, keys) for k, v in data.items() if k not in keys}
    if isinstance(data, list):
        return [without(v, keys) for v in data]
    return data
