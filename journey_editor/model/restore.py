"""Putting back what a removal took away, exactly as it was: the undo of every removal.

Each removal in ``cards`` and ``structure`` returns a record of what it took; these
functions take that record and leave the journey equal to the one before the removal.
"""

from __future__ import annotations

from journey_editor.model.cards import RemovedCards, shift_around
from journey_editor.model.journey import Entity, Journey
from journey_editor.model.structure import RemovedLane, RemovedStage, record_order


def restore_cards(journey: Journey, removed: RemovedCards) -> None:
    """Undo of ``remove_cards``: the cards at their old places, their links, their points."""
    _put_back(journey, removed, {card.id for card in removed.cards}, set())


def restore_stage(journey: Journey, removed: RemovedStage) -> None:
    """Undo of ``remove_stage``: the stage, its cards and points, and the spans it narrowed."""
    journey.stages.insert(removed.index, removed.stage)
    record_order(journey, Entity.STAGE, journey.stages)
    # Cards that started at the removed stage were moved to the next one: renumber there too.
    cells = {(journey.cards[c.id].stage_id, c.lane_id) for c in removed.narrowed}
    for before in removed.narrowed:
        card = journey.cards[before.id]
        card.stage_id, card.position, card.span = before.stage_id, before.position, before.span
        journey.changes.write(Entity.CARD, card.id)
    # The points first: some were tied to the stage's removed cards, and are tied again.
    for point in removed.emotion_points:
        journey.emotion_points[point.id] = point
        journey.changes.write(Entity.EMOTION_POINT, point.id)
    pinned = {card.id for card in removed.cards.cards} | {c.id for c in removed.narrowed}
    _put_back(journey, removed.cards, pinned, cells)


def restore_lane(journey: Journey, removed: RemovedLane) -> None:
    """Undo of ``remove_lane``: the lane at its old place with every card it held."""
    journey.lanes.insert(removed.index, removed.lane)
    record_order(journey, Entity.LANE, journey.lanes)
    restore_cards(journey, removed.cards)


def _put_back(
    journey: Journey, removed: RemovedCards, pinned: set[str], cells: set[tuple[str, str]]
) -> None:
    """Re-insert removed cards, then renumber each cell round the cards pinned to old places."""
    for card in removed.cards:
        journey.cards[card.id] = card
        journey.changes.write(Entity.CARD, card.id)
    for link in removed.links:
        journey.links[link.id] = link
        journey.changes.write(Entity.LINK, link.id)
    for point_id, card_id in removed.detached_points.items():
        journey.emotion_points[point_id].card_id = card_id
        journey.changes.write(Entity.EMOTION_POINT, point_id)
    touched = cells | {(journey.cards[i].stage_id, journey.cards[i].lane_id) for i in pinned}
    for stage_id, lane_id in touched:
        shift_around(journey, stage_id, lane_id, pinned)
