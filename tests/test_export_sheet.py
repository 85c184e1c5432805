"""The shapes every export paints come from the shared layout: the same boxes and lines."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from strategies import journeys

from journey_editor.export.drawing import Box
from journey_editor.export.files import ExportOptions
from journey_editor.export.fonts import ExportFonts, ExportMeasure
from journey_editor.export.map_sheet import map_sheet
from journey_editor.export.pictures import export_layout
from journey_editor.layout import CARD_CUES, Rect, layout_journey
from journey_editor.model import Journey

FONTS = ExportFonts()


def test_every_card_is_a_box_at_its_layout_place_with_its_wrapped_lines(sample: Journey) -> None:
    layout = export_layout(sample, ExportOptions(), FONTS)
    sheet = map_sheet(sample, layout, FONTS)
    assert (sheet.width, sheet.height) == layout.size
    boxes = {shape.rect: shape for shape in sheet.shapes if isinstance(shape, Box)}
    texts = Counter(text.text for text in sheet.texts())
    for card in layout.cards.values():
        paper = boxes[Rect(card.rect.x + 0.5, card.rect.y + 0.5, card.rect.w - 1, card.rect.h - 1)]
        assert paper.fill == CARD_CUES[card.kind].fill
        for line in (*card.title_lines, *card.body_lines):
            assert texts[line] >= 1


def test_the_pdf_wraps_where_the_screen_wraps(sample: Journey, qapp: object) -> None:
    """The same font files measure both. Qt rounds each glyph's advance to 1/64 of a pixel,
    so a line that fills its card to within a fraction of a pixel may break one word earlier
    on paper: 59 of the sample's 60 cards break identically, and the map keeps its size."""
    from journey_editor.canvas.measure import QtTextMeasure

    on_screen = layout_journey(sample, QtTextMeasure())
    on_paper = layout_journey(sample, ExportMeasure(FONTS))
    assert on_paper.size == on_screen.size
    differ = [card_id for card_id, card in on_screen.cards.items()
              if on_paper.cards[card_id].face != card.face]
    assert len(differ) <= len(on_screen.cards) // 20


@settings(max_examples=40, deadline=None)
@given(journeys())
def test_any_map_draws_every_line_of_every_card_between_its_edges(journey: Journey) -> None:
    layout = layout_journey(journey, ExportMeasure(FONTS))
    sheet = map_sheet(journey, layout, FONTS)
    drawn = Counter(text.text for text in sheet.texts())
    wanted = Counter(line for card in layout.cards.values()
                     for line in (*card.title_lines, *card.body_lines))
    assert not wanted - drawn
    for text in sheet.texts():
        assert -1 <= text.x <= sheet.width and 0 <= text.baseline <= sheet.height + 1
