"""A zip bomb in the shape of an .xlsx, built in milliseconds.

Deflating hundreds of megabytes takes seconds, so the sheet is deflated as one
megabyte of the same byte, flushed with Z_FULL_FLUSH (which resets the
compressor, so every such block is byte-identical) and that block repeated.
The archive is written by hand because `zipfile` cannot store data that is
already compressed; `declared` lets a test make the directory lie about sizes.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

CHUNK = 1 << 20
_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns='
         b'"http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
_TAIL = b"</sheetData></worksheet>"


# What the repeated megabytes are: one cell's text of hundreds of megabytes (memory),
# or millions of rows (time).
ONE_CELL = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>', b"x", b"</t></is></c></row>")
MANY_ROWS = (b"", b'<row><c t="inlineStr"><is><t>Ja</t></is></c></row>', b"")


def _deflated_sheet(megabytes: int, shape: tuple[bytes, bytes, bytes]) -> tuple[bytes, int, int]:
    """Raw deflate data, CRC-32 and size of the sheet with `megabytes` MiB of filler."""
    head_text, filler, tail_text = _HEAD + shape[0], shape[1], shape[2] + _TAIL
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(head_text) + compressor.flush(zlib.Z_FULL_FLUSH)
    chunk = filler * (CHUNK // len(filler))
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(tail_text) + compressor.flush()
    crc = zlib.crc32(head_text)
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(tail_text, crc)
    size = len(head_text) + len(chunk) * megabytes + len(tail_text)
    return head + block * megabytes + tail, crc, size


def xlsx_bomb(base: bytes, megabytes: int, shape: tuple[bytes, bytes, bytes] = ONE_CELL,
              declared: int | None = None) -> bytes:
    """`base` (a real .xlsx) with its first sheet replaced by the bomb; `declared` is the
    inflated size the archive's directory states (the truth when None)."""
    source = zipfile.ZipFile(io.BytesIO(base))
    members: list[tuple[str, bytes, int, int]] = []
    for info in source.infolist():
        if info.filename == "xl/worksheets/sheet1.xml":
            data, crc, size = _deflated_sheet(megabytes, shape)
            members.append((info.filename, data, crc, size if declared is None else declared))
        else:
            content = source.read(info)
            compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
            data = compressor.compress(content) + compressor.flush()
            members.append((info.filename, data, zlib.crc32(content), len(content)))
    return _archive(members)


def _archive(members: list[tuple[str, bytes, int, int]]) -> bytes:
    out = io.BytesIO()
    directory = io.BytesIO()
    for name, data, crc, size in members:
        offset = out.tell()
        encoded = name.encode()
        fields = (20, 0, 8, 0, 0, crc, len(data), size, len(encoded))
        out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", *fields, 0) + encoded + data)
        directory.write(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, *fields, 0, 0, 0,
                                    0, 0, offset) + encoded)
    start, listing = out.tell(), directory.getvalue()
    out.write(listing)
    out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(members), len(members),
                          len(listing), start, 0))
    return out.getvalue()
