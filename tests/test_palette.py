"""The card palette: every kind with its canvas cue, what a drag carries, Enter to add."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journey_editor.canvas.mime import CARD_KIND_MIME
from journey_editor.layout import CARD_CUES
from journey_editor.model import CardKind
from journey_editor.ui.palette import CardPalette, card_kind_mime


@pytest.fixture
def palette(qtbot: QtBot) -> CardPalette:
    shown = CardPalette()
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    return shown


def test_every_kind_is_listed_with_its_label_and_cue(palette: CardPalette) -> None:
    rows = [palette.list.item(row) for row in range(palette.list.count())]
    assert [item.text() for item in rows] == [cue.label for cue in CARD_CUES.values()]
    assert all(not item.icon().isNull() for item in rows)
    assert all(item.toolTip() for item in rows)


@pytest.mark.parametrize("kind", list(CardKind))
def test_the_drag_data_is_the_kinds_value(kind: CardKind) -> None:
    data = card_kind_mime(kind)
    assert data.formats() == [CARD_KIND_MIME]
    assert bytes(data.data(CARD_KIND_MIME).data()) == kind.value.encode()


def test_card_kind_mime_carries_a_pain_point_as_bytes() -> None:
    assert bytes(card_kind_mime(CardKind.PAIN_POINT).data(CARD_KIND_MIME).data()) == b"pain_point"


def test_a_drag_from_the_list_carries_the_current_kind(
    palette: CardPalette, monkeypatch: pytest.MonkeyPatch
) -> None:
    carried: list[bytes] = []
    actions: list[Qt.DropAction] = []

    def exec_(drag: QDrag, action: Qt.DropAction) -> Qt.DropAction:
        mime = drag.mimeData()
        assert isinstance(mime, QMimeData)
        carried.append(bytes(mime.data(CARD_KIND_MIME).data()))
        actions.append(action)
        return action

    monkeypatch.setattr(QDrag, "exec", exec_)
    palette.list.setCurrentRow(list(CARD_CUES).index(CardKind.OPPORTUNITY))
    palette.list.startDrag(Qt.DropAction.CopyAction)
    assert carried == [b"opportunity"]
    assert actions == [Qt.DropAction.CopyAction]


def test_enter_asks_for_a_card_of_the_current_kind(qtbot: QtBot, palette: CardPalette) -> None:
    palette.setFocus()
    QApplication.processEvents()
    assert palette.list.hasFocus()
    assert palette.current_kind() is CardKind.TOUCHPOINT
    qtbot.keyClick(palette.list, Qt.Key.Key_Down)
    qtbot.keyClick(palette.list, Qt.Key.Key_Down)
    assert palette.current_kind() is CardKind.THOUGHT
    with qtbot.waitSignal(palette.kind_activated) as asked:
        qtbot.keyClick(palette.list, Qt.Key.Key_Return)
    assert asked.args == [CardKind.THOUGHT]
    with qtbot.waitSignal(palette.kind_activated) as asked:
        qtbot.keyClick(palette.list, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert asked.args == [CardKind.THOUGHT]


def test_a_double_click_asks_for_a_card_of_that_kind(qtbot: QtBot, palette: CardPalette) -> None:
    row = list(CARD_CUES).index(CardKind.PAIN_POINT)
    where = palette.list.visualItemRect(palette.list.item(row)).center()
    viewport = palette.list.viewport()
    with qtbot.waitSignal(palette.kind_activated) as asked:
        # A view takes a double click on the item its first click pressed, as a mouse sends it.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    assert asked.args == [CardKind.PAIN_POINT]
