"""The card palette: the ten kinds of card, to drag onto a cell or add from the keyboard.

Each kind shows the cue it has on the canvas (paper, outline, glyph in its accent colour)
beside its label, so no kind is told apart by colour alone.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QDrag, QFontMetricsF, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from journey_editor.canvas import card_look, scene_font
from journey_editor.canvas.mime import CARD_KIND_MIME
from journey_editor.layout import CARD_CUES, DEFAULT_FONTS, FontRole
from journey_editor.model import CardKind

KINDS = list(CARD_CUES)
ICON_SIZE = 28
CHIP_PADDING = 8
CHIP_RADIUS = 5.0

HINTS = {
    CardKind.TOUCHPOINT: "Where the customer meets the brand: an ad, a page, a call, a store",
    CardKind.ACTION: "What the customer does",
    CardKind.THOUGHT: "What the customer asks or tells themselves, often an interview quote",
    CardKind.PAIN_POINT: "Where the experience hurts, rated by severity",
    CardKind.OPPORTUNITY: "What to do about a pain point, with an owner, impact and effort",
    CardKind.MOMENT_OF_TRUTH: "A moment that makes or breaks the relationship",
    CardKind.BACKSTAGE_ACTION: "What staff do out of the customer's sight",
    CardKind.SUPPORT_PROCESS: "The systems and teams that make the service work",
    CardKind.EVIDENCE: "Physical evidence: what the customer sees, holds or receives",
    CardKind.NOTE: "Anything else worth writing on the map",
}


def card_kind_mime(kind: CardKind) -> QMimeData:
    """What a card kind dragged from the palette carries: its value, e.g. b"pain_point"."""
    data = QMimeData()
    data.setData(CARD_KIND_MIME, QByteArray(kind.value.encode()))
    return data


def kind_chip(kind: CardKind, text: str, height: int, ratio: float) -> QPixmap:
    """A small card of the kind's paper and outline, ``text`` on it in the kind's accent.

    ``ratio`` is the screen's device pixel ratio, so the chip is sharp on a HiDPI screen.
    """
    font = scene_font(DEFAULT_FONTS[FontRole.CAPTION])
    font.setPixelSize(max(height // 2, 1))
    width = max(height, QFontMetricsF(font).horizontalAdvance(text) + 2 * CHIP_PADDING)
    pixmap = QPixmap(QSize(round(width * ratio), round(height * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    look = card_look(kind)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(look.outline)
    painter.setBrush(look.fill)
    paper = QRectF(0, 0, width, height).adjusted(1.5, 1.5, -1.5, -1.5)
    painter.drawRoundedRect(paper, CHIP_RADIUS, CHIP_RADIUS)
    painter.setPen(look.accent)
    painter.setFont(font)
    painter.drawText(paper, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


class _KindList(QListWidget):
    """The kinds, one a row: a drag carries the kind; Enter asks for a card of it."""

    enter_pressed = Signal()

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        row = self.currentRow()
        if row < 0:
            return
        kind = KINDS[row]
        cue = CARD_CUES[kind]
        drag = QDrag(self)
        drag.setMimeData(card_kind_mime(kind))
        chip = kind_chip(kind, f"{cue.glyph} {cue.label}", ICON_SIZE, self.devicePixelRatioF())
        drag.setPixmap(chip)
        drag.setHotSpot(QPoint(CHIP_PADDING, ICON_SIZE // 2))
        drag.exec(Qt.DropAction.CopyAction)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
        else:
            super().keyPressEvent(event)


class CardPalette(QWidget):
    """The card kinds for a dock: drag one onto a cell, or press Enter to add one."""

    # A person asked for a card of this kind (Enter or double-click): the window adds one to
    # the current cell.
    kind_activated = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = _KindList()
        self.list.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.list.setAccessibleName("Card kinds")
        self.list.setAccessibleDescription(
            "Drag a kind onto a cell, or press Enter to add a card of it to the current cell"
        )
        for kind in KINDS:
            cue = CARD_CUES[kind]
            chip = kind_chip(kind, cue.glyph, ICON_SIZE, self.devicePixelRatioF())
            item = QListWidgetItem(QIcon(chip), cue.label)
            item.setToolTip(HINTS[kind])
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.list)
        self.setFocusProxy(self.list)

        self.list.itemDoubleClicked.connect(self._activate)
        self.list.enter_pressed.connect(self._activate)

    def current_kind(self) -> CardKind:
        return KINDS[max(self.list.currentRow(), 0)]

    def _activate(self) -> None:
        self.kind_activated.emit(self.current_kind())
