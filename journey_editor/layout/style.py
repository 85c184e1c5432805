"""The sizes of the journey grid, in map pixels (one map pixel is one screen pixel at 100%)."""

from __future__ import annotations

from dataclasses import dataclass, field

from journey_editor.layout.text import DEFAULT_FONTS, FontTable


@dataclass(frozen=True)
class GridStyle:
    # The frame: lane headers down the left, stage headers along the top.
    lane_header_width: float = 190.0
    stage_header_min_height: float = 64.0
    stage_name_max_lines: int = 2
    lane_name_max_lines: int = 3
    header_padding: float = 12.0

    # Columns and cells.
    stage_width: float = 280.0
    cell_padding: float = 10.0  # between a cell's edge and its cards
    card_gap: float = 8.0  # between cards stacked in one cell
    lane_min_height: float = 72.0

    # Cards: a caption (kind), the title, then the body.
    card_padding: float = 10.0
    card_section_gap: float = 4.0
    card_min_height: float = 52.0
    title_max_lines: int = 4
    body_max_lines: int = 4
    severity_pip: float = 8.0  # diameter of one of a pain point's five severity pips
    severity_pip_gap: float = 3.0

    # The emotions lane: a band for the curve, above any cards placed in that lane.
    emotion_band_height: float = 200.0
    emotion_band_padding: float = 24.0  # keeps the extreme scores' dots and labels inside

    # A service blueprint: a slim strip naming each zone above its lanes, and a gap of its
    # own for each line between zones, so that the line's name never covers a card.
    zone_title_height: float = 26.0
    zone_line_gap: float = 30.0

    fonts: FontTable = field(default_factory=lambda: DEFAULT_FONTS, hash=False)

    @property
    def card_width(self) -> float:
        """The width of a one-stage card."""
        return self.span_width(1)

    @property
    def severity_width(self) -> float:
        return 5 * self.severity_pip + 4 * self.severity_pip_gap

    def span_width(self, span: int) -> float:
        return span * self.stage_width - 2 * self.cell_padding


# Frozen, so one shared instance serves as every default.
DEFAULT_STYLE = GridStyle()
