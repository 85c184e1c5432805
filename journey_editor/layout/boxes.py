"""What a layout is made of: boxes with text already wrapped, for any painter to draw as is.

Boxes are in map pixels with the map's top-left corner at (0, 0). A ``TextBlock`` inside a
box is placed relative to that box, so a card can be drawn (or dragged) anywhere and its
text comes along.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from journey_editor.layout.geometry import Point, Rect
from journey_editor.layout.text import FontRole
from journey_editor.model import CardKind, LaneKind, Zone
from journey_editor.model.limits import SCORE_MAX, SCORE_MIN


@dataclass(frozen=True, slots=True)
class TextBlock:
    """Lines in one font, top to bottom; ``rect`` is relative to the owning box."""

    role: FontRole
    lines: tuple[str, ...]
    line_height: float
    rect: Rect

    def line_rects(self) -> Iterator[tuple[str, Rect]]:
        """Each line with the rectangle to draw it in, left-aligned and vertically centred."""
        for index, line in enumerate(self.lines):
            top = self.rect.y + index * self.line_height
            yield line, Rect(self.rect.x, top, self.rect.w, self.line_height)


@dataclass(frozen=True, slots=True)
class StageHeaderBox:
    stage_id: str
    name: str
    index: int
    rect: Rect  # the header above the column
    column: Rect  # the whole column below the header, through every lane
    number: TextBlock  # "Stage 1"
    title: TextBlock


@dataclass(frozen=True, slots=True)
class LaneHeaderBox:
    lane_id: str
    name: str
    kind: LaneKind
    zone: Zone
    index: int
    rect: Rect  # the header left of the row
    row: Rect  # the whole row right of the header, through every stage
    title: TextBlock
    caption: TextBlock  # the lane's kind, when its name does not already say it


@dataclass(frozen=True, slots=True)
class CellBox:
    stage_id: str
    lane_id: str
    rect: Rect


@dataclass(frozen=True, slots=True)
class Severity:
    """A pain point's severity, 1-5, drawn as pips in ``rect`` (relative to the card)."""

    level: int
    rect: Rect


@dataclass(frozen=True, slots=True)
class CardFace:
    """What a card shows, placed relative to the card: the same wherever the card sits."""

    height: float
    caption: TextBlock  # glyph and kind label (and a touchpoint's channel)
    title: TextBlock
    body: TextBlock
    severity: Severity | None  # pips, so that severity does not rely on colour
    elided: bool  # the title or body was cut to fit


@dataclass(frozen=True, slots=True)
class CardBox:
    """A card where it sits. Cards showing the same text share one face object."""

    card_id: str
    kind: CardKind
    stage_id: str
    lane_id: str
    span: int
    rect: Rect
    face: CardFace

    @property
    def caption(self) -> TextBlock:
        return self.face.caption

    @property
    def title(self) -> TextBlock:
        return self.face.title

    @property
    def body(self) -> TextBlock:
        return self.face.body

    @property
    def severity(self) -> Severity | None:
        return self.face.severity

    @property
    def elided(self) -> bool:
        return self.face.elided

    @property
    def title_lines(self) -> tuple[str, ...]:
        return self.face.title.lines

    @property
    def body_lines(self) -> tuple[str, ...]:
        return self.face.body.lines


@dataclass(frozen=True, slots=True)
class EmotionMark:
    """One point of the emotion line, where it is drawn."""

    point_id: str
    stage_id: str
    offset: float  # 0 at the stage's left edge, 1 at its right
    score: float
    label: str
    card_id: str | None
    at: Point
    caption: TextBlock | None = None  # the label, placed relative to ``at``


@dataclass(frozen=True, slots=True)
class EmotionDip:
    """A low point below neutral, and where its marker goes (under it)."""

    point_id: str
    stage_id: str
    at: Point


@dataclass(frozen=True, slots=True)
class ScaleStep:
    """One step of the score scale, in words, and the height it is drawn at."""

    score: int
    word: str
    y: float


@dataclass(frozen=True, slots=True)
class EmotionCurve:
    """The emotion line in one emotions lane: its band, the score scale, the points in order."""

    lane_id: str
    band: Rect
    neutral_y: float  # score 3
    best_y: float  # score 5
    worst_y: float  # score 1
    marks: tuple[EmotionMark, ...]
    # The smooth line through the marks, sampled: what every painter draws as the curve.
    path: tuple[Point, ...]
    # The path pulled up to neutral wherever it is above it: filled down to the neutral line,
    # the area where the customer felt worse than neutral. Empty when it never is.
    shade: tuple[Point, ...]
    dips: tuple[EmotionDip, ...]
    scale: tuple[ScaleStep, ...]  # best first

    def y_of(self, score: float) -> float:
        return self.worst_y - (score - SCORE_MIN) * self._per_score

    def score_at(self, y: float) -> float:
        """The score at height ``y``, not kept to the scale."""
        return SCORE_MIN + (self.worst_y - y) / self._per_score

    @property
    def _per_score(self) -> float:
        return (self.worst_y - self.best_y) / (SCORE_MAX - SCORE_MIN)


@dataclass(frozen=True, slots=True)
class ZoneBand:
    """One zone of a service blueprint: the lanes in it, across the whole map, and its name."""

    zone: Zone  # Zone.NONE: the lanes that belong to no zone, in a band above the others
    rect: Rect  # from the map's left edge (lane headers included) to its right edge
    title: TextBlock  # the zone's name, relative to ``rect``


@dataclass(frozen=True, slots=True)
class ZoneLine:
    """A line between two zones of a blueprint: interaction, visibility, internal interaction."""

    name: str  # "Line of interaction"
    y: float  # drawn across the whole map at this height
    label: TextBlock  # the name, in map coordinates, on the line


@dataclass(frozen=True, slots=True)
class JourneyLayout:
    width: float
    height: float
    corner: Rect  # above the lane headers, left of the stage headers
    stage_headers: tuple[StageHeaderBox, ...]
    lane_headers: tuple[LaneHeaderBox, ...]
    cells: Mapping[tuple[str, str], CellBox]  # by (stage id, lane id)
    cards: Mapping[str, CardBox]  # by card id; lane by lane, left to right, top down
    # The ids of the cards whose home is each cell, in their order there; by (stage, lane).
    cell_cards: Mapping[tuple[str, str], tuple[str, ...]]
    emotion_curves: tuple[EmotionCurve, ...]
    # A service blueprint's zones, top to bottom, and the lines between them; none on a journey.
    zones: tuple[ZoneBand, ...] = ()
    zone_lines: tuple[ZoneLine, ...] = ()

    @property
    def size(self) -> tuple[float, float]:
        return self.width, self.height

    def cell(self, stage_id: str, lane_id: str) -> CellBox:
        return self.cells[stage_id, lane_id]
