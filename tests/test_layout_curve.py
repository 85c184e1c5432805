"""The emotion line's curve: smooth, through every point, never past the scores it joins."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import example, given
from hypothesis import strategies as st

from journey_editor.layout import layout_journey
from journey_editor.layout.curve import monotone_samples
from journey_editor.layout.text import EstimatedMeasure
from journey_editor.model import Journey

xs = st.floats(min_value=0.0, max_value=5_000.0, allow_nan=False)
scores = st.floats(min_value=1.0, max_value=5.0, allow_nan=False)
lines = st.lists(st.tuples(xs, scores), max_size=40).map(sorted)


@given(lines)
# Points a hair apart once overflowed the slope arithmetic (found by Hypothesis).
@example([(0.0, 1.0), (2.8771151249035676e-265, 2.0), (3.65988374938251e-192, 3.0)])
def test_every_sample_is_on_the_scale_and_the_curve_passes_through_every_point(
    points: list[tuple[float, float]],
) -> None:
    samples = monotone_samples(points)
    assert all(1.0 <= score <= 5.0 for _, score in samples)
    for point in points:
        assert point in samples
    assert [x for x, _ in samples] == sorted(x for x, _ in samples)


@given(lines)
def test_between_two_neighbours_the_curve_stays_within_their_scores(
    points: list[tuple[float, float]],
) -> None:
    samples = monotone_samples(points)
    at = 0
    for (x0, y0), (x1, y1) in pairwise(points):
        at = samples.index((x0, y0), at)
        end = samples.index((x1, y1), at + 1)
        between = [score for _, score in samples[at:end + 1]]
        assert min(y0, y1) <= min(between) and max(between) <= max(y0, y1)
        at = end


def test_a_dip_is_smooth_and_bottoms_out_at_its_point() -> None:
    samples = monotone_samples([(0.0, 4.0), (100.0, 1.5), (200.0, 4.5)])
    assert len(samples) > 20
    assert min(score for _, score in samples) == 1.5


def test_the_sample_map_s_curve_is_drawn_through_its_marks(sample: Journey) -> None:
    curve = layout_journey(sample, EstimatedMeasure()).emotion_curves[0]
    assert len(curve.path) > len(curve.marks)
    for mark in curve.marks:
        assert mark.at in curve.path
    assert all(curve.best_y - 1e-9 <= point.y <= curve.worst_y + 1e-9 for point in curve.path)
