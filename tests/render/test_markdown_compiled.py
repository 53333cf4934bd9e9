"""The shipped Markdown template compiled in advance (`markdown_build`) is current, is
used, and renders exactly what the template compiled on the spot renders."""

from __future__ import annotations

import pytest
from reportfactory import sample_summary

from vastbus_cli.render import markdown, markdown_build, markdown_compiled


def test_compiled_module_is_current() -> None:
    assert markdown_build.module_text(markdown.environment()) == \
        markdown_build.COMPILED.read_text(encoding="utf-8"), \
        "run: python -m vastbus_cli.render.markdown_build"


def test_compiled_template_is_used() -> None:
    template = markdown_build.shipped(markdown.environment())
    assert template is not None
    assert template.root_render_func is markdown_compiled.root


def test_same_text_as_compiling_the_template(monkeypatch: pytest.MonkeyPatch) -> None:
    summary = sample_summary()
    compiled = markdown.render(summary)
    monkeypatch.setattr(markdown_compiled, "STAMP", "out of date")
    assert markdown_build.shipped(markdown.environment()) is None
    assert markdown.render(summary) == compiled
