"""Swedish for the texts Click and Typer print themselves (usage, help headings, usage errors).

The one place vastbus reaches into Click's and Typer's internals, because neither
offers a way to translate its own texts. Older Typer versions use Click, whose
texts go through gettext under the module-private name `_`; recent ones carry
their own copy of Click (`typer._click`) with the English texts written inline.
We handle both: gettext names are pointed at our table, and the few places that
print inline English (the usage prefix, the help option's text, error messages,
type names, rich_utils' panel titles) are wrapped. At run time every patch is
skipped when its target does not exist, so a different Typer version degrades to
English rather than failing; tests/test_swedish.py fails loudly instead, naming
the target that moved.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

#: English message patterns → Swedish; compiled on the first message that is not in
#: _GETTEXT (help shows only table texts: compiling them all costs ~5 ms of `--help`).
_PATTERN_TEXTS: list[tuple[str, str]] = [
    (r"No such option: ?", "Okänd flagga: "),
    (r"No such command (.*)\.", r"Okänt kommando \1."),
    (r"Missing argument (.*)\.", r"Argument saknas: \1."),
    (r"Missing option (.*)\.", r"Flagga saknas: \1."),
    (r"Missing parameter: (.*)", r"Parameter saknas: \1"),
    (r"Invalid value for (.*?): ", r"Ogiltigt värde för \1: "),
    (r"Invalid value: ", "Ogiltigt värde: "),
    (r"Option (.*) requires an argument\.", r"Flaggan \1 behöver ett värde."),
    (r"Option (.*) requires (\d+) arguments\.", r"Flaggan \1 behöver \2 värden."),
    (r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", r"Oväntat extra argument (\1)"),
    (r"(.*) is not a valid integer( range)?\.", r"\1 är inget heltal."),
    (r"(.*) is not a valid float( range)?\.", r"\1 är inget tal."),
    (r"(.*) is not a valid boolean\.", r"\1 är varken sant eller falskt."),
    (r"(.*) is not one of (.*)\.", r"\1 är inte något av \2."),
    (r"(.*) is not (.*)\.", r"\1 är inte \2."),
    (r"(File|Directory|Path) (.*) does not exist\.", r"\2 finns inte."),
    (r"(File|Directory|Path) (.*) is a directory\.", r"\2 är en mapp."),
    (r"(File|Directory|Path) (.*) is a file\.", r"\2 är en fil."),
    (r"Did you mean (.*)\?", r"Menade du \1?"),
    (r"\(Possible options: (.*)\)", r"(Möjliga val: \1)"),
    (r"Missing command\.", "Kommando saknas."),
    (r"Value error, ", ""),  # newer Typer wraps validation messages in pydantic's prefix
    (r"(.*) is not in the range (.*)\.", r"\1 ligger utanför \2."),
    (r"(.*) is not in the range (.*)", r"\1 ligger utanför \2"),
    (r"Value must be (.*)", r"värdet ska vara \1"),
    (r"Input should be a valid integer.*", "ska vara ett heltal"),
    (r"Input should be a valid number.*", "ska vara ett tal"),
    (r"Input should be a valid boolean.*", "ska vara sant eller falskt"),
    (r"Input should be (.*)", r"ska vara \1"),
    (r"Try (.*) for help\.", r"Skriv \1 för hjälp."),
]

_GETTEXT = {
    "Usage:": "Användning:",
    "Show this message and exit.": "Visa den här hjälpen och avsluta.",
    "Options": "Flaggor",
    "Arguments": "Argument",
    "Commands": "Kommandon",
    "Error": "Fel",
    "Aborted!": "Avbrutet.",
    "required": "krävs",
    "default": "standard",
}

HELP_TEXT = "Visa den här hjälpen och avsluta."
_USAGE_WORDS = {"[OPTIONS]": "[FLAGGOR]", "COMMAND": "KOMMANDO", "[ARGS]": "[ARGUMENT]"}
#: Typer's type column in help: a flag needs none, the rest in Swedish.
_TYPE_WORDS: dict[str, str | None] = {
    "<bool>": None,
    "<path>": "<sökväg>",
    "<list[Path]>": "<sökvägar>",
    "<str>": "<text>",
    "<list[str]>": "<text>",
    "<int>": "<heltal>",
    "<float>": "<tal>",
}
USAGE_PREFIX = "Användning: "


@cache
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(p), r) for p, r in _PATTERN_TEXTS]


def translate(message: str) -> str:
    """An English Click/Typer message in Swedish (unknown texts pass through unchanged)."""
    if message in _GETTEXT:  # the Swedish table texts match none of the English patterns
        return _GETTEXT[message]
    for pattern, replacement in _patterns():
        message = pattern.sub(replacement, message)
    return message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return translate(singular if n == 1 else plural)


def _click_modules() -> list[Any]:
    import sys

    return [m for name, m in list(sys.modules.items())
            if m is not None and name.startswith(("typer", "click"))]


def install() -> None:
    """Patch the loaded Click/Typer modules so the user reads Swedish."""
    import gettext

    import typer.core  # noqa: F401  (loads the modules whose texts we translate)
    import typer.main  # noqa: F401
    import typer.rich_utils as rich_utils

    for module in _click_modules():
        if getattr(module, "_", None) is gettext.gettext:
            module._ = translate
        if getattr(module, "ngettext", None) is gettext.ngettext:
            module.ngettext = _ngettext
        _wrap_exceptions(module)
        _wrap_usage(module)
        _wrap_help_option(module)
        _wrap_type_display(module)
    for name, value in {
        "ARGUMENTS_PANEL_TITLE": "Argument",
        "OPTIONS_PANEL_TITLE": "Flaggor",
        "COMMANDS_PANEL_TITLE": "Kommandon",
        "ERRORS_PANEL_TITLE": "Fel",
        "ABORTED_TEXT": "Avbrutet.",
        "RICH_HELP": "Skriv [blue]'{command_path} {help_option}'[/] för hjälp.",
        "DEFAULT_STRING": "[standard: {}]",
        "REQUIRED_LONG_STRING": "[krävs]",
        "ENVVAR_STRING": "[miljövariabel: {}]",
        "DEPRECATED_STRING": "(föråldrad) ",
    }.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, value)


def _wrap_exceptions(module: Any) -> None:
    cls = getattr(module, "ClickException", None)
    if cls is None or getattr(cls.format_message, "vastbus_swedish", False):
        return
    for klass in [cls, *_subclasses(cls)]:
        # the base may inherit format_message (from TyperException); subclasses that
        # override it are wrapped too
        original = getattr(klass, "format_message", None) if klass is cls else (
            klass.__dict__.get("format_message"))
        if original is None or getattr(original, "vastbus_swedish", False):
            continue

        def format_message(self: Any, _original: Any = original) -> str:
            return translate(_original(self))

        format_message.vastbus_swedish = True  # type: ignore[attr-defined]
        klass.format_message = format_message


def _subclasses(cls: type) -> list[type]:
    found: list[type] = []
    subs: list[type] = type.__subclasses__(cls)
    for sub in subs:
        found.extend([sub, *_subclasses(sub)])
    return found


def _wrap_usage(module: Any) -> None:
    formatter = getattr(module, "HelpFormatter", None)
    original = getattr(formatter, "write_usage", None)
    if original is None or getattr(original, "vastbus_swedish", False):
        return

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        for english, swedish in _USAGE_WORDS.items():
            args = args.replace(english, swedish)
        original(self, prog, args, USAGE_PREFIX if prefix is None else prefix)

    write_usage.vastbus_swedish = True  # type: ignore[attr-defined]
    formatter.write_usage = write_usage  # type: ignore[union-attr]


def _wrap_help_option(module: Any) -> None:
    command = getattr(module, "Command", None)
    original = getattr(command, "get_help_option", None)
    if original is None or getattr(original, "vastbus_swedish", False):
        return

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original(self, ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    get_help_option.vastbus_swedish = True  # type: ignore[attr-defined]
    command.get_help_option = get_help_option  # type: ignore[union-attr]


def _wrap_type_display(module: Any) -> None:
    for class_name in ("TyperOption", "TyperArgument"):
        klass = getattr(module, class_name, None)
        original = getattr(klass, "display_type_rich", None)
        if original is None or getattr(original, "vastbus_swedish", False):
            continue

        def display_type_rich(self: Any, ctx: Any, _original: Any = original) -> str | None:
            shown = _original(self, ctx)
            if not isinstance(shown, str):
                return shown
            suffix = "..." if shown.endswith("...") else ""
            bare = shown.removesuffix("...")
            translated = _TYPE_WORDS.get(bare, bare)
            return None if translated is None else translated + suffix

        display_type_rich.vastbus_swedish = True  # type: ignore[attr-defined]
        klass.display_type_rich = display_type_rich  # type: ignore[union-attr]
