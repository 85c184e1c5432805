"""Stage and lane headers: dragged to reorder, and their context menus."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot
from test_canvas_scene import Canvas, assert_undo_redo_and_save, open_canvas

from journey_editor.model import Journey, LaneKind


@pytest.fixture
def canvas(qtbot: QtBot, sample: Journey) -> Canvas:
    return open_canvas(qtbot, sample)


def header_point(canvas: Canvas, stage_id: str = "", lane_id: str = "") -> QPointF:
    item = canvas.scene.stage_items[stage_id] if stage_id else canvas.scene.lane_items[lane_id]
    return item.sceneBoundingRect().center()


def action(menu: QMenu, text: str) -> QAction:
    return next(a for a in menu.actions() if a.text() == text)


def test_a_stage_header_dragged_right_moves_the_stage(canvas: Canvas, tmp_path: Path) -> None:
    journey = canvas.journey
    before = copy.deepcopy(journey)
    order = [stage.id for stage in journey.stages]
    start = header_point(canvas, stage_id=order[0])
    boundary = canvas.scene.stage_items[order[3]].sceneBoundingRect().left()
    canvas.drag(start, QPointF(boundary + 10, start.y()))
    assert [stage.id for stage in journey.stages] == [*order[1:3], order[0], *order[3:]]
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_a_lane_header_dragged_up_moves_the_lane(canvas: Canvas, tmp_path: Path) -> None:
    journey = canvas.journey
    before = copy.deepcopy(journey)
    order = [lane.id for lane in journey.lanes]
    start = header_point(canvas, lane_id=order[5])
    boundary = canvas.scene.lane_items[order[1]].sceneBoundingRect().top()
    canvas.press_and_move(start, QPointF(start.x(), boundary + 5))
    assert canvas.scene.indicator.isVisible()
    QTest.mouseRelease(
        canvas.viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        canvas.at(QPointF(start.x(), boundary + 5)),
    )
    assert [lane.id for lane in journey.lanes] == (
        [order[0], order[5], *order[1:5], *order[6:]]
    )
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_a_header_dropped_back_in_place_changes_nothing(canvas: Canvas) -> None:
    stage = canvas.journey.stages[2].id
    start = header_point(canvas, stage_id=stage)
    canvas.drag(start, start + QPointF(30, 0))
    assert canvas.document.undo_stack.count() == 0
    assert canvas.scene.stage_items[stage].pos().x() == canvas.scene.layout.stage_headers[2].rect.x


def test_the_stage_menu_adds_a_stage_and_names_it_in_place(
    canvas: Canvas, tmp_path: Path
) -> None:
    journey = canvas.journey
    before = copy.deepcopy(journey)
    stage = journey.stages[2].id
    menu = canvas.scene.context_menu_at(header_point(canvas, stage_id=stage))
    assert isinstance(menu, QMenu)
    action(menu, "Add stage after").trigger()
    new_stage = journey.stages[3]
    editor = canvas.scene.editor
    assert editor is not None and editor.line_edit.text() == new_stage.name
    editor.line_edit.setText("Onboarding")
    QTest.keyClick(editor.line_edit, Qt.Key.Key_Return)
    assert journey.stages[3].name == "Onboarding"
    assert canvas.focus[-1] == ("stage", new_stage.id)
    assert_undo_redo_and_save(canvas, before, tmp_path, commands=2)


def test_the_lane_menu_adds_a_lane_of_a_kind_above(canvas: Canvas) -> None:
    journey = canvas.journey
    lane = journey.lanes[2].id
    menu = canvas.scene.context_menu_at(header_point(canvas, lane_id=lane))
    assert isinstance(menu, QMenu)
    kinds = action(menu, "Add lane above").menu()
    action(kinds, LaneKind.FRONTSTAGE.label).trigger()
    assert journey.lanes[2].kind is LaneKind.FRONTSTAGE
    assert journey.lanes[3].id == lane
    assert canvas.scene.editor is not None
    assert list(canvas.scene.lane_items) == [lane.id for lane in journey.lanes]


def test_the_menus_delete_stages_and_lanes_but_never_the_last(qtbot: QtBot) -> None:
    journey = Journey(title="Small")
    from journey_editor.model import add_lane, add_stage

    first, second = add_stage(journey, "First"), add_stage(journey, "Second")
    add_lane(journey, "Only lane", LaneKind.CUSTOM)
    canvas = open_canvas(qtbot, journey)
    menu = canvas.scene.context_menu_at(header_point(canvas, stage_id=second.id))
    assert isinstance(menu, QMenu)
    action(menu, "Delete stage").trigger()
    assert [stage.id for stage in journey.stages] == [first.id]
    assert list(canvas.scene.stage_items) == [first.id]
    menu = canvas.scene.context_menu_at(header_point(canvas, stage_id=first.id))
    assert isinstance(menu, QMenu)
    assert not action(menu, "Delete stage").isEnabled()
    lane_menu = canvas.scene.context_menu_at(header_point(canvas, lane_id=journey.lanes[0].id))
    assert isinstance(lane_menu, QMenu)
    assert not action(lane_menu, "Delete lane").isEnabled()


def test_a_double_click_on_a_lane_header_renames_it(canvas: Canvas) -> None:
    lane = canvas.journey.lanes[3]
    QTest.mouseDClick(canvas.viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                      canvas.at(header_point(canvas, lane_id=lane.id)))
    editor = canvas.scene.editor
    assert editor is not None and editor.line_edit.text() == lane.name
    editor.line_edit.setText("Feelings")
    QTest.keyClick(editor.line_edit, Qt.Key.Key_Return)
    assert canvas.journey.lanes[3].name == "Feelings"
    assert canvas.scene.lane_items[lane.id].box.name == "Feelings"
    assert canvas.document.undo_stack.count() == 1
