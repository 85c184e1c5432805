"""Shaping the emotion line in a meeting, as a new user would, in the real window.

The issue's acceptance line: on the sample map, reshape the line by dragging four points,
add one, delete one, reorder two stages, zoom in and out; the line stays under its stages,
and undo walks every step back. The session runs at 100%, where a facilitator works, and
each point is scrolled into sight before a hand touches it.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from test_workshop_session import (  # noqa: F401 (workshop is a fixture)
    Workshop,
    assert_everything_agrees,
    drag_stage_header_before,
    record_step,
    redo_everything,
    undo_everything,
    workshop,
)

from journey_editor.layout import EmotionCurve
from journey_editor.store import read_journey


def line(session: Workshop) -> EmotionCurve:
    return session.window.scene.layout.emotion_curves[0]


def dot(session: Workshop, point_id: str) -> QPointF:
    """The point's dot, scrolled into sight first."""
    mark = next(m for m in line(session).marks if m.point_id == point_id)
    at = QPointF(mark.at.x, mark.at.y)
    session.window.view.centerOn(at)
    return at


def drag_point(session: Workshop, point_id: str, by: QPointF) -> None:
    start = dot(session, point_id)
    session.canvas.drag(start, start + by)
    assert session.window.scene.focus == ("emotion", point_id)
    record_step(session, "Move emotion point")


def assert_line_under_its_stages(session: Workshop) -> None:
    """On screen, each point is drawn inside its stage's column, where its offset says."""
    view, scene, journey = session.window.view, session.window.scene, session.journey
    for mark in line(session).marks:
        column = scene.stage_items[mark.stage_id].box.column
        left = view.mapFromScene(QPointF(column.x, mark.at.y)).x()
        right = view.mapFromScene(QPointF(column.right, mark.at.y)).x()
        drawn = view.mapFromScene(QPointF(mark.at.x, mark.at.y)).x()
        offset = journey.emotion_points[mark.point_id].offset
        assert left <= drawn <= right
        assert abs(drawn - (left + offset * (right - left))) <= 1


def test_shaping_the_emotion_line_in_a_meeting(workshop: Workshop) -> None:  # noqa: F811
    window, journey = workshop.window, workshop.journey
    view = window.view
    view.set_zoom(1.0)
    per_score = (line(workshop).worst_y - line(workshop).best_y) / 4
    stage_width = window.scene.style.stage_width

    # "How did she feel when peers recommended it?" Better than that: up one step.
    drag_point(workshop, "e03", QPointF(0.0, -per_score))
    assert journey.emotion_points["e03"].score == 4.5
    # The sign-up was quick but the form was long: down a step and a half.
    drag_point(workshop, "e05", QPointF(0.0, 1.5 * per_score))
    assert journey.emotion_points["e05"].score == 2.5
    # The first paid invoice came later, in Purchase.
    drag_point(workshop, "e07", QPointF(0.3 * stage_width, 0.0))
    assert (journey.emotion_points["e07"].stage_id, journey.emotion_points["e07"].offset) == (
        "purchase", 0.2
    )
    # The categories were fixed quickly: no dip there after all.
    drag_point(workshop, "e09", QPointF(0.0, -1.5 * per_score))
    assert journey.emotion_points["e09"].score == 3.5
    assert "e09" not in [dip.point_id for dip in line(workshop).dips]

    # A new low point in Renewal: double-click on the line where it belongs.
    renewal = window.scene.stage_items["renewal"].box.column
    where = QPointF(renewal.x + 0.6 * renewal.w, line(workshop).y_of(2.0))
    view.centerOn(where)
    before = set(journey.emotion_points)
    QTest.mouseDClick(
        workshop.canvas.viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        workshop.canvas.at(where),
    )
    (added,) = set(journey.emotion_points) - before
    assert (journey.emotion_points[added].stage_id, journey.emotion_points[added].score) == (
        "renewal", 2.0
    )
    record_step(workshop, "Add emotion point")

    # "Price rise" was not a feeling anyone reported: click it, press Delete.
    workshop.canvas.click(dot(workshop, "e11"))
    view.setFocus()
    QTest.keyClick(workshop.canvas.viewport, Qt.Key.Key_Delete)
    assert "e11" not in journey.emotion_points
    record_step(workshop, "Delete emotion point")

    # Purchase happens before the trial for some: Purchase's header dragged before Trial.
    view.centerOn(window.scene.stage_items["trial"].sceneBoundingRect().center())
    drag_stage_header_before(workshop, "purchase", "trial")
    assert [stage.id for stage in journey.stages][2:4] == ["purchase", "trial"]
    assert journey.emotion_points["e07"].stage_id == "purchase"
    assert_line_under_its_stages(workshop)

    # Zoom in and out with the menu's steps: the line stays under its stages throughout.
    for zoom in (view.zoom_in, view.zoom_in, view.zoom_out, view.zoom_out, view.zoom_out,
                 view.zoom_out, view.fit_to_window, view.actual_size):
        zoom()
        assert_line_under_its_stages(workshop)
        assert_everything_agrees(workshop)
    assert len(workshop.steps) == 1 + 4 + 1 + 1 + 1

    undo_everything(workshop)
    assert journey == read_journey(workshop.opened)
    assert not window.isWindowModified()
    assert_line_under_its_stages(workshop)

    redo_everything(workshop)
    assert journey == workshop.steps[-1].journey
    assert_line_under_its_stages(workshop)
