"""The main window and its canvas, offscreen: what the map shows and how the window behaves."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journey_editor.canvas import CardItem
from journey_editor.model import (
    CardKind,
    Journey,
    JourneyError,
    add_card,
    add_lane,
    add_stage,
)
from journey_editor.ui import errors, main_window
from journey_editor.ui.app import run_editor
from journey_editor.ui.main_window import MainWindow, counts_text

SOURCE = Path("/maps/studio-books.journey")


def _refuse(path: Path) -> Journey:
    raise JourneyError(f"{path}: not a journey map")


@pytest.fixture
def window(qtbot: QtBot, sample: Journey) -> Iterator[MainWindow]:
    shown = MainWindow(sample, SOURCE, _refuse)
    qtbot.addWidget(shown)
    shown.resize(1280, 800)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown


@pytest.fixture
def reported(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages that would have been shown in a warning dialog."""
    messages: list[str] = []

    def record(parent: object, title: str, error: JourneyError) -> None:
        messages.append(str(error))

    monkeypatch.setattr(main_window, "show_journey_error", record)
    monkeypatch.setattr(errors, "show_journey_error", record)
    return messages


def _colours(image: QImage) -> set[int]:
    """The distinct colours on a grid of samples across the image."""
    step_x, step_y = max(1, image.width() // 60), max(1, image.height() // 60)
    return {
        image.pixel(x, y)
        for x in range(0, image.width(), step_x)
        for y in range(0, image.height(), step_y)
    }


def test_one_card_item_per_card(window: MainWindow, sample: Journey) -> None:
    assert window.scene.card_items.keys() == sample.cards.keys()
    in_scene = [item for item in window.scene.items() if isinstance(item, CardItem)]
    assert len(in_scene) == len(sample.cards)
    for card_id, item in window.scene.card_items.items():
        assert item.box.card_id == card_id
        assert item.box.kind == sample.cards[card_id].kind


def test_stage_headers_run_left_to_right_in_order(window: MainWindow, sample: Journey) -> None:
    headers = window.scene.stage_items
    assert [item.box.name for item in headers] == [stage.name for stage in sample.stages]
    lefts = [item.pos().x() for item in headers]
    assert lefts == sorted(lefts) and len(set(lefts)) == len(lefts)
    assert [item.box.name for item in window.scene.lane_items] == [
        lane.name for lane in sample.lanes
    ]


def test_title_header_and_counts_name_the_map(window: MainWindow, sample: Journey) -> None:
    assert window.windowTitle() == "studio-books.journey — Journey Editor"
    assert window.map_header.title.text() == sample.title
    assert sample.persona.name in window.map_header.about.text()
    assert window.counts.text() == (
        f"{len(sample.stages)} stages · {len(sample.lanes)} lanes · {len(sample.cards)} cards"
    )


def test_counts_use_the_singular_for_one() -> None:
    journey = Journey(title="Tiny")
    stage = add_stage(journey, "Visit")
    lane = add_lane(journey, "Actions")
    add_card(journey, CardKind.ACTION, stage.id, lane.id, "Walks in")
    assert counts_text(journey) == "1 stage · 1 lane · 1 card"


def test_an_unsaved_map_is_untitled(qtbot: QtBot, sample: Journey) -> None:
    untitled = MainWindow(sample, None, _refuse)
    qtbot.addWidget(untitled)
    assert untitled.windowTitle() == "Untitled — Journey Editor"


def test_zoom_actions_change_the_view(window: MainWindow) -> None:
    view = window.view
    assert view.transform().m11() == pytest.approx(1.0)
    window.zoom_in_action.trigger()
    assert view.transform().m11() == pytest.approx(1.25)
    assert window.zoom_label.text() == "125%"
    window.zoom_out_action.trigger()
    window.zoom_out_action.trigger()
    assert view.transform().m11() == pytest.approx(0.8)
    window.fit_action.trigger()
    map_rect = view.mapFromScene(window.scene.map_rect()).boundingRect()
    assert view.viewport().rect().contains(map_rect)
    window.actual_size_action.trigger()
    assert view.transform().m11() == pytest.approx(1.0)
    shortcuts = {
        action.text(): [key.toString() for key in action.shortcuts()]
        for action in (window.zoom_in_action, window.zoom_out_action, window.fit_action)
    }
    assert shortcuts == {
        "Zoom &in": ["Ctrl++", "Ctrl+="], "Zoom &out": ["Ctrl+-"], "&Fit to window": ["Ctrl+0"]
    }


def test_ctrl_wheel_zooms_and_plain_wheel_does_not(window: MainWindow) -> None:
    view = window.view

    def wheel(modifiers: Qt.KeyboardModifier) -> None:
        centre = QPointF(view.viewport().rect().center())
        event = QWheelEvent(
            centre, view.viewport().mapToGlobal(centre), QPoint(), QPoint(0, 120),
            Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
        )
        QApplication.sendEvent(view.viewport(), event)

    wheel(Qt.KeyboardModifier.NoModifier)
    assert view.transform().m11() == pytest.approx(1.0)
    wheel(Qt.KeyboardModifier.ControlModifier)
    assert view.transform().m11() > 1.1


def test_the_view_paints_the_map(window: MainWindow) -> None:
    next(iter(window.scene.card_items.values())).setSelected(True)
    image = window.view.grab().toImage()
    assert not image.isNull()
    assert len(_colours(image)) > 20


def test_clicking_a_card_selects_it(window: MainWindow, qtbot: QtBot) -> None:
    card_id, item = next(iter(window.scene.card_items.items()))
    at = window.view.mapFromScene(item.sceneBoundingRect().center())
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert [chosen.box.card_id for chosen in window.scene.selectedItems()] == [card_id]


def test_opening_a_bad_file_reports_one_line(
    window: MainWindow, reported: list[str]
) -> None:
    assert window.open_file(Path("/maps/broken.journey")) is False
    assert reported == ["/maps/broken.journey: not a journey map"]
    assert window.windowTitle() == "studio-books.journey — Journey Editor"


def test_opening_a_good_file_shows_it(qtbot: QtBot, sample: Journey) -> None:
    other = Journey(title="Renewal")
    stage = add_stage(other, "Renew")
    lane = add_lane(other, "Actions")
    card = add_card(other, CardKind.ACTION, stage.id, lane.id, "Pays again")
    shown = MainWindow(sample, SOURCE, lambda path: other)
    qtbot.addWidget(shown)
    assert shown.open_file(Path("/maps/renewal.journey")) is True
    assert shown.windowTitle() == "renewal.journey — Journey Editor"
    assert list(shown.scene.card_items) == [card.id]
    assert shown.counts.text() == "1 stage · 1 lane · 1 card"


def test_a_journey_error_escaping_a_slot_is_shown(
    window: MainWindow, reported: list[str]
) -> None:
    with errors.journey_errors_shown(window):
        sys.excepthook(JourneyError, JourneyError("stage name must not be empty"), None)
    assert reported == ["stage name must not be empty"]


def test_screenshot_writes_a_painted_png_of_the_size_asked(
    qtbot: QtBot, sample: Journey, tmp_path: Path
) -> None:
    shot = tmp_path / "map.png"
    assert run_editor(sample, SOURCE, _refuse, screenshot=shot, size=(1000, 720)) == 0
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1000, 720)
    assert len(_colours(image)) > 20


def test_screenshot_to_an_unwritable_place_is_a_journey_error(
    qtbot: QtBot, sample: Journey, tmp_path: Path
) -> None:
    with pytest.raises(JourneyError, match="cannot write"):
        run_editor(sample, None, _refuse, screenshot=tmp_path / "missing" / "map.png")
