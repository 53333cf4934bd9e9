"""Swedish for the few texts Click and Typer print themselves (help headings, usage errors).

Click marks its texts for gettext but ships no Swedish catalogue, so we put a
small translation in front of the names it imported.
"""

from __future__ import annotations

TRANSLATIONS = {
    "Usage:": "Användning:",
    "Show this message and exit.": "Visa den här hjälpen och avsluta.",
    "Options": "Flaggor",
    "Error": "Fel",
    "Try {command!r} for help.": "Skriv {command!r} för hjälp.",
    "Try '{command} {option}' for help.": "Skriv '{command} {option}' för hjälp.",
    "No such option: {name}": "Okänd flagga: {name}",
    "No such command {name!r}.": "Okänt kommando {name!r}.",
    "Missing argument {param_hint}.": "Argument saknas: {param_hint}.",
    "Missing option {param_hint}.": "Flagga saknas: {param_hint}.",
    "Missing parameter: {param_name}": "Parameter saknas: {param_name}",
    "Invalid value for {param_hint}: {message}": "Ogiltigt värde för {param_hint}: {message}",
    "Invalid value: {message}": "Ogiltigt värde: {message}",
    "Option {name!r} requires an argument.": "Flaggan {name!r} behöver ett värde.",
    "Option {name!r} requires {nargs} arguments.": "Flaggan {name!r} behöver {nargs} värden.",
    "Got unexpected extra argument ({args})": "Oväntat extra argument ({args})",
    "Got unexpected extra arguments ({args})": "Oväntade extra argument ({args})",
    "{value!r} is not a valid integer.": "{value!r} är inget heltal.",
    "{value!r} is not one of {choices}.": "{value!r} är inte något av {choices}.",
    "{value!r} is not {choice}.": "{value!r} är inte {choice}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} finns inte.",
    "File {name!r} does not exist.": "Filen {name!r} finns inte.",
    "Directory {name!r} does not exist.": "Mappen {name!r} finns inte.",
    "Path {name!r} does not exist.": "Sökvägen {name!r} finns inte.",
    "Commands": "Kommandon",
    "Arguments": "Argument",
    "Aborted!": "Avbrutet.",
    "(dynamic)": "(beräknas)",
    "default": "standard",
    "required": "krävs",
    "Did you mean {possibility}?": "Menade du {possibility}?",
    "(Possible options: {possibilities})": "(Möjliga val: {possibilities})",
}


def _translate(message: str) -> str:
    return TRANSLATIONS.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _translate(singular if n == 1 else plural)


def install() -> None:
    """Point Click's and Typer's gettext names and panel titles at Swedish.

    Recent Typer versions carry their own copy of Click (`typer._click`), older
    ones use `click`; every loaded module of either that imported gettext's `_`
    gets ours.
    """
    import gettext
    import sys

    import typer.core  # noqa: F401  (loads the modules whose texts we translate)
    import typer.main  # noqa: F401
    import typer.rich_utils as rich_utils

    for name, module in list(sys.modules.items()):
        if not name.startswith(("typer", "click")) or module is None:
            continue
        if getattr(module, "_", None) is gettext.gettext:
            module._ = _translate  # type: ignore[attr-defined]
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = _ngettext  # type: ignore[attr-defined]
    rich_utils.ARGUMENTS_PANEL_TITLE = "Argument"
    rich_utils.OPTIONS_PANEL_TITLE = "Flaggor"
    rich_utils.COMMANDS_PANEL_TITLE = "Kommandon"
    rich_utils.ERRORS_PANEL_TITLE = "Fel"
    rich_utils.ABORTED_TEXT = "Avbrutet."
    rich_utils.RICH_HELP = "Skriv [blue]'{command_path} {help_option}'[/] för hjälp."
    rich_utils.DEFAULT_STRING = "[standard: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[krävs]"
    rich_utils.ENVVAR_STRING = "[miljövariabel: {}]"
    rich_utils.DEPRECATED_STRING = "(föråldrad) "
