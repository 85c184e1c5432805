"""What a press, a double-click or a right-click on the map means, by what it lands on.

A left press on a card, a header, a selected card's link handle or a point of the emotion
line starts a gesture; on a link it picks the link, on a dip marker the pain points under
it; on the empty map it is left to Qt, so the view draws a rubber band.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent, QMenu

from journey_editor.canvas import emotion_edit, menus
from journey_editor.canvas.card_drag import CardDrag
from journey_editor.canvas.card_item import CardItem
from journey_editor.canvas.header_drag import HeaderDrag
from journey_editor.canvas.items import CornerItem, LaneHeaderItem, StageHeaderItem
from journey_editor.canvas.link_draw import LinkDraw
from journey_editor.canvas.links import LinkHandle, LinkItem
from journey_editor.canvas.title_editor import InlineEditor

if TYPE_CHECKING:
    from journey_editor.canvas.scene import JourneyScene

# What a press can land on; anything else (the grid, the emotion line) is the empty map.
TARGETS = (
    InlineEditor, LinkHandle, CornerItem, StageHeaderItem, LaneHeaderItem, LinkItem, CardItem
)
# Right-clicked, these keep the selection for their context menu.
MENU_TARGETS = (CardItem, StageHeaderItem, LaneHeaderItem, LinkItem)
# Drawn over the emotion line (pinned headers scrolled over it): they take a press first.
OVER_THE_LINE = (InlineEditor, LinkHandle, CornerItem, StageHeaderItem, LaneHeaderItem)


def item_at(scene: JourneyScene, pos: QPointF) -> QGraphicsItem | None:
    """The topmost thing a press at ``pos`` lands on; None for the empty map.

    Arrows are drawn over the cards they cross, but a press where both are goes to the
    card: a card is a big target, an arrow can be picked anywhere along its length.
    """
    link = None
    for item in scene.items(
        pos, Qt.ItemSelectionMode.IntersectsItemShape, Qt.SortOrder.DescendingOrder, QTransform()
    ):
        if isinstance(item, LinkItem):
            link = link or item
        elif isinstance(item, TARGETS):
            return item if link is None or isinstance(item, CardItem) else link
    return link


def press(scene: JourneyScene, event: QGraphicsSceneMouseEvent) -> bool:
    """Handle a press; False leaves it to Qt (the editor's own, or the empty map's)."""
    target = item_at(scene, event.scenePos())
    if isinstance(target, InlineEditor):
        return False
    scene.close_editor()
    line = _line_at(scene, event.scenePos(), target)
    if line is not None and line.mark is not None:
        if event.button() == Qt.MouseButton.LeftButton:
            item = scene.emotion_lines[line.lane_id]
            scene.begin_gesture(emotion_edit.PointDrag(scene, item, line.mark, event))
        else:
            scene.select_point(line.mark.point_id, line.lane_id, reveal=False)
        return True
    if event.button() != Qt.MouseButton.LeftButton:
        return isinstance(target, MENU_TARGETS)
    if line is not None and line.dip is not None:
        emotion_edit.select_pain_points(scene, line.dip)
    elif isinstance(target, LinkHandle):
        scene.begin_gesture(LinkDraw(scene, target.card_id, by_click=False))
    elif isinstance(target, StageHeaderItem | LaneHeaderItem):
        scene.begin_gesture(HeaderDrag(scene, target, event))
    elif isinstance(target, CardItem):
        scene.clicked_card(target.box.card_id)
        scene.begin_gesture(CardDrag(scene, target, event))
    elif isinstance(target, LinkItem):
        scene.choose_link(target.link_id)
    else:
        if target is None:
            pos = event.scenePos()
            scene.clicked_empty(scene.locator.cell_at(pos.x(), pos.y()))
        return False
    return True


def double_click(scene: JourneyScene, event: QGraphicsSceneMouseEvent) -> bool:
    """Edit a title or name in place, or add a card to an empty part of a cell."""
    pos = event.scenePos()
    target = item_at(scene, pos)
    line = _line_at(scene, pos, target)
    if line is not None:
        if line.mark is not None:
            scene.edit_point_label(line.mark.point_id, line.lane_id)
        elif line.dip is not None:
            emotion_edit.select_pain_points(scene, line.dip)
        else:
            emotion_edit.add_point_at(scene, line.lane_id, pos)
    elif isinstance(target, CardItem):
        scene.edit_title(target.box.card_id)
    elif isinstance(target, StageHeaderItem):
        scene.rename_stage(target.box.stage_id)
    elif isinstance(target, LaneHeaderItem):
        scene.rename_lane(target.box.lane_id)
    elif target is None and scene.locator.cell_at(pos.x(), pos.y()) is not None:
        spot = scene.locator.drop_finder().spot(pos.x(), pos.y())
        if spot is None:
            return False
        lane = scene.document.journey.lane(spot.lane_id)
        scene.add_card_at(lane.kind.default_card_kind, spot.stage_id, spot.lane_id, spot.index)
    else:
        return False
    return True


def context_menu(scene: JourneyScene, pos: QPointF) -> QMenu | None:
    """The menu for what is at ``pos``; None where there is nothing to offer."""
    scene.cancel_gesture()
    scene.close_editor()
    target = item_at(scene, pos)
    line = _line_at(scene, pos, target)
    if line is not None:
        if line.mark is None:
            return menus.emotion_band_menu(scene, line.lane_id, pos)
        scene.select_point(line.mark.point_id, line.lane_id, reveal=False)
        return menus.point_menu(scene, line.mark.point_id, line.lane_id)
    if isinstance(target, CardItem):
        card_id = target.box.card_id
        if not target.isSelected():
            scene.select_cards([card_id])
        return menus.card_menu(scene, card_id)
    if isinstance(target, StageHeaderItem):
        return menus.stage_menu(scene, target.box.stage_id)
    if isinstance(target, LaneHeaderItem):
        return menus.lane_menu(scene, target.box.lane_id)
    if isinstance(target, LinkItem):
        scene.choose_link(target.link_id)
        return menus.link_menu(scene, target.link_id)
    if target is not None or scene.locator.cell_at(pos.x(), pos.y()) is None:
        return None
    spot = scene.locator.drop_finder().spot(pos.x(), pos.y())
    if spot is None:
        return None
    scene.clicked_empty((spot.stage_id, spot.lane_id))
    return menus.cell_menu(scene, spot.stage_id, spot.lane_id, spot.index)


def _line_at(
    scene: JourneyScene, pos: QPointF, target: QGraphicsItem | None
) -> emotion_edit.LineHit | None:
    """The emotion line under ``pos``, unless a header or an editor is drawn over it there."""
    return None if isinstance(target, OVER_THE_LINE) else emotion_edit.hit(scene, pos)
