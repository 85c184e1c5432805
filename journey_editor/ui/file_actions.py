"""The File menu of a window: new from a template, open, recent maps, save, import, export,
close, quit.

Closing a window with unsaved changes asks first; so does quitting, window by window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from journey_editor.interop.templates import TEMPLATES
from journey_editor.interop.text_forms import READERS, reader_for
from journey_editor.model import JourneyError
from journey_editor.store import SUFFIX
from journey_editor.store.journey_file import read_text_file
from journey_editor.ui.actions import make_action
from journey_editor.ui.errors import show_journey_error
from journey_editor.ui.export_action import MapExporter
from journey_editor.ui.export_dialog import file_filter

if TYPE_CHECKING:
    from journey_editor.ui.main_window import MainWindow

OPEN_FILTER = "Journey maps (*.journey *.json);;All files (*)"
SAVE_FILTER = f"Journey maps (*{SUFFIX})"
IMPORT_FILTER = ";;".join([
    f"Maps as text ({' '.join(f'*{suffix}' for suffix in READERS)})",
    *(file_filter(suffix) for suffix in READERS),
])


def template_label(name: str) -> str:
    """'service-blueprint' -> 'Service blueprint'."""
    return name.replace("-", " ").capitalize()


class FileActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        standard = QKeySequence.StandardKey
        self.new_menu = QMenu("&New", window)
        for name, purpose in TEMPLATES.items():
            action = self.new_menu.addAction(template_label(name))
            action.setStatusTip(purpose)
            action.triggered.connect(lambda _=False, n=name: self._new(n))
        self.new_action = make_action(
            window, "&New map", standard.New, lambda: self._new("four-stages")
        )
        self.open_action = make_action(window, "&Open…", standard.Open, self.choose_file)
        self.recent_menu = QMenu("Open &Recent", window)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.save_action = make_action(window, "&Save", standard.Save, self.save)
        self.save_as_action = make_action(window, "Save &As…", standard.SaveAs, self.save_as)
        self.import_action = make_action(window, "&Import…", None, self.import_map)
        self.exporter = MapExporter(window)
        self.export_action = make_action(
            window, "&Export…", "Ctrl+E", lambda: self.exporter.export(self._folder())
        )
        self.close_action = make_action(window, "&Close", standard.Close, window.close)
        self.quit_action = make_action(
            window, "&Quit", standard.Quit, window.editor.quit
        )
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)

    def fill(self, menu: QMenu) -> None:
        menu.addAction(self.new_action)
        menu.addMenu(self.new_menu)
        menu.addAction(self.open_action)
        menu.addMenu(self.recent_menu)
        menu.addSeparator()
        menu.addAction(self.save_action)
        menu.addAction(self.save_as_action)
        menu.addSeparator()
        menu.addAction(self.import_action)
        menu.addAction(self.export_action)
        menu.addSeparator()
        menu.addAction(self.close_action)
        menu.addAction(self.quit_action)

    def _new(self, template: str) -> None:
        self.window.editor.new_from_template(template, self.window)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Open journey map", str(self._folder()), OPEN_FILTER
        )
        if path:
            self.window.editor.open_file(Path(path), self.window)

    def import_map(self) -> None:
        """A map's text form (Mermaid, CSV, JSON) opened as a new map, unsaved, in a new
        window; one that cannot be read is reported in one line and nothing changes."""
        chosen, _ = QFileDialog.getOpenFileName(
            self.window, "Import a map", str(self._folder()), IMPORT_FILTER
        )
        if not chosen:
            return
        path = Path(chosen)
        try:
            journey = reader_for(path)(read_text_file(path), path.stem)
        except JourneyError as error:
            reason = JourneyError(f"{path.name}: {error}")
            show_journey_error(self.window, "Could not import the map", reason)
            return
        window = self.window.editor.show_journey(
            journey, None, self.window, name=path.stem, unsaved=True
        )
        window.tell(f"Imported {path.name}: save it to keep it as a map")

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        paths = self.window.editor.recent.paths()
        for path in paths:
            entry = f"{path.name}  —  {path.parent}".replace("&", "&&")  # "&" is no mnemonic
            action = self.recent_menu.addAction(entry)
            action.triggered.connect(
                lambda _=False, p=path: self.window.editor.open_file(p, self.window)
            )
        if not paths:
            self.recent_menu.addAction("No recent maps").setEnabled(False)
            return
        self.recent_menu.addSeparator()
        self.recent_menu.addAction("Clear list", self.window.editor.recent.clear)

    def save(self) -> bool:
        """Save where the map came from, or ask where; False when it was not saved."""
        self.window.commit_typing()
        if self.window.document.path is None:
            return self.save_as()
        return self._save_to(self.window.document.path)

    def save_as(self) -> bool:
        self.window.commit_typing()
        document = self.window.document
        suggested = document.path or self._folder() / f"{Path(document.name).stem}{SUFFIX}"
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, "Save journey map", str(suggested), SAVE_FILTER
        )
        if not chosen:
            return False
        path = Path(chosen)
        return self._save_to(path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX))

    def _save_to(self, path: Path) -> bool:
        try:
            self.window.document.save(path)
        except JourneyError as error:
            # The map stays open and unchanged, so the user can save somewhere else.
            show_journey_error(self.window, "Could not save the map", error)
            return False
        self.window.editor.saved(path)
        self.window.statusBar().showMessage(f"Saved {path}", 5000)
        return True

    def may_close(self) -> bool:
        """True when the window can close: no unsaved changes, or saved, or discarded."""
        if self.exporter.running:
            # Progress pumps events: a Quit in another window could close this one mid-export.
            self.window.tell("Wait for the export to finish, or cancel it")
            return False
        self.window.commit_typing()
        document = self.window.document
        if not document.modified:
            return True
        buttons = QMessageBox.StandardButton
        box = QMessageBox(
            QMessageBox.Icon.Question, "Unsaved changes",
            f"Save the changes to “{document.name}” before closing?",
            buttons.Save | buttons.Discard | buttons.Cancel, self.window,
        )
        # A file name is data: "<b>Q3</b>.journey" must not turn bold.
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDefaultButton(buttons.Save)
        answer = buttons(box.exec())
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard

    def _folder(self) -> Path:
        path = self.window.document.path
        return path.parent if path is not None else Path.home()
