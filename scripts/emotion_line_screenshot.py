"""The README's picture of the emotion line: the sample map after a facilitator reshaped it.

Run by scripts/screenshot under Xvfb. The hands are Qt's own test events on the real window:
four points dragged, one added by double-click, one deleted with the Delete key, and the
Purchase stage dragged before Trial; then the lowest point is selected and the window saved.
Usage: emotion_line_screenshot.py OUT.png WIDTHxHEIGHT
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPointF, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from journey_editor.interop.templates import load_template
from journey_editor.store import save_journey
from journey_editor.ui.editor import Editor
from journey_editor.ui.main_window import MainWindow

LEFT, NO_KEYS = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier


def drag(window: MainWindow, start: QPointF, end: QPointF) -> None:
    view = window.view
    QTest.mousePress(view.viewport(), LEFT, NO_KEYS, view.mapFromScene(start))
    for step in range(1, 9):
        QTest.mouseMove(view.viewport(), view.mapFromScene(start + (end - start) * (step / 8)))
    QTest.mouseRelease(view.viewport(), LEFT, NO_KEYS, view.mapFromScene(end))


def dot(window: MainWindow, point_id: str) -> QPointF:
    """A point of the line, scrolled into the middle of the view."""
    curve = window.scene.layout.emotion_curves[0]
    mark = next(m for m in curve.marks if m.point_id == point_id)
    at = QPointF(mark.at.x, mark.at.y)
    window.view.centerOn(at)
    return at


def reshape(window: MainWindow) -> None:
    scene, view = window.scene, window.view
    curve = scene.layout.emotion_curves[0]
    step = (curve.worst_y - curve.best_y) / 4
    for point_id, by in (("e03", QPointF(0, -step)), ("e05", QPointF(0, 1.5 * step)),
                         ("e07", QPointF(0.3 * scene.style.stage_width, 0)),
                         ("e09", QPointF(0, -1.5 * step))):
        start = dot(window, point_id)
        drag(window, start, start + by)
    renewal = scene.stage_items["renewal"].box.column
    where = QPointF(renewal.x + 0.6 * renewal.w, scene.layout.emotion_curves[0].y_of(2.0))
    view.centerOn(where)
    QTest.mouseDClick(view.viewport(), LEFT, NO_KEYS, view.mapFromScene(where))
    QTest.mouseClick(view.viewport(), LEFT, NO_KEYS, view.mapFromScene(dot(window, "e11")))
    view.setFocus()
    QTest.keyClick(view.viewport(), Qt.Key.Key_Delete)
    view.centerOn(scene.stage_items["trial"].sceneBoundingRect().center())
    header = scene.stage_items["purchase"].sceneBoundingRect().center()
    edge = scene.stage_items["trial"].sceneBoundingRect().left()
    drag(window, header, QPointF(edge + 10, header.y()))


def main(out: str, size: str) -> None:
    app = QApplication([])
    folder = Path(tempfile.mkdtemp())
    editor = Editor(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))
    path = folder / "studio-books.journey"
    save_journey(load_template("sample"), path)
    window = editor.open_file(path)
    assert window is not None
    width, height = (int(n) for n in size.split("x"))
    window.resize(width, height)
    window.activateWindow()
    QTest.qWaitForWindowActive(window)  # the Delete key goes to the active window only
    window.view.set_zoom(1.0)
    reshape(window)
    if window.document.undo_stack.count() != 7:
        sys.exit(f"the session made {window.document.undo_stack.count()} steps, not 7")
    window.scene.select_point("e06")
    band = window.scene.layout.emotion_curves[0].band
    window.view.centerOn(QPointF(band.x + 2.6 * window.scene.style.stage_width,
                                 band.y + band.h / 2 + 120))
    QTest.qWait(200)
    window.grab().save(out)
    window.document.undo_stack.setClean()
    window.close()
    app.processEvents()


if __name__ == "__main__":
    main(*sys.argv[1:3])
