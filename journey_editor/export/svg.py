"""A ``Sheet`` painted as an SVG 1.1 document, in plain Python.

Map text comes from files other people wrote: every string is escaped as character data, and
characters XML 1.0 cannot hold are dropped, so the document always parses and no text can
become markup. Attributes shared by many shapes (a font role's font) live in one ``<style>``
class each, which keeps a 20,000-shape map compact.
"""

from __future__ import annotations

import re
from functools import cache

from journey_editor.export.drawing import Box, Circle, Cubic, Path, Pen, Shape, Sheet, Text
from journey_editor.export.files import ExportCancelled, Progress
from journey_editor.layout import DEFAULT_FONTS, FontSpec, FontTable, Point

# DejaVu has no CJK glyphs; a renderer that finds no glyph in a listed family tries the next,
# and sans-serif last.
FALLBACK_FAMILIES = ("Noto Sans CJK JP", "IPAGothic")
# Shapes painted between two calls of ``progress``: often enough to cancel within a blink.
PROGRESS_STEP = 2000

_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "\r": "&#13;"}
# What needs escaping, and what XML 1.0 forbids anywhere (C0 controls but tab, newline and
# carriage return; lone surrogates; U+FFFE and U+FFFF): the latter are dropped. A carriage
# return is written as a reference, or the parser would read it back as a newline.
_SPECIAL = re.compile("[&<>\"'\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_COLOUR = re.compile("#[0-9A-Fa-f]{6}(?:[0-9A-Fa-f]{2})?")


def _escape(text: str) -> str:
    """``text`` as XML character data, safe in element content and in quoted attributes."""
    return _SPECIAL.sub(lambda found: _ESCAPES.get(found.group(), ""), text)


def svg_document(
    sheet: Sheet, fonts: FontTable = DEFAULT_FONTS, progress: Progress | None = None
) -> str:
    """The sheet as a standalone SVG document, one map pixel to one SVG pixel.

    Raises ExportCancelled when ``progress`` returns False.
    """
    width, height = _n(sheet.width), _n(sheet.height)
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" '
        f'width="{width}px" height="{height}px" viewBox="0 0 {width} {height}" '
        # Keeps runs of spaces in text, as the PNG and the canvas draw them (SVG 1.1 readers
        # honour xml:space, SVG 2 readers the white-space property of the style block).
        'xml:space="preserve">\n',
        _style(fonts),
        f'<rect x="0" y="0" width="{width}" height="{height}"{_fill(sheet.background)}/>\n',
    ]
    shapes = sheet.shapes
    for start in range(0, len(shapes), PROGRESS_STEP):
        if progress is not None and not progress(start / len(shapes)):
            raise ExportCancelled
        parts.extend(map(_element, shapes[start : start + PROGRESS_STEP]))
    parts.append("</svg>\n")
    return "".join(parts)


def _style(fonts: FontTable) -> str:
    # Kerning off, as the canvas measures and draws, so lines keep the width wrapping gave them.
    rules = ["text{white-space:pre;font-kerning:none}"]
    rules.extend(f".{role.value}{{{_font(spec)}}}" for role, spec in fonts.items())
    return '<style type="text/css">\n' + "\n".join(rules) + "\n</style>\n"


def _font(spec: FontSpec) -> str:
    families = ",".join(_css_string(family) for family in (spec.family, *FALLBACK_FAMILIES))
    weight = "bold" if spec.bold else "normal"
    return f"font-family:{families},sans-serif;font-size:{spec.pixel_size}px;font-weight:{weight}"


def _css_string(text: str) -> str:
    """A quoted CSS string in which any character but a letter, digit, space, hyphen or
    underscore is a CSS escape: the style block then needs no XML escaping at all."""
    return '"' + "".join(c if c.isalnum() or c in " -_" else f"\\{ord(c):X} " for c in text) + '"'


def _n(value: float) -> str:
    """A coordinate to a hundredth of a pixel, without trailing zeros: a compact file."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


@cache
def _colour(colour: str) -> tuple[str, str]:
    """``#RRGGBB`` and an opacity (empty when opaque) from ``#RRGGBB`` or ``#RRGGBBAA``."""
    if not _COLOUR.fullmatch(colour):
        raise ValueError(f"not a #RRGGBB or #RRGGBBAA colour: {colour!r}")
    if len(colour) == 7 or colour[7:].upper() == "FF":
        return colour[:7], ""
    # Three decimals tell all 256 alpha levels apart.
    return colour[:7], f"{int(colour[7:], 16) / 255:.3f}".rstrip("0").rstrip(".")


@cache
def _fill(fill: str | None) -> str:
    if fill is None:
        return ' fill="none"'
    rgb, opacity = _colour(fill)
    return f' fill="{rgb}"' + (f' fill-opacity="{opacity}"' if opacity else "")


@cache
def _stroke(pen: Pen | None) -> str:
    if pen is None:
        return ""
    rgb, opacity = _colour(pen.colour)
    attributes = f' stroke="{rgb}" stroke-width="{_n(pen.width)}"'
    if opacity:
        attributes += f' stroke-opacity="{opacity}"'
    if pen.dash:
        attributes += f' stroke-dasharray="{",".join(_n(length) for length in pen.dash)}"'
    if pen.round_cap:
        attributes += ' stroke-linecap="round" stroke-linejoin="round"'
    return attributes


def _box(box: Box) -> str:
    rect = box.rect
    corner = f' rx="{_n(box.radius)}"' if box.radius > 0 else ""
    return (
        f'<rect x="{_n(rect.x)}" y="{_n(rect.y)}" width="{_n(rect.w)}" height="{_n(rect.h)}"'
        f"{corner}{_fill(box.fill)}{_stroke(box.pen)}/>\n"
    )


def _circle(circle: Circle) -> str:
    centre = circle.centre
    return (
        f'<circle cx="{_n(centre.x)}" cy="{_n(centre.y)}" r="{_n(circle.radius)}"'
        f"{_fill(circle.fill)}{_stroke(circle.pen)}/>\n"
    )


def _segment(segment: Point | Cubic) -> str:
    if isinstance(segment, Cubic):
        out, into, end = segment.bend_out, segment.bend_in, segment.end
        return f"C{_n(out.x)} {_n(out.y)} {_n(into.x)} {_n(into.y)} {_n(end.x)} {_n(end.y)}"
    return f"L{_n(segment.x)} {_n(segment.y)}"


def _path(path: Path) -> str:
    steps = "".join(_segment(segment) for segment in path.segments)
    close = "Z" if path.closed else ""
    return (
        f'<path d="M{_n(path.start.x)} {_n(path.start.y)}{steps}{close}"'
        f"{_fill(path.fill)}{_stroke(path.pen)}/>\n"
    )


def _text(text: Text) -> str:
    return (
        f'<text x="{_n(text.x)}" y="{_n(text.baseline)}" class="{text.role.value}"'
        f"{_fill(text.colour)}>{_escape(text.text)}</text>\n"
    )


def _element(shape: Shape) -> str:
    match shape:
        case Text():
            return _text(shape)
        case Box():
            return _box(shape)
        case Path():
            return _path(shape)
        case Circle():
            return _circle(shape)
    raise TypeError(f"not a shape: {shape!r}")
