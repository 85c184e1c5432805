"""The lane form: a swimlane's name, what it holds, and its zone in the service blueprint."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from journey_editor.document import JourneyDocument
from journey_editor.model import Lane, LaneKind, Zone
from journey_editor.ui.properties.fields import ChoiceField, LineField, options
from journey_editor.ui.properties.form import Form


class LaneForm(Form):
    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        lane = self.section("Lane")
        self.bind(lane, "Lane name", "name", LineField())
        self.bind(lane, "Lane kind", "kind", ChoiceField(options(LaneKind)))
        self.bind(lane, "Blueprint zone", "zone", ChoiceField(options(Zone)),
                  "The band of the service blueprint the lane sits in")

    def item(self) -> Lane:
        return self.document.journey.lane(self.item_id)

    def edit(self, **changes: Any) -> None:
        self.document.update_lane(self.item_id, **changes)

    def exists(self, item_id: str) -> bool:
        return any(lane.id == item_id for lane in self.document.journey.lanes)
