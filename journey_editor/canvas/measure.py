"""Text measured with the fonts the canvas draws with, so wrapped lines fit when painted."""

from __future__ import annotations

import math

from PySide6.QtGui import QFont, QFontMetricsF

# The canvas makes its fonts as the image export does: sized in pixels (a point size would
# scale on export), kerning off, the application's font when the family is missing.
from journey_editor.export.image import qt_font as scene_font
from journey_editor.layout import (
    DEFAULT_FONTS,
    FontRole,
    FontTable,
    WidthCache,
    WrappedText,
    line_width,
    wrap_words,
)


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
