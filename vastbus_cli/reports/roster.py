"""The roster (gruppförteckning): which local groups a sub-region expects.

Which groups exist differs between sub-regions (Göteborg's are per city
district), so it is always data the coordinator supplies, never hard-coded.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from vastbus_cli.problems import Problem, warning
from vastbus_cli.reports.load import LoadedFile, load_file
from vastbus_cli.reports.model import Email, Name, Text
from vastbus_cli.reports.parse import parse_model
from vastbus_cli.suggest import fold

ROSTER_NAME = "grupper.yaml"


class RosterGroup(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    name: Name = Field(alias="namn", description="Den lokala gruppens namn, som i årsberättelsen")
    municipality: Text = Field(alias="kommun", description="Kommun eller stadsdel")
    contact: Text | None = Field(
        default=None, alias="kontakt",
        description="Vem påminnelser skickas till: roll eller namn (valfritt)")
    email: Email | None = Field(
        default=None, alias="epost",
        description="Kontaktens e-postadress, för påminnelser (valfritt)")


class Roster(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)

    subregion: Text = Field(alias="delregion", description="Delregionens namn")
    deadline: dt.date | None = Field(
        default=None, alias="sista_dag",
        description="Sista dag för sammanställningen (standard: 1 juni året efter verksamhetsåret)",
    )
    groups_deadline: dt.date | None = Field(
        default=None, alias="sista_dag_grupper",
        description="Sista dag för de lokala gruppernas årsberättelser (standard: 1 mars året "
                    "efter verksamhetsåret); står i påminnelserna och i vastbus status",
    )
    groups: list[RosterGroup] = Field(alias="grupper", description="De lokala grupper som ska rapportera")
    sender: Text | None = Field(
        default=None, alias="delregional_grupp",
        description="Den delregionala gruppens namn (avsändare på sammanställningens titelsida)")
    coordinator_role: Text | None = Field(
        default=None, alias="samordnare",
        description="Samordnarens roll, t.ex. 'Delregional samordnare, Skaraborgs kommunalförbund'")
    reference: Text | None = Field(
        default=None, alias="diarienummer", description="Sammanställningens diarienummer")
    recipient: Text | None = Field(
        default=None, alias="mottagare",
        description="Vem sammanställningen går till (titelsidans 'Till:'; standard: "
                    "Regionala styrgruppen för Västbus)")
    _index: tuple[list[RosterGroup], dict[str, RosterGroup]] | None = PrivateAttr(default=None)

    def deadline_for(self, year: int) -> dt.date:
        """The summary's deadline (to the regional steering group): `compile` says it."""
        return self.deadline or summary_deadline(year)

    def groups_deadline_for(self, year: int) -> dt.date:
        """The local groups' deadline (their reports to the sub-regional group): `status` and
        the letters say it."""
        return self.groups_deadline or groups_deadline(year)

    def find(self, name: str) -> RosterGroup | None:
        return self._by_key().get(group_key(name))

    def _by_key(self) -> dict[str, RosterGroup]:
        """Groups by `group_key`, the first of equal keys winning (as a scan from the top would):
        one look-up per report instead of a scan of the roster.

        The index is kept together with the list it was built from and used only while
        `groups` is still that list: `model_copy` copies private attributes (and a
        `cached_property`) as they are, so a copy with other groups must not answer from
        the original's index.
        """
        if self._index is not None and self._index[0] is self.groups:
            return self._index[1]
        found: dict[str, RosterGroup] = {}
        for group in self.groups:
            found.setdefault(group_key(group.name), group)
        self._index = (self.groups, found)
        return found

    def distinct_groups(self) -> list[RosterGroup]:
        """Each group once, as first listed: a group named twice is expected once."""
        return list(self._by_key().values())

    def names(self) -> list[str]:
        return [g.name for g in self.distinct_groups()]


def summary_deadline(year: int) -> dt.date:
    """1 June after the report year: the sub-regional summary to the steering group."""
    return dt.date(year + 1, 6, 1)


def groups_deadline(year: int) -> dt.date:
    """1 March after the report year: under the Västbus guidelines a local group sends its
    report to the sub-regional group by then (a group told 1 June makes the summary late)."""
    return dt.date(year + 1, 3, 1)


def group_key(name: str) -> str:
    """How group names are compared: case, spacing and å/ä/ö-folding do not matter."""
    if name.isascii():  # then folding only turns '-' and ' ' into '_': the same, 4x faster
        return " ".join(name.lower().replace("-", " ").replace("_", " ").split())
    return " ".join(fold(name).replace("_", " ").split())


DUPLICATE_CODE = "dubbel-grupp"


def load_roster(path: Path) -> tuple[Roster | None, list[Problem], LoadedFile]:
    loaded = load_file(path)
    roster, problems = parse_model(loaded, Roster, what="gruppförteckningen")
    if roster is not None:
        problems.extend(_duplicates(roster, loaded))
    return roster, loaded.problems + problems, loaded


def _duplicates(roster: Roster, loaded: LoadedFile) -> list[Problem]:
    """A group listed twice (however spelt) is a warning at the second entry; it counts once."""
    first: dict[str, int] = {}
    found = []
    for index, group in enumerate(roster.groups):
        key = group_key(group.name)
        if key not in first:
            first[key] = index
            continue
        line, column = loaded.positions.of(("grupper", index, "namn"))
        earlier, _ = loaded.positions.of(("grupper", first[key], "namn"))
        found.append(warning(
            loaded.path, line, column, DUPLICATE_CODE,
            f"Gruppen '{group.name}' står redan i gruppförteckningen (rad {earlier}); "
            "den räknas en gång.", "Ta bort den ena raden."))
    return found


def find_roster(folder: Path) -> Path | None:
    """The roster that lies in a reports folder, picked up without `--roster`."""
    candidate = folder / ROSTER_NAME
    # present in any form: a roster that is a link to nowhere or a folder is reported, not ignored
    return candidate if os.path.lexists(candidate) else None
