"""The map's scene: the document's journey as thin items, and the gestures that edit it.

It is pyqtgraph's scene, not a plain QGraphicsScene, so that pyqtgraph's plotting items can
join the map (the emotion line, kept in the map's own scene so it never drifts from the
stages): they paint correctly only inside it, while plain items and dragging are unaffected.

Items never change the model. A press starts a gesture (``canvas/gesture.py``) that moves
items for show and ends in one document verb; the document then says ``changed`` and the
scene lays the map out again and updates only the items whose boxes changed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TypeVar

import shiboken6
from pyqtgraph import GraphicsScene
from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
    QMenu,
)

from journey_editor.canvas import emotion_edit, pointer
from journey_editor.canvas.card_item import CardItem
from journey_editor.canvas.create import PaletteDrop
from journey_editor.canvas.emotion_line import EmotionLineItem
from journey_editor.canvas.gesture import Gesture
from journey_editor.canvas.items import DropIndicator, LaneHeaderItem, StageHeaderItem
from journey_editor.canvas.keyboard import handle_key
from journey_editor.canvas.link_draw import LinkDraw
from journey_editor.canvas.links import LinkHandle, LinkItem
from journey_editor.canvas.lod import Overview
from journey_editor.canvas.measure import QtTextMeasure
from journey_editor.canvas.sync import MapItems
from journey_editor.canvas.title_editor import InlineEditor, InPlaceEditing
from journey_editor.canvas.zones import JOURNEY_GRID, LayoutMode
from journey_editor.document import JourneyDocument
from journey_editor.layout import DEFAULT_STYLE, FontRole, JourneyLayout, LayoutCache
from journey_editor.layout.locate import GridLocator
from journey_editor.model import CardKind, JourneyError

# Room around the map, so its edges do not sit against the window's.
MARGIN = 24.0
BACKGROUND = QColor("#E4E8ED")
Result = TypeVar("Result")


class JourneyScene(GraphicsScene):
    # What the properties panel should show: ("card", id), ("stage", id), ("lane", id),
    # ("emotion", point id) or ("map", "").
    focus_changed = Signal(str, str)
    # A gesture's verb was refused; the message is one line, for the status bar.
    error = Signal(str)
    # What a gesture did that is not in plain sight ("Selected 2 pain points ..."): one line.
    notice = Signal(str)
    layout_mode_changed = Signal()  # now shown as the journey grid, or as a blueprint

    def __init__(
        self, document: JourneyDocument, parent: QObject | None = None,
        mode: LayoutMode = JOURNEY_GRID,
    ) -> None:
        super().__init__(parent=parent)
        # A spatial index pays on every move: an edit that shifts a lane down re-indexes each
        # card below it. Without one, a hit test scans the items in C++, well within a click.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setBackgroundBrush(BACKGROUND)
        self.document = document
        self.style = DEFAULT_STYLE
        self.measure = QtTextMeasure(self.style.fonts)
        self.fonts: dict[FontRole, QFont] = {role: self.measure.font(role) for role in FontRole}
        # Measured card texts and stacked lanes, kept so that laying out again is arithmetic.
        self._layout_cache = LayoutCache()
        self._mode = mode
        self.layout: JourneyLayout = self._lay_out()
        self.locator = GridLocator(self.layout, self.style)
        self._items = MapItems(self, self.fonts, self.layout)
        self.indicator = DropIndicator()
        self.link_handle = LinkHandle()
        self.addItem(self.indicator)
        self.addItem(self.link_handle)
        self._gesture: Gesture | None = None
        self._editing = InPlaceEditing(self)
        self._focus: tuple[str, str] = ("map", "")
        self._last_cell: tuple[str, str] | None = None
        self._anchor = ""  # the card arrow keys move from, among several selected
        self._chosen_links: set[str] = set()
        self._quiet_selection = False
        self._palette_drop = PaletteDrop(self)
        self.view_scale = 1.0  # the view's zoom: grab areas are kept a size on screen
        # The emotions lane whose line a point was last pressed on (a map may have several):
        # keys and undo act on that line.
        self.point_lane = ""
        self._items.apply(self.layout, document.journey.links)
        self._fit_scene_rect()
        self.selectionChanged.connect(self._selection_changed)
        document.changed.connect(self.refresh)
        document.selection_wanted.connect(self.select_cards)
        document.point_wanted.connect(self.select_point)

    # What the window and panels use ---------------------------------------------------------

    @property
    def card_items(self) -> dict[str, CardItem]:
        return self._items.cards

    @property
    def link_items(self) -> dict[str, LinkItem]:
        return self._items.links

    @property
    def stage_items(self) -> dict[str, StageHeaderItem]:
        return self._items.stages

    @property
    def lane_items(self) -> dict[str, LaneHeaderItem]:
        return self._items.lanes

    @property
    def emotion_lines(self) -> dict[str, EmotionLineItem]:
        """The emotion line of each emotions lane, by lane id."""
        return self._items.emotions

    @property
    def overview(self) -> Overview:
        return self._items.overview

    @property
    def gesture_active(self) -> bool:
        return self._gesture is not None

    @property
    def edge_scrolling(self) -> tuple[bool, bool]:
        """Whether the view should scroll (x, y) when the pointer nears its edges."""
        return (False, False) if self._gesture is None else self._gesture.SCROLLS_AT_EDGES

    @property
    def layout_mode(self) -> LayoutMode:
        return self._mode

    def set_layout_mode(self, blueprint: bool, emotion_line: bool = True) -> None:
        """Show the map as its journey grid, or as a service blueprint (``LayoutMode``)."""
        mode = LayoutMode(blueprint, emotion_line)
        if mode != self._mode:
            self._mode = mode
            self.refresh()
            self.layout_mode_changed.emit()

    def map_rect(self) -> QRectF:
        """The map itself, without the margin around it."""
        return QRectF(0.0, 0.0, self.layout.width, self.layout.height)

    def refresh(self) -> None:
        """Lay the map out again and bring the items in step with it."""
        # The document can outlive the scene by a moment while a window closes.
        if not shiboken6.isValid(self):
            return
        self.cancel_gesture()
        journey = self.document.journey
        self.layout = self._lay_out()
        self.locator = GridLocator(self.layout, self.style)
        # Removing a selected item emits selectionChanged each time: handled once, after,
        # or deleting 3,000 selected cards costs seconds (the selection is sorted per emit).
        self._quiet_selection = True
        try:
            self._items.apply(self.layout, journey.links)
        finally:
            self._quiet_selection = False
        self._selection_changed()
        self._ring_point()
        self._chosen_links &= journey.links.keys()
        self._fit_scene_rect()
        if not self._exists(*self._editing.target):
            self._editing.cancel()
        if not self._exists(*self._focus):
            self._set_focus("map", "")
        self.update_link_handle()

    def run(self, verb: Callable[[], Result]) -> Result | None:
        """Do a document verb; a refusal is reported through ``error``, never raised."""
        try:
            return verb()
        except JourneyError as refused:
            self.error.emit(str(refused))
            return None

    # Selection ------------------------------------------------------------------------------

    def selected_card_ids(self) -> list[str]:
        """The selected cards in map order: by stage, then lane, then place in the cell."""
        cards = self.document.journey.cards
        stages = {box.stage_id: box.index for box in self.layout.stage_headers}
        lanes = {box.lane_id: box.index for box in self.layout.lane_headers}
        chosen = [
            cards[item.box.card_id]
            for item in self.selectedItems()
            if isinstance(item, CardItem) and item.box.card_id in cards
        ]
        chosen.sort(key=lambda c: (stages[c.stage_id], lanes[c.lane_id], c.position))
        return [card.id for card in chosen]

    def select_cards(self, card_ids: list[str]) -> None:
        """Select exactly these cards (unknown ids are skipped) and bring them into view."""
        if not shiboken6.isValid(self):
            return
        self._quiet_selection = True
        try:
            self.clearSelection()
            for card_id in card_ids:
                item = self.card_items.get(card_id)
                if item is not None:
                    item.setSelected(True)
        finally:
            self._quiet_selection = False
        self._selection_changed()
        if card_ids and card_ids[0] in self.card_items:
            self.reveal(self.card_items[card_ids[0]], whole=False)

    def select_point(self, point_id: str, lane_id: str = "", reveal: bool = True) -> None:
        """Select one point of the emotion line (and no cards). With ``reveal``, scroll to it
        when it is in sight on no line: on the line of ``lane_id``, else the line last worked
        on, else the one nearest the middle of the view. A press on a point never scrolls:
        the map would move under the hand."""
        if not shiboken6.isValid(self):
            return
        self.point_lane = lane_id or self.point_lane
        self.focus_on("emotion", point_id)
        if not reveal or emotion_edit.in_sight(self, point_id):
            return
        found = emotion_edit.find_mark(self, point_id, self.point_lane)
        if found is not None:
            at, radius = found[1].at, emotion_edit.MIN_REACH
            self.reveal(QRectF(at.x - radius, at.y - radius, 2 * radius, 2 * radius), whole=False)

    def select_all_cards(self) -> None:
        area = QPainterPath()
        area.addRect(self.map_rect())
        self.setSelectionArea(area)

    def selected_link_ids(self) -> list[str]:
        return sorted(self._chosen_links)

    def current_cell(self) -> tuple[str, str] | None:
        """Where a pasted or keyboard-made card goes: the first selected card's cell, else
        the cell last clicked."""
        selected = self.selected_card_ids()
        if selected:
            box = self.layout.cards[selected[0]]
            return box.stage_id, box.lane_id
        if self._last_cell in self.layout.cells:
            return self._last_cell
        return None

    def focus_on(self, kind: str, ident: str) -> None:
        """Show a stage, a lane or the map in the properties panel; cards are deselected."""
        self._quiet_selection = True
        try:
            self.clearSelection()
        finally:
            self._quiet_selection = False
        self._choose_links(set())
        self._set_focus(kind, ident)
        self.update_link_handle()

    def step_selection(self, card_id: str | None) -> None:
        """Arrow keys: select this one card and keep it in view."""
        if card_id is None:
            return
        self._anchor = card_id
        self.select_cards([card_id])
        self.reveal(self.card_items[card_id], whole=True)

    @property
    def anchor(self) -> str:
        selected = self.selected_card_ids()
        return self._anchor if self._anchor in selected else (selected[0] if selected else "")

    # Typing in place --------------------------------------------------------------------------

    def edit_title(self, card_id: str) -> None:
        """Type the card's title over it: Enter commits (one command), Escape cancels."""
        self._editing.card_title(card_id)

    def rename_stage(self, stage_id: str) -> None:
        self._editing.stage_name(stage_id)

    def rename_lane(self, lane_id: str) -> None:
        self._editing.lane_name(lane_id)

    def edit_point_label(self, point_id: str, lane_id: str = "") -> None:
        self._editing.point_label(point_id, lane_id or self.point_lane)

    def close_editor(self) -> None:
        """Commit and close the editor, if one is open."""
        self._editing.close()

    @property
    def editor(self) -> InlineEditor | None:
        """The in-place editor while one is open (it keeps every key but save and close)."""
        editor = self._editing.editor
        return editor if editor is not None and not editor.done else None

    # Making things ----------------------------------------------------------------------------

    def add_card_at(self, kind: CardKind, stage_id: str, lane_id: str, index: int) -> None:
        """A new card in a cell, then its title typed in place."""
        document = self.document
        card_id = self.run(lambda: document.add_card(kind, stage_id, lane_id, index=index))
        if card_id is not None:
            self.edit_title(card_id)

    def start_link(self, card_id: str) -> None:
        """"Link to…": an arrow follows the pointer from the card until the next click."""
        self.begin_gesture(LinkDraw(self, card_id, by_click=True))

    def cancel_gesture(self) -> bool:
        if self._gesture is None:
            return False
        gesture, self._gesture = self._gesture, None
        gesture.cancel()
        return True

    # Called by the view -------------------------------------------------------------------------

    def pin_headers(self, left: float, top: float) -> None:
        """Keep the headers in view; (left, top) is the view's top-left corner on the map."""
        self._items.pin(left, top)

    def set_view_scale(self, scale: float) -> None:
        """Draw cards in full, or all at once as plain rectangles when zoomed far out."""
        self.view_scale = scale
        self.overview.switch(scale, self.card_items.values())

    def reveal(self, item: QGraphicsItem | QRectF, whole: bool) -> None:
        """Scroll the views to an item or a part of the map if it is out of sight (or, with
        ``whole``, partly), out from under the headers pinned to the view's edges."""
        rect = item if isinstance(item, QRectF) else item.sceneBoundingRect()
        corner = self.layout.corner
        for view in self.views():
            seen = view.mapToScene(view.viewport().rect()).boundingRect()
            seen.setLeft(max(seen.left(), 0.0) + corner.w)
            seen.setTop(max(seen.top(), 0.0) + corner.h)
            if not (seen.contains(rect) if whole else seen.intersects(rect)):
                zoom = view.transform().m11()
                view.ensureVisible(rect, round(corner.w * zoom) + 12, round(corner.h * zoom) + 12)

    def update_link_handle(self) -> None:
        """The link handle sits on the one selected card, while nothing is being dragged."""
        selected = [item for item in self.selectedItems() if isinstance(item, CardItem)]
        if len(selected) == 1 and self._gesture is None:
            self.link_handle.attach(selected[0].box.card_id, selected[0].scene_rect())
        else:
            self.link_handle.detach()

    # Pointer and keyboard ---------------------------------------------------------------------

    def begin_gesture(self, gesture: Gesture) -> None:
        self.cancel_gesture()
        self._gesture = gesture

    def clicked_card(self, card_id: str) -> None:
        box = self.layout.cards[card_id]
        self._last_cell = box.stage_id, box.lane_id
        self._anchor = card_id

    def clicked_empty(self, cell: tuple[str, str] | None) -> None:
        """A press on the empty map: it shows the map's properties (Qt drops the selection)."""
        if cell is not None:
            self._last_cell = cell
        self._choose_links(set())
        if self._focus[0] != "card":
            self._set_focus("map", "")

    def choose_link(self, link_id: str) -> None:
        """Select one link (and no cards): Delete then removes it."""
        self.focus_on("map", "")
        self._choose_links({link_id})

    def card_item_at(self, pos: QPointF) -> CardItem | None:
        item = pointer.item_at(self, pos)
        return item if isinstance(item, CardItem) else None

    def context_menu_at(self, pos: QPointF) -> QMenu | None:
        """The menu a right-click at ``pos`` opens; None where there is nothing to offer."""
        return pointer.context_menu(self, pos)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._gesture is not None:
            event.accept()
            self._gesture.press(event)
            if self._gesture is not None and self._gesture.finished:
                self._gesture = None
        elif pointer.press(self, event):
            event.accept()
        else:
            # The empty map: the view starts a rubber band and Qt clears the selection.
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._gesture is None:
            super().mouseMoveEvent(event)
            return
        event.accept()
        self._gesture.move(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._gesture is None:
            super().mouseReleaseEvent(event)
            return
        event.accept()
        # Forgotten first: the gesture's verb refreshes the scene, which cancels gestures.
        gesture, self._gesture = self._gesture, None
        gesture.release(event)
        if not gesture.finished:
            self._gesture = gesture

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._gesture is not None or event.button() != Qt.MouseButton.LeftButton:
            self.mousePressEvent(event)
        elif pointer.double_click(self, event):
            event.accept()
        else:
            super().mouseDoubleClickEvent(event)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        menu = self.context_menu_at(event.scenePos())
        if menu is None:
            super().contextMenuEvent(event)
            return
        event.accept()
        menu.exec(event.screenPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.focusItem() is not None or not handle_key(self, event):
            super().keyPressEvent(event)

    # Cards dragged in from the palette ----------------------------------------------------------

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._palette_drop.enter(event)

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._palette_drop.move(event)

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._palette_drop.leave()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self._palette_drop.drop(event)

    # Inner workings -----------------------------------------------------------------------------

    def _lay_out(self) -> JourneyLayout:
        return self._mode.lay_out(
            self.document.journey, self.measure, self.style, self._layout_cache
        )

    def _fit_scene_rect(self) -> None:
        rect = self.map_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        if rect != self.sceneRect():
            self.setSceneRect(rect)

    def _exists(self, kind: str, ident: str) -> bool:
        known: dict[str, Mapping[str, object]] = {
            "card": self.card_items, "stage": self.stage_items, "lane": self.lane_items,
            "emotion": self.document.journey.emotion_points,
        }
        return kind == "map" or ident in known.get(kind, {})

    @property
    def focus(self) -> tuple[str, str]:
        """What the properties panel shows: ("card", id), ("stage", id) ... or ("map", "")."""
        return self._focus

    def _set_focus(self, kind: str, ident: str) -> None:
        if (kind, ident) != self._focus:
            self._focus = (kind, ident)
            self._ring_point()
            self.focus_changed.emit(kind, ident)

    def _ring_point(self) -> None:
        """The selected emotion point is ringed on every line that shows it."""
        kind, ident = self._focus
        for line in self.emotion_lines.values():
            line.select(ident if kind == "emotion" else "")

    def _choose_links(self, link_ids: set[str]) -> None:
        for link_id in self._chosen_links ^ link_ids:
            item = self.link_items.get(link_id)
            if item is not None:
                item.choose(link_id in link_ids)
        self._chosen_links = set(link_ids)

    def _selection_changed(self) -> None:
        if self._quiet_selection or not shiboken6.isValid(self):
            return
        selected = self.selected_card_ids()
        if selected:
            self._choose_links(set())
            self._set_focus("card", selected[0])
        elif self._focus[0] == "card":
            self._set_focus("map", "")
        self.update_link_handle()
        if self.overview.active:
            self.overview.update()
