"""Canvas speed against its floors. Run: QT_QPA_PLATFORM=offscreen .venv/bin/python
bench/bench_canvas.py

Floors (issue: interactive canvas): handling one mouse-move event of a card drag within 4 ms
on a map of 2,000 cards and 8 ms on one of 20,000; an edit (document verb, re-layout, items
updated) within 16 ms on 2,000 cards; the whole map of 20,000 cards drawn zoomed out within
33 ms. Prints the median of several runs and its ratio to the floor (below 1.0 is within it);
lines without a floor are for information.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from itertools import count
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from bench_store import median_seconds, report
from generated_maps import KINDS_BY_LANE_KIND, map_with_cards
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journey_editor.canvas import JourneyScene, MapView
from journey_editor.document import JourneyDocument
from journey_editor.model import Card, Journey, add_stage, new_id

MOVE_FLOOR_2K_S = 0.004
MOVE_FLOOR_20K_S = 0.008
EDIT_FLOOR_S = 0.016
DRAW_FLOOR_S = 0.033


def timings(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return times


def info(what: str, seconds: float) -> None:
    print(f"{what:<48} {seconds * 1000:8.2f} ms")


def wide_map(cards: int, stages: int) -> Journey:
    """``map_with_cards``'s lanes across many stages: a map about as wide as it is tall, so
    that zoomed out its cards fill the view (the sample's six stages make a thin strip)."""
    journey = map_with_cards(0)
    while len(journey.stages) < stages:
        add_stage(journey, f"Stage {len(journey.stages) + 1}")
    lanes = [lane for lane in journey.lanes if lane.kind.value in KINDS_BY_LANE_KIND]
    filled: dict[tuple[str, str], int] = {}
    for number in range(cards):
        stage = journey.stages[number % stages]
        lane = lanes[number // stages % len(lanes)]
        position = filled.get((stage.id, lane.id), 0)
        filled[stage.id, lane.id] = position + 1
        # Made directly, in order, rather than through add_card, which scans every card.
        card = Card(new_id("card"), KINDS_BY_LANE_KIND[lane.kind.value], stage.id, lane.id,
                    position, f"Card {number}: the customer compares three offers")
        journey.cards[card.id] = card
    journey.changes.drain()
    return journey


def open_map(journey: Journey) -> tuple[JourneyDocument, JourneyScene, MapView, float]:
    document = JourneyDocument(journey)
    start = time.perf_counter()
    scene = JourneyScene(document)
    built = time.perf_counter() - start
    view = MapView(scene)
    view.resize(1600, 1000)
    view.show()
    QApplication.processEvents()
    view.show_start()
    return document, scene, view, built


def bench_drag(scene: JourneyScene, view: MapView, cards: int, floor: float) -> None:
    """Press on a card, start dragging, then time single move events sent to the viewport."""
    viewport = view.viewport()
    item = next(iter(scene.card_items.values()))
    start = view.mapFromScene(item.sceneBoundingRect().center())
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + QPoint(30, 30))
    steps = count()

    def one_move() -> None:
        step = next(steps)
        at = QPointF(start + QPoint(40 + step % 300, 40 + (step * 7) % 500))
        event = QMouseEvent(
            QEvent.Type.MouseMove, at, viewport.mapToGlobal(at), Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)

    moves = timings(one_move, 300)
    report(f"drag: one mouse-move event, {cards:,} cards", statistics.median(moves), floor)
    # The first move into a cell gathers that cell's cards: the slowest event of the drag.
    info(f"  slowest of {len(moves)} move events, {cards:,}", max(moves))

    def move_and_paint() -> None:
        one_move()
        viewport.repaint()

    info(f"  the same with the repaint after it, {cards:,}", median_seconds(move_and_paint, 40))
    QTest.keyClick(viewport, Qt.Key.Key_Escape)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)


def bench_edits(document: JourneyDocument, cards: int, floor: float | None) -> None:
    journey = document.journey
    card_ids = list(journey.cards)
    numbers = count()

    def edit_title() -> None:
        number = next(numbers)
        document.update_card(card_ids[number % len(card_ids)], title=f"Edited {number}")

    def move_card() -> None:
        number = next(numbers)
        card = journey.cards[card_ids[number % len(card_ids)]]
        stage = journey.stages[(journey.stage_index(card.stage_id) + 1) % len(journey.stages)]
        document.move_cards([card.id], stage.id, card.lane_id, 0)

    for what, edit in (("edit a title", edit_title), ("move a card to the next stage", move_card)):
        seconds = median_seconds(edit, 30)
        label = f"{what} (verb + refresh), {cards:,} cards"
        if floor is None:
            info(label, seconds)
        else:
            report(label, seconds, floor)


def bench_zoomed_out_draw(view: MapView, what: str) -> None:
    view.fit_to_window()
    QApplication.processEvents()
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)

    def draw() -> None:
        painter = QPainter(image)
        view.render(painter)
        painter.end()

    report(
        f"whole map zoomed out ({view.zoom:.3f}x) drawn, {what}",
        median_seconds(draw, 15),
        DRAW_FLOOR_S,
    )


def main() -> None:
    QApplication([])
    document, scene, view, built = open_map(map_with_cards(2_000))
    info("scene built (layout + items), 2,000 cards", built)
    bench_drag(scene, view, 2_000, MOVE_FLOOR_2K_S)
    bench_edits(document, 2_000, EDIT_FLOOR_S)
    view.close()

    document, scene, view, built = open_map(map_with_cards(20_000))
    info("scene built (layout + items), 20,000 cards", built)
    bench_drag(scene, view, 20_000, MOVE_FLOOR_20K_S)
    bench_edits(document, 20_000, None)
    bench_zoomed_out_draw(view, "20,000 cards, 6 stages")
    view.close()

    document, scene, view, built = open_map(wide_map(20_000, stages=40))
    bench_zoomed_out_draw(view, "20,000 cards, 40 stages")


if __name__ == "__main__":
    main()
