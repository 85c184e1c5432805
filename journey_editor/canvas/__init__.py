"""The map on screen: a pyqtgraph GraphicsScene of thin items drawn from the layout, and the
gestures that edit the document through its verbs."""

from journey_editor.canvas.card_item import CardItem
from journey_editor.canvas.measure import QtTextMeasure, scene_font
from journey_editor.canvas.mime import CARD_KIND_MIME
from journey_editor.canvas.paint import CardLook, card_look
from journey_editor.canvas.scene import JourneyScene
from journey_editor.canvas.view import MapView
from journey_editor.canvas.zones import LayoutMode

__all__ = [
    "CARD_KIND_MIME", "CardItem", "CardLook", "JourneyScene", "LayoutMode", "MapView",
    "QtTextMeasure", "card_look", "scene_font",
]
