"""Thin scene items: each draws one box of a JourneyLayout exactly as the layout computed it.

Items keep the layout box they draw and nothing of the model, so a changed map is shown by
laying it out again and handing the items their new boxes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem, QWidget

from journey_editor.layout import (
    CARD_CUES,
    CardBox,
    EmotionCurve,
    FontRole,
    JourneyLayout,
    LaneHeaderBox,
    Outline,
    Rect,
    StageHeaderBox,
    TextBlock,
)
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
CARD_RADIUS = 6.0
SELECTION_MARGIN = 4.0


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


class BoxItem(QGraphicsItem):
    """An item placed at its box's top-left corner that paints in the box's own coordinates."""

    def __init__(self, rect: Rect, fonts: Fonts, margin: float = 0.0) -> None:
        super().__init__()
        self._fonts = fonts
        self._size = QRectF(0.0, 0.0, rect.w, rect.h)
        self._bounds = self._size.adjusted(-margin, -margin, margin, margin)
        self.setPos(rect.x, rect.y)

    def boundingRect(self) -> QRectF:
        return self._bounds


class StageHeaderItem(BoxItem):
    def __init__(self, box: StageHeaderBox, fonts: Fonts) -> None:
        super().__init__(box.rect, fonts)
        self.box = box

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.fillRect(self._size, HEADER_FILL)
        painter.setPen(QPen(HEADER_SOFT_INK, 1))
        painter.drawLine(QLineF(self._size.topRight(), self._size.bottomRight()))
        draw_block(painter, self.box.number, self._fonts, HEADER_SOFT_INK)
        draw_block(painter, self.box.title, self._fonts, HEADER_INK)


class LaneHeaderItem(BoxItem):
    def __init__(self, box: LaneHeaderBox, fonts: Fonts) -> None:
        super().__init__(box.rect, fonts)
        self.box = box

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.fillRect(self._size, LANE_FILL)
        painter.setPen(QPen(RULE, 1))
        painter.drawLine(QLineF(self._size.bottomLeft(), self._size.bottomRight()))
        painter.drawLine(QLineF(self._size.topRight(), self._size.bottomRight()))
        draw_block(painter, self.box.title, self._fonts, INK)
        draw_block(painter, self.box.caption, self._fonts, SOFT_INK)


class GridItem(QGraphicsItem):
    """The cells behind the cards: lane rows in alternating tints, ruled by stage and lane."""

    ROW_TINTS = (QColor("#FFFFFF"), QColor("#F5F7FA"))

    def __init__(self, layout: JourneyLayout) -> None:
        super().__init__()
        self._layout = layout
        self._bounds = QRectF(0.0, 0.0, layout.width, layout.height)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        layout = self._layout
        painter.fillRect(qrect(layout.corner), HEADER_FILL)
        for lane in layout.lane_headers:
            painter.fillRect(qrect(lane.row), self.ROW_TINTS[lane.index % 2])
        painter.setPen(QPen(FAINT_RULE, 1))
        for stage in layout.stage_headers[1:]:
            column = stage.column
            painter.drawLine(QLineF(column.x, column.y, column.x, column.bottom))
        painter.setPen(QPen(RULE, 1))
        for lane in layout.lane_headers:
            row = lane.row
            painter.drawLine(QLineF(row.x, row.bottom, row.right, row.bottom))


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


class CardItem(BoxItem):
    """A sticky note: paper and outline from its kind, then the lines the layout wrapped."""

    def __init__(self, box: CardBox, fonts: Fonts) -> None:
        super().__init__(box.rect, fonts, margin=SELECTION_MARGIN)
        self.box = box
        self.look = card_look(box.kind)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paper = self._size.adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(self.look.outline)
        painter.setBrush(self.look.fill)
        painter.drawRoundedRect(paper, CARD_RADIUS, CARD_RADIUS)
        box = self.box
        draw_block(painter, box.caption, self._fonts, self.look.accent)
        draw_block(painter, box.title, self._fonts, INK)
        draw_block(painter, box.body, self._fonts, SOFT_INK)
        if box.severity is not None:
            self._paint_severity(painter, qrect(box.severity.rect), box.severity.level)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(SELECTION, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            ring = self._size.adjusted(-2.5, -2.5, 2.5, 2.5)
            painter.drawRoundedRect(ring, CARD_RADIUS + 2, CARD_RADIUS + 2)

    def _paint_severity(self, painter: QPainter, rect: QRectF, level: int) -> None:
        """Five pips, ``level`` of them filled: readable without telling colours apart."""
        step = rect.width() / 5
        radius = min(rect.height() - 4, step - 2) / 2
        painter.setPen(QPen(self.look.accent, 1.2))
        for index in range(5):
            painter.setBrush(self.look.accent if index < level else Qt.BrushStyle.NoBrush)
            centre = QPointF(rect.x() + (index + 0.5) * step, rect.center().y())
            painter.drawEllipse(centre, radius, radius)


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


class EmotionLineItem(QGraphicsItem):
    """The emotion line in its band: a dashed neutral line, segments, and a dot per point.

    It sits above the headers: a point at the very start of the first stage puts half its dot
    over the lane header, and the faces that say which way is better stand in that header.
    """

    DOT_RADIUS = 6.0
    FACE_SIZE = 20.0
    LINE = QColor("#3F46A8")

    def __init__(self, curve: EmotionCurve, fonts: Fonts) -> None:
        super().__init__()
        self.curve = curve
        self._fonts = fonts
        reach = self.DOT_RADIUS + 2
        self._bounds = qrect(curve.band).adjusted(-self.FACE_SIZE - 8, 0, reach, 0)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        curve = self.curve
        band = qrect(curve.band)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor("#8C96A3"), 1.2, Qt.PenStyle.DashLine))
        painter.drawLine(QLineF(band.left(), curve.neutral_y, band.right(), curve.neutral_y))
        painter.setFont(self._fonts[FontRole.LANE_HEADER])
        painter.setPen(SOFT_INK)
        half = self.FACE_SIZE / 2
        for face, y in (("☺", curve.best_y), ("☹", curve.worst_y)):
            square = QRectF(band.left() - self.FACE_SIZE - 6, y - half, self.FACE_SIZE, 2 * half)
            painter.drawText(square, Qt.AlignmentFlag.AlignCenter, face)
        if not curve.marks:
            return
        path = QPainterPath(QPointF(curve.marks[0].at.x, curve.marks[0].at.y))
        for mark in curve.marks[1:]:
            path.lineTo(mark.at.x, mark.at.y)
        painter.setPen(QPen(self.LINE, 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(QPen(QColor("#FFFFFF"), 2))
        for mark in curve.marks:
            painter.setBrush(score_colour(mark.score))
            painter.drawEllipse(QPointF(mark.at.x, mark.at.y), self.DOT_RADIUS, self.DOT_RADIUS)
