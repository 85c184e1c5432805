"""Pressing on a stage or lane header: a click shows it in the properties panel, a drag
reorders the stages (or lanes).

The header follows the pointer along its axis while a bar marks the boundary it would be
put back at; release asks the document for one ``move_stage`` (or ``move_lane``). In the
service blueprint lanes follow their zones, so a lane header stays put and says why.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsSceneMouseEvent

from journey_editor.canvas.gesture import PressThenDrag
from journey_editor.canvas.items import LaneHeaderItem, StageHeaderItem
from journey_editor.canvas.paint import DRAG_Z
from journey_editor.canvas.zones import LANES_FOLLOW_ZONES
from journey_editor.layout.locate import Slot

if TYPE_CHECKING:
    from journey_editor.canvas.scene import JourneyScene


class HeaderDrag(PressThenDrag):
    def __init__(
        self,
        scene: JourneyScene,
        item: StageHeaderItem | LaneHeaderItem,
        event: QGraphicsSceneMouseEvent,
    ) -> None:
        super().__init__(event)
        self._scene = scene
        self._item = item
        self._start = item.pos()
        self._z = item.zValue()
        self._slot: Slot | None = None
        self._fixed = isinstance(item, LaneHeaderItem) and scene.layout_mode.blueprint

    def clicked(self) -> None:
        item = self._item
        if isinstance(item, StageHeaderItem):
            self._scene.focus_on("stage", item.box.stage_id)
        else:
            self._scene.focus_on("lane", item.box.lane_id)

    def begin(self) -> None:
        if self._fixed:
            self._scene.notice.emit(LANES_FOLLOW_ZONES)
        else:
            self._item.setZValue(DRAG_Z)

    def drag_to(self, pos: QPointF) -> None:
        if self._fixed:
            return
        delta = pos - self.origin
        locator = self._scene.locator
        if isinstance(self._item, StageHeaderItem):
            self._item.setPos(self._start.x() + delta.x(), self._start.y())
            self._slot = locator.stage_slot(pos.x())
        else:
            self._item.setPos(self._start.x(), self._start.y() + delta.y())
            self._slot = locator.lane_slot(pos.y())
        self._scene.indicator.show_at(self._slot.bar)

    def drop(self, pos: QPointF) -> None:
        self.abandon()
        if self._slot is None:
            return
        item = self._item
        at = item.box.index
        # The boundary counts the header itself; once it is taken out, later ones shift up.
        to = self._slot.index if self._slot.index <= at else self._slot.index - 1
        if to == at:
            return
        document = self._scene.document
        if isinstance(item, StageHeaderItem):
            stage_id = item.box.stage_id
            self._scene.run(lambda: document.move_stage(stage_id, to))
        else:
            lane_id = item.box.lane_id
            self._scene.run(lambda: document.move_lane(lane_id, to))

    def abandon(self) -> None:
        self._item.setZValue(self._z)
        self._item.put_back()
        self._scene.indicator.show_at(None)
