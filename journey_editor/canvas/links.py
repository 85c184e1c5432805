"""Links on the map: arrows from one card to another, and the handle to draw a new one.

An arrow leaves its source by the side facing the target and bends into the target's facing
side, so a loop back to an earlier stage reads differently from a step forward.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journey_editor.canvas.paint import HANDLE_Z, LINK, LINK_Z, SELECTION
from journey_editor.layout import Point, Rect
from journey_editor.layout.arrows import HEAD_HALF_WIDTH
from journey_editor.layout.arrows import arrow as layout_arrow
from journey_editor.layout.look import LINK_WIDTH

HIT_WIDTH = 10.0  # how near a click must be to an arrow to pick it


def arrow(source: QRectF, target: QRectF) -> tuple[QPainterPath, QPolygonF]:
    """The link's curve from ``source`` to ``target`` and its head, as Qt draws them."""
    shape = layout_arrow(_rect(source), _rect(target))
    start, (bend_out, bend_in), end = (_qpoint(shape.start), tuple(map(_qpoint, shape.bends)),
                                       _qpoint(shape.end))
    path = QPainterPath(start)
    path.cubicTo(bend_out, bend_in, end)
    return path, QPolygonF([_qpoint(point) for point in shape.head])


def _rect(rect: QRectF) -> Rect:
    return Rect(rect.x(), rect.y(), rect.width(), rect.height())


def _qpoint(point: Point) -> QPointF:
    return QPointF(point.x, point.y)


class ArrowItem(QGraphicsItem):
    """An arrow between two rectangles, drawn in scene coordinates."""

    def __init__(self) -> None:
        super().__init__()
        self.ends: tuple[QRectF, QRectF] | None = None
        self._path = QPainterPath()
        self._head = QPolygonF()
        self._bounds = QRectF()
        self.setZValue(LINK_Z)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        stroker = QPainterPathStroker()
        stroker.setWidth(HIT_WIDTH)
        outline = stroker.createStroke(self._path)
        outline.addPolygon(self._head)
        return outline

    def set_ends(self, source: QRectF, target: QRectF) -> None:
        if self.ends == (source, target):
            return
        self.prepareGeometryChange()
        self.ends = (source, target)
        self._path, self._head = arrow(source, target)
        margin = HEAD_HALF_WIDTH + 2
        self._bounds = (
            self._path.boundingRect()
            .united(self._head.boundingRect())
            .adjusted(-margin, -margin, margin, margin)
        )

    def pen(self) -> QPen:
        return QPen(LINK, LINK_WIDTH)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = self.pen()
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        painter.setBrush(pen.color())
        painter.drawPolygon(self._head)


class LinkItem(ArrowItem):
    """One link of the map. Picked with a click (not by rubber band, which picks cards)."""

    def __init__(self, link_id: str, source_id: str, target_id: str) -> None:
        super().__init__()
        self.link_id, self.source_id, self.target_id = link_id, source_id, target_id
        self.chosen = False

    def choose(self, chosen: bool) -> None:
        if chosen != self.chosen:
            self.chosen = chosen
            self.update()

    def pen(self) -> QPen:
        return QPen(SELECTION, 3.0) if self.chosen else super().pen()


class LinkHandle(QGraphicsItem):
    """A round handle on the right edge of the one selected card: drag it to another card."""

    RADIUS = 10.0

    def __init__(self) -> None:
        super().__init__()
        self.card_id = ""
        self.setZValue(HANDLE_Z)
        self.setToolTip("Drag to another card to link them")
        self.hide()

    def boundingRect(self) -> QRectF:
        reach = self.RADIUS + 1
        return QRectF(-reach, -reach, 2 * reach, 2 * reach)

    def attach(self, card_id: str, card: QRectF) -> None:
        self.card_id = card_id
        self.setPos(card.right(), card.center().y())
        self.show()

    def detach(self) -> None:
        self.card_id = ""
        self.hide()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(SELECTION, 1.5))
        painter.setBrush(Qt.GlobalColor.white)
        painter.drawEllipse(QPointF(0.0, 0.0), self.RADIUS, self.RADIUS)
        shaft = QLineF(-5.0, 0.0, 5.0, 0.0)
        painter.drawLine(shaft)
        angle = math.radians(35)
        for sign in (1, -1):
            painter.drawLine(
                QLineF(5.0, 0.0, 5.0 - 4.0 * math.cos(angle), sign * 4.0 * math.sin(angle))
            )
