"""The survey report as PDF: the Word report converted by LibreOffice, as the summary's
(`render/pdf.py`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vastbus_cli.survey.model import Tally
    from vastbus_cli.survey.render.docx import ReportOptions


def render(tally: Tally, options: ReportOptions | None = None) -> bytes:
    from vastbus_cli.documents.libreoffice import docx_to_pdf
    from vastbus_cli.survey.render import docx

    return docx_to_pdf(docx.render(tally, options), "rapport")
