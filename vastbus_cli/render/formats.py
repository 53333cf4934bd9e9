"""The summary's output formats, picked by name or by the output file's extension.

Each entry names the module and function lazily, so choosing a format imports
only that renderer (and only it loads python-docx, openpyxl or Jinja2; PDF also
needs LibreOffice).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vastbus_cli.reports.summary import Summary


@dataclass(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]
    module: str
    binary: bool

    def renderer(self) -> Callable[..., str | bytes]:
        module = importlib.import_module(f"vastbus_cli.render.{self.module}")
        func: Callable[..., str | bytes] = module.render
        return func


FORMATS: dict[str, Format] = {
    f.name: f for f in (
        Format("md", (".md", ".markdown"), "markdown", binary=False),
        Format("docx", (".docx",), "docx", binary=True),
        Format("xlsx", (".xlsx",), "xlsx", binary=True),
        Format("pdf", (".pdf",), "pdf", binary=True),
        Format("json", (".json",), "json", binary=False),
    )
}


def format_for(path: Path) -> Format | None:
    suffix = path.suffix.lower()
    return next((f for f in FORMATS.values() if suffix in f.extensions), None)


def render_summary(summary: Summary, fmt: str, **options: Any) -> bytes:
    """The summary in format `fmt` as bytes (text formats as UTF-8)."""
    out = FORMATS[fmt].renderer()(summary, **options)
    return out.encode("utf-8") if isinstance(out, str) else out
