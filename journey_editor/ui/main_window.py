"""The main window: the map in a view, a strip naming the map and persona, menus, counts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from journey_editor.canvas import JourneyScene, MapView
from journey_editor.model import Journey, JourneyError
from journey_editor.ui.errors import show_journey_error
from journey_editor.ui.map_header import MapHeader

APP_NAME = "Journey Editor"
OPEN_FILTER = "Journey maps (*.journey *.json);;All files (*)"

OpenJourney = Callable[[Path], Journey]


def counts_text(journey: Journey) -> str:
    """'5 stages · 8 lanes · 48 cards', in the singular where there is one."""
    counts = ((len(journey.stages), "stage"), (len(journey.lanes), "lane"),
              (len(journey.cards), "card"))
    return " · ".join(f"{count} {noun}{'' if count == 1 else 's'}" for count, noun in counts)


class MainWindow(QMainWindow):
    def __init__(
        self,
        journey: Journey,
        source: Path | None,
        open_journey: OpenJourney,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_journey = open_journey
        self.journey = journey
        self.source = source
        self._shown_once = False

        self.scene = JourneyScene(parent=self)
        self.view = MapView(self.scene)
        self.map_header = MapHeader()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.map_header)
        column.addWidget(self.view, stretch=1)
        self.setCentralWidget(central)

        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.zoom_label = QLabel()
        self.statusBar().addWidget(self.counts)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.view.zoom_changed.connect(self._show_zoom)

        self._build_menus()
        self.show_journey(journey, source)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.open_action = self._action(
            "&Open…", [QKeySequence(QKeySequence.StandardKey.Open)], self.choose_file
        )
        self.quit_action = self._action(
            "&Quit", [QKeySequence(QKeySequence.StandardKey.Quit)], self.close
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu("&View")
        # "Ctrl+=" too: on most keyboards "+" needs Shift, and people press Ctrl and the key.
        self.zoom_in_action = self._action(
            "Zoom &in", [QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")], self.view.zoom_in
        )
        self.zoom_out_action = self._action(
            "Zoom &out", [QKeySequence("Ctrl+-")], self.view.zoom_out
        )
        self.actual_size_action = self._action(
            "&Actual size", [QKeySequence("Ctrl+1")], self.view.actual_size
        )
        self.fit_action = self._action(
            "&Fit to window", [QKeySequence("Ctrl+0")], self.view.fit_to_window
        )
        for action in (
            self.zoom_in_action, self.zoom_out_action, self.actual_size_action, self.fit_action
        ):
            view_menu.addAction(action)

    def _action(
        self, text: str, shortcuts: list[QKeySequence],
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        action.setShortcuts(shortcuts)
        action.triggered.connect(slot)
        return action

    def show_journey(self, journey: Journey, source: Path | None) -> None:
        self.journey = journey
        self.source = source
        self.scene.show_journey(journey)
        self.map_header.show_journey(journey)
        name = source.name if source is not None else "Untitled"
        self.setWindowTitle(f"{name} — {APP_NAME}")
        self.counts.setText(counts_text(journey))
        self.view.set_zoom(1.0)
        self._show_zoom(self.view.zoom)
        self.view.show_start()

    def choose_file(self) -> None:
        folder = str(self.source.parent) if self.source is not None else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open journey map", folder, OPEN_FILTER)
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> bool:
        """Show the map in ``path``; a file that cannot be read is reported, and nothing changes."""
        try:
            journey = self._open_journey(path)
        except JourneyError as error:
            show_journey_error(self, "Could not open the map", error)
            return False
        self.show_journey(journey, path)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            # Scroll positions mean something only once the view has its real size.
            self._shown_once = True
            self.view.show_start()

    def _show_zoom(self, zoom: float) -> None:
        # The view can still emit while Qt tears the window down, after the label is gone.
        if shiboken6.isValid(self.zoom_label):
            self.zoom_label.setText(f"{zoom:.0%}")
