"""The Word reference document (`--reference-docx`), taken as untrusted input.

A coordinator gets a reference document from anyone (a municipality's
template, a colleague's file), and the summary made from it is sent on to the
steering group. So only what makes the summary look right is taken from it:
styles, numbering, fonts, theme, settings, page setup and headers/footers
(with their pictures). Everything else is left out before python-docx sees
the file:

- the body, comments, glossary, custom XML, properties and thumbnails: never
  used, and they may hold someone else's text;
- macros (`vbaProject`, `vbaData`, key bindings), embedded objects and ActiveX
  controls: code Word would offer to run;
- an attached template (`attachedTemplate`, which Word fetches on open, from a
  web address too), a mail-merge data source, and every external relationship
  (`TargetMode="External"`: pictures, links and templates from elsewhere);
- field codes other than the page numbers (`DDEAUTO`, `INCLUDEPICTURE`,
  `INCLUDETEXT`, `HYPERLINK` …), simple or complex, nested, in headers and
  footers too; the field's last shown text stays as plain text.

The archive is checked from its directory before anything is inflated, with
the limits every archive from a user has (`zip_limits`). The package is then
rebuilt from the main document by walking its relationships: a part is copied
only when a relationship of a kept type reaches it with the content type that
type must have, so a macro renamed to `styles.xml` stays out too. What active
content was left out is returned for the warning the CLI prints.
"""

from __future__ import annotations

import functools
import io
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vastbus_cli import zip_limits
from vastbus_cli.documents.problem import DocumentProblem

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
O_RELID = "{urn:schemas-microsoft-com:office:office}relid"
VML = "urn:schemas-microsoft-com"

MAIN_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
#: Main document content types a reference may have (a .dotx or .docm is read as a .docx).
MAIN_TYPES = {MAIN_TYPE, _WML + "template.main+xml",
              "application/vnd.ms-word.document.macroEnabled.main+xml",
              "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"}
#: The relationships kept from the main document, with the content type each must have.
FROM_MAIN = {
    "styles": _WML + "styles+xml",
    "stylesWithEffects": "application/vnd.ms-word.stylesWithEffects+xml",
    "numbering": _WML + "numbering+xml",
    "fontTable": _WML + "fontTable+xml",
    "theme": "application/vnd.openxmlformats-officedocument.theme+xml",
    "settings": _WML + "settings+xml",
    "webSettings": _WML + "webSettings+xml",
    "header": _WML + "header+xml",
    "footer": _WML + "footer+xml",
    "footnotes": _WML + "footnotes+xml",  # only the separators are kept (settings name them)
    "endnotes": _WML + "endnotes+xml",
}
#: Pictures (headers, picture bullets, theme fills) and embedded fonts, from any kept part.
IMAGE_TYPES = {"image/png", "image/jpeg", "image/gif", "image/bmp", "image/tiff",
               "image/x-emf", "image/x-wmf", "image/emf", "image/wmf"}  # no SVG: it links out
FONT_TYPES = {"application/vnd.openxmlformats-officedocument.obfuscatedFont",
              "application/x-font-ttf", "application/x-fontdata"}
#: Fields that only count pages; every other field is left out.
PAGE_FIELDS = {"PAGE", "NUMPAGES", "SECTIONPAGES"}
#: Settings that point elsewhere or change how Word treats the output.
_SETTINGS_OUT = {"attachedTemplate": "template", "mailMerge": "mail merge",
                 "linkStyles": "", "updateFields": "", "docVars": "",
                 "documentProtection": "", "writeProtection": ""}
#: Elements that are embedded or linked content wherever they appear.
_ACTIVE = {"object": "objects", "control": "objects", "altChunk": "objects",
           "subDoc": "objects"}
_MACRO = re.compile(r"vbaProject|vbaData|keyMapCustomizations|macroEnabled", re.IGNORECASE)
_EMBEDDED = re.compile(r"oleObject|package|control|activeX", re.IGNORECASE)


@dataclass
class LeftOut:
    """Active content found and left out, by kind, for the warning."""

    macros: bool = False
    template: bool = False
    mail_merge: bool = False
    external: int = 0  # external relationships other than the template
    objects: int = 0  # embedded objects, ActiveX controls, imported chunks
    fields: list[str] = field(default_factory=list)  # the dropped fields' names, in order

    def phrases(self) -> list[str]:
        """What was left out, in Swedish, one phrase per kind."""
        out = []
        if self.macros:
            out.append("makron (vbaProject)")
        if self.template:
            out.append("en kopplad dokumentmall som Word hämtar när dokumentet öppnas "
                       "(attachedTemplate)")
        if self.mail_merge:
            out.append("en datakälla för dokumentkoppling")
        if self.external:
            out.append(_count(self.external, "extern länk", "externa länkar")
                       + " (filer eller webbadresser som Word hämtar)")
        if self.objects:
            out.append(_count(self.objects, "inbäddat objekt", "inbäddade objekt"))
        if self.fields:
            names = ", ".join(dict.fromkeys(self.fields))
            out.append(f"{_count(len(self.fields), 'fältkod', 'fältkoder')} ({names})")
        return out


@dataclass(frozen=True)
class Cleaned:
    """The reference document rebuilt from what is taken, and what was left out."""

    data: bytes
    left_out: LeftOut


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def warning(path: Path) -> str | None:
    """The Swedish warning naming the active content left out of `path`, or None."""
    phrases = clean(path).left_out.phrases()
    if not phrases:
        return None
    listed = phrases[0] if len(phrases) == 1 else \
        ", ".join(phrases[:-1]) + " och " + phrases[-1]
    return (f"Obs: Referensdokumentet {path.name} innehöll {listed}. Det togs inte med: "
            "bara formatmallar, numrering, teckensnitt, tema, sidinställningar, sidhuvud och "
            "sidfot används från referensdokumentet.")


def clean(path: Path) -> Cleaned:
    """`path` rebuilt from what is taken from it; `DocumentProblem` if it cannot be used.

    The last file's result is kept, so the CLI's warning and the rendering read it once."""
    try:
        info = path.stat()
    except OSError as exc:
        raise _unreadable(path) from exc
    return _clean(str(path), info.st_size, info.st_mtime_ns)


@functools.lru_cache(maxsize=1)
def _clean(name: str, size: int, mtime: int) -> Cleaned:
    path = Path(name)
    _check_size(path)
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            return _Rebuild(archive, path).run()
    except DocumentProblem:
        raise
    except Exception as exc:  # not a zip, a damaged part, XML that does not parse
        raise _unreadable(path) from exc


def _unreadable(path: Path) -> DocumentProblem:
    return DocumentProblem(f"{path} kan inte läsas som ett Word-dokument (.docx).",
                           "Spara dokumentet som .docx i Word och försök igen.")


def _check_size(path: Path) -> None:
    excess = zip_limits.zip_excess(path)
    if excess is None:
        return
    n = zip_limits.number
    hint = ("Ett referensdokument behöver bara formatmallar, sidhuvud och sidfot: utgå från ett "
            "tomt dokument med organisationens mallar, utan stora bilder.")
    if excess.kind == "members":
        message = f"består av {n(excess.value)} delar; gränsen är {n(excess.limit)}."
    elif excess.kind == "size":
        message = (f"blir {n(excess.value)} byte när det packas upp; gränsen är "
                   f"{n(excess.limit)} byte.")
    else:
        message = (f"har en del ({excess.member}) som packas upp {n(excess.value)} gånger; "
                   f"gränsen är {excess.limit} gånger (filen ser ut som en så kallad zip-bomb).")
    raise DocumentProblem(f"Referensdokumentet {path} {message}", hint)


def _parser() -> Any:
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           remove_blank_text=False)


def _type_name(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


class _Rebuild:
    """One pass over the package: parts reached through kept relationships, cleaned."""

    def __init__(self, archive: Any, path: Path) -> None:
        self.archive = archive
        self.path = path
        self.names = set(archive.namelist())
        self.left = LeftOut()
        self.types = self._content_types()
        self.out: dict[str, bytes] = {}  # member name → bytes
        self.out_types: dict[str, str] = {}  # member name → content type

    # -- reading -----------------------------------------------------------------------
    def _content_types(self) -> tuple[dict[str, str], dict[str, str]]:
        from lxml import etree

        root = etree.fromstring(self.archive.read("[Content_Types].xml"), _parser())
        defaults = {e.get("Extension", "").lower(): e.get("ContentType", "")
                    for e in root if e.tag == f"{{{CT_NS}}}Default"}
        overrides = {e.get("PartName", "").lstrip("/"): e.get("ContentType", "")
                     for e in root if e.tag == f"{{{CT_NS}}}Override"}
        return defaults, overrides

    def content_type(self, member: str) -> str:
        defaults, overrides = self.types
        if member in overrides:
            return overrides[member]
        return defaults.get(posixpath.splitext(member)[1].lstrip(".").lower(), "")

    def rels(self, member: str) -> list[Any]:
        """The relationship elements of `member` ('' for the package)."""
        from lxml import etree

        folder, name = posixpath.split(member)
        rels = posixpath.join(folder, "_rels", f"{name}.rels")
        if rels not in self.names:
            return []
        root = etree.fromstring(self.archive.read(rels), _parser())
        return [e for e in root if e.tag == f"{{{PKG_RELS}}}Relationship"]

    @staticmethod
    def target(source: str, rel: Any) -> str | None:
        """The member a relationship of `source` points at, None outside the package."""
        ref = rel.get("Target", "")
        joined = ref.lstrip("/") if ref.startswith("/") else \
            posixpath.join(posixpath.dirname(source), ref)
        member = posixpath.normpath(joined)
        return None if member.startswith("..") or member in (".", "") else member

    # -- walking ---------------------------------------------------------------------
    def run(self) -> Cleaned:
        self.left.macros = any(_MACRO.search(name) for name in self.names) or \
            any(_MACRO.search(t) for t in self.types[1].values())
        main = None
        for rel in self.rels(""):
            if _type_name(rel.get("Type", "")) == "officeDocument":
                main = self.target("", rel)
                break
        if main is None or main not in self.names or self.content_type(main) not in MAIN_TYPES:
            raise _unreadable(self.path)
        kept = self._walk(main, FROM_MAIN, main=True)
        self._write(main, MAIN_TYPE, kept)
        return Cleaned(self._package(main), self.left)

    def _walk(self, member: str, allowed: dict[str, str] | None, main: bool = False
              ) -> list[Any]:
        """Copy the parts `member`'s relationships reach; its kept relationships."""
        kept = []
        for rel in self.rels(member):
            kind = _type_name(rel.get("Type", ""))
            self._note(kind, rel, main)
            if rel.get("TargetMode", "Internal") != "Internal":
                continue
            target = self.target(member, rel)
            if target is None or target not in self.names:
                continue
            ctype = self.content_type(target)
            if allowed is not None:
                wanted = allowed.get(kind)
                if wanted is None or ctype != wanted:
                    continue
                if target not in self.out:
                    self.out[target] = b""  # placeholder: a loop of relationships ends here
                    self._write(target, ctype, self._walk(target, None))
            elif (kind == "image" and ctype in IMAGE_TYPES) or \
                    (kind == "font" and ctype in FONT_TYPES):
                if target not in self.out:
                    self.out[target] = self.archive.read(target)
                    self.out_types[target] = ctype
            else:
                continue
            kept.append(rel)
        return kept

    def _note(self, kind: str, rel: Any, main: bool) -> None:
        """Count what a relationship left out would have brought in (the main document's
        links and objects belong to its body, which is never taken: no need to say so)."""
        if kind == "attachedTemplate":
            self.left.template = True
        elif _MACRO.search(kind):
            self.left.macros = True
        elif kind.startswith(("mailMerge", "recipientData")):
            self.left.mail_merge = True
        elif main:
            return
        elif rel.get("TargetMode", "Internal") != "Internal":
            self.left.external += 1
        elif _EMBEDDED.search(kind):
            self.left.objects += 1

    # -- writing ---------------------------------------------------------------------
    def _write(self, member: str, ctype: str, rels: list[Any]) -> None:
        """The XML part `member`, cleaned, with only its kept relationships."""
        from lxml import etree

        root = etree.fromstring(self.archive.read(member), _parser())
        ids = {rel.get("Id") for rel in rels}
        if root.tag == f"{W}document":
            _empty_body(root)
        if root.tag in (f"{W}footnotes", f"{W}endnotes"):
            for note in list(root):
                if note.get(f"{W}type") not in ("separator", "continuationSeparator",
                                                "continuationNotice"):
                    root.remove(note)
        _clean_xml(root, ids, self.left)
        self.out[member] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                          standalone=True)
        self.out_types[member] = ctype
        if rels:
            folder, name = posixpath.split(member)
            self.out[posixpath.join(folder, "_rels", f"{name}.rels")] = _rels_xml(rels)

    def _package(self, main: str) -> bytes:
        import zipfile

        types = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
                 f'<Types xmlns="{CT_NS}">',
                 '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
                 '.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>']
        types += [f'<Override PartName="/{_attr(m)}" ContentType="{_attr(t)}"/>'
                  for m, t in sorted(self.out_types.items())]
        types.append("</Types>")
        root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                     f'<Relationships xmlns="{PKG_RELS}"><Relationship Id="rId1" '
                     'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                     f'officeDocument" Target="/{_attr(main)}"/></Relationships>')
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
            package.writestr("[Content_Types].xml", "".join(types))
            package.writestr("_rels/.rels", root_rels)
            for member, data in self.out.items():
                package.writestr(member, data)
        return buffer.getvalue()


def _attr(value: str) -> str:
    return (value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def _rels_xml(rels: list[Any]) -> bytes:
    out = [f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships '
           f'xmlns="{PKG_RELS}">']
    out += [f'<Relationship Id="{_attr(r.get("Id", ""))}" Type="{_attr(r.get("Type", ""))}" '
            f'Target="{_attr(r.get("Target", ""))}"/>' for r in rels]
    out.append("</Relationships>")
    return "".join(out).encode("utf-8")


def _empty_body(root: Any) -> None:
    """The body down to its last section properties (page setup, headers and footers)."""
    body = root.find(f"{W}body")
    if body is None:
        return
    section = body.find(f"{W}sectPr")
    for child in list(body):
        if child is not section:
            body.remove(child)


# -- XML: what a kept part may not carry ----------------------------------------------
def _clean_xml(root: Any, ids: set[str | None], left: LeftOut) -> None:
    for name, kind in (*_SETTINGS_OUT.items(), *_ACTIVE.items()):
        for node in list(root.iter(f"{W}{name}")):
            if kind == "template":
                left.template = True
            elif kind == "mail merge":
                left.mail_merge = True
            elif kind == "objects":
                left.objects += 1
            _remove(node)
    _simple_fields(root, left)
    _complex_fields(root, left)
    _dangling(root, ids, left)


def _remove(node: Any) -> None:
    parent = node.getparent()
    if parent is not None:
        parent.remove(node)


def _unwrap(node: Any) -> None:
    """Replace `node` by its children (a field's or a link's shown text stays)."""
    parent = node.getparent()
    if parent is None:
        return
    at = parent.index(node)
    for child in list(node):
        if child.tag in (f"{W}rPr", f"{W}pPr"):
            continue
        parent.insert(at, child)
        at += 1
    parent.remove(node)


def field_name(instruction: str) -> str:
    """A field's name from its instruction (' DDEAUTO "x" ' → 'DDEAUTO'), shown safely."""
    words = instruction.split()
    name = re.sub(r"[^A-Za-z0-9=]", "", words[0])[:20].upper() if words else ""
    return name or "?"


def _simple_fields(root: Any, left: LeftOut) -> None:
    for simple in list(root.iter(f"{W}fldSimple")):
        name = field_name(simple.get(f"{W}instr", ""))
        if name not in PAGE_FIELDS:
            left.fields.append(name)
            _unwrap(simple)


@dataclass
class _Field:
    instruction: str = ""
    separated: bool = False
    runs: list[Any] = field(default_factory=list)  # the runs of its code (begin … separate)
    end: Any = None  # its end mark


def _complex_fields(root: Any, left: LeftOut) -> None:
    """Fields written as begin/instruction/separate/result/end runs (nested, across
    paragraphs): one not counting pages loses its code and marks, its result stays."""
    stack: list[_Field] = []
    done: list[_Field] = []
    strays: list[Any] = []  # a separate or an end mark outside any field
    instr = (f"{W}instrText", f"{W}delInstrText")
    for run in list(root.iter(f"{W}r")):
        touched = [f for f in stack if not f.separated]
        for child in run:
            if child.tag == f"{W}fldChar":
                kind = child.get(f"{W}fldCharType")
                if kind == "begin":
                    stack.append(_Field())
                    touched.append(stack[-1])
                elif kind == "separate" and stack:
                    stack[-1].separated = True
                elif kind == "end" and stack:
                    stack[-1].end = child
                    done.append(stack.pop())
                else:
                    strays.append(child)
            elif child.tag in instr and stack and not stack[-1].separated:
                stack[-1].instruction += child.text or ""
        for f in touched:
            f.runs.append(run)
    done += stack  # never ended: left out whatever it says
    for f in done:
        name = field_name(f.instruction)
        if name in PAGE_FIELDS and f.end is not None:
            continue
        left.fields.append(name)
        for run in f.runs:
            _remove(run)
        if f.end is not None:
            _remove(f.end)
    for mark in [*strays, *root.iter(f"{W}fldData")]:  # a field's binary data goes too
        _remove(mark)


_LINK_ATTRS = {"src", "href", "link"}
_ALONE = {"hlinkClick", "hlinkHover", "hlinkMouseOver", "headerReference", "footerReference",
          "attachedTemplate"}


def _dangling(root: Any, ids: set[str | None], left: LeftOut) -> None:
    """Elements pointing at a relationship left out: a link keeps its text, a picture or an
    object goes with its run; a VML picture loses the file or address it names."""
    for node in list(root.iter()):
        if not isinstance(node.tag, str):
            continue
        if node.tag.startswith(f"{{{VML}"):  # a VML picture's own file name or address
            for key in [k for k in node.attrib if k.rsplit("}", 1)[-1] in _LINK_ATTRS]:
                del node.attrib[key]
                left.external += 1
        refs = [v for k, v in node.attrib.items()
                if k.startswith(f"{{{R_NS}}}") or k == O_RELID]
        if all(ref in ids for ref in refs):
            continue
        local = node.tag.rsplit("}", 1)[-1]
        if node.tag == f"{W}hyperlink":
            _unwrap(node)
        elif local in _ALONE:
            _remove(node)
        else:
            run = next((a for a in node.iterancestors(f"{W}r")), None)
            _remove(run if run is not None else node)
