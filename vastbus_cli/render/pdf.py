"""The summary as PDF: the Word document converted by LibreOffice (what steering groups receive)."""

from __future__ import annotations

from pathlib import Path

from vastbus_cli.documents.libreoffice import docx_to_pdf
from vastbus_cli.render import docx
from vastbus_cli.reports.summary import Summary


def render(summary: Summary, reference: Path | None = None) -> bytes:
    return docx_to_pdf(docx.render(summary, reference), name=f"sammanstallning-{summary.year}")
