"""The properties panel: the form of whatever is selected, kept in step with the document."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from journey_editor.document import JourneyDocument
from journey_editor.ui.properties.card_form import CardForm
from journey_editor.ui.properties.fields import Field
from journey_editor.ui.properties.form import Form
from journey_editor.ui.properties.lane_form import LaneForm
from journey_editor.ui.properties.map_form import MapForm
from journey_editor.ui.properties.persona_form import PersonaForm
from journey_editor.ui.properties.point_form import EmotionPointForm
from journey_editor.ui.properties.stage_form import StageForm

MAP = "map"


class PropertiesPanel(QWidget):
    """Edits every field of a card, a stage, a lane, an emotion point, or the map and its
    persona.

    Each field commits when its entry is finished, as one command; a refused value shows its
    message under the field. Undo and redo show at once; when the item shown is deleted or
    undone away, the panel shows the map.
    """

    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        # One page per kind of item; the map's page has the persona under the map's fields.
        self.pages: dict[str, list[Form]] = {
            "card": [CardForm(document)],
            "stage": [StageForm(document)],
            "lane": [LaneForm(document)],
            "emotion": [EmotionPointForm(document)],
            MAP: [MapForm(document), PersonaForm(document)],
        }
        content = QWidget()
        column = QVBoxLayout(content)
        column.setSpacing(12)
        for form in self._all_forms():
            form.hide()
            column.addWidget(form)
        column.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.scroll_area)

        self._kind = MAP
        self._item_id = ""
        document.changed.connect(self._document_changed)
        self.show_item(MAP, "")

    def shown_item(self) -> tuple[str, str]:
        """The kind ("card", "stage", "lane", "emotion" or "map") and id of the item shown."""
        return self._kind, self._item_id

    def field(self, name: str) -> Field:
        """The field of the shown item that edits the model field ``name`` ("title" ...)."""
        for form in self.pages[self._kind]:
            if name in form.fields:
                return form.fields[name]
        raise KeyError(f"the {self._kind} form has no field {name!r}")

    def finish_editing(self) -> None:
        """Commit the entry in progress (before a save, a close, an undo)."""
        for form in self.pages[self._kind]:
            form.finish_editing()

    def show_item(self, kind: str, item_id: str) -> None:
        """Show the form of one item by kind and id ("card", "c01"), or of the map ("map", "")."""
        if kind not in self.pages:
            raise ValueError(f"no form for {kind!r}; choose one of {', '.join(self.pages)}")
        self.finish_editing()
        if not all(form.exists(item_id) for form in self.pages[kind]):
            kind, item_id = MAP, ""
        turned = (kind, item_id) != (self._kind, self._item_id)
        self._kind, self._item_id = kind, item_id
        for form in self.pages[kind]:
            form.show_item(item_id)
        for form in self._all_forms():
            form.setVisible(form in self.pages[kind])
        if turned:
            self.scroll_area.verticalScrollBar().setValue(0)

    def _document_changed(self) -> None:
        forms = self.pages[self._kind]
        if all(form.exists(self._item_id) for form in forms):
            for form in forms:
                form.refresh()
        else:
            self.show_item(MAP, "")

    def _all_forms(self) -> list[Form]:
        return [form for forms in self.pages.values() for form in forms]
