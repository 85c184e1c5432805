"""Where a point falls on the grid: the cell under it, where dropped cards would land, which
stage or lane boundary is nearest, and the card next to another in each direction.

Pure arithmetic on a finished layout, so a drag can ask on every mouse move: columns are
equally wide, lanes are found by bisection, and a cell's cards are looked at once per drag.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection
from dataclasses import dataclass
from enum import Enum

from journey_editor.layout.boxes import CardBox, JourneyLayout
from journey_editor.layout.geometry import Rect
from journey_editor.layout.style import GridStyle

# How thick a drop indicator is drawn, in map pixels.
BAR = 4.0


@dataclass(frozen=True, slots=True)
class DropSpot:
    """Cards dropped here go to ``index`` among the cards staying in the cell."""

    stage_id: str
    lane_id: str
    index: int
    bar: Rect  # where to draw the indicator: a line between the cards around the spot


@dataclass(frozen=True, slots=True)
class Slot:
    """A boundary between stages (or lanes): where a dragged one would be put back."""

    index: int  # the boundary's number: 0 before the first, n after the last
    bar: Rect


class GridLocator:
    """Answers "what is here" for one layout; make a new one after each layout."""

    def __init__(self, layout: JourneyLayout, style: GridStyle) -> None:
        self.layout = layout
        self.style = style
        self._left = layout.corner.right
        self._top = layout.corner.bottom
        self._lane_tops = [header.rect.y for header in layout.lane_headers]
        # A blueprint leaves room between lanes (zone titles, the lines between zones).
        self._lane_bottoms = [header.rect.bottom for header in layout.lane_headers]
        self._lane_middles = [header.rect.y + header.rect.h / 2 for header in layout.lane_headers]
        self._card_tops = {
            header.lane_id: header.rect.y + style.cell_padding for header in layout.lane_headers
        }
        for curve in layout.emotion_curves:
            self._card_tops[curve.lane_id] += curve.band.h

    def cell_at(self, x: float, y: float, clamp: bool = False) -> tuple[str, str] | None:
        """The (stage id, lane id) of the cell at a point; with ``clamp``, the nearest cell."""
        column, row = self._column(x, clamp), self._row(y, clamp)
        if column is None or row is None:
            return None
        return self.layout.stage_headers[column].stage_id, self.layout.lane_headers[row].lane_id

    def card_top(self, lane_id: str) -> float:
        """Where the first card of a cell in this lane goes (below an emotion band)."""
        return self._card_tops[lane_id]

    def drop_finder(self, moving: Collection[str] = ()) -> DropFinder:
        return DropFinder(self, frozenset(moving))

    def stage_slot(self, x: float) -> Slot:
        """The stage boundary nearest to ``x``; the bar runs down the whole map."""
        count = len(self.layout.stage_headers)
        width = self.style.stage_width
        index = min(count, max(0, round((x - self._left) / width)))
        boundary = self._left + index * width
        return Slot(index, Rect(boundary - BAR / 2, 0.0, BAR, self.layout.height))

    def lane_slot(self, y: float) -> Slot:
        """The lane boundary nearest to ``y``; the bar runs across the whole map."""
        index = bisect_left(self._lane_middles, y)
        boundary = self._lane_tops[index] if index < len(self._lane_tops) else self.layout.height
        return Slot(index, Rect(0.0, boundary - BAR / 2, self.layout.width, BAR))

    def _column(self, x: float, clamp: bool) -> int | None:
        count = len(self.layout.stage_headers)
        column = int((x - self._left) // self.style.stage_width)
        if clamp and count:
            return min(count - 1, max(0, column))
        return column if 0 <= column < count and x >= self._left else None

    def _row(self, y: float, clamp: bool) -> int | None:
        count = len(self._lane_tops)
        row = bisect_right(self._lane_tops, y) - 1
        if clamp and count:
            return min(count - 1, max(0, row))
        return row if 0 <= row < count and y < self._lane_bottoms[row] else None


class DropFinder:
    """Drop spots for one gesture: the cards in ``moving`` do not count as staying.

    A cell's staying cards are gathered the first time the pointer enters it, so a move
    event costs a bisection however big the map is.
    """

    def __init__(self, locator: GridLocator, moving: frozenset[str]) -> None:
        self._locator = locator
        self._moving = moving
        self._cells: dict[tuple[str, str], tuple[list[float], list[CardBox]]] = {}

    def spot(self, x: float, y: float) -> DropSpot | None:
        """Where cards dropped at a point would land: the nearest cell, between its cards."""
        cell = self._locator.cell_at(x, y, clamp=True)
        if cell is None:
            return None
        middles, staying = self._staying(cell)
        index = bisect_left(middles, y)
        return DropSpot(cell[0], cell[1], index, self._bar(cell, staying, index))

    def _staying(self, cell: tuple[str, str]) -> tuple[list[float], list[CardBox]]:
        found = self._cells.get(cell)
        if found is None:
            layout = self._locator.layout
            staying = [
                layout.cards[card_id]
                for card_id in layout.cell_cards.get(cell, ())
                if card_id not in self._moving
            ]
            found = [box.rect.y + box.rect.h / 2 for box in staying], staying
            self._cells[cell] = found
        return found

    def _bar(self, cell: tuple[str, str], staying: list[CardBox], index: int) -> Rect:
        locator = self._locator
        style = locator.style
        half_gap = style.card_gap / 2
        if index < len(staying):
            y = staying[index].rect.y - half_gap
        elif staying:
            y = staying[-1].rect.bottom + half_gap
        else:
            y = locator.card_top(cell[1]) - half_gap
        x = locator.layout.cells[cell].rect.x + style.cell_padding
        return Rect(x, y - BAR / 2, style.card_width, BAR)


class Direction(Enum):
    LEFT = "left"
    RIGHT = "right"
    UP = "up"
    DOWN = "down"


def neighbour(layout: JourneyLayout, card_id: str, direction: Direction) -> str | None:
    """The card to go to from ``card_id`` with an arrow key, or None at the map's edge.

    Left and right go to the nearest stage that has cards in the same lane, to the card
    nearest in height; up and down go to the nearest card above or below that shares a
    column, within the cell first and then across lanes.
    """
    here = layout.cards[card_id].rect
    middle_x, middle_y = here.x + here.w / 2, here.y + here.h / 2
    lane_id = layout.cards[card_id].lane_id
    best: tuple[float, float] | None = None
    found: str | None = None
    for box in layout.cards.values():
        if box.card_id == card_id:
            continue
        rect = box.rect
        if direction in (Direction.LEFT, Direction.RIGHT):
            if box.lane_id != lane_id:
                continue
            ahead = rect.x - here.x if direction is Direction.RIGHT else here.x - rect.x
            score = (ahead, abs(rect.y + rect.h / 2 - middle_y))
        else:
            if rect.x >= here.right or here.x >= rect.right:
                continue
            centre = rect.y + rect.h / 2
            ahead = centre - middle_y if direction is Direction.DOWN else middle_y - centre
            score = (ahead, abs(rect.x + rect.w / 2 - middle_x))
        if ahead > 0 and (best is None or score < best):
            best, found = score, box.card_id
    return found
