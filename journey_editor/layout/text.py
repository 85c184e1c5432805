"""Measuring and wrapping text, once, for every painter.

The layout asks a ``TextMeasure`` to wrap each piece of text; the canvas and the exports then
draw exactly the lines it returned. Every measure wraps with ``wrap_words``, so a Qt measure
and a PDF measure break lines by the same rule and differ only in how wide a word is.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import Protocol

ELLIPSIS = "…"


class FontRole(StrEnum):
    """What a piece of text is on the map; each role has one font."""

    STAGE_HEADER = "stage_header"
    LANE_HEADER = "lane_header"
    CAPTION = "caption"  # the small labels: card kind, stage number, lane kind
    CARD_TITLE = "card_title"
    CARD_BODY = "card_body"


@dataclass(frozen=True, slots=True)
class FontSpec:
    """A font given in pixels, never points, so screen and export text come out the same size."""

    family: str
    pixel_size: int
    bold: bool = False


FontTable = Mapping[FontRole, FontSpec]

# DejaVu Sans is what Debian's fonts-dejavu-core installs, and reportlab can embed the same
# TTF, so the PDF wraps where the screen wraps. Sizes are chosen for a 1080p projector at 100%.
FAMILY = "DejaVu Sans"
DEFAULT_FONTS: FontTable = MappingProxyType(
    {
        FontRole.STAGE_HEADER: FontSpec(FAMILY, 20, bold=True),
        FontRole.LANE_HEADER: FontSpec(FAMILY, 16, bold=True),
        FontRole.CAPTION: FontSpec(FAMILY, 12, bold=True),
        FontRole.CARD_TITLE: FontSpec(FAMILY, 15, bold=True),
        FontRole.CARD_BODY: FontSpec(FAMILY, 13),
    }
)


@dataclass(frozen=True, slots=True)
class WrappedText:
    """Lines ready to draw, the distance between their tops, and whether text was cut off."""

    lines: tuple[str, ...]
    line_height: float
    elided: bool = False

    @property
    def height(self) -> float:
        return len(self.lines) * self.line_height


class TextMeasure(Protocol):
    def wrap(self, text: str, role: FontRole, max_width: float, max_lines: int) -> WrappedText:
        """``text`` broken into lines no wider than ``max_width`` pixels in the role's font.

        At most ``max_lines`` lines; when text is left over, the last line ends in an ellipsis.
        """
        ...

    def line_width(self, line: str, role: FontRole) -> float:
        """The width of one wrapped line, as wrapping counted it (words and the spaces)."""
        ...


def wrap_words(
    text: str, max_width: float, max_lines: int, advance: Callable[[str], float]
) -> tuple[tuple[str, ...], bool]:
    """Greedy word wrap: the lines, and whether text was left over after ``max_lines``.

    ``advance`` gives the width of a word. A line's width is the sum of its words and spaces,
    so wrapping needs one measurement per word. Words longer than a line are broken between
    characters; line breaks in the text are kept, blank lines are dropped.
    """
    if max_lines < 1:
        raise ValueError("max_lines must be at least 1")
    lines: list[str] = []
    space = advance(" ")
    for paragraph in text.split("\n"):
        words = paragraph.split()
        line: list[str] = []
        width = 0.0
        for word in words:
            word_width = advance(word)
            if line and width + space + word_width <= max_width:
                line.append(word)
                width += space + word_width
                continue
            if line:
                lines.append(" ".join(line))
                if len(lines) > max_lines:
                    return _elide(lines, max_width, max_lines, advance), True
            if word_width <= max_width:
                line, width = [word], word_width
                continue
            *pieces, last = _break_word(word, max_width, advance)
            lines.extend(pieces)
            if len(lines) > max_lines:
                return _elide(lines, max_width, max_lines, advance), True
            line, width = [last], advance(last)
        if line:
            lines.append(" ".join(line))
            if len(lines) > max_lines:
                return _elide(lines, max_width, max_lines, advance), True
    return tuple(lines), False


def line_width(line: str, advance: Callable[[str], float]) -> float:
    """A line's width the way ``wrap_words`` adds it up: its words and the spaces between."""
    words = line.split(" ")
    return sum(advance(word) for word in words) + (len(words) - 1) * advance(" ")


def one_line(text: str, limit: int) -> str:
    """Text for a single line of a list or a menu: spaces and line breaks collapsed, cut to
    ``limit`` characters with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + ELLIPSIS


def _break_word(word: str, max_width: float, advance: Callable[[str], float]) -> list[str]:
    """A word too long for one line, cut into pieces that fit (at least one character each)."""
    pieces: list[str] = []
    piece = ""
    width = 0.0
    for character in word:
        character_width = advance(character)
        if piece and width + character_width > max_width:
            pieces.append(piece)
            piece, width = "", 0.0
        piece += character
        width += character_width
    pieces.append(piece)
    return pieces


def _elide(
    lines: list[str], max_width: float, max_lines: int, advance: Callable[[str], float]
) -> tuple[str, ...]:
    kept = lines[:max_lines]
    last = kept[-1]
    ellipsis_width = advance(ELLIPSIS)
    while last and advance(last) + ellipsis_width > max_width:
        last = last[:-1]
    kept[-1] = last.rstrip() + ELLIPSIS
    return tuple(kept)


class WidthCache(dict[str, float]):
    """Word widths in one font, each measured once: maps repeat their words a great deal.

    Pass ``cache.__getitem__`` to ``wrap_words``: a word already measured then costs a
    dictionary lookup and no Python call.
    """

    def __init__(self, advance: Callable[[str], float]) -> None:
        super().__init__()
        self._advance = advance

    def __missing__(self, word: str) -> float:
        width = self[word] = self._advance(word)
        return width


class EstimatedMeasure:
    """A measure with no font files: widths from an average character width.

    Good enough for tests and headless tools that only need a plausible layout; a painter
    should use a measure built on the font it draws with.
    """

    # Average advance of DejaVu Sans in running text, in ems (a little generous, so that
    # text laid out with this estimate still fits when drawn in the real font).
    REGULAR_EM = 0.56
    BOLD_EM = 0.62
    LINE_SPACING_EM = 1.17  # ascent plus descent of DejaVu Sans

    def __init__(self, fonts: FontTable = DEFAULT_FONTS) -> None:
        self._fonts = fonts
        self._widths = {role: WidthCache(self._advance_of(spec)) for role, spec in fonts.items()}

    def wrap(self, text: str, role: FontRole, max_width: float, max_lines: int) -> WrappedText:
        lines, elided = wrap_words(text, max_width, max_lines, self._widths[role].__getitem__)
        line_height = math.ceil(self._fonts[role].pixel_size * self.LINE_SPACING_EM)
        return WrappedText(lines, line_height, elided)

    def line_width(self, line: str, role: FontRole) -> float:
        return line_width(line, self._widths[role].__getitem__)

    def _advance_of(self, spec: FontSpec) -> Callable[[str], float]:
        em = spec.pixel_size
        narrow = em * (self.BOLD_EM if spec.bold else self.REGULAR_EM)

        def advance(word: str) -> float:
            if word.isascii():
                return len(word) * narrow
            # East Asian ideographs and kana are about one em wide.
            wide = sum(1 for character in word if ord(character) >= 0x2E80)
            return (len(word) - wide) * narrow + wide * em

        return advance
