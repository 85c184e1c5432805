"""The map form: what the map is called, what kind of map it is, and what it is about."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from journey_editor.document import JourneyDocument
from journey_editor.model import Journey, JourneyKind
from journey_editor.ui.properties.fields import ChoiceField, LineField, TextField, options
from journey_editor.ui.properties.form import Form


class MapForm(Form):
    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        journey = self.section("Map")
        self.bind(journey, "Map title", "title", LineField())
        self.bind(journey, "Map kind", "kind", ChoiceField(options(JourneyKind)))
        self.bind(journey, "Description", "description", TextField(lines=4),
                  "What the map covers, and the research it rests on")

    def item(self) -> Journey:
        return self.document.journey

    def edit(self, **changes: Any) -> None:
        self.document.update_map(**changes)
