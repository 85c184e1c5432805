"""The list editor of the properties panel: rows of cells that are added, edited, removed.

The document replaces a list whole, so each finished cell edit, added entry or removal is one
commit of the whole list. A list of texts is a table of one column. Cells are plain text
items: map text in them is never read as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import astuple
from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journey_editor.ui.properties.columns import ChoiceColumn, Column
from journey_editor.ui.properties.fields import Field

TABLE_MAX_HEIGHT = 360  # past this a list scrolls inside the panel


class _Table(QTableWidget):
    """A table that says when it has changed size, once its columns have been stretched."""

    resized = Signal()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()


class TableField(Field):
    """A list of ``row_type`` (a dataclass, or str for a list of texts) as rows of cells.

    Rows with nothing typed in them are drafts: not part of the value until filled in.
    """

    def __init__(
        self, columns: Sequence[Column], row_type: type, noun: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(QWidget(), parent)
        self.columns = list(columns)
        self._row_type = row_type
        self.table = _Table(0, len(self.columns))
        self.add_button = QPushButton(f"Add {noun}")
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName(f"Remove {noun}")
        self._delegates: list[QStyledItemDelegate] = []  # a Python delegate must stay alive
        self._set_up_table()

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        column = QVBoxLayout(self.editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.table)
        column.addLayout(buttons)

        self.add_button.clicked.connect(self._add_row)
        self.remove_button.clicked.connect(self._remove_rows)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.itemChanged.connect(self.edited)
        self._selection_changed()
        self._fit()

    def _set_up_table(self) -> None:
        table = self.table
        table.setHorizontalHeaderLabels([column.header for column in self.columns])
        table.horizontalHeader().setVisible(len(self.columns) > 1)
        table.verticalHeader().hide()
        table.setWordWrap(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        header = table.horizontalHeader()
        for number, column in enumerate(self.columns):
            mode = QHeaderView.ResizeMode.Stretch if column.stretch else (
                QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(number, mode)
            delegate = column.delegate(table)
            if delegate is not None:
                self._delegates.append(delegate)
                table.setItemDelegateForColumn(number, delegate)
        # Wrapped text needs other row heights when the table or a column changes width.
        header.sectionResized.connect(self._fit_later)
        table.resized.connect(self._fit_later)

    def value(self) -> list[Any]:
        rows = []
        for texts in self._texts():
            if all(column.is_blank(text) for column, text in zip(self.columns, texts, strict=True)):
                continue
            values = [column.parse(text) for column, text in zip(self.columns, texts, strict=True)]
            rows.append(self._row_type(*values))
        return rows

    def _put(self, value: list[Any]) -> None:
        wanted = [
            [column.text(cell) for column, cell in zip(self.columns, self._cells(row), strict=True)]
            for row in value
        ]
        if wanted == self._texts():
            return
        with QSignalBlocker(self.table):
            self.table.setRowCount(len(wanted))
            for row, texts in enumerate(wanted):
                for number, text in enumerate(texts):
                    self.table.setItem(row, number, QTableWidgetItem(text))
        self._fit()

    @staticmethod
    def _cells(row: Any) -> tuple[Any, ...]:
        return (row,) if isinstance(row, str) else astuple(row)

    def _texts(self) -> list[list[str]]:
        table = self.table
        return [
            [item.text() if (item := table.item(row, number)) else ""
             for number in range(table.columnCount())]
            for row in range(table.rowCount())
        ]

    def _add_row(self) -> None:
        """A draft row, with the first typed cell open: it joins the list once filled in."""
        row = self.table.rowCount()
        with QSignalBlocker(self.table):
            self.table.insertRow(row)
            for number, column in enumerate(self.columns):
                self.table.setItem(row, number, QTableWidgetItem(column.default))
        self._fit()
        typed = next(
            number for number, column in enumerate(self.columns)
            if not isinstance(column, ChoiceColumn)
        )
        self.table.setCurrentCell(row, typed)
        self.table.setFocus()
        self.table.editItem(self.table.currentItem())

    def _remove_rows(self) -> None:
        rows = {index.row() for index in self.table.selectedIndexes()}
        with QSignalBlocker(self.table):
            for row in sorted(rows, reverse=True):
                self.table.removeRow(row)
        self._fit()
        self.edited.emit()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedIndexes()))

    def _fit_later(self) -> None:
        # Widths change while the panel lays itself out, and a layout in progress ignores a
        # new height asked for then: ask once it is done.
        QTimer.singleShot(0, self, self._fit)

    def _fit(self) -> None:
        """As tall as the rows, so the panel scrolls rather than a table inside it."""
        table = self.table
        table.resizeRowsToContents()
        rows = sum(table.rowHeight(row) for row in range(table.rowCount()))
        header = table.horizontalHeader()
        height = 2 * table.frameWidth() + (rows or table.verticalHeader().defaultSectionSize())
        if not header.isHidden():
            height += header.sizeHint().height()
        table.setFixedHeight(min(height, TABLE_MAX_HEIGHT))


def text_list(noun: str) -> TableField:
    """A list of texts, such as a card's actors or a stage's emotional drivers."""
    return TableField([Column(noun.capitalize())], str, noun)
