"""The scene's items, kept in step with each new layout: one item per box, made once.

After an edit the map is laid out again and every item compared with its new box: items
of new cards, stages, lanes and links are added, items of gone ones removed, and only items
whose box changed are moved or redrawn. An untouched card keeps its item, its selection and
its place in the scene, so an edit costs a comparison per card, not a rebuild.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from journey_editor.canvas.card_item import CardItem
from journey_editor.canvas.emotion_line import EmotionLineItem
from journey_editor.canvas.items import (
    CornerItem,
    GridItem,
    LaneHeaderItem,
    StageHeaderItem,
)
from journey_editor.canvas.links import LinkItem
from journey_editor.canvas.lod import Overview
from journey_editor.canvas.paint import (
    CORNER_Z,
    EMOTION_Z,
    GRID_Z,
    LANE_HEADER_Z,
    OVERVIEW_Z,
    STAGE_HEADER_Z,
    Fonts,
    qrect,
)
from journey_editor.canvas.zones import ZoneItems
from journey_editor.layout import JourneyLayout
from journey_editor.model import Link

Item = TypeVar("Item", bound=QGraphicsItem)


class MapItems:
    def __init__(self, scene: QGraphicsScene, fonts: Fonts, layout: JourneyLayout) -> None:
        self._scene = scene
        self._fonts = fonts
        self.cards: dict[str, CardItem] = {}
        self.stages: dict[str, StageHeaderItem] = {}
        self.lanes: dict[str, LaneHeaderItem] = {}
        self.emotions: dict[str, EmotionLineItem] = {}
        self.links: dict[str, LinkItem] = {}
        self.grid = self._add(GridItem(layout), GRID_Z)
        self.corner = self._add(CornerItem(layout.corner, fonts), CORNER_Z)
        self.overview = self._add(Overview(), OVERVIEW_Z)
        self.zones = ZoneItems(scene, fonts)  # a service blueprint's; none on the grid
        # Where the view's top-left corner is on the map: headers stay below and right of it.
        self._pin = (0.0, 0.0)

    def apply(self, layout: JourneyLayout, links: Mapping[str, Link]) -> None:
        self.grid.set_layout(layout)
        self.corner.set_rect(layout.corner)
        self.overview.set_layout(layout)
        self._sync_cards(layout)
        self._sync_headers(layout)
        self._sync_links(layout, links)
        self.zones.apply(layout)
        self.pin(*self._pin)

    def pin(self, left: float, top: float) -> None:
        """Keep the headers in view when the view's corner is at (left, top) on the map."""
        self._pin = (left, top)
        for header in (*self.stages.values(), *self.lanes.values(), self.corner):
            header.pin_to(left, top)
        edge_top = max(top, 0.0) + self.corner.boundingRect().height()
        for lane in self.lanes.values():
            lane.keep_name_below(edge_top)
        self.zones.pin(left)

    def _sync_cards(self, layout: JourneyLayout) -> None:
        cards, boxes = self.cards, layout.cards
        self._drop_gone(cards, boxes)
        for card_id, box in boxes.items():
            item = cards.get(card_id)
            if item is None:
                item = cards[card_id] = CardItem(box, self._fonts)
                self.overview.adopt(item)
                self._scene.addItem(item)
            elif item.box is not box and item.box != box:
                # A lane laid out as before hands over the very same boxes: no comparing.
                item.set_box(box)

    def _sync_headers(self, layout: JourneyLayout) -> None:
        """Headers, kept in map order (the dicts too: panels list stages from them)."""
        fonts = self._fonts
        stages = {box.stage_id: box for box in layout.stage_headers}
        self._drop_gone(self.stages, stages)
        ordered_stages = {}
        for stage_id, stage_box in stages.items():
            stage_item = self.stages.get(stage_id)
            if stage_item is None:
                stage_item = self._add(StageHeaderItem(stage_box, fonts), STAGE_HEADER_Z)
            else:
                stage_item.set_box(stage_box)
            ordered_stages[stage_id] = stage_item
        self.stages = ordered_stages

        curves = {curve.lane_id: curve for curve in layout.emotion_curves}
        lanes = {box.lane_id: box for box in layout.lane_headers}
        self._drop_gone(self.lanes, lanes)
        ordered_lanes = {}
        for lane_id, lane_box in lanes.items():
            lane_item = self.lanes.get(lane_id)
            if lane_item is None:
                lane_item = LaneHeaderItem(lane_box, curves.get(lane_id), fonts)
                self._add(lane_item, LANE_HEADER_Z)
            else:
                lane_item.set_box(lane_box, curves.get(lane_id))
            ordered_lanes[lane_id] = lane_item
        self.lanes = ordered_lanes

        self._drop_gone(self.emotions, curves)
        for lane_id, curve in curves.items():
            line = self.emotions.get(lane_id)
            if line is None:
                self.emotions[lane_id] = self._add(EmotionLineItem(curve, fonts), EMOTION_Z)
            elif line.curve != curve:
                line.set_curve(curve)

    def _sync_links(self, layout: JourneyLayout, links: Mapping[str, Link]) -> None:
        # A blueprint without its emotion line leaves out the cards of emotions lanes.
        cards = layout.cards
        links = {
            link_id: link for link_id, link in links.items()
            if link.source_id in cards and link.target_id in cards
        }
        self._drop_gone(self.links, links)
        for link_id, link in links.items():
            item = self.links.get(link_id)
            if item is None:
                item = self.links[link_id] = LinkItem(link_id, link.source_id, link.target_id)
                self._scene.addItem(item)
            source, target = layout.cards[link.source_id], layout.cards[link.target_id]
            item.set_ends(qrect(source.rect), qrect(target.rect))

    def _drop_gone(self, items: dict[str, Item], wanted: Mapping[str, object]) -> None:
        for gone in items.keys() - wanted.keys():
            self._scene.removeItem(items.pop(gone))

    def _add(self, item: Item, z: float) -> Item:
        item.setZValue(z)
        self._scene.addItem(item)
        return item
