"""The canvas's palette and the drawing helpers its items share.

All map text is drawn with ``drawText`` on plain strings, never as rich text: card and header
text comes from files other people wrote.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen

from journey_editor.layout import CARD_CUES, FontRole, Outline, Point, Rect, TextBlock, look
from journey_editor.model import CardKind

Fonts = Mapping[FontRole, QFont]

TEXT_FLAGS = (
    Qt.AlignmentFlag.AlignLeft
    | Qt.AlignmentFlag.AlignVCenter
    | Qt.TextFlag.TextSingleLine
    | Qt.TextFlag.TextDontClip
)
INK = QColor(look.INK)
SOFT_INK = QColor(look.SOFT_INK)
HEADER_FILL = QColor(look.HEADER_FILL)
HEADER_INK = QColor(look.HEADER_INK)
HEADER_SOFT_INK = QColor(look.HEADER_SOFT_INK)
LANE_FILL = QColor(look.LANE_FILL)
RULE = QColor(look.RULE)
FAINT_RULE = QColor(look.FAINT_RULE)
SELECTION = QColor(look.SELECTION)
LINK = QColor(look.LINK)
CARD_RADIUS = look.CARD_RADIUS

# Stacking order, bottom to top. Headers stay above the cards they pin over when the map
# scrolls; a dragged card goes above everything so it is never lost under a later one.
# Links pass under the cards, so an arrow never runs across a card's text, and under the
# emotion line, whose points and labels an arrow from a lane above to one below would cross.
GRID_Z, OVERVIEW_Z, LINK_Z, EMOTION_Z, CARD_Z, HANDLE_Z = 0.0, 1.0, 2.0, 3.0, 4.0, 5.0
LANE_HEADER_Z, STAGE_HEADER_Z, CORNER_Z = 6.0, 7.0, 8.0
DRAG_Z, INDICATOR_Z, EDITOR_Z = 10.0, 11.0, 12.0


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def draw_block(painter: QPainter, block: TextBlock, fonts: Fonts, colour: QColor) -> None:
    """The block's lines, each in the rectangle the layout gave it."""
    if not block.lines:
        return
    painter.setFont(fonts[block.role])
    painter.setPen(colour)
    for line, rect in block.line_rects():
        painter.drawText(qrect(rect), TEXT_FLAGS, line)


@dataclass(frozen=True)
class CardLook:
    """How a kind of card is painted: paper, accent, and an outline that marks the kind."""

    fill: QBrush
    accent: QColor
    outline: QPen


def dash_pattern(width: float) -> list[float]:
    """The shared dash (look.DASH, in map pixels) in the units Qt counts: pen widths."""
    return [length / width for length in look.DASH]


@cache
def card_look(kind: CardKind) -> CardLook:
    """The look of each card kind, built once from the shared cue table."""
    cue = CARD_CUES[kind]
    accent = QColor(cue.accent)
    width = look.BOLD_OUTLINE_WIDTH if cue.outline is Outline.BOLD else look.CARD_OUTLINE_WIDTH
    outline = QPen(accent, width)
    if cue.outline is Outline.DASHED:
        outline.setDashPattern(dash_pattern(width))
    return CardLook(QBrush(QColor(cue.fill)), accent, outline)


def colour(hex_colour: str) -> QColor:
    """A colour of the shared look table: #RRGGBB, or #RRGGBBAA when translucent."""
    if len(hex_colour) == 9:
        shade = QColor(hex_colour[:7])
        shade.setAlpha(int(hex_colour[7:], 16))
        return shade
    return QColor(hex_colour)


def score_colour(score: float) -> QColor:
    return QColor(look.score_colour(score))


def draw_feeling_face(painter: QPainter, centre: QPointF, radius: float, score: float) -> None:
    """The scale's face for ``score`` (see ``look.feeling_face``)."""
    face = look.feeling_face(Point(centre.x(), centre.y()), radius, score)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(face.rim), face.rim_width))
    painter.setBrush(QColor(face.fill))
    painter.drawEllipse(centre, radius, radius)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(INK)
    for eye in face.eyes:
        painter.drawEllipse(QPointF(eye.x, eye.y), face.eye_radius, face.eye_radius)
    start, control, end = (QPointF(point.x, point.y) for point in face.mouth)
    mouth = QPainterPath(start)
    mouth.quadTo(control, end)
    pen = QPen(INK, face.mouth_width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(mouth)
    painter.restore()
