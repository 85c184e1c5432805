"""The emotion line's layout: the scale, the shade below neutral, the dips, and placing a
point from where the pointer is. A drag's preview is the curve the map gets after the drop."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from journey_editor.interop.templates import load_template
from journey_editor.layout import FontRole, JourneyLayout, layout_journey
from journey_editor.layout.emotion import place_on_line, with_point_at
from journey_editor.layout.text import EstimatedMeasure
from journey_editor.model import (
    Journey,
    LaneKind,
    add_emotion_point,
    add_lane,
    add_stage,
    feeling,
    pain_points_of_stage,
    update_emotion_point,
)

MEASURE = EstimatedMeasure()


def _layout(journey: Journey) -> JourneyLayout:
    return layout_journey(journey, MEASURE)


def test_the_scale_is_labelled_in_words_best_at_the_top(sample: Journey) -> None:
    curve = _layout(sample).emotion_curves[0]
    assert [step.word for step in curve.scale] == [
        "Very positive", "Positive", "Neutral", "Negative", "Very negative"
    ]
    assert [step.y for step in curve.scale] == sorted(step.y for step in curve.scale)
    assert curve.scale[0].y == curve.best_y and curve.scale[-1].y == curve.worst_y
    assert curve.scale[2].y == curve.neutral_y
    words = (feeling(1.2), feeling(2.5), feeling(3.0), feeling(3.5), feeling(4.6))
    assert words == ("Very negative", "Negative", "Neutral", "Positive", "Very positive")


def test_the_scale_starts_below_the_lane_name(sample: Journey) -> None:
    layout = _layout(sample)
    curve = layout.emotion_curves[0]
    header = next(box for box in layout.lane_headers if box.lane_id == curve.lane_id)
    assert curve.best_y - header.rect.y > header.title.rect.bottom


def test_the_shade_covers_exactly_the_line_below_neutral(sample: Journey) -> None:
    curve = _layout(sample).emotion_curves[0]
    assert curve.shade
    assert all(point.y >= curve.neutral_y for point in curve.shade)
    below = [point for point in curve.path if point.y > curve.neutral_y]
    assert set(below) <= set(curve.shade)
    for point in sample.emotion_points.values():
        update_emotion_point(sample, point.id, score=4.0)
    assert _layout(sample).emotion_curves[0].shade == ()


def test_each_dip_below_neutral_gets_one_marker_under_it(sample: Journey) -> None:
    curve = _layout(sample).emotion_curves[0]
    # The sample dips at "Bank sync fails" (1.5) and "Wrong categories" (2.0).
    assert [dip.point_id for dip in curve.dips] == ["e06", "e09"]
    marks = {mark.point_id: mark for mark in curve.marks}
    for dip in curve.dips:
        assert dip.at.x == marks[dip.point_id].at.x
        assert marks[dip.point_id].at.y < dip.at.y < curve.band.bottom
    assert [card.id for card in pain_points_of_stage(sample, "trial")]
    assert all(card.kind.value == "pain_point" for card in pain_points_of_stage(sample, "trial"))


def test_a_flat_bottom_has_one_dip() -> None:
    journey = Journey(title="Flat")
    stage = add_stage(journey, "Use")
    add_lane(journey, "Feelings", LaneKind.EMOTIONS)
    for offset, score in ((0.1, 4.0), (0.4, 2.0), (0.6, 2.0), (0.9, 4.0)):
        add_emotion_point(journey, stage.id, offset, score)
    assert len(_layout(journey).emotion_curves[0].dips) == 1


def test_a_place_on_the_line_is_kept_on_the_map_and_the_scale(sample: Journey) -> None:
    layout = _layout(sample)
    curve = layout.emotion_curves[0]
    columns = [header.column for header in layout.stage_headers]
    inside = place_on_line(layout, curve, columns[2].x + columns[2].w / 4, curve.neutral_y)
    assert inside == replace(inside, stage_id=sample.stages[2].id, offset=0.25, score=3.0)
    assert place_on_line(layout, curve, -500, curve.band.y - 400).offset == 0.0
    assert place_on_line(layout, curve, -500, curve.band.y - 400).score == 5.0
    far = place_on_line(layout, curve, 1e6, 1e6)
    assert (far.stage_id, far.offset, far.score) == (sample.stages[-1].id, 1.0, 1.0)


@settings(max_examples=60, deadline=None)
@given(
    point=st.sampled_from([f"e{n:02d}" for n in range(1, 13)]),
    x=st.floats(-100, 3000),
    y=st.floats(800, 1800),
)
def test_what_a_drag_shows_is_what_the_map_gets(point: str, x: float, y: float) -> None:
    journey = load_template("sample")
    layout = _layout(journey)
    curve = layout.emotion_curves[0]
    placement = place_on_line(layout, curve, x, y)
    preview = with_point_at(layout, curve, point, placement)
    update_emotion_point(
        journey, point, stage_id=placement.stage_id, offset=placement.offset,
        score=placement.score,
    )
    after = _layout(journey).emotion_curves[0]
    assert [m.point_id for m in preview.marks] == [m.point_id for m in after.marks]
    assert preview == after


@st.composite
def lines_on_maps(draw: st.DrawFn) -> Journey:
    """A map of one to six stages with an emotions lane and any emotion line on it."""
    journey = Journey(title="Any line")
    stages = [add_stage(journey, f"Stage {n}").id for n in range(draw(st.integers(1, 6)))]
    add_lane(journey, "Feelings", LaneKind.EMOTIONS)
    labels = st.sampled_from(["", "Hi", "Waits for the bank", "A fairly long label, wide"])
    for stage, offset, score, label in draw(st.lists(
        st.tuples(st.sampled_from(stages), st.floats(0.0, 1.0), st.floats(1.0, 5.0), labels),
        max_size=25,
    )):
        add_emotion_point(journey, stage, offset, score, label)
    return journey


@settings(max_examples=150, deadline=None)
@given(lines_on_maps())
def test_any_line_stays_on_the_scale_and_passes_through_every_point(journey: Journey) -> None:
    curve = _layout(journey).emotion_curves[0]
    assert all(curve.best_y - 1e-9 <= p.y <= curve.worst_y + 1e-9 for p in curve.path)
    assert all(curve.neutral_y <= p.y <= curve.worst_y + 1e-9 for p in curve.shade)
    assert len(curve.marks) == len(journey.emotion_points)
    for mark in curve.marks:
        assert mark.at in curve.path
        score = journey.emotion_points[mark.point_id].score
        assert curve.score_at(mark.at.y) == pytest.approx(score)
    xs = [p.x for p in curve.path]
    assert xs == sorted(xs)
    for dip in curve.dips:
        assert curve.band.y <= dip.at.y <= curve.band.bottom
    for mark in curve.marks:
        if mark.caption is not None:  # labels stay in the band, even on a one-stage map
            left = mark.at.x + mark.caption.rect.x
            assert curve.band.x - 1e-9 <= left
            assert left + mark.caption.rect.w <= curve.band.right + 1e-9
            assert curve.band.y <= mark.at.y + mark.caption.rect.y


def test_a_label_is_as_wide_as_its_text_and_turns_left_at_the_line_s_end(
    sample: Journey,
) -> None:
    update_emotion_point(sample, "e12", label="Happy", offset=0.95)
    curve = _layout(sample).emotion_curves[0]
    last = next(m for m in curve.marks if m.point_id == "e12")
    assert last.caption is not None
    assert last.caption.rect.w == MEASURE.line_width("Happy", FontRole.CAPTION)
    assert last.caption.rect.right < 0  # left of its dot, close to it
    assert last.caption.rect.x > -2 * last.caption.rect.w
    first = next(m for m in curve.marks if m.point_id == "e01")
    assert first.caption is not None and first.caption.rect.x > 0


def test_on_a_one_stage_map_a_wide_label_stays_in_the_band() -> None:
    journey = Journey(title="One stage")
    stage = add_stage(journey, "Use")
    add_lane(journey, "Feelings", LaneKind.EMOTIONS)
    add_emotion_point(journey, stage.id, 0.5, 3.0, "A fairly long label that is wide")
    curve = _layout(journey).emotion_curves[0]
    (mark,) = curve.marks
    assert mark.caption is not None
    assert curve.band.x <= mark.at.x + mark.caption.rect.x
    assert mark.at.x + mark.caption.rect.right <= curve.band.right
