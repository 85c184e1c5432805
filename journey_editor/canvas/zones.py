"""The service blueprint on the canvas (View → Service blueprint): the zones and the three
lines between them, drawn from the layout like every other item.

The blueprint is another layout of the same journey (``layout_blueprint``): the scene lays
the map out one way or the other (``LayoutMode``) and the cards, headers and emotion line
follow, so every gesture works as on the journey grid. These items only add what the
blueprint has more: each zone's strip and name, and each line with its label. The names
and labels stay in view when the map scrolls sideways, as the lane headers do.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QLineF, QRectF
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget

from journey_editor.canvas.paint import (
    GRID_Z,
    SOFT_INK,
    Fonts,
    colour,
    dash_pattern,
    draw_block,
    qrect,
)
from journey_editor.layout import (
    GridStyle,
    JourneyLayout,
    LayoutCache,
    Rect,
    TextBlock,
    TextMeasure,
    ZoneBand,
    ZoneLine,
    layout_journey,
    look,
)
from journey_editor.layout.blueprint import layout_blueprint
from journey_editor.model import Journey, Zone

LANES_FOLLOW_ZONES = (
    "Lanes follow their zones in the blueprint view; reorder them in the journey view"
)
# Over the grid, whose column rules would otherwise cross the strips and gaps between its
# rows (the exports draw them across rows only), and under everything else.
GUTTER_Z, ZONE_Z = GRID_Z + 0.25, GRID_Z + 0.5
PAPER, ZONE_FILL, ZONE_LINE = colour(look.PAPER), colour(look.ZONE_FILL), colour(look.ZONE_LINE)
Key = TypeVar("Key", bound=Hashable)
Item = TypeVar("Item", bound=QGraphicsItem)
Box = TypeVar("Box")


@dataclass(frozen=True, slots=True)
class LayoutMode:
    """How the scene lays the map out: the journey grid, or the service blueprint (with or
    without its emotions lanes)."""

    blueprint: bool = False
    emotion_line: bool = True  # in the blueprint; the journey grid always has it

    def lay_out(
        self, journey: Journey, measure: TextMeasure, style: GridStyle, cache: LayoutCache
    ) -> JourneyLayout:
        if self.blueprint:
            return layout_blueprint(journey, measure, style, cache, self.emotion_line)
        return layout_journey(journey, measure, style, cache)


JOURNEY_GRID = LayoutMode()


def _pinned_shift(left: float, text: TextBlock, width: float) -> float:
    """How far right to draw ``text`` to keep it in view when the view's left edge is at
    ``left``, never past the map's right edge (less the text's own margin)."""
    return min(max(0.0, left), max(0.0, width - text.rect.right - text.rect.x))


class _PinnedText(QGraphicsItem):
    """An item in map coordinates whose ``text`` follows the view's left edge."""

    def __init__(self, bounds: QRectF, text: TextBlock, fonts: Fonts) -> None:
        super().__init__()
        self._fonts = fonts
        self._bounds = bounds
        self._text = text
        self._left = 0.0
        self._shift = 0.0
        self.setZValue(ZONE_Z)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def pin_to(self, left: float) -> None:
        self._left = left
        shift = _pinned_shift(left, self._text, self._bounds.width())
        if shift != self._shift:
            self._shift = shift
            self.update()

    def _set(self, bounds: QRectF, text: TextBlock) -> None:
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self._text = text
        self.update()
        self.pin_to(self._left)


class ZoneBandItem(_PinnedText):
    """A zone's strip above its lanes, filled, with the zone's name."""

    def __init__(self, band: ZoneBand, strip: Rect, fonts: Fonts) -> None:
        super().__init__(qrect(strip), band.title, fonts)
        self.band = band

    def set_band(self, band: ZoneBand, strip: Rect) -> None:
        if band != self.band or qrect(strip) != self._bounds:
            self.band = band
            self._set(qrect(strip), band.title)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.fillRect(self._bounds, ZONE_FILL)
        rect = self.band.rect
        painter.translate(rect.x + self._shift, rect.y)
        draw_block(painter, self.band.title, self._fonts, SOFT_INK)


class ZoneLineItem(_PinnedText):
    """A line across the map between two zones, its name on it (on paper, so the dashes do
    not run through the words)."""

    def __init__(self, line: ZoneLine, width: float, fonts: Fonts) -> None:
        super().__init__(_line_bounds(line, width), line.label, fonts)
        self.line = line

    def set_line(self, line: ZoneLine, width: float) -> None:
        bounds = _line_bounds(line, width)
        if line != self.line or bounds != self._bounds:
            self.line = line
            self._set(bounds, line.label)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pen = QPen(ZONE_LINE, look.ZONE_LINE_WIDTH)
        pen.setDashPattern(dash_pattern(look.ZONE_LINE_WIDTH))
        painter.setPen(pen)
        y = self.line.y
        painter.drawLine(QLineF(0.0, y, self._bounds.width(), y))
        label = self.line.label
        painter.translate(self._shift, 0.0)
        backing = qrect(label.rect).adjusted(-look.LABEL_PAD, 0.0, look.LABEL_PAD, 0.0)
        painter.fillRect(backing, PAPER)
        draw_block(painter, label, self._fonts, ZONE_LINE)


def _line_bounds(line: ZoneLine, width: float) -> QRectF:
    label = line.label.rect
    top = min(label.y, line.y - look.ZONE_LINE_WIDTH)
    bottom = max(label.bottom, line.y + look.ZONE_LINE_WIDTH)
    return QRectF(0.0, top, width, bottom - top)


class ZoneGutters(QGraphicsItem):
    """Paper over the blueprint's strips and gaps: wherever no lane row is, below the stage
    headers."""

    def __init__(self) -> None:
        super().__init__()
        self._gutters: list[QRectF] = []
        self._bounds = QRectF()
        self.setZValue(GUTTER_Z)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def set_layout(self, layout: JourneyLayout) -> None:
        gutters = []
        # Half a pixel clear of the rows, whose bottom rules are centred on their edge.
        top = layout.corner.bottom
        for lane in layout.lane_headers:
            if lane.rect.y > top:
                gutters.append(QRectF(0.0, top + 0.5, layout.width, lane.rect.y - top - 0.5))
            top = lane.rect.bottom
        if layout.height > top:
            gutters.append(QRectF(0.0, top + 0.5, layout.width, layout.height - top - 0.5))
        if gutters != self._gutters:
            self.prepareGeometryChange()
            self._gutters = gutters
            self._bounds = QRectF(0.0, 0.0, layout.width, layout.height)
            self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        for gutter in self._gutters:
            painter.fillRect(gutter, PAPER)


class ZoneItems:
    """The blueprint's items, in step with each layout: none on the journey grid."""

    def __init__(self, scene: QGraphicsScene, fonts: Fonts) -> None:
        self._scene = scene
        self._fonts = fonts
        self.bands: dict[Zone, ZoneBandItem] = {}
        self.lines: dict[str, ZoneLineItem] = {}
        self.gutters = ZoneGutters()
        scene.addItem(self.gutters)

    def apply(self, layout: JourneyLayout) -> None:
        """Items for the layout's zones and lines; pin them to the view afterwards."""
        self.gutters.set_layout(layout)
        tops = [lane.rect.y for lane in layout.lane_headers]

        def strip(band: ZoneBand) -> Rect:
            """From the top of the zone to its first lane."""
            first = tops[bisect_left(tops, band.rect.y)]
            return Rect(band.rect.x, band.rect.y, band.rect.w, first - band.rect.y)

        self._keep_in_step(
            self.bands, {band.zone: band for band in layout.zones},
            lambda band: ZoneBandItem(band, strip(band), self._fonts),
            lambda item, band: item.set_band(band, strip(band)),
        )
        width = layout.width
        self._keep_in_step(
            self.lines, {line.name: line for line in layout.zone_lines},
            lambda line: ZoneLineItem(line, width, self._fonts),
            lambda item, line: item.set_line(line, width),
        )

    def _keep_in_step(
        self,
        items: dict[Key, Item],
        boxes: dict[Key, Box],
        make: Callable[[Box], Item],
        update: Callable[[Item, Box], None],
    ) -> None:
        for gone in items.keys() - boxes.keys():
            self._scene.removeItem(items.pop(gone))
        for key, box in boxes.items():
            item = items.get(key)
            if item is None:
                item = items[key] = make(box)
                self._scene.addItem(item)
            else:
                update(item, box)

    def pin(self, left: float) -> None:
        """Keep the zones' names and the lines' labels in view; ``left`` is the view's left
        edge on the map."""
        for item in (*self.bands.values(), *self.lines.values()):
            item.pin_to(left)
