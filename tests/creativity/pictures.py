"""Small real pictures made byte by byte, for tests: no image library needed."""

import struct
import zlib


def png(width: int = 3, height: int = 2, rgb: tuple[int, int, int] = (200, 120, 60)) -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def painting(width: int = 240, height: int = 180, sky=(120, 170, 210), sun=(250, 200, 90),
             ground=(70, 120, 80)) -> bytes:
    """A little landscape (sky, sun, hills), so gallery screenshots show something like art."""
    import math

    def pixel(x: int, y: int) -> tuple[int, int, int]:
        hill = height * 0.7 + math.sin(x / width * 6.3) * height * 0.08
        if y > hill:
            return ground
        if (x - width * 0.7) ** 2 + (y - height * 0.3) ** 2 < (height * 0.13) ** 2:
            return sun
        fade = y / height
        return tuple(int(c * (1 - 0.3 * fade) + 255 * 0.3 * fade) for c in sky)

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
