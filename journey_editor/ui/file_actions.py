"""The File menu of a window: new from a template, open, recent maps, save, earlier saved
versions, unsaved maps left by a crash, import, export, close, quit.

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
from journey_editor.store import SUFFIX, read_journey
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
        self.versions_menu = QMenu("Saved &Versions", window)
        self.versions_menu.aboutToShow.connect(self._fill_versions)
        self.restore_action = make_action(
            window, "Restore &Unsaved Maps…", None,
            lambda: window.editor.offer_recovery(window, quiet=False),
        )
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
        menu.addMenu(self.versions_menu)
        menu.addAction(self.restore_action)
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

    def _fill_versions(self) -> None:
        """The file's versions from before its last saves, newest first."""
        self.versions_menu.clear()
        path = self.window.document.path
        versions = self.window.editor.working.backups.versions(path) if path else []
        for version in versions:
            label = f"Saved {version.saved_at:%d %b %Y, %H:%M:%S}"
            action = self.versions_menu.addAction(label)
            action.triggered.connect(
                lambda _=False, v=version.path, t=label: self._open_version(v, t)
            )
        if not versions:
            none = "Not saved yet" if path is None else "No earlier versions kept yet"
            self.versions_menu.addAction(none).setEnabled(False)

    def _open_version(self, copy: Path, label: str) -> None:
        """An earlier version in a new window, as an unsaved map: saving it over the file
        undoes the saves since (and keeps the current file as a version in turn)."""
        document = self.window.document
        try:
            journey = read_journey(copy)
        except JourneyError as error:
            show_journey_error(self.window, "Could not open the saved version", error)
            return
        stem = Path(document.name).stem
        window = self.window.editor.show_journey(
            journey, None, self.window, name=f"{stem} ({label.lower()})", unsaved=True
        )
        window.document.folder = self._folder()
        window.document.save_name = document.name
        window.tell(f"{label}: Save As over {document.name} to go back to it")

    def save(self) -> bool:
        """Save where the map came from, or ask where; False when it was not saved."""
        self.window.commit_typing()
        document = self.window.document
        if document.path is None or document.read_only:
            return self.save_as()
        return self._save_to(document.path)

    def save_as(self) -> bool:
        self.window.commit_typing()
        document = self.window.document
        suggested = self._folder() / (document.save_name or f"{Path(document.name).stem}{SUFFIX}")
        if document.path is not None and not document.read_only:
            suggested = document.path
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, "Save journey map", str(suggested), SAVE_FILTER
        )
        if not chosen:
            return False
        path = Path(chosen)
        return self._save_to(path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX))

    def _save_to(self, path: Path) -> bool:
        try:
            refusal = self.window.editor.save_refusal(path, self.window)
            if refusal is not None:
                raise JourneyError(refusal)
            note = self.window.document.save(path)
        except JourneyError as error:
            # The map stays open and unchanged, so the user can save somewhere else.
            show_journey_error(self.window, "Could not save the map", error)
            return False
        self.window.editor.saved(self.window, path)
        self.window.statusBar().showMessage(f"Saved {path}" + (f"; {note}" if note else ""), 8000)
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
        document = self.window.document
        if document.path is not None:
            return document.path.parent
        return document.folder or Path.home()
