"""Shapes (export/drawing.py) painted on a reportlab canvas.

Map pixels become points through one scale; the map's y grows downwards and PDF's upwards,
so every y is negated under a transform that puts the map's top-left corner where it goes.
Text is drawn with drawString, never Paragraph: it is data from a file, not markup. Each run
of characters is drawn in the first font that has them (export/fonts.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from reportlab.lib.colors import Color, HexColor
from reportlab.pdfgen.canvas import Canvas

from journey_editor.export.bidi import in_visual_order
from journey_editor.export.drawing import Box, Circle, Cubic, Path, Pen, Shape, Text
from journey_editor.export.files import Progress, go_on
from journey_editor.export.fonts import ExportFonts

PROGRESS_EVERY = 2000  # shapes between two reports of progress


@cache
def pdf_colour(text: str) -> tuple[Color, float]:
    """A colour and its opacity, from #RRGGBB or #RRGGBBAA."""
    alpha = int(text[7:9], 16) / 255 if len(text) == 9 else 1.0
    return HexColor(text[:7]), alpha


class PdfPainter:
    """Paints shapes in map pixels on ``canvas``; set the transform with ``place`` first."""

    def __init__(self, canvas: Canvas, fonts: ExportFonts) -> None:
        self.canvas = canvas
        self.fonts = fonts
        self._sizes = {role: fonts.size(role) for role in fonts.table}

    def place(self, left: float, top: float, scale: float) -> None:
        """Map pixel (0, 0) at page point (left, top) (top measured from the page's bottom),
        one map pixel ``scale`` points."""
        self.canvas.transform(scale, 0.0, 0.0, scale, left, top)
        self._reset()

    def _reset(self) -> None:
        self._fill = self._stroke = ""
        self._pen: Pen | None = None
        self._font: tuple[str, int] = ("", 0)

    def paint(
        self, shapes: Sequence[Shape], progress: Progress, share: tuple[float, float]
    ) -> None:
        """Paint ``shapes``, reporting progress from share[0] to share[1] of the whole export."""
        self._reset()
        start, span = share
        for index, shape in enumerate(shapes):
            if index % PROGRESS_EVERY == 0:
                go_on(progress, start + span * index / len(shapes))
            if isinstance(shape, Text):
                self._text(shape)
            elif isinstance(shape, Box):
                self._box(shape)
            elif isinstance(shape, Circle):
                self._circle(shape)
            else:
                self._path(shape)

    def _set_fill(self, colour: str | None) -> bool:
        if colour is None:
            return False
        if colour != self._fill:
            rgb, alpha = pdf_colour(colour)
            self.canvas.setFillColor(rgb, alpha)
            self._fill = colour
        return True

    def _set_pen(self, pen: Pen | None) -> bool:
        if pen is None:
            return False
        if pen != self._pen:
            canvas = self.canvas
            if pen.colour != self._stroke:
                rgb, alpha = pdf_colour(pen.colour)
                canvas.setStrokeColor(rgb, alpha)
                self._stroke = pen.colour
            canvas.setLineWidth(pen.width)
            canvas.setDash(list(pen.dash)) if pen.dash else canvas.setDash()
            canvas.setLineCap(1 if pen.round_cap else 0)
            canvas.setLineJoin(1)
            self._pen = pen
        return True

    def _box(self, box: Box) -> None:
        fill, stroke = self._set_fill(box.fill), self._set_pen(box.pen)
        rect = box.rect
        if box.radius:
            self.canvas.roundRect(rect.x, -rect.bottom, rect.w, rect.h, box.radius,
                                  stroke=stroke, fill=fill)
        else:
            self.canvas.rect(rect.x, -rect.bottom, rect.w, rect.h, stroke=stroke, fill=fill)

    def _circle(self, circle: Circle) -> None:
        fill, stroke = self._set_fill(circle.fill), self._set_pen(circle.pen)
        self.canvas.circle(circle.centre.x, -circle.centre.y, circle.radius,
                           stroke=stroke, fill=fill)

    def _path(self, shape: Path) -> None:
        fill, stroke = self._set_fill(shape.fill), self._set_pen(shape.pen)
        path = self.canvas.beginPath()
        path.moveTo(shape.start.x, -shape.start.y)
        for segment in shape.segments:
            if isinstance(segment, Cubic):
                path.curveTo(segment.bend_out.x, -segment.bend_out.y, segment.bend_in.x,
                             -segment.bend_in.y, segment.end.x, -segment.end.y)
            else:
                path.lineTo(segment.x, -segment.y)
        if shape.closed:
            path.close()
        self.canvas.drawPath(path, stroke=stroke, fill=fill)

    def _text(self, text: Text) -> None:
        self._set_fill(text.colour)
        size = self._sizes[text.role]
        x, y = text.x, -text.baseline
        canvas = self.canvas
        for face, run in self.fonts.runs(in_visual_order(text.text), text.role):
            if self._font != (face.name, size):
                canvas.setFont(face.name, size)
                self._font = (face.name, size)
            canvas.drawString(x, y, run)
            x += face.width(run, size)
