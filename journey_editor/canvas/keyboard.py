"""Keys on the map: arrows walk the cards, Enter or F2 edits a title, Escape lets go.

With a point of the emotion line selected, the arrows move it instead (up and down the
scale, along the line) and Enter or F2 edits its label. Delete is the window's action.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent

from journey_editor.canvas import emotion_edit
from journey_editor.layout.locate import Direction, neighbour

if TYPE_CHECKING:
    from journey_editor.canvas.scene import JourneyScene

Key = Qt.Key
ARROWS = {
    Key.Key_Left: Direction.LEFT,
    Key.Key_Right: Direction.RIGHT,
    Key.Key_Up: Direction.UP,
    Key.Key_Down: Direction.DOWN,
}
EDIT_KEYS = (Key.Key_Return, Key.Key_Enter, Key.Key_F2)


def handle_key(scene: JourneyScene, event: QKeyEvent) -> bool:
    """Act on a key pressed over the map; False leaves it to the view (to scroll, say)."""
    key = Key(event.key())
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False
    if key == Key.Key_Escape:
        if not scene.cancel_gesture():
            scene.focus_on("map", "")
        return True
    kind, ident = scene.focus
    if kind == "emotion":
        if key in ARROWS:
            emotion_edit.nudge(scene, ident, ARROWS[key])
            return True
        if key in EDIT_KEYS:
            scene.edit_point_label(ident)
            return True
    if key in ARROWS:
        return _step(scene, ARROWS[key])
    selected = scene.selected_card_ids()
    if key in EDIT_KEYS and len(selected) == 1:
        scene.edit_title(selected[0])
        return True
    return False


def _step(scene: JourneyScene, direction: Direction) -> bool:
    """Select the next card that way; with nothing selected, the map's first card."""
    if not scene.layout.cards:
        return False
    anchor = scene.anchor
    if not anchor:
        scene.step_selection(next(iter(scene.layout.cards)))
    else:
        scene.step_selection(neighbour(scene.layout, anchor, direction))
    return True
