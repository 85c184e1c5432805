"""A map as a list of shapes to draw: what the PDF, SVG and PNG painters all paint.

The shapes are in map pixels, y downwards, in painting order. Text is always a plain string
placed at its baseline: a painter draws it as characters, never reads it as markup, and
picks a font per character when the main font lacks one (a painter's own business).
Colours are "#RRGGBB", or "#RRGGBBAA" when translucent.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from journey_editor.layout import FontRole, Point, Rect


@dataclass(frozen=True, slots=True)
class Pen:
    colour: str
    width: float
    dash: tuple[float, ...] = ()  # on, off, ... lengths in map pixels; () for a solid line
    round_cap: bool = False


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle, with rounded corners when ``radius`` is set."""

    rect: Rect
    fill: str | None
    pen: Pen | None = None
    radius: float = 0.0


@dataclass(frozen=True, slots=True)
class Circle:
    centre: Point
    radius: float
    fill: str | None
    pen: Pen | None = None


@dataclass(frozen=True, slots=True)
class Cubic:
    """A cubic Bézier segment from the path's current point to ``end``."""

    bend_out: Point
    bend_in: Point
    end: Point


@dataclass(frozen=True, slots=True)
class Path:
    """From ``start`` through each segment: a point (a straight line to it) or a curve."""

    start: Point
    segments: tuple[Point | Cubic, ...]
    fill: str | None = None
    pen: Pen | None = None
    closed: bool = False


@dataclass(frozen=True, slots=True)
class Text:
    """One line of text, its left end at ``x`` on the baseline ``baseline``."""

    text: str
    role: FontRole
    x: float
    baseline: float
    colour: str


Shape = Box | Circle | Path | Text


@dataclass(slots=True)
class Sheet:
    """Everything drawn on one map, ``width`` by ``height`` map pixels, in painting order."""

    width: float
    height: float
    background: str = "#FFFFFF"
    shapes: list[Shape] = field(default_factory=list)

    def add(self, shape: Shape) -> None:
        self.shapes.append(shape)

    def texts(self) -> Iterator[Text]:
        return (shape for shape in self.shapes if isinstance(shape, Text))


def line(start: Point, end: Point, pen: Pen) -> Path:
    return Path(start, (end,), pen=pen)


def bounds(shape: Shape, sizes: Mapping[FontRole, int]) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of what ``shape`` may cover: generous (a pen's width; a
    text as if every character were an em wide), for leaving out what a page cannot show."""
    if isinstance(shape, Box):
        rect, reach = shape.rect, shape.pen.width if shape.pen else 0.0
        return rect.x - reach, rect.y - reach, rect.right + reach, rect.bottom + reach
    if isinstance(shape, Circle):
        reach = shape.radius + (shape.pen.width if shape.pen else 0.0)
        return (shape.centre.x - reach, shape.centre.y - reach,
                shape.centre.x + reach, shape.centre.y + reach)
    if isinstance(shape, Text):
        size = sizes[shape.role]
        right = shape.x + len(shape.text) * size
        return shape.x, shape.baseline - size, right, shape.baseline + size
    points = [shape.start]
    for segment in shape.segments:
        points.extend((segment.bend_out, segment.bend_in, segment.end)
                      if isinstance(segment, Cubic) else (segment,))
    reach = shape.pen.width if shape.pen else 0.0
    xs, ys = [point.x for point in points], [point.y for point in points]
    return min(xs) - reach, min(ys) - reach, max(xs) + reach, max(ys) + reach
