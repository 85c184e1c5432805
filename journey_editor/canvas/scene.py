"""The map's scene: a pyqtgraph GraphicsScene holding one thin item per box of the layout.

It is pyqtgraph's scene, not a plain QGraphicsScene, so that pyqtgraph's plotting items can
join the map (the emotion line, kept in the map's own scene so it never drifts from the
stages): they paint correctly only inside it, while plain items and dragging are unaffected.
"""

from __future__ import annotations

from pyqtgraph import GraphicsScene
from PySide6.QtCore import QObject, QRectF
from PySide6.QtGui import QColor, QFont

from journey_editor.canvas.items import (
    CardItem,
    EmotionLineItem,
    GridItem,
    LaneHeaderItem,
    StageHeaderItem,
)
from journey_editor.canvas.measure import QtTextMeasure
from journey_editor.layout import FontRole, GridStyle, JourneyLayout, layout_journey
from journey_editor.model import Journey

# Room around the map, so its edges do not sit against the window's.
MARGIN = 24.0
BACKGROUND = QColor("#E4E8ED")

# Stacking order, bottom to top.
GRID_Z, CARD_Z, HEADER_Z, EMOTION_Z = 0.0, 1.0, 2.0, 3.0


class JourneyScene(GraphicsScene):
    """Shows a journey: lays it out with Qt's font metrics and builds the items."""

    def __init__(
        self,
        style: GridStyle | None = None,
        measure: QtTextMeasure | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent=parent)
        self.style = style or GridStyle()
        self.measure = measure or QtTextMeasure(self.style.fonts)
        self.fonts: dict[FontRole, QFont] = {role: self.measure.font(role) for role in FontRole}
        self.layout: JourneyLayout | None = None
        self.card_items: dict[str, CardItem] = {}
        self.stage_items: list[StageHeaderItem] = []
        self.lane_items: list[LaneHeaderItem] = []
        self.emotion_items: list[EmotionLineItem] = []
        self.setBackgroundBrush(BACKGROUND)

    def show_journey(self, journey: Journey) -> JourneyLayout:
        layout = layout_journey(journey, self.measure, self.style)
        self.show_layout(layout)
        return layout

    def show_layout(self, layout: JourneyLayout) -> None:
        """Replace every item with ones drawn from ``layout``."""
        self.clear()
        self.layout = layout
        grid = GridItem(layout)
        grid.setZValue(GRID_Z)
        self.addItem(grid)
        self.emotion_items = [EmotionLineItem(curve, self.fonts) for curve in layout.emotion_curves]
        self.card_items = {
            card_id: CardItem(box, self.fonts) for card_id, box in layout.cards.items()
        }
        self.stage_items = [StageHeaderItem(box, self.fonts) for box in layout.stage_headers]
        self.lane_items = [LaneHeaderItem(box, self.fonts) for box in layout.lane_headers]
        for z, items in (
            (CARD_Z, self.card_items.values()),
            (HEADER_Z, self.stage_items),
            (HEADER_Z, self.lane_items),
            (EMOTION_Z, self.emotion_items),
        ):
            for item in items:
                item.setZValue(z)
                self.addItem(item)
        self.setSceneRect(
            QRectF(-MARGIN, -MARGIN, layout.width + 2 * MARGIN, layout.height + 2 * MARGIN)
        )

    def map_rect(self) -> QRectF:
        """The map itself, without the margin around it."""
        if self.layout is None:
            return QRectF()
        return QRectF(0.0, 0.0, self.layout.width, self.layout.height)
