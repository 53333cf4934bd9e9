"""PDF through LibreOffice, and the Swedish message when it is not installed."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from vastbus_cli.documents import pdf
from vastbus_cli.documents.problem import DocumentProblem
from vastbus_cli.documents.properties import Properties
from vastbus_cli.documents.word import WordDocument


def small_docx() -> bytes:
    doc = WordDocument(Properties("Titel", "Författare", dt.date(2026, 1, 2)))
    doc.heading("Rubrik", 1)
    doc.paragraph("Hej världen, åäö.")
    return doc.save()


def test_missing_libreoffice_is_a_swedish_message(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    with pytest.raises(DocumentProblem) as caught:
        pdf.docx_to_pdf(small_docx())
    assert caught.value.message == "PDF kräver LibreOffice, men programmet soffice hittades inte."
    assert "Installera LibreOffice" in caught.value.hint


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_converts_with_libreoffice() -> None:
    data = pdf.docx_to_pdf(small_docx())
    assert data.startswith(b"%PDF")
