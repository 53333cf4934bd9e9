"""Readers: a survey export (CSV or XLSX, any supported tool) → one `Responses` model."""

from vastbus_cli.survey.readers.open import ReadOptions, read_responses

__all__ = ["ReadOptions", "read_responses"]
