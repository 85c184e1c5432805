"""Links between cards: drawn from a card's handle or its menu, picked and deleted."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot
from test_canvas_scene import LEFT, Canvas, assert_undo_redo_and_save, open_canvas

from journey_editor.canvas.links import arrow
from journey_editor.model import Journey


@pytest.fixture
def canvas(qtbot: QtBot, sample: Journey) -> Canvas:
    return open_canvas(qtbot, sample)


def two_unlinked_cards(journey: Journey) -> tuple[str, str]:
    source = journey.cards_in(journey.stages[0].id, journey.lanes[1].id)[0].id
    target = journey.cards_in(journey.stages[3].id, journey.lanes[5].id)[0].id
    linked = {(link.source_id, link.target_id) for link in journey.links.values()}
    assert (source, target) not in linked
    return source, target


def point_on_arrow(canvas: Canvas, link_id: str) -> QPointF:
    """A point on the link's arrow that is not over a card (a card wins a press there)."""
    ends = canvas.scene.link_items[link_id].ends
    assert ends is not None
    curve, _ = arrow(*ends)
    return next(
        point for point in (curve.pointAtPercent(step / 40) for step in range(1, 40))
        if canvas.scene.card_item_at(point) is None
    )


def new_link(journey: Journey, before: Journey) -> str:
    (link_id,) = journey.links.keys() - before.links.keys()
    return link_id


def test_dragging_a_cards_handle_to_another_card_links_them(
    canvas: Canvas, tmp_path: Path
) -> None:
    journey = canvas.journey
    source, target = two_unlinked_cards(journey)
    canvas.click(canvas.card_centre(source))
    handle = canvas.scene.link_handle
    assert handle.isVisible() and handle.card_id == source
    before = copy.deepcopy(journey)
    canvas.drag(handle.scenePos(), canvas.card_centre(target))
    link = journey.links[new_link(journey, before)]
    assert (link.source_id, link.target_id) == (source, target)
    assert link.id in canvas.scene.link_items
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_a_handle_dropped_on_nothing_links_nothing(canvas: Canvas) -> None:
    journey = canvas.journey
    source, _ = two_unlinked_cards(journey)
    canvas.click(canvas.card_centre(source))
    before = copy.deepcopy(journey)
    empty = canvas.cell_point(journey.stages[5].id, journey.lanes[0].id)
    canvas.drag(canvas.scene.link_handle.scenePos(), empty)
    assert journey == before
    assert canvas.document.undo_stack.count() == 0


def test_link_to_from_the_menu_then_a_click_on_a_card(canvas: Canvas, tmp_path: Path) -> None:
    journey = canvas.journey
    source, target = two_unlinked_cards(journey)
    before = copy.deepcopy(journey)
    menu = canvas.scene.context_menu_at(canvas.card_centre(source))
    assert isinstance(menu, QMenu)
    next(a for a in menu.actions() if a.text() == "Link to…").trigger()
    QTest.mouseMove(canvas.viewport, canvas.at(canvas.card_centre(target)))
    canvas.click(canvas.card_centre(target))
    link = journey.links[new_link(journey, before)]
    assert (link.source_id, link.target_id) == (source, target)
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_linking_twice_is_refused_with_a_message(canvas: Canvas) -> None:
    link = next(iter(canvas.journey.links.values()))
    canvas.scene.start_link(link.source_id)
    canvas.click(canvas.card_centre(link.target_id))
    assert canvas.errors == ["these two cards are already linked"]
    assert canvas.document.undo_stack.count() == 0


def test_a_clicked_link_is_selected_and_can_be_deleted(
    canvas: Canvas, tmp_path: Path
) -> None:
    journey = canvas.journey
    before = copy.deepcopy(journey)
    link_id = next(iter(canvas.scene.link_items))
    canvas.click(point_on_arrow(canvas, link_id))
    assert canvas.scene.selected_link_ids() == [link_id]
    assert canvas.scene.selected_card_ids() == []
    # What the window's Delete does when no card is selected.
    for chosen in canvas.scene.selected_link_ids():
        canvas.document.remove_link(chosen)
    assert link_id not in journey.links
    assert link_id not in canvas.scene.link_items
    assert_undo_redo_and_save(canvas, before, tmp_path)


def test_arrows_follow_their_cards_while_dragged(canvas: Canvas) -> None:
    journey = canvas.journey
    link = next(iter(journey.links.values()))
    arrow = canvas.scene.link_items[link.id]
    ends_before = arrow.ends
    start = canvas.card_centre(link.source_id)
    canvas.press_and_move(start, start + QPointF(0, 300))
    assert arrow.ends is not None and ends_before is not None
    assert arrow.ends[0] == ends_before[0].translated(0, 300)
    QTest.mouseRelease(canvas.viewport, LEFT, Qt.KeyboardModifier.NoModifier,
                       canvas.at(start + QPointF(0, 300)))


def test_the_link_menu_deletes_the_link(canvas: Canvas) -> None:
    link = next(iter(canvas.journey.links.values()))
    menu = canvas.scene.context_menu_at(point_on_arrow(canvas, link.id))
    assert isinstance(menu, QMenu)
    assert canvas.scene.selected_link_ids() == [link.id]
    next(a for a in menu.actions() if a.text() == "Delete link").trigger()
    assert link.id not in canvas.journey.links
