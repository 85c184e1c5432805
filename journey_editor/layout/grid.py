"""The journey grid: stages as columns, lanes as rows, cards stacked in their cells.

A card spanning several stages reserves its height in every cell it covers, so cards never
overlap; a lane is as tall as its fullest cell. The result is plain geometry for the canvas
and the exports alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from journey_editor.layout.boxes import (
    CardBox,
    CellBox,
    EmotionCurve,
    JourneyLayout,
    LaneHeaderBox,
    StageHeaderBox,
    TextBlock,
)
from journey_editor.layout.emotion import emotion_curve
from journey_editor.layout.faces import CAPTION_GAP, block
from journey_editor.layout.geometry import Rect
from journey_editor.layout.lanes import LayoutCache, Row
from journey_editor.layout.style import DEFAULT_STYLE, GridStyle
from journey_editor.layout.text import FontRole, TextMeasure
from journey_editor.model import Journey, Lane, LaneKind

# Between the lane header's name and the top of its score scale (faces are drawn centred on
# their score's height).
SCALE_CLEARANCE = 18.0


def layout_journey(
    journey: Journey,
    measure: TextMeasure,
    style: GridStyle = DEFAULT_STYLE,
    cache: LayoutCache | None = None,
    *,
    lanes: Sequence[Lane] | None = None,
    space_above: Mapping[int, float] | None = None,
) -> JourneyLayout:
    """Every rectangle of the journey grid, with all text wrapped by ``measure``.

    Pass the same ``cache`` to every layout of a map being edited: cards whose text did not
    change are not measured again, and lanes whose cards did not change not stacked again.

    Another layout of the same map (the service blueprint) gives ``lanes``, the rows to lay
    out in their order (the cards of lanes left out are left out too), and ``space_above``,
    room kept free above the row of that number; the number ``len(lanes)`` is room below
    the last row.
    """
    cache = LayoutCache() if cache is None else cache
    lanes = journey.lanes if lanes is None else lanes
    space_above = {} if space_above is None else space_above
    cache.start_layout(measure, style)
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

    # Each card as a Row (see layout/lanes.py), written out here: this loop runs per card.
    # Rows of every lane, even those left out, so that it needs no test per card.
    rows: dict[str, list[Row]] = {lane.id: [] for lane in journey.lanes}
    for card in journey.cards.values():
        rows[card.lane_id].append((
            columns[card.stage_id], card.position, card.id, card.stage_id, card.span,
            card.kind, card.title, card.body, card.channel, card.severity,
        ))

    cell_cards: dict[tuple[str, str], tuple[str, ...]] = {
        (stage.id, lane.id): () for lane in lanes for stage in journey.stages
    }
    lane_headers: list[LaneHeaderBox] = []
    cells: dict[tuple[str, str], CellBox] = {}
    cards: dict[str, CardBox] = {}
    curves: list[EmotionCurve] = []
    top = header_height
    for lane_index, lane in enumerate(lanes):
        top += space_above.get(lane_index, 0.0)
        band = style.emotion_band_height if lane.kind is LaneKind.EMOTIONS else 0.0
        card_top = top + band + style.cell_padding
        stacked = cache.stack_lane(lane.id, rows[lane.id], len(columns), left, card_top, style)
        cards.update((box.card_id, box) for box in stacked.boxes)
        cell_cards.update(stacked.cells)
        title, caption = _lane_texts(lane, measure, style)
        height = max(
            style.lane_min_height,
            band + (stacked.height + 2 * style.cell_padding if stacked.boxes else 0.0),
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
            stage_x = {stage_id: left + column * style.stage_width
                       for stage_id, column in columns.items()}
            curves.append(emotion_curve(
                journey.emotion_line(), lane.id, Rect(left, top, grid_width, band), stage_x,
                max(title.rect.bottom, caption.rect.bottom) + SCALE_CLEARANCE, measure, style,
            ))
        top += height
    top += space_above.get(len(lanes), 0.0)

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
        cell_cards=cell_cards,
        emotion_curves=tuple(curves),
    )


def _stage_texts(
    index: int, name: str, measure: TextMeasure, style: GridStyle
) -> tuple[TextBlock, TextBlock]:
    pad = style.header_padding
    inner = style.stage_width - 2 * pad
    number = block(
        measure.wrap(f"Stage {index + 1}", FontRole.CAPTION, inner, 1), FontRole.CAPTION,
        pad, pad, inner,
    )
    title = block(
        measure.wrap(name, FontRole.STAGE_HEADER, inner, style.stage_name_max_lines),
        FontRole.STAGE_HEADER, pad, number.rect.bottom + CAPTION_GAP, inner,
    )
    return number, title


def _lane_texts(lane: Lane, measure: TextMeasure, style: GridStyle) -> tuple[TextBlock, TextBlock]:
    pad = style.header_padding
    inner = style.lane_header_width - 2 * pad
    title = block(
        measure.wrap(lane.name, FontRole.LANE_HEADER, inner, style.lane_name_max_lines),
        FontRole.LANE_HEADER, pad, pad, inner,
    )
    # A lane named after its kind ("Touchpoints") needs no caption saying so again.
    says_kind = lane.kind is LaneKind.CUSTOM or lane.kind.label.casefold() == lane.name.casefold()
    kind = "" if says_kind else lane.kind.label
    caption = block(
        measure.wrap(kind, FontRole.CAPTION, inner, 1), FontRole.CAPTION,
        pad, title.rect.bottom + (CAPTION_GAP if kind else 0.0), inner,
    )
    return title, caption
