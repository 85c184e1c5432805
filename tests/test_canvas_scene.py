"""The canvas scene: built from the document, updated in place after edits, and the harness
the other canvas tests share (real mouse events on the view's viewport, offscreen)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import shiboken6
from conftest import assert_items_match_layout
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from journey_editor.canvas import CardItem, JourneyScene, MapView
from journey_editor.document import JourneyDocument
from journey_editor.model import CardKind, Journey, LaneKind, add_card, add_lane, add_stage
from journey_editor.store import read_journey

LEFT = Qt.MouseButton.LeftButton
NO_KEYS = Qt.KeyboardModifier.NoModifier
# The whole sample map fits in the view at this zoom, with cards still drawn in full.
ZOOM = 0.4


class Canvas:
    """A document shown in a scene and a view, driven with QTest mouse events."""

    def __init__(self, qtbot: QtBot, journey: Journey) -> None:
        self.document = JourneyDocument(journey)
        self.journey = journey
        self.scene = JourneyScene(self.document)
        self.view = MapView(self.scene)
        qtbot.addWidget(self.view)
        self.view.resize(1100, 1100)
        self.view.show()
        qtbot.waitExposed(self.view)
        self.view.set_zoom(ZOOM)
        self.view.show_start()
        self.errors: list[str] = []
        self.focus: list[tuple[str, str]] = []
        self.scene.error.connect(self.errors.append)
        self.notices: list[str] = []
        self.scene.notice.connect(self.notices.append)
        self.scene.focus_changed.connect(lambda kind, ident: self.focus.append((kind, ident)))

    @property
    def viewport(self):  # type: ignore[no-untyped-def]
        return self.view.viewport()

    def at(self, scene_pos: QPointF) -> QPoint:
        return self.view.mapFromScene(scene_pos)

    def card_centre(self, card_id: str) -> QPointF:
        return self.scene.card_items[card_id].sceneBoundingRect().center()

    def cell_point(self, stage_id: str, lane_id: str, y_share: float = 0.98) -> QPointF:
        """A point in a cell, by default near its bottom, below its cards."""
        rect = self.scene.layout.cell(stage_id, lane_id).rect
        return QPointF(rect.x + rect.w / 2, rect.y + rect.h * y_share)

    def click(self, scene_pos: QPointF, keys: Qt.KeyboardModifier = NO_KEYS) -> None:
        QTest.mouseClick(self.viewport, LEFT, keys, self.at(scene_pos))

    def drag(
        self, start: QPointF, end: QPointF, keys: Qt.KeyboardModifier = NO_KEYS, steps: int = 6
    ) -> None:
        """Press, move in steps, release: what a hand does."""
        QTest.mousePress(self.viewport, LEFT, keys, self.at(start))
        for step in range(1, steps + 1):
            point = start + (end - start) * (step / steps)
            QTest.mouseMove(self.viewport, self.at(point))
        QTest.mouseRelease(self.viewport, LEFT, keys, self.at(end))

    def press_and_move(self, start: QPointF, end: QPointF) -> None:
        """A drag not yet released."""
        QTest.mousePress(self.viewport, LEFT, NO_KEYS, self.at(start))
        for step in range(1, 5):
            QTest.mouseMove(self.viewport, self.at(start + (end - start) * (step / 4)))


def open_canvas(qtbot: QtBot, journey: Journey) -> Canvas:
    return Canvas(qtbot, journey)


def assert_undo_redo_and_save(
    canvas: Canvas, before: Journey, tmp_path: Path, commands: int = 1
) -> None:
    """Undo gives back the map as it was and redo the edit, items too; the file agrees.

    A gesture is one command; ``commands`` counts gestures.
    """
    after = copy.deepcopy(canvas.journey)
    stack = canvas.document.undo_stack
    assert after != before, "the gesture changed nothing"
    assert stack.count() == commands
    for _ in range(commands):
        stack.undo()
    assert canvas.journey == before
    assert_items_match_layout(canvas)
    for _ in range(commands):
        stack.redo()
    assert canvas.journey == after
    assert_items_match_layout(canvas)
    path = tmp_path / "x.journey"
    canvas.document.save(path)
    assert read_journey(path) == canvas.journey
    assert canvas.errors == []


@pytest.fixture
def canvas(qtbot: QtBot, sample: Journey) -> Canvas:
    return open_canvas(qtbot, sample)


def test_items_are_built_from_the_document(canvas: Canvas) -> None:
    assert_items_match_layout(canvas)
    assert canvas.scene.map_rect().width() == canvas.scene.layout.width


def test_an_edit_updates_only_what_changed(canvas: Canvas) -> None:
    journey = canvas.journey
    items_before = dict(canvas.scene.card_items)
    last_lane = journey.lanes[-1].id
    untouched = [c.id for c in journey.cards.values() if c.lane_id != last_lane]
    card = next(c for c in journey.cards.values() if c.lane_id == last_lane)
    canvas.document.update_card(card.id, title="Renamed in place")
    assert canvas.scene.card_items[card.id].box.title.lines == ("Renamed in place",)
    for card_id in untouched:
        assert canvas.scene.card_items[card_id] is items_before[card_id]
    assert_items_match_layout(canvas)


def test_new_and_removed_cards_get_and_lose_items(canvas: Canvas) -> None:
    journey = canvas.journey
    items_before = dict(canvas.scene.card_items)
    stage, lane = journey.stages[0].id, journey.lanes[0].id
    new_id = canvas.document.add_card(CardKind.NOTE, stage, lane, "Fresh")
    assert new_id in canvas.scene.card_items
    assert canvas.scene.selected_card_ids() == [new_id]
    gone = next(iter(items_before))
    canvas.document.remove_cards([gone])
    assert gone not in canvas.scene.card_items
    assert items_before[gone].scene() is None
    assert all(
        canvas.scene.card_items[i] is items_before[i] for i in items_before if i != gone
    )
    assert_items_match_layout(canvas)


def test_selection_is_in_map_order_and_gives_the_current_cell(canvas: Canvas) -> None:
    ordered = [card.id for card in canvas.journey.cards_in_order()]
    canvas.scene.select_cards([ordered[5], ordered[1], ordered[3]])
    assert canvas.scene.selected_card_ids() == [ordered[1], ordered[3], ordered[5]]
    first = canvas.journey.cards[ordered[1]]
    assert canvas.scene.current_cell() == (first.stage_id, first.lane_id)
    assert canvas.focus[-1] == ("card", ordered[1])
    canvas.scene.select_all_cards()
    assert canvas.scene.selected_card_ids() == ordered


def test_clicks_choose_what_the_properties_panel_shows(canvas: Canvas) -> None:
    journey = canvas.journey
    stage, lane = journey.stages[2], journey.lanes[1]
    card = journey.cards_in(stage.id, lane.id)[0]
    canvas.click(canvas.card_centre(card.id))
    assert canvas.focus[-1] == ("card", card.id)
    canvas.click(canvas.scene.stage_items[stage.id].sceneBoundingRect().center())
    assert canvas.focus[-1] == ("stage", stage.id)
    assert canvas.scene.selected_card_ids() == []
    canvas.click(canvas.scene.lane_items[lane.id].sceneBoundingRect().center())
    assert canvas.focus[-1] == ("lane", lane.id)
    canvas.click(canvas.cell_point(stage.id, lane.id))
    assert canvas.focus[-1] == ("map", "")
    assert canvas.scene.current_cell() == (stage.id, lane.id)


def test_a_refused_verb_is_reported_not_raised(qtbot: QtBot) -> None:
    journey = Journey(title="One stage")
    stage = add_stage(journey, "Only")
    add_lane(journey, "Notes", LaneKind.CUSTOM)
    canvas = open_canvas(qtbot, journey)
    assert canvas.scene.run(lambda: canvas.document.remove_stage(stage.id)) is None
    assert len(canvas.errors) == 1 and "\n" not in canvas.errors[0]
    assert [s.id for s in journey.stages] == [stage.id]


def test_a_scene_deleted_before_its_document_is_not_called(sample: Journey) -> None:
    document = JourneyDocument(sample)
    scene = JourneyScene(document)
    shiboken6.delete(scene)
    document.update_card(next(iter(sample.cards)), title="After the window closed")
    document.undo_stack.undo()


def test_headers_stay_in_view_when_the_map_scrolls(canvas: Canvas) -> None:
    canvas.view.set_zoom(1.0)
    canvas.view.verticalScrollBar().setValue(900)
    canvas.view.horizontalScrollBar().setValue(700)
    corner = canvas.view.mapToScene(QPoint(0, 0))
    stage = canvas.journey.stages[-1].id
    lane = canvas.journey.lanes[-1].id
    assert canvas.scene.stage_items[stage].pos().y() == pytest.approx(corner.y())
    assert canvas.scene.lane_items[lane].pos().x() == pytest.approx(corner.x())
    # What is seen is what is hit: a click on the pinned stage header selects the stage.
    header = canvas.scene.stage_items[stage].sceneBoundingRect()
    canvas.click(QPointF(header.center().x(), header.top() + 5))
    assert canvas.focus[-1] == ("stage", stage)


def test_zoomed_far_out_the_cards_are_drawn_by_one_item(qtbot: QtBot, sample: Journey) -> None:
    for number in range(200):
        add_card(sample, CardKind.NOTE, sample.stages[number % 6].id, sample.lanes[0].id, "n")
    canvas = open_canvas(qtbot, sample)
    canvas.view.fit_to_window()
    assert canvas.scene.overview.active
    flags = canvas.scene.card_items[next(iter(sample.cards))].flags()
    assert flags & CardItem.GraphicsItemFlag.ItemHasNoContents
    image = QImage(canvas.viewport.size(), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    canvas.view.render(painter)
    painter.end()
    assert len({image.pixel(x, y) for x in range(0, image.width(), 9)
                for y in range(0, image.height(), 9)}) > 5
    canvas.view.actual_size()
    assert not canvas.scene.overview.active
    assert not canvas.scene.card_items[next(iter(sample.cards))].flags() & (
        CardItem.GraphicsItemFlag.ItemHasNoContents
    )
