"""What every document verb goes through: the journey, its file, the undo stack, the signals.

A verb applies its model function once, then pushes one command that can do and undo it
again; views hear of each do, undo and redo through ``changed`` and ``selection_wanted``.
Each do, undo and redo is committed at once to the document's working copy (its session),
so a crash loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from journey_editor.document.commands import EditCommand, Step
from journey_editor.model import Journey, JourneyError
from journey_editor.store import SUFFIX, save_journey
from journey_editor.store.backups import BackupShelf
from journey_editor.store.sessions import Session


class DocumentCore(QObject):
    """A journey being edited: the model, where it is saved, and its undo stack."""

    # After every edit, undo and redo: views lay the map out again and update their items.
    changed = Signal()
    # The cards a view should select after an edit, an undo or a redo.
    selection_wanted = Signal(list)
    # The emotion point a view should select after an edit of it is done, undone or redone.
    # Its own signal: a point's id from someone else's file may equal a card's.
    point_wanted = Signal(str)
    # The file the document is saved to changed (Save As), or its modified mark did.
    file_changed = Signal()
    # The working copy could not keep up with an edit (a full disk): the one-line reason.
    working_copy_failed = Signal(str)

    def __init__(
        self,
        journey: Journey,
        path: Path | None = None,
        parent: QObject | None = None,
        name: str | None = None,
        unsaved: bool = False,
        read_only: bool = False,
        unsaved_before: int = 0,
    ) -> None:
        super().__init__(parent)
        self.journey = journey
        # Only a .journey file is saved back to; a map imported from JSON is saved as new.
        self.path = path if path is not None and path.suffix == SUFFIX else None
        self.name = name or (path.name if path is not None else "Untitled")
        # A map open elsewhere, shown read-only: edits are refused, Save asks where to save.
        self.read_only = read_only
        # Where Save As first looks, and the name it suggests, for a map with no file yet
        # (an earlier saved version of a file offers that file).
        self.folder: Path | None = None
        self.save_name: str | None = self._copy_name() if read_only else None
        # Where the working copy is; None until the editor gives it one (and for read-only).
        self.session: Session | None = None
        # Where a save without a session (a read-only map saved elsewhere, a data folder that
        # cannot hold working copies) keeps the file it replaces; a session keeps its own.
        self.backups: BackupShelf | None = None
        self.undo_stack = QUndoStack(self)
        # Edits a restored map had before it was restored: they count as unsaved too.
        self._unsaved_before = unsaved_before
        # True while views hear of an edit, an undo or a redo; see _push_applied.
        self._telling_views = False
        self.undo_stack.cleanChanged.connect(self.file_changed)
        self.undo_stack.indexChanged.connect(self._keep_working_copy)
        if unsaved:  # a map made from another file (an import): modified before any edit
            self.undo_stack.resetClean()

    # The file ------------------------------------------------------------------------------

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def unsaved_edits(self) -> int:
        """How many edits (and undos) lie between the map and its file."""
        stack = self.undo_stack
        if stack.isClean():
            return 0
        if stack.cleanIndex() < 0:  # never saved in this window: every step counts
            return self._unsaved_before + stack.index()
        return abs(stack.index() - stack.cleanIndex())

    @property
    def pristine(self) -> bool:
        """Never edited and never saved: a window may reuse it for the next map opened."""
        stack = self.undo_stack
        return self.path is None and stack.count() == 0 and stack.cleanIndex() == 0

    def save(self, path: Path | None = None) -> str | None:
        """Write the map to ``path`` (or where it came from) whole; JourneyError if it cannot.

        Returns a note for the user when the save worked but the file's earlier version
        could not be kept among the backups.
        """
        target = path or self.path
        if target is None or (self.read_only and path is None):
            raise JourneyError("choose where to save the map")
        note = None
        if self.session is not None:
            note = self.session.save(self.journey, target)
        elif self.backups is not None:
            note = self.backups.save_over(target, lambda file: save_journey(self.journey, file))
        else:
            save_journey(self.journey, target)
        self.path, self.name, self.read_only = target, target.name, False
        self._unsaved_before = 0
        self.undo_stack.setClean()
        self.file_changed.emit()
        return note

    def make_read_only(self) -> None:
        """Refuse edits from now on: the file has been saved over from elsewhere, and saving
        this map back would undo that save. Save As still keeps a copy."""
        self.read_only = True
        self.save_name = self._copy_name()
        # Undo and redo would change the map behind the refusal; the map is as saved, so
        # the history holds nothing unsaved.
        self.undo_stack.clear()
        self.file_changed.emit()

    def _copy_name(self) -> str:
        return f"{Path(self.name).stem} (copy){SUFFIX}"

    def _keep_working_copy(self) -> None:
        """Commit the edit just done, undone or redone to the working copy."""
        if self.session is None:
            return
        try:
            self.session.record_edit(self.journey, self.unsaved_edits, self.modified)
        except JourneyError as error:
            self.working_copy_failed.emit(str(error))

    # Undo plumbing -------------------------------------------------------------------------

    def _update(
        self, item: Any, changes: dict[str, Any], noun: str,
        apply: Callable[..., dict[str, Any]], selected: list[str] | None = None,
        text: str | None = None, points: bool = False,
    ) -> None:
        """Change fields of one thing, as one command named ``text`` (else "Edit <noun>"),
        unless nothing would change."""
        changes = {name: value for name, value in changes.items() if getattr(item, name) != value}
        if not changes:
            return
        before = apply(**changes)
        if all(getattr(item, name) == value for name, value in before.items()):
            return  # the model normalised the value back to what it was ("Awareness ")
        verb = "Rename" if set(changes) <= {"name", "title"} else "Edit"
        self._push_applied(
            text or f"{verb} {noun}", lambda: apply(**changes), lambda: apply(**before),
            selected=selected, selected_before=selected, points=points,
        )

    def _push(
        self, text: str, do: Step, undo: Step, selected: list[str] | None = None,
        selected_before: list[str] | None = None, points: bool = False,
    ) -> None:
        do()
        self._push_applied(text, do, undo, selected, selected_before, points)

    def _push_applied(
        self, text: str, do: Step, undo: Step, selected: list[str] | None = None,
        selected_before: list[str] | None = None, points: bool = False,
    ) -> None:
        """Push an edit already made. ``selected`` and ``selected_before`` are what to select
        after it is done and undone: cards, or with ``points`` an emotion point."""
        if self.read_only:
            undo()
            raise JourneyError(
                f"“{self.name}” is open read-only: Save As makes a copy you can edit"
            )
        if self._telling_views:
            # A view reacting to an undo (a panel committing a field as the selection moves)
            # would push while the stack is undoing and break its order: refuse, unchanged.
            undo()
            raise JourneyError("an edit cannot start while another is being undone or redone")
        self.undo_stack.push(
            EditCommand(
                text, do, undo, self._after_point_edit if points else self._after_edit,
                selected_after_do=selected or [],
                selected_after_undo=selected_before or [],
            )
        )

    def _after_edit(self, selected: list[str]) -> None:
        self._telling_views = True
        try:
            self.changed.emit()
            self.selection_wanted.emit([i for i in selected if i in self.journey.cards])
        finally:
            self._telling_views = False

    def _after_point_edit(self, selected: list[str]) -> None:
        self._telling_views = True
        try:
            self.changed.emit()
            points = [i for i in selected if i in self.journey.emotion_points]
            if points:
                self.point_wanted.emit(points[0])
            else:
                self.selection_wanted.emit([])
        finally:
            self._telling_views = False
