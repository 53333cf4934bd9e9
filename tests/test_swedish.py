"""cli/swedish.py patches Click's and Typer's own texts; at run time a missing target is
skipped (English, not a crash). Here each target must exist in the installed Typer, so an
upgrade that moves one fails by name instead of quietly printing English."""

from __future__ import annotations

import typer.rich_utils
from typer.testing import CliRunner

from vastbus_cli.cli import app, swedish

RICH_TEXTS = ["ARGUMENTS_PANEL_TITLE", "OPTIONS_PANEL_TITLE", "COMMANDS_PANEL_TITLE",
              "ERRORS_PANEL_TITLE", "ABORTED_TEXT", "RICH_HELP", "DEFAULT_STRING",
              "REQUIRED_LONG_STRING", "ENVVAR_STRING", "DEPRECATED_STRING"]


def _patched(class_name: str, method: str) -> list[str]:
    return [m.__name__ for m in swedish._click_modules()
            if getattr(getattr(getattr(m, class_name, None), method, None), "vastbus_swedish",
                       False)]


def test_every_patch_finds_its_target() -> None:
    swedish.install()
    assert _patched("ClickException", "format_message"), "ClickException.format_message"
    assert _patched("HelpFormatter", "write_usage"), "HelpFormatter.write_usage"
    assert _patched("Command", "get_help_option"), "Command.get_help_option"
    assert _patched("TyperOption", "display_type_rich"), "TyperOption.display_type_rich"
    assert _patched("TyperArgument", "display_type_rich"), "TyperArgument.display_type_rich"
    missing = [name for name in RICH_TEXTS if not hasattr(typer.rich_utils, name)]
    assert not missing, f"typer.rich_utils no longer has {missing}"


def test_texts_the_user_reads_are_swedish() -> None:
    runner = CliRunner()
    shown = runner.invoke(app, ["validate", "--help"]).output
    for english, swedish_text in (("Usage:", "Användning:"), ("Options", "Flaggor"),
                                  ("Show this message", "Visa den här hjälpen"),
                                  ("PATH", "<sökvägar>")):
        assert swedish_text in shown and english not in shown, english
    wrong = runner.invoke(app, ["compile", "x", "--recurring", "tre"])
    assert wrong.exit_code == 2
    assert "Ogiltigt värde för '--recurring': ska vara ett heltal" in wrong.output, wrong.output
    assert "Okänd flagga" in runner.invoke(app, ["validate", "--okänd"]).output
