"""What kind of picture a file really is, and how big: PNG, JPEG and WebP headers, read in pure Python.

Only the bytes decide, never the file's name or the type the browser claimed: a text file named
drawing.png is refused. Nothing is decoded beyond the header here, so a file is judged before any
image library sees it (thumbnails.py decodes only what passed).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from holdspace.errors import InvalidInput

__all__ = ["DAMAGED", "KINDS", "MAX_BYTES", "MAX_SIDE", "Picture", "inspect", "too_big_message"]

MAX_BYTES = 10 * 1024 * 1024
MAX_SIDE = 16_384  # pixels on either side; larger is almost surely a broken or hostile file
KINDS = {"png": "image/png", "jpeg": "image/jpeg", "webp": "image/webp"}
NOT_A_PICTURE = ("This file isn't a picture holdspace can show. Please choose a PNG, JPEG or WebP image "
                 "(a photo from your phone is usually JPEG).")
DAMAGED = "This picture seems to be damaged or cut short, so it can't be shown. Could you try saving it again?"

_PNG = b"\x89PNG\r\n\x1a\n"
# JPEG frame markers that carry the picture's size (not DHT C4, JPG C8 or DAC CC).
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


@dataclass(frozen=True)
class Picture:
    kind: str  # png, jpeg or webp
    width: int
    height: int

    @property
    def mime(self) -> str:
        return KINDS[self.kind]


def too_big_message(size: int | None = None) -> str:
    have = f" This one is {size / 1024 / 1024:.0f} MB." if size else ""
    return (f"Pictures can be up to {MAX_BYTES // 1024 // 1024} MB.{have} A photo taken at a lower "
            "resolution, or a screenshot of it, will usually fit.")


def inspect(data: bytes) -> Picture:
    """The picture's kind and size from its own bytes, or InvalidInput saying kindly what is wrong."""
    if len(data) > MAX_BYTES:
        raise InvalidInput(fields={"image": too_big_message(len(data))})
    if not data:
        raise InvalidInput(fields={"image": "Please choose a picture to upload."})
    if data.startswith(_PNG):
        width, height = _png(data)
        kind = "png"
    elif data.startswith(b"\xff\xd8\xff"):
        width, height = _jpeg(data)
        kind = "jpeg"
    elif data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        width, height = _webp(data)
        kind = "webp"
    else:
        raise InvalidInput(fields={"image": NOT_A_PICTURE})
    if not (0 < width <= MAX_SIDE and 0 < height <= MAX_SIDE):
        raise InvalidInput(fields={"image": f"This picture is {width} × {height} pixels; holdspace takes "
                                            f"pictures up to {MAX_SIDE:,} pixels on each side."})
    return Picture(kind, width, height)


def _damaged() -> InvalidInput:
    return InvalidInput(fields={"image": DAMAGED})


def _png(data: bytes) -> tuple[int, int]:
    # The first chunk must be IHDR: length 13, then width and height as big-endian 32-bit numbers.
    if len(data) < 33 or data[8:16] != b"\x00\x00\x00\x0dIHDR" or data.rfind(b"IEND", 33) < 0:
        raise _damaged()
    return struct.unpack(">II", data[16:24])


def _jpeg(data: bytes) -> tuple[int, int]:
    at = 2
    while at + 4 <= len(data):
        if data[at] != 0xFF:
            raise _damaged()
        marker = data[at + 1]
        if marker == 0xFF:  # fill bytes between segments
            at += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            at += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image, or the picture data begins: no size was given
            break
        (length,) = struct.unpack(">H", data[at + 2:at + 4])
        if length < 2:
            raise _damaged()
        if marker in _SOF:
            if at + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return width, height
        at += 2 + length
    raise _damaged()


def _webp(data: bytes) -> tuple[int, int]:
    (riff_size,) = struct.unpack("<I", data[4:8])
    if riff_size + 8 > len(data) or len(data) < 30:
        raise _damaged()
    chunk = data[12:16]
    if chunk == b"VP8 ":  # lossy: a key frame's start code, then 14-bit width and height
        if data[23:26] != b"\x9d\x01\x2a":
            raise _damaged()
        width, height = struct.unpack("<HH", data[26:30])
        return width & 0x3FFF, height & 0x3FFF
    if chunk == b"VP8L":  # lossless: a signature byte, then 14-bit width-1 and height-1
        if data[20] != 0x2F:
            raise _damaged()
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X":  # extended: 24-bit canvas width-1 and height-1
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    raise _damaged()
