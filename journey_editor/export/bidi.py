"""Right-to-left text in the order a PDF draws it.

A PDF string is drawn glyph after glyph, left to right, and reportlab does not reorder it:
Hebrew and Arabic would come out backwards, and Arabic letters unjoined. Qt (the canvas,
the PNG) and SVG viewers do both by themselves; the PDF painters call this first.
"""

from __future__ import annotations

import unicodedata

import arabic_reshaper
from bidi import get_display

RIGHT_TO_LEFT = ("R", "AL")  # Hebrew and the like; Arabic letters


def in_visual_order(line: str) -> str:
    """One line as it is seen: right-to-left runs turned around, Arabic letters joined."""
    if line.isascii():
        return line
    directions = {unicodedata.bidirectional(character) for character in line}
    if directions.isdisjoint(RIGHT_TO_LEFT):
        return line
    if "AL" in directions:
        line = arabic_reshaper.reshape(line)
    return str(get_display(line))
