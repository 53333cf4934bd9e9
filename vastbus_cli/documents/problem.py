"""The one error a document builder raises: something the user supplied is unusable."""

from __future__ import annotations


class DocumentProblem(Exception):
    """A template, a reference document or a missing program; the message is Swedish."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
