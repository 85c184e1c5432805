"""A persona picture's pixel size, read from its header before anything decodes it.

A picture of a few kilobytes can claim 100,000 × 100,000 pixels and make a decoder ask for
40 GB (a decompression bomb), so the size is read here in plain Python and checked against
the limits first. Only the four formats people drop in as a face are accepted.
"""

from __future__ import annotations

from dataclasses import dataclass

from journey_editor.model import limits
from journey_editor.model.errors import JourneyError

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_NOT_A_PICTURE = "not a PNG, JPEG, GIF or WebP picture"
# Start-of-frame markers carry the size; C4 (Huffman tables), C8 (reserved) and CC
# (arithmetic coding) share the range but are not frames.
_JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# Markers that stand alone, with no length after them.
_JPEG_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})


@dataclass(frozen=True)
class PictureSize:
    kind: str
    width: int
    height: int


def check_picture(what: str, data: bytes) -> PictureSize:
    """The picture's format and size; JourneyError if it is not one we show or too large."""
    size = picture_size(what, data)
    if size.width < 1 or size.height < 1:
        raise JourneyError(f"{what} is a {size.kind} of {size.width} × {size.height} pixels")
    side, pixels = limits.PICTURE_MAX_SIDE, limits.PICTURE_MAX_PIXELS
    if max(size.width, size.height) > side or size.width * size.height > pixels:
        raise JourneyError(
            f"{what} is a {size.kind} of {size.width:,} × {size.height:,} pixels; the limit is "
            f"{pixels // 1_000_000} megapixels and {side:,} pixels a side"
        )
    return size


def picture_size(what: str, data: bytes) -> PictureSize:
    """Format and pixel size as the header states them, without decoding the picture."""
    if data.startswith(PNG_SIGNATURE):
        return _png(what, data)
    if data.startswith(b"\xff\xd8"):
        return _jpeg(what, data)
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return _gif(what, data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(what, data)
    raise JourneyError(f"{what}: {_NOT_A_PICTURE}")


def _cut_short(what: str, kind: str) -> JourneyError:
    return JourneyError(f"{what}: a {kind} whose header is cut short or damaged")


def _big(data: bytes, start: int, length: int) -> int:
    return int.from_bytes(data[start : start + length], "big")


def _little(data: bytes, start: int, length: int) -> int:
    return int.from_bytes(data[start : start + length], "little")


def _png(what: str, data: bytes) -> PictureSize:
    # The first chunk is always IHDR, 13 bytes: width, height, then five one-byte fields.
    if len(data) < 33 or data[8:16] != b"\x00\x00\x00\x0dIHDR":
        raise _cut_short(what, "PNG")
    return PictureSize("PNG", _big(data, 16, 4), _big(data, 20, 4))


def _jpeg(what: str, data: bytes) -> PictureSize:
    at = 2
    while at < len(data):
        if data[at] != 0xFF:
            break
        while at < len(data) and data[at] == 0xFF:  # fill bytes before a marker
            at += 1
        if at >= len(data):
            break
        marker = data[at]
        at += 1
        if marker in _JPEG_STANDALONE:
            continue
        if marker in (0xD9, 0xDA):  # the end, or the scan, came before any frame header
            break
        length = _big(data, at, 2)
        if length < 2 or at + length > len(data):
            break
        if marker in _JPEG_FRAMES:
            if length < 7:
                break
            return PictureSize("JPEG", _big(data, at + 5, 2), _big(data, at + 3, 2))
        at += length
    raise _cut_short(what, "JPEG")


def _gif(what: str, data: bytes) -> PictureSize:
    if len(data) < 13:
        raise _cut_short(what, "GIF")
    return PictureSize("GIF", _little(data, 6, 2), _little(data, 8, 2))


def _webp(what: str, data: bytes) -> PictureSize:
    chunk = data[12:16]
    if chunk == b"VP8X" and len(data) >= 30:
        # The extended format's canvas, 24 bits a side, stored as size - 1.
        return PictureSize("WebP", _little(data, 24, 3) + 1, _little(data, 27, 3) + 1)
    if chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:
        bits = _little(data, 21, 4)
        return PictureSize("WebP", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8 " and len(data) >= 30 and data[23:26] == b"\x9d\x01\x2a":
        return PictureSize("WebP", _little(data, 26, 2) & 0x3FFF, _little(data, 28, 2) & 0x3FFF)
    raise _cut_short(what, "WebP")
