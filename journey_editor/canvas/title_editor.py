"""Typing a card's title (or a stage's or lane's name) in place, over the map.

A QLineEdit in the scene: plain text only, so nothing typed or pasted is ever taken as
markup. Enter or a click elsewhere commits with one document verb, Escape cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QGraphicsProxyWidget, QLineEdit

from journey_editor.canvas import emotion_edit
from journey_editor.canvas.items import LaneHeaderItem, StageHeaderItem
from journey_editor.canvas.paint import EDITOR_Z
from journey_editor.layout import FontRole, TextBlock
from journey_editor.layout.emotion import label_block
from journey_editor.model.limits import CARD_TITLE_MAX, NAME_MAX

if TYPE_CHECKING:
    from journey_editor.canvas.scene import JourneyScene

# Focus that leaves for these reasons comes back to the editor: not the end of typing.
PASSING_FOCUS = (Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason)


# While typing, every key is the editor's (Ctrl+D, Insert, Delete ... must not act on the
# map), except these window keys, which commit the typing first.
WINDOW_KEYS = (
    QKeySequence.StandardKey.Save, QKeySequence.StandardKey.SaveAs,
    QKeySequence.StandardKey.Close, QKeySequence.StandardKey.Quit,
)


class LineEditor(QLineEdit):
    cancelled = Signal()
    left = Signal()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and not any(event.matches(key) for key in WINDOW_KEYS)
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            event.accept()
            self.cancelled.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() not in PASSING_FOCUS:
            self.left.emit()


class InlineEditor(QGraphicsProxyWidget):
    def __init__(
        self,
        rect: QRectF,
        text: str,
        font: QFont,
        max_length: int,
        commit: Callable[[str], object],
    ) -> None:
        super().__init__()
        self._commit = commit
        self._original = text
        self._done = False
        self.line_edit = LineEditor()
        self.line_edit.setFont(font)
        self.line_edit.setMaxLength(max_length)
        self.line_edit.setText(text)
        self.line_edit.selectAll()
        self.line_edit.returnPressed.connect(self.finish)
        self.line_edit.left.connect(self.finish)
        self.line_edit.cancelled.connect(self.cancel)
        self.setWidget(self.line_edit)
        self.setGeometry(rect)
        self.setZValue(EDITOR_Z)

    @property
    def done(self) -> bool:
        return self._done

    def start(self) -> None:
        """Take the keyboard (once in a scene)."""
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.line_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def finish(self) -> None:
        """Commit what was typed, if anything changed, and close."""
        if self._done:
            return
        if not shiboken6.isValid(self.line_edit):  # torn down with its window: nothing to keep
            self._done = True
            return
        text = self.line_edit.text()
        self._close()
        if text != self._original:
            self._commit(text)

    def cancel(self) -> None:
        if not self._done:
            self._close()

    def _close(self) -> None:
        # Deleted later, not now: this may run inside the line edit's own signal.
        self._done = True
        self.hide()
        self.deleteLater()


class InPlaceEditing:
    """The scene's one editor at a time: over a card's title, a stage's or a lane's name,
    or the label of a point of the emotion line."""

    def __init__(self, scene: JourneyScene) -> None:
        self._scene = scene
        self.editor: InlineEditor | None = None
        self.target: tuple[str, str] = ("", "")  # what is edited: (kind, id)

    def card_title(self, card_id: str) -> None:
        scene = self._scene
        item = scene.card_items.get(card_id)
        if item is None:
            return
        scene.select_cards([card_id])
        document = scene.document
        self._open(
            ("card", card_id), item.pos(), item.box.title, FontRole.CARD_TITLE,
            document.journey.cards[card_id].title, CARD_TITLE_MAX,
            lambda text: scene.run(lambda: document.update_card(card_id, title=text)),
        )

    def stage_name(self, stage_id: str) -> None:
        document = self._scene.document
        self._header_name(
            "stage", self._scene.stage_items.get(stage_id), FontRole.STAGE_HEADER,
            lambda text: document.update_stage(stage_id, name=text),
        )

    def lane_name(self, lane_id: str) -> None:
        document = self._scene.document
        self._header_name(
            "lane", self._scene.lane_items.get(lane_id), FontRole.LANE_HEADER,
            lambda text: document.update_lane(lane_id, name=text),
        )

    def point_label(self, point_id: str, lane_id: str) -> None:
        """Type the label of a point of the emotion line (on the line of ``lane_id``, or the
        one nearest the middle of the view), where the label is drawn."""
        scene = self._scene
        found = emotion_edit.find_mark(scene, point_id, lane_id)
        if found is None:
            return
        curve, mark = found
        scene.select_point(point_id, curve.lane_id)
        document = scene.document
        self._open(
            ("emotion", point_id), QPointF(mark.at.x, mark.at.y),
            label_block(mark, curve.band, scene.measure), FontRole.CAPTION,
            document.journey.emotion_points[point_id].label, NAME_MAX,
            lambda text: scene.run(lambda: document.update_emotion_point(point_id, label=text)),
        )

    def _header_name(
        self, kind: str, item: StageHeaderItem | LaneHeaderItem | None, role: FontRole,
        rename: Callable[[str], object],
    ) -> None:
        if item is None:
            return
        scene = self._scene
        ident = item.box.stage_id if isinstance(item, StageHeaderItem) else item.box.lane_id
        scene.focus_on(kind, ident)
        self._open(
            (kind, ident), item.pos(), item.box.title, role, item.box.name, NAME_MAX,
            lambda text: scene.run(lambda: rename(text)),
        )

    def close(self) -> None:
        """Commit and close the editor, if one is open."""
        if self.editor is not None:
            editor, self.editor = self.editor, None
            editor.finish()

    def cancel(self) -> None:
        if self.editor is not None:
            editor, self.editor = self.editor, None
            editor.cancel()

    def _open(
        self, target: tuple[str, str], origin: QPointF, block: TextBlock, role: FontRole,
        text: str, max_length: int, commit: Callable[[str], object],
    ) -> None:
        self.close()
        # At least one line high, and a little larger all round than the text it replaces.
        height = max(block.rect.h, block.line_height) + 10
        rect = QRectF(origin.x() + block.rect.x - 4, origin.y() + block.rect.y - 5,
                      block.rect.w + 8, height)
        self.editor = InlineEditor(rect, text, self._scene.fonts[role], max_length, commit)
        self.target = target
        self._scene.addItem(self.editor)
        self.editor.start()
        self._scene.reveal(self.editor, whole=True)
