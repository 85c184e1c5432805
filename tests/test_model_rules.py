"""The rules of the map: ordering, moves, spans, removals and the limits that protect users."""

from __future__ import annotations

import copy
import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import apply_edit, edits, journeys

from journey_editor.model import (
    CardAppender,
    CardKind,
    Journey,
    JourneyError,
    LaneKind,
    Zone,
    add_card,
    add_emotion_point,
    add_lane,
    add_link,
    add_stage,
    broken_invariants,
    move_cards,
    move_lane,
    move_stage,
    remove_cards,
    remove_lane,
    remove_stage,
    restore_cards,
    restore_lane,
    restore_placements,
    restore_stage,
    update_card,
    update_map,
    update_persona,
    update_stage,
)


def grid(stages: int = 3, lanes: int = 2) -> Journey:
    journey = Journey(title="Test map")
    for index in range(stages):
        add_stage(journey, f"S{index}")
    for index in range(lanes):
        add_lane(journey, f"L{index}", LaneKind.TOUCHPOINTS)
    return journey


def titles(journey: Journey, stage: int, lane: int) -> list[str]:
    cell = journey.cards_in(journey.stages[stage].id, journey.lanes[lane].id)
    return [card.title for card in cell]


def put(journey: Journey, stage: int, lane: int, *card_titles: str, **details: object) -> list[str]:
    return [
        add_card(
            journey,
            CardKind.TOUCHPOINT,
            journey.stages[stage].id,
            journey.lanes[lane].id,
            t,
            **details,
        ).id
        for t in card_titles
    ]


def test_stages_are_added_renamed_reordered_and_names_stay_unique() -> None:
    journey = grid(stages=0)
    awareness = add_stage(journey, "Awareness")
    add_stage(journey, "Decision")
    add_stage(journey, "Consideration", index=1)
    assert [s.name for s in journey.stages] == ["Awareness", "Consideration", "Decision"]
    move_stage(journey, awareness.id, 2)
    assert [s.name for s in journey.stages] == ["Consideration", "Decision", "Awareness"]
    update_stage(journey, awareness.id, name="Retention")
    with pytest.raises(JourneyError, match="already exists"):
        add_stage(journey, " retention ")
    with pytest.raises(JourneyError, match="must not be empty"):
        update_stage(journey, awareness.id, name="   ")
    assert journey.stages[2].name == "Retention"


def test_lanes_take_the_zone_of_their_kind() -> None:
    journey = grid(lanes=0)
    assert add_lane(journey, "Backstage", LaneKind.BACKSTAGE).zone is Zone.BACKSTAGE
    assert add_lane(journey, "Thoughts", LaneKind.THOUGHTS).zone is Zone.NONE
    assert add_lane(journey, "Doing", LaneKind.ACTIONS).zone is Zone.CUSTOMER_ACTIONS
    move_lane(journey, journey.lanes[2].id, 0)
    assert [lane.name for lane in journey.lanes] == ["Doing", "Backstage", "Thoughts"]


def test_cards_keep_their_order_within_a_cell() -> None:
    journey = grid()
    put(journey, 0, 0, "a", "b", "c")
    add_card(journey, CardKind.NOTE, journey.stages[0].id, journey.lanes[0].id, "first", index=0)
    assert titles(journey, 0, 0) == ["first", "a", "b", "c"]


def test_moving_cards_between_cells_and_within_one() -> None:
    journey = grid()
    a, _, c = put(journey, 0, 0, "a", "b", "c")
    (d,) = put(journey, 1, 1, "d")
    move_cards(journey, [c, a], journey.stages[1].id, journey.lanes[1].id, 1)
    assert titles(journey, 0, 0) == ["b"]
    assert titles(journey, 1, 1) == ["d", "c", "a"]
    move_cards(journey, [d], journey.stages[1].id, journey.lanes[1].id, 2)
    assert titles(journey, 1, 1) == ["c", "a", "d"]
    assert broken_invariants(journey) == []


def test_a_move_is_undone_exactly() -> None:
    journey = grid()
    ids = put(journey, 0, 0, "a", "b", "c") + put(journey, 2, 1, "d", "e")
    before = copy.deepcopy(journey)
    placements = move_cards(journey, [ids[3], ids[1]], journey.stages[0].id, journey.lanes[0].id, 0)
    restore_placements(journey, placements)
    assert journey == before


def test_spans_cover_stages_to_the_right_and_never_past_the_last() -> None:
    journey = grid(stages=3)
    (card,) = put(journey, 1, 0, "wide", span=2)
    assert journey.covered_stage_ids(journey.cards[card]) == [s.id for s in journey.stages[1:]]
    with pytest.raises(JourneyError, match="span 1 to 2 stages"):
        update_card(journey, card, span=3)
    move_stage(journey, journey.stages[1].id, 2)  # the card's stage is now the last
    assert journey.cards[card].span == 1


def test_removing_a_stage_takes_its_own_cards_and_narrows_wide_ones() -> None:
    journey = grid(stages=3)
    middle = journey.stages[1].id
    (own,) = put(journey, 1, 0, "only here")
    (across,) = put(journey, 0, 0, "across", span=3)
    (starting,) = put(journey, 1, 1, "starts here", span=2)
    (other,) = put(journey, 2, 0, "elsewhere")
    add_link(journey, own, other)
    add_emotion_point(journey, middle, 0.5, 2.0)
    removed = remove_stage(journey, middle)
    assert [card.title for card in removed.cards.cards] == ["only here"]
    assert len(removed.cards.links) == 1 and len(removed.emotion_points) == 1
    assert journey.cards[across].span == 2
    assert journey.cards[starting].span == 1
    assert journey.cards[starting].stage_id == journey.stages[1].id
    assert titles(journey, 1, 1) == ["starts here"]
    assert journey.links == {} and journey.emotion_points == {}
    assert broken_invariants(journey) == []


def test_removing_a_lane_takes_its_cards() -> None:
    journey = grid(lanes=2)
    put(journey, 0, 0, "stays")
    (gone,) = put(journey, 0, 1, "goes")
    removed = remove_lane(journey, journey.lanes[1].id)
    assert [card.id for card in removed.cards.cards] == [gone]
    assert [card.title for card in journey.cards.values()] == ["stays"]


def test_the_last_stage_and_lane_stay() -> None:
    journey = grid(stages=1, lanes=1)
    with pytest.raises(JourneyError, match="at least one stage"):
        remove_stage(journey, journey.stages[0].id)
    with pytest.raises(JourneyError, match="at least one lane"):
        remove_lane(journey, journey.lanes[0].id)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": "x" * 301}, "card title is 301 characters long; the limit is 300"),
        ({"body": "x" * 20_001}, "card text is 20,001 characters"),
        ({"severity": 9}, "severity must be between 1 and 5"),
        ({"title": 5}, "card title must be text"),
        ({"stage_id": "elsewhere"}, "changes its place through a move"),
        ({"colour": "red"}, "cannot change colour"),
    ],
)
def test_limits_give_a_clear_message_and_change_nothing(change: dict, message: str) -> None:
    journey = grid()
    (card,) = put(journey, 0, 0, "a")
    before = copy.deepcopy(journey)
    with pytest.raises(JourneyError, match=message):
        update_card(journey, card, **change)
    assert journey == before


@pytest.mark.parametrize("score", [0.99, 5.01, float("nan"), "4"])
def test_emotion_scores_stay_on_the_one_to_five_scale(score: object) -> None:
    journey = grid()
    with pytest.raises(JourneyError, match="emotion score"):
        add_emotion_point(journey, journey.stages[0].id, 0.5, score)  # type: ignore[arg-type]


def test_a_map_title_is_required_and_limited() -> None:
    with pytest.raises(JourneyError, match="map title must not be empty"):
        Journey(title=" ")
    with pytest.raises(JourneyError, match="limit is 200"):
        Journey(title="t" * 201)


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_any_sequence_of_edits_keeps_the_invariants(data: st.DataObject) -> None:
    journey = data.draw(journeys())
    for _ in range(data.draw(st.integers(1, 15))):
        before = copy.deepcopy(journey)
        if not apply_edit(journey, data.draw(edits(journey))):
            assert journey == before, "a refused edit changed the map"
        assert broken_invariants(journey) == []


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_every_removal_is_put_back_exactly(data: st.DataObject) -> None:
    journey = data.draw(journeys())
    before = copy.deepcopy(journey)
    what = data.draw(st.sampled_from(["cards", "stage", "lane", "move_stage"]))
    try:
        if what == "cards" and journey.cards:
            ids = data.draw(st.lists(st.sampled_from(list(journey.cards)), min_size=1, max_size=4))
            restore_cards(journey, remove_cards(journey, ids))
        elif what == "stage":
            stage = data.draw(st.sampled_from(journey.stages)).id
            restore_stage(journey, remove_stage(journey, stage))
        elif what == "lane":
            lane = data.draw(st.sampled_from(journey.lanes)).id
            restore_lane(journey, remove_lane(journey, lane))
        elif what == "move_stage":
            stage = data.draw(st.sampled_from(journey.stages))
            at = journey.stages.index(stage)
            to = data.draw(st.integers(0, len(journey.stages) - 1))
            narrowed = move_stage(journey, stage.id, to)
            move_stage(journey, stage.id, at)
            for card_id, span in narrowed.items():
                update_card(journey, card_id, span=span)
    except JourneyError:
        pass  # refused (the last stage or lane): nothing changed
    assert journey == before
    assert broken_invariants(journey) == []


def test_map_details_and_persona_change_with_a_clear_refusal() -> None:
    journey = grid()
    assert update_map(journey, title="Renamed") == {"title": "Test map"}
    assert update_persona(journey, name="Maya", goals=["Calm books"]) == {"name": "", "goals": []}
    assert journey.title == "Renamed" and journey.persona.goals == ["Calm books"]
    with pytest.raises(JourneyError, match="map title must not be empty"):
        update_map(journey, title="  ")
    with pytest.raises(JourneyError, match="cannot change stages"):
        update_map(journey, stages=[])
    assert journey.title == "Renamed"


@settings(max_examples=40, deadline=None)
@given(journeys(), st.data())
def test_appending_cards_gives_what_add_card_gives(journey: Journey, data: st.DataObject) -> None:
    """The readers' fast appender places and checks cards exactly as add_card does."""
    by_add_card, by_appender = copy.deepcopy(journey), copy.deepcopy(journey)
    appender = CardAppender(by_appender)
    cells = [(stage.id, lane.id) for stage in journey.stages for lane in journey.lanes]
    for number, (stage_id, lane_id) in enumerate(data.draw(st.lists(st.sampled_from(cells)))):
        card = {"card_id": f"new-{number}", "span": data.draw(st.integers(1, 3))}
        outcomes = []
        for adding in (functools.partial(add_card, by_add_card), appender.add):
            try:
                adding(CardKind.NOTE, stage_id, lane_id, f"N{number}", **card)
                outcomes.append("added")
            except JourneyError as refusal:
                outcomes.append(str(refusal))
        assert outcomes[0] == outcomes[1]
    assert by_appender == by_add_card
    assert broken_invariants(by_appender) == []
