"""Shared fixtures. Qt tests run offscreen, set before any test module imports Qt."""

from __future__ import annotations

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
