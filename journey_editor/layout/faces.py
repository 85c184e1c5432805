"""A card's face: its caption, title and body wrapped to its width, wherever the card sits.

Wrapping is the slow part of a layout (one measurement per word). What a card shows depends
only on its kind, texts, channel, severity and width, so a ``FaceCache`` kept between layouts
turns laying out a map again, after an edit, into arithmetic.
"""

from __future__ import annotations

from journey_editor.layout.boxes import CardFace, Severity, TextBlock
from journey_editor.layout.cues import caption_for
from journey_editor.layout.geometry import Rect
from journey_editor.layout.style import GridStyle
from journey_editor.layout.text import FontRole, TextMeasure, WrappedText
from journey_editor.model import CardKind, Channel

# The gap between a small caption and the text under it.
CAPTION_GAP = 2.0

# Everything a face depends on, besides the measure and the style the cache is tied to.
FaceKey = tuple[CardKind, str, str, Channel | None, int | None, float]


def face_key(
    kind: CardKind, title: str, body: str, channel: Channel | None, severity: int | None,
    width: float,
) -> FaceKey:
    """Only a touchpoint shows its channel, only a pain point its severity."""
    return (
        kind, title, body,
        channel if kind is CardKind.TOUCHPOINT else None,
        severity if kind is CardKind.PAIN_POINT else None,
        width,
    )


class FaceCache:
    """Faces measured by earlier layouts with one measure and one style.

    It keeps two generations: the faces the current layout used and those of the one before.
    A face no layout asked for since falls away, so the cache holds about one map's worth
    however many edits pass through it.
    """

    def __init__(self) -> None:
        self.measure: TextMeasure | None = None
        self.style: GridStyle | None = None
        self._current: dict[FaceKey, CardFace] = {}
        self._previous: dict[FaceKey, CardFace] = {}
        # Captions repeat across a map (a handful of kinds and channels): wrap each once.
        self._captions: dict[tuple[str, float], WrappedText] = {}

    def __len__(self) -> int:
        return len(self._current.keys() | self._previous.keys())

    def start_layout(self, measure: TextMeasure, style: GridStyle) -> bool:
        """Begin a new generation; forget everything (and say so) when the measure or the
        style is another."""
        if measure is not self.measure or style is not self.style:
            self.measure, self.style = measure, style
            self._current, self._previous, self._captions = {}, {}, {}
            return False
        if self._current:
            self._previous, self._current = self._current, {}
        return True

    def face(self, key: FaceKey) -> CardFace:
        """The face for ``key``, measured only if no recent layout measured it."""
        face = self._current.get(key)
        if face is None:
            face = self._previous.get(key) or self._measure_face(key)
            self._current[key] = face
        return face

    def keep(self, keys: list[FaceKey]) -> None:
        """Carry faces into this generation without looking at them (a lane laid out as
        before uses the faces it had)."""
        current, previous = self._current, self._previous
        for key in keys:
            if key not in current:
                current[key] = previous[key]

    def _measure_face(self, key: FaceKey) -> CardFace:
        """The face's text blocks, placed inside the card top down: caption, title, body."""
        assert self.measure is not None and self.style is not None, "start_layout comes first"
        measure, style = self.measure, self.style
        kind, title_text, body_text, channel, severity, width = key
        pad = style.card_padding
        inner = width - 2 * pad
        caption_width = inner - (style.severity_width + pad if severity is not None else 0.0)
        caption_text = caption_for(kind, channel.label if channel else None)
        wrapped_caption = self._captions.get((caption_text, caption_width))
        if wrapped_caption is None:
            wrapped_caption = measure.wrap(caption_text, FontRole.CAPTION, caption_width, 1)
            self._captions[caption_text, caption_width] = wrapped_caption
        caption = block(wrapped_caption, FontRole.CAPTION, pad, pad, caption_width)
        gap = style.card_section_gap
        wrapped_title = measure.wrap(title_text, FontRole.CARD_TITLE, inner, style.title_max_lines)
        title = block(
            wrapped_title, FontRole.CARD_TITLE, pad,
            caption.rect.bottom + (gap if wrapped_title.lines else 0.0), inner,
        )
        wrapped_body = measure.wrap(body_text, FontRole.CARD_BODY, inner, style.body_max_lines)
        body = block(
            wrapped_body, FontRole.CARD_BODY, pad,
            title.rect.bottom + (gap if wrapped_body.lines else 0.0), inner,
        )
        pips = None
        if severity is not None:
            pips = Severity(
                severity,
                Rect(width - pad - style.severity_width, pad, style.severity_width,
                     wrapped_caption.line_height),
            )
        return CardFace(
            height=max(style.card_min_height, body.rect.bottom + pad),
            caption=caption,
            title=title,
            body=body,
            severity=pips,
            elided=wrapped_title.elided or wrapped_body.elided,
        )


def block(wrapped: WrappedText, role: FontRole, x: float, y: float, width: float) -> TextBlock:
    return TextBlock(role, wrapped.lines, wrapped.line_height, Rect(x, y, width, wrapped.height))
