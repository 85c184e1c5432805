"""One undoable command per user edit, on Qt's undo stack.

A command is a pair of functions on the model: one that does the edit and one that undoes
it. The edit is done once before the command is pushed, so a refused edit (JourneyError)
never reaches the stack; the stack's first redo() is then skipped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

Step = Callable[[], object]


class EditCommand(QUndoCommand):
    """An edit already applied to the model, with how to apply it again and take it back.

    ``after`` runs after each do and undo with the card ids to select: the document uses it
    to tell the views what changed.
    """

    def __init__(
        self,
        text: str,
        do: Step,
        undo: Step,
        after: Callable[[list[str]], None],
        selected_after_do: list[str],
        selected_after_undo: list[str],
    ) -> None:
        # Before the newline: the name (history panel); after it: the menu's text, where a
        # lone "&" (a stage named "R&D") would be taken as a shortcut mark.
        super().__init__(f"{text}\n{text.replace('&', '&&')}")
        self._do, self._undo, self._after = do, undo, after
        self._selected_after_do = selected_after_do
        self._selected_after_undo = selected_after_undo
        self._applied = True

    def redo(self) -> None:
        if not self._applied:
            self._do()
            self._applied = True
        self._after(self._selected_after_do)

    def undo(self) -> None:
        self._undo()
        self._applied = False
        self._after(self._selected_after_undo)
