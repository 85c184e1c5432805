"""The persona form: the one customer the map is about, shown with the map's own fields."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from journey_editor.document import JourneyDocument
from journey_editor.model import Channel, Persona
from journey_editor.ui.properties.fields import NOT_SET, ChoiceField, LineField, TextField, options
from journey_editor.ui.properties.form import Form
from journey_editor.ui.properties.picture_field import PictureField
from journey_editor.ui.properties.tables import text_list


class PersonaForm(Form):
    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(document, parent)
        persona = self.section("Persona")
        self.bind(persona, "Name", "name", LineField())
        self.bind(persona, "Role", "role", LineField())
        self.bind(persona, "Core need", "core_need", TextField(lines=3))
        self.bind(persona, "Trigger event", "trigger_event", TextField(lines=3),
                  "What sets the journey off")
        self.bind(persona, "Primary channel", "primary_channel",
                  ChoiceField(options(Channel, NOT_SET)))
        self.bind(persona, "Conversion metric", "conversion_metric", LineField(),
                  "The metric this map should move")
        self.bind(persona, "Goals", "goals", text_list("goal"))
        self.bind(persona, "Frustrations", "frustrations", text_list("frustration"))
        self.bind(persona, "Quote", "quote", TextField(lines=2), "In the customer's own words")
        self.bind(persona, "Picture", "picture", PictureField(),
                  "PNG, JPEG, GIF or WebP, up to 5 MB")

    def item(self) -> Persona:
        return self.document.journey.persona

    def edit(self, **changes: Any) -> None:
        self.document.update_persona(**changes)
