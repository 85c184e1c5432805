"""Emotion line speed against its floor. Run: QT_QPA_PLATFORM=offscreen .venv/bin/python
bench/bench_emotion.py

Floor (emotion line): one mouse-move of a point drag, with the repaint of the view that
follows, within one frame (16 ms) on a map of 2,000 cards seen at 100% with the line in
view. Prints the median of a few hundred moves and its ratio to the floor (below 1.0 is
within it), then the slowest move; lines without a floor are for information.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from itertools import count
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).parent))

from bench_canvas import info, open_map, timings
from bench_store import report
from generated_maps import map_with_cards
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QMouseEvent, QPainter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleOptionGraphicsItem

from journey_editor.canvas import JourneyScene, MapView
from journey_editor.canvas.emotion_line import EmotionLineItem
from journey_editor.document import JourneyDocument
from journey_editor.model import Journey, add_emotion_point

FRAME_FLOOR_S = 0.016
POINTS_PER_STAGE = 3
MOVES = 300


def with_full_line(journey: Journey) -> Journey:
    """The sample's line (two points a stage on average) topped up to three in each stage."""
    for stage in journey.stages:
        offsets = [p.offset for p in journey.emotion_points.values() if p.stage_id == stage.id]
        for offset in (0.5, 0.1, 0.9):
            if len(offsets) < POINTS_PER_STAGE and all(abs(offset - o) > 0.15 for o in offsets):
                add_emotion_point(journey, stage.id, offset, 2.0 + 2 * offset,
                                  f"Checks the offer again ({stage.name})")
                offsets.append(offset)
    journey.changes.drain()
    return journey


class PaintCount(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.paints = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def bench_point_drag(scene: JourneyScene, view: MapView, cards: int, floor: float | None) -> None:
    """Press on a point of the line and drag it over three stages, up and down the scale."""
    viewport = view.viewport()
    band = scene.layout.emotion_curves[0].band
    view.centerOn(QPointF(view.mapToScene(viewport.rect().center()).x(), band.y + band.h / 2))
    seen = view.mapToScene(viewport.rect()).boundingRect()
    mark = next(m for m in scene.layout.emotion_curves[0].marks if m.at.x > seen.left() + 300)
    start = view.mapFromScene(QPointF(mark.at.x, mark.at.y))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QTest.mouseMove(viewport, start + QPoint(10, 10))
    QApplication.processEvents()
    steps = count()
    painted = PaintCount()
    viewport.installEventFilter(painted)

    def one_move() -> None:
        # Every move lands somewhere new (a new curve to shape and draw), kept away from the
        # view's edges, where the view would start scrolling instead.
        step = next(steps)
        at = QPointF(start + QPoint(-150 + (step * 37) % 800, -90 + (step * 23) % 180))
        event = QMouseEvent(
            QEvent.Type.MouseMove, at, viewport.mapToGlobal(at), Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(viewport, event)

    def frame(whole: bool) -> None:
        one_move()
        if whole:
            viewport.update()
        # Not repaint(): the scene hands what changed to the view in posted events, which a
        # repaint alone would leave undone (and paint a second time later). Processed here,
        # the frame is Qt's own: that bookkeeping and exactly one paint (counted below).
        QApplication.processEvents()

    for whole in (True, False):
        for _ in range(20):  # warm-up: glyph caches, first paths
            frame(whole)
        painted.paints = 0
        moves = timings(lambda whole=whole: frame(whole), MOVES)
        assert painted.paints == MOVES, f"{painted.paints} paints for {MOVES} moves"
        if whole:
            label = f"point drag: move + whole view repainted, {cards:,}"
            if floor is None:
                info(label, statistics.median(moves))
            else:
                report(label, statistics.median(moves), floor)
        else:
            info(f"  only the line's part repainted, {cards:,}", statistics.median(moves))
        info(f"  slowest of {len(moves)} moves, {cards:,}", max(moves))

    viewport.removeEventFilter(painted)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    QApplication.processEvents()


def bench_drop(document: JourneyDocument, cards: int) -> None:
    journey = document.journey
    point_id = next(iter(journey.emotion_points))
    numbers = count()

    def drop() -> None:
        number = next(numbers)
        stage = journey.stages[number % 3]
        document.move_emotion_point(point_id, stage.id, (number % 10) / 10, 1 + number % 5)

    drop()  # warm-up
    moves = timings(drop, 30)
    info(f"drop: move_emotion_point + refresh, {cards:,}", statistics.median(moves))
    info(f"  slowest of {len(moves)} drops, {cards:,}", max(moves))


def bench_line_drawn(scene: JourneyScene, view: MapView, cards: int) -> None:
    """The line's own items painted as the view paints them, nothing else of the map."""
    line: EmotionLineItem = next(iter(scene.emotion_lines.values()))
    image = QImage(view.viewport().size(), QImage.Format.Format_ARGB32_Premultiplied)
    items: list[QGraphicsItem] = [item for item in line.childItems() if item.isVisible()]
    option = QStyleOptionGraphicsItem()

    def draw() -> None:
        painter = QPainter(image)
        painter.setRenderHints(view.renderHints())
        for item in items:
            painter.setTransform(item.sceneTransform() * view.viewportTransform())
            item.paint(painter, option, view.viewport())
        painter.end()

    draw()
    times = []
    for _ in range(100):
        # A drag gives the curve new data on every move, so each paint builds its path anew.
        line.show_curve(line.curve)
        start = time.perf_counter()
        draw()
        times.append(time.perf_counter() - start)
    info(f"  the line alone drawn, its path rebuilt, {cards:,}", statistics.median(times))


def main() -> None:
    QApplication([])
    for cards, floor in ((2_000, FRAME_FLOOR_S), (20_000, None)):
        document, scene, view, _ = open_map(with_full_line(map_with_cards(cards)))
        bench_point_drag(scene, view, cards, floor)
        bench_line_drawn(scene, view, cards)
        bench_drop(document, cards)
        view.close()


if __name__ == "__main__":
    main()
