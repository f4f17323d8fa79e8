"""What a camera or an app hides in a picture (where and when, the device, comments), taken out.

Each kind is walked block by block and only the blocks a picture needs to be drawn are kept: the
pixels, the palette, transparency and colour. Anything else (EXIF with GPS, XMP, IPTC, PNG text,
times and private chunks, WebP EXIF and XMP, a second picture appended after the end) is dropped,
so data we don't know about is never kept by accident. The pixels are copied byte for byte, never
re-encoded. Only which way up the picture goes survives, rewritten as a bare orientation, so a
phone's portrait photo isn't shown on its side. A file whose blocks can't be walked is refused as
damaged rather than kept with whatever it hides.
"""

from __future__ import annotations

import struct
import zlib

from holdspace.creativity.images import DAMAGED
from holdspace.errors import InvalidInput

__all__ = ["ORIENTATION", "orientation", "without_hidden_details"]

ORIENTATION = 0x0112


def without_hidden_details(data: bytes) -> bytes:
    """The picture with nothing in it but what it needs to be drawn, and which way up it goes."""
    return _walk(data)[0]


def orientation(data: bytes) -> int:
    """The EXIF orientation (1 to 8) the picture asks to be shown in; 1 when it says nothing."""
    return _walk(data)[1] or 1


def _walk(data: bytes) -> tuple[bytes, int | None]:
    if data.startswith(b"\xff\xd8"):
        return _jpeg(data)
    if data.startswith(_PNG):
        return _png(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    return data, None


def _damaged() -> InvalidInput:
    return InvalidInput(fields={"image": DAMAGED})


def _bare_exif(turn: int) -> bytes:
    """A TIFF block holding only the orientation tag (big-endian, one entry, no next directory)."""
    return b"MM\x00*" + struct.pack(">I", 8) + struct.pack(">HHHIHH", 1, ORIENTATION, 3, 1, turn, 0) + b"\x00" * 4


def _orientation(tiff: bytes) -> int | None:
    try:
        order = {b"II": "<", b"MM": ">"}[tiff[:2]]
        (start,) = struct.unpack(order + "I", tiff[4:8])
        (count,) = struct.unpack(order + "H", tiff[start:start + 2])
        for n in range(count):
            entry = tiff[start + 2 + 12 * n:start + 14 + 12 * n]
            tag, kind = struct.unpack(order + "HH", entry[:4])
            if tag == ORIENTATION and kind == 3:
                (value,) = struct.unpack(order + "H", entry[8:10])
                return value if 1 <= value <= 8 else None
    except (KeyError, struct.error):
        return None
    return None


# --- JPEG: segments, then the entropy-coded picture ------------------------------------------------

# Frame, Huffman and arithmetic tables, quantisation, restart interval, scan, number of lines.
_JPEG_STRUCTURE = set(range(0xC0, 0xD0)) | {0xDA, 0xDB, 0xDC, 0xDD, 0xDE, 0xDF}
# The application blocks a decoder may need: JFIF's header, the colour profile, Adobe's colour transform.
_JPEG_APP_KEPT = {0xE0: (b"JFIF\x00",), 0xE2: (b"ICC_PROFILE\x00",), 0xEE: (b"Adobe",)}


def _jpeg_segment_kept(marker: int, segment: bytes) -> bool:
    if marker in _JPEG_STRUCTURE:
        return True
    return any(segment[4:].startswith(name) for name in _JPEG_APP_KEPT.get(marker, ()))


def _entropy_end(data: bytes, at: int) -> int:
    """Where the coded picture after a scan header ends: the next marker that isn't a restart."""
    while True:
        at = data.find(b"\xff", at)
        if at < 0 or at + 1 >= len(data):
            return len(data)  # cut short without an end marker: keep what there is
        following = data[at + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7:  # a stuffed 0xFF byte, or a restart
            at += 2
        elif following == 0xFF:  # fill before a marker
            at += 1
        else:
            return at


def _jpeg(data: bytes) -> tuple[bytes, int | None]:
    kept, at, turn = [b"\xff\xd8"], 2, None
    while at < len(data):
        if data[at] != 0xFF or at + 1 >= len(data):
            raise _damaged()
        marker = data[at + 1]
        if marker == 0xFF:  # fill bytes between segments
            at += 1
            continue
        if marker == 0xD9:  # the end: anything after it (often a second, full-size picture) is dropped
            kept.append(b"\xff\xd9")
            break
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:
            at += 2
            continue
        if at + 4 > len(data):
            raise _damaged()
        (length,) = struct.unpack(">H", data[at + 2:at + 4])
        if length < 2 or at + 2 + length > len(data):
            raise _damaged()
        segment = data[at:at + 2 + length]
        if marker == 0xE1 and segment[4:10] == b"Exif\x00\x00":
            turn = turn or _orientation(segment[10:])
        if _jpeg_segment_kept(marker, segment):
            kept.append(segment)
        at += 2 + length
        if marker == 0xDA:
            end = _entropy_end(data, at)
            kept.append(data[at:end])
            at = end
    if turn not in (None, 1):
        exif = b"Exif\x00\x00" + _bare_exif(turn)
        where = 2 if kept[1:2] and kept[1][:2] == b"\xff\xe0" else 1  # JFIF's header stays first
        kept.insert(where, b"\xff\xe1" + struct.pack(">H", len(exif) + 2) + exif)
    return b"".join(kept), turn


# --- PNG: length-prefixed chunks -------------------------------------------------------------------

_PNG = b"\x89PNG\r\n\x1a\n"
# Pixels, palette, transparency, colour and gamma, pixel size, and the frames of an animated PNG.
_PNG_KEPT = {b"IHDR", b"PLTE", b"IDAT", b"IEND", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT",
             b"bKGD", b"pHYs", b"cICP", b"mDCV", b"cLLI", b"mDCv", b"cLLi", b"acTL", b"fcTL", b"fdAT"}


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png(data: bytes) -> tuple[bytes, int | None]:
    kept, at, turn, first_data = [_PNG], len(_PNG), None, None
    while True:
        if at + 12 > len(data):
            raise _damaged()
        (length,) = struct.unpack(">I", data[at:at + 4])
        kind, end = data[at + 4:at + 8], at + 12 + length
        if end > len(data):
            raise _damaged()
        if kind == b"eXIf":
            turn = turn or _orientation(data[at + 8:at + 8 + length])
        if kind in _PNG_KEPT:
            if kind == b"IDAT" and first_data is None:
                first_data = len(kept)
            kept.append(data[at:end])
        at = end
        if kind == b"IEND":  # anything after the end is dropped
            break
    if turn not in (None, 1) and first_data is not None:
        kept.insert(first_data, _png_chunk(b"eXIf", _bare_exif(turn)))  # it must come before the pixels
    return b"".join(kept), turn


# --- WebP: a RIFF file of padded chunks ------------------------------------------------------------

_WEBP_KEPT = {b"VP8 ", b"VP8L", b"VP8X", b"ALPH", b"ANIM", b"ANMF", b"ICCP"}
_VP8X_EXIF, _VP8X_XMP = 0x08, 0x04


def _webp(data: bytes) -> tuple[bytes, int | None]:
    (riff_size,) = struct.unpack("<I", data[4:8])
    end_of_file = 8 + riff_size
    if end_of_file > len(data):
        raise _damaged()
    kept, at, turn = [], 12, None
    while at < end_of_file:
        if at + 8 > end_of_file:
            raise _damaged()
        kind = data[at:at + 4]
        (length,) = struct.unpack("<I", data[at + 4:at + 8])
        end = at + 8 + length + (length & 1)
        if at + 8 + length > end_of_file:
            raise _damaged()
        if kind == b"EXIF":
            body = data[at + 8:at + 8 + length]
            turn = turn or _orientation(body[6:] if body.startswith(b"Exif\x00\x00") else body)
        if kind in _WEBP_KEPT:
            chunk = bytearray(data[at:min(end, end_of_file)])
            if kind == b"VP8X":
                chunk[8] &= ~(_VP8X_EXIF | _VP8X_XMP) & 0xFF
            kept.append(chunk)
        at = end
    if not (kept and kept[0][:4] == b"VP8X"):  # only the extended format may carry EXIF at all
        turn = None
    if turn not in (None, 1):
        kept[0][8] |= _VP8X_EXIF
        exif = _bare_exif(turn)
        kept.append(b"EXIF" + struct.pack("<I", len(exif)) + exif + b"\x00" * (len(exif) & 1))
    body = b"WEBP" + b"".join(bytes(c) for c in kept)
    return b"RIFF" + struct.pack("<I", len(body)) + body, turn
