"""The questions that keep work safe: restore what a crash left unsaved, and what to do with a
map that is already open elsewhere."""

from __future__ import annotations

import enum
from collections.abc import Collection
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QMessageBox, QWidget

from journey_editor.model import JourneyError
from journey_editor.store.sessions import LeftBehind, SessionNote
from journey_editor.ui.errors import show_journey_error

if TYPE_CHECKING:
    from journey_editor.ui.editor import Editor
    from journey_editor.ui.main_window import MainWindow


class OpenChoice(enum.Enum):
    SHOW_OPEN = "show the window that has it"
    READ_ONLY = "open it read-only"
    CANCEL = "do nothing"


def ask_open_again(parent: QWidget | None, path: Path, in_this_editor: bool) -> OpenChoice:
    """Ask what to do with a map that a window, or another running editor, has open."""
    where = "another window" if in_this_editor else "another Journey Editor"
    box = _question(
        parent, "Map already open", f"“{path.name}” is already open in {where}.",
        "Editing it in two places would lose one side's changes when both are saved. "
        "Open it read-only to look at it, export it or save a copy.",
    )
    read_only = box.addButton("Open Read-Only", QMessageBox.ButtonRole.AcceptRole)
    show = None
    if in_this_editor:
        show = box.addButton("Show That Window", QMessageBox.ButtonRole.ActionRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(show or read_only)
    box.setEscapeButton(cancel)
    clicked = _answer(box)
    if clicked is read_only:
        return OpenChoice.READ_ONLY
    if show is not None and clicked is show:
        return OpenChoice.SHOW_OPEN
    return OpenChoice.CANCEL


def restore_left_behind(
    editor: Editor, left: LeftBehind, near: MainWindow | None, offered: Collection[str]
) -> MainWindow | None:
    """Offer one map left unsaved: restore it (its new window), discard it, or keep it for
    later (None for both). ``offered`` are the sessions offered with it, held by this
    editor meanwhile: none of them is another editor's."""
    note = left.note
    assert note is not None  # only sessions worth offering are offered
    box = _question(
        near, "Restore unsaved work", f"Journey Editor stopped before {_which(note)} was saved.",
        f"{_when_and_how_much(note)}\n\nRestore opens the map as it was after its last edit. "
        "Not Now keeps it to be offered again at the next start (or File → Restore "
        "Unsaved Maps); Discard throws those edits away.",
    )
    restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Not Now", QMessageBox.ButtonRole.RejectRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(restore)
    clicked = _answer(box)
    if clicked is discard:
        left.discard()
        return None
    if clicked is not restore:
        left.let_go()
        return None
    try:
        journey = left.journey()
    except JourneyError as error:
        left.let_go()
        reason = JourneyError(f"{note.name}: {error}")
        show_journey_error(near, "Could not restore the map", reason)
        return None
    # The file may be open already, as it was on disk (given on the command line): the
    # restored map takes the place of that window unless it has edits of its own. Open with
    # edits here, or in another running editor, the restored map is shown read-only.
    same = editor.window_editing(note.source) if note.source is not None else None
    if same is not None:
        read_only = same.document.modified
    else:
        read_only = note.source is not None and editor.in_another_editor(
            note.source, restoring=offered
        )
    window = editor.show_journey(
        journey, note.source, near, name=note.name, unsaved=True, read_only=read_only,
        unsaved_before=note.unsaved_edits,
    )
    if same is not None and not read_only:
        same.close()
    if window.document.session is not None:
        left.discard()  # its work now lives in the restored map's own working copy
    elif read_only:
        editor.keep_until_saved(window, left)
    else:
        left.let_go()
    if read_only:
        window.tell(
            f"Restored {note.name} read-only, as the file is being edited elsewhere: "
            "Save As to keep the restored edits"
        )
    else:
        window.tell(f"Restored {note.name}: save it to keep the restored edits")
    return window


def _which(note: SessionNote) -> str:
    if note.source is None:
        return f"the new map “{note.name}”"
    return f"“{note.name}” ({note.source.parent})"


def _when_and_how_much(note: SessionNote) -> str:
    edited = "at an unknown time"
    if note.last_edit_at is not None:
        edited = _spoken_time(note.last_edit_at)
    count = note.unsaved_edits
    if count == 0:
        return f"Last edited {edited}; it was never saved."
    return f"Last edited {edited}, with {count} unsaved edit{'' if count == 1 else 's'}."


def _spoken_time(moment: datetime) -> str:
    """'today at 14:02', or 'on 21 Nov 2026 at 09:15', in the machine's time zone."""
    local = moment.astimezone()
    clock = local.strftime("%H:%M")
    if local.date() == datetime.now().astimezone().date():
        return f"today at {clock}"
    return f"on {local.day} {local.strftime('%b %Y')} at {clock}"


def _answer(box: QMessageBox) -> QAbstractButton | None:
    """The button clicked; None when the box was closed, or went with its window (a window
    closed while the question was up deletes the box under it)."""
    box.exec()
    return box.clickedButton() if shiboken6.isValid(box) else None


def _question(parent: QWidget | None, title: str, text: str, detail: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    # File names and map titles are data, never markup.
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setInformativeText(detail)
    return box
