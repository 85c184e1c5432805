"""A ``Sheet`` painted into a PNG with QtGui on an offscreen image.

Only QtGui and QtCore: an export paints the layout, never the live scene or a widget, so it
works from the command line with no window. Text is drawn with ``drawText`` on plain strings,
never as rich text: map text comes from files other people wrote.
"""

from __future__ import annotations

import math
import os
import sys
from collections.abc import Sequence
from functools import cache
from pathlib import Path as FilePath

from PySide6.QtCore import QLoggingCategory, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
)

from journey_editor.export.drawing import Box, Circle, Cubic, Path, Pen, Shape, Sheet, Text
from journey_editor.export.files import DPI_RANGE, ExportCancelled, Progress
from journey_editor.export.png_file import Pixels, write_png_file
from journey_editor.layout import DEFAULT_FONTS, FontRole, FontSpec, FontTable
from journey_editor.model import JourneyError

# libpng refuses to write a PNG wider or taller than a million pixels (its default user limit;
# measured: QImage.save returns False at 1,000,001).
MAX_SIDE = 1_000_000
# 2^28 pixels: 1 GiB to paint on (4 bytes a pixel) and 0.75 GiB for the RGB copy that is
# encoded, memory a laptop can spare. Qt 5 refused images past 2^31 bytes; Qt 6.11 makes
# them (measured: 3.2 GB), but they fail to allocate on many machines. A 2,000-card map of
# six stages is 1,870 × 57,133 px (107 megapixels) at 96 dpi: it fits up to about 150 dpi.
MAX_PIXELS = 1 << 28
# Shapes painted between two calls of ``progress``; painting is this share of the work, the
# PNG encoding the rest (measured on a 2,000-card sheet: 0.6 s and 0.4 s).
PROGRESS_STEP = 2000
PAINT_SHARE = 0.6

_application: QGuiApplication | None = None  # ours, kept alive while the process paints


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication, or a new one for a process that has none (the CLI).

    On Linux with no display to talk to, the new one draws offscreen; a platform the user
    chose with QT_QPA_PLATFORM is left alone. Windows and macOS need no display server.
    """
    global _application
    running = QGuiApplication.instance()
    if isinstance(running, QGuiApplication):
        return running
    if running is not None:
        raise RuntimeError("painting an image needs a QGuiApplication, not a QCoreApplication")
    headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and sys.platform not in ("win32", "darwin"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Qt warns on stderr for each script whose shaping data it lacks (measured: 105 lines for
    # a map in Devanagari); the command line shows one line per problem, so quiet them.
    QLoggingCategory.setFilterRules("qt.text.font.*=false")
    _application = QGuiApplication(sys.argv[:1] or ["journey-editor"])
    return _application


def image_size(sheet: Sheet, dpi: float) -> tuple[int, int]:
    """The PNG's width and height in pixels: the sheet at ``dpi``, 96 being one to one."""
    scale = dpi / 96.0
    # Rounded first so that 1000 map pixels at 96 dpi are 1000 pixels, not 1001.
    return (
        max(1, math.ceil(round(sheet.width * scale, 6))),
        max(1, math.ceil(round(sheet.height * scale, 6))),
    )


def check_image_size(sheet: Sheet, dpi: float) -> None:
    """Raise JourneyError, naming the size and the highest dpi that fits, when the sheet at
    ``dpi`` would make an image too big to allocate or to write as a PNG."""
    width, height = image_size(sheet, dpi)
    if _fits(width, height):
        return
    best = math.floor(
        96.0
        * min(
            MAX_SIDE / max(sheet.width, sheet.height),
            math.sqrt(MAX_PIXELS / (sheet.width * sheet.height)),
        )
    )
    while best > 0 and not _fits(*image_size(sheet, best)):
        best -= 1
    advice = (
        f"{best} dpi is the most that fits"
        if best >= DPI_RANGE[0]
        else "export it as SVG or PDF instead"
    )
    raise JourneyError(
        f"the map at {dpi:g} dpi would be a {width:,} × {height:,} px image, more than a PNG "
        f"export makes ({MAX_SIDE:,} px a side, {MAX_PIXELS / 1e6:.0f} megapixels); {advice}"
    )


def _fits(width: int, height: int) -> bool:
    return max(width, height) <= MAX_SIDE and width * height <= MAX_PIXELS


def render_png(
    sheet: Sheet,
    path: FilePath,
    dpi: float = 96.0,
    fonts: FontTable = DEFAULT_FONTS,
    progress: Progress | None = None,
) -> None:
    """Paint ``sheet`` at ``dpi`` into a PNG file at ``path`` (any name: the format is fixed).

    Raises JourneyError (one line) for an image too big to make, OSError when the file cannot
    be written (export_journey's atomic write names the target then), and ExportCancelled
    when ``progress`` returned False.
    """
    check_image_size(sheet, dpi)
    ensure_gui_application()
    tick = progress or (lambda share: True)
    pixels = _painted(sheet, dpi, fonts, tick)
    write_png_file(
        Pixels(pixels.constBits(), pixels.width(), pixels.height(), pixels.bytesPerLine(),
               pixels.hasAlphaChannel()),
        path, dpi, lambda share: tick(PAINT_SHARE + (1 - PAINT_SHARE) * share),
    )


def _painted(sheet: Sheet, dpi: float, fonts: FontTable, progress: Progress) -> QImage:
    """The sheet painted, in the byte order a PNG stores: RGB, or RGBA when it is translucent.

    QPainter draws on its own 32-bit formats more than twice as fast as on RGB888 (measured),
    so the image is painted there and converted once; the 32-bit one is freed on return.
    """
    background = _colour(sheet.background)
    # An opaque map needs no alpha channel; premultiplied is what QPainter draws on fastest.
    opaque = background.alpha() == 255
    shape = QImage.Format.Format_RGB32 if opaque else QImage.Format.Format_ARGB32_Premultiplied
    width, height = image_size(sheet, dpi)
    image = QImage(width, height, shape)
    if image.isNull():
        raise JourneyError(f"not enough memory for a {width:,} × {height:,} px image")
    image.fill(background)
    painter = QPainter(image)
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        painter.scale(dpi / 96.0, dpi / 96.0)
        qt_fonts = {role: qt_font(spec) for role, spec in fonts.items()}
        _paint(painter, sheet.shapes, qt_fonts, lambda share: progress(PAINT_SHARE * share))
    finally:
        painter.end()
    return image.convertToFormat(
        QImage.Format.Format_RGB888 if opaque else QImage.Format.Format_RGBA8888
    )


def qt_font(spec: FontSpec) -> QFont:
    """The QFont for a font spec, for the canvas and the PNG alike: sized in pixels (a point
    size would scale on export), kerning off (wrapping adds up word widths without it), and
    the application's font when the machine lacks the family (Qt wheels ship no fonts;
    Debian's fonts-dejavu-core has it). Qt picks other fonts for characters it lacks."""
    family = spec.family
    if family not in QFontDatabase.families():
        family = QGuiApplication.font().family()
    font = QFont(family)
    font.setPixelSize(spec.pixel_size)
    font.setBold(spec.bold)
    font.setKerning(False)
    return font


def _paint(
    painter: QPainter,
    shapes: Sequence[Shape],
    fonts: dict[FontRole, QFont],
    progress: Progress,
) -> None:
    font: QFont | None = None
    for start in range(0, len(shapes), PROGRESS_STEP):
        if not progress(start / len(shapes)):
            raise ExportCancelled
        for shape in shapes[start : start + PROGRESS_STEP]:
            if isinstance(shape, Text):
                # Setting a font costs a lookup in Qt; runs of text in one role are common.
                if fonts[shape.role] is not font:
                    font = fonts[shape.role]
                    painter.setFont(font)
                painter.setPen(_colour(shape.colour))
                painter.drawText(QPointF(shape.x, shape.baseline), shape.text)
                continue
            painter.setPen(_pen(shape.pen))
            painter.setBrush(_brush(shape.fill))
            if isinstance(shape, Box):
                rect = shape.rect
                if shape.radius > 0:
                    painter.drawRoundedRect(
                        QRectF(rect.x, rect.y, rect.w, rect.h), shape.radius, shape.radius
                    )
                else:
                    painter.drawRect(QRectF(rect.x, rect.y, rect.w, rect.h))
            elif isinstance(shape, Circle):
                centre = QPointF(shape.centre.x, shape.centre.y)
                painter.drawEllipse(centre, shape.radius, shape.radius)
            else:
                painter.drawPath(_painter_path(shape))


def _painter_path(path: Path) -> QPainterPath:
    drawn = QPainterPath(QPointF(path.start.x, path.start.y))
    # SVG's default fill rule, so a self-crossing shape fills alike in both exports.
    drawn.setFillRule(Qt.FillRule.WindingFill)
    for segment in path.segments:
        if isinstance(segment, Cubic):
            out, into, end = segment.bend_out, segment.bend_in, segment.end
            drawn.cubicTo(out.x, out.y, into.x, into.y, end.x, end.y)
        else:
            drawn.lineTo(segment.x, segment.y)
    if path.closed:
        drawn.closeSubpath()
    return drawn


@cache
def _colour(colour: str) -> QColor:
    """``#RRGGBB`` or ``#RRGGBBAA`` (Qt would read eight digits as #AARRGGBB)."""
    shade = QColor(colour[:7])
    if len(colour) not in (7, 9) or not shade.isValid():
        raise ValueError(f"not a #RRGGBB or #RRGGBBAA colour: {colour!r}")
    if len(colour) == 9:
        shade.setAlpha(int(colour[7:], 16))
    return shade


@cache
def _brush(fill: str | None) -> QBrush:
    return QBrush(Qt.BrushStyle.NoBrush) if fill is None else QBrush(_colour(fill))


@cache
def _pen(pen: Pen | None) -> QPen:
    """The QPen drawing as SVG strokes by default: butt or round caps, mitred joins, lengths
    of dashes in map pixels, and nothing at all for a width of zero."""
    if pen is None or pen.width <= 0:
        return QPen(Qt.PenStyle.NoPen)
    round_cap = pen.round_cap
    drawn = QPen(
        QBrush(_colour(pen.colour)),
        pen.width,
        Qt.PenStyle.SolidLine,
        Qt.PenCapStyle.RoundCap if round_cap else Qt.PenCapStyle.FlatCap,
        Qt.PenJoinStyle.RoundJoin if round_cap else Qt.PenJoinStyle.MiterJoin,
    )
    if pen.dash and sum(pen.dash) > 0:
        # Qt counts dashes in pen widths and wants pairs; SVG repeats an odd list to make them.
        lengths = pen.dash * 2 if len(pen.dash) % 2 else pen.dash
        drawn.setDashPattern([length / pen.width for length in lengths])
    return drawn
