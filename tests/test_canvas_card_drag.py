"""Dragging cards with the mouse: to another cell, within a cell, several at once."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from test_canvas_scene import (
    LEFT,
    Canvas,
    assert_items_match_layout,
    assert_undo_redo_and_save,
    open_canvas,
)

from journey_editor.canvas.paint import CARD_Z, DRAG_Z
from journey_editor.model import Journey

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def canvas(qtbot: QtBot, sample: Journey) -> Canvas:
    return open_canvas(qtbot, sample)


def test_a_card_dragged_to_another_cell_lands_there(canvas: Canvas, tmp_path: Path) -> None:
    journey = canvas.journey
    before = copy.deepcopy(journey)
    card = journey.cards_in(journey.stages[0].id, journey.lanes[1].id)[0]
    target_stage, target_lane = journey.stages[3].id, journey.lanes[2].id
    staying = journey.cards_in(target_stage, target_lane)
    canvas.drag(canvas.card_centre(card.id), canvas.cell_point(target_stage, target_lane))
    moved = journey.cards[card.id]
    assert (moved.stage_id, moved.lane_id) == (target_stage, target_lane)
    assert moved.position == len(staying)  # dropped below the cards there: at the end
    assert canvas.scene.selected_card_ids() == [card.id]
    assert_items_match_layout(canvas)
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_a_card_dragged_up_its_cell_is_reordered(canvas: Canvas, tmp_path: Path) -> None:
    journey = canvas.journey
    stage, lane = journey.stages[0].id, "touchpoints"
    cell = journey.cards_in(stage, lane)
    assert len(cell) >= 3
    before = copy.deepcopy(journey)
    last = cell[-1]
    first_top = canvas.scene.card_items[cell[0].id].sceneBoundingRect().top()
    start = canvas.card_centre(last.id)
    canvas.drag(start, QPointF(start.x(), first_top + 2))
    assert [c.id for c in journey.cards_in(stage, lane)] == [last.id] + [c.id for c in cell[:-1]]
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_ctrl_click_builds_a_selection_that_moves_together(
    canvas: Canvas, tmp_path: Path
) -> None:
    journey = canvas.journey
    first = journey.cards_in(journey.stages[0].id, journey.lanes[0].id)[0]
    second = journey.cards_in(journey.stages[2].id, journey.lanes[1].id)[0]
    before = copy.deepcopy(journey)
    canvas.click(canvas.card_centre(first.id))
    canvas.click(canvas.card_centre(second.id), CTRL)
    assert canvas.scene.selected_card_ids() == [first.id, second.id]
    target_stage, target_lane = journey.stages[5].id, journey.lanes[5].id
    canvas.drag(canvas.card_centre(second.id), canvas.cell_point(target_stage, target_lane))
    cell = [c.id for c in journey.cards_in(target_stage, target_lane)]
    assert cell[-2:] == [first.id, second.id]
    assert canvas.scene.selected_card_ids() == [first.id, second.id]
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_ctrl_click_on_a_selected_card_deselects_it(canvas: Canvas) -> None:
    journey = canvas.journey
    first, second = journey.cards_in(journey.stages[0].id, "touchpoints")[:2]
    canvas.click(canvas.card_centre(first.id))
    canvas.click(canvas.card_centre(second.id), CTRL)
    canvas.click(canvas.card_centre(first.id), CTRL)
    assert canvas.scene.selected_card_ids() == [second.id]
    assert canvas.document.undo_stack.count() == 0


def test_a_rubber_band_selects_the_cards_it_touches(canvas: Canvas) -> None:
    journey = canvas.journey
    stage, lane = journey.stages[0].id, journey.lanes[0].id
    cell = canvas.scene.layout.cell(stage, lane).rect
    canvas.drag(QPointF(cell.x + 3, cell.y + 3), QPointF(cell.right - 3, cell.bottom - 3))
    assert canvas.scene.selected_card_ids() == [c.id for c in journey.cards_in(stage, lane)]
    assert canvas.document.undo_stack.count() == 0


def test_while_dragging_only_items_move(canvas: Canvas) -> None:
    journey = canvas.journey
    card = journey.cards_in(journey.stages[1].id, journey.lanes[0].id)[0]
    before = copy.deepcopy(journey)
    item = canvas.scene.card_items[card.id]
    target = canvas.cell_point(journey.stages[4].id, journey.lanes[4].id)
    canvas.press_and_move(canvas.card_centre(card.id), target)
    assert journey == before
    assert item.zValue() == DRAG_Z  # above the cards of later lanes it passes over
    assert item.sceneBoundingRect().contains(target)
    assert canvas.scene.indicator.isVisible()
    QTest.keyClick(canvas.viewport, Qt.Key.Key_Escape)
    QTest.mouseRelease(canvas.viewport, LEFT, Qt.KeyboardModifier.NoModifier, canvas.at(target))
    assert journey == before
    assert item.zValue() == CARD_Z
    assert not canvas.scene.indicator.isVisible()
    assert_items_match_layout(canvas)


def test_a_drop_where_the_cards_were_changes_nothing(canvas: Canvas) -> None:
    journey = canvas.journey
    card = journey.cards_in(journey.stages[1].id, journey.lanes[0].id)[0]
    start = canvas.card_centre(card.id)
    canvas.drag(start, start + QPointF(15, 3))
    assert canvas.document.undo_stack.count() == 0
    assert_items_match_layout(canvas)


def test_a_drag_near_the_views_edge_scrolls_and_the_card_follows(
    canvas: Canvas, qtbot: QtBot
) -> None:
    journey = canvas.journey
    canvas.view.set_zoom(1.0)
    canvas.view.show_start()
    card = journey.cards_in(journey.stages[0].id, journey.lanes[0].id)[0]
    item = canvas.scene.card_items[card.id]
    bar = canvas.view.verticalScrollBar()
    before = bar.value()
    near_bottom = QPoint(canvas.viewport.width() // 3, canvas.viewport.height() - 4)
    QTest.mousePress(canvas.viewport, LEFT, Qt.KeyboardModifier.NoModifier,
                     canvas.at(canvas.card_centre(card.id)))
    QTest.mouseMove(canvas.viewport, near_bottom - QPoint(0, 200))
    QTest.mouseMove(canvas.viewport, near_bottom)
    qtbot.waitUntil(lambda: bar.value() > before + 150, timeout=5000)
    following = item.sceneBoundingRect().contains(canvas.view.mapToScene(near_bottom))
    QTest.mouseRelease(canvas.viewport, LEFT, Qt.KeyboardModifier.NoModifier, near_bottom)
    assert following
    assert journey.cards[card.id].lane_id != journey.lanes[0].id  # carried down the map
    assert_items_match_layout(canvas)
