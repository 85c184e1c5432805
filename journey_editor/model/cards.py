"""Editing cards and the links between them: add, change, move, reorder, span, remove."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from journey_editor.model import limits
from journey_editor.model.entities import Card, Link, apply_fields, new_id
from journey_editor.model.errors import JourneyError
from journey_editor.model.journey import Entity, Journey
from journey_editor.model.vocabulary import CardKind

Placement = tuple[str, str, int, int]  # stage id, lane id, position, span


@dataclass
class RemovedCards:
    """What removing cards took away, so that an undo can restore it."""

    cards: list[Card] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    detached_points: dict[str, str] = field(default_factory=dict)  # emotion point -> card


def add_card(
    journey: Journey,
    kind: CardKind,
    stage_id: str,
    lane_id: str,
    title: str,
    index: int | None = None,
    card_id: str | None = None,
    **details: Any,
) -> Card:
    """A new card in a cell, at ``index`` among its cards (the end when None)."""
    _check_cell(journey, stage_id, lane_id)
    cell = journey.cards_in(stage_id, lane_id)
    position = len(cell) if index is None else _check_index(index, len(cell))
    card = _new_card(journey, kind, stage_id, lane_id, position, title, card_id, details)
    for later in cell[position:]:
        later.position += 1
        journey.changes.write(Entity.CARD_POSITION, later.id)
    _insert(journey, card)
    return card


class CardAppender:
    """Adds cards at the ends of their cells, as a reader building a new map does.

    ``add_card`` looks through every card of the map to find a card's place, which is
    quadratic over a file of many cards (13 minutes for 100,000 rows of CSV); this counts
    the cells once and then adds each card in constant time, with the same checks. Only
    this appender may add cards to the journey while it is in use.
    """

    def __init__(self, journey: Journey) -> None:
        self._journey = journey
        self._sizes = Counter((card.stage_id, card.lane_id) for card in journey.cards.values())

    def add(
        self,
        kind: CardKind,
        stage_id: str,
        lane_id: str,
        title: str,
        card_id: str | None = None,
        **details: Any,
    ) -> Card:
        journey = self._journey
        _check_cell(journey, stage_id, lane_id)
        cell = (stage_id, lane_id)
        card = _new_card(journey, kind, stage_id, lane_id, self._sizes[cell], title, card_id,
                         details)
        _insert(journey, card)
        self._sizes[cell] += 1
        return card


def _check_cell(journey: Journey, stage_id: str, lane_id: str) -> None:
    limits.check_count("cards", len(journey.cards) + 1, limits.MAX_CARDS)
    journey.stage(stage_id)
    journey.lane(lane_id)


def _new_card(
    journey: Journey, kind: CardKind, stage_id: str, lane_id: str, position: int, title: str,
    card_id: str | None, details: dict[str, Any],
) -> Card:
    """A card checked against the map (its id unused, its span within the stages)."""
    card = Card(
        id=card_id or new_id("card"),
        kind=kind,
        stage_id=stage_id,
        lane_id=lane_id,
        position=position,
        title=title,
        **details,
    )
    if card.id in journey.cards:
        raise JourneyError(f"a card with id {card.id!r} already exists")
    _check_span(journey, stage_id, card.span)
    return card


def _insert(journey: Journey, card: Card) -> None:
    journey.cards[card.id] = card
    journey.changes.write(Entity.CARD, card.id)


def update_card(journey: Journey, card_id: str, **changes: Any) -> dict[str, Any]:
    """Change a card's own fields (title, body, kind, span, owner ...); not its place.

    Returns the values replaced. Moving between cells is ``move_cards``.
    """
    card = journey.card(card_id)
    placed = {"stage_id", "lane_id", "position"} & changes.keys()
    if placed:
        raise JourneyError("a card changes its place through a move")
    if "span" in changes:
        _check_span(journey, card.stage_id, changes["span"])
    before = apply_fields(card, changes)
    journey.changes.write(Entity.CARD, card_id)
    return before


def move_cards(
    journey: Journey, card_ids: list[str], stage_id: str, lane_id: str, index: int | None = None
) -> dict[str, Placement]:
    """Move cards, in the given order, into a cell at ``index`` among the cards that stay there.

    Moving within one cell reorders it. A card too wide for its new stage is narrowed to
    fit. Returns where each card was, for undo.
    """
    journey.stage(stage_id)
    journey.lane(lane_id)
    if len(set(card_ids)) != len(card_ids):
        raise JourneyError("a card is named twice in one move")
    moving = [journey.card(card_id) for card_id in card_ids]
    before = {c.id: (c.stage_id, c.lane_id, c.position, c.span) for c in moving}
    moving_ids = set(card_ids)
    staying = [c for c in journey.cards_in(stage_id, lane_id) if c.id not in moving_ids]
    at = len(staying) if index is None else _check_index(index, len(staying))
    sources = {(c.stage_id, c.lane_id) for c in moving}
    room = journey.widest_span(stage_id)
    for card in moving:
        card.stage_id, card.lane_id = stage_id, lane_id
        card.span = min(card.span, room)
    for card in moving:
        journey.changes.write(Entity.CARD, card.id)
    for position, card in enumerate(staying[:at] + moving + staying[at:]):
        if card.position != position:
            card.position = position
            journey.changes.write(Entity.CARD_POSITION, card.id)
    for source_stage, source_lane in sources - {(stage_id, lane_id)}:
        renumber_cell(journey, source_stage, source_lane)
    return before


def restore_placements(journey: Journey, placements: dict[str, Placement]) -> None:
    """Undo of ``move_cards``: put each card back exactly where it was."""
    cells = {(c.stage_id, c.lane_id) for c in (journey.card(i) for i in placements)}
    for card_id, (stage_id, lane_id, position, span) in placements.items():
        card = journey.cards[card_id]
        card.stage_id, card.lane_id, card.position, card.span = stage_id, lane_id, position, span
        journey.changes.write(Entity.CARD, card_id)
        cells.add((stage_id, lane_id))
    for stage_id, lane_id in cells:
        shift_around(journey, stage_id, lane_id, set(placements))


def remove_cards(journey: Journey, card_ids: list[str]) -> RemovedCards:
    """Remove cards with their links; emotion points tied to them stay, untied."""
    card_ids = list(dict.fromkeys(card_ids))
    for card_id in card_ids:
        journey.card(card_id)  # all or nothing: refuse before removing any
    removed = RemovedCards()
    doomed = set(card_ids)
    cells = set()
    for card_id in card_ids:
        card = journey.cards.pop(card_id)
        removed.cards.append(card)
        cells.add((card.stage_id, card.lane_id))
        journey.changes.remove(Entity.CARD, card_id)
    for link in [lk for lk in journey.links.values() if {lk.source_id, lk.target_id} & doomed]:
        removed.links.append(journey.links.pop(link.id))
        journey.changes.remove(Entity.LINK, link.id)
    for point in journey.emotion_points.values():
        if point.card_id in doomed:
            removed.detached_points[point.id] = point.card_id
            point.card_id = None
            journey.changes.write(Entity.EMOTION_POINT, point.id)
    for stage_id, lane_id in cells:
        renumber_cell(journey, stage_id, lane_id)
    return removed


def renumber_cell(journey: Journey, stage_id: str, lane_id: str) -> None:
    """Close the gaps a card left behind: positions run 0, 1, 2 ... in every cell."""
    for position, card in enumerate(journey.cards_in(stage_id, lane_id)):
        if card.position != position:
            card.position = position
            journey.changes.write(Entity.CARD_POSITION, card.id)


def add_link(
    journey: Journey, source_id: str, target_id: str, label: str = "", link_id: str | None = None
) -> Link:
    journey.card(source_id)
    journey.card(target_id)
    limits.check_count("links", len(journey.links) + 1, limits.MAX_LINKS)
    if any(
        lk.source_id == source_id and lk.target_id == target_id for lk in journey.links.values()
    ):
        raise JourneyError("these two cards are already linked")
    link = Link(id=link_id or new_id("link"), source_id=source_id, target_id=target_id, label=label)
    if link.id in journey.links:
        raise JourneyError(f"a link with id {link.id!r} already exists")
    journey.links[link.id] = link
    journey.changes.write(Entity.LINK, link.id)
    return link


def remove_link(journey: Journey, link_id: str) -> Link:
    if link_id not in journey.links:
        raise JourneyError(f"no link with id {link_id!r}")
    journey.changes.remove(Entity.LINK, link_id)
    return journey.links.pop(link_id)


def _check_index(index: int, length: int) -> int:
    if not 0 <= index <= length:
        raise JourneyError(f"position {index} is outside 0..{length}")
    return index


def _check_span(journey: Journey, stage_id: str, span: int) -> None:
    room = journey.widest_span(stage_id)
    if isinstance(span, bool) or not isinstance(span, int) or not 1 <= span <= room:
        raise JourneyError(f"a card here can span 1 to {room} stages; got {span!r}")


def shift_around(journey: Journey, stage_id: str, lane_id: str, pinned: set[str]) -> None:
    """Renumber a cell so the pinned cards keep their positions and the others fill round."""
    cell = journey.cards_in(stage_id, lane_id)
    fixed = {c.position: c for c in cell if c.id in pinned}
    others = iter(sorted((c for c in cell if c.id not in pinned), key=lambda c: c.position))
    for position in range(len(cell)):
        card = fixed.get(position) or next(others)
        if card.position != position:
            card.position = position
            journey.changes.write(Entity.CARD_POSITION, card.id)
