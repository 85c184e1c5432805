"""The running editor: its windows, one per open map, and what they share (recent files, the
folder of working copies and backups)."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import platformdirs
import shiboken6
from PySide6.QtCore import QObject, QSettings

from journey_editor.document import JourneyDocument
from journey_editor.interop.opening import read_map
from journey_editor.interop.templates import load_template
from journey_editor.model import Journey, JourneyError
from journey_editor.store.sessions import LeftBehind, WorkingFolder, same_file
from journey_editor.ui import recovery
from journey_editor.ui.errors import show_journey_error
from journey_editor.ui.main_window import MainWindow
from journey_editor.ui.recent import RecentFiles

ORGANISATION = "Journey Editor"
# The user's data folder (platformdirs: ~/.local/share/journey-editor on Linux) holds the
# working copies of open maps and the backups of saved versions.
DATA_FOLDER_NAME = "journey-editor"


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
        self.working = WorkingFolder(platformdirs.user_data_path(DATA_FOLDER_NAME))
        # Maps restored read-only keep the crash's session until saved: should the editor
        # stop again first, it is offered again.
        self._restored_unsaved: dict[MainWindow, LeftBehind] = {}

    def show_journey(
        self, journey: Journey, path: Path | None, near: MainWindow | None = None,
        name: str | None = None,
        unsaved: bool = False,
        read_only: bool = False,
        unsaved_before: int = 0,
    ) -> MainWindow:
        document = JourneyDocument(
            journey, path, name=name, unsaved=unsaved, read_only=read_only,
            unsaved_before=unsaved_before,
        )
        document.backups = self.working.backups
        window = MainWindow(document, self)
        self.windows.append(window)
        if near is not None and shiboken6.isValid(near):
            window.setGeometry(near.geometry())
            if near.document.pristine:
                near.close()
        window.show()
        if not read_only:
            self.keep_safe(window)
        return window

    def keep_safe(self, window: MainWindow) -> None:
        """Give the window's map a working copy, so every edit of it is on disk at once."""
        document = window.document
        if document.session is not None:
            return
        try:
            document.session = self.working.start(
                document.journey, document.path, document.name, modified=document.modified,
                unsaved_edits=document.unsaved_edits,
            )
        except JourneyError as error:
            window.tell(f"Edits are not kept safe until saved: {error}")

    def open_file(self, path: Path, near: MainWindow | None = None) -> MainWindow | None:
        """Show the map in ``path``; one that cannot be read is reported and nothing changes.

        A map open in another window, or in another running editor, is offered read-only:
        two editors saving one file would lose one side's work.
        """
        read_only = False
        window = self.window_editing(path)
        if window is not None:
            choice = recovery.ask_open_again(near, path, in_this_editor=True)
            if choice is recovery.OpenChoice.SHOW_OPEN:
                window.raise_()
                window.activateWindow()
                return window
            if choice is recovery.OpenChoice.CANCEL:
                return None
            read_only = True
        try:
            journey = read_map(path)
        except JourneyError as error:
            reason = JourneyError(f"{path.name}: {error}")
            show_journey_error(near, "Could not open the map", reason)
            return None
        return self.show_file(journey, path, near, read_only=read_only)

    def show_file(
        self, journey: Journey, path: Path, near: MainWindow | None = None,
        name: str | None = None, read_only: bool = False,
    ) -> MainWindow | None:
        """Show a map read from ``path``: read-only if another running editor has the file
        open and the user agrees; None if they would rather not open it."""
        # Kept absolute (links left as they are): the working copy's note, the recent list
        # and Save must name the same file after the current folder changes.
        path = path.absolute()
        if not read_only and self.in_another_editor(path):
            choice = recovery.ask_open_again(near, path, in_this_editor=False)
            if choice is recovery.OpenChoice.CANCEL:
                return None
            read_only = True
        window = self.show_journey(journey, path, near, name=name, read_only=read_only)
        self.recent.add(path)
        return window

    def window_editing(self, path: Path) -> MainWindow | None:
        """The window in which the map saved at ``path`` is open for editing, if any."""
        return next(iter(self._others_editing(path)), None)

    def _others_editing(self, path: Path, but: MainWindow | None = None) -> list[MainWindow]:
        """The windows other than ``but`` in which the file at ``path`` is open for editing."""
        return [
            window for window in self.windows
            if window is not but and not window.document.read_only
            and window.document.path is not None and same_file(window.document.path, path)
        ]

    def in_another_editor(self, path: Path, restoring: Collection[str] = ()) -> bool:
        """Whether another running editor is editing the file at ``path``. This editor's
        own sessions do not count (its windows are asked directly), nor do the left-behind
        sessions ``restoring``, which this editor holds while it offers them."""
        own = {w.document.session.id for w in self.windows if w.document.session is not None}
        own.update(restoring)
        return self.working.open_elsewhere(path, ignoring=own) is not None

    def save_refusal(self, path: Path, window: MainWindow) -> str | None:
        """Why ``window`` may not save over the file at ``path``, or None when it may:
        never over another editor's edits or another window's unsaved changes."""
        if self.in_another_editor(path):
            return (
                f"{path.name} is open in another Journey Editor: save under another name, "
                "or close it there first"
            )
        others = self._others_editing(path, window)
        for other in others:
            other.commit_typing()  # a title half typed there is an unsaved change too
        if any(other.document.modified for other in others):
            return (
                f"{path.name} has unsaved changes in another window: save or close that "
                "window first, or save under another name"
            )
        return None

    def offer_recovery(self, near: MainWindow, quiet: bool = True) -> int:
        """Offer to restore each map an editor that stopped left unsaved; how many restored.

        Unless ``quiet``, says so when there is nothing to restore.
        """
        restored = 0
        left_behind = self.working.left_behind()
        if not left_behind and not quiet:
            near.tell("No unsaved maps to restore")
        offered = [left.id for left in left_behind]
        over: MainWindow | None = near
        for left in left_behind:
            if over is not None and (over not in self.windows or not shiboken6.isValid(over)):
                # Closed while a question was up.
                over = self.windows[-1] if self.windows else None
            window = recovery.restore_left_behind(self, left, over, offered)
            if window is not None:
                # The window it was offered over may have given way to it (an untouched map).
                over, restored = window, restored + 1
        return restored

    def keep_until_saved(self, window: MainWindow, left: LeftBehind) -> None:
        """Keep the session ``left`` behind, restored read-only in ``window``, until the map
        is saved (then it goes) or its window closes (then it is offered again)."""
        if left.hold_without_editing():
            self._restored_unsaved[window] = left

    def new_from_template(self, template: str, near: MainWindow | None = None) -> MainWindow:
        return self.show_journey(load_template(template), None, near)

    def saved(self, window: MainWindow, path: Path) -> None:
        self.recent.add(path)
        self.keep_safe(window)  # a read-only map saved elsewhere is now edited
        left = self._restored_unsaved.pop(window, None)
        if left is not None:
            left.discard()  # the restored edits are in the file now
        # A window showing the file as it was (unedited: save_refusal saw to that) gives
        # way, as when an earlier version is saved over the file to undo saves. One busy
        # exporting stays, read-only: saving it would undo this save.
        for stale in self._others_editing(path, window):
            if not stale.close():
                self._stop_editing(stale)
                stale.tell(f"{path.name} was saved from another window: this one is read-only")

    def _stop_editing(self, window: MainWindow) -> None:
        self._end_session(window)
        window.document.make_read_only()

    def _end_session(self, window: MainWindow) -> None:
        if window.document.session is not None:
            window.document.session.end()
            window.document.session = None

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
        self._end_session(window)
        left = self._restored_unsaved.pop(window, None)
        if left is not None:
            left.let_go()

