"""The view onto the map: zoom, pan, rubber-band selection, headers that stay in view.

A left drag on empty space draws a rubber band (cards drag themselves, through the scene);
the middle button, or the left one with Space held, pans. The view tells the scene where its
corner is (so headers stay pinned) and how far it is zoomed (so cards are drawn plainly when
too small to read), and scrolls by itself while a drag nears its edge.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from journey_editor.canvas.scene import JourneyScene

MIN_ZOOM, MAX_ZOOM = 0.1, 4.0
ZOOM_STEP = 1.25
# One notch of a mouse wheel (120 eighths of a degree) zooms by about 20%.
WHEEL_ZOOM_PER_EIGHTH_DEGREE = 1.0015
# A drag within this many pixels of the view's edge scrolls the map, faster nearer the edge.
EDGE = 40
EDGE_SCROLL_MS = 30
EDGE_STEP = 24


class MapView(QGraphicsView):
    zoom_changed = Signal(float)
    # What pyqtgraph's items expect of the view they are shown in (its GraphicsView has
    # them): they connect to these when added to the scene, and refresh what they cache of
    # the view's scale and range when they fire. The emotion line is made of such items.
    sigDeviceRangeChanged = Signal(object, object)
    sigDeviceTransformChanged = Signal(object)

    def __init__(self, scene: JourneyScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.journey_scene = scene
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self._space_held = False
        self._pan_from: QPoint | None = None
        self._edge_push = QPoint()
        self._edge_timer = QTimer(self)
        self._edge_timer.setInterval(EDGE_SCROLL_MS)
        self._edge_timer.timeout.connect(self._scroll_at_edge)

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        # Never zoom in by zooming out: a map fitted below MIN_ZOOM may stay there.
        zoom = max(min(MIN_ZOOM, self.zoom), min(MAX_ZOOM, zoom))
        if zoom != self.zoom:
            self.scale(zoom / self.zoom, zoom / self.zoom)
            self._tell_scene()
            self.zoom_changed.emit(zoom)

    def zoom_in(self) -> None:
        self._zoom_around_centre(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_around_centre(self.zoom / ZOOM_STEP)

    def actual_size(self) -> None:
        self._zoom_around_centre(1.0)

    def fit_to_window(self) -> None:
        """The whole map in view, never enlarged past 100%, where it is already readable."""
        map_rect = self.journey_scene.map_rect()
        viewport = self.viewport().rect()
        if map_rect.isEmpty() or viewport.isEmpty():
            return
        fit = min(viewport.width() / map_rect.width(), viewport.height() / map_rect.height())
        fit = min(fit * 0.98, 1.0)
        if fit != self.zoom:
            self.scale(fit / self.zoom, fit / self.zoom)
            self.zoom_changed.emit(fit)
        self.centerOn(map_rect.center())
        self._tell_scene()

    def viewRect(self) -> QRectF:
        """The part of the map in view (pyqtgraph's items ask for it by this name)."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def show_start(self) -> None:
        """Scroll to the map's top-left corner, where the first stage and lane begin."""
        corner = self.journey_scene.sceneRect().topLeft()
        self.ensureVisible(QRectF(corner.x(), corner.y(), 1, 1), 0, 0)

    # Events -----------------------------------------------------------------------------------

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self.zoom * WHEEL_ZOOM_PER_EIGHTH_DEGREE ** event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self.journey_scene.focusItem() is None:
            if not event.isAutoRepeat():
                self._space_held = True
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space_held:
            self._space_held = False
            if self._pan_from is None:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # Space may come up while another widget has the keyboard: stop waiting for it.
        self._space_held = False
        if self._pan_from is None:
            self.viewport().unsetCursor()
        super().focusOutEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        middle = event.button() == Qt.MouseButton.MiddleButton
        if middle or (event.button() == Qt.MouseButton.LeftButton and self._space_held):
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            at = event.position().toPoint()
            delta, self._pan_from = at - self._pan_from, at
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)
        self._watch_edge(event.position().toPoint())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            if self._space_held:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)
        self._edge_timer.stop()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._tell_scene()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tell_scene()

    # Inner workings ---------------------------------------------------------------------------

    def _tell_scene(self) -> None:
        # Qt scrolls and resizes views while it builds and tears them down: ask for the scene
        # as it is now, which may be none.
        scene = self.scene()
        if not isinstance(scene, JourneyScene) or not shiboken6.isValid(scene):
            return
        corner = self.mapToScene(QPoint(0, 0))
        scene.pin_headers(corner.x(), corner.y())
        scene.set_view_scale(self.zoom)
        self.sigDeviceRangeChanged.emit(self, self.viewRect())
        self.sigDeviceTransformChanged.emit(self)

    def _watch_edge(self, at: QPoint) -> None:
        """While a gesture lasts, scroll when the pointer is near the view's edge."""
        along_x, along_y = self.journey_scene.edge_scrolling
        if not (along_x or along_y):
            self._edge_timer.stop()
            return
        area = self.viewport().rect()

        def push(position: int, low: int, high: int) -> int:
            if position < low + EDGE:
                return -max(1, (low + EDGE - position) * EDGE_STEP // EDGE)
            if position > high - EDGE:
                return max(1, (position - high + EDGE) * EDGE_STEP // EDGE)
            return 0

        self._edge_push = QPoint(push(at.x(), area.left(), area.right()) if along_x else 0,
                                 push(at.y(), area.top(), area.bottom()) if along_y else 0)
        if self._edge_push.isNull():
            self._edge_timer.stop()
        elif not self._edge_timer.isActive():
            self._edge_timer.start()

    def _scroll_at_edge(self) -> None:
        if not self.journey_scene.gesture_active:
            self._edge_timer.stop()
            return
        for bar, step in ((self.horizontalScrollBar(), self._edge_push.x()),
                          (self.verticalScrollBar(), self._edge_push.y())):
            bar.setValue(bar.value() + step)

    def _zoom_around_centre(self, zoom: float) -> None:
        # Menu and keyboard zoom keep the middle of the view still, not the point under the
        # mouse, which may be anywhere (or outside the view) when a menu is used.
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        try:
            self.set_zoom(zoom)
        finally:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
