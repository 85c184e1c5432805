"""The running editor: its windows, one per open map, and what they share (recent files)."""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QSettings

from journey_editor.document import JourneyDocument
from journey_editor.interop.opening import read_map
from journey_editor.interop.templates import load_template
from journey_editor.model import Journey, JourneyError
from journey_editor.ui.errors import show_journey_error
from journey_editor.ui.main_window import MainWindow
from journey_editor.ui.recent import RecentFiles

ORGANISATION = "Journey Editor"


class Editor(QObject):
    """Opens maps in windows. A map already open is brought forward rather than opened twice,
    and a window still showing an untouched map (the sample at start-up) gives way to the
    next map opened."""

    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.windows: list[MainWindow] = []
        # Shared by every window: the recent maps, the last export's choices.
        self.settings = settings or QSettings(ORGANISATION, "Journey Editor")
        self.recent = RecentFiles(self.settings)

    def show_journey(
        self, journey: Journey, path: Path | None, near: MainWindow | None = None,
        name: str | None = None,
        unsaved: bool = False,
    ) -> MainWindow:
        document = JourneyDocument(journey, path, name=name, unsaved=unsaved)
        window = MainWindow(document, self)
        self.windows.append(window)
        if near is not None and shiboken6.isValid(near):
            window.setGeometry(near.geometry())
            if near.document.pristine:
                near.close()
        window.show()
        return window

    def open_file(self, path: Path, near: MainWindow | None = None) -> MainWindow | None:
        """Show the map in ``path``; one that cannot be read is reported and nothing changes."""
        for window in self.windows:
            if window.document.path is not None and _same_file(window.document.path, path):
                window.raise_()
                window.activateWindow()
                return window
        try:
            journey = read_map(path)
        except JourneyError as error:
            reason = JourneyError(f"{path.name}: {error}")
            show_journey_error(near, "Could not open the map", reason)
            return None
        window = self.show_journey(journey, path, near)
        self.recent.add(path)
        return window

    def new_from_template(self, template: str, near: MainWindow | None = None) -> MainWindow:
        return self.show_journey(load_template(template), None, near)

    def saved(self, path: Path) -> None:
        self.recent.add(path)

    def quit(self) -> bool:
        """Close every window, each asking about unsaved changes; False if one was kept open."""
        for window in list(self.windows):
            if shiboken6.isValid(window) and not window.close():
                return False
        return True

    def closed(self, window: MainWindow) -> None:
        """A window has closed: its map is no longer open."""
        if window in self.windows:
            self.windows.remove(window)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve() or one.samefile(other)
    except OSError:
        return False
