"""A JourneyError reaches people as its one-line message in a dialog, never as a traceback."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from journey_editor.model import JourneyError


def show_journey_error(parent: QWidget | None, title: str, error: JourneyError) -> None:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    # Messages quote file names and map text: data, never markup.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(str(error))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


@contextmanager
def journey_errors_shown(parent: QWidget) -> Iterator[None]:
    """While open, a JourneyError that escapes any slot is shown in a dialog over ``parent``.

    Qt hands exceptions raised in slots to ``sys.excepthook``; other exceptions keep going to
    the hook that was there before.
    """
    previous = sys.excepthook

    def hook(
        kind: type[BaseException], error: BaseException, traceback: TracebackType | None
    ) -> None:
        if isinstance(error, JourneyError):
            owner = parent if shiboken6.isValid(parent) else None
            show_journey_error(owner, "Journey Editor", error)
        else:
            previous(kind, error, traceback)

    sys.excepthook = hook
    try:
        yield
    finally:
        sys.excepthook = previous
