"""Hypothesis strategies: maps built by the model's own editing verbs, and edits to apply."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from hypothesis import strategies as st

from journey_editor.model import (
    CardKind,
    Channel,
    ConversionGoal,
    Evidence,
    EvidenceSource,
    GoalKind,
    Journey,
    JourneyError,
    JourneyKind,
    LaneKind,
    Level,
    Metric,
    OpportunityStatus,
    Persona,
    add_card,
    add_emotion_point,
    add_lane,
    add_link,
    add_stage,
    move_cards,
    move_lane,
    move_stage,
    remove_cards,
    remove_emotion_point,
    remove_lane,
    remove_link,
    remove_stage,
    update_card,
    update_emotion_point,
    update_lane,
    update_stage,
)

# Text with the characters people really type: accents, CJK, emoji, quotes, markup.
texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("<>&\"'\n\t"),
    max_size=40,
)
names = texts.filter(lambda text: text.strip() != "")
scores = st.floats(min_value=1.0, max_value=5.0, allow_nan=False)
offsets = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
optional_numbers = st.none() | st.floats(allow_nan=False, allow_infinity=False, width=32)



def png_header(width: int, height: int, rest: bytes = b"") -> bytes:
    """The start of a PNG: its signature and header chunk (what the editor checks of it)."""
    fields = width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes((8, 6, 0, 0, 0))
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR" + fields + b"\x00" * 4 + rest


# The editor accepts a picture whose header states a size within the limits.
pictures = st.builds(
    png_header, st.integers(1, 2_000), st.integers(1, 2_000), st.binary(max_size=32)
)

personas = st.builds(
    Persona,
    name=texts,
    role=texts,
    core_need=texts,
    trigger_event=texts,
    primary_channel=st.none() | st.sampled_from(Channel),
    conversion_metric=texts,
    goals=st.lists(texts, max_size=3),
    frustrations=st.lists(texts, max_size=3),
    quote=texts,
    picture=st.none() | pictures,
)

stage_details = st.fixed_dictionaries(
    {},
    optional={
        "customer_goal": texts,
        "conversion_goals": st.lists(
            st.builds(ConversionGoal, st.sampled_from(GoalKind), names), max_size=3
        ),
        "metrics": st.lists(
            st.builds(Metric, names, optional_numbers, optional_numbers, texts), max_size=3
        ),
        "emotional_drivers": st.lists(texts, max_size=3),
    },
)

card_details = st.fixed_dictionaries(
    {},
    optional={
        "body": texts,
        "channel": st.none() | st.sampled_from(Channel),
        "severity": st.none() | st.integers(1, 5),
        "owner": texts,
        "impact": st.none() | st.sampled_from(Level),
        "effort": st.none() | st.sampled_from(Level),
        "status": st.none() | st.sampled_from(OpportunityStatus),
        "actors": st.lists(texts, max_size=3),
        "evidence": st.lists(
            st.builds(Evidence, st.sampled_from(EvidenceSource), names, texts), max_size=2
        ),
    },
)


@st.composite
def journeys(
    draw: st.DrawFn, max_stages: int = 5, max_lanes: int = 4, max_cards: int = 25
) -> Journey:
    """A map with a random grid, cards in random cells, an emotion line and links."""
    journey = Journey(
        title=draw(names),
        kind=draw(st.sampled_from(JourneyKind)),
        description=draw(texts),
        persona=draw(personas),
    )
    for index in range(draw(st.integers(1, max_stages))):
        add_stage(journey, f"Stage {index} {draw(texts)}".strip(), **draw(stage_details))
    for index in range(draw(st.integers(1, max_lanes))):
        add_lane(journey, f"Lane {index}", draw(st.sampled_from(LaneKind)))
    for _ in range(draw(st.integers(0, max_cards))):
        stage = draw(st.sampled_from(journey.stages))
        room = len(journey.stages) - journey.stage_index(stage.id)
        cell = journey.cards_in(stage.id, (lane := draw(st.sampled_from(journey.lanes))).id)
        add_card(
            journey,
            draw(st.sampled_from(CardKind)),
            stage.id,
            lane.id,
            draw(texts),
            index=draw(st.integers(0, len(cell))),
            span=draw(st.integers(1, room)),
            **draw(card_details),
        )
    card_ids = list(journey.cards)
    for _ in range(draw(st.integers(0, 6))):
        add_emotion_point(
            journey,
            draw(st.sampled_from(journey.stages)).id,
            draw(offsets),
            draw(scores),
            draw(texts),
            card_id=draw(st.none() | st.sampled_from(card_ids)) if card_ids else None,
        )
    if len(card_ids) >= 2:
        for _ in range(draw(st.integers(0, 4))):
            source, target = draw(st.permutations(card_ids))[:2]
            with contextlib.suppress(JourneyError):  # the pair was already linked
                add_link(journey, source, target, draw(texts))
    journey.changes.drain()
    return journey


Edit = Callable[[Journey], Any]


@st.composite
def edits(draw: st.DrawFn, journey: Journey) -> Edit:
    """One user edit that fits the map as it is now, its choices all drawn here."""
    stage = draw(st.sampled_from(journey.stages)).id
    lane = draw(st.sampled_from(journey.lanes)).id
    cards = list(journey.cards)
    points = list(journey.emotion_points)
    kinds = ["add_stage", "update_stage", "move_stage", "remove_stage", "add_lane", "update_lane"]
    kinds += ["move_lane", "remove_lane", "add_card", "add_emotion_point"]
    if cards:
        kinds += ["move_cards", "update_card", "span_card", "remove_cards"]
    if len(cards) >= 2:
        kinds.append("add_link")
    if journey.links:
        kinds.append("remove_link")
    if points:
        kinds += ["update_emotion_point", "remove_emotion_point"]
    kind = draw(st.sampled_from(kinds))
    some = (
        draw(st.lists(st.sampled_from(cards), min_size=1, max_size=3, unique=True)) if cards else []
    )
    if kind == "add_stage":
        name, at = draw(names), draw(st.integers(0, len(journey.stages)))
        return lambda j: add_stage(j, name, index=at)
    if kind == "update_stage":
        name, goal = draw(names), draw(texts)
        return lambda j: update_stage(j, stage, name=name, customer_goal=goal)
    if kind == "move_stage":
        to = draw(st.integers(0, len(journey.stages) - 1))
        return lambda j: move_stage(j, stage, to)
    if kind == "remove_stage":
        return lambda j: remove_stage(j, stage)
    if kind == "add_lane":
        name, lane_kind = draw(names), draw(st.sampled_from(LaneKind))
        return lambda j: add_lane(j, name, lane_kind)
    if kind == "update_lane":
        name = draw(names)
        return lambda j: update_lane(j, lane, name=name)
    if kind == "move_lane":
        to = draw(st.integers(0, len(journey.lanes) - 1))
        return lambda j: move_lane(j, lane, to)
    if kind == "remove_lane":
        return lambda j: remove_lane(j, lane)
    if kind == "add_card":
        card_kind, title = draw(st.sampled_from(CardKind)), draw(texts)
        return lambda j: add_card(j, card_kind, stage, lane, title)
    if kind == "add_emotion_point":
        offset, score = draw(offsets), draw(scores)
        return lambda j: add_emotion_point(j, stage, offset, score)
    if kind == "move_cards":
        at = draw(st.integers(0, len(journey.cards_in(stage, lane))))
        return lambda j: move_cards(j, some, stage, lane, at)
    if kind == "update_card":
        title, details = draw(texts), draw(card_details)
        return lambda j: update_card(j, some[0], title=title, **details)
    if kind == "span_card":
        span = draw(st.integers(1, 3))
        return lambda j: update_card(j, some[0], span=span)
    if kind == "remove_cards":
        return lambda j: remove_cards(j, some)
    if kind == "add_link":
        source, target = draw(st.permutations(cards))[:2]
        return lambda j: add_link(j, source, target)
    if kind == "remove_link":
        link = draw(st.sampled_from(list(journey.links)))
        return lambda j: remove_link(j, link)
    point = draw(st.sampled_from(points))
    if kind == "update_emotion_point":
        score, offset = draw(scores), draw(offsets)
        return lambda j: update_emotion_point(j, point, score=score, offset=offset)
    return lambda j: remove_emotion_point(j, point)


def apply_edit(journey: Journey, edit: Edit) -> bool:
    """Apply an edit; False when the model refused it (which must change nothing)."""
    try:
        edit(journey)
    except JourneyError:
        return False
    return True
