"""Shared fixtures. Qt tests run offscreen, set before any test module imports Qt."""

from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The editor keeps working copies and backups in the user's data folder (platformdirs reads
# XDG_DATA_HOME): the tests, and the editors they start, use a throwaway one.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="journey-editor-tests-")

from journey_editor.interop.templates import load_template
from journey_editor.model import Journey
from journey_editor.store import save_journey

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from journey_editor.canvas import JourneyScene
    from journey_editor.ui.editor import Editor


class ShownMap(Protocol):
    """A map on a canvas: the harnesses' ``Canvas`` and ``WindowCanvas``."""

    journey: Journey
    scene: JourneyScene


@pytest.fixture
def sample() -> Journey:
    """A fresh copy of the sample map: the richest map the product ships."""
    return load_template("sample")


@pytest.fixture
def saved_map(tmp_path: Path, sample: Journey) -> Path:
    """The sample map saved to a file of its own."""
    path = tmp_path / "studio-books.journey"
    save_journey(sample, path)
    return path


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """This test's own data folder: its working copies and backups, and nobody else's."""
    home = tmp_path / "data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    return home / "journey-editor"


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def editor(qtbot: QtBot, data_home: Path, settings_path: Path) -> Iterator[Editor]:
    """The running editor, with no window yet, its settings and data folder the test's own."""
    # Imported here: most test modules never load Qt.
    from PySide6.QtCore import QSettings

    from journey_editor.ui.editor import Editor

    running = Editor(QSettings(str(settings_path), QSettings.Format.IniFormat))
    yield running
    for window in list(running.windows):
        window.document.undo_stack.setClean()  # nothing to ask about while tearing down
        window.close()


UNSHARE = [
    ["unshare", "--mount", "--propagation", "private"],  # root, as in CI
    # Anyone, where user namespaces are allowed: root inside, mounts of its own.
    ["unshare", "--user", "--map-root-user", "--mount", "--propagation", "private"],
]


@pytest.fixture(scope="session")
def mount_namespace(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The command that starts a process in a mount namespace of its own (or a skip)."""
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        pytest.skip("needs unshare and mount (util-linux) to make a read-only folder")
    folder = tmp_path_factory.mktemp("probe")
    refusals = []
    for unshare in UNSHARE:
        probe = subprocess.run(
            [*unshare, "sh", "-c", 'mount -t tmpfs -o size=1m tmpfs "$0" '
             '&& mount --bind "$0" "$0" && mount -o remount,bind,ro "$0"', str(folder)],
            capture_output=True, text=True, timeout=30, check=False,
        )
        if probe.returncode == 0:
            return unshare
        refusals.append(probe.stderr.strip() or f"status {probe.returncode}")
    pytest.skip(
        "a private mount namespace is not allowed here (unshare --mount: "
        f"{'; '.join(refusals)}); chmod cannot stop root's writes"
    )


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
