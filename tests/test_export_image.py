"""The PNG painter: right size and dpi, shapes and text where they belong, a valid file, a
clear refusal of an image too big to make, and no display needed."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path as FilePath

import pytest
from PySide6.QtGui import QColor, QImage

from journey_editor.export import image, png_file
from journey_editor.export.drawing import Box, Circle, Cubic, Path, Pen, Sheet, Text, line
from journey_editor.export.files import ExportCancelled
from journey_editor.export.image import check_image_size, render_png
from journey_editor.layout import FontRole, Point, Rect
from journey_editor.model import JourneyError

# pytest-qt's QApplication first: a QGuiApplication made by the painter would stand in the
# way of the widget tests that run later in the same session.
pytestmark = pytest.mark.usefixtures("qapp")

ROOT = FilePath(__file__).resolve().parents[1]
SIGNATURE = b"\x89PNG\r\n\x1a\n"
BLUE = "#2A7FFF"


def temporary_name(folder: FilePath) -> FilePath:
    """The kind of name the atomic writer gives the painter: no .png at the end."""
    return folder / ".map.png.1a2b3c4d.tmp"


def painted(sheet: Sheet, folder: FilePath, dpi: float = 96.0) -> QImage:
    path = temporary_name(folder)
    render_png(sheet, path, dpi)
    assert path.read_bytes()[:8] == SIGNATURE
    result = QImage()
    assert result.load(str(path), "PNG")
    return result


def dark_pixels(picture: QImage, left: int, top: int, right: int, bottom: int) -> int:
    return sum(
        1
        for x in range(left, right)
        for y in range(top, bottom)
        if picture.pixelColor(x, y).lightness() < 128
    )


def rightmost_ink(picture: QImage) -> int:
    return max(
        (
            x
            for x in range(picture.width())
            for y in range(picture.height())
            if picture.pixelColor(x, y).lightness() < 128
        ),
        default=-1,
    )


@pytest.mark.parametrize(("dpi", "size"), [(96.0, (301, 200)), (192.0, (601, 400))])
def test_size_and_dpi(tmp_path: FilePath, dpi: float, size: tuple[int, int]) -> None:
    picture = painted(Sheet(300.5, 200), tmp_path, dpi)
    assert (picture.width(), picture.height()) == size
    assert picture.dotsPerMeterX() == picture.dotsPerMeterY() == round(dpi / 0.0254)
    assert not picture.hasAlphaChannel()


def test_a_box_is_filled_where_it_is(tmp_path: FilePath) -> None:
    sheet = Sheet(100, 80, shapes=[Box(Rect(10, 10, 40, 30), BLUE, radius=4)])
    at_96 = painted(sheet, tmp_path)
    assert at_96.pixelColor(30, 25) == QColor(BLUE)
    assert at_96.pixelColor(70, 60) == QColor("#FFFFFF")
    at_192 = painted(sheet, tmp_path, 192.0)
    assert at_192.pixelColor(60, 50) == QColor(BLUE)
    assert at_192.pixelColor(98, 50) == QColor(BLUE)  # (49, 25) in map pixels
    assert at_192.pixelColor(102, 50) == QColor("#FFFFFF")


def test_translucent_fills_blend_and_a_clear_background_stays_clear(tmp_path: FilePath) -> None:
    sheet = Sheet(40, 40, shapes=[Box(Rect(0, 0, 20, 40), "#FF000080")])
    blended = painted(sheet, tmp_path).pixelColor(10, 20)
    assert (blended.red(), blended.alpha()) == (255, 255)
    assert 125 <= blended.green() <= 129 and 125 <= blended.blue() <= 129
    clear = painted(Sheet(40, 40, "#00000000", list(sheet.shapes)), tmp_path)
    assert clear.hasAlphaChannel()
    assert clear.pixelColor(30, 20).alpha() == 0
    assert clear.pixelColor(10, 20).alpha() in (127, 128)


def test_text_darkens_where_it_is_and_stays_plain(tmp_path: FilePath) -> None:
    words = Text("MMMM", FontRole.CARD_TITLE, 20, 40, "#000000")
    picture = painted(Sheet(200, 80, shapes=[words]), tmp_path)
    assert dark_pixels(picture, 20, 26, 70, 41) > 60
    assert dark_pixels(picture, 0, 44, 200, 80) == dark_pixels(picture, 0, 0, 200, 24) == 0
    # Markup is drawn as its characters, so it is wider than the word it would have styled.
    plain = painted(
        Sheet(300, 60, shapes=[Text("x", FontRole.CARD_BODY, 5, 30, "#000000")]), tmp_path
    )
    tagged = Text("<b>x</b>", FontRole.CARD_BODY, 5, 30, "#000000")
    assert (
        rightmost_ink(painted(Sheet(300, 60, shapes=[tagged]), tmp_path))
        > rightmost_ink(plain) + 30
    )


def test_dashes_leave_gaps_and_curves_are_drawn(tmp_path: FilePath) -> None:
    dashed = line(Point(0, 10), Point(200, 10), Pen("#000000", 4, dash=(10, 10)))
    curve = Path(
        Point(0, 60),
        (Cubic(Point(60, 30), Point(140, 90), Point(200, 60)),),
        pen=Pen("#000000", 3, round_cap=True),
    )
    dot = Circle(Point(100, 90), 5, "#000000")
    picture = painted(Sheet(200, 100, shapes=[dashed, curve, dot]), tmp_path)
    row = [picture.pixelColor(x, 10).lightness() < 128 for x in range(0, 60, 5)]
    assert row == [True, True, False, False] * 3
    assert picture.pixelColor(100, 60).lightness() < 128  # the curve's midpoint
    assert picture.pixelColor(100, 90).lightness() < 128


def test_the_file_is_a_valid_png_in_many_strips(
    tmp_path: FilePath, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Strips of a few rows: the pieces of the deflate stream and their checksums must join.
    monkeypatch.setattr(png_file, "_STRIP_BYTES", 1000)
    sheet = Sheet(150, 90, "#FAFBFC", [Box(Rect(5, 5, 90, 60), BLUE, Pen("#000000", 2), 6)])
    sheet.add(Text("Ελληνικά Кириллица déjà", FontRole.CARD_BODY, 8, 80, "#1C2733"))
    path = temporary_name(tmp_path)
    render_png(sheet, path)
    data = path.read_bytes()
    chunks, at = [], 8
    while at < len(data):
        (length,) = struct.unpack(">I", data[at : at + 4])
        kind, body = data[at + 4 : at + 8], data[at + 8 : at + 8 + length]
        (crc,) = struct.unpack(">I", data[at + 8 + length : at + 12 + length])
        assert crc == zlib.crc32(kind + body)
        chunks.append((kind, body))
        at += 12 + length
    kinds = [kind for kind, _ in chunks]
    assert kinds[:2] == [b"IHDR", b"pHYs"] and kinds[-1] == b"IEND"
    assert kinds.count(b"IDAT") > 10
    raw = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    decoded = QImage()
    assert decoded.load(str(path), "PNG")
    rgb = decoded.convertToFormat(QImage.Format.Format_RGB888)
    rows = [bytes(rgb.constScanLine(y))[: 150 * 3] for y in range(90)]
    assert raw == b"".join(b"\x00" + row for row in rows)


def test_too_big_is_refused_before_any_image_is_made(
    tmp_path: FilePath, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_image(*args: object) -> None:
        raise AssertionError("an image was allocated")

    monkeypatch.setattr(image, "QImage", no_image)
    with pytest.raises(JourneyError, match=r"20,000 × 20,000 px .* 78 dpi is the most that fits"):
        render_png(Sheet(20_000, 20_000), temporary_name(tmp_path))
    with pytest.raises(JourneyError, match=r"at 96 dpi .* 2,000,000 × 10 px .* 48 dpi"):
        render_png(Sheet(2_000_000, 10), temporary_name(tmp_path))
    with pytest.raises(JourneyError, match="export it as SVG or PDF instead") as refused:
        render_png(Sheet(50_000_000, 10), temporary_name(tmp_path), dpi=300)
    assert "\n" not in str(refused.value)
    assert not temporary_name(tmp_path).exists()
    check_image_size(Sheet(20_000, 20_000), 78)
    with pytest.raises(JourneyError):
        check_image_size(Sheet(20_000, 20_000), 79)


@pytest.mark.parametrize("stop_at", [0.0, 0.8])
def test_cancel_while_painting_or_encoding(
    tmp_path: FilePath, monkeypatch: pytest.MonkeyPatch, stop_at: float
) -> None:
    monkeypatch.setattr(png_file, "_STRIP_BYTES", 1000)
    shapes = [Box(Rect(0, n, 10, 1), BLUE) for n in range(5000)]

    def progress(share: float) -> bool:
        return share < stop_at

    with pytest.raises(ExportCancelled):
        render_png(Sheet(10, 5000, shapes=shapes), temporary_name(tmp_path), progress=progress)
    # Stopped while painting, the painter has not opened the file yet.
    assert temporary_name(tmp_path).exists() == (stop_at > image.PAINT_SHARE)


def test_an_unwritable_path_raises_oserror(tmp_path: FilePath) -> None:
    with pytest.raises(OSError):
        render_png(Sheet(10, 10), tmp_path / "missing" / "map.png")


SCRIPT = """
import sys
from pathlib import Path
from PySide6.QtGui import QGuiApplication
from journey_editor.export.drawing import Box, Sheet, Text
from journey_editor.export.image import render_png
from journey_editor.layout import FontRole, Rect

assert QGuiApplication.instance() is None
shapes = [Box(Rect(9, 9, 50, 30), "#2A7FFF"), Text("Héllo", FontRole.CARD_BODY, 9, 56, "#1C2733")]
render_png(Sheet(120, 60, shapes=shapes), Path(sys.argv[1]))
print(QGuiApplication.platformName())
"""


@pytest.mark.parametrize(("platform", "expected"), [(None, "offscreen"), ("minimal", "minimal")])
def test_a_fresh_process_with_no_display(
    tmp_path: FilePath, platform: str | None, expected: str
) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    if platform is not None:  # a platform the user chose is kept
        env["QT_QPA_PLATFORM"] = platform
    path = temporary_name(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == expected
    assert path.read_bytes()[:8] == SIGNATURE
