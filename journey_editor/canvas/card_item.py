"""A card on the map: a sticky note drawn exactly as the layout placed and wrapped it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsRectItem,
    QStyle,
    QStyleOptionGraphicsItem,
    QWidget,
)

from journey_editor.canvas.paint import (
    CARD_RADIUS,
    CARD_Z,
    INK,
    SELECTION,
    SOFT_INK,
    Fonts,
    card_look,
    draw_block,
    qrect,
)
from journey_editor.layout import CardBox

SELECTION_MARGIN = 4.0
# The item's own pen is never drawn (paint() is ours); its width makes Qt's bounding rectangle
# reach round the selection ring.
BOUNDS_PEN = QPen(QColor(0, 0, 0, 0), 2 * SELECTION_MARGIN)
# Below this scale a card's text is a smudge (a 13 px body under 2 px): paint paper only.
TEXT_MIN_SCALE = 0.15


class CardItem(QGraphicsRectItem):
    """Paper and outline from the card's kind, then the lines the layout wrapped.

    Cards never move themselves: a drag moves them for show and ends in one document verb,
    after which the scene hands each item its new box. A rectangle item, so that Qt finds a
    card's bounds without calling Python: hit tests and paints scan every card on the map.
    """

    def __init__(self, box: CardBox, fonts: Fonts) -> None:
        super().__init__(0.0, 0.0, box.rect.w, box.rect.h)
        self._fonts = fonts
        self.box = box
        self.look = card_look(box.kind)
        self._size = QRectF(0.0, 0.0, box.rect.w, box.rect.h)
        self.setPen(BOUNDS_PEN)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(CARD_Z)
        self.setPos(box.rect.x, box.rect.y)

    def shape(self) -> QPainterPath:
        # The paper, not the selection ring's margin: a click just beside a card is not on it.
        path = QPainterPath()
        path.addRect(self._size)
        return path

    def scene_rect(self) -> QRectF:
        """Where the card is drawn now, which during a drag is not where its box says."""
        return QRectF(self.pos(), self._size.size())

    def set_box(self, box: CardBox) -> None:
        old, self.box = self.box, box
        if box.face is not old.face or box.kind is not old.kind or box.rect.w != old.rect.w:
            if (box.rect.w, box.rect.h) != (old.rect.w, old.rect.h):
                self._size = QRectF(0.0, 0.0, box.rect.w, box.rect.h)
                self.setRect(self._size)
            self.look = card_look(box.kind)
            self.update()
        if box.rect.x != old.rect.x or box.rect.y != old.rect.y:
            self.setPos(box.rect.x, box.rect.y)

    def put_back(self) -> None:
        """Back to the card's box and layer, as at the end of a drag."""
        self.setPos(self.box.rect.x, self.box.rect.y)
        self.setZValue(CARD_Z)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        paper = self._size.adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(self.look.outline)
        painter.setBrush(self.look.fill)
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        if scale < TEXT_MIN_SCALE:
            painter.drawRect(paper)
        else:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawRoundedRect(paper, CARD_RADIUS, CARD_RADIUS)
            box = self.box
            draw_block(painter, box.caption, self._fonts, self.look.accent)
            draw_block(painter, box.title, self._fonts, INK)
            draw_block(painter, box.body, self._fonts, SOFT_INK)
            if box.severity is not None:
                self._paint_severity(painter, qrect(box.severity.rect), box.severity.level)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(SELECTION, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            ring = self._size.adjusted(-2.5, -2.5, 2.5, 2.5)
            painter.drawRoundedRect(ring, CARD_RADIUS + 2, CARD_RADIUS + 2)

    def _paint_severity(self, painter: QPainter, rect: QRectF, level: int) -> None:
        """Five pips, ``level`` of them filled: readable without telling colours apart."""
        step = rect.width() / 5
        radius = min(rect.height() - 4, step - 2) / 2
        painter.setPen(QPen(self.look.accent, 1.2))
        for index in range(5):
            painter.setBrush(self.look.accent if index < level else Qt.BrushStyle.NoBrush)
            centre = QPointF(rect.x() + (index + 0.5) * step, rect.center().y())
            painter.drawEllipse(centre, radius, radius)
