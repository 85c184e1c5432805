"""The map on screen: a pyqtgraph GraphicsScene of thin items drawn from the layout."""

from journey_editor.canvas.items import CardItem, CardLook, card_look
from journey_editor.canvas.measure import QtTextMeasure, scene_font
from journey_editor.canvas.scene import JourneyScene
from journey_editor.canvas.view import MapView

__all__ = [
    "CardItem", "CardLook", "JourneyScene", "MapView", "QtTextMeasure", "card_look", "scene_font",
]
