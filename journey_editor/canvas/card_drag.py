"""Pressing on a card: a click that selects, or a drag that moves the selection to a cell.

While the drag lasts only items move (above everything else, so a dragged card never slides
under a later one) and an indicator shows where the cards will land. Release asks the
document for one ``move_cards``; the items then take their places from the new layout.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from journey_editor.canvas.card_item import CardItem
from journey_editor.canvas.gesture import PressThenDrag
from journey_editor.canvas.links import LinkItem
from journey_editor.canvas.paint import DRAG_Z
from journey_editor.layout.locate import DropFinder, DropSpot

if TYPE_CHECKING:
    from journey_editor.canvas.scene import JourneyScene

# Ctrl-click adds and removes one card, as in file managers; Shift-click does the same.
TOGGLE = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


class CardDrag(PressThenDrag):
    def __init__(
        self, scene: JourneyScene, item: CardItem, event: QGraphicsSceneMouseEvent
    ) -> None:
        super().__init__(event)
        self._scene = scene
        self._item = item
        self._ids: list[str] = []
        self._items: list[CardItem] = []
        self._starts: list[QPointF] = []
        self._links: list[tuple[LinkItem, CardItem, CardItem]] = []
        self._finder: DropFinder | None = None
        self._spot: DropSpot | None = None
        card_id = item.box.card_id
        # What a click (no drag) does on release; a press on a selected card keeps the
        # selection, so that it can be dragged as a whole.
        self._on_click: Callable[[], None] | None = None
        if event.modifiers() & TOGGLE:
            if item.isSelected():
                self._on_click = lambda: item.setSelected(False)
            else:
                item.setSelected(True)
        elif item.isSelected():
            self._on_click = lambda: scene.select_cards([card_id])
        else:
            scene.select_cards([card_id])

    def clicked(self) -> None:
        if self._on_click is not None:
            self._on_click()

    def begin(self) -> None:
        scene = self._scene
        ids = scene.selected_card_ids()
        if self._item.box.card_id not in ids:
            # Ctrl-pressed on a selected card and dragged: it still goes with the others.
            self._item.setSelected(True)
            ids = scene.selected_card_ids()
        self._ids = ids
        self._items = [scene.card_items[card_id] for card_id in ids]
        self._starts = [item.pos() for item in self._items]
        for item in self._items:
            item.setZValue(DRAG_Z)
        scene.overview.lift(self._items)
        scene.link_handle.detach()
        self._finder = scene.locator.drop_finder(ids)
        moving = set(ids)
        self._links = [
            (link, scene.card_items[link.source_id], scene.card_items[link.target_id])
            for link in scene.link_items.values()
            if link.source_id in moving or link.target_id in moving
        ]

    def drag_to(self, pos: QPointF) -> None:
        delta = pos - self.origin
        for item, start in zip(self._items, self._starts, strict=True):
            item.setPos(start + delta)
        for link, source, target in self._links:
            link.set_ends(source.scene_rect(), target.scene_rect())
        self._spot = self._finder.spot(pos.x(), pos.y()) if self._finder else None
        self._scene.indicator.show_at(self._spot.bar if self._spot else None)

    def drop(self, pos: QPointF) -> None:
        self.abandon()
        spot = self._spot
        if spot is not None:
            document = self._scene.document
            self._scene.run(
                lambda: document.move_cards(self._ids, spot.stage_id, spot.lane_id, spot.index)
            )

    def abandon(self) -> None:
        for item in self._items:
            item.put_back()
        self._scene.overview.lower(self._items)
        for link, source, target in self._links:
            link.set_ends(source.scene_rect(), target.scene_rect())
        self._scene.indicator.show_at(None)
        self._scene.update_link_handle()
