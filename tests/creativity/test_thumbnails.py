"""The gallery's small copies: upright, within 640 pixels, never enlarged, never a memory hog."""

import io
import struct
import zlib

import pytest

from holdspace.creativity import hidden_details, images, thumbnails

Image = pytest.importorskip("PIL.Image")


def _opened(data: bytes):
    opened = Image.open(io.BytesIO(data))
    opened.load()
    return opened


@pytest.mark.parametrize("size,expected", [((4032, 3024), (640, 480)), ((3024, 4032), (480, 640)),
                                           ((900, 300), (640, 213)), ((200, 100), (200, 100)),
                                           ((16384, 1), (640, 1))])
def test_a_thumbnail_fits_within_640_pixels_keeps_its_shape_and_is_never_enlarged(size, expected):
    assert thumbnails.size_for(*size) == expected


def test_a_large_phone_photo_becomes_a_small_upright_webp_without_any_metadata():
    picture = Image.new("RGB", (3000, 2000), (30, 90, 160))
    picture.paste((240, 200, 40), (0, 0, 3000, 400))  # a yellow band along the top of the pixels
    exif = Image.Exif()
    exif[0x0112] = 8  # shown turned a quarter anticlockwise: the band ends up on the left
    exif[0x010F] = "canary-phone-maker"
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", exif=exif, quality=85)
    cleaned = hidden_details.without_hidden_details(buffer.getvalue())
    assert images.inspect(cleaned) == images.Picture("jpeg", 3000, 2000)
    thumb = thumbnails.make(cleaned, 2000, 3000)
    small = _opened(thumb)
    assert small.format == "WEBP" and small.size == (427, 640) and b"canary" not in thumb
    assert not small.getexif() and "xmp" not in small.info
    left, right = small.convert("RGB").getpixel((20, 320)), small.convert("RGB").getpixel((400, 320))
    assert left[0] > 200 and right[2] > 120  # the band is on the left: the copy stands upright


def test_a_png_too_large_to_decode_safely_gets_no_thumbnail_and_is_never_decoded():
    width, height = 7000, 6000  # 42 megapixels, over the budget, yet tiny as a 1-bit PNG
    rows = (b"\x00" + b"\x00" * (width // 8)) * height

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    huge = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    assert images.inspect(huge) == images.Picture("png", width, height) and len(huge) < images.MAX_BYTES
    assert width * height > thumbnails.PIXEL_BUDGET
    assert thumbnails.make(huge, width, height) is None


def test_a_picture_pillow_cannot_read_gets_no_thumbnail_rather_than_an_error():
    assert thumbnails.make(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, 10, 10) is None
