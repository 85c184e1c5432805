"""Starting the editor: the application, its main window, and a screenshot mode for checks."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication

from journey_editor.model import Journey, JourneyError
from journey_editor.ui.editor import Editor
from journey_editor.ui.errors import journey_errors_shown
from journey_editor.ui.main_window import APP_NAME, MainWindow

DEFAULT_SIZE = (1600, 1000)
FIRST_PAINT_TIMEOUT_S = 10.0


def run_editor(
    journey: Journey,
    source: Path | None,
    screenshot: Path | None = None,
    size: tuple[int, int] | None = None,
    name: str | None = None,
) -> int:
    """Show ``journey`` in the editor and run until the last window closes; the exit code.

    With ``screenshot``, the window is saved as a PNG once it has painted, and the editor
    returns 0 without waiting for anyone.
    """
    app = _application()
    editor = Editor()
    if source is None or screenshot is not None:
        window: MainWindow | None = editor.show_journey(journey, source, name=name)
    else:
        window = editor.show_file(journey, source, name=name)
    if window is None:
        return 0  # the file is open in another editor, and the user chose not to open it
    window.resize(*(size or _default_size(app)))
    with journey_errors_shown(window):
        if screenshot is None:
            # Once the window is up: restoring what a crash left unsaved comes first.
            QTimer.singleShot(0, lambda: editor.offer_recovery(window))
            return int(app.exec())
        try:
            _save_screenshot(app, window, screenshot)
        finally:
            # Nothing was edited, so nothing asks to be saved.
            window.close()
    return 0


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(sys.argv[:1] or [APP_NAME])
    app.setApplicationName(APP_NAME)
    return app


def _default_size(app: QApplication) -> tuple[int, int]:
    """1600 x 1000, or as much of the screen as is free when it is smaller."""
    screen = app.primaryScreen()
    if screen is None:
        return DEFAULT_SIZE
    free = screen.availableGeometry()
    return min(DEFAULT_SIZE[0], free.width()), min(DEFAULT_SIZE[1], free.height())


class _PaintWatcher(QObject):
    """Notes when a widget has painted: only then does a grab show the finished map."""

    def __init__(self) -> None:
        super().__init__()
        self.painted = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.painted = True
        return False


def _save_screenshot(app: QApplication, window: MainWindow, path: Path) -> None:
    viewport = window.view.viewport()
    watcher = _PaintWatcher()
    viewport.installEventFilter(watcher)
    try:
        deadline = time.monotonic() + FIRST_PAINT_TIMEOUT_S
        while not watcher.painted and time.monotonic() < deadline:
            app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    finally:
        viewport.removeEventFilter(watcher)
    # Let layouts and scroll positions set after the first paint settle too.
    app.processEvents()
    if not window.grab().save(str(path), "PNG"):
        raise JourneyError(f"cannot write {path}")
