"""The editor in a real X window under Xvfb, as a person sees it: never a blank window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

EDITOR = [sys.executable, "-m", "journey_editor"]


def test_the_window_draws_the_map_under_xvfb(tmp_path: Path) -> None:
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        pytest.fail("xvfb-run is missing: scripts/setup --window installs it")
    shot = tmp_path / "window.png"
    environment = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    finished = subprocess.run(
        [xvfb_run, "-a", "-s", "-screen 0 1920x1080x24", *EDITOR,
         "--screenshot", str(shot), "--size", "1280x720"],
        env=environment, capture_output=True, text=True, timeout=120, check=False,
    )
    assert finished.returncode == 0, finished.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 720)
    colours = Counter(
        image.pixel(x, y) for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
    )
    # A blank or unpainted window is one or two colours; the map has headers, lanes, cards
    # of several kinds and text.
    assert len(colours) > 200
    most_common_share = colours.most_common(1)[0][1] / sum(colours.values())
    assert most_common_share < 0.6
