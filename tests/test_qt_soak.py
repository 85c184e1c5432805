"""Soak: the Qt binding must not leak references to None (PySide6 6.12.0 on CPython 3.11 does).

That binding drops a reference to None on every call of a method returning nothing and on
every Python paint() override; after ~20,000 calls the process aborts. A steady count of
references to None over 100,000 calls shows the pinned version is safe.
"""

from __future__ import annotations

import sys

import pytest

QtCore = pytest.importorskip("PySide6.QtCore")
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene  # noqa: E402

from journey_editor.canvas import JourneyScene  # noqa: E402
from journey_editor.document import JourneyDocument  # noqa: E402
from journey_editor.model import Journey  # noqa: E402


def assert_none_kept(before: int, after: int) -> None:
    # The binding's bug only ever loses references. Gains are other work that happened to
    # run meanwhile (once, +14,000 in a full run), and are no danger.
    assert before - after < 1_000, f"references to None went from {before} to {after}"


class PaintedCard(QGraphicsRectItem):
    paints = 0

    def paint(self, painter, option, widget=None) -> None:  # type: ignore[no-untyped-def]
        PaintedCard.paints += 1
        super().paint(painter, option, widget)


def test_100000_moves_and_thousands_of_paints_keep_none_alive(qapp) -> None:
    scene = QGraphicsScene(0, 0, 400, 300)
    card = PaintedCard(0, 0, 120, 60)
    scene.addItem(card)
    image = QImage(400, 300, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for step in range(100_000):
        card.setPos(step % 200, step % 150)
        if step % 25 == 0:
            scene.render(painter)
    painter.end()
    after = sys.getrefcount(None)
    assert PaintedCard.paints >= 4_000
    assert_none_kept(before, after)


def test_100000_moves_of_the_map_s_own_card_items(qapp: object, sample: Journey) -> None:

    scene = JourneyScene(JourneyDocument(sample))
    items = list(scene.card_items.values())
    image = QImage(800, 600, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for step in range(100_000):
        item = items[step % len(items)]
        item.setPos(step % 700, step % 500)
        if step % 500 == 0:
            scene.render(painter)
    painter.end()
    after = sys.getrefcount(None)
    assert_none_kept(before, after)
