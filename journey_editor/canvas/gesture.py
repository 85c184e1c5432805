"""A pointer gesture in progress: what the scene hands its mouse events to until it ends.

Each gesture moves items for show while it lasts and ends in at most one document verb, so
the model, the undo stack and the file only ever see whole edits.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication, QGraphicsSceneMouseEvent


class Gesture:
    # Whether the view scrolls along (x, y) while the pointer is near its edge.
    SCROLLS_AT_EDGES = (True, True)

    def press(self, event: QGraphicsSceneMouseEvent) -> None:
        """A press while the gesture lasts (gestures that finish with a click)."""

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        """The pointer moved."""

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        """The button went up."""

    def cancel(self) -> None:
        """Escape, or the map changed underneath: put everything back and commit nothing."""

    @property
    def finished(self) -> bool:
        """True once the scene should forget the gesture."""
        return True


class PressThenDrag(Gesture):
    """A press that becomes a drag once the pointer moves past the platform's drag distance.

    Until then it is a click, which ``clicked`` handles on release.
    """

    def __init__(self, event: QGraphicsSceneMouseEvent) -> None:
        self.origin: QPointF = event.scenePos()
        self._screen_origin = event.screenPos()
        self.dragging = False
        self._done = False

    @property
    def finished(self) -> bool:
        return self._done

    def move(self, event: QGraphicsSceneMouseEvent) -> None:
        if not self.dragging:
            distance = (event.screenPos() - self._screen_origin).manhattanLength()
            if distance < QApplication.startDragDistance():
                return
            self.dragging = True
            self.begin()
        self.drag_to(event.scenePos())

    def release(self, event: QGraphicsSceneMouseEvent) -> None:
        self._done = True
        if self.dragging:
            self.drag_to(event.scenePos())
            self.drop(event.scenePos())
        else:
            self.clicked()

    def cancel(self) -> None:
        self._done = True
        if self.dragging:
            self.abandon()

    def begin(self) -> None:
        """The press became a drag: get ready (raise items, precompute drop targets)."""

    def drag_to(self, pos: QPointF) -> None:
        """Follow the pointer; no model change."""

    def drop(self, pos: QPointF) -> None:
        """Put items back and ask the document for the one verb the drag means."""

    def abandon(self) -> None:
        """Put items back; no verb."""

    def clicked(self) -> None:
        """Press and release without a drag."""
