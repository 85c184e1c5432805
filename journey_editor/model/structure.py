"""Editing the map's grid: add, change, remove and reorder stages and lanes.

Removing a stage (decided, documented in docs/architecture.md): a card that covers only
that stage goes with it, together with its links; a card that spans into neighbouring
stages survives, one stage narrower, and a card that started at the removed stage moves its
start to the next stage it covered. Emotion points of the stage go with it. Everything
removed is returned, so an undo can put it back exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from journey_editor.model import limits
from journey_editor.model.cards import RemovedCards, remove_cards, renumber_cell
from journey_editor.model.entities import Card, EmotionPoint, Lane, Stage, apply_fields, new_id
from journey_editor.model.errors import JourneyError
from journey_editor.model.journey import Entity, Journey
from journey_editor.model.vocabulary import LaneKind, Zone


@dataclass
class RemovedStage:
    stage: Stage
    index: int
    cards: RemovedCards = field(default_factory=RemovedCards)
    emotion_points: list[EmotionPoint] = field(default_factory=list)
    narrowed: list[Card] = field(default_factory=list)  # copies as they were before


@dataclass
class RemovedLane:
    lane: Lane
    index: int
    cards: RemovedCards = field(default_factory=RemovedCards)


def unused_name(existing: Iterable[str], wanted: str) -> str:
    """``wanted``, or 'wanted 2', 'wanted 3' ... whichever none of ``existing`` is, compared
    as stage and lane names are (case and outer spaces ignored), within the name limit."""
    taken = {name.strip().casefold() for name in existing}
    name, number = wanted, 1
    while name.strip().casefold() in taken:
        number += 1
        suffix = f" {number}"
        name = wanted[: limits.NAME_MAX - len(suffix)].rstrip() + suffix
    return name


def _check_unique_name(existing: list[Any], name: str, what: str, own_id: str | None) -> None:
    folded = name.strip().casefold()
    for item in existing:
        if item.id != own_id and item.name.strip().casefold() == folded:
            raise JourneyError(f"a {what} named {item.name!r} already exists")


def _insert_index(index: int | None, length: int) -> int:
    if index is None:
        return length
    if not 0 <= index <= length:
        raise JourneyError(f"position {index} is outside 0..{length}")
    return index


def add_stage(journey: Journey, name: str, index: int | None = None, **details: Any) -> Stage:
    """A new stage at ``index`` (the end when None)."""
    limits.check_count("stages", len(journey.stages) + 1, limits.MAX_STAGES)
    stage = Stage(id=details.pop("id", None) or new_id("stage"), name=name.strip(), **details)
    _check_unique_name(journey.stages, stage.name, "stage", None)
    if any(s.id == stage.id for s in journey.stages):
        raise JourneyError(f"a stage with id {stage.id!r} already exists")
    journey.stages.insert(_insert_index(index, len(journey.stages)), stage)
    record_order(journey, Entity.STAGE, journey.stages)
    return stage


def update_stage(journey: Journey, stage_id: str, **changes: Any) -> dict[str, Any]:
    """Change fields of a stage (name, customer_goal, ...); returns the values replaced."""
    stage = journey.stage(stage_id)
    if "name" in changes:
        changes["name"] = changes["name"].strip()
        _check_unique_name(journey.stages, changes["name"], "stage", stage_id)
    before = apply_fields(stage, changes)
    journey.changes.write(Entity.STAGE, stage_id)
    return before


def move_stage(journey: Journey, stage_id: str, to_index: int) -> dict[str, int]:
    """Reorder: the stage ends up at ``to_index`` of the new order.

    A card reaching past the last stage afterwards is narrowed; returns the spans it had.
    """
    stage = journey.stage(stage_id)
    if not 0 <= to_index < len(journey.stages):
        raise JourneyError(f"position {to_index} is outside 0..{len(journey.stages) - 1}")
    journey.stages.remove(stage)
    journey.stages.insert(to_index, stage)
    record_order(journey, Entity.STAGE, journey.stages)
    return _fit_spans(journey)


def remove_stage(journey: Journey, stage_id: str) -> RemovedStage:
    index = journey.stage_index(stage_id)
    if len(journey.stages) == 1:
        raise JourneyError("a map keeps at least one stage")
    removed = RemovedStage(stage=journey.stages[index], index=index)
    following = journey.stages[index + 1].id if index + 1 < len(journey.stages) else None
    starts = {stage.id: i for i, stage in enumerate(journey.stages)}
    covering = [
        card for card in journey.cards.values()
        if starts[card.stage_id] <= index < starts[card.stage_id] + card.span
    ]
    doomed = [card.id for card in covering if card.span == 1]
    # Copies and removals before anything moves: a move renumbers the cell the others are in,
    # and the undo needs every card's place as it was.
    removed.narrowed = [replace(card) for card in covering if card.span > 1]
    removed.cards = remove_cards(journey, doomed)
    for before in removed.narrowed:
        card = journey.cards[before.id]
        card.span -= 1
        if card.stage_id == stage_id and following is not None:
            _move_to_end_of_cell(journey, card, following)
        journey.changes.write(Entity.CARD, card.id)
    for point in [p for p in journey.emotion_points.values() if p.stage_id == stage_id]:
        removed.emotion_points.append(journey.emotion_points.pop(point.id))
        journey.changes.remove(Entity.EMOTION_POINT, point.id)
    del journey.stages[index]
    journey.changes.remove(Entity.STAGE, stage_id)
    record_order(journey, Entity.STAGE, journey.stages)
    return removed


def add_lane(
    journey: Journey,
    name: str,
    kind: LaneKind = LaneKind.CUSTOM,
    zone: Zone | None = None,
    index: int | None = None,
    lane_id: str | None = None,
) -> Lane:
    limits.check_count("lanes", len(journey.lanes) + 1, limits.MAX_LANES)
    lane = Lane(
        id=lane_id or new_id("lane"),
        name=name.strip(),
        kind=kind,
        zone=kind.default_zone if zone is None else zone,
    )
    _check_unique_name(journey.lanes, lane.name, "lane", None)
    if any(existing.id == lane.id for existing in journey.lanes):
        raise JourneyError(f"a lane with id {lane.id!r} already exists")
    journey.lanes.insert(_insert_index(index, len(journey.lanes)), lane)
    record_order(journey, Entity.LANE, journey.lanes)
    return lane


def update_lane(journey: Journey, lane_id: str, **changes: Any) -> dict[str, Any]:
    lane = journey.lane(lane_id)
    if "name" in changes:
        changes["name"] = changes["name"].strip()
        _check_unique_name(journey.lanes, changes["name"], "lane", lane_id)
    before = apply_fields(lane, changes)
    journey.changes.write(Entity.LANE, lane_id)
    return before


def move_lane(journey: Journey, lane_id: str, to_index: int) -> None:
    lane = journey.lane(lane_id)
    if not 0 <= to_index < len(journey.lanes):
        raise JourneyError(f"position {to_index} is outside 0..{len(journey.lanes) - 1}")
    journey.lanes.remove(lane)
    journey.lanes.insert(to_index, lane)
    record_order(journey, Entity.LANE, journey.lanes)


def remove_lane(journey: Journey, lane_id: str) -> RemovedLane:
    """Remove a lane and the cards in it (a row has no neighbour its cards could join)."""
    index = journey.lane_index(lane_id)
    if len(journey.lanes) == 1:
        raise JourneyError("a map keeps at least one lane")
    removed = RemovedLane(lane=journey.lanes[index], index=index)
    removed.cards = remove_cards(journey, [card.id for card in journey.cards_of_lane(lane_id)])
    del journey.lanes[index]
    journey.changes.remove(Entity.LANE, lane_id)
    record_order(journey, Entity.LANE, journey.lanes)
    return removed


def record_order(journey: Journey, entity: Entity, items: list[Stage] | list[Lane]) -> None:
    """Positions are implicit in list order; the store writes every row whose index moved."""
    for item in items:
        journey.changes.write(entity, item.id)


def _fit_spans(journey: Journey) -> dict[str, int]:
    """After a reorder, a card may not reach past the last stage; returns the spans cut."""
    room_after = {stage.id: len(journey.stages) - i for i, stage in enumerate(journey.stages)}
    narrowed = {}
    for card in journey.cards.values():
        room = room_after[card.stage_id]
        if card.span > room:
            narrowed[card.id] = card.span
            card.span = room
            journey.changes.write(Entity.CARD, card.id)
    return narrowed


def _move_to_end_of_cell(journey: Journey, card: Card, stage_id: str) -> None:
    old_stage = card.stage_id
    card.stage_id = stage_id
    card.position = len(journey.cards_in(stage_id, card.lane_id)) - 1
    renumber_cell(journey, old_stage, card.lane_id)
