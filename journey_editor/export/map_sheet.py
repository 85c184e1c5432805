"""A laid-out map turned into shapes (export/drawing.py), drawn as the canvas draws it.

The order is the canvas's stacking order: the grid and a blueprint's zones, links, the
emotion line, cards, then the lane and stage headers.
"""

from __future__ import annotations

from journey_editor.export.drawing import Box, Circle, Cubic, Path, Pen, Sheet, Text, line
from journey_editor.export.fonts import ExportFonts
from journey_editor.layout import (
    CARD_CUES,
    CardBox,
    EmotionCurve,
    FontRole,
    JourneyLayout,
    LaneHeaderBox,
    Outline,
    Point,
    Rect,
    TextBlock,
    look,
)
from journey_editor.layout.arrows import arrow
from journey_editor.layout.look import feeling_face
from journey_editor.model import Journey


def map_sheet(journey: Journey, layout: JourneyLayout, fonts: ExportFonts) -> Sheet:
    """Every shape of ``layout`` (a layout of ``journey``), in painting order."""
    sheet = Sheet(layout.width, layout.height, look.PAPER)
    painter = _SheetPainter(sheet, fonts)
    painter.grid(layout)
    painter.zones(layout)
    painter.links(journey, layout)
    for curve in layout.emotion_curves:
        painter.emotion_line(curve)
    for card in layout.cards.values():
        painter.card(card)
    curves = {curve.lane_id: curve for curve in layout.emotion_curves}
    for lane in layout.lane_headers:
        painter.lane_header(lane, curves.get(lane.lane_id))
    for stage in layout.stage_headers:
        sheet.add(Box(stage.rect, look.HEADER_FILL))
        sheet.add(line(Point(stage.rect.right, stage.rect.y), Point(stage.rect.right,
                  stage.rect.bottom), Pen(look.HEADER_SOFT_INK, 1.0)))
        painter.block(stage.number, stage.rect.x, stage.rect.y, look.HEADER_SOFT_INK)
        painter.block(stage.title, stage.rect.x, stage.rect.y, look.HEADER_INK)
    sheet.add(Box(layout.corner, look.HEADER_FILL))
    return sheet


class _SheetPainter:
    def __init__(self, sheet: Sheet, fonts: ExportFonts) -> None:
        self.sheet = sheet
        self.fonts = fonts

    def block(self, block: TextBlock, x: float, y: float, colour: str) -> None:
        """A text block placed relative to (x, y), each line where the layout put it."""
        baseline_in = self.fonts.baseline_in
        for text, rect in block.line_rects():
            baseline = baseline_in(block.role, y + rect.y, rect.h)
            self.sheet.add(Text(text, block.role, x + rect.x, baseline, colour))

    def grid(self, layout: JourneyLayout) -> None:
        add = self.sheet.add
        for zone in layout.zones:
            add(Box(zone.rect, look.ZONE_FILL))
            self.block(zone.title, zone.rect.x, zone.rect.y, look.SOFT_INK)
        for lane in layout.lane_headers:
            add(Box(lane.row, look.ROW_TINTS[lane.index % 2]))
        faint = Pen(look.FAINT_RULE, 1.0)
        for stage in layout.stage_headers[1:]:
            column = stage.column
            for lane in layout.lane_headers:  # not across a blueprint's gaps between zones
                add(line(Point(column.x, lane.row.y), Point(column.x, lane.row.bottom), faint))
        rule = Pen(look.RULE, 1.0)
        for lane in layout.lane_headers:
            row = lane.row
            add(line(Point(row.x, row.bottom), Point(row.right, row.bottom), rule))

    def zones(self, layout: JourneyLayout) -> None:
        pen = Pen(look.ZONE_LINE, look.ZONE_LINE_WIDTH, look.DASH)
        for zone_line in layout.zone_lines:
            self.sheet.add(line(Point(0.0, zone_line.y), Point(layout.width, zone_line.y), pen))
            label = zone_line.label
            width = max((self.fonts_width(text, label.role) for text in label.lines), default=0)
            backing = Rect(label.rect.x - look.LABEL_PAD, label.rect.y,
                           width + 2 * look.LABEL_PAD, label.rect.h)
            self.sheet.add(Box(backing, look.PAPER))
            self.block(label, 0.0, 0.0, look.ZONE_LINE)

    def fonts_width(self, text: str, role: FontRole) -> float:
        return self.fonts.advance(role)(text)

    def links(self, journey: Journey, layout: JourneyLayout) -> None:
        pen = Pen(look.LINK, look.LINK_WIDTH)
        for link in journey.links.values():
            source, target = layout.cards.get(link.source_id), layout.cards.get(link.target_id)
            if source is None or target is None:
                continue
            shape = arrow(source.rect, target.rect)
            self.sheet.add(Path(shape.start, (Cubic(*shape.bends, shape.end),), pen=pen))
            tip, *rest = shape.head
            self.sheet.add(Path(tip, tuple(rest), fill=look.LINK, closed=True))

    def emotion_line(self, curve: EmotionCurve) -> None:
        add = self.sheet.add
        band = curve.band
        rules = Pen(look.SCORE_RULES, 1.0)
        for step in curve.scale:
            if step.y != curve.neutral_y:
                add(line(Point(band.x, step.y), Point(band.right, step.y), rules))
        if curve.shade:
            first, last = curve.shade[0], curve.shade[-1]
            add(Path(first, (*curve.shade[1:], Point(last.x, curve.neutral_y),
                             Point(first.x, curve.neutral_y)), fill=look.SHADE, closed=True))
        add(line(Point(band.x, curve.neutral_y), Point(band.right, curve.neutral_y),
                 Pen(look.NEUTRAL, look.NEUTRAL_WIDTH, look.DASH)))
        if len(curve.path) > 1:
            add(Path(curve.path[0], curve.path[1:],
                     pen=Pen(look.EMOTION_LINE, look.EMOTION_LINE_WIDTH, round_cap=True)))
        rim = Pen(look.PAPER, look.DOT_RIM)
        for mark in curve.marks:
            add(Circle(mark.at, look.DOT_SIZE / 2, look.score_colour(mark.score), rim))
        half = look.DIP_SIZE / 2
        for dip in curve.dips:
            at = dip.at
            add(Path(Point(at.x - half, at.y - half),
                     (Point(at.x, at.y + half), Point(at.x + half, at.y - half)),
                     fill=look.DIP, pen=Pen(look.PAPER, 1.0), closed=True))
        for mark in curve.marks:
            caption = mark.caption
            if caption is None:
                continue
            for text, rect in caption.line_rects():
                width = self.fonts_width(text, caption.role) + 2 * look.LABEL_PAD
                add(Box(Rect(mark.at.x + rect.x - look.LABEL_PAD, mark.at.y + rect.y, width,
                             rect.h), look.LABEL_BACKING))
            self.block(caption, mark.at.x, mark.at.y, look.INK)

    def card(self, card: CardBox) -> None:
        cue = CARD_CUES[card.kind]
        width = (look.BOLD_OUTLINE_WIDTH if cue.outline is Outline.BOLD
                 else look.CARD_OUTLINE_WIDTH)
        pen = Pen(cue.accent, width, look.DASH if cue.outline is Outline.DASHED else ())
        rect = card.rect
        paper = Rect(rect.x + 0.5, rect.y + 0.5, rect.w - 1.0, rect.h - 1.0)
        self.sheet.add(Box(paper, cue.fill, pen, look.CARD_RADIUS))
        self.block(card.caption, rect.x, rect.y, cue.accent)
        self.block(card.title, rect.x, rect.y, look.INK)
        self.block(card.body, rect.x, rect.y, look.SOFT_INK)
        severity = card.severity
        if severity is not None:
            pips = severity.rect
            step = pips.w / 5
            radius = min(pips.h - 4, step - 2) / 2
            ring = Pen(cue.accent, look.SEVERITY_PEN_WIDTH)
            for index in range(5):
                centre = Point(rect.x + pips.x + (index + 0.5) * step,
                               rect.y + pips.y + pips.h / 2)
                fill = cue.accent if index < severity.level else None
                self.sheet.add(Circle(centre, radius, fill, ring))

    def lane_header(self, lane: LaneHeaderBox, curve: EmotionCurve | None) -> None:
        add = self.sheet.add
        rect = lane.rect
        add(Box(rect, look.LANE_FILL))
        rule = Pen(look.RULE, 1.0)
        add(line(Point(rect.x, rect.bottom), Point(rect.right, rect.bottom), rule))
        add(line(Point(rect.right, rect.y), Point(rect.right, rect.bottom), rule))
        self.block(lane.title, rect.x, rect.y, look.INK)
        self.block(lane.caption, rect.x, rect.y, look.SOFT_INK)
        if curve is None:
            return
        radius = look.FACE_SIZE / 2
        left = rect.x + lane.title.rect.x
        for step in curve.scale:
            self.face(Point(left + radius, step.y), radius, step.score)
            baseline = self.fonts.baseline_in(FontRole.CAPTION, step.y - radius, look.FACE_SIZE)
            add(Text(step.word, FontRole.CAPTION, left + look.FACE_SIZE + look.FACE_GAP,
                     baseline, look.SOFT_INK))

    def face(self, centre: Point, radius: float, score: float) -> None:
        face = feeling_face(centre, radius, score)
        add = self.sheet.add
        add(Circle(face.centre, face.radius, face.fill, Pen(face.rim, face.rim_width)))
        for eye in face.eyes:
            add(Circle(eye, face.eye_radius, look.INK))
        start, control, end = face.mouth
        add(Path(start, (_quadratic(start, control, end),),
                 pen=Pen(look.INK, face.mouth_width, round_cap=True)))


def _quadratic(start: Point, control: Point, end: Point) -> Cubic:
    """The cubic that draws the same curve as a quadratic one (painters differ in support)."""
    def toward(a: Point, b: Point) -> Point:
        return Point(a.x + (b.x - a.x) * 2 / 3, a.y + (b.y - a.y) * 2 / 3)

    return Cubic(toward(start, control), toward(end, control), end)
