"""The persona's picture in the properties panel: shown small, chosen from a file, removed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from journey_editor.model import JourneyError
from journey_editor.model.limits import PICTURE_MAX_BYTES
from journey_editor.store.file_bytes import read_file_bytes
from journey_editor.ui.pictures import picture_image
from journey_editor.ui.properties.fields import Field, plain_label

THUMBNAIL = QSize(96, 96)
PICTURE_FILTER = "Pictures (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)"


class PictureField(Field):
    """A thumbnail with Choose… and Remove; a chosen file is checked before it is decoded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        editor = QWidget()
        super().__init__(editor, parent)
        self.thumbnail = plain_label()
        self.thumbnail.setWordWrap(False)
        self.thumbnail.setFixedSize(THUMBNAIL)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet("border: 1px solid #C9CED6; color: #6B7280;")
        self.choose_button = QPushButton("Choose…")
        self.remove_button = QPushButton("Remove")
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        row = QHBoxLayout(editor)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.thumbnail)
        row.addLayout(buttons)
        row.addStretch()
        self._picture: bytes | None = None

    def value(self) -> bytes | None:
        return self._picture

    def _put(self, value: Any) -> None:
        self._picture = value
        self.remove_button.setEnabled(value is not None)
        self.thumbnail.setPixmap(QPixmap())
        if value is None:
            self.thumbnail.setText("No picture")
            return
        try:
            image = picture_image(value, THUMBNAIL, "the persona picture")
        except JourneyError as error:
            # Checked when the map was opened, so rare: say why rather than show nothing.
            self.thumbnail.setText("Cannot show")
            self.show_error(str(error))
            return
        self.thumbnail.setPixmap(QPixmap.fromImage(image))

    def choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Choose the persona's picture", str(Path.home()), PICTURE_FILTER
        )
        if chosen:
            self.take_file(Path(chosen))

    def take_file(self, path: Path) -> None:
        """Use the picture in ``path``; one that cannot be used is explained, nothing changes."""
        try:
            data = _read_picture(path)
            picture_image(data, THUMBNAIL, path.name)  # refused here, before the map has it
        except JourneyError as error:
            self.show_error(str(error))
            return
        self.clear_error()
        self._picture = data
        self.edited.emit()

    def _remove(self) -> None:
        self._picture = None
        self.edited.emit()


def _read_picture(path: Path) -> bytes:
    """The file's bytes, read no further than a picture may be long (and never from a
    pipe or device, which would stop the editor waiting)."""
    try:
        return bytes(read_file_bytes(path, limit=PICTURE_MAX_BYTES))
    except JourneyError as error:
        raise JourneyError(f"{path.name}: {error}") from None
