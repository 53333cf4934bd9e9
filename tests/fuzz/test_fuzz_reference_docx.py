"""Fuzz target for the Word-template reader (`compile --reference-docx`): a document or a
Swedish problem, never a crash.

A coordinator's reference document comes from anywhere (an old Word, LibreOffice, a
file renamed to .docx, one cut short by a mail client). The drawn files are a real
.docx with one part (styles, document, content types, relationships) cut short,
overwritten with noise or left out, the whole archive with a stretch of bytes
replaced, and bytes that only start like a zip. Examples per target come from the
hypothesis profile (tests/conftest.py): a few in CI, 10 000 with
`--hypothesis-profile=fuzz`.
"""

from __future__ import annotations

import datetime as dt
import io
import tempfile
import zipfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportfactory import as_report, report_dict

from fuzz.strategies import yamlish
from vastbus_cli.documents.problem import DocumentProblem
from vastbus_cli.render.formats import render_summary
from vastbus_cli.reports.merge import merge
from vastbus_cli.reports.summary import Summary

PARTS = ["word/styles.xml", "word/document.xml", "[Content_Types].xml",
         "word/_rels/document.xml.rels", "_rels/.rels", "word/settings.xml",
         "word/numbering.xml", "docProps/core.xml"]
XMLISH = st.text(alphabet=st.sampled_from(list('<>/="\' w:stylepPrIdnamebasedOn&;#x0é\n')),
                 max_size=60)


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@cache
def _summary() -> Summary:
    return merge([as_report(report_dict("Skövde")), as_report(report_dict("Hjo"))], None,
                 produced=dt.date(2026, 5, 20))


@cache
def _base() -> dict[str, bytes]:
    """The parts of a real .docx, as python-docx writes it."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    with zipfile.ZipFile(buffer) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zipped(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@st.composite
def damaged_part(draw: st.DrawFn) -> bytes:
    parts = dict(_base())
    name = draw(st.sampled_from([p for p in PARTS if p in parts]))
    data = parts[name]
    how = draw(st.sampled_from(["cut", "noise", "drop", "xml"]))
    if how == "drop":
        del parts[name]
    elif how == "cut":
        parts[name] = data[:draw(st.integers(0, len(data)))]
    else:
        start = draw(st.integers(0, len(data)))
        insert = draw(st.binary(max_size=40)) if how == "noise" else \
            draw(st.one_of(XMLISH, yamlish)).encode("utf-8")
        parts[name] = data[:start] + insert + data[start + draw(st.integers(0, 40)):]
    return _zipped(parts)


@st.composite
def damaged_archive(draw: st.DrawFn) -> bytes:
    data = _zipped(_base())
    start = draw(st.integers(0, len(data)))
    return data[:start] + draw(st.binary(max_size=30)) + data[start + draw(st.integers(0, 30)):]


references = st.one_of(damaged_part(), damaged_archive(),
                       st.binary(max_size=300).map(lambda b: b"PK\x03\x04" + b))


@given(references)
def test_reference_docx_reader(folder: Path, data: bytes) -> None:
    from docx import Document

    path = folder / "mall.docx"
    path.write_bytes(data)
    try:
        rendered = render_summary(_summary(), "docx", reference=path)
    except DocumentProblem as exc:  # the CLI prints it in Swedish, exit 1
        assert exc.message and ("Word" in exc.message or "formatmall" in exc.message)
        return
    assert Document(io.BytesIO(rendered)).paragraphs
