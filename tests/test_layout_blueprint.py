"""The service blueprint layout: the journey's lanes grouped into zones, the three lines
between them, checked without Qt on the built-in maps and on random ones."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import journeys

from journey_editor.interop.templates import load_template
from journey_editor.layout import (
    DEFAULT_FONTS,
    EstimatedMeasure,
    FontRole,
    FontSpec,
    GridStyle,
    JourneyLayout,
    LayoutCache,
    Rect,
    layout_journey,
)
from journey_editor.layout.blueprint import LINE_ABOVE, ZONE_ORDER, ZONE_TITLES, layout_blueprint
from journey_editor.layout.locate import GridLocator
from journey_editor.model import (
    Journey,
    LaneKind,
    Zone,
    add_card,
    add_lane,
    add_stage,
    update_lane,
)

MEASURE = EstimatedMeasure()
STYLE = GridStyle()
LINES = ("Line of interaction", "Line of visibility", "Line of internal interaction")


def _lay_out(journey: Journey, emotion_line: bool = True) -> JourneyLayout:
    return layout_blueprint(journey, MEASURE, STYLE, emotion_line=emotion_line)


def _rank(zone: Zone) -> int:
    return ZONE_ORDER.index(zone)


def _boxes(layout: JourneyLayout) -> Iterator[tuple[str, Rect]]:
    """What must never overlap: cards, zone names and line labels, in map coordinates."""
    for card in layout.cards.values():
        yield card.card_id, card.rect
    for band in layout.zones:
        title = band.title.rect
        yield band.zone.value, Rect(band.rect.x + title.x, band.rect.y + title.y, title.w, title.h)
    for line in layout.zone_lines:
        yield line.name, line.label.rect


def _check_blueprint(journey: Journey, layout: JourneyLayout, emotion_line: bool) -> None:
    """What every blueprint layout holds: rows by zone in the map's order within a zone, the
    three lines in order each between its zones, nothing overlapping, every card placed."""
    shown = [lane for lane in journey.lanes if emotion_line or lane.kind is not LaneKind.EMOTIONS]
    by_zone = sorted(shown, key=lambda lane: _rank(lane.zone))  # a stable sort: map order kept
    assert [header.lane_id for header in layout.lane_headers] == [lane.id for lane in by_zone]
    assert [header.index for header in layout.lane_headers] == list(range(len(by_zone)))
    lanes = {lane.id for lane in shown}
    assert layout.cards.keys() == {c.id for c in journey.cards.values() if c.lane_id in lanes}
    assert layout.cells.keys() == {(s.id, lane_id) for s in journey.stages for lane_id in lanes}

    # Zones: one per zone with lanes, top to bottom, each spanning the map over its lanes.
    assert [band.zone for band in layout.zones] == sorted(
        {lane.zone for lane in shown}, key=_rank
    )
    for band in layout.zones:
        rows = [h for h in layout.lane_headers if h.zone is band.zone]
        assert (band.rect.x, band.rect.w) == (0.0, layout.width)
        assert band.rect.y + STYLE.zone_title_height == rows[0].rect.y
        assert band.rect.bottom == rows[-1].rect.bottom
        assert band.title.lines == (ZONE_TITLES[band.zone],)
        assert Rect(0.0, 0.0, band.rect.w, STYLE.zone_title_height).contains(band.title.rect)
    for upper, lower in zip(layout.zones, layout.zones[1:], strict=False):
        assert upper.rect.bottom <= lower.rect.y

    # Lines: always the three, in order, each in a gap of its own between its zones.
    assert tuple(line.name for line in layout.zone_lines) == LINES
    for line, zone in zip(layout.zone_lines, LINE_ABOVE, strict=True):
        label = line.label.rect
        assert line.label.lines == (line.name,)
        assert label.y < line.y < label.bottom
        for band in layout.zones:
            if _rank(band.zone) < _rank(zone):
                assert band.rect.bottom <= label.y
            else:
                assert band.rect.y >= label.bottom
    for upper, lower in zip(layout.zone_lines, layout.zone_lines[1:], strict=False):
        assert upper.label.rect.bottom <= lower.label.rect.y
    assert layout.zone_lines[-1].label.rect.bottom <= layout.height

    for (first, a), (second, b) in combinations(_boxes(layout), 2):
        assert not a.overlaps(b), (first, second)
    for card in layout.cards.values():
        assert all(not card.rect.y < line.y < card.rect.bottom for line in layout.zone_lines)


@pytest.fixture(params=["service-blueprint", "sample"])
def built_in(request: pytest.FixtureRequest) -> Journey:
    return load_template(request.param)


def test_the_built_in_maps_make_whole_blueprints(built_in: Journey) -> None:
    for emotion_line in (True, False):
        _check_blueprint(built_in, _lay_out(built_in, emotion_line), emotion_line)


def test_the_service_blueprint_template_shows_every_zone_in_order() -> None:
    layout = _lay_out(load_template("service-blueprint"))
    assert [band.zone for band in layout.zones] == list(ZONE_ORDER)
    titles = [band.title.lines[0] for band in layout.zones]
    assert titles[1:] == [
        "Physical evidence", "Customer actions", "Frontstage actions", "Backstage actions",
        "Support processes",
    ]


def test_lanes_in_no_zone_go_above_the_zones(sample: Journey) -> None:
    layout = _lay_out(sample)
    zones = [header.zone for header in layout.lane_headers]
    unzoned = zones.count(Zone.NONE)
    assert unzoned and zones[:unzoned] == [Zone.NONE] * unzoned
    assert layout.zones[0].zone is Zone.NONE
    assert layout.zones[0].rect.y == layout.corner.bottom


def test_each_line_lies_between_the_right_zones() -> None:
    layout = _lay_out(load_template("service-blueprint"))
    rows = {header.zone: header.rect for header in layout.lane_headers}
    interaction, visibility, internal = (line.y for line in layout.zone_lines)
    assert rows[Zone.CUSTOMER_ACTIONS].bottom < interaction < rows[Zone.FRONTSTAGE].y
    assert rows[Zone.FRONTSTAGE].bottom < visibility < rows[Zone.BACKSTAGE].y
    assert rows[Zone.BACKSTAGE].bottom < internal < rows[Zone.SUPPORT_PROCESSES].y


def test_lines_around_an_empty_zone_each_keep_a_gap(sample: Journey) -> None:
    # The sample has no frontstage lane: interaction and visibility come one after the other.
    assert all(lane.zone is not Zone.FRONTSTAGE for lane in sample.lanes)
    layout = _lay_out(sample)
    interaction, visibility, _ = layout.zone_lines
    assert visibility.y - interaction.y == STYLE.zone_line_gap
    touchpoints = layout.lane_headers[[h.lane_id for h in layout.lane_headers].index("touchpoints")]
    assert touchpoints.rect.bottom < interaction.label.rect.y


def test_cards_keep_their_cells_and_faces(sample: Journey) -> None:
    journey_grid = layout_journey(sample, MEASURE, STYLE)
    blueprint = _lay_out(sample)
    assert blueprint.cell_cards == journey_grid.cell_cards
    for card in sample.cards.values():
        box, before = blueprint.cards[card.id], journey_grid.cards[card.id]
        assert (box.stage_id, box.lane_id, box.span) == (card.stage_id, card.lane_id, card.span)
        assert box.face == before.face
        cell = blueprint.cell(card.stage_id, card.lane_id).rect
        # Only the height changed: the lane moved with its zone.
        assert (box.rect.x, box.rect.w, box.rect.h) == (before.rect.x, before.rect.w, before.rect.h)
        assert cell.y < box.rect.y < cell.bottom


def test_without_the_emotion_line_emotions_lanes_are_left_out(sample: Journey) -> None:
    with_line, without = _lay_out(sample), _lay_out(sample, emotion_line=False)
    assert [curve.lane_id for curve in with_line.emotion_curves] == ["emotions"]
    assert without.emotion_curves == ()
    assert "emotions" not in {header.lane_id for header in without.lane_headers}
    in_emotions = {card.id for card in sample.cards.values() if card.lane_id == "emotions"}
    assert in_emotions and not in_emotions & without.cards.keys()
    assert without.height < with_line.height


def test_a_map_with_no_zoned_lanes_still_has_the_three_lines() -> None:
    journey = load_template("service-blueprint")
    for lane in journey.lanes:
        update_lane(journey, lane.id, zone=Zone.NONE)
    layout = _lay_out(journey)
    assert [band.zone for band in layout.zones] == [Zone.NONE]
    assert [line.name for line in layout.zone_lines] == list(LINES)
    assert layout.zones[0].rect.bottom < layout.zone_lines[0].label.rect.y
    _check_blueprint(journey, layout, emotion_line=True)
    # Left with no lane at all, the lines still come out under the stage headers.
    only_emotions = Journey(title="Feelings")
    add_stage(only_emotions, "Awareness")
    add_lane(only_emotions, "Emotions", LaneKind.EMOTIONS)
    bare = _lay_out(only_emotions, emotion_line=False)
    assert bare.lane_headers == () and bare.zones == ()
    assert bare.zone_lines[0].label.rect.y > bare.corner.bottom
    _check_blueprint(only_emotions, bare, emotion_line=False)


def test_a_lane_given_another_zone_moves_there(sample: Journey) -> None:
    update_lane(sample, "thoughts", zone=Zone.SUPPORT_PROCESSES)
    add_lane(sample, "Evidence", LaneKind.PHYSICAL_EVIDENCE)
    add_card(sample, LaneKind.PHYSICAL_EVIDENCE.default_card_kind, sample.stages[0].id,
             sample.lanes[-1].id, "Receipt")
    layout = _lay_out(sample)
    order = [header.lane_id for header in layout.lane_headers]
    # Thoughts come before support processes on the map, and so in their zone too.
    assert order[-2:] == ["thoughts", "support_processes"]
    assert order.index(sample.lanes[-1].id) == order.index("actions") - 1
    _check_blueprint(sample, layout, emotion_line=True)


def test_a_cache_shared_with_the_journey_grid_gives_the_same_layouts(sample: Journey) -> None:
    cache = LayoutCache()
    for _ in range(2):
        assert layout_blueprint(sample, MEASURE, STYLE, cache) == _lay_out(sample)
        assert layout_journey(sample, MEASURE, STYLE, cache) == layout_journey(
            sample, MEASURE, STYLE
        )
        assert layout_blueprint(sample, MEASURE, STYLE, cache, emotion_line=False) == _lay_out(
            sample, emotion_line=False
        )


def test_large_fonts_make_room_for_the_zone_names_and_labels(sample: Journey) -> None:
    fonts = MappingProxyType({**DEFAULT_FONTS, FontRole.CAPTION: FontSpec("DejaVu Sans", 40)})
    style = GridStyle(fonts=fonts)
    layout = layout_blueprint(sample, EstimatedMeasure(fonts), style)
    for band in layout.zones:
        first = next(h for h in layout.lane_headers if h.zone is band.zone)
        assert band.rect.y + band.title.rect.bottom <= first.rect.y
    for upper, lower in zip(layout.zone_lines, layout.zone_lines[1:], strict=False):
        assert upper.label.rect.bottom <= lower.label.rect.y


@settings(max_examples=60, deadline=None)
@given(
    journeys(max_stages=4, max_lanes=6, max_cards=30),
    st.lists(st.none() | st.sampled_from(Zone), min_size=6, max_size=6),
    st.booleans(),
)
def test_random_maps_make_whole_blueprints(
    journey: Journey, zones: list[Zone | None], emotion_line: bool
) -> None:
    for lane, zone in zip(journey.lanes, zones, strict=False):
        if zone is not None:  # else the zone of its kind
            update_lane(journey, lane.id, zone=zone)
    _check_blueprint(journey, _lay_out(journey, emotion_line), emotion_line)


def test_no_cell_is_found_in_a_zone_strip_or_a_line_gap() -> None:
    """A double-click on a zone's title or a line's label adds no card to the lane above."""
    layout = layout_blueprint(load_template("service-blueprint"), MEASURE)
    locator = GridLocator(layout, STYLE)
    x = layout.stage_headers[0].column.x + 5
    for zone in layout.zones:
        assert locator.cell_at(x, zone.rect.y + 2) is None
    for line in layout.zone_lines:
        assert locator.cell_at(x, line.y) is None
    for lane in layout.lane_headers:
        assert locator.cell_at(x, lane.row.y + 1) == (layout.stage_headers[0].stage_id,
                                                      lane.lane_id)
