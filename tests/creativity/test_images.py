"""Telling a real picture from a file that only claims to be one, by its own bytes."""

import io
import struct

import pytest

from holdspace.creativity import images
from holdspace.errors import InvalidInput

from .pictures import png


def _pillow(fmt: str, size=(321, 123), **options) -> bytes:
    Image = pytest.importorskip("PIL.Image")  # only to make real JPEG and WebP files to read
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 90, 140)).save(buffer, fmt, **options)
    return buffer.getvalue()


def test_a_png_is_recognised_with_its_size():
    assert images.inspect(png(640, 480)) == images.Picture("png", 640, 480)


@pytest.mark.parametrize("fmt,options,kind", [("JPEG", {}, "jpeg"), ("JPEG", {"progressive": True}, "jpeg"),
                                              ("WEBP", {}, "webp"), ("WEBP", {"lossless": True}, "webp")])
def test_jpeg_and_webp_are_recognised_with_their_size(fmt, options, kind):
    assert images.inspect(_pillow(fmt, **options)) == images.Picture(kind, 321, 123)


def test_a_jpeg_with_a_large_exif_block_before_its_frame_is_still_measured():
    jpeg = _pillow("JPEG", size=(50, 40))
    app1 = b"\xff\xe1" + struct.pack(">H", 60002) + b"Exif\x00\x00" + b"\x00" * 59994
    assert images.inspect(jpeg[:2] + app1 + jpeg[2:]).width == 50


def test_a_text_file_renamed_png_is_refused_kindly():
    with pytest.raises(InvalidInput) as caught:
        images.inspect(b"Dear diary, this is not a picture at all.\n")
    assert "isn't a picture holdspace can show" in caught.value.fields["image"]


@pytest.mark.parametrize("data", [png()[:20], b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, b"\xff\xd8\xff\xe0\x00",
                                  b"RIFF\xff\xff\x00\x00WEBPVP8 " + b"\x00" * 20])
def test_a_cut_short_or_broken_picture_is_refused_as_damaged(data):
    with pytest.raises(InvalidInput) as caught:
        images.inspect(data)
    assert "damaged" in caught.value.fields["image"]


def test_a_picture_over_ten_megabytes_is_refused_with_the_limit_and_its_size():
    with pytest.raises(InvalidInput) as caught:
        images.inspect(png() + b"\x00" * images.MAX_BYTES)
    assert "up to 10 MB" in caught.value.fields["image"] and "This one is 10 MB" in caught.value.fields["image"]


def test_absurd_dimensions_are_refused():
    with pytest.raises(InvalidInput) as caught:
        images.inspect(png(1, 1).replace(struct.pack(">II", 1, 1), struct.pack(">II", 100_000, 1), 1))
    assert "100000 × 1 pixels" in caught.value.fields["image"]
