"""The keyboard on the map, and panning with the middle button or Space."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from test_canvas_scene import Canvas, open_canvas

from journey_editor.model import Journey

NO_KEYS = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def canvas(qtbot: QtBot, sample: Journey) -> Canvas:
    shown = open_canvas(qtbot, sample)
    shown.view.setFocus()
    return shown


def press(canvas: Canvas, key: Qt.Key) -> None:
    QTest.keyClick(canvas.viewport, key)


def test_arrows_walk_the_cards(canvas: Canvas) -> None:
    journey = canvas.journey
    first_stage, second_stage = journey.stages[0].id, journey.stages[1].id
    top, below = journey.lanes[0].id, journey.lanes[1].id
    cell = journey.cards_in(first_stage, top)
    press(canvas, Qt.Key.Key_Down)  # nothing selected: the map's first card
    assert canvas.scene.selected_card_ids() == [cell[0].id]
    press(canvas, Qt.Key.Key_Right)
    assert canvas.scene.selected_card_ids() == [journey.cards_in(second_stage, top)[0].id]
    press(canvas, Qt.Key.Key_Left)
    for _ in cell:
        press(canvas, Qt.Key.Key_Down)
    assert canvas.scene.selected_card_ids() == [journey.cards_in(first_stage, below)[0].id]
    press(canvas, Qt.Key.Key_Up)
    assert canvas.scene.selected_card_ids() == [cell[-1].id]
    # Within a cell of several cards, down goes to the next one in it.
    touchpoints = journey.cards_in(first_stage, "touchpoints")
    canvas.scene.select_cards([touchpoints[0].id])
    press(canvas, Qt.Key.Key_Down)
    assert canvas.scene.selected_card_ids() == [touchpoints[1].id]
    press(canvas, Qt.Key.Key_Escape)
    assert canvas.scene.selected_card_ids() == []
    assert canvas.document.undo_stack.count() == 0


def test_enter_edits_the_one_selected_card(canvas: Canvas) -> None:
    card = next(iter(canvas.journey.cards))
    canvas.scene.select_cards([card])
    press(canvas, Qt.Key.Key_Return)
    assert canvas.scene.editor is not None


def test_the_middle_button_pans(canvas: Canvas) -> None:
    canvas.view.set_zoom(1.0)
    bars = canvas.view.horizontalScrollBar(), canvas.view.verticalScrollBar()
    before = [bar.value() for bar in bars]
    middle = Qt.MouseButton.MiddleButton
    QTest.mousePress(canvas.viewport, middle, NO_KEYS, QPoint(500, 500))
    QTest.mouseMove(canvas.viewport, QPoint(400, 450))
    QTest.mouseRelease(canvas.viewport, middle, NO_KEYS, QPoint(400, 450))
    assert [bar.value() for bar in bars] == [before[0] + 100, before[1] + 50]
    assert canvas.scene.selected_card_ids() == []


def test_space_and_a_left_drag_pan_rather_than_select(canvas: Canvas) -> None:
    canvas.view.set_zoom(1.0)
    bar = canvas.view.verticalScrollBar()
    before = bar.value()
    QTest.keyPress(canvas.view, Qt.Key.Key_Space)
    card = next(iter(canvas.journey.cards))
    start = canvas.at(canvas.card_centre(card))
    QTest.mousePress(canvas.viewport, Qt.MouseButton.LeftButton, NO_KEYS, start)
    QTest.mouseMove(canvas.viewport, start + QPoint(0, -80))
    QTest.mouseRelease(canvas.viewport, Qt.MouseButton.LeftButton, NO_KEYS, start + QPoint(0, -80))
    QTest.keyRelease(canvas.view, Qt.Key.Key_Space)
    assert bar.value() == before + 80
    assert canvas.document.undo_stack.count() == 0
