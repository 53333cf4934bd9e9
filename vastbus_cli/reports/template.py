"""Pre-filled annual-report templates, one per group."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from vastbus_cli.reports.schema import SCHEMA_FILE
from vastbus_cli.templating import render
from vastbus_cli.vocabulary import (
    DeviationCategory,
    DeviationStatus,
    Organisation,
    Theme,
    choices_comment,
)

TEMPLATE_NAME = "arsberattelse.yaml.j2"


@dataclass(frozen=True)
class GroupInfo:
    name: str
    municipality: str
    subregion: str


def slug(text: str) -> str:
    """A safe, readable file-name part: `Västra Hisingen` → `vastra-hisingen`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "grupp"


def file_name(group: GroupInfo, year: int) -> str:
    return f"arsberattelse-{year}-{slug(group.name)}.yaml"


def render_template(group: GroupInfo, year: int, name: str | None = None) -> str:
    return render(
        TEMPLATE_NAME,
        year=year,
        group=group.name,
        municipality=group.municipality,
        subregion=group.subregion,
        file_name=name or file_name(group, year),
        schema_file=SCHEMA_FILE,
        organisation_codes=Organisation.codes(),
        organisations=choices_comment(Organisation),
        themes=choices_comment(Theme),
        categories=choices_comment(DeviationCategory),
        statuses=choices_comment(DeviationStatus),
    )


def differs_from_blank(path: Path, blank: str) -> bool:
    """Whether an existing file holds anything but the blank template `blank` (a group's work).

    Line endings and a byte-order mark do not count (a blank template opened and saved
    in Notepad is still blank); a file that cannot be read or decoded counts as work.
    """
    try:
        raw = path.read_bytes()
    except OSError:
        return True
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return True
    return text.replace("\r\n", "\n") != blank.replace("\r\n", "\n")
