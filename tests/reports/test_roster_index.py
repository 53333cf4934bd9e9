"""The roster's look-up index never answers for another roster (issue #19.8)."""

from __future__ import annotations

from vastbus_cli.reports.roster import Roster, RosterGroup


def _roster(*names: str) -> Roster:
    return Roster(delregion="Skaraborg",
                  grupper=[RosterGroup(namn=n, kommun=n) for n in names])


def test_find_on_a_copy_with_other_groups_answers_from_the_copy() -> None:
    roster = _roster("Skövde", "Lidköping")
    assert roster.find("skovde") is not None  # builds the index on the original
    assert roster.find("Mariestad") is None
    copy = roster.model_copy(update={"groups": [RosterGroup(namn="Mariestad", kommun="M")]})
    assert copy.find("Mariestad") is not None and copy.find("Mariestad").name == "Mariestad"
    assert copy.find("Skövde") is None
    assert roster.find("Skövde") is not None and roster.find("Mariestad") is None


def test_find_on_a_copy_made_before_the_first_look_up() -> None:
    roster = _roster("Skövde")
    copy = roster.model_copy(update={"groups": [RosterGroup(namn="Tibro", kommun="T")]})
    assert copy.find("Tibro") is not None and copy.find("Skövde") is None
    assert roster.find("Skövde") is not None and roster.find("Tibro") is None


def test_a_plain_copy_and_a_deep_copy_still_find_the_same_groups() -> None:
    roster = _roster("Skövde", "Götene")
    assert roster.find("Götene") is not None
    for copy in (roster.model_copy(), roster.model_copy(deep=True)):
        assert copy.find("gotene") is not None and copy.find("Skövde") is not None
        assert copy.find("Tibro") is None
