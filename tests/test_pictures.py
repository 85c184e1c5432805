"""A persona picture's size, read from its header: real files from a real encoder, and bombs.

Pillow (installed with pdfplumber, for the tests only) writes the pictures; the editor's own
reader (model/pictures.py) is plain Python and never decodes them.
"""

from __future__ import annotations

import base64
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from strategies import png_header

from journey_editor.interop.json_form import journey_from_json
from journey_editor.model import JourneyError, Persona
from journey_editor.model.pictures import check_picture, picture_size


def encoded(size: tuple[int, int], form: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    mode = "RGBA" if options.pop("alpha", False) else "RGB"
    Image.new(mode, size, (200, 120, 40)).save(buffer, form, **options)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("form", "options", "kind"),
    [
        ("PNG", {}, "PNG"),
        ("JPEG", {}, "JPEG"),
        ("JPEG", {"progressive": True}, "JPEG"),
        ("JPEG", {"exif": b"Exif\x00\x00" + bytes(200)}, "JPEG"),  # a segment before the frame
        ("GIF", {}, "GIF"),
        ("WEBP", {"lossless": True}, "WebP"),  # VP8L
        ("WEBP", {"quality": 50}, "WebP"),  # VP8
        ("WEBP", {"quality": 50, "alpha": True}, "WebP"),  # VP8X, with an alpha chunk
    ],
)
@pytest.mark.parametrize("size", [(1, 1), (37, 5), (640, 480), (3000, 17)])
def test_the_size_of_real_pictures_is_read_from_their_header(
    form: str, options: dict[str, object], kind: str, size: tuple[int, int]
) -> None:
    data = encoded(size, form, **dict(options))
    found = picture_size("picture", data)
    assert (found.kind, found.width, found.height) == (kind, *size)
    assert Persona(picture=data).picture == data


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (png_header(100_000, 100_000), "is a PNG of 100,000 × 100,000 pixels; the limit is 40"),
        (png_header(20_001, 10), "is a PNG of 20,001 × 10 pixels"),
        (png_header(0, 10), "is a PNG of 0 × 10 pixels"),
        (b"\xff\xd8\xff\xc0\x00\x11\x08\xff\xff\xff\xff\x03" + bytes(9), "JPEG of 65,535 × 65,"),
        (b"GIF89a\xff\xff\xff\xff" + bytes(3), "is a GIF of 65,535 × 65,535 pixels"),
        (
            b"RIFF\x00\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00" + bytes(4) + b"\xff" * 6,
            "is a WebP of 16,777,216 × 16,777,216 pixels",
        ),
        (b"<svg xmlns='http://www.w3.org/2000/svg'/>", "not a PNG, JPEG, GIF or WebP picture"),
        (b"BM\x00\x00", "not a PNG, JPEG, GIF or WebP picture"),
        (b"", "not a PNG, JPEG, GIF or WebP picture"),
        (png_header(10, 10)[:24], "a PNG whose header is cut short or damaged"),
        (b"\xff\xd8\xff\xd9", "a JPEG whose header is cut short or damaged"),
        (b"\xff\xd8\xff\xe0\xff\xff", "a JPEG whose header is cut short or damaged"),
        (b"\xff\xd8" + b"\xff" * 1000, "a JPEG whose header is cut short or damaged"),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 ", "a WebP whose header is cut short or damaged"),
    ],
)
def test_bombs_and_strangers_are_refused_before_decoding(data: bytes, message: str) -> None:
    with pytest.raises(JourneyError, match=r"^persona picture") as refused:
        Persona(picture=data)
    assert message in str(refused.value) and "\n" not in str(refused.value)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.binary(max_size=64) | st.builds(lambda a, b: a + b, st.sampled_from(
    [b"\x89PNG\r\n\x1a\n", b"\xff\xd8", b"GIF89a", b"RIFF\x00\x00\x00\x00WEBPVP8X"]
), st.binary(max_size=64)))
def test_any_bytes_give_a_size_or_a_one_line_refusal(data: bytes) -> None:
    try:
        size = check_picture("picture", data)
    except JourneyError as error:
        assert len(str(error).splitlines()) == 1
    else:
        assert 1 <= size.width <= 20_000 and 1 <= size.height <= 20_000


def test_a_bomb_in_a_map_s_json_form_is_refused_too() -> None:
    picture = base64.b64encode(png_header(100_000, 100_000)).decode("ascii")
    text = json.dumps({"title": "T", "persona": {"picture": picture}})
    with pytest.raises(JourneyError, match=r"persona picture is a PNG of 100,000 × 100,000"):
        journey_from_json(text)
