"""Writing e-mail drafts to a folder: all refused before any is written, nothing sent."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from vastbus_cli.cli.common import check_outputs, err_console, fail, write_output

if TYPE_CHECKING:
    from vastbus_cli.year.mail import Draft
    from vastbus_cli.year.status import StatusResult


def write_drafts(drafts: Sequence[Draft], folder: Path, *, force: bool,
                 inputs: Sequence[Path], what: str) -> None:
    """Each draft as `folder/NAME.eml`; groups without an address are named on the terminal."""
    from vastbus_cli.paths import path_problem
    from vastbus_cli.problems import plural

    if folder.exists() and path_problem(folder, "mapp") is not None:
        fail(f"{folder} är ingen mapp.", "Ange en mapp för utkasten, t.ex. --drafts utkast/.")
    console = err_console()
    if not drafts:
        console.print(f"Inga {what} behövs; inga utkast skrevs.", highlight=False)
        return
    targets = [folder / d.file_name for d in drafts]
    check_outputs(*targets, force=force, inputs=inputs)  # every one, before writing any
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        fail(f"Kan inte skapa mappen {folder}: {exc.strerror}.", code=1)
    for draft, target in zip(drafts, targets, strict=True):
        write_output(target, draft.as_bytes(), force, inputs)
    console.print(f"{plural(len(drafts), 'utkast', 'utkast')} ({what}) skrevs till {folder}/. "
                  "Inget har skickats: öppna utkasten, läs igenom och skicka.", highlight=False)
    unaddressed = [d.group for d in drafts if not d.addressed]
    if unaddressed:
        from vastbus_cli.documents.phrases import names

        which = "det utkastet" if len(unaddressed) == 1 else f"de {len(unaddressed)} utkasten"
        console.print(f"Ingen e-postadress för {names(unaddressed)}: {which} saknar "
                      "mottagare. Lägg till epost för gruppen i grupper.yaml (eller fyll i "
                      "adressen i utkastet).", highlight=False)


def write_reminders(result: StatusResult, folder: Path, *, force: bool, form: bool,
                    inputs: Sequence[Path]) -> None:
    from vastbus_cli.year.drafts import reminders

    write_drafts(reminders(result, form=form), folder, force=force, inputs=inputs,
                 what="påminnelser")


def write_feedback(result: Any, folder: Path, *, force: bool, inputs: Sequence[Path]) -> None:
    """After compile: a letter per included group (`result` is a CompileResult)."""
    from vastbus_cli.year.feedback import feedback

    write_drafts(feedback(result), folder, force=force, inputs=inputs, what="återkoppling")
