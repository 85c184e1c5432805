"""A window onto one map: the canvas, the palette, the properties and history panels, menus."""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from journey_editor.canvas import JourneyScene, LayoutMode, MapView
from journey_editor.document import JourneyDocument
from journey_editor.model import Journey, JourneyKind
from journey_editor.ui.actions import make_action
from journey_editor.ui.edit_actions import EditActions
from journey_editor.ui.file_actions import FileActions
from journey_editor.ui.map_header import MapHeader
from journey_editor.ui.palette import CardPalette
from journey_editor.ui.properties import PropertiesPanel

if TYPE_CHECKING:
    from journey_editor.ui.editor import Editor

APP_NAME = "Journey Editor"
MESSAGE_MS = 6000
PALETTE_WIDTH, PROPERTIES_WIDTH = 170, 320


def counts_text(journey: Journey) -> str:
    """'5 stages · 8 lanes · 48 cards', in the singular where there is one."""
    counts = ((len(journey.stages), "stage"), (len(journey.lanes), "lane"),
              (len(journey.cards), "card"))
    return " · ".join(f"{count} {noun}{'' if count == 1 else 's'}" for count, noun in counts)


class MainWindow(QMainWindow):
    def __init__(
        self, document: JourneyDocument, editor: Editor, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.document = document
        document.setParent(self)
        self.editor = editor
        self._shown_once = False

        # A service blueprint opens as one; any map can be switched (View → Service blueprint).
        blueprint = document.journey.kind is JourneyKind.SERVICE_BLUEPRINT
        self.scene = JourneyScene(document, parent=self, mode=LayoutMode(blueprint=blueprint))
        self.view = MapView(self.scene)
        self.map_header = MapHeader()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.map_header)
        column.addWidget(self.view, stretch=1)
        self.setCentralWidget(central)

        self.palette = CardPalette()
        self.properties = PropertiesPanel(document)
        self.history = QUndoView(document.undo_stack)
        self.history.setEmptyLabel("Opened")
        self.palette_dock = self._dock("Cards", self.palette, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.properties_dock = self._dock(
            "Properties", self.properties, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.history_dock = self._dock(
            "History", self.history, Qt.DockWidgetArea.RightDockWidgetArea
        )
        # Tabs rather than a split: the properties of a stage (goals, KPIs) need the height,
        # and the map needs the width, so the panels stay narrow.
        self.tabifyDockWidget(self.properties_dock, self.history_dock)
        self.properties_dock.raise_()
        self.resizeDocks(
            [self.palette_dock, self.properties_dock], [PALETTE_WIDTH, PROPERTIES_WIDTH],
            Qt.Orientation.Horizontal,
        )

        self.counts = QLabel()
        self.counts.setTextFormat(Qt.TextFormat.PlainText)
        self.zoom_label = QLabel()
        self.statusBar().addWidget(self.counts)
        self.statusBar().addPermanentWidget(self.zoom_label)

        self.file_actions = FileActions(self)
        self.edit_actions = EditActions(self)
        for action in self.edit_actions.canvas_actions:
            # Their keys act on the map only while it has the focus.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.view.addAction(action)
        self._build_menus()

        self.view.zoom_changed.connect(self._show_zoom)
        self.scene.focus_changed.connect(self.properties.show_item)
        self.scene.error.connect(self.tell)
        self.scene.notice.connect(self.tell)
        self.palette.kind_activated.connect(self.edit_actions.new_card)
        document.changed.connect(self._show_map_details)
        document.file_changed.connect(self._show_file_state)
        document.working_copy_failed.connect(self.tell)
        self._show_map_details()
        self._show_file_state()
        self._show_zoom(self.view.zoom)

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower()}_dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        self.file_actions.fill(self.menuBar().addMenu("&File"))
        self.edit_actions.fill(self.menuBar().addMenu("&Edit"))
        view_menu = self.menuBar().addMenu("&View")
        view = self.view
        # "Ctrl+=" too: on most keyboards "+" needs Shift, and people press Ctrl and the key.
        self.zoom_in_action = make_action(self, "Zoom &in", ["Ctrl++", "Ctrl+="], view.zoom_in)
        self.zoom_out_action = make_action(self, "Zoom &out", "Ctrl+-", view.zoom_out)
        self.actual_size_action = make_action(self, "&Actual size", "Ctrl+1", view.actual_size)
        self.fit_action = make_action(self, "&Fit to window", "Ctrl+0", view.fit_to_window)
        for action in (
            self.zoom_in_action, self.zoom_out_action, self.actual_size_action, self.fit_action
        ):
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.blueprint_action = make_action(self, "Service &blueprint", "Ctrl+B", self._relay_out)
        self.blueprint_action.setStatusTip(
            "Lanes grouped into zones, with the lines of interaction, visibility and internal "
            "interaction"
        )
        self.emotion_line_action = make_action(
            self, "&Emotion line in blueprint", None, self._relay_out
        )
        for action in (self.blueprint_action, self.emotion_line_action):
            action.setCheckable(True)
            view_menu.addAction(action)
        self._show_layout_mode()
        self.scene.layout_mode_changed.connect(self._show_layout_mode)
        view_menu.addSeparator()
        for dock in (self.palette_dock, self.properties_dock, self.history_dock):
            view_menu.addAction(dock.toggleViewAction())

    # What the window shows -----------------------------------------------------------------

    @property
    def blueprint_view(self) -> bool:
        """Whether the map is shown as a service blueprint (else as its journey grid)."""
        return self.scene.layout_mode.blueprint

    @property
    def blueprint_emotion_line(self) -> bool:
        """Whether the blueprint view shows the emotion line (its emotions lanes)."""
        return self.scene.layout_mode.emotion_line

    def _relay_out(self) -> None:
        self.scene.set_layout_mode(
            self.blueprint_action.isChecked(), self.emotion_line_action.isChecked()
        )

    def _show_layout_mode(self) -> None:
        mode = self.scene.layout_mode
        self.blueprint_action.setChecked(mode.blueprint)
        self.emotion_line_action.setChecked(mode.emotion_line)
        self.emotion_line_action.setEnabled(mode.blueprint)

    def commit_typing(self) -> None:
        """Commit what is being typed (a title in place, a field of the panel), so a save, a
        close or an undo never skips or loses it."""
        self.scene.close_editor()
        self.properties.finish_editing()

    def tell(self, message: str) -> None:
        """A short note in the status bar: refusals of gestures, saves, hints."""
        self.statusBar().showMessage(message, MESSAGE_MS)

    def _show_map_details(self) -> None:
        self.map_header.show_journey(self.document.journey)
        self.counts.setText(counts_text(self.document.journey))

    def _show_file_state(self) -> None:
        # "[*]" is where Qt puts the modified mark, from setWindowModified.
        read_only = " (read-only)" if self.document.read_only else ""
        self.setWindowTitle(f"{self.document.name}{read_only}[*] — {APP_NAME}")
        self.setWindowModified(self.document.modified)

    def _show_zoom(self, zoom: float) -> None:
        # The view can still emit while Qt tears the window down, after the label is gone.
        if shiboken6.isValid(self.zoom_label):
            self.zoom_label.setText(f"{zoom:.0%}")

    # Window events -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            # Scroll positions mean something only once the view has its real size.
            self._shown_once = True
            self.view.show_start()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.file_actions.may_close():
            event.accept()
            # The commands hold closures over the document: deleted now, with everything
            # alive, rather than by a garbage collection of the cycle later, which shiboken
            # does not always survive.
            self.document.undo_stack.clear()
            self.editor.closed(self)
        else:
            event.ignore()
