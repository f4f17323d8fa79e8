"""A small copy of a picture for the gallery: upright, at most BOX pixels a side, as WebP.

Pillow is already part of holdspace (fpdf2 draws report pictures with it). Only a picture that
images.inspect accepted and hidden_details cleaned reaches it. A JPEG is decoded straight at a
reduced scale, so even a large phone photo costs little; a PNG or WebP is decoded whole, so one
over PIXEL_BUDGET gets no thumbnail (the gallery shows the full picture instead) rather than
holding hundreds of megabytes in memory. The copy carries no metadata of any kind.
"""

from __future__ import annotations

import io
import struct
import warnings

__all__ = ["BOX", "MIME", "PIXEL_BUDGET", "make", "size_for"]

BOX = 640  # a gallery tile is about 300 × 176 CSS pixels; this stays sharp on a 2× screen
PIXEL_BUDGET = 40_000_000  # a PNG or WebP decoded whole: 40 MP is 160 MB as RGBA
MIME = "image/webp"


def size_for(width: int, height: int) -> tuple[int, int]:
    """The thumbnail's size for an upright picture of this size: within BOX, never enlarged."""
    scale = min(1.0, BOX / max(width, height))
    return max(1, round(width * scale)), max(1, round(height * scale))


def make(data: bytes, upright_width: int, upright_height: int) -> bytes | None:
    """The thumbnail of a checked, cleaned picture, or None if this one can't be made small."""
    from PIL import Image, ImageOps

    kind_is_jpeg = data.startswith(b"\xff\xd8")
    if not kind_is_jpeg and upright_width * upright_height > PIXEL_BUDGET:
        return None
    size = size_for(upright_width, upright_height)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as picture:
                if kind_is_jpeg:
                    picture.draft("RGB", (size[0] * 2, size[1] * 2))  # decode at 1/2 to 1/8 scale directly
                picture.seek(0)  # the first frame of an animation
                upright = ImageOps.exif_transpose(picture)
                mode = "RGBA" if "A" in upright.getbands() or "transparency" in upright.info else "RGB"
                small = upright.convert(mode).resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
                out = io.BytesIO()
                small.save(out, "WEBP", quality=82, method=4)
    except (OSError, EOFError, ValueError, SyntaxError, IndexError, struct.error, MemoryError,
            Image.DecompressionBombWarning, Image.DecompressionBombError):  # what a hostile file makes Pillow raise
        return None  # Pillow can't read it after all: the gallery falls back to the picture itself
    return out.getvalue()
