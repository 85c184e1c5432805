"""The emotion line's shape: a smooth curve through the points that never overshoots them.

A plain cubic spline swings past its points, so a line through scores 1 and 2 could dip
below 1, off the scale, and show a dip that no one reported. A monotone cubic (Fritsch and
Carlson's method, with Fritsch and Butland's slopes) rises or falls between two points only
as far as they go: between any two neighbours every sample lies within their two scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

# One sample every few map pixels: smooth at any zoom a projector is used at.
SAMPLE_SPACING = 6.0
# Points closer than this (map pixels) are at one place: joined straight, never divided by
# their distance, which would overflow.
SAME_PLACE = 1e-6

Point2 = tuple[float, float]


def monotone_samples(points: Sequence[Point2], spacing: float = SAMPLE_SPACING) -> list[Point2]:
    """Samples of the monotone cubic through ``points`` (sorted by x), the points included.

    Points at the same x are joined straight, one after the other, as they come.
    """
    if len(points) < 2:
        return list(points)
    slopes = _tangents(points)
    samples = [points[0]]
    for k in range(len(points) - 1):
        (x0, y0), (x1, y1) = points[k], points[k + 1]
        width = x1 - x0
        if width > SAME_PLACE:
            steps = max(2, int(width / spacing))
            low, high = min(y0, y1), max(y0, y1)
            for step in range(1, steps):
                t = step / steps
                y = _hermite(t, y0, y1, slopes[k] * width, slopes[k + 1] * width)
                # Rounding must not carry a sample past its neighbours either.
                samples.append((x0 + t * width, min(high, max(low, y))))
        samples.append(points[k + 1])
    return samples


def _tangents(points: Sequence[Point2]) -> list[float]:
    """A slope per point that keeps each piece monotone: 0 at a peak or a dip, else the
    weighted harmonic mean of the slopes either side."""
    secants = [
        (y1 - y0) / (x1 - x0) if x1 - x0 > SAME_PLACE else 0.0
        for (x0, y0), (x1, y1) in pairwise(points)
    ]
    widths = [x1 - x0 for (x0, _), (x1, _) in pairwise(points)]
    tangents = [secants[0]]
    for k in range(1, len(points) - 1):
        before, after = secants[k - 1], secants[k]
        if before * after <= 0 or min(widths[k - 1], widths[k]) <= SAME_PLACE:
            tangents.append(0.0)
            continue
        left, right = widths[k - 1], widths[k]
        tangents.append(
            3 * (left + right) / ((2 * right + left) / before + (right + 2 * left) / after)
        )
    tangents.append(secants[-1])
    return tangents


def _hermite(t: float, y0: float, y1: float, m0: float, m1: float) -> float:
    t2, t3 = t * t, t * t * t
    return (
        (2 * t3 - 3 * t2 + 1) * y0
        + (t3 - 2 * t2 + t) * m0
        + (-2 * t3 + 3 * t2) * y1
        + (t3 - t2) * m1
    )
