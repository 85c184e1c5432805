"""Shared fixtures. Qt tests run offscreen, set before any test module imports Qt."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from journey_editor.interop.templates import load_template
from journey_editor.model import Journey


@pytest.fixture
def sample() -> Journey:
    """A fresh copy of the sample map: the richest map the product ships."""
    return load_template("sample")
