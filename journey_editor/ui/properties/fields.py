"""Editors of single values for the properties panel: a line, a text, a choice, a number,
an emotion score.

Every field keeps the model value it last showed, so a refresh that brings the same value
leaves the widget (and the caret in it) alone, and a refused entry can be put back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journey_editor.model import feeling
from journey_editor.model.limits import SCORE_MAX, SCORE_MIN
from journey_editor.model.vocabulary import Vocabulary

REFUSAL_INK = "#B3261E"
NOT_SET = "Not set"
Option = tuple[str, Any]  # what a person reads, and the value it stands for


def plain_label(text: str = "") -> QLabel:
    """A label that shows text as it is: map text is data, never markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def options(vocabulary: type[Vocabulary], none_label: str | None = None) -> list[Option]:
    """The members of a vocabulary by label, after a 'not set' entry when one is wanted."""
    members: list[Option] = [(member.label, member) for member in vocabulary]
    return members if none_label is None else [(none_label, None), *members]


class _WheelGuard(QObject):
    """Lets the wheel scroll the panel past a combo or spin box that has not got the focus.

    Without it, scrolling a long form changes whatever choice passes under the pointer.
    """

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        unfocused = isinstance(watched, QWidget) and not watched.hasFocus()
        if event.type() == QEvent.Type.Wheel and unfocused:
            # Ignored and filtered: Qt offers the wheel to the parents, the scroll area.
            event.ignore()
            return True
        return False


_WHEEL_GUARD = _WheelGuard()


class Field(QWidget):
    """One editor of one model value, with the message of a refused entry under it."""

    # The person finished an entry (Return, focus left, a choice picked): time to commit.
    edited = Signal()

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.error = plain_label()
        self.error.setStyleSheet(f"color: {REFUSAL_INK};")
        self.error.hide()
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(2)
        self.column.addWidget(editor)
        self.column.addWidget(self.error)
        self._shown: Any = None
        self.setFocusProxy(editor)

    def value(self) -> Any:
        """What the editor holds now, as a model value; JourneyError if it cannot be one."""
        raise NotImplementedError

    def _put(self, value: Any) -> None:
        """Show ``value``, leaving the editor untouched when it shows that already."""
        raise NotImplementedError

    def show_value(self, value: Any, force: bool = False) -> None:
        """Show the model's value; unless forced, only when it differs from the last shown."""
        if force or value != self._shown:
            self._shown = value
            with QSignalBlocker(self.editor):
                self._put(value)

    def has_focus(self) -> bool:
        focused = QApplication.focusWidget()
        return focused is not None and self.isAncestorOf(focused)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()


class LineField(Field):
    """One line of text, committed on Return or when the focus leaves it."""

    editor: QLineEdit

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QLineEdit(), parent)
        self.editor.editingFinished.connect(self.edited)

    def value(self) -> str:
        return self.editor.text()

    def _put(self, value: str) -> None:
        if self.editor.text() != value:
            self.editor.setText(value)
            self.editor.setCursorPosition(0)  # a long title reads from its start


class _PlainTextEditor(QPlainTextEdit):
    """A plain text box that says when the focus leaves it, as QLineEdit does."""

    focus_left = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # The box's own context menu takes the focus for a moment: that ends no entry.
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.focus_left.emit()


class TextField(Field):
    """Several lines of text, committed when the focus leaves the box."""

    editor: _PlainTextEditor

    def __init__(self, lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(_PlainTextEditor(), parent)
        self.editor.setTabChangesFocus(True)
        chrome = 2 * (self.editor.frameWidth() + self.editor.document().documentMargin())
        self.editor.setFixedHeight(int(self.editor.fontMetrics().lineSpacing() * lines + chrome))
        self.editor.focus_left.connect(self.edited)

    def value(self) -> str:
        return self.editor.toPlainText()

    def _put(self, value: str) -> None:
        if self.editor.toPlainText() != value:
            self.editor.setPlainText(value)


class ChoiceField(Field):
    """One of a closed set, committed as soon as a person picks it."""

    editor: QComboBox

    def __init__(self, choices: Sequence[Option], parent: QWidget | None = None) -> None:
        super().__init__(QComboBox(), parent)
        # Values stay on the Python side: Qt would hand a StrEnum member back as plain text.
        self._labels = [label for label, _ in choices]
        self._values = [value for _, value in choices]
        self.editor.addItems(self._labels)
        self.editor.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.editor.installEventFilter(_WHEEL_GUARD)
        # activated, not currentIndexChanged: only a person's choice is an edit.
        self.editor.activated.connect(self.edited)

    def set_choices(self, choices: Sequence[Option]) -> None:
        """Offer another set (a stage renamed, a card added), still showing the same value.

        Called on every change of the document: an unchanged set leaves the list alone, so
        an open list is not rebuilt under the pointer.
        """
        labels = [label for label, _ in choices]
        values = [value for _, value in choices]
        if labels == self._labels and values == self._values:
            return
        kept = self.value()
        with QSignalBlocker(self.editor):
            self.editor.clear()
            self._labels, self._values = labels, values
            self.editor.addItems(labels)
            # A value gone from the set shows blank until the model says what it is now.
            self.editor.setCurrentIndex(values.index(kept) if kept in values else -1)

    def value(self) -> Any:
        index = self.editor.currentIndex()
        # Nothing picked (the value left the set): the model's value stands, unchanged.
        return self._shown if index < 0 else self._values[index]

    def _put(self, value: Any) -> None:
        self.editor.setCurrentIndex(self._values.index(value))


class NumberField(Field):
    """A whole number in a range; with ``none_text``, one step below the range means unset."""

    editor: QSpinBox

    def __init__(
        self, low: int, high: int, none_text: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(QSpinBox(), parent)
        self._none_text = none_text
        if none_text is not None:
            self.editor.setSpecialValueText(none_text)
        self.set_range(low, high)
        # Typed digits arrive on Return or focus out; each arrow step is a finished entry.
        self.editor.setKeyboardTracking(False)
        self.editor.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.editor.installEventFilter(_WHEEL_GUARD)
        self.editor.valueChanged.connect(self.edited)

    def set_range(self, low: int, high: int) -> None:
        with QSignalBlocker(self.editor):
            self.editor.setRange(low - 1 if self._none_text is not None else low, high)

    def value(self) -> int | None:
        number = self.editor.value()
        unset = self._none_text is not None and number == self.editor.minimum()
        return None if unset else number

    def _put(self, value: int | None) -> None:
        self.editor.setValue(self.editor.minimum() if value is None else value)


class ScoreField(Field):
    """A score on the emotion scale, with the scale's word beside it.

    A person never has to read a bare number: 2.5 shows "Negative" next to it, and the word
    follows the digits as they are typed, before the entry is finished.
    """

    editor: QDoubleSpinBox

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QDoubleSpinBox(), parent)
        self.editor.setRange(SCORE_MIN, SCORE_MAX)
        self.editor.setDecimals(1)
        self.editor.setSingleStep(0.5)
        # Typed digits arrive on Return or focus out; each arrow step is a finished entry.
        self.editor.setKeyboardTracking(False)
        self.editor.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.editor.installEventFilter(_WHEEL_GUARD)
        self.editor.valueChanged.connect(self.edited)
        # The spin box's own textChanged waits for the entry too, as keyboard tracking is off.
        self.editor.lineEdit().textChanged.connect(self._describe)
        self.feeling = plain_label()
        self.feeling.setWordWrap(False)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.column.removeWidget(self.editor)
        row.addWidget(self.editor)
        row.addWidget(self.feeling, 1)
        self.column.insertLayout(0, row)
        # The box rounds what it is given to one decimal; see value().
        self._shown_number: float | None = None
        self._describe()

    def value(self) -> float:
        number = self.editor.value()
        # A finer model score (2.25, from a file) shows rounded: leaving the box untouched
        # must not round the model too.
        if number == self._shown_number and isinstance(self._shown, float):
            return self._shown
        return number

    def _put(self, value: float) -> None:
        self.editor.setValue(value)
        self._shown_number = self.editor.value()
        self._describe()  # the editor's signals are blocked while a value is put

    def _describe(self) -> None:
        number, readable = self.editor.locale().toDouble(self.editor.cleanText())
        word = feeling(number) if readable and SCORE_MIN <= number <= SCORE_MAX else ""
        self.feeling.setText(word)
        self.editor.setAccessibleDescription(word)


class Section(QWidget):
    """A titled group of fields, each with its label above it to suit a narrow dock."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = plain_label(title)
        font = QFont(self.title.font())
        font.setBold(True)
        self.title.setFont(font)
        self.rows = QFormLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.rows.addRow(self.title)

    def add_row(self, label: str, field: Field, hint: str = "") -> None:
        caption = plain_label(label)
        caption.setBuddy(field.editor)
        field.editor.setAccessibleName(label)
        if hint:
            field.editor.setToolTip(hint)
        self.rows.addRow(caption, field)
