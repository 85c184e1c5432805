"""Pure geometry: the model turned into rectangles, wrapped lines and curves, with no Qt."""

from journey_editor.layout import look
from journey_editor.layout.boxes import (
    CardBox,
    CardFace,
    CellBox,
    EmotionCurve,
    EmotionDip,
    EmotionMark,
    JourneyLayout,
    LaneHeaderBox,
    ScaleStep,
    Severity,
    StageHeaderBox,
    TextBlock,
    ZoneBand,
    ZoneLine,
)
from journey_editor.layout.cues import CARD_CUES, KindCue, Outline, caption_for
from journey_editor.layout.geometry import Point, Rect
from journey_editor.layout.grid import layout_journey
from journey_editor.layout.lanes import LayoutCache
from journey_editor.layout.style import DEFAULT_STYLE, GridStyle
from journey_editor.layout.text import (
    DEFAULT_FONTS,
    ELLIPSIS,
    EstimatedMeasure,
    FontRole,
    FontSpec,
    FontTable,
    TextMeasure,
    WidthCache,
    WrappedText,
    line_width,
    one_line,
    wrap_words,
)

__all__ = [
    "CARD_CUES",
    "DEFAULT_FONTS",
    "DEFAULT_STYLE",
    "ELLIPSIS",
    "CardBox",
    "CardFace",
    "CellBox",
    "EmotionCurve",
    "EmotionDip",
    "EmotionMark",
    "EstimatedMeasure",
    "FontRole",
    "FontSpec",
    "FontTable",
    "GridStyle",
    "JourneyLayout",
    "KindCue",
    "LaneHeaderBox",
    "LayoutCache",
    "Outline",
    "Point",
    "Rect",
    "ScaleStep",
    "Severity",
    "StageHeaderBox",
    "TextBlock",
    "TextMeasure",
    "WidthCache",
    "WrappedText",
    "ZoneBand",
    "ZoneLine",
    "caption_for",
    "layout_journey",
    "line_width",
    "look",
    "one_line",
    "wrap_words",
]
