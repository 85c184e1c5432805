"""The service blueprint view of the canvas: the same map, its lanes grouped into zones with
the three lines between them, and every gesture still working (offscreen, real mouse)."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from conftest import assert_items_match_layout
from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from test_canvas_emotion import dot, per_score
from test_canvas_headers import header_point
from test_canvas_scene import NO_KEYS, Canvas, assert_undo_redo_and_save, open_canvas

from journey_editor.canvas import JourneyScene
from journey_editor.canvas.zones import LANES_FOLLOW_ZONES, ZoneBandItem, ZoneLineItem
from journey_editor.interop.templates import load_template
from journey_editor.layout.blueprint import ZONE_ORDER
from journey_editor.model import Journey
from journey_editor.ui.editor import Editor
from journey_editor.ui.main_window import MainWindow

LINES = ["Line of interaction", "Line of visibility", "Line of internal interaction"]


@pytest.fixture
def canvas(qtbot: QtBot, sample: Journey) -> Canvas:
    """The sample map shown as a service blueprint."""
    canvas = open_canvas(qtbot, sample)
    canvas.scene.set_layout_mode(blueprint=True)
    return canvas


def zone_items(scene: JourneyScene) -> tuple[list[ZoneBandItem], list[ZoneLineItem]]:
    items = scene.items()
    bands = [item for item in items if isinstance(item, ZoneBandItem)]
    lines = [item for item in items if isinstance(item, ZoneLineItem)]
    return (
        sorted(bands, key=lambda item: item.band.rect.y),
        sorted(lines, key=lambda item: item.line.y),
    )


def look_between(canvas: Canvas, first: QPointF, second: QPointF) -> None:
    canvas.view.centerOn((first + second) / 2)


def test_toggling_shows_the_zones_and_the_three_lines(qtbot: QtBot, sample: Journey) -> None:
    canvas = open_canvas(qtbot, sample)
    assert zone_items(canvas.scene) == ([], [])
    with qtbot.waitSignal(canvas.scene.layout_mode_changed):
        canvas.scene.set_layout_mode(blueprint=True)
    bands, lines = zone_items(canvas.scene)
    assert [item.band.title.lines for item in bands] == [
        ("Experience and insights",), ("Customer actions",), ("Backstage actions",),
        ("Support processes",),
    ]
    assert [item.line.label.lines for item in lines] == [(name,) for name in LINES]
    assert all(item.isVisible() and item.scene() is canvas.scene for item in (*bands, *lines))
    assert_items_match_layout(canvas)


def test_lanes_are_shown_in_zone_order(canvas: Canvas) -> None:
    lanes = canvas.journey.lanes
    on_screen = sorted(
        canvas.scene.lane_items.values(), key=lambda item: item.sceneBoundingRect().top()
    )
    by_zone = sorted(lanes, key=lambda lane: ZONE_ORDER.index(lane.zone))
    assert [item.box.lane_id for item in on_screen] == [lane.id for lane in by_zone]
    assert [lane.id for lane in lanes] != [lane.id for lane in by_zone]  # the order changed
    assert list(canvas.scene.lane_items) == [lane.id for lane in by_zone]


def test_a_card_dragged_across_a_line_into_another_cell_moves(
    canvas: Canvas, tmp_path: Path
) -> None:
    before = copy.deepcopy(canvas.journey)
    card_id = canvas.scene.layout.cell_cards["trial", "backstage"][0]
    start = canvas.card_centre(card_id)
    end = canvas.cell_point("purchase", "support_processes")
    internal = canvas.scene.layout.zone_lines[2].y
    assert start.y() < internal < end.y()
    look_between(canvas, start, end)
    canvas.drag(start, end)
    card = canvas.journey.cards[card_id]
    assert (card.stage_id, card.lane_id) == ("purchase", "support_processes")
    assert canvas.scene.layout_mode.blueprint
    assert_items_match_layout(canvas)
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_a_card_title_is_typed_in_place(canvas: Canvas) -> None:
    card_id = canvas.scene.layout.cell_cards["trial", "support_processes"][0]
    centre = canvas.card_centre(card_id)
    canvas.view.centerOn(centre)
    QTest.mouseDClick(canvas.viewport, Qt.MouseButton.LeftButton, NO_KEYS, canvas.at(centre))
    editor = canvas.scene.editor
    assert editor is not None
    editor.line_edit.selectAll()
    QTest.keyClicks(editor.line_edit, "Bank feed, retried hourly")
    QTest.keyClick(editor.line_edit, Qt.Key.Key_Return)
    assert canvas.journey.cards[card_id].title == "Bank feed, retried hourly"
    assert_items_match_layout(canvas)


def test_the_emotion_line_is_edited_as_on_the_journey_grid(
    canvas: Canvas, tmp_path: Path
) -> None:
    before = copy.deepcopy(canvas.journey)
    canvas.view.set_zoom(1.0)
    start = dot(canvas, "e05")
    canvas.view.centerOn(start)
    canvas.drag(start, start + QPointF(0.0, 2.5 * per_score(canvas)))
    assert canvas.journey.emotion_points["e05"].score == pytest.approx(1.5)
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_a_stage_header_dragged_still_moves_the_stage(canvas: Canvas, tmp_path: Path) -> None:
    before = copy.deepcopy(canvas.journey)
    order = [stage.id for stage in canvas.journey.stages]
    canvas.view.show_start()
    start = header_point(canvas, stage_id=order[0])
    boundary = canvas.scene.stage_items[order[3]].sceneBoundingRect().left()
    canvas.drag(start, QPointF(boundary + 10, start.y()))
    assert [stage.id for stage in canvas.journey.stages] == [*order[1:3], order[0], *order[3:]]
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_a_lane_header_drag_leaves_the_lanes_and_says_why(canvas: Canvas) -> None:
    order = [lane.id for lane in canvas.journey.lanes]
    item = canvas.scene.lane_items["backstage"]
    place = item.pos()
    start = header_point(canvas, lane_id="backstage")
    target = header_point(canvas, lane_id="thoughts")
    look_between(canvas, start, target)
    canvas.press_and_move(start, target)
    assert not canvas.scene.indicator.isVisible()
    assert item.pos() == place
    QTest.mouseRelease(canvas.viewport, Qt.MouseButton.LeftButton, NO_KEYS, canvas.at(target))
    assert [lane.id for lane in canvas.journey.lanes] == order
    assert canvas.document.undo_stack.count() == 0
    assert canvas.notices == [LANES_FOLLOW_ZONES]
    assert canvas.errors == []
    assert_items_match_layout(canvas)
    # A click still shows the lane in the properties panel.
    canvas.click(header_point(canvas, lane_id="backstage"))
    assert canvas.scene.focus == ("lane", "backstage")


def test_toggling_back_gives_the_journey_layout_exactly(qtbot: QtBot, sample: Journey) -> None:
    canvas = open_canvas(qtbot, sample)
    journey_layout = canvas.scene.layout
    items = dict(canvas.scene.card_items)
    canvas.scene.set_layout_mode(blueprint=True)
    assert canvas.scene.layout != journey_layout
    canvas.scene.set_layout_mode(blueprint=False)
    assert canvas.scene.layout == journey_layout
    assert canvas.scene.card_items == items  # the very same items, back in their places
    for card_id, item in items.items():
        box = journey_layout.cards[card_id]
        assert (item.box, item.pos()) == (box, QPointF(box.rect.x, box.rect.y))
    assert zone_items(canvas.scene) == ([], [])
    assert_items_match_layout(canvas)


def test_without_the_emotion_line_its_lanes_cards_and_links_are_left_out(
    canvas: Canvas,
) -> None:
    journey = canvas.journey
    in_emotions = {card.id for card in journey.cards.values() if card.lane_id == "emotions"}
    linked = {
        link_id for link_id, link in journey.links.items()
        if {link.source_id, link.target_id} & in_emotions
    }
    canvas.scene.set_layout_mode(blueprint=True, emotion_line=False)
    assert canvas.scene.emotion_lines == {}
    assert "emotions" not in canvas.scene.lane_items
    assert in_emotions and not in_emotions & canvas.scene.card_items.keys()
    assert not linked & canvas.scene.link_items.keys()
    assert_items_match_layout(canvas)
    canvas.scene.set_layout_mode(blueprint=True, emotion_line=True)
    assert in_emotions <= canvas.scene.card_items.keys()
    assert_items_match_layout(canvas)


# In the window ----------------------------------------------------------------------------


@pytest.fixture
def show(qtbot: QtBot, tmp_path: Path) -> Iterator[Callable[[Journey], MainWindow]]:
    """Shows a map in a window of its own."""
    editor = Editor(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))

    def shown(journey: Journey) -> MainWindow:
        window = editor.show_journey(journey, None)
        qtbot.waitExposed(window)
        return window

    yield shown
    for window in list(editor.windows):
        window.document.undo_stack.setClean()  # nothing to ask about while tearing down
        window.close()


def test_the_view_menu_switches_the_map_to_a_blueprint_and_back(
    show: Callable[[Journey], MainWindow], sample: Journey
) -> None:
    window = show(sample)
    blueprint, emotion_line = window.blueprint_action, window.emotion_line_action
    assert blueprint.shortcut() == QKeySequence("Ctrl+B")
    keyed = [a for a in window.findChildren(QAction) if QKeySequence("Ctrl+B") in a.shortcuts()]
    assert keyed == [blueprint]
    assert blueprint.isCheckable() and not blueprint.isChecked()
    assert not emotion_line.isEnabled() and emotion_line.isChecked()
    assert (window.blueprint_view, window.blueprint_emotion_line) == (False, True)
    blueprint.trigger()
    assert window.blueprint_view and window.scene.layout.zone_lines
    assert emotion_line.isEnabled()
    emotion_line.trigger()
    assert (window.blueprint_view, window.blueprint_emotion_line) == (True, False)
    assert window.scene.layout.emotion_curves == ()
    blueprint.trigger()
    assert not window.blueprint_view and not emotion_line.isEnabled()
    assert window.scene.layout.zones == () and window.scene.layout.emotion_curves
    window.scene.set_layout_mode(blueprint=True)  # the menu follows the scene
    assert blueprint.isChecked() and emotion_line.isChecked() and emotion_line.isEnabled()


def test_a_service_blueprint_opens_as_one(show: Callable[[Journey], MainWindow]) -> None:
    window = show(load_template("service-blueprint"))
    assert window.blueprint_view and window.blueprint_action.isChecked()
    assert [line.name for line in window.scene.layout.zone_lines] == LINES
    bands, lines = zone_items(window.scene)
    assert len(bands) == 6 and len(lines) == 3
