"""Large, realistic-looking maps made on the spot, for benchmarks (no files are kept)."""

from __future__ import annotations

import itertools

from journey_editor.interop.templates import load_template
from journey_editor.model import CardKind, Journey, add_card

KINDS_BY_LANE_KIND = {
    "touchpoints": CardKind.TOUCHPOINT,
    "actions": CardKind.ACTION,
    "thoughts": CardKind.THOUGHT,
    "pain_points": CardKind.PAIN_POINT,
    "opportunities": CardKind.OPPORTUNITY,
    "backstage": CardKind.BACKSTAGE_ACTION,
    "support_processes": CardKind.SUPPORT_PROCESS,
}


def map_with_cards(count: int) -> Journey:
    """The sample map's grid, filled round-robin to ``count`` cards of fitting kinds."""
    journey = load_template("sample")
    for card_id in list(journey.cards):
        del journey.cards[card_id]
    journey.links.clear()
    for point in journey.emotion_points.values():
        point.card_id = None
    lanes = [lane for lane in journey.lanes if lane.kind.value in KINDS_BY_LANE_KIND]
    cells = itertools.cycle([(s, lane) for s in journey.stages for lane in lanes])
    for number in range(count):
        stage, lane = next(cells)
        add_card(
            journey,
            KINDS_BY_LANE_KIND[lane.kind.value],
            stage.id,
            lane.id,
            f"Card {number}: the customer compares three offers on a phone",
            body="Seen in 4 of 6 interviews; most often on the train home." * (number % 3),
            owner="Growth team" if number % 5 == 0 else "",
        )
    journey.changes.drain()
    return journey
