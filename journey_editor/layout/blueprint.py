"""The service blueprint: the journey's own lanes grouped into zones, with the three lines
between them (Bitner, Ostrom and Morgan 2008).

Not a second document but another layout of the same journey, made by the journey grid
itself, so cards, cells and emotion curves behave as they do on the map. Lanes in no zone
(thoughts, emotions, pain points ...) make a band above the zones; within a zone, lanes
keep the map's order. Each zone opens with a slim strip giving its name, and each line has
a gap of its own, its name on it: no label covers a card, and the three lines come out in
order even when the zones between them are empty.
"""

from __future__ import annotations

from dataclasses import replace

from journey_editor.layout.boxes import JourneyLayout, TextBlock, ZoneBand, ZoneLine
from journey_editor.layout.faces import block
from journey_editor.layout.geometry import Rect
from journey_editor.layout.grid import layout_journey
from journey_editor.layout.lanes import LayoutCache
from journey_editor.layout.style import DEFAULT_STYLE, GridStyle
from journey_editor.layout.text import FontRole, TextMeasure
from journey_editor.model import Journey, Lane, LaneKind, Zone

# Top to bottom; the lanes in no zone go first, above the blueprint proper.
ZONE_ORDER = (
    Zone.NONE,
    Zone.PHYSICAL_EVIDENCE,
    Zone.CUSTOMER_ACTIONS,
    Zone.FRONTSTAGE,
    Zone.BACKSTAGE,
    Zone.SUPPORT_PROCESSES,
)
ZONE_TITLES = {
    Zone.NONE: "Experience and insights",
    Zone.PHYSICAL_EVIDENCE: "Physical evidence",
    Zone.CUSTOMER_ACTIONS: "Customer actions",
    Zone.FRONTSTAGE: "Frontstage actions",
    Zone.BACKSTAGE: "Backstage actions",
    Zone.SUPPORT_PROCESSES: "Support processes",
}
# Each line, by the zone it is drawn above.
LINE_ABOVE = {
    Zone.FRONTSTAGE: "Line of interaction",
    Zone.BACKSTAGE: "Line of visibility",
    Zone.SUPPORT_PROCESSES: "Line of internal interaction",
}
TEXT_ROLE = FontRole.CAPTION  # zone titles and line labels: small, so the strips stay slim


def layout_blueprint(
    journey: Journey,
    measure: TextMeasure,
    style: GridStyle = DEFAULT_STYLE,
    cache: LayoutCache | None = None,
    emotion_line: bool = True,
) -> JourneyLayout:
    """The journey laid out as a service blueprint: its rows ordered by zone, plus the
    ``zones`` and the three ``zone_lines``. Without ``emotion_line``, emotions lanes (and
    their cards and curves) are left out."""
    zoned: dict[Zone, list[Lane]] = {zone: [] for zone in ZONE_ORDER}
    for lane in journey.lanes:
        if emotion_line or lane.kind is not LaneKind.EMOTIONS:
            zoned[lane.zone].append(lane)
    width = style.lane_header_width + len(journey.stages) * style.stage_width
    inner = width - 2 * style.header_padding
    titles = {
        zone: _text(ZONE_TITLES[zone], measure, style, inner)
        for zone, lanes in zoned.items() if lanes
    }
    labels = {zone: _text(name, measure, style, inner) for zone, name in LINE_ABOVE.items()}
    strip = max([style.zone_title_height, *(_room(title, style) for title in titles.values())])
    gap = max([style.zone_line_gap, *(_room(label, style) for label in labels.values())])

    rows: list[Lane] = []
    space_above: dict[int, float] = {}
    for zone in ZONE_ORDER:
        room = (gap if zone in LINE_ABOVE else 0.0) + (strip if zone in titles else 0.0)
        if room:
            space_above[len(rows)] = space_above.get(len(rows), 0.0) + room
        rows += zoned[zone]
    grid = layout_journey(journey, measure, style, cache, lanes=rows, space_above=space_above)

    # The grid left the room planned above; walk down it again to place zones and lines.
    zones: list[ZoneBand] = []
    lines: list[ZoneLine] = []
    top, first = grid.corner.bottom, 0
    for zone in ZONE_ORDER:
        if zone in LINE_ABOVE:
            y = top + gap / 2
            label = labels[zone]
            lines.append(ZoneLine(LINE_ABOVE[zone], y, _moved(label, y - label.rect.h / 2)))
            top += gap
        title = titles.get(zone)
        if title is not None:
            last = first + len(zoned[zone]) - 1
            bottom = grid.lane_headers[last].rect.bottom
            zones.append(ZoneBand(
                zone, Rect(0.0, top, grid.width, bottom - top),
                _moved(title, (strip - title.rect.h) / 2),
            ))
            top, first = bottom, last + 1
    return replace(grid, zones=tuple(zones), zone_lines=tuple(lines))


def _text(text: str, measure: TextMeasure, style: GridStyle, max_width: float) -> TextBlock:
    """One line of small text at the left, as wide as its words (a backing fits it)."""
    wrapped = measure.wrap(text, TEXT_ROLE, max_width, 1)
    width = max((measure.line_width(line, TEXT_ROLE) for line in wrapped.lines), default=0.0)
    return block(wrapped, TEXT_ROLE, style.header_padding, 0.0, width)


def _room(text: TextBlock, style: GridStyle) -> float:
    """The least height of a strip or gap holding ``text``, should the fonts be large."""
    return text.rect.h + style.cell_padding


def _moved(text: TextBlock, y: float) -> TextBlock:
    return replace(text, rect=replace(text.rect, y=y))

