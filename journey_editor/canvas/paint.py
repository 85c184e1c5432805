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

from journey_editor.layout import CARD_CUES, FontRole, Outline, Rect, TextBlock
from journey_editor.model import CardKind

Fonts = Mapping[FontRole, QFont]

TEXT_FLAGS = (
    Qt.AlignmentFlag.AlignLeft
    | Qt.AlignmentFlag.AlignVCenter
    | Qt.TextFlag.TextSingleLine
    | Qt.TextFlag.TextDontClip
)
INK = QColor("#1C2733")
SOFT_INK = QColor("#45525F")
HEADER_FILL = QColor("#263545")
HEADER_INK = QColor("#FFFFFF")
HEADER_SOFT_INK = QColor("#B7C6D6")
LANE_FILL = QColor("#E9EDF2")
RULE = QColor("#C3CCD6")
FAINT_RULE = QColor("#DCE2E8")
SELECTION = QColor("#0B57D0")
LINK = QColor("#5B6572")
CARD_RADIUS = 6.0

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


@cache
def card_look(kind: CardKind) -> CardLook:
    """The look of each card kind, built once from the shared cue table."""
    cue = CARD_CUES[kind]
    accent = QColor(cue.accent)
    outline = QPen(accent, 2.5 if cue.outline is Outline.BOLD else 1.2)
    if cue.outline is Outline.DASHED:
        outline.setStyle(Qt.PenStyle.DashLine)
    return CardLook(QBrush(QColor(cue.fill)), accent, outline)


def score_colour(score: float) -> QColor:
    """Red for the worst feeling, grey for neutral, green for the best, blended between."""
    worst, neutral, best = QColor("#C8372D"), QColor("#8C96A3"), QColor("#23894E")
    if score < 3:
        low, high, share = worst, neutral, (score - 1) / 2
    else:
        low, high, share = neutral, best, (score - 3) / 2
    return QColor.fromRgbF(
        low.redF() + (high.redF() - low.redF()) * share,
        low.greenF() + (high.greenF() - low.greenF()) * share,
        low.blueF() + (high.blueF() - low.blueF()) * share,
    )


def draw_feeling_face(painter: QPainter, centre: QPointF, radius: float, score: float) -> None:
    """A face in the score's colour, its mouth from a frown (1) through flat (3) to a smile (5):
    drawn, not a glyph, so it needs no emoji font and looks the same everywhere."""
    mood = (score - 3.0) / 2.0  # -1 .. 1
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(score_colour(score).darker(130), radius * 0.16))
    painter.setBrush(score_colour(score).lighter(175))
    painter.drawEllipse(centre, radius, radius)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(INK)
    for side in (-1, 1):
        painter.drawEllipse(centre + QPointF(side * radius * 0.36, -radius * 0.22),
                            radius * 0.12, radius * 0.12)
    mouth = QPainterPath(centre + QPointF(-radius * 0.45, radius * (0.38 - 0.12 * mood)))
    mouth.quadTo(centre + QPointF(0.0, radius * (0.38 + 0.42 * mood)),
                 centre + QPointF(radius * 0.45, radius * (0.38 - 0.12 * mood)))
    pen = QPen(INK, radius * 0.14)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(mouth)
    painter.restore()
