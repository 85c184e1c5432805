"""Text on a PDF page in points: the title block, the detail pages, the tile labels.

Measured and wrapped with the export fonts (so every character finds a font), and drawn as
plain strings: text from a file is data, never markup.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas

from journey_editor.export.bidi import in_visual_order
from journey_editor.export.fonts import ExportFonts
from journey_editor.export.pdf_canvas import pdf_colour
from journey_editor.layout import FontRole, WidthCache, look, wrap_words

# The faces of page text: DejaVu Sans and its bold (the roles only pick the face).
REGULAR, BOLD = FontRole.CARD_BODY, FontRole.CARD_TITLE


@dataclass(frozen=True, slots=True)
class Style:
    size: float
    bold: bool = False
    colour: str = look.INK

    @property
    def leading(self) -> float:
        return self.size * 1.3


class PageText:
    def __init__(self, canvas: Canvas, fonts: ExportFonts) -> None:
        self.canvas = canvas
        self.fonts = fonts
        self._widths: dict[tuple[float, bool], WidthCache] = {}

    def _advance(self, style: Style) -> Callable[[str], float]:
        key = (style.size, style.bold)
        cache = self._widths.get(key)
        if cache is None:
            role = BOLD if style.bold else REGULAR
            size = style.size

            def width(text: str) -> float:
                return sum(face.width(run, size) for face, run in self.fonts.runs(text, role))

            cache = self._widths[key] = WidthCache(width)
        return cache.__getitem__

    def width(self, text: str, style: Style) -> float:
        return self._advance(style)(text)

    def wrap(self, text: str, width: float, style: Style, max_lines: int = 10_000) -> list[str]:
        lines, _ = wrap_words(text, max(width, style.size), max_lines, self._advance(style))
        return list(lines)

    def draw(self, text: str, x: float, y: float, style: Style) -> float:
        """One line at baseline ``y`` (points from the page's bottom); returns its width."""
        canvas = self.canvas
        rgb, alpha = pdf_colour(style.colour)
        canvas.setFillColor(rgb, alpha)
        role = BOLD if style.bold else REGULAR
        start = x
        for face, run in self.fonts.runs(in_visual_order(text), role):
            canvas.setFont(face.name, style.size)
            canvas.drawString(x, y, run)
            x += face.width(run, style.size)
        return x - start

    def draw_right(self, text: str, right: float, y: float, style: Style) -> None:
        self.draw(text, right - self.width(text, style), y, style)
