"""The map's context menus: on a card, a stage header, a lane header, an empty cell, a link,
and a point of the emotion line or the line's empty band.

Each action is one document verb (through the scene, which reports a refusal), sometimes
followed by typing in place: a new stage, lane or card starts with its name being edited.
Paste is the window's (it owns the clipboard), so no menu here offers it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from journey_editor.canvas import emotion_edit
from journey_editor.canvas.create import kinds_for
from journey_editor.document import counted
from journey_editor.layout import CARD_CUES, one_line
from journey_editor.model import LaneKind

if TYPE_CHECKING:
    from journey_editor.canvas.scene import JourneyScene


def card_menu(scene: JourneyScene, card_id: str) -> QMenu:
    """For the card, or for the whole selection when the card is part of it."""
    selected = scene.selected_card_ids()
    ids = selected if card_id in selected else [card_id]
    document = scene.document
    menu = QMenu()
    _add(menu, "Edit title", lambda: scene.edit_title(card_id)).setEnabled(len(ids) == 1)
    _add(menu, f"Duplicate {counted(len(ids), 'card')}",
         lambda: scene.run(lambda: document.duplicate_cards(ids)))
    _add(menu, "Link to…", lambda: scene.start_link(card_id)).setEnabled(len(ids) == 1)
    menu.addSeparator()
    _add(menu, f"Delete {counted(len(ids), 'card')}",
         lambda: scene.run(lambda: document.remove_cards(ids)))
    return menu


def stage_menu(scene: JourneyScene, stage_id: str) -> QMenu:
    document = scene.document
    index = document.journey.stage_index(stage_id)

    def add_at(at: int) -> None:
        new_id = scene.run(lambda: document.add_stage(index=at))
        if new_id is not None:
            scene.rename_stage(new_id)

    menu = QMenu()
    _add(menu, "Add stage before", lambda: add_at(index))
    _add(menu, "Add stage after", lambda: add_at(index + 1))
    _add(menu, "Rename", lambda: scene.rename_stage(stage_id))
    menu.addSeparator()
    delete = _add(menu, "Delete stage", lambda: scene.run(lambda: document.remove_stage(stage_id)))
    delete.setEnabled(len(document.journey.stages) > 1)
    return menu


def lane_menu(scene: JourneyScene, lane_id: str) -> QMenu:
    document = scene.document
    index = document.journey.lane_index(lane_id)

    def add_at(at: int, kind: LaneKind) -> None:
        new_id = scene.run(lambda: document.add_lane(kind=kind, index=at))
        if new_id is not None:
            scene.rename_lane(new_id)

    menu = QMenu()
    for title, at in (("Add lane above", index), ("Add lane below", index + 1)):
        kinds = menu.addMenu(title)
        for kind in LaneKind:
            _add(kinds, kind.label, partial(add_at, at, kind))
    _add(menu, "Rename", lambda: scene.rename_lane(lane_id))
    menu.addSeparator()
    delete = _add(menu, "Delete lane", lambda: scene.run(lambda: document.remove_lane(lane_id)))
    delete.setEnabled(len(document.journey.lanes) > 1)
    return menu


def cell_menu(scene: JourneyScene, stage_id: str, lane_id: str, index: int) -> QMenu:
    """Add a card of any kind here, the lane's own kind first."""
    lane = scene.document.journey.lane(lane_id)
    menu = QMenu()
    kinds = menu.addMenu("Add card")
    for kind in kinds_for(lane.kind):
        cue = CARD_CUES[kind]
        _add(kinds, f"{cue.glyph} {cue.label}",
             partial(scene.add_card_at, kind, stage_id, lane_id, index))
    return menu


def _add(menu: QMenu, text: str, slot: Callable[[], object]) -> QAction:
    action = menu.addAction(text)
    action.triggered.connect(lambda: slot())
    return action


def link_menu(scene: JourneyScene, link_id: str) -> QMenu:
    document = scene.document
    menu = QMenu()
    _add(menu, "Delete link", lambda: scene.run(lambda: document.remove_link(link_id)))
    return menu


# A menu of more cards than this is no help: the properties panel lists them all.
TIE_MENU_MAX = 30
TITLE_SHOWN = 50


def point_menu(scene: JourneyScene, point_id: str, lane_id: str) -> QMenu:
    """Label the point, tie it to a card of its stage (what caused the feeling), delete it."""
    document = scene.document
    journey = document.journey
    point = journey.emotion_points[point_id]
    menu = QMenu()
    _add(menu, "Edit label", lambda: scene.edit_point_label(point_id, lane_id))
    tie = menu.addMenu("Tie to card")

    def tie_to(card_id: str | None) -> None:
        scene.run(lambda: document.update_emotion_point(point_id, card_id=card_id))

    cards = journey.cards_of_stage(point.stage_id)
    listed = cards[:TIE_MENU_MAX]
    tied = journey.cards.get(point.card_id or "")
    if tied is not None and tied not in listed:
        listed.append(tied)  # far down the stage, or in another: shown, to be untied
    for card_id, text in [(None, "Not tied"), *(
        (card.id, f"{CARD_CUES[card.kind].glyph} {one_line(card.title, TITLE_SHOWN) or '…'}")
        for card in listed
    )]:
        # "&" in a card's title would be taken as a shortcut mark.
        choice = _add(tie, text.replace("&", "&&"), partial(tie_to, card_id))
        choice.setCheckable(True)
        choice.setChecked(card_id == point.card_id)
        if card_id is None:
            tie.addSeparator()
    if len(cards) > TIE_MENU_MAX:
        more = tie.addAction(f"{len(cards) - TIE_MENU_MAX} more in the Properties panel")
        more.setEnabled(False)
    menu.addSeparator()
    _add(menu, "Delete point", lambda: scene.run(lambda: document.remove_emotion_point(point_id)))
    return menu


def emotion_band_menu(scene: JourneyScene, lane_id: str, pos: QPointF) -> QMenu:
    menu = QMenu()
    _add(menu, "Add emotion point here", lambda: emotion_edit.add_point_at(scene, lane_id, pos))
    return menu
