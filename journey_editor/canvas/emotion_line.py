"""The emotion line on the map, drawn with pyqtgraph's items inside the map's own scene.

The line, its shade below neutral and the neutral line are ``PlotCurveItem``s; the points
and the dip markers ``ScatterPlotItem``s; the labels plain text. All of them are drawn from
one ``EmotionCurve`` of the shared layout, in map coordinates, so they stay exactly over their
stages at any zoom or scroll, and the exports draw the same curve. Pens are in map pixels
(not pyqtgraph's usual screen pixels) so the line scales with the cards around it.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journey_editor.canvas.paint import (
    INK,
    SELECTION,
    Fonts,
    colour,
    dash_pattern,
    draw_block,
    qrect,
    score_colour,
)
from journey_editor.layout import EmotionCurve, EmotionMark, FontRole, Point, look

LINE = colour(look.EMOTION_LINE)
NEUTRAL = colour(look.NEUTRAL)
RULES = colour(look.SCORE_RULES)
LABEL_BACKING = colour(look.LABEL_BACKING)
LABEL_PAD = look.LABEL_PAD
SHADE = colour(look.SHADE)
DIP = colour(look.DIP)
DOT_SIZE, DIP_SIZE = look.DOT_SIZE, look.DIP_SIZE
RING_SIZE = 24.0  # the ring around the selected point
READOUT_WIDTH = 200.0


def _pen(colour: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(colour, width, style)
    pen.setCosmetic(False)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    return pen


def _symbol_pen(colour: QColor, width: float, size: float) -> QPen:
    """A pen ``width`` map pixels wide around a symbol ``size`` wide: pyqtgraph scales the
    unit symbol, pen and all, to its size."""
    return _pen(colour, width / size)


class _Labels(QGraphicsItem):
    """Each point's label beside its dot, and while dragging, the feeling under the pointer."""

    def __init__(self, fonts: Fonts, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self._fonts = fonts
        self._marks: tuple[EmotionMark, ...] = ()
        self._bounds = QRectF()
        self._readout: tuple[QPointF, str] | None = None

    def boundingRect(self) -> QRectF:
        return self._bounds

    def show(self, curve: EmotionCurve, readout: tuple[QPointF, str] | None) -> None:
        # Labels stay inside the band (the layout sees to it); only the readout under a
        # dragged point may reach below. Bounds kept this tight spare the cards under the
        # band a repaint on every move of a drag.
        # The band, and the few pixels a label's backing reaches past its text.
        bounds = qrect(curve.band).adjusted(-LABEL_PAD, 0.0, LABEL_PAD, 0.0)
        if readout is not None:
            bounds = bounds.united(_readout_area(readout[0]))
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self._marks = curve.marks
        self._readout = readout
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setFont(self._fonts[FontRole.CAPTION])
        metrics = painter.fontMetrics()
        for mark in self._marks:
            caption = mark.caption
            if caption is not None:
                painter.translate(mark.at.x, mark.at.y)
                # A light backing keeps a label readable where the line runs through it.
                for line, rect in caption.line_rects():
                    width = metrics.horizontalAdvance(line) + 2 * LABEL_PAD
                    painter.fillRect(QRectF(rect.x - LABEL_PAD, rect.y, width, rect.h),
                                     LABEL_BACKING)
                draw_block(painter, caption, self._fonts, INK)
                painter.translate(-mark.at.x, -mark.at.y)
        if self._readout is not None:
            at, text = self._readout
            painter.setFont(self._fonts[FontRole.CAPTION])
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(28, 39, 51, 220))
            area = _readout_area(at)
            width = min(area.width(), painter.fontMetrics().horizontalAdvance(text) + 16)
            pill = QRectF(at.x() - width / 2, area.y(), width, area.height())
            painter.drawRoundedRect(pill, 11, 11)
            painter.setPen(QColor("#FFFFFF"))
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)


def _readout_area(at: QPointF) -> QRectF:
    """Where the feeling under a dragged point is shown: just below its dot."""
    return QRectF(at.x() - READOUT_WIDTH / 2, at.y() + DOT_SIZE, READOUT_WIDTH, 22.0)


class EmotionLineItem(QGraphicsItem):
    """One emotions lane's line: a container that draws nothing itself."""

    def __init__(self, curve: EmotionCurve, fonts: Fonts) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.curve = curve
        self.selected_point = ""
        self._shown: EmotionCurve | None = None
        # Faint rules at each score, so a point's score can be read across the map.
        self.rules = pg.PlotCurveItem(pen=_pen(RULES, 1.0), connect="pairs")
        neutral = _pen(NEUTRAL, look.NEUTRAL_WIDTH)
        neutral.setDashPattern(dash_pattern(look.NEUTRAL_WIDTH))
        self.neutral = pg.PlotCurveItem(pen=neutral)
        self.shade = pg.PlotCurveItem(pen=None, brush=QBrush(SHADE), fillLevel=0.0)
        self.line = pg.PlotCurveItem(pen=_pen(LINE, look.EMOTION_LINE_WIDTH), antialias=True)
        self.ring = pg.ScatterPlotItem(pxMode=False, antialias=True)
        self.dots = pg.ScatterPlotItem(pxMode=False, antialias=True)
        self.dip_marks = pg.ScatterPlotItem(pxMode=False, antialias=True)
        for item in (
            self.rules, self.shade, self.neutral, self.line, self.ring, self.dots, self.dip_marks
        ):
            item.setParentItem(self)
        self.labels = _Labels(fonts, self)
        self.show_curve(curve)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Nothing: the children draw."""

    def set_curve(self, curve: EmotionCurve) -> None:
        """The line as the map has it now."""
        self.curve = curve
        self.show_curve(curve)

    def select(self, point_id: str) -> None:
        """Ring one point ("" for none)."""
        if point_id != self.selected_point:
            self.selected_point = point_id
            self._show_ring(self.curve)

    def show_curve(self, curve: EmotionCurve, readout: tuple[QPointF, str] | None = None) -> None:
        """Draw ``curve``: the map's, or one a drag shows as it goes.

        A drag calls this on every mouse move: parts that did not change (the rules, most
        dips) are not handed to pyqtgraph again, which would rebuild and repaint them.
        """
        shown = self._shown
        band = curve.band
        if shown is None or (shown.band, shown.scale) != (band, curve.scale):
            steps = [step.y for step in curve.scale if step.y != curve.neutral_y]
            self.rules.setData([band.x, band.right] * len(steps), [y for y in steps for _ in "xy"])
            self.neutral.setData([band.x, band.right], [curve.neutral_y, curve.neutral_y])
            self.shade.setFillLevel(curve.neutral_y)
        if curve.shade:
            self.shade.setData(*_arrays(curve.shade))
        self.shade.setVisible(bool(curve.shade))
        self.line.setData(*_arrays(curve.path))
        self.line.setVisible(len(curve.path) > 1)
        marks = curve.marks
        self.dots.setData(
            x=[mark.at.x for mark in marks],
            y=[mark.at.y for mark in marks],
            size=DOT_SIZE,
            brush=[score_colour(mark.score) for mark in marks],
            pen=_symbol_pen(QColor("#FFFFFF"), look.DOT_RIM, DOT_SIZE),
        )
        if shown is None or shown.dips != curve.dips:
            self.dip_marks.setData(
                x=[dip.at.x for dip in curve.dips],
                y=[dip.at.y for dip in curve.dips],
                size=DIP_SIZE,
                symbol="t",
                brush=DIP,
                pen=_symbol_pen(QColor("#FFFFFF"), 1.0, DIP_SIZE),
            )
        self._shown = curve
        self._show_ring(curve)
        self.labels.show(curve, readout)

    def _show_ring(self, curve: EmotionCurve) -> None:
        chosen = [mark for mark in curve.marks if mark.point_id == self.selected_point]
        self.ring.setData(
            x=[mark.at.x for mark in chosen],
            y=[mark.at.y for mark in chosen],
            size=RING_SIZE,
            brush=None,
            pen=_symbol_pen(SELECTION, 3.0, RING_SIZE),
        )


def _arrays(points: tuple[Point, ...]) -> tuple[np.ndarray, np.ndarray]:
    xy = np.array([(point.x, point.y) for point in points], dtype=float).reshape(-1, 2)
    return xy[:, 0], xy[:, 1]
