"""The view onto the map: antialiased, zoomed by menu, keyboard or Ctrl+wheel."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from journey_editor.canvas.scene import JourneyScene

MIN_ZOOM, MAX_ZOOM = 0.1, 4.0
ZOOM_STEP = 1.25
# One notch of a mouse wheel (120 eighths of a degree) zooms by about 20%.
WHEEL_ZOOM_PER_EIGHTH_DEGREE = 1.0015


class MapView(QGraphicsView):
    zoom_changed = Signal(float)

    def __init__(self, scene: JourneyScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.journey_scene = scene
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QFrame.Shape.NoFrame)

    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float) -> None:
        zoom = min(MAX_ZOOM, max(MIN_ZOOM, zoom))
        if zoom != self.zoom:
            self.scale(zoom / self.zoom, zoom / self.zoom)
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
        self.set_zoom(min(fit * 0.98, 1.0))
        self.centerOn(map_rect.center())

    def show_start(self) -> None:
        """Scroll to the map's top-left corner, where the first stage and lane begin."""
        corner = self.journey_scene.sceneRect().topLeft()
        self.ensureVisible(QRectF(corner.x(), corner.y(), 1, 1), 0, 0)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.set_zoom(self.zoom * WHEEL_ZOOM_PER_EIGHTH_DEGREE ** event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    def _zoom_around_centre(self, zoom: float) -> None:
        # Menu and keyboard zoom keep the middle of the view still, not the point under the
        # mouse, which may be anywhere (or outside the view) when a menu is used.
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        try:
            self.set_zoom(zoom)
        finally:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
