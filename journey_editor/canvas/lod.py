"""Level of detail: zoomed far out, every card is drawn as a plain rectangle by one item.

A Python ``paint()`` per card costs tens of microseconds, so 20,000 cards cannot be drawn one
by one within a frame. Below ``OVERVIEW_SCALE`` (where card text is a few pixels high and
unreadable anyway) the card items keep their places, so they are still clicked, dragged and
rubber-band selected, but draw nothing (``ItemHasNoContents``); the overview draws them all
with one ``drawRects`` per kind, as Qt's 40,000-chips example draws less when zoomed out.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from journey_editor.canvas.card_item import CardItem
from journey_editor.canvas.paint import SELECTION, card_look, qrect
from journey_editor.layout import JourneyLayout
from journey_editor.model import CardKind

# Cards are drawn in full from this view scale up: a 13 px body is 4 px high here.
OVERVIEW_SCALE = 0.3
NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


class Overview(QGraphicsItem):
    def __init__(self) -> None:
        super().__init__()
        self.active = False
        self._layout: JourneyLayout | None = None
        self._rects: dict[CardKind, list[QRectF]] | None = None
        self._bounds = QRectF()
        self.hide()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def set_layout(self, layout: JourneyLayout) -> None:
        self._layout = layout
        self._rects = None  # rebuilt when next painted: most layouts never are, zoomed out
        bounds = QRectF(0.0, 0.0, layout.width, layout.height)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        if self.active:
            self.update()

    def switch(self, scale: float, cards: Iterable[CardItem]) -> None:
        """Take over drawing the cards below ``OVERVIEW_SCALE``, hand it back above."""
        active = scale < OVERVIEW_SCALE
        if active == self.active:
            return
        self.active = active
        for item in cards:
            item.setFlag(NO_CONTENTS, active)
        self.setVisible(active)

    def adopt(self, item: CardItem) -> None:
        """A new card item: drawn by the overview if it is drawing the others."""
        if self.active:
            item.setFlag(NO_CONTENTS, True)

    def lift(self, items: Iterable[CardItem]) -> None:
        """Cards being dragged draw themselves, so they show where they go."""
        if self.active:
            for item in items:
                item.setFlag(NO_CONTENTS, False)

    def lower(self, items: Iterable[CardItem]) -> None:
        if self.active:
            for item in items:
                item.setFlag(NO_CONTENTS, True)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self._layout is None:
            return
        if self._rects is None:
            self._rects = {}
            for box in self._layout.cards.values():
                self._rects.setdefault(box.kind, []).append(qrect(box.rect))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for kind, rects in self._rects.items():
            look = card_look(kind)
            outline = QPen(look.accent, 0)  # cosmetic: one device pixel at any scale
            painter.setPen(outline)
            painter.setBrush(look.fill)
            painter.drawRects(rects)
        scene = self.scene()
        chosen = [
            item.scene_rect()
            for item in (scene.selectedItems() if scene is not None else [])
            if isinstance(item, CardItem)
        ]
        if chosen:
            painter.setPen(QPen(SELECTION, 0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects(chosen)
