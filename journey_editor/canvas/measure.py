"""Text measured with the fonts the canvas draws with, so wrapped lines fit when painted."""

from __future__ import annotations

import math

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QGuiApplication

from journey_editor.layout import (
    DEFAULT_FONTS,
    FontRole,
    FontSpec,
    FontTable,
    WidthCache,
    WrappedText,
    line_width,
    wrap_words,
)


def scene_font(spec: FontSpec) -> QFont:
    """The QFont for a font spec, sized in pixels (a point size would scale on export).

    Falls back to the application's font when the machine lacks the family (DejaVu Sans comes
    with Debian's fonts-dejavu-core; Qt wheels ship no fonts).
    """
    family = spec.family
    if family not in QFontDatabase.families():
        family = QGuiApplication.font().family()
    font = QFont(family)
    font.setPixelSize(spec.pixel_size)
    font.setBold(spec.bold)
    # Kerning changes a line's width from the sum of its words, which is what wrapping adds up.
    font.setKerning(False)
    return font


class QtTextMeasure:
    """A TextMeasure on QFontMetricsF; needs a QGuiApplication."""

    def __init__(self, fonts: FontTable = DEFAULT_FONTS) -> None:
        self._fonts = {role: scene_font(spec) for role, spec in fonts.items()}
        metrics = {role: QFontMetricsF(font) for role, font in self._fonts.items()}
        self._line_heights = {role: math.ceil(m.lineSpacing()) for role, m in metrics.items()}
        self._widths = {role: WidthCache(m.horizontalAdvance) for role, m in metrics.items()}

    def font(self, role: FontRole) -> QFont:
        return self._fonts[role]

    def wrap(self, text: str, role: FontRole, max_width: float, max_lines: int) -> WrappedText:
        lines, elided = wrap_words(text, max_width, max_lines, self._widths[role].__getitem__)
        return WrappedText(lines, self._line_heights[role], elided)

    def line_width(self, line: str, role: FontRole) -> float:
        return line_width(line, self._widths[role].__getitem__)
