"""The summary rendered in a format of `formats.SUMMARY`, its renderer imported only then.

Choosing a format imports only that renderer (and only it loads python-docx, openpyxl
or Jinja2; PDF also needs LibreOffice).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from vastbus_cli.formats import SUMMARY

if TYPE_CHECKING:
    from vastbus_cli.reports.summary import Summary


def render_summary(summary: Summary, fmt: str, **options: Any) -> bytes:
    """The summary in format `fmt` as bytes (text formats as UTF-8)."""
    out = importlib.import_module(SUMMARY[fmt].module).render(summary, **options)
    return out.encode("utf-8") if isinstance(out, str) else out
