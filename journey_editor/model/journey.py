"""The Journey: one map, one file, and the record of what changed since it was last written."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import StrEnum

from journey_editor.model import limits
from journey_editor.model.entities import Card, EmotionPoint, Lane, Link, Persona, Stage
from journey_editor.model.errors import JourneyError
from journey_editor.model.vocabulary import JourneyKind


class Entity(StrEnum):
    """The kinds of record the file stores, one row each; the journey row holds the persona."""

    JOURNEY = "journey"
    STAGE = "stage"
    LANE = "lane"
    CARD = "card"
    # Only the card's place in its cell moved: a cheap update when a cell is renumbered.
    CARD_POSITION = "card_position"
    EMOTION_POINT = "emotion_point"
    LINK = "link"


JOURNEY_ROW_ID = "journey"


@dataclass
class ChangeLog:
    """Ids written or removed since the store last drained the log.

    The editing functions record here, so the working copy writes only what changed: an edit
    costs the same on a map of 100 cards as on one of 20,000.
    """

    written: dict[Entity, set[str]] = field(default_factory=lambda: defaultdict(set))
    removed: dict[Entity, set[str]] = field(default_factory=lambda: defaultdict(set))

    def write(self, entity: Entity, entity_id: str) -> None:
        self.removed[entity].discard(entity_id)
        self.written[entity].add(entity_id)

    def remove(self, entity: Entity, entity_id: str) -> None:
        self.written[entity].discard(entity_id)
        self.removed[entity].add(entity_id)

    def drain(self) -> tuple[dict[Entity, set[str]], dict[Entity, set[str]]]:
        taken = (self.written, self.removed)
        self.written, self.removed = defaultdict(set), defaultdict(set)
        return taken

    def __bool__(self) -> bool:
        return any(self.written.values()) or any(self.removed.values())


@dataclass
class Journey:
    """One journey map. Stages and lanes are kept in display order."""

    title: str
    kind: JourneyKind = JourneyKind.CURRENT_STATE
    description: str = ""
    persona: Persona = field(default_factory=Persona)
    stages: list[Stage] = field(default_factory=list)
    lanes: list[Lane] = field(default_factory=list)
    cards: dict[str, Card] = field(default_factory=dict)
    emotion_points: dict[str, EmotionPoint] = field(default_factory=dict)
    links: dict[str, Link] = field(default_factory=dict)
    changes: ChangeLog = field(default_factory=ChangeLog, compare=False, repr=False)

    def __post_init__(self) -> None:
        limits.check_text("map title", self.title, limits.MAP_TITLE_MAX, required=True)
        if not isinstance(self.kind, JourneyKind):
            raise JourneyError(f"map kind must be a JourneyKind; got {self.kind!r}")
        limits.check_text("map description", self.description, limits.BODY_MAX)

    # Lookups -----------------------------------------------------------------------------

    def stage(self, stage_id: str) -> Stage:
        return self.stages[self.stage_index(stage_id)]

    def lane(self, lane_id: str) -> Lane:
        return self.lanes[self.lane_index(lane_id)]

    def card(self, card_id: str) -> Card:
        try:
            return self.cards[card_id]
        except KeyError:
            raise JourneyError(f"no card with id {card_id!r}") from None

    def stage_index(self, stage_id: str) -> int:
        for index, stage in enumerate(self.stages):
            if stage.id == stage_id:
                return index
        raise JourneyError(f"no stage with id {stage_id!r}")

    def lane_index(self, lane_id: str) -> int:
        for index, lane in enumerate(self.lanes):
            if lane.id == lane_id:
                return index
        raise JourneyError(f"no lane with id {lane_id!r}")

    def cards_in(self, stage_id: str, lane_id: str) -> list[Card]:
        """The cards whose home is this cell, in their order within it."""
        cell = [c for c in self.cards.values() if c.stage_id == stage_id and c.lane_id == lane_id]
        cell.sort(key=lambda card: card.position)
        return cell

    def cards_of_stage(self, stage_id: str) -> list[Card]:
        """The cards whose home is this stage, lane by lane, in their order in each cell."""
        lane_order = {lane.id: index for index, lane in enumerate(self.lanes)}
        cards = [card for card in self.cards.values() if card.stage_id == stage_id]
        cards.sort(key=lambda card: (lane_order[card.lane_id], card.position))
        return cards

    def cards_of_lane(self, lane_id: str) -> list[Card]:
        return [card for card in self.cards.values() if card.lane_id == lane_id]

    def cards_in_order(self) -> list[Card]:
        """Every card, by stage, then lane, then position: the order of files and listings."""
        stage_order = {stage.id: index for index, stage in enumerate(self.stages)}
        lane_order = {lane.id: index for index, lane in enumerate(self.lanes)}
        return sorted(
            self.cards.values(),
            key=lambda c: (stage_order[c.stage_id], lane_order[c.lane_id], c.position),
        )

    def emotion_line(self) -> list[EmotionPoint]:
        """The emotion points from left to right."""
        stage_order = {stage.id: index for index, stage in enumerate(self.stages)}
        return sorted(
            self.emotion_points.values(),
            key=lambda p: (stage_order[p.stage_id], p.offset, p.id),
        )

    def links_in_order(self) -> list[Link]:
        return sorted(self.links.values(), key=lambda link: link.id)

    def widest_span(self, stage_id: str) -> int:
        """How many stages a card starting at this stage can cover: it and those after it."""
        return len(self.stages) - self.stage_index(stage_id)

    def covered_stage_ids(self, card: Card) -> list[str]:
        """The stages a card covers: its own, and the next ``span - 1`` to the right."""
        start = self.stage_index(card.stage_id)
        return [stage.id for stage in self.stages[start : start + card.span]]
