"""Stacking a lane's cards, remembered from one layout of a map to the next.

An edit changes one or two lanes; the others hold the same cards as before. A lane whose
cards are unchanged keeps its boxes: the very same objects when it did not move (so a
painter comparing boxes sees at once that nothing changed), shifted when a lane above it
grew or shrank. Laying out a big map again then costs about one tuple and a sort per card.
"""

from __future__ import annotations

from dataclasses import dataclass

from journey_editor.layout.boxes import CardBox
from journey_editor.layout.faces import FaceCache, FaceKey, face_key
from journey_editor.layout.geometry import Rect
from journey_editor.layout.style import GridStyle
from journey_editor.layout.text import TextMeasure
from journey_editor.model import CardKind, Channel

Cell = tuple[str, str]
# Everything that places a card in its lane and decides what it shows. Rows sort into the
# lane's order (column, then position in the cell), and two lanes with equal rows stack alike.
Row = tuple[int, int, str, str, int, CardKind, str, str, Channel | None, int | None]


@dataclass(frozen=True, slots=True)
class StackedLane:
    """A lane's cards placed from ``top``, and the height of its tallest column of cards."""

    rows: list[Row]
    stage_count: int
    top: float
    boxes: list[CardBox]
    height: float
    cells: dict[Cell, tuple[str, ...]]  # the lane's cells' card ids, in order
    faces: list[FaceKey]


class LayoutCache:
    """What earlier layouts of one map measured and placed, for the next layout of it.

    Keep one per map being edited and pass it to every ``layout_journey`` of that map.
    """

    def __init__(self) -> None:
        self.faces = FaceCache()
        self._lanes: dict[str, StackedLane] = {}
        self._previous: dict[str, StackedLane] = {}

    def start_layout(self, measure: TextMeasure, style: GridStyle) -> None:
        kept = self.faces.start_layout(measure, style)
        self._previous = self._lanes if kept else {}
        self._lanes = {}

    def stack_lane(
        self,
        lane_id: str,
        rows: list[Row],
        stage_count: int,
        left: float,
        top: float,
        style: GridStyle,
    ) -> StackedLane:
        """The lane's cards placed from ``top`` down; ``rows`` in any order."""
        rows.sort()
        before = self._previous.get(lane_id)
        if before is not None and before.stage_count == stage_count and before.rows == rows:
            self.faces.keep(before.faces)
            lane = before if before.top == top else _shifted(before, top)
        else:
            lane = _stack(lane_id, rows, stage_count, left, top, style, self.faces)
        self._lanes[lane_id] = lane
        return lane


def _stack(
    lane_id: str,
    rows: list[Row],
    stage_count: int,
    left: float,
    top: float,
    style: GridStyle,
    faces: FaceCache,
) -> StackedLane:
    """Place a lane's cards, left to right and top down, each below everything it would cover.

    ``filled`` holds, per column, how far down its cell is taken: a spanning card starts below
    the lowest of its columns and then takes that much of each.
    """
    filled = [0.0] * stage_count
    boxes: list[CardBox] = []
    cells: dict[Cell, list[str]] = {}
    keys: list[FaceKey] = []
    stage_width, padding, gap = style.stage_width, style.cell_padding, style.card_gap
    for column, _, card_id, stage_id, wanted_span, kind, title, body, channel, severity in rows:
        span = min(wanted_span, stage_count - column)
        width = style.span_width(span)
        key = face_key(kind, title, body, channel, severity, width)
        keys.append(key)
        face = faces.face(key)
        y = max(filled[column : column + span]) if span > 1 else filled[column]
        x = left + column * stage_width + padding
        rect = Rect(x, top + y, width, face.height)
        boxes.append(CardBox(card_id, kind, stage_id, lane_id, span, rect, face))
        cells.setdefault((stage_id, lane_id), []).append(card_id)
        filled[column : column + span] = [y + face.height + gap] * span
    height = max(filled) - gap if boxes else 0.0
    ordered = {cell: tuple(ids) for cell, ids in cells.items()}
    return StackedLane(rows, stage_count, top, boxes, height, ordered, keys)


def _shifted(lane: StackedLane, top: float) -> StackedLane:
    """The same lane moved down (or up) to start at ``top``."""
    dy = top - lane.top
    boxes = [
        CardBox(
            box.card_id, box.kind, box.stage_id, box.lane_id, box.span,
            Rect(box.rect.x, box.rect.y + dy, box.rect.w, box.rect.h), box.face,
        )
        for box in lane.boxes
    ]
    return StackedLane(
        lane.rows, lane.stage_count, top, boxes, lane.height, lane.cells, lane.faces
    )
