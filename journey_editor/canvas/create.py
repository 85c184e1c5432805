"""New cards on the canvas: the kind a lane suggests, and kinds dragged in from the palette."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QGraphicsSceneDragDropEvent

from journey_editor.canvas.mime import CARD_KIND_MIME
from journey_editor.layout.locate import DropFinder, DropSpot
from journey_editor.model import CardKind, LaneKind

if TYPE_CHECKING:
    from journey_editor.canvas.scene import JourneyScene

# A kind's value is a short word; anything longer is not from our palette.
MAX_KIND_BYTES = 64


def kinds_for(lane_kind: LaneKind) -> list[CardKind]:
    """Every card kind, the lane's own first: the order of an "Add card" menu."""
    first = lane_kind.default_card_kind
    return [first, *(kind for kind in CardKind if kind is not first)]


def kind_from_mime(mime: QMimeData) -> CardKind | None:
    """The card kind a palette drag carries; None for anything else, however malformed."""
    if not mime.hasFormat(CARD_KIND_MIME):
        return None
    raw = mime.data(CARD_KIND_MIME).data()
    if len(raw) > MAX_KIND_BYTES:
        return None
    try:
        return CardKind(bytes(raw).decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None


class PaletteDrop:
    """A card kind dragged over the map: a bar shows where it would land; a drop makes the
    card there (one ``add_card``) and starts typing its title."""

    def __init__(self, scene: JourneyScene) -> None:
        self._scene = scene
        self._finder: DropFinder | None = None

    def enter(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._finder = self._scene.locator.drop_finder()
        self.move(event)

    def move(self, event: QGraphicsSceneDragDropEvent) -> None:
        spot = self._spot(event)
        self._scene.indicator.show_at(spot.bar if spot else None)
        self._answer(event, spot is not None)

    def leave(self) -> None:
        self._scene.indicator.show_at(None)

    def drop(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.leave()
        kind = kind_from_mime(event.mimeData())
        spot = self._spot(event)
        self._answer(event, spot is not None)
        if kind is not None and spot is not None:
            self._scene.add_card_at(kind, spot.stage_id, spot.lane_id, spot.index)

    def _spot(self, event: QGraphicsSceneDragDropEvent) -> DropSpot | None:
        if self._finder is None or kind_from_mime(event.mimeData()) is None:
            return None
        pos = event.scenePos()
        return self._finder.spot(pos.x(), pos.y())

    @staticmethod
    def _answer(event: QGraphicsSceneDragDropEvent, accepted: bool) -> None:
        if accepted:
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()
