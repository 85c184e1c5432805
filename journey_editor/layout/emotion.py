"""The emotion line laid out: its points in their stages, the curve, the shade, the dips.

One function shapes a line from its marks, so the map, a point being dragged, and every
export draw the very same curve. The band runs from the best score at the top to the worst
at the bottom; the scale's top is kept below the lane header's name, which it sits beside.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from journey_editor.layout.boxes import (
    EmotionCurve,
    EmotionDip,
    EmotionMark,
    JourneyLayout,
    ScaleStep,
    TextBlock,
)
from journey_editor.layout.curve import monotone_samples
from journey_editor.layout.faces import block
from journey_editor.layout.geometry import Point, Rect
from journey_editor.layout.style import GridStyle
from journey_editor.layout.text import FontRole, TextMeasure
from journey_editor.model import SCALE_WORDS, EmotionPoint, Journey
from journey_editor.model.limits import SCORE_MAX, SCORE_MIN, SCORE_NEUTRAL

# A point's label sits above and right of its dot, or below it near the top of the band.
LABEL_GAP = 6.0
LABEL_MAX_WIDTH = 170.0
# A dip's marker: this far under its point, never closer than DIP_INSET to the band's bottom.
DIP_DROP = 20.0
DIP_INSET = 7.0
# Scores and positions are kept to this precision: a drag ends on 2.4, not 2.4137.
SCORE_STEP = 0.1
OFFSET_STEP = 0.01


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a point is on the line: a stage, a position in it (0..1) and a score."""

    stage_id: str
    offset: float
    score: float


def emotion_curve(
    points: Iterable[EmotionPoint],
    lane_id: str,
    band: Rect,
    stage_x: dict[str, float],
    scale_top: float,
    measure: TextMeasure,
    style: GridStyle,
) -> EmotionCurve:
    """The line across one emotions lane's ``band``, through ``points`` (in line order).

    ``stage_x`` is each stage's left edge; ``scale_top`` how far down the band the best
    score may go at the highest (below the lane's name).
    """
    best_y = band.y + max(style.emotion_band_padding, scale_top)
    worst_y = band.bottom - style.emotion_band_padding
    frame = EmotionCurve(
        lane_id, band, (best_y + worst_y) / 2, best_y, worst_y,
        marks=(), path=(), shade=(), dips=(), scale=(),
    )
    scale = tuple(ScaleStep(score, word, frame.y_of(score)) for score, word in SCALE_WORDS)
    marks = [
        _placed_mark(
            EmotionMark(
                point_id=point.id,
                stage_id=point.stage_id,
                offset=point.offset,
                score=point.score,
                label=point.label,
                card_id=point.card_id,
                at=Point(
                    stage_x[point.stage_id] + point.offset * style.stage_width,
                    frame.y_of(point.score),
                ),
                caption=_caption(point.label, measure),
            ),
            band,
        )
        for point in points
    ]
    return _shaped(replace(frame, scale=scale), marks)


def place_on_line(layout: JourneyLayout, curve: EmotionCurve, x: float, y: float) -> Placement:
    """The stage, position and score for a point at (x, y), kept on the map and the scale."""
    columns = [header.column for header in layout.stage_headers]
    first, last = columns[0], columns[-1]
    x = min(max(x, first.x), last.right)
    index = next((i for i, column in enumerate(columns) if x < column.right), len(columns) - 1)
    column = columns[index]
    offset = _rounded((x - column.x) / column.w, OFFSET_STEP, 0.0, 1.0)
    score = _rounded(curve.score_at(y), SCORE_STEP, SCORE_MIN, SCORE_MAX)
    return Placement(layout.stage_headers[index].stage_id, offset, score)


def with_point_at(
    layout: JourneyLayout, curve: EmotionCurve, point_id: str, placement: Placement
) -> EmotionCurve:
    """The line as it would be with one point moved: what a drag shows as it goes."""
    columns = {header.stage_id: header.column for header in layout.stage_headers}
    order = {header.stage_id: header.index for header in layout.stage_headers}
    column = columns[placement.stage_id]
    marks = [
        _placed_mark(
            replace(
                mark,
                stage_id=placement.stage_id,
                offset=placement.offset,
                score=placement.score,
                at=Point(column.x + placement.offset * column.w, curve.y_of(placement.score)),
            ),
            curve.band,
        )
        if mark.point_id == point_id else mark
        for mark in curve.marks
    ]
    # The model's order: a point at the end of a stage comes before one at the next's start.
    marks.sort(key=lambda mark: (order[mark.stage_id], mark.offset, mark.point_id))
    return _shaped(curve, marks)


def nudged(journey: Journey, point_id: str, along: float, up: float) -> Placement:
    """A point moved ``along`` the line (in stage widths, into the next stage and back) and
    ``up`` the scale, kept on the map, the scale and their steps."""
    point = journey.emotion_points[point_id]
    index = journey.stage_index(point.stage_id)
    offset = point.offset + along
    if offset > 1.0 and index + 1 < len(journey.stages):
        index, offset = index + 1, offset - 1.0
    elif offset < 0.0 and index > 0:
        index, offset = index - 1, offset + 1.0
    return Placement(
        journey.stages[index].id,
        _rounded(offset, OFFSET_STEP, 0.0, 1.0),
        _rounded(point.score + up, SCORE_STEP, SCORE_MIN, SCORE_MAX),
    )


def mark_near(curve: EmotionCurve, x: float, y: float, reach: float) -> EmotionMark | None:
    """The point nearest to (x, y) within ``reach``, or whose label is at (x, y); the later
    one drawn wins a tie."""
    best: EmotionMark | None = None
    best_distance = reach * reach
    for mark in curve.marks:
        distance = (mark.at.x - x) ** 2 + (mark.at.y - y) ** 2
        if distance <= best_distance:
            best, best_distance = mark, distance
    if best is not None:
        return best
    for mark in reversed(curve.marks):
        caption = mark.caption
        if caption is not None and caption.rect.w > 0:
            rect = caption.rect
            if (mark.at.x + rect.x <= x <= mark.at.x + rect.right
                    and mark.at.y + rect.y <= y <= mark.at.y + rect.bottom):
                return mark
    return None


def dip_near(curve: EmotionCurve, x: float, y: float, reach: float) -> EmotionDip | None:
    for dip in curve.dips:
        if (dip.at.x - x) ** 2 + (dip.at.y - y) ** 2 <= reach * reach:
            return dip
    return None


def label_block(mark: EmotionMark, band: Rect, measure: TextMeasure) -> TextBlock:
    """Where the mark's label is typed: over the label, on its side of the dot, and as wide
    as the longest label where the band has room."""
    sized = _caption("M", measure)
    assert sized is not None
    wide = replace(sized, lines=(), rect=replace(sized.rect, w=LABEL_MAX_WIDTH))
    placed = _placed_mark(replace(mark, caption=wide), band).caption
    assert placed is not None
    drawn = mark.caption
    if drawn is None:
        return placed
    if drawn.rect.x >= 0:  # right of the dot: the box grows to the right, up to the band's end
        x, width = drawn.rect.x, min(LABEL_MAX_WIDTH, band.right - mark.at.x - drawn.rect.x)
    else:  # left of it: the box ends where the label ends, and grows to the left
        x = max(band.x - mark.at.x, drawn.rect.right - LABEL_MAX_WIDTH)
        width = drawn.rect.right - x
    return replace(placed, rect=Rect(x, drawn.rect.y, max(width, drawn.rect.w), placed.rect.h))


def _shaped(curve: EmotionCurve, marks: Sequence[EmotionMark]) -> EmotionCurve:
    """The curve through ``marks`` (sorted by x), its shade below neutral and its dips."""
    # Shaped in score units, then placed: the curve stays within the scores it joins.
    scored = monotone_samples([(mark.at.x, mark.score) for mark in marks])
    path = tuple(Point(x, curve.y_of(score)) for x, score in scored)
    return replace(
        curve,
        marks=tuple(marks),
        path=path,
        shade=_below(path, curve.neutral_y),
        dips=tuple(_dips(marks, curve.band)),
    )


def _below(path: Sequence[Point], neutral_y: float) -> tuple[Point, ...]:
    """The path with everything above neutral pulled onto it, crossings included: filled down
    to the neutral line, it shades exactly the part of the line below neutral."""
    if not any(point.y > neutral_y for point in path):
        return ()
    shade = [Point(path[0].x, max(path[0].y, neutral_y))]
    for before, after in pairwise(path):
        if (before.y - neutral_y) * (after.y - neutral_y) < 0:
            share = (neutral_y - before.y) / (after.y - before.y)
            shade.append(Point(before.x + share * (after.x - before.x), neutral_y))
        shade.append(Point(after.x, max(after.y, neutral_y)))
    return tuple(shade)


def _dips(marks: Sequence[EmotionMark], band: Rect) -> list[EmotionDip]:
    """A dip at each point below neutral that is no higher than its neighbours (the last of
    a flat bottom): a monotone curve is lowest at its points, never between them."""
    dips = []
    for index, mark in enumerate(marks):
        if mark.score >= SCORE_NEUTRAL:
            continue
        before = marks[index - 1].score if index > 0 else SCORE_MAX
        after = marks[index + 1].score if index + 1 < len(marks) else SCORE_MAX
        if mark.score <= before and mark.score < after:
            at = Point(mark.at.x, min(mark.at.y + DIP_DROP, band.bottom - DIP_INSET))
            dips.append(EmotionDip(mark.point_id, mark.stage_id, at))
    return dips


def _caption(label: str, measure: TextMeasure) -> TextBlock | None:
    """The label on one line, as wide as its text (so it can sit either side of its dot)."""
    if not label:
        return None
    wrapped = measure.wrap(label, FontRole.CAPTION, LABEL_MAX_WIDTH, 1)
    width = max((measure.line_width(line, FontRole.CAPTION) for line in wrapped.lines),
                default=0.0)
    return block(wrapped, FontRole.CAPTION, 0.0, 0.0, width)


def _placed_mark(mark: EmotionMark, band: Rect) -> EmotionMark:
    """The mark with its label put beside its dot: above and to the right, to the left near
    the band's right end, and below near its top; always inside the band, which a label
    wider than the room either side is pushed back into."""
    caption = mark.caption
    if caption is None:
        return mark
    height, width = caption.rect.h, caption.rect.w
    left = LABEL_GAP
    if mark.at.x + LABEL_GAP + width > band.right:
        left = -LABEL_GAP - width
        if mark.at.x + left < band.x:
            left = max(band.x - mark.at.x, band.right - mark.at.x - width)
    top = -LABEL_GAP - height - LABEL_GAP / 2
    if mark.at.y + top < band.y:
        top = LABEL_GAP * 2
    return replace(mark, caption=replace(caption, rect=Rect(left, top, width, height)))


def _rounded(value: float, step: float, low: float, high: float) -> float:
    return min(high, max(low, round(round(value / step) * step, 6)))
