"""Shared fixtures. Qt tests run offscreen, set before any test module imports Qt."""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Iterator

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from journey_editor.interop.templates import load_template
from journey_editor.model import Journey


@pytest.fixture
def sample() -> Journey:
    """A fresh copy of the sample map: the richest map the product ships."""
    return load_template("sample")


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
