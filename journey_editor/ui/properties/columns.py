"""The columns of a list editor: how values show as cell text and are read back from it.

Every cell holds text, so the table compares and rebuilds rows simply; a choice cell holds
the member's value and shows its label.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from journey_editor.model import JourneyError
from journey_editor.model.vocabulary import Vocabulary

Index = QModelIndex | QPersistentModelIndex


class Column:
    """A column of text: how values show as cell text and are read back from it."""

    default = ""  # the text of a new row's cell

    def __init__(self, header: str, stretch: bool = True) -> None:
        self.header = header
        self.stretch = stretch

    def text(self, value: Any) -> str:
        return str(value)

    def parse(self, text: str) -> Any:
        return text

    def is_blank(self, text: str) -> bool:
        """True when the cell holds nothing a person typed."""
        return not text.strip()

    def delegate(self, parent: QWidget) -> QStyledItemDelegate | None:
        """The editor of the column's cells, when the table's line editor will not do."""
        return None


class NumberColumn(Column):
    """A figure that may be left empty, such as a KPI's target."""

    def __init__(self, header: str) -> None:
        super().__init__(header, stretch=False)

    def text(self, value: float | None) -> str:
        return "" if value is None else f"{value:.15g}"

    def parse(self, text: str) -> float | None:
        text = text.strip()
        if not text:
            return None
        try:
            return float(text)
        except ValueError:
            raise JourneyError(
                f"{self.header} must be a number, such as 12 or 4.5; got {text!r}"
            ) from None


class ChoiceColumn(Column):
    """One of a vocabulary; the cell holds the member's value and shows its label."""

    def __init__(self, header: str, vocabulary: type[Vocabulary]) -> None:
        super().__init__(header, stretch=False)
        self.vocabulary = vocabulary
        self.default = next(iter(vocabulary)).value

    def text(self, value: Vocabulary) -> str:
        return value.value

    def parse(self, text: str) -> Vocabulary:
        return self.vocabulary.parse(text, self.header.lower())

    def is_blank(self, text: str) -> bool:
        return True  # a choice left as it came is not yet an entry

    def delegate(self, parent: QWidget) -> QStyledItemDelegate:
        return _ChoiceDelegate(self.vocabulary, parent)


class _ChoiceDelegate(QStyledItemDelegate):
    """Shows a member's label and edits the cell with a combo box that commits on a pick."""

    def __init__(self, vocabulary: type[Vocabulary], parent: QWidget) -> None:
        super().__init__(parent)
        self._members = list(vocabulary)
        self._labels = {member.value: member.label for member in self._members}

    def displayText(self, value: Any, locale: QLocale | QLocale.Language) -> str:
        return self._labels.get(str(value), str(value))

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItems([member.label for member in self._members])
        combo.activated.connect(lambda: self._picked(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        values = [member.value for member in self._members]
        editor.setCurrentIndex(values.index(index.data()))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, self._members[editor.currentIndex()].value)

    def _picked(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)
