"""A map as a list of shapes to draw: what the PDF, SVG and PNG painters all paint.

The shapes are in map pixels, y downwards, in painting order. Text is always a plain string
placed at its baseline: a painter draws it as characters, never reads it as markup, and
picks a font per character when the main font lacks one (a painter's own business).
Colours are "#RRGGBB", or "#RRGGBBAA" when translucent.
"""

from __future__ import annotations

from collections.abc import Iterator
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
