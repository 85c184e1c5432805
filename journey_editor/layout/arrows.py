"""The arrow of a link: it leaves its source by the side facing the target and bends into
the target's facing side, so a loop back to an earlier stage reads differently from a step
forward. The canvas and the exports draw this same curve."""

from __future__ import annotations

from dataclasses import dataclass

from journey_editor.layout.geometry import Point, Rect

HEAD_LENGTH, HEAD_HALF_WIDTH = 11.0, 5.5
MIN_BEND = 30.0


@dataclass(frozen=True, slots=True)
class Arrow:
    """A cubic curve from ``start`` to ``end`` with control points ``bends``, and its head."""

    start: Point
    bends: tuple[Point, Point]
    end: Point
    head: tuple[Point, Point, Point]  # the tip first


def arrow(source: Rect, target: Rect) -> Arrow:
    """The arrow from ``source`` to ``target`` (a card's rectangle, or an empty one at a point)."""
    source_centre = Point(source.x + source.w / 2, source.y + source.h / 2)
    target_centre = Point(target.x + target.w / 2, target.y + target.h / 2)
    if target.x >= source.right:
        start, end, along = (
            Point(source.right, source_centre.y),
            Point(target.x, target_centre.y),
            (1.0, 0.0),
        )
    elif target.right <= source.x:
        start, end, along = (
            Point(source.x, source_centre.y),
            Point(target.right, target_centre.y),
            (-1.0, 0.0),
        )
    elif target_centre.y >= source_centre.y:
        start, end, along = (
            Point(source_centre.x, source.bottom),
            Point(target_centre.x, target.y),
            (0.0, 1.0),
        )
    else:
        start, end, along = (
            Point(source_centre.x, source.y),
            Point(target_centre.x, target.bottom),
            (0.0, -1.0),
        )
    ax, ay = along
    reach = abs((end.x - start.x) * ax + (end.y - start.y) * ay)
    bend = max(MIN_BEND, reach / 2)
    bends = (
        Point(start.x + ax * bend, start.y + ay * bend),
        Point(end.x - ax * bend, end.y - ay * bend),
    )
    back = Point(end.x - ax * HEAD_LENGTH, end.y - ay * HEAD_LENGTH)
    across = (-ay * HEAD_HALF_WIDTH, ax * HEAD_HALF_WIDTH)
    head = (
        end,
        Point(back.x + across[0], back.y + across[1]),
        Point(back.x - across[0], back.y - across[1]),
    )
    return Arrow(start, bends, end, head)
