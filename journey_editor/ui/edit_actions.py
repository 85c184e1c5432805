"""The Edit menu of a window: undo and redo by name, the clipboard, and adding to the map.

Every action here ends in one verb of the document, so each is one step of undo.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from journey_editor.model import CardKind, JourneyError
from journey_editor.ui import clipboard
from journey_editor.ui.actions import make_action

if TYPE_CHECKING:
    from journey_editor.ui.main_window import MainWindow


class EditActions:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        stack = window.document.undo_stack
        standard = QKeySequence.StandardKey
        # Named after the command ("Undo Move 3 cards"), and committing any typing first, so
        # a field finished by the undo's own selection change cannot push mid-undo.
        self.undo_action = make_action(window, "&Undo", standard.Undo, self.undo)
        self.redo_action = make_action(window, "&Redo", standard.Redo, self.redo)
        # Ctrl+Shift+Z and Ctrl+Y both, whichever the platform's standard list leaves out.
        redo_keys = [*QKeySequence.keyBindings(standard.Redo)]
        for extra in ("Ctrl+Shift+Z", "Ctrl+Y"):
            if QKeySequence(extra) not in redo_keys:
                redo_keys.append(QKeySequence(extra))
        self.redo_action.setShortcuts(redo_keys)
        stack.indexChanged.connect(self._name_undo_and_redo)
        self._name_undo_and_redo()
        self.cut_action = make_action(window, "Cu&t", standard.Cut, self.cut)
        self.copy_action = make_action(window, "&Copy", standard.Copy, self.copy)
        self.paste_action = make_action(window, "&Paste", standard.Paste, self.paste)
        self.duplicate_action = make_action(window, "D&uplicate", "Ctrl+D", self.duplicate)
        self.delete_action = make_action(window, "&Delete", standard.Delete, self.delete)
        self.select_all_action = make_action(
            window, "Select &All", standard.SelectAll, window.scene.select_all_cards
        )
        self.new_card_action = make_action(window, "New &card", ["Ins", "Ctrl+Return"],
                                           self.new_card)
        self.rename_action = make_action(window, "&Rename", "F2", self.rename)
        self.add_stage_action = make_action(
            window, "Add &stage", "Ctrl+Shift+Right", self.add_stage
        )
        self.add_lane_action = make_action(
            window, "Add &lane", "Ctrl+Shift+Down", self.add_lane
        )

    @property
    def canvas_actions(self) -> tuple[QAction, ...]:
        """The actions on the map's selection, whose keys mean something else in a panel
        (Delete in a table, Ctrl+C in a text field)."""
        return (
            self.cut_action, self.copy_action, self.paste_action, self.duplicate_action,
            self.delete_action, self.select_all_action, self.new_card_action, self.rename_action,
            self.add_stage_action, self.add_lane_action,
        )

    def fill(self, menu: QMenu) -> None:
        for group in (
            (self.undo_action, self.redo_action),
            (self.cut_action, self.copy_action, self.paste_action, self.duplicate_action,
             self.delete_action, self.select_all_action),
            (self.new_card_action, self.rename_action, self.add_stage_action,
             self.add_lane_action),
        ):
            for action in group:
                menu.addAction(action)
            menu.addSeparator()

    def undo(self) -> None:
        self.window.commit_typing()
        self.window.document.undo_stack.undo()

    def redo(self) -> None:
        self.window.commit_typing()
        self.window.document.undo_stack.redo()

    def _name_undo_and_redo(self) -> None:
        stack = self.window.document.undo_stack
        # The stack still signals while Qt tears the window down.
        if not (shiboken6.isValid(stack) and shiboken6.isValid(self.undo_action)):
            return
        for action, verb, able, text in (
            (self.undo_action, "&Undo", stack.canUndo(), stack.undoText()),
            (self.redo_action, "&Redo", stack.canRedo(), stack.redoText()),
        ):
            action.setEnabled(able)
            action.setText(f"{verb} {text}" if able else verb)

    # The clipboard --------------------------------------------------------------------------

    def copy(self) -> bool:
        ids = self.window.scene.selected_card_ids()
        if not ids:
            self.window.tell("Select cards to copy")
            return False
        journey = self.window.document.journey
        clipboard.put_cards([journey.card(i) for i in ids], list(journey.links.values()))
        return True

    def cut(self) -> None:
        if self.copy():
            self.window.document.remove_cards(self.window.scene.selected_card_ids(), verb="Cut")

    def paste(self) -> None:
        cell = self._cell()
        if cell is None:
            return
        kind = self.window.palette.current_kind()
        self._attempt(
            lambda: self.window.document.paste_cards(*clipboard.take_cards(kind, *cell), *cell)
        )

    def duplicate(self) -> None:
        ids = self.window.scene.selected_card_ids()
        if ids:
            self._attempt(lambda: self.window.document.duplicate_cards(ids))

    def delete(self) -> None:
        """Delete the selected cards; or else the selected links; or else the emotion point,
        stage or lane last clicked, so those are removed from the keyboard too."""
        scene, document = self.window.scene, self.window.document
        cards, links = scene.selected_card_ids(), scene.selected_link_ids()
        kind, item_id = scene.focus
        if cards:
            document.remove_cards(cards)
        elif links:
            for link_id in links:
                document.remove_link(link_id)
        elif kind == "emotion":
            self._attempt(lambda: document.remove_emotion_point(item_id))
        elif kind == "stage":
            self._attempt(lambda: document.remove_stage(item_id))
        elif kind == "lane":
            self._attempt(lambda: document.remove_lane(item_id))

    # Adding ---------------------------------------------------------------------------------

    def new_card(self, kind: CardKind | None = None) -> None:
        """A card (of the palette's kind unless given) at the end of the current cell, its
        title being typed."""
        cell = self._cell()
        if cell is not None:
            kind = kind or self.window.palette.current_kind()
            self._attempt(
                lambda: self.window.scene.edit_title(self.window.document.add_card(kind, *cell))
            )

    def rename(self) -> None:
        """Type a new name for the one selected card, or the stage or lane last clicked, or a
        new label for the emotion point."""
        scene = self.window.scene
        ids = scene.selected_card_ids()
        kind, item_id = scene.focus
        if len(ids) == 1:
            scene.edit_title(ids[0])
        elif kind == "emotion":
            scene.edit_point_label(item_id)
        elif kind == "stage":
            scene.rename_stage(item_id)
        elif kind == "lane":
            scene.rename_lane(item_id)

    def add_stage(self) -> None:
        """A new stage after the current one (or at the end), its name being typed."""
        document, scene = self.window.document, self.window.scene
        index = self._after_current(0, document.journey.stage_index)
        self._attempt(lambda: scene.rename_stage(document.add_stage(index=index)))

    def add_lane(self) -> None:
        """A new lane below the current one (or at the bottom), its name being typed."""
        document, scene = self.window.document, self.window.scene
        index = self._after_current(1, document.journey.lane_index)
        self._attempt(lambda: scene.rename_lane(document.add_lane(index=index)))

    def _after_current(self, part: int, index_of: Callable[[str], int]) -> int | None:
        """The place after the current cell's stage (part 0) or lane (part 1), if any."""
        cell = self.window.scene.current_cell()
        return index_of(cell[part]) + 1 if cell is not None else None

    def _cell(self) -> tuple[str, str] | None:
        cell = self.window.scene.current_cell()
        if cell is None:
            self.window.tell("Click a cell or select a card first")
        return cell

    def _attempt(self, edit: Callable[[], object]) -> None:
        """Run an edit; a refusal is said in the status bar, and nothing changed."""
        try:
            edit()
        except JourneyError as error:
            self.window.tell(str(error))
