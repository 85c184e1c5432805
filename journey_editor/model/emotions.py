"""Editing the emotion line: points placed inside stages, scored 1 (very negative) to 5."""

from __future__ import annotations

from typing import Any

from journey_editor.model import limits
from journey_editor.model.entities import Card, EmotionPoint, apply_fields, new_id
from journey_editor.model.errors import JourneyError
from journey_editor.model.journey import Entity, Journey
from journey_editor.model.vocabulary import CardKind

# The scale in words, best first: what the lane header and the exports label it with, so a
# score is never read from a number alone.
SCALE_WORDS: tuple[tuple[int, str], ...] = (
    (5, "Very positive"),
    (4, "Positive"),
    (3, "Neutral"),
    (2, "Negative"),
    (1, "Very negative"),
)


def feeling(score: float) -> str:
    """The scale's word nearest to a score: 2.4 is 'Negative'. Halfway between two words,
    the one further from neutral: 3.5 is 'Positive', 2.5 'Negative'."""
    return min(
        SCALE_WORDS, key=lambda step: (abs(step[0] - score), -abs(step[0] - limits.SCORE_NEUTRAL))
    )[1]


def pain_points_of_stage(journey: Journey, stage_id: str) -> list[Card]:
    """The pain-point cards covering a stage (spanning ones too), in map order."""
    return [
        card for card in journey.cards_in_order()
        if card.kind is CardKind.PAIN_POINT and stage_id in journey.covered_stage_ids(card)
    ]


def add_emotion_point(
    journey: Journey,
    stage_id: str,
    offset: float,
    score: float,
    label: str = "",
    card_id: str | None = None,
    point_id: str | None = None,
) -> EmotionPoint:
    journey.stage(stage_id)
    if card_id is not None:
        journey.card(card_id)
    limits.check_count("emotion points", len(journey.emotion_points) + 1, limits.MAX_EMOTION_POINTS)
    point = EmotionPoint(
        id=point_id or new_id("emotion"),
        stage_id=stage_id,
        offset=offset,
        score=score,
        label=label,
        card_id=card_id,
    )
    if point.id in journey.emotion_points:
        raise JourneyError(f"an emotion point with id {point.id!r} already exists")
    journey.emotion_points[point.id] = point
    journey.changes.write(Entity.EMOTION_POINT, point.id)
    return point


def update_emotion_point(journey: Journey, point_id: str, **changes: Any) -> dict[str, Any]:
    """Change score, place (stage_id, offset), label or card; returns the values replaced."""
    point = _point(journey, point_id)
    if "stage_id" in changes:
        journey.stage(changes["stage_id"])
    if changes.get("card_id") is not None:
        journey.card(changes["card_id"])
    before = apply_fields(point, changes)
    journey.changes.write(Entity.EMOTION_POINT, point_id)
    return before


def remove_emotion_point(journey: Journey, point_id: str) -> EmotionPoint:
    _point(journey, point_id)
    journey.changes.remove(Entity.EMOTION_POINT, point_id)
    return journey.emotion_points.pop(point_id)


def _point(journey: Journey, point_id: str) -> EmotionPoint:
    try:
        return journey.emotion_points[point_id]
    except KeyError:
        raise JourneyError(f"no emotion point with id {point_id!r}") from None
