"""Thin scene items for the map's frame: the grid and the headers.

Items keep the layout box they draw and nothing of the model: a changed map is shown by
laying it out again and handing each item its new box. Headers stay in view while the map
scrolls: the scene pins them to the view's top and left edges, as real positions, so they
are hit where they are seen.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
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
    TEXT_FLAGS,
    Fonts,
    draw_block,
    draw_feeling_face,
    qrect,
)
from journey_editor.layout import (
    EmotionCurve,
    FontRole,
    JourneyLayout,
    LaneHeaderBox,
    Rect,
    StageHeaderBox,
)
from journey_editor.layout.look import FACE_GAP, FACE_SIZE, ROW_TINTS


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
    """A lane's name and kind; an emotions lane's header also labels the score scale, with a
    face and a word at the height of each score."""

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
        if self.curve is not None and edge < self.curve.band.bottom:
            edge = 0.0  # the scale is in view, under the name: both stay where they are
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
            self._paint_scale(painter, self.curve)

    def _paint_scale(self, painter: QPainter, curve: EmotionCurve) -> None:
        pad = self.box.title.rect.x
        radius = FACE_SIZE / 2
        painter.setFont(self._fonts[FontRole.CAPTION])
        for step in curve.scale:
            y = step.y - self.box.rect.y
            draw_feeling_face(painter, QPointF(pad + radius, y), radius, step.score)
            painter.setPen(SOFT_INK)
            words = QRectF(pad + FACE_SIZE + FACE_GAP, y - radius, self._size.width(), FACE_SIZE)
            painter.drawText(words, TEXT_FLAGS, step.word)


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

    ROW_TINTS = tuple(QColor(tint) for tint in ROW_TINTS)

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
