"""Shared fixtures. Qt tests run offscreen, set before any test module imports Qt."""

from __future__ import annotations

import gc
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The editor keeps working copies and backups in the user's data folder (platformdirs reads
# XDG_DATA_HOME): the tests, and the editors they start, use a throwaway one.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="journey-editor-tests-")

from journey_editor.interop.templates import load_template
from journey_editor.model import Journey

if TYPE_CHECKING:
    from journey_editor.canvas import JourneyScene


class ShownMap(Protocol):
    """A map on a canvas: the harnesses' ``Canvas`` and ``WindowCanvas``."""

    journey: Journey
    scene: JourneyScene


@pytest.fixture
def sample() -> Journey:
    """A fresh copy of the sample map: the richest map the product ships."""
    return load_template("sample")


def assert_items_match_layout(canvas: ShownMap) -> None:
    """One item per card, each exactly where a fresh layout of the model puts it, in the
    scene's layout mode (the journey grid, or the service blueprint with its zones)."""
    # Imported here: most test modules never load Qt.
    from journey_editor.canvas import CardItem, QtTextMeasure
    from journey_editor.canvas.zones import ZoneBandItem, ZoneLineItem
    from journey_editor.layout import DEFAULT_STYLE, LayoutCache

    scene = canvas.scene
    fresh = scene.layout_mode.lay_out(
        canvas.journey, QtTextMeasure(), DEFAULT_STYLE, LayoutCache()
    )
    items = scene.card_items
    assert items.keys() == fresh.cards.keys()
    for card_id, box in fresh.cards.items():
        item = items[card_id]
        assert item.box == box
        assert item.scene() is scene
        assert (item.pos().x(), item.pos().y()) == (box.rect.x, box.rect.y)
    in_scene = scene.items()
    assert len([item for item in in_scene if isinstance(item, CardItem)]) == len(fresh.cards)
    assert [h.box for h in scene.stage_items.values()] == list(fresh.stage_headers)
    assert [h.box for h in scene.lane_items.values()] == list(fresh.lane_headers)
    shown_links = {
        link_id for link_id, link in canvas.journey.links.items()
        if link.source_id in fresh.cards and link.target_id in fresh.cards
    }
    assert scene.link_items.keys() == shown_links
    lines = scene.emotion_lines
    assert lines.keys() == {curve.lane_id for curve in fresh.emotion_curves}
    for curve in fresh.emotion_curves:
        item = lines[curve.lane_id]
        assert item.curve == curve
        # What the line's pyqtgraph items draw is that curve.
        dots = list(zip(item.dots.data["x"], item.dots.data["y"], strict=True))
        assert dots == [(mark.at.x, mark.at.y) for mark in curve.marks]
        if len(curve.path) > 1:
            drawn = list(zip(*item.line.getData(), strict=True))
            assert drawn == [(point.x, point.y) for point in curve.path]
    bands = [item.band for item in in_scene if isinstance(item, ZoneBandItem)]
    assert sorted(bands, key=lambda band: band.rect.y) == list(fresh.zones)
    zone_lines = [item.line for item in in_scene if isinstance(item, ZoneLineItem)]
    assert sorted(zone_lines, key=lambda line: line.y) == list(fresh.zone_lines)


def pytest_unconfigure() -> None:
    # Here rather than in a session fixture: this runs even when no test did (--collect-only);
    # by now every test's own XDG_DATA_HOME is undone.
    shutil.rmtree(os.environ["XDG_DATA_HOME"], ignore_errors=True)


@pytest.fixture(autouse=True, scope="session")
def _empty_clipboard_at_exit() -> Iterator[None]:
    """Qt's offscreen platform crashes at exit (SIGSEGV, after every test has passed) when
    the clipboard still holds data, as the copy and paste tests leave it; a real X display
    does not. Measured with PySide6 6.11.3: one setMimeData, then exit, gives status 139."""
    yield
    gui = sys.modules.get("PySide6.QtGui")
    if gui is not None and gui.QGuiApplication.instance() is not None:
        gui.QGuiApplication.clipboard().clear()


@pytest.fixture(autouse=True, scope="session")
def _undo_stacks_emptied_at_exit() -> Iterator[None]:
    """Documents the tests made and dropped (a property test makes hundreds) are cycles: the
    stack's commands hold closures over their document. pytest's last garbage collection
    at exit then frees them in an order shiboken does not survive (SIGSEGV after every test
    passed, about one run in two of tests/test_document.py alone, with PySide6 6.11.3).
    Emptying the stacks first deletes the commands while everything is still alive."""
    yield
    if "journey_editor.document" not in sys.modules:
        return
    import shiboken6

    from journey_editor.document import JourneyDocument

    for thing in gc.get_objects():
        if isinstance(thing, JourneyDocument) and shiboken6.isValid(thing):
            thing.undo_stack.clear()
