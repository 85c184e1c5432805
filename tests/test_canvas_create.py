"""Making cards on the map: dropped from the palette, double-clicked, from the cell's menu;
and typing titles in place."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot
from test_canvas_scene import (
    Canvas,
    assert_items_match_layout,
    assert_undo_redo_and_save,
    open_canvas,
)

from journey_editor.canvas import CARD_KIND_MIME
from journey_editor.canvas.title_editor import InlineEditor
from journey_editor.model import CardKind, Journey

COPY = Qt.DropAction.CopyAction
LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def canvas(qtbot: QtBot, sample: Journey) -> Canvas:
    return open_canvas(qtbot, sample)


def drop_from_palette(canvas: Canvas, payload: bytes, at: QPointF) -> bool:
    """A drag from outside the view, entering, moving over ``at`` and dropping there."""
    mime = QMimeData()
    mime.setData(CARD_KIND_MIME, QByteArray(payload))
    point = canvas.at(at)
    enter = QDragEnterEvent(point, COPY, mime, LEFT, NO_KEYS)
    QApplication.sendEvent(canvas.viewport, enter)
    move = QDragMoveEvent(point, COPY, mime, LEFT, NO_KEYS)
    QApplication.sendEvent(canvas.viewport, move)
    indicator_shown = canvas.scene.indicator.isVisible()
    drop = QDropEvent(QPointF(point), COPY, mime, LEFT, NO_KEYS)
    QApplication.sendEvent(canvas.viewport, drop)
    assert not canvas.scene.indicator.isVisible()
    return indicator_shown and drop.isAccepted()


def open_editor(canvas: Canvas) -> InlineEditor:
    editor = canvas.scene.editor
    assert editor is not None
    return editor


def test_a_kind_dropped_from_the_palette_makes_a_card_there(
    canvas: Canvas, tmp_path: Path
) -> None:
    journey = canvas.journey
    before = copy.deepcopy(journey)
    stage, lane = journey.stages[1].id, journey.lanes[4].id
    cell = journey.cards_in(stage, lane)
    first = canvas.scene.card_items[cell[0].id].sceneBoundingRect()
    assert drop_from_palette(canvas, b"pain_point", QPointF(first.center().x(), first.top() + 2))
    (new_id,) = journey.cards.keys() - before.cards.keys()
    card = journey.cards[new_id]
    assert (card.kind, card.stage_id, card.lane_id, card.position) == (
        CardKind.PAIN_POINT, stage, lane, 0
    )
    editor = open_editor(canvas)
    QTest.keyClicks(editor.line_edit, "Cannot find the VAT button")
    QTest.keyClick(editor.line_edit, Qt.Key.Key_Return)
    assert journey.cards[new_id].title == "Cannot find the VAT button"
    assert canvas.scene.editor is None
    assert_undo_redo_and_save(canvas, before, tmp_path, commands=2)


@pytest.mark.parametrize("payload", [b"", b"dragon", b"\xff\xfe\x00", b"note" * 100])
def test_anything_else_dropped_is_refused_quietly(canvas: Canvas, payload: bytes) -> None:
    before = copy.deepcopy(canvas.journey)
    stage, lane = canvas.journey.stages[0].id, canvas.journey.lanes[0].id
    assert not drop_from_palette(canvas, payload, canvas.cell_point(stage, lane))
    assert canvas.journey == before


def test_a_double_click_on_an_empty_cell_adds_a_card_of_the_lanes_kind(
    canvas: Canvas, tmp_path: Path
) -> None:
    journey = canvas.journey
    before = copy.deepcopy(journey)
    stage = journey.stages[3].id
    lane = next(lane for lane in journey.lanes if lane.kind.value == "opportunities").id
    QTest.mouseDClick(canvas.viewport, LEFT, NO_KEYS, canvas.at(canvas.cell_point(stage, lane)))
    (new_id,) = journey.cards.keys() - before.cards.keys()
    assert journey.cards[new_id].kind is CardKind.OPPORTUNITY
    assert journey.cards_in(stage, lane)[-1].id == new_id
    QTest.keyClick(open_editor(canvas).line_edit, Qt.Key.Key_Escape)
    assert canvas.scene.editor is None
    assert journey.cards[new_id].title == ""
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_a_double_click_on_a_card_edits_its_title(canvas: Canvas, tmp_path: Path) -> None:
    journey = canvas.journey
    before = copy.deepcopy(journey)
    card = journey.cards_in(journey.stages[2].id, journey.lanes[2].id)[0]
    QTest.mouseDClick(canvas.viewport, LEFT, NO_KEYS, canvas.at(canvas.card_centre(card.id)))
    editor = open_editor(canvas)
    assert editor.line_edit.text() == card.title
    editor.line_edit.setText("<b>Not bold</b> & plain")
    QTest.keyClick(editor.line_edit, Qt.Key.Key_Enter)
    assert journey.cards[card.id].title == "<b>Not bold</b> & plain"
    assert canvas.scene.card_items[card.id].box.title.lines[0].startswith("<b>Not")
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_f2_edits_the_selected_card_and_escape_cancels(canvas: Canvas) -> None:
    card = next(iter(canvas.journey.cards.values()))
    canvas.scene.select_cards([card.id])
    canvas.view.setFocus()
    QTest.keyClick(canvas.viewport, Qt.Key.Key_F2)
    editor = open_editor(canvas)
    QTest.keyClicks(editor.line_edit, "Thrown away")
    QTest.keyClick(editor.line_edit, Qt.Key.Key_Escape)
    assert canvas.journey.cards[card.id].title == card.title
    assert canvas.document.undo_stack.count() == 0


def test_a_click_elsewhere_commits_the_title(canvas: Canvas) -> None:
    journey = canvas.journey
    card = journey.cards_in(journey.stages[0].id, journey.lanes[0].id)[0]
    canvas.scene.edit_title(card.id)
    editor = open_editor(canvas)
    editor.line_edit.setText("Typed, then clicked away")
    canvas.click(canvas.cell_point(journey.stages[4].id, journey.lanes[6].id))
    assert journey.cards[card.id].title == "Typed, then clicked away"
    assert canvas.document.undo_stack.count() == 1


def test_a_refused_name_is_reported(canvas: Canvas) -> None:
    journey = canvas.journey
    stage = journey.stages[1]
    canvas.scene.rename_stage(stage.id)
    editor = open_editor(canvas)
    editor.line_edit.setText(journey.stages[0].name)  # names are unique in a map
    QTest.keyClick(editor.line_edit, Qt.Key.Key_Return)
    assert len(canvas.errors) == 1
    assert journey.stages[1].name == stage.name
    assert canvas.document.undo_stack.count() == 0


def test_the_cell_menu_adds_any_kind_the_lanes_own_first(canvas: Canvas) -> None:
    journey = canvas.journey
    stage = journey.stages[5].id
    lane = next(lane for lane in journey.lanes if lane.kind.value == "backstage").id
    menu = canvas.scene.context_menu_at(canvas.cell_point(stage, lane))
    assert isinstance(menu, QMenu)
    (add_card,) = [a for a in menu.actions() if a.menu() is not None]
    kinds = add_card.menu().actions()
    assert len(kinds) == len(CardKind)
    assert "Backstage action" in kinds[0].text()
    note = next(action for action in kinds if "Note" in action.text())
    note.trigger()
    new_card = journey.cards_in(stage, lane)[-1]
    assert new_card.kind is CardKind.NOTE
    QTest.keyClick(open_editor(canvas).line_edit, Qt.Key.Key_Escape)
    assert_items_match_layout(canvas)
