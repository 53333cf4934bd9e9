"""A report must belong to a group the roster expects, in the roster's sub-region."""

from __future__ import annotations

from collections.abc import Iterator

from vastbus_cli.problems import Problem, error, warning
from vastbus_cli.reports.checks.base import Context, ReportFile
from vastbus_cli.reports.roster import group_key
from vastbus_cli.suggest import did_you_mean

CODE = "okänd-grupp"
SUBREGION_CODE = "annan-delregion"


def check(rf: ReportFile, ctx: Context) -> Iterator[Problem]:
    if ctx.roster is None:
        return
    group = rf.report.group
    if ctx.roster.find(group.name) is None:
        line, column = rf.at("grupp", "namn")
        hint = did_you_mean(group.name, ctx.roster.names()) or (
            "Skriv gruppens namn exakt som i gruppförteckningen, eller lägg till gruppen där.")
        yield error(rf.path, line, column, CODE,
                    f"Gruppen '{group.name}' finns inte i gruppförteckningen.", hint)
    if group_key(group.subregion) != group_key(ctx.roster.subregion):
        line, column = rf.at("grupp", "delregion")
        yield warning(rf.path, line, column, SUBREGION_CODE,
                      f"Delregionen '{group.subregion}' skiljer sig från gruppförteckningens "
                      f"'{ctx.roster.subregion}'.",
                      "Kontrollera stavningen av delregionen.")
