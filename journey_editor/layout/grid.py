"""The journey grid: stages as columns, lanes as rows, cards stacked in their cells.

A card spanning several stages reserves its height in every cell it covers, so cards never
overlap; a lane is as tall as its fullest cell. The result is plain geometry for the canvas
and the exports alike.
"""

from __future__ import annotations

from journey_editor.layout.boxes import (
    CardBox,
    CellBox,
    EmotionCurve,
    EmotionMark,
    JourneyLayout,
    LaneHeaderBox,
    Severity,
    StageHeaderBox,
    TextBlock,
)
from journey_editor.layout.cues import caption_for
from journey_editor.layout.geometry import Point, Rect
from journey_editor.layout.style import DEFAULT_STYLE, GridStyle
from journey_editor.layout.text import FontRole, TextMeasure, WrappedText
from journey_editor.model import Card, CardKind, Journey, Lane, LaneKind
from journey_editor.model.limits import SCORE_MAX, SCORE_MIN

# The gap between a small caption and the text under it.
CAPTION_GAP = 2.0


def layout_journey(
    journey: Journey, measure: TextMeasure, style: GridStyle = DEFAULT_STYLE
) -> JourneyLayout:
    """Every rectangle of the journey grid, with all text wrapped by ``measure``."""
    columns = {stage.id: index for index, stage in enumerate(journey.stages)}
    left = style.lane_header_width
    grid_width = len(journey.stages) * style.stage_width
    width = left + grid_width

    stage_texts = [
        _stage_texts(index, stage.name, measure, style)
        for index, stage in enumerate(journey.stages)
    ]
    header_height = max(
        [style.stage_header_min_height]
        + [title.rect.bottom + style.header_padding for _, title in stage_texts]
    )

    by_lane: dict[str, list[Card]] = {lane.id: [] for lane in journey.lanes}
    for card in journey.cards.values():
        by_lane[card.lane_id].append(card)

    captions: dict[tuple[str, float], WrappedText] = {}
    lane_headers: list[LaneHeaderBox] = []
    cells: dict[tuple[str, str], CellBox] = {}
    cards: dict[str, CardBox] = {}
    curves: list[EmotionCurve] = []
    top = header_height
    for lane_index, lane in enumerate(journey.lanes):
        band = style.emotion_band_height if lane.kind is LaneKind.EMOTIONS else 0.0
        lane_cards = sorted(
            by_lane[lane.id], key=lambda card: (columns[card.stage_id], card.position, card.id)
        )
        card_top = top + band + style.cell_padding
        stacked, stacked_height = _stack_lane(
            lane_cards, columns, left, card_top, measure, style, captions
        )
        cards.update((box.card_id, box) for box in stacked)
        title, caption = _lane_texts(lane, measure, style)
        height = max(
            style.lane_min_height,
            band + (stacked_height + 2 * style.cell_padding if stacked else 0.0),
            max(title.rect.bottom, caption.rect.bottom) + style.header_padding,
        )
        row = Rect(left, top, grid_width, height)
        lane_headers.append(
            LaneHeaderBox(
                lane_id=lane.id,
                name=lane.name,
                kind=lane.kind,
                zone=lane.zone,
                index=lane_index,
                rect=Rect(0.0, top, left, height),
                row=row,
                title=title,
                caption=caption,
            )
        )
        for stage in journey.stages:
            x = left + columns[stage.id] * style.stage_width
            cells[stage.id, lane.id] = CellBox(
                stage.id, lane.id, Rect(x, top, style.stage_width, height)
            )
        if band:
            curves.append(_emotion_curve(journey, lane, Rect(left, top, grid_width, band), style))
        top += height

    stage_headers = tuple(
        StageHeaderBox(
            stage_id=stage.id,
            name=stage.name,
            index=index,
            rect=Rect(left + index * style.stage_width, 0.0, style.stage_width, header_height),
            column=Rect(
                left + index * style.stage_width, header_height, style.stage_width,
                top - header_height,
            ),
            number=number,
            title=title,
        )
        for index, (stage, (number, title)) in enumerate(
            zip(journey.stages, stage_texts, strict=True)
        )
    )
    return JourneyLayout(
        width=width,
        height=top,
        corner=Rect(0.0, 0.0, left, header_height),
        stage_headers=stage_headers,
        lane_headers=tuple(lane_headers),
        cells=cells,
        cards=cards,
        emotion_curves=tuple(curves),
    )


def _stage_texts(
    index: int, name: str, measure: TextMeasure, style: GridStyle
) -> tuple[TextBlock, TextBlock]:
    pad = style.header_padding
    inner = style.stage_width - 2 * pad
    number = _block(
        measure.wrap(f"Stage {index + 1}", FontRole.CAPTION, inner, 1), FontRole.CAPTION,
        pad, pad, inner,
    )
    title = _block(
        measure.wrap(name, FontRole.STAGE_HEADER, inner, style.stage_name_max_lines),
        FontRole.STAGE_HEADER, pad, number.rect.bottom + CAPTION_GAP, inner,
    )
    return number, title


def _lane_texts(lane: Lane, measure: TextMeasure, style: GridStyle) -> tuple[TextBlock, TextBlock]:
    pad = style.header_padding
    inner = style.lane_header_width - 2 * pad
    title = _block(
        measure.wrap(lane.name, FontRole.LANE_HEADER, inner, style.lane_name_max_lines),
        FontRole.LANE_HEADER, pad, pad, inner,
    )
    # A lane named after its kind ("Touchpoints") needs no caption saying so again.
    says_kind = lane.kind is LaneKind.CUSTOM or lane.kind.label.casefold() == lane.name.casefold()
    kind = "" if says_kind else lane.kind.label
    caption = _block(
        measure.wrap(kind, FontRole.CAPTION, inner, 1), FontRole.CAPTION,
        pad, title.rect.bottom + (CAPTION_GAP if kind else 0.0), inner,
    )
    return title, caption


def _stack_lane(
    lane_cards: list[Card],
    columns: dict[str, int],
    left: float,
    card_top: float,
    measure: TextMeasure,
    style: GridStyle,
    captions: dict[tuple[str, float], WrappedText],
) -> tuple[list[CardBox], float]:
    """Place a lane's cards, left to right and top down, each below everything it would cover.

    ``filled`` holds, per column, how far down its cell is taken: a spanning card starts below
    the lowest of its columns and then takes that much of each. Returns the cards and the
    height of the tallest stack.
    """
    stage_count = len(columns)
    filled = [0.0] * stage_count
    boxes: list[CardBox] = []
    for card in lane_cards:
        column = columns[card.stage_id]
        span = min(card.span, stage_count - column)
        width = style.span_width(span)
        height, caption, title, body, severity, elided = _measure_card(
            card, width, measure, style, captions
        )
        y = max(filled[column : column + span])
        x = left + column * style.stage_width + style.cell_padding
        boxes.append(
            CardBox(
                card.id, card.kind, card.stage_id, card.lane_id, span,
                Rect(x, card_top + y, width, height), caption, title, body, severity, elided,
            )
        )
        filled[column : column + span] = [y + height + style.card_gap] * span
    return boxes, max(filled) - style.card_gap if boxes else 0.0


def _measure_card(
    card: Card,
    width: float,
    measure: TextMeasure,
    style: GridStyle,
    captions: dict[tuple[str, float], WrappedText],
) -> tuple[float, TextBlock, TextBlock, TextBlock, Severity | None, bool]:
    """A card's height and its text blocks, placed inside it: caption, title, body."""
    pad = style.card_padding
    inner = width - 2 * pad
    severity = card.severity if card.kind is CardKind.PAIN_POINT else None
    caption_width = inner - (style.severity_width + pad if severity is not None else 0.0)
    channel = card.channel.label if card.kind is CardKind.TOUCHPOINT and card.channel else None
    caption_text = caption_for(card.kind, channel)
    # Captions repeat across a map (a handful of kinds and channels): wrap each once.
    wrapped_caption = captions.get((caption_text, caption_width))
    if wrapped_caption is None:
        wrapped_caption = measure.wrap(caption_text, FontRole.CAPTION, caption_width, 1)
        captions[caption_text, caption_width] = wrapped_caption
    caption = _block(wrapped_caption, FontRole.CAPTION, pad, pad, caption_width)
    gap = style.card_section_gap
    wrapped_title = measure.wrap(card.title, FontRole.CARD_TITLE, inner, style.title_max_lines)
    title = _block(
        wrapped_title, FontRole.CARD_TITLE, pad,
        caption.rect.bottom + (gap if wrapped_title.lines else 0.0), inner,
    )
    wrapped_body = measure.wrap(card.body, FontRole.CARD_BODY, inner, style.body_max_lines)
    body = _block(
        wrapped_body, FontRole.CARD_BODY, pad,
        title.rect.bottom + (gap if wrapped_body.lines else 0.0), inner,
    )
    height = max(style.card_min_height, body.rect.bottom + pad)
    pips = None
    if severity is not None:
        pips = Severity(
            severity,
            Rect(width - pad - style.severity_width, pad, style.severity_width,
                 wrapped_caption.line_height),
        )
    elided = wrapped_title.elided or wrapped_body.elided
    return height, caption, title, body, pips, elided


def _block(wrapped: WrappedText, role: FontRole, x: float, y: float, width: float) -> TextBlock:
    return TextBlock(role, wrapped.lines, wrapped.line_height, Rect(x, y, width, wrapped.height))


def _emotion_curve(journey: Journey, lane: Lane, band: Rect, style: GridStyle) -> EmotionCurve:
    """The emotion line across an emotions lane: best score at the top, neutral in the middle."""
    best_y = band.y + style.emotion_band_padding
    worst_y = band.bottom - style.emotion_band_padding
    per_score = (worst_y - best_y) / (SCORE_MAX - SCORE_MIN)
    columns = {stage.id: index for index, stage in enumerate(journey.stages)}
    marks = tuple(
        EmotionMark(
            point_id=point.id,
            stage_id=point.stage_id,
            score=point.score,
            label=point.label,
            card_id=point.card_id,
            at=Point(
                band.x + (columns[point.stage_id] + point.offset) * style.stage_width,
                worst_y - (point.score - SCORE_MIN) * per_score,
            ),
        )
        for point in journey.emotion_line()
    )
    neutral_y = (best_y + worst_y) / 2
    return EmotionCurve(lane.id, band, neutral_y, best_y, worst_y, marks)
