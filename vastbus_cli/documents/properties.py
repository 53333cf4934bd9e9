"""Document properties (File → Properties in Word and Excel), the same for every format.

The author is the organisation that sends the document (never the library that
wrote the file), and the dates are the document's own date, so a document made
again later comes out the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

LANGUAGE = "sv-SE"


@dataclass(frozen=True)
class Properties:
    title: str
    author: str
    date: dt.date
    subject: str = ""
    keywords: str = ""
    identifier: str = ""  # a reference number (diarienummer)
    comments: str = ""
    language: str = LANGUAGE

    @property
    def timestamp(self) -> dt.datetime:
        """The date as a timestamp at midnight UTC (what the file formats store)."""
        return dt.datetime(self.date.year, self.date.month, self.date.day, tzinfo=dt.timezone.utc)


def _plain(props: Properties) -> Properties:
    """Every text without the characters XML cannot carry (a control character pasted into
    --sender or a spec's `avsändare`): lxml and openpyxl refuse them with an exception."""
    from dataclasses import fields, replace

    from vastbus_cli.documents.cells import strip_illegal

    texts: dict[str, Any] = {f.name: strip_illegal(getattr(props, f.name))
                             for f in fields(props) if isinstance(getattr(props, f.name), str)}
    return replace(props, **texts)


def set_word_properties(doc: object, props: Properties) -> None:
    """Fill a python-docx document's core properties."""
    props = _plain(props)
    core = doc.core_properties  # type: ignore[attr-defined]
    core.title = props.title
    core.subject = props.subject
    core.author = props.author
    core.last_modified_by = props.author
    core.keywords = props.keywords
    core.identifier = props.identifier
    core.comments = props.comments
    core.language = props.language
    core.category = ""
    core.revision = 1
    stamp = props.timestamp.replace(tzinfo=None)
    core.created = core.modified = stamp
    core.last_printed = stamp


def set_excel_properties(workbook: object, props: Properties) -> None:
    """Fill an openpyxl workbook's properties."""
    props = _plain(props)
    p = workbook.properties  # type: ignore[attr-defined]
    p.title = props.title
    p.subject = props.subject
    p.creator = props.author
    p.lastModifiedBy = props.author
    p.keywords = props.keywords or None
    p.identifier = props.identifier or None
    p.description = props.comments or None
    p.language = props.language
    stamp = props.timestamp.replace(tzinfo=None)
    p.created = p.modified = stamp
