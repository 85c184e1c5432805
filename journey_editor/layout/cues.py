"""How each kind of card is told apart: a colour, and always a glyph, a label and an outline.

Colour alone fails people who do not see it and maps printed in grey, so every kind also has
its own glyph and label, and the kinds hidden from the customer (backstage, support) have a
dashed outline as service blueprints draw them. Colours are hex text, so the canvas and the
PDF export read the same table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from journey_editor.model import CardKind


class Outline(StrEnum):
    SOLID = "solid"
    BOLD = "bold"  # a moment of truth stands out
    DASHED = "dashed"  # invisible to the customer: below the line of visibility


@dataclass(frozen=True, slots=True)
class KindCue:
    glyph: str  # every glyph is in DejaVu Sans
    label: str
    fill: str  # the card's paper
    accent: str  # glyph, caption, outline: dark enough for text on the fill
    outline: Outline = Outline.SOLID


CARD_CUES: dict[CardKind, KindCue] = {
    CardKind.TOUCHPOINT: KindCue("◎", "Touchpoint", "#DCEAFB", "#1F5FA8"),
    CardKind.ACTION: KindCue("▶", "Action", "#DCF2E3", "#1E7A45"),
    CardKind.THOUGHT: KindCue("❝", "Thought", "#EDE4F8", "#6A3FA8"),
    CardKind.PAIN_POINT: KindCue("⚠", "Pain point", "#FCE1DE", "#B3261E"),
    CardKind.OPPORTUNITY: KindCue("★", "Opportunity", "#FFF2C2", "#8A6100"),
    CardKind.MOMENT_OF_TRUTH: KindCue(
        "◆", "Moment of truth", "#FFE3CC", "#B34700", Outline.BOLD
    ),
    CardKind.BACKSTAGE_ACTION: KindCue(
        "⚙", "Backstage action", "#E4E9EF", "#44566C", Outline.DASHED
    ),
    CardKind.SUPPORT_PROCESS: KindCue(
        "↻", "Support process", "#DDF0F2", "#176B78", Outline.DASHED
    ),
    CardKind.EVIDENCE: KindCue("▤", "Evidence", "#EFE6DA", "#75542F"),
    CardKind.NOTE: KindCue("✎", "Note", "#F3F3EF", "#555555"),
}


def caption_for(kind: CardKind, channel_label: str | None) -> str:
    """The small line at the top of a card: glyph, kind, and the channel of a touchpoint."""
    cue = CARD_CUES[kind]
    caption = f"{cue.glyph} {cue.label}"
    return f"{caption} · {channel_label}" if channel_label else caption
