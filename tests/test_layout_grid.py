"""The journey grid layout: pure geometry, checked without Qt on random maps."""

from __future__ import annotations

import copy
from itertools import combinations

from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import apply_edit, edits, journeys

from journey_editor.layout import (
    ELLIPSIS,
    EstimatedMeasure,
    FontRole,
    GridStyle,
    JourneyLayout,
    LayoutCache,
    Rect,
    layout_journey,
    wrap_words,
)
from journey_editor.layout.locate import Direction, GridLocator, neighbour
from journey_editor.model import (
    CardKind,
    Channel,
    Journey,
    LaneKind,
    add_card,
    add_emotion_point,
    add_lane,
    add_stage,
    update_card,
)

MEASURE = EstimatedMeasure()
STYLE = GridStyle()
crowded_maps = journeys(max_stages=5, max_lanes=4, max_cards=40)


def _lay_out(journey: Journey) -> JourneyLayout:
    return layout_journey(journey, MEASURE, STYLE)


@settings(max_examples=60, deadline=None)
@given(crowded_maps)
def test_cards_never_overlap(journey: Journey) -> None:
    layout = _lay_out(journey)
    assert layout.cards.keys() == journey.cards.keys()
    for first, second in combinations(layout.cards.values(), 2):
        assert not first.rect.overlaps(second.rect), (first.card_id, second.card_id)


@settings(max_examples=60, deadline=None)
@given(crowded_maps)
def test_every_card_lies_inside_the_cells_it_covers(journey: Journey) -> None:
    layout = _lay_out(journey)
    whole = Rect(0.0, 0.0, layout.width, layout.height)
    for card in journey.cards.values():
        box = layout.cards[card.id]
        covered = journey.covered_stage_ids(card)
        first = layout.cell(covered[0], card.lane_id).rect
        last = layout.cell(covered[-1], card.lane_id).rect
        cells = Rect(first.x, first.y, last.right - first.x, first.h)
        assert cells.contains(box.rect)
        assert whole.contains(box.rect)
        assert box.rect.w > 0 and box.rect.h >= STYLE.card_min_height


@settings(max_examples=60, deadline=None)
@given(crowded_maps)
def test_a_card_spans_exactly_its_covered_columns(journey: Journey) -> None:
    layout = _lay_out(journey)
    for card in journey.cards.values():
        box = layout.cards[card.id]
        under = [
            header.stage_id
            for header in layout.stage_headers
            if header.column.x < box.rect.right and box.rect.x < header.column.right
        ]
        assert under == journey.covered_stage_ids(card)
        assert box.span == card.span


@settings(max_examples=60, deadline=None)
@given(crowded_maps)
def test_a_lane_is_as_tall_as_its_fullest_cell(journey: Journey) -> None:
    layout = _lay_out(journey)
    for header in layout.lane_headers:
        assert header.rect.h >= STYLE.lane_min_height
        bottoms = [
            box.rect.bottom for box in layout.cards.values() if box.lane_id == header.lane_id
        ]
        if bottoms:
            assert header.rect.bottom >= max(bottoms) + STYLE.cell_padding - 1e-6
        for stage in journey.stages:
            assert layout.cell(stage.id, header.lane_id).rect.h == header.rect.h


@settings(max_examples=60, deadline=None)
@given(crowded_maps)
def test_cards_of_a_cell_stack_in_their_order(journey: Journey) -> None:
    layout = _lay_out(journey)
    for stage in journey.stages:
        for lane in journey.lanes:
            tops = [layout.cards[card.id].rect.y for card in journey.cards_in(stage.id, lane.id)]
            assert tops == sorted(tops)


@settings(max_examples=40, deadline=None)
@given(crowded_maps)
def test_the_grid_tiles_the_map(journey: Journey) -> None:
    layout = _lay_out(journey)
    assert [h.stage_id for h in layout.stage_headers] == [s.id for s in journey.stages]
    assert [h.lane_id for h in layout.lane_headers] == [lane.id for lane in journey.lanes]
    assert len(layout.cells) == len(journey.stages) * len(journey.lanes)
    x = STYLE.lane_header_width
    for header in layout.stage_headers:
        assert header.rect.x == x and header.rect.bottom == layout.corner.bottom
        x = header.rect.right
    assert x == layout.width
    y = layout.corner.bottom
    for header in layout.lane_headers:
        assert header.rect.y == y
        y = header.rect.bottom
    assert y == layout.height


@settings(max_examples=40, deadline=None)
@given(crowded_maps)
def test_text_stays_inside_its_box(journey: Journey) -> None:
    layout = _lay_out(journey)
    for box in layout.cards.values():
        inside = Rect(0.0, 0.0, box.rect.w, box.rect.h)
        for block in (box.caption, box.title, box.body):
            assert inside.contains(block.rect)
            assert len(block.lines) * block.line_height == block.rect.h
        assert len(box.title_lines) <= STYLE.title_max_lines
        assert len(box.body_lines) <= STYLE.body_max_lines
        if box.severity is not None:
            assert inside.contains(box.severity.rect)
            assert not box.severity.rect.overlaps(box.caption.rect)
    for stage in layout.stage_headers:
        size = Rect(0.0, 0.0, stage.rect.w, stage.rect.h)
        assert size.contains(stage.number.rect) and size.contains(stage.title.rect)
    for lane in layout.lane_headers:
        size = Rect(0.0, 0.0, lane.rect.w, lane.rect.h)
        assert size.contains(lane.title.rect) and size.contains(lane.caption.rect)


@settings(max_examples=40, deadline=None)
@given(crowded_maps, st.randoms(use_true_random=False))
def test_layout_is_deterministic(journey: Journey, random: st.Random) -> None:
    shuffled = copy.deepcopy(journey)
    items = list(shuffled.cards.items())
    random.shuffle(items)
    shuffled.cards = dict(items)
    assert _lay_out(journey) == _lay_out(journey) == _lay_out(shuffled)


@settings(max_examples=40, deadline=None)
@given(crowded_maps)
def test_emotion_points_sit_in_every_emotions_lane(journey: Journey) -> None:
    layout = _lay_out(journey)
    emotion_lanes = [lane.id for lane in journey.lanes if lane.kind is LaneKind.EMOTIONS]
    assert [curve.lane_id for curve in layout.emotion_curves] == emotion_lanes
    line = journey.emotion_line()
    for curve in layout.emotion_curves:
        assert curve.band.h == STYLE.emotion_band_height
        assert curve.best_y < curve.neutral_y < curve.worst_y
        assert curve.neutral_y == (curve.best_y + curve.worst_y) / 2
        assert [mark.point_id for mark in curve.marks] == [point.id for point in line]
        for mark, point in zip(curve.marks, line, strict=True):
            column = layout.stage_headers[journey.stage_index(point.stage_id)].column
            assert column.x <= mark.at.x <= column.right
            assert curve.best_y <= mark.at.y <= curve.worst_y
        cards_below = [b for b in layout.cards.values() if b.lane_id == curve.lane_id]
        assert all(box.rect.y >= curve.band.bottom for box in cards_below)


def test_emotion_scores_map_to_heights() -> None:
    journey = Journey(title="Scores")
    stage = add_stage(journey, "Onboarding")
    add_lane(journey, "Feelings", LaneKind.EMOTIONS)
    for offset, score in ((0.0, 1), (0.5, 3), (1.0, 5)):
        add_emotion_point(journey, stage.id, offset, score)
    (curve,) = _lay_out(journey).emotion_curves
    low, neutral, high = curve.marks
    assert (low.at.y, neutral.at.y, high.at.y) == (curve.worst_y, curve.neutral_y, curve.best_y)
    assert low.at.x == STYLE.lane_header_width
    assert high.at.x == STYLE.lane_header_width + STYLE.stage_width


def test_a_spanning_card_pushes_down_the_cards_it_covers() -> None:
    journey = Journey(title="Spans")
    first, second, third = (add_stage(journey, name) for name in ("Search", "Compare", "Buy"))
    lane = add_lane(journey, "Actions", LaneKind.ACTIONS)
    wide = add_card(journey, CardKind.ACTION, first.id, lane.id, "Reads reviews", span=3)
    later = add_card(journey, CardKind.ACTION, third.id, lane.id, "Pays")
    layout = _lay_out(journey)
    wide_box, later_box = layout.cards[wide.id], layout.cards[later.id]
    assert wide_box.rect.w == 3 * STYLE.stage_width - 2 * STYLE.cell_padding
    assert later_box.rect.y >= wide_box.rect.bottom + STYLE.card_gap
    assert layout.cell(second.id, lane.id).rect.h >= wide_box.rect.h + later_box.rect.h


def test_long_text_is_cut_with_an_ellipsis() -> None:
    journey = Journey(title="Long")
    stage = add_stage(journey, "Support")
    lane = add_lane(journey, "Pain points", LaneKind.PAIN_POINTS)
    card = add_card(
        journey,
        CardKind.PAIN_POINT,
        stage.id,
        lane.id,
        "Waits on hold " * 20,
        body="The agent asks again for the order number. " * 20,
        severity=4,
    )
    box = _lay_out(journey).cards[card.id]
    assert box.elided
    assert len(box.title_lines) == STYLE.title_max_lines
    assert box.title_lines[-1].endswith(ELLIPSIS)
    assert box.body_lines[-1].endswith(ELLIPSIS)
    assert box.severity is not None and box.severity.level == 4


def test_caption_names_the_kind_and_a_touchpoints_channel() -> None:
    journey = Journey(title="Captions")
    stage = add_stage(journey, "Awareness")
    lane = add_lane(journey, "Touchpoints", LaneKind.TOUCHPOINTS)
    email = add_card(
        journey, CardKind.TOUCHPOINT, stage.id, lane.id, "Welcome", channel=Channel.EMAIL
    )
    note = add_card(journey, CardKind.NOTE, stage.id, lane.id, "Check with sales")
    layout = _lay_out(journey)
    assert layout.cards[email.id].caption.lines == ("◎ Touchpoint · Email",)
    assert layout.cards[note.id].caption.lines == ("✎ Note",)
    assert layout.lane_headers[0].caption.lines == ()


WIDTH_PER_CHARACTER = 7.0


def _advance(text: str) -> float:
    return len(text) * WIDTH_PER_CHARACTER


@settings(max_examples=200)
@given(
    st.text(alphabet=st.sampled_from("ab cdé\n漢x"), max_size=120),
    st.integers(1, 40),
    st.integers(1, 5),
)
def test_wrapped_lines_fit_and_keep_the_words(text: str, columns: int, max_lines: int) -> None:
    width = columns * WIDTH_PER_CHARACTER
    lines, elided = wrap_words(text, width, max_lines, _advance)
    assert len(lines) <= max_lines
    assert all(_advance(line) <= width for line in lines)
    if elided:
        assert lines[-1].endswith(ELLIPSIS)
    else:
        assert "".join("".join(lines).split()) == "".join(text.split())


def test_estimated_measure_uses_the_role_font() -> None:
    title = MEASURE.wrap("Compares plans", FontRole.CARD_TITLE, 1000, 1)
    body = MEASURE.wrap("Compares plans", FontRole.CARD_BODY, 1000, 1)
    assert title.lines == body.lines == ("Compares plans",)
    assert title.line_height > body.line_height
    assert MEASURE.wrap("", FontRole.CARD_BODY, 100, 3).lines == ()


# Laying out again with a cache ---------------------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(crowded_maps, st.data())
def test_a_cached_layout_after_edits_equals_a_fresh_one(
    journey: Journey, data: st.DataObject
) -> None:
    cache = LayoutCache()
    assert layout_journey(journey, MEASURE, STYLE, cache) == _lay_out(journey)
    for _ in range(data.draw(st.integers(1, 6))):
        apply_edit(journey, data.draw(edits(journey)))
        assert layout_journey(journey, MEASURE, STYLE, cache) == _lay_out(journey)


def _three_lanes() -> tuple[Journey, list[str]]:
    journey = Journey(title="Lanes")
    stages = [add_stage(journey, name).id for name in ("Search", "Buy")]
    lanes = [add_lane(journey, name, LaneKind.CUSTOM).id for name in ("Top", "Middle", "Bottom")]
    for lane in lanes:
        for stage in stages:
            add_card(journey, CardKind.NOTE, stage, lane, f"Card in {lane}")
    return journey, lanes


def test_unchanged_lanes_keep_their_boxes_and_lanes_below_a_taller_one_move() -> None:
    journey, (top, middle, bottom) = _three_lanes()
    cache = LayoutCache()
    before = layout_journey(journey, MEASURE, STYLE, cache)
    grown = journey.cards_in(journey.stages[0].id, middle)[0]
    update_card(journey, grown.id, body="A body long enough to take several lines. " * 4)
    after = layout_journey(journey, MEASURE, STYLE, cache)
    assert after == _lay_out(journey)
    for card in journey.cards_of_lane(top):
        assert after.cards[card.id] is before.cards[card.id]
    for card in journey.cards_of_lane(bottom):
        assert after.cards[card.id].rect.y > before.cards[card.id].rect.y
        assert after.cards[card.id].face is before.cards[card.id].face


def test_the_cache_forgets_texts_no_longer_shown() -> None:
    journey, _ = _three_lanes()
    cache = LayoutCache()
    card = next(iter(journey.cards))
    for number in range(50):
        update_card(journey, card, title=f"Title number {number}")
        layout_journey(journey, MEASURE, STYLE, cache)
    assert len(cache.faces) <= 2 * len(journey.cards)


def test_a_cache_used_with_another_style_starts_again() -> None:
    journey, _ = _three_lanes()
    cache = LayoutCache()
    layout_journey(journey, MEASURE, STYLE, cache)
    wide = GridStyle(stage_width=400.0)
    assert layout_journey(journey, MEASURE, wide, cache) == layout_journey(journey, MEASURE, wide)


# Where a point falls --------------------------------------------------------------------------


def test_points_fall_in_cells_and_clamp_to_the_nearest() -> None:
    journey, lanes = _three_lanes()
    layout = _lay_out(journey)
    locator = GridLocator(layout, STYLE)
    for (stage_id, lane_id), cell in layout.cells.items():
        middle = (cell.rect.x + cell.rect.w / 2, cell.rect.y + cell.rect.h / 2)
        assert locator.cell_at(*middle) == (stage_id, lane_id)
    assert locator.cell_at(5.0, 5.0) is None
    assert locator.cell_at(-100.0, 1e6, clamp=True) == (journey.stages[0].id, lanes[-1])


@settings(max_examples=60, deadline=None)
@given(crowded_maps)
def test_dropping_on_a_cards_upper_half_goes_before_it(journey: Journey) -> None:
    layout = _lay_out(journey)
    finder = GridLocator(layout, STYLE).drop_finder()
    for (stage_id, lane_id), card_ids in layout.cell_cards.items():
        assert list(card_ids) == [c.id for c in journey.cards_in(stage_id, lane_id)]
        for index, card_id in enumerate(card_ids):
            rect = layout.cards[card_id].rect
            spot = finder.spot(rect.x + 5, rect.y + 1)
            assert spot is not None
            assert (spot.stage_id, spot.lane_id, spot.index) == (stage_id, lane_id, index)
            assert spot.bar.bottom <= rect.y + 1e-6
            assert finder.spot(rect.x + 5, rect.bottom - 1).index == index + 1


def test_moving_cards_do_not_count_where_they_would_land() -> None:
    journey, lanes = _three_lanes()
    stage = journey.stages[0].id
    add_card(journey, CardKind.NOTE, stage, lanes[0], "Second")
    layout = _lay_out(journey)
    first, second = layout.cell_cards[stage, lanes[0]]
    below_both = layout.cards[second].rect.bottom + 2
    finder = GridLocator(layout, STYLE).drop_finder([first])
    spot = finder.spot(layout.cards[first].rect.x + 5, below_both)
    assert spot is not None and spot.index == 1


def test_header_slots_are_the_nearest_boundaries() -> None:
    journey, lanes = _three_lanes()
    layout = _lay_out(journey)
    locator = GridLocator(layout, STYLE)
    left = layout.corner.right
    assert locator.stage_slot(left + 10).index == 0
    assert locator.stage_slot(left + STYLE.stage_width * 0.9).index == 1
    assert locator.stage_slot(1e6).index == len(journey.stages)
    middle = layout.lane_headers[1].rect
    assert locator.lane_slot(middle.y + 2).index == 1
    assert locator.lane_slot(middle.bottom - 2).index == 2
    assert locator.lane_slot(1e6).index == len(lanes)


def test_arrow_neighbours_follow_the_grid() -> None:
    journey, lanes = _three_lanes()
    layout = _lay_out(journey)
    first_stage, second_stage = (stage.id for stage in journey.stages)
    top_left = journey.cards_in(first_stage, lanes[0])[0].id
    top_right = journey.cards_in(second_stage, lanes[0])[0].id
    middle_left = journey.cards_in(first_stage, lanes[1])[0].id
    assert neighbour(layout, top_left, Direction.RIGHT) == top_right
    assert neighbour(layout, top_right, Direction.LEFT) == top_left
    assert neighbour(layout, top_left, Direction.DOWN) == middle_left
    assert neighbour(layout, middle_left, Direction.UP) == top_left
    assert neighbour(layout, top_left, Direction.UP) is None
    assert neighbour(layout, top_right, Direction.RIGHT) is None
