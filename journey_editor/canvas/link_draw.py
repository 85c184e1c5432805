"""Drawing a new link: an arrow follows the pointer from a card and lands on another card.

Started by dragging a selected card's handle (ends on release) or by the card's "Link to…"
menu item (ends with the next click). Either way, one ``add_link`` or nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from journey_editor.canvas.gesture import Gesture
from journey_editor.canvas.links import ArrowItem
from journey_editor.canvas.paint import DRAG_Z

if TYPE_CHECKING:
    from journey_editor.canvas.scene import JourneyScene


class LinkDraw(Gesture):
    def __init__(self, scene: JourneyScene, source_id: str, by_click: bool) -> None:
        self._scene = scene
        self._source_id = source_id
        self._by_click = by_click
        self._done = False
        self._arrow = ArrowItem()
        self._arrow.setZValue(DRAG_Z)
        self._arrow.hide()
        scene.addItem(self._arrow)

    @property
    def finished(self) -> bool:
        return self._done

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        source = self._scene.card_items.get(self._source_id)
        if source is None:
            self.cancel()
            return
        self._arrow.set_ends(source.scene_rect(), self._end_at(event.scenePos()))
        self._arrow.show()

    def press(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._by_click:
            self._finish(event.scenePos())

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self._by_click:
            self._finish(event.scenePos())

    def cancel(self) -> None:
        if not self._done:
            self._done = True
            self._scene.removeItem(self._arrow)

    def _target(self, pos: QPointF) -> str | None:
        item = self._scene.card_item_at(pos)
        if item is None or item.box.card_id == self._source_id:
            return None
        return item.box.card_id

    def _end_at(self, pos: QPointF) -> QRectF:
        """The card under the pointer, where the arrow would land, or the pointer itself."""
        target = self._target(pos)
        if target is not None:
            return self._scene.card_items[target].scene_rect()
        return QRectF(pos, pos)

    def _finish(self, pos: QPointF) -> None:
        target = self._target(pos)
        self.cancel()
        if target is not None:
            document = self._scene.document
            self._scene.run(lambda: document.add_link(self._source_id, target))
