"""Where a picture was taken, on what device and when: taken out of JPEG, PNG and WebP alike.

Each test makes a real file the way a phone or an app would (Pillow writes the EXIF, XMP and text
blocks), checks the details are really there to begin with, and that after cleaning they are gone
while the picture still opens with exactly the same pixels.
"""

import io
import struct
import zlib

import pytest

from holdspace.creativity import hidden_details, images
from holdspace.errors import InvalidInput

from .pictures import painting, png

Image = pytest.importorskip("PIL.Image")
PngImagePlugin = pytest.importorskip("PIL.PngImagePlugin")

MAKER = "canary-phone-maker"
PLACE = "canary-place-51.5N"
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="canary-xmp-gps"/>'
       b'</rdf:RDF></x:xmpmeta>')
CANARIES = (MAKER.encode(), PLACE.encode(), b"canary-xmp-gps", b"canary-comment", b"canary-second-picture")


def _exif(orientation: int):
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = MAKER
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 12.5), 3: "W", 4: (0.0, 7.0, 39.0)}  # where it was taken
    return exif


def _scene(mode: str = "RGB") -> "Image.Image":
    return Image.open(io.BytesIO(painting(60, 40))).convert(mode)


def _saved(picture, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    picture.save(buffer, fmt, **options)
    return buffer.getvalue()


def _pixels(data: bytes) -> bytes:
    opened = Image.open(io.BytesIO(data))
    opened.load()
    return opened.tobytes()


def _png_chunks(data: bytes) -> list[bytes]:
    kinds, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at:at + 4])
        kinds.append(data[at + 4:at + 8])
        at += 12 + length
    return kinds


def _webp_chunks(data: bytes) -> list[bytes]:
    kinds, at = [], 12
    while at < len(data):
        (length,) = struct.unpack("<I", data[at + 4:at + 8])
        kinds.append(data[at:at + 4])
        at += 8 + length + (length & 1)
    return kinds


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def phone_photo(orientation: int = 6) -> bytes:
    """A JPEG as a phone writes it: EXIF with GPS and the maker, XMP, IPTC, a comment, and a second
    picture (with its own EXIF) after the end, as phones append for depth or HDR."""
    jpeg = _saved(_scene(), "JPEG", exif=_exif(orientation), quality=90)
    xmp = b"http://ns.adobe.com/xap/1.0/\x00" + XMP
    city = b"\x1c\x02\x5a" + struct.pack(">H", len(PLACE)) + PLACE.encode()  # IPTC: the city
    iptc = b"Photoshop 3.0\x008BIM\x04\x04\x00\x00" + struct.pack(">I", len(city)) + city
    comment = b"canary-comment"
    extra = b"".join(marker + struct.pack(">H", len(body) + 2) + body
                     for marker, body in ((b"\xff\xe1", xmp), (b"\xff\xed", iptc), (b"\xff\xfe", comment)))
    second = _saved(Image.new("RGB", (8, 8)), "JPEG", exif=_exif(1))
    second = second[:2] + b"\xff\xfe\x00\x17canary-second-picture" + second[2:]
    return jpeg[:2] + extra + jpeg[2:] + second


def test_a_phone_photo_loses_every_hidden_detail_but_keeps_which_way_up_it_goes():
    photo = phone_photo(orientation=6)
    assert all(canary in photo for canary in CANARIES)  # the details are there to begin with
    assert Image.open(io.BytesIO(photo)).getexif().get_ifd(0x8825)
    cleaned = hidden_details.without_hidden_details(photo)
    assert not [canary for canary in CANARIES if canary in cleaned]
    opened = Image.open(io.BytesIO(cleaned))
    assert dict(opened.getexif()) == {0x0112: 6} and opened.size == (60, 40)
    assert _pixels(cleaned) == _pixels(photo)  # the picture itself is copied, not re-encoded
    assert images.inspect(cleaned) == images.Picture("jpeg", 60, 40)
    assert hidden_details.orientation(cleaned) == 6


def test_a_progressive_photo_already_upright_keeps_no_camera_details_at_all():
    photo = _saved(_scene(), "JPEG", exif=_exif(1), progressive=True)
    cleaned = hidden_details.without_hidden_details(photo)
    assert dict(Image.open(io.BytesIO(cleaned)).getexif()) == {} and MAKER.encode() not in cleaned
    assert _pixels(cleaned) == _pixels(photo) and hidden_details.orientation(cleaned) == 1


def test_a_png_loses_its_text_exif_xmp_and_time_chunks_and_draws_the_same():
    info = PngImagePlugin.PngInfo()
    info.add_text("Location", PLACE)  # tEXt
    info.add_text("Comment", "canary-comment", zip=True)  # zTXt
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())  # iTXt, where apps keep XMP
    made = _saved(_scene("RGBA"), "PNG", pnginfo=info, exif=_exif(6))
    at_pixels = made.index(b"IDAT") - 4
    time = _png_chunk(b"tIME", struct.pack(">HBBBBB", 2026, 5, 4, 9, 30, 0))
    private = _png_chunk(b"prVt", b"canary-second-picture")
    made = made[:at_pixels] + time + private + made[at_pixels:] + b"canary-comment after the end"
    assert {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME", b"prVt"} <= set(_png_chunks(made[:-28]))
    cleaned = hidden_details.without_hidden_details(made)
    kinds = _png_chunks(cleaned)
    assert not {b"tEXt", b"zTXt", b"iTXt", b"tIME", b"prVt"} & set(kinds)
    assert not [canary for canary in CANARIES if canary in cleaned]
    assert kinds.count(b"eXIf") == 1 and kinds.index(b"eXIf") < kinds.index(b"IDAT") and kinds[-1] == b"IEND"
    opened = Image.open(io.BytesIO(cleaned))
    assert dict(opened.getexif()) == {0x0112: 6} and opened.mode == "RGBA"
    assert _pixels(cleaned) == _pixels(made)
    assert images.inspect(cleaned) == images.Picture("png", 60, 40)


def test_an_upright_png_keeps_no_exif_chunk():
    made = _saved(_scene(), "PNG", exif=_exif(1))
    cleaned = hidden_details.without_hidden_details(made)
    assert b"eXIf" in made and b"eXIf" not in cleaned and _pixels(cleaned) == _pixels(made)


@pytest.mark.parametrize("options", [{"lossless": True}, {"quality": 80}], ids=["lossless", "lossy"])
def test_a_webp_loses_its_exif_and_xmp_chunks_and_draws_the_same(options):
    made = _saved(_scene("RGBA"), "WEBP", exif=_exif(6), xmp=XMP, **options)
    assert {b"EXIF", b"XMP "} <= set(_webp_chunks(made)) and MAKER.encode() in made
    cleaned = hidden_details.without_hidden_details(made)
    kinds = _webp_chunks(cleaned)
    assert b"XMP " not in kinds and kinds.count(b"EXIF") == 1
    assert not [canary for canary in CANARIES if canary in cleaned]
    assert struct.unpack("<I", cleaned[4:8])[0] == len(cleaned) - 8  # the RIFF size is rewritten
    assert cleaned[20] & 0x04 == 0 and cleaned[20] & 0x08  # VP8X: no XMP flag, the EXIF flag for the turn
    opened = Image.open(io.BytesIO(cleaned))
    assert dict(opened.getexif()) == {0x0112: 6}
    assert _pixels(cleaned) == _pixels(made)
    assert images.inspect(cleaned) == images.Picture("webp", 60, 40)


def test_an_upright_webp_keeps_neither_exif_nor_its_flag():
    made = _saved(_scene(), "WEBP", exif=_exif(1), xmp=XMP)
    cleaned = hidden_details.without_hidden_details(made)
    assert set(_webp_chunks(cleaned)) & {b"EXIF", b"XMP "} == set() and cleaned[20] & 0x0C == 0
    assert _pixels(cleaned) == _pixels(made)


def test_pictures_without_hidden_details_are_left_exactly_as_they_are():
    for plain in (_saved(_scene(), "JPEG"), png(), _saved(_scene(), "WEBP"), _saved(_scene(), "WEBP", lossless=True)):
        assert hidden_details.without_hidden_details(plain) == plain


@pytest.mark.parametrize("broken", [
    png()[:-20] + struct.pack(">I", 10_000) + b"tEXt" + b"x" * 8,  # a chunk longer than the file
    png()[:-12],  # no end chunk
    b"\xff\xd8\xff\xe1\xff\xf0Exif\x00\x00",  # a segment longer than the file
], ids=["png-chunk", "png-no-end", "jpeg-segment"])
def test_a_file_too_broken_to_walk_is_refused_rather_than_kept_with_what_it_hides(broken):
    with pytest.raises(InvalidInput) as caught:
        hidden_details.without_hidden_details(broken)
    assert "damaged" in caught.value.fields["image"]
