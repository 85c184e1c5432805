"""Thin scene items for the map's frame: the grid, the headers and the emotion line.

Items keep the layout box they draw and nothing of the model: a changed map is shown by
laying it out again and handing each item its new box. Headers stay in view while the map
scrolls: the scene pins them to the view's top and left edges, as real positions, so they
are hit where they are seen.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from journey_editor.canvas.paint import (
    FAINT_RULE,
    HEADER_FILL,
    HEADER_INK,
    HEADER_SOFT_INK,
    INDICATOR_Z,
    INK,
    LANE_FILL,
    RULE,
    SELECTION,
    SOFT_INK,
    Fonts,
    draw_block,
    qrect,
    score_colour,
)
from journey_editor.layout import (
    EmotionCurve,
    FontRole,
    JourneyLayout,
    LaneHeaderBox,
    Rect,
    StageHeaderBox,
)

FACE_SIZE = 20.0


class FrameItem(QGraphicsItem):
    """An item drawn in its own box's coordinates, optionally pinned to the view's edges."""

    PIN_X = False  # stays at the view's left edge when the map scrolls right
    PIN_Y = False  # stays at the view's top edge when the map scrolls down

    def __init__(self, rect: Rect, fonts: Fonts) -> None:
        super().__init__()
        self._fonts = fonts
        self._rect = rect
        self._size = QRectF(0.0, 0.0, rect.w, rect.h)
        self._pin = (0.0, 0.0)
        self.put_back()

    def boundingRect(self) -> QRectF:
        return self._size

    def pin_to(self, left: float, top: float) -> None:
        """Keep to the right of ``left`` and below ``top`` (the view's edges, in the map)."""
        self._pin = (left, top)
        self.put_back()

    def put_back(self) -> None:
        """Where the item belongs now: at its box, or pinned; ends a drag of the item."""
        x = max(self._rect.x, self._pin[0]) if self.PIN_X else self._rect.x
        y = max(self._rect.y, self._pin[1]) if self.PIN_Y else self._rect.y
        if self.pos() != QPointF(x, y):
            self.setPos(x, y)

    def _set_rect(self, rect: Rect) -> None:
        if (rect.w, rect.h) != (self._rect.w, self._rect.h):
            self.prepareGeometryChange()
            self._size = QRectF(0.0, 0.0, rect.w, rect.h)
        self._rect = rect
        self.put_back()
        self.update()


class StageHeaderItem(FrameItem):
    PIN_Y = True

    def __init__(self, box: StageHeaderBox, fonts: Fonts) -> None:
        super().__init__(box.rect, fonts)
        self.box = box

    def set_box(self, box: StageHeaderBox) -> None:
        if box != self.box:
            self.box = box
            self._set_rect(box.rect)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.fillRect(self._size, HEADER_FILL)
        painter.setPen(QPen(HEADER_SOFT_INK, 1))
        painter.drawLine(QLineF(self._size.topRight(), self._size.bottomRight()))
        draw_block(painter, self.box.number, self._fonts, HEADER_SOFT_INK)
        draw_block(painter, self.box.title, self._fonts, HEADER_INK)


class LaneHeaderItem(FrameItem):
    """A lane's name and kind; an emotions lane's header also says which way is better."""

    PIN_X = True

    def __init__(self, box: LaneHeaderBox, curve: EmotionCurve | None, fonts: Fonts) -> None:
        super().__init__(box.rect, fonts)
        self.box = box
        self.curve = curve
        self._text_drop = 0.0  # how far the name is moved down to stay in view

    def set_box(self, box: LaneHeaderBox, curve: EmotionCurve | None) -> None:
        if box != self.box or curve != self.curve:
            self.box, self.curve = box, curve
            self._set_rect(box.rect)

    def keep_name_below(self, edge: float) -> None:
        """In a lane taller than the view, move the name down to ``edge`` (the bottom of the
        pinned stage headers), never past the lane's end, so that it is always in sight."""
        box = self.box
        text_bottom = max(box.title.rect.bottom, box.caption.rect.bottom)
        room = box.rect.h - text_bottom - box.title.rect.y
        drop = min(max(0.0, edge - box.rect.y), max(0.0, room))
        if drop != self._text_drop:
            self._text_drop = drop
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.fillRect(self._size, LANE_FILL)
        painter.setPen(QPen(RULE, 1))
        painter.drawLine(QLineF(self._size.bottomLeft(), self._size.bottomRight()))
        painter.drawLine(QLineF(self._size.topRight(), self._size.bottomRight()))
        painter.translate(0.0, self._text_drop)
        draw_block(painter, self.box.title, self._fonts, INK)
        draw_block(painter, self.box.caption, self._fonts, SOFT_INK)
        painter.translate(0.0, -self._text_drop)
        if self.curve is not None:
            painter.setFont(self._fonts[FontRole.LANE_HEADER])
            painter.setPen(SOFT_INK)
            half = FACE_SIZE / 2
            left = self._size.right() - FACE_SIZE - 6
            for face, y in (("☺", self.curve.best_y), ("☹", self.curve.worst_y)):
                square = QRectF(left, y - self.box.rect.y - half, FACE_SIZE, FACE_SIZE)
                painter.drawText(square, Qt.AlignmentFlag.AlignCenter, face)


class CornerItem(FrameItem):
    """The block above the lane headers and left of the stage headers, pinned both ways."""

    PIN_X = PIN_Y = True

    def set_rect(self, rect: Rect) -> None:
        if rect != self._rect:
            self._set_rect(rect)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.fillRect(self._size, HEADER_FILL)


class GridItem(QGraphicsItem):
    """The cells behind the cards: lane rows in alternating tints, ruled by stage and lane."""

    ROW_TINTS = (QColor("#FFFFFF"), QColor("#F5F7FA"))

    def __init__(self, layout: JourneyLayout) -> None:
        super().__init__()
        self._layout = layout
        self._bounds = QRectF(0.0, 0.0, layout.width, layout.height)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def set_layout(self, layout: JourneyLayout) -> None:
        old = self._layout
        self._layout = layout
        rows = [lane.row for lane in layout.lane_headers]
        if rows == [lane.row for lane in old.lane_headers] and len(layout.stage_headers) == len(
            old.stage_headers
        ):
            return
        self.prepareGeometryChange()
        self._bounds = QRectF(0.0, 0.0, layout.width, layout.height)
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        layout = self._layout
        for lane in layout.lane_headers:
            painter.fillRect(qrect(lane.row), self.ROW_TINTS[lane.index % 2])
        painter.setPen(QPen(FAINT_RULE, 1))
        for stage in layout.stage_headers[1:]:
            column = stage.column
            painter.drawLine(QLineF(column.x, column.y, column.x, column.bottom))
        painter.setPen(QPen(RULE, 1))
        for lane in layout.lane_headers:
            row = lane.row
            painter.drawLine(QLineF(row.x, row.bottom, row.right, row.bottom))


class EmotionLineItem(QGraphicsItem):
    """The emotion line in its band: a dashed neutral line, segments, and a dot per point.

    A point at the very start of the first stage puts half its dot over the lane header, so
    the line is drawn up to the pinned headers' edges and no further: scrolled under them, it
    disappears as the cards do.
    """

    DOT_RADIUS = 6.0
    LINE = QColor("#3F46A8")

    def __init__(self, curve: EmotionCurve) -> None:
        super().__init__()
        self._clip = QRectF(-1e9, -1e9, 2e9, 2e9)
        self.set_curve(curve)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def set_curve(self, curve: EmotionCurve) -> None:
        self.prepareGeometryChange()
        self.curve = curve
        reach = self.DOT_RADIUS + 2
        self._bounds = qrect(curve.band).adjusted(-reach, 0, reach, 0)
        self.update()

    def clip_to(self, left: float, top: float) -> None:
        """Draw nothing left of ``left`` (less a dot's reach) or above ``top``."""
        clip = QRectF(left - self.DOT_RADIUS - 2, top, 1e9, 1e9)
        if clip != self._clip:
            self._clip = clip
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        curve = self.curve
        band = qrect(curve.band)
        painter.setClipRect(self._clip.intersected(self._bounds))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#8C96A3"), 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(QLineF(band.left(), curve.neutral_y, band.right(), curve.neutral_y))
        if not curve.marks:
            return
        path = QPainterPath(QPointF(curve.path[0].x, curve.path[0].y))
        for point in curve.path[1:]:
            path.lineTo(point.x, point.y)
        painter.setPen(QPen(self.LINE, 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(QPen(QColor("#FFFFFF"), 2))
        for mark in curve.marks:
            painter.setBrush(score_colour(mark.score))
            painter.drawEllipse(QPointF(mark.at.x, mark.at.y), self.DOT_RADIUS, self.DOT_RADIUS)


class DropIndicator(QGraphicsRectItem):
    """The bar showing where a drag would put what it carries."""

    def __init__(self) -> None:
        super().__init__()
        self.setPen(Qt.PenStyle.NoPen)
        self.setBrush(SELECTION)
        self.setZValue(INDICATOR_Z)
        self.hide()

    def show_at(self, bar: Rect | None) -> None:
        if bar is None:
            self.hide()
            return
        self.setRect(qrect(bar))
        self.show()
