"""A form: fields bound by name to one thing of the map, each committed as one document verb."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from journey_editor.document import JourneyDocument
from journey_editor.model import JourneyError
from journey_editor.ui.properties.fields import Field, Section


class Form(QWidget):
    """Shows one thing of the map (a card, a stage ...) and edits it through the document.

    Subclasses say which thing (``item``), how it changes (``edit``, a document verb) and
    whether it still exists; each field is bound to the model field of the same name.
    """

    def __init__(self, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.item_id = ""
        self.fields: dict[str, Field] = {}
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(12)

    def item(self) -> Any:
        raise NotImplementedError

    def edit(self, **changes: Any) -> None:
        raise NotImplementedError

    def exists(self, item_id: str) -> bool:
        return True

    def section(self, title: str) -> Section:
        section = Section(title)
        self.column.addWidget(section)
        return section

    def bind(self, section: Section, label: str, name: str, field: Field, hint: str = "") -> None:
        """Show ``field`` in ``section`` as the editor of the model field ``name``."""
        section.add_row(label, field, hint)
        self.fields[name] = field
        field.edited.connect(partial(self._commit, name))

    def show_item(self, item_id: str) -> None:
        """Show another item (or the same afresh): every field, no message left over."""
        self.item_id = item_id
        for field in self.fields.values():
            field.clear_error()
        self.refresh(force=True)

    def refresh(self, force: bool = False) -> None:
        """Read the model again; a field whose value did not change is left as it is."""
        item = self.item()
        for name, field in self.fields.items():
            field.show_value(getattr(item, name), force)

    def finish_editing(self) -> None:
        """Commit the entry in progress, before the form turns to another item."""
        for name, field in self.fields.items():
            if field.has_focus():
                self._commit(name)

    def _commit(self, name: str) -> None:
        # A field can finish its entry after its item was deleted or undone away.
        if not self.exists(self.item_id):
            return
        field = self.fields[name]
        try:
            self.edit(**{name: field.value()})
        except JourneyError as error:
            field.show_error(str(error))
        else:
            field.clear_error()
        # The model's value, as the model keeps it (trimmed, or as it was when refused).
        field.show_value(getattr(self.item(), name), force=True)
