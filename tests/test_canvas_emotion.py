"""The emotion line on the canvas: points dragged with the mouse (one command per drag), added
by double-click, deleted, nudged with the keys, labelled in place; dips that pick out pain
points; and a line that stays under its stages at every zoom and after stages move."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from test_canvas_headers import action, header_point
from test_canvas_scene import (
    NO_KEYS,
    Canvas,
    assert_items_match_layout,
    assert_undo_redo_and_save,
    open_canvas,
)

from journey_editor.canvas.emotion_edit import GRAB_PIXELS
from journey_editor.canvas.emotion_line import EmotionLineItem
from journey_editor.layout import DEFAULT_STYLE, EmotionCurve, EmotionMark
from journey_editor.model import Journey, LaneKind, add_emotion_point, pain_points_of_stage

SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def canvas(qtbot: QtBot, sample: Journey) -> Canvas:
    """The sample map at 100%, scrolled so that its emotion line is in view."""
    canvas = open_canvas(qtbot, sample)
    canvas.view.set_zoom(1.0)
    look_at(canvas, "e05")
    return canvas


def curve(canvas: Canvas) -> EmotionCurve:
    return canvas.scene.layout.emotion_curves[0]


def line(canvas: Canvas) -> EmotionLineItem:
    return canvas.scene.emotion_lines[curve(canvas).lane_id]


def mark(canvas: Canvas, point_id: str) -> EmotionMark:
    return next(m for m in curve(canvas).marks if m.point_id == point_id)


def dot(canvas: Canvas, point_id: str) -> QPointF:
    at = mark(canvas, point_id).at
    return QPointF(at.x, at.y)


def look_at(canvas: Canvas, point_id: str) -> None:
    canvas.view.centerOn(dot(canvas, point_id))


def per_score(canvas: Canvas) -> float:
    """Map pixels from one score to the next."""
    return (curve(canvas).worst_y - curve(canvas).best_y) / 4


def test_dragging_a_point_down_lowers_its_score_by_the_distance(
    canvas: Canvas, tmp_path: Path
) -> None:
    before = copy.deepcopy(canvas.journey)
    assert canvas.journey.emotion_points["e05"].score == 4.0
    start = dot(canvas, "e05")
    canvas.drag(start, start + QPointF(0.0, 2.5 * per_score(canvas)))
    point = canvas.journey.emotion_points["e05"]
    assert point.score == pytest.approx(1.5)
    assert (point.stage_id, point.offset) == ("trial", 0.15)
    assert canvas.document.undo_stack.text(0) == "Move emotion point"
    assert_items_match_layout(canvas)
    assert_undo_redo_and_save(canvas, before, tmp_path)
    assert_items_match_layout(canvas)


def test_a_drag_by_any_distance_changes_the_score_by_that_distance(canvas: Canvas) -> None:
    steps = per_score(canvas)
    # From the platform's drag distance up: a smaller move is a click.
    for pixels in (-40.0, -12.0, 15.0, 33.0):
        score = canvas.journey.emotion_points["e08"].score
        look_at(canvas, "e08")
        start = dot(canvas, "e08")
        canvas.drag(start, start + QPointF(0.0, pixels))
        moved = canvas.journey.emotion_points["e08"].score
        # Scores are kept to a tenth; one screen pixel is the finest a hand can do.
        assert moved == pytest.approx(score - pixels / steps, abs=0.05 + 1 / steps)


def test_a_point_dragged_sideways_moves_into_the_next_stage(canvas: Canvas) -> None:
    start = dot(canvas, "e05")
    canvas.drag(start, start + QPointF(DEFAULT_STYLE.stage_width, 0.0))
    point = canvas.journey.emotion_points["e05"]
    assert (point.stage_id, point.offset, point.score) == ("purchase", 0.15, 4.0)
    assert canvas.document.undo_stack.count() == 1


def test_shift_keeps_a_dragged_point_in_its_place_along_the_line(canvas: Canvas) -> None:
    start = dot(canvas, "e05")
    canvas.drag(start, start + QPointF(150.0, per_score(canvas)), keys=SHIFT)
    point = canvas.journey.emotion_points["e05"]
    assert (point.stage_id, point.offset, point.score) == ("trial", 0.15, 3.0)


def test_while_dragging_the_line_follows_and_nothing_is_committed(canvas: Canvas) -> None:
    before = copy.deepcopy(canvas.journey)
    start = dot(canvas, "e06")
    canvas.press_and_move(start, start + QPointF(0.0, -2 * per_score(canvas)))
    shown = line(canvas)
    moved = [m for m in shown.dots.data["y"] if abs(m - (start.y() - 2 * per_score(canvas))) < 1]
    assert moved, "the dot follows the pointer"
    assert canvas.journey == before
    assert canvas.document.undo_stack.count() == 0
    QTest.keyClick(canvas.viewport, Qt.Key.Key_Escape)
    QTest.mouseRelease(canvas.viewport, Qt.MouseButton.LeftButton, NO_KEYS, canvas.at(start))
    assert canvas.journey == before
    assert_items_match_layout(canvas)


@pytest.mark.parametrize("zoom", [0.4, 1.0, 2.5])
def test_a_point_is_grabbed_from_a_fingertip_away_at_any_zoom(canvas: Canvas, zoom: float) -> None:
    canvas.view.set_zoom(zoom)
    look_at(canvas, "e07")
    centre = canvas.at(dot(canvas, "e07"))
    off_centre = canvas.view.mapToScene(centre + type(centre)(int(GRAB_PIXELS) - 4, 0))
    canvas.drag(off_centre, off_centre + QPointF(0.0, 20.0 / zoom))
    assert canvas.journey.emotion_points["e07"].score < 4.5
    assert canvas.document.undo_stack.count() == 1


def test_a_double_click_on_the_line_adds_a_point_there(canvas: Canvas, tmp_path: Path) -> None:
    before = copy.deepcopy(canvas.journey)
    columns = {h.stage_id: h.column for h in canvas.scene.layout.stage_headers}
    purchase = columns["purchase"]
    where = QPointF(purchase.x + purchase.w * 0.75, curve(canvas).y_of(2.0))
    canvas.view.centerOn(where)
    QTest.mouseDClick(canvas.viewport, Qt.MouseButton.LeftButton, NO_KEYS, canvas.at(where))
    added = set(canvas.journey.emotion_points) - set(before.emotion_points)
    assert len(added) == 1
    point = canvas.journey.emotion_points[added.pop()]
    assert (point.stage_id, point.offset, point.score) == ("purchase", 0.75, 2.0)
    assert canvas.scene.focus == ("emotion", point.id)
    assert line(canvas).selected_point == point.id
    assert canvas.document.undo_stack.text(0) == "Add emotion point"
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_a_point_is_deleted_from_its_context_menu(canvas: Canvas, tmp_path: Path) -> None:
    before = copy.deepcopy(canvas.journey)
    menu = canvas.scene.context_menu_at(dot(canvas, "e06"))
    assert menu is not None
    assert canvas.scene.focus == ("emotion", "e06")
    action(menu, "Delete point").trigger()
    assert "e06" not in canvas.journey.emotion_points
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_a_point_is_tied_to_a_card_from_its_context_menu(canvas: Canvas) -> None:
    menu = canvas.scene.context_menu_at(dot(canvas, "e11"))
    assert menu is not None
    tie = next(a.menu() for a in menu.actions() if a.text() == "Tie to card")
    first = tie.actions()[2]  # after "Not tied" and a separator
    first.trigger()
    tied = canvas.journey.emotion_points["e11"].card_id
    assert tied is not None and canvas.journey.cards[tied].stage_id == "renewal"


def test_arrow_keys_nudge_the_selected_point(canvas: Canvas) -> None:
    canvas.click(dot(canvas, "e08"))
    assert canvas.scene.focus == ("emotion", "e08")
    canvas.view.setFocus()
    QTest.keyClick(canvas.viewport, Qt.Key.Key_Up)
    QTest.keyClick(canvas.viewport, Qt.Key.Key_Up)
    assert canvas.journey.emotion_points["e08"].score == 4.0
    for _ in range(11):
        QTest.keyClick(canvas.viewport, Qt.Key.Key_Right)  # past the end of Purchase
    point = canvas.journey.emotion_points["e08"]
    assert (point.stage_id, point.offset) == ("first_vat_return", pytest.approx(0.05))
    assert canvas.document.undo_stack.count() == 13
    assert canvas.scene.focus == ("emotion", "e08")


def test_a_label_is_typed_in_place(canvas: Canvas) -> None:
    QTest.mouseDClick(
        canvas.viewport, Qt.MouseButton.LeftButton, NO_KEYS, canvas.at(dot(canvas, "e11"))
    )
    editor = canvas.scene.editor
    assert editor is not None
    assert editor.line_edit.text() == "Price rise"
    editor.line_edit.selectAll()
    QTest.keyClicks(editor.line_edit, "Price rise <b>20%</b>")
    QTest.keyClick(editor.line_edit, Qt.Key.Key_Return)
    assert canvas.journey.emotion_points["e11"].label == "Price rise <b>20%</b>"
    caption = mark(canvas, "e11").caption
    assert caption is not None and caption.lines == ("Price rise <b>20%</b>",)


def test_clicking_a_dip_selects_the_pain_points_of_its_stage(canvas: Canvas) -> None:
    dip = next(d for d in curve(canvas).dips if d.point_id == "e06")
    canvas.view.centerOn(QPointF(dip.at.x, dip.at.y))
    canvas.click(QPointF(dip.at.x, dip.at.y))
    wanted = [card.id for card in pain_points_of_stage(canvas.journey, "trial")]
    assert wanted and canvas.scene.selected_card_ids() == wanted
    assert canvas.notices[-1] == f"Selected {len(wanted)} pain points in 'Trial'"
    assert canvas.errors == []
    assert canvas.document.undo_stack.count() == 0


def test_reordering_stages_carries_their_points_along(canvas: Canvas) -> None:
    journey = canvas.journey
    trial_points = {p.id: (p.offset, p.score) for p in journey.emotion_points.values()
                    if p.stage_id == "trial"}
    canvas.view.set_zoom(0.4)
    canvas.view.show_start()
    start = header_point(canvas, stage_id="trial")
    edge = canvas.scene.stage_items["renewal"].sceneBoundingRect().left()
    canvas.drag(start, QPointF(edge + 10, start.y()))
    assert [s.id for s in journey.stages][-2:] == ["trial", "renewal"]
    column = canvas.scene.layout.stage_headers[journey.stage_index("trial")].column
    for point_id, (offset, score) in trial_points.items():
        point = journey.emotion_points[point_id]
        assert (point.stage_id, point.offset, point.score) == ("trial", offset, score)
        assert column.x <= mark(canvas, point_id).at.x <= column.right
    assert_items_match_layout(canvas)
    canvas.document.undo_stack.undo()
    assert_items_match_layout(canvas)


@pytest.mark.parametrize("zoom", [0.15, 0.4, 1.0, 2.0, 4.0])
def test_at_every_zoom_each_point_is_drawn_inside_its_stage_column(
    canvas: Canvas, zoom: float
) -> None:
    canvas.view.set_zoom(zoom)
    for point in canvas.journey.emotion_points.values():
        look_at(canvas, point.id)
        header = canvas.scene.stage_items[point.stage_id]
        left = canvas.view.mapFromScene(header.box.column.x, 0).x()
        right = canvas.view.mapFromScene(header.box.column.right, 0).x()
        dots = line(canvas).dots
        index = [m.point_id for m in curve(canvas).marks].index(point.id)
        drawn = QPointF(dots.data["x"][index], dots.data["y"][index])
        on_screen = canvas.view.mapFromScene(line(canvas).mapToScene(drawn))
        assert left <= on_screen.x() <= right
        expected = left + point.offset * (right - left)
        assert on_screen.x() == pytest.approx(expected, abs=1.0)


def test_adding_and_removing_stages_keeps_every_point_over_its_stage(canvas: Canvas) -> None:
    document, journey = canvas.document, canvas.journey

    def assert_points_over_their_stages() -> None:
        assert_items_match_layout(canvas)
        for m in curve(canvas).marks:
            column = canvas.scene.stage_items[m.stage_id].box.column
            assert m.at.x == pytest.approx(column.x + m.offset * column.w)

    document.add_stage("Waiting", index=journey.stage_index("trial"))
    assert_points_over_their_stages()
    document.remove_stage("trial")
    assert not [p for p in journey.emotion_points.values() if p.stage_id == "trial"]
    assert_points_over_their_stages()
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert_points_over_their_stages()


def test_a_press_on_a_point_at_the_view_s_edge_does_not_scroll_the_map(canvas: Canvas) -> None:
    viewport = canvas.viewport.rect()
    at = dot(canvas, "e05")
    # The point 12 pixels above the view's bottom edge.
    canvas.view.centerOn(at + QPointF(0.0, -(viewport.height() / 2 - 12)))
    scrolled = canvas.view.verticalScrollBar().value()
    canvas.drag(at, at + QPointF(16.0, 0.0))
    assert canvas.view.verticalScrollBar().value() == scrolled
    assert canvas.journey.emotion_points["e05"].score == 4.0
    # Held near the bottom edge, a point drag does not scroll the scale away under the hand.
    down = QPointF(0.0, 11.0)  # past the platform's drag distance, short of the edge
    canvas.press_and_move(at, at + down)
    QTest.qWait(200)
    assert canvas.view.verticalScrollBar().value() == scrolled
    QTest.mouseRelease(canvas.viewport, Qt.MouseButton.LeftButton, NO_KEYS, canvas.at(at + down))
    expected = 4.0 - down.y() / per_score(canvas)
    assert canvas.journey.emotion_points["e05"].score == pytest.approx(expected, abs=0.06)


def test_each_emotions_lane_s_line_is_edited_where_it_is_drawn(canvas: Canvas) -> None:
    document, journey = canvas.document, canvas.journey
    second = document.add_lane("Feelings again", LaneKind.EMOTIONS)
    document.undo_stack.clear()
    canvas.view.resize(900, 420)  # one line in sight at a time
    lower = next(c for c in canvas.scene.layout.emotion_curves if c.lane_id == second)
    mark = next(m for m in lower.marks if m.point_id == "e05")
    at = QPointF(mark.at.x, mark.at.y)
    canvas.view.centerOn(at)
    scrolled = canvas.view.verticalScrollBar().value()
    # Its own scale: the lane's longer name leaves less room above it.
    canvas.drag(at, at + QPointF(0.0, (lower.worst_y - lower.best_y) / 4))
    assert journey.emotion_points["e05"].score == 3.0
    # The point is in sight where it was dropped: the map does not jump to the other line.
    assert canvas.view.verticalScrollBar().value() == scrolled
    canvas.document.undo_stack.undo()
    assert canvas.view.verticalScrollBar().value() == scrolled
    lower = next(c for c in canvas.scene.layout.emotion_curves if c.lane_id == second)
    mark = next(m for m in lower.marks if m.point_id == "e05")
    at = QPointF(mark.at.x, mark.at.y)
    QTest.mouseDClick(canvas.viewport, Qt.MouseButton.LeftButton, NO_KEYS, canvas.at(at))
    editor = canvas.scene.editor
    assert editor is not None
    assert lower.band.y <= editor.sceneBoundingRect().center().y() <= lower.band.bottom


def test_a_double_click_on_a_label_edits_it_rather_than_adding_a_point(canvas: Canvas) -> None:
    m = mark(canvas, "e06")
    assert m.caption is not None
    on_label = QPointF(m.at.x + m.caption.rect.x + m.caption.rect.w * 0.7,
                       m.at.y + m.caption.rect.y + m.caption.rect.h / 2)
    QTest.mouseDClick(canvas.viewport, Qt.MouseButton.LeftButton, NO_KEYS, canvas.at(on_label))
    assert len(canvas.journey.emotion_points) == 12
    assert canvas.scene.editor is not None
    assert canvas.scene.editor.line_edit.text() == "Bank sync fails"


def test_the_tie_menu_shows_card_titles_as_they_are(canvas: Canvas) -> None:
    card_id = canvas.journey.cards_of_stage("renewal")[0].id
    canvas.document.update_card(card_id, title="R&D\nsign-off")
    menu = canvas.scene.context_menu_at(dot(canvas, "e11"))
    assert menu is not None
    tie = next(a.menu() for a in menu.actions() if a.text() == "Tie to card")
    texts = [a.text() for a in tie.actions() if not a.isSeparator()]
    assert texts[0] == "Not tied"
    assert any(text.endswith("R&&D sign-off") for text in texts)


def test_a_point_sharing_a_card_s_id_never_takes_that_card_s_selection(
    qtbot: QtBot, sample: Journey
) -> None:
    add_emotion_point(sample, "trial", 0.6, 2.0, point_id="c26")  # a stranger's file may
    canvas = open_canvas(qtbot, sample)
    canvas.document.update_card("c26", title="Bank sync fails at the second step!")
    assert canvas.scene.selected_card_ids() == ["c26"]
    assert canvas.scene.focus == ("card", "c26")
    canvas.document.move_emotion_point("c26", "trial", 0.7, 2.0)
    assert canvas.scene.focus == ("emotion", "c26")
    assert canvas.scene.selected_card_ids() == []


def test_arrow_nudges_keep_positions_to_their_step(canvas: Canvas) -> None:
    canvas.click(dot(canvas, "e07"))  # Trial, 0.9
    canvas.view.setFocus()
    QTest.keyClick(canvas.viewport, Qt.Key.Key_Right)
    assert canvas.journey.emotion_points["e07"].offset == 0.95
    QTest.keyClick(canvas.viewport, Qt.Key.Key_Up)
    assert canvas.journey.emotion_points["e07"].score == 5.0


def test_a_label_is_typed_on_the_side_of_the_dot_it_is_drawn(canvas: Canvas) -> None:
    canvas.document.update_emotion_point("e12", label="Hi", offset=0.85)
    look_at(canvas, "e12")
    drawn = mark(canvas, "e12")
    assert drawn.caption is not None and drawn.caption.rect.x > 0
    canvas.scene.edit_point_label("e12")
    editor = canvas.scene.editor
    assert editor is not None
    box = editor.sceneBoundingRect()
    assert box.left() > drawn.at.x
    assert box.right() <= curve(canvas).band.right + 8
