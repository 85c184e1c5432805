"""The TrueType fonts an export draws and measures with, and the choice of font per character.

The map's own font is DejaVu Sans, the very files the canvas uses, so an export wraps where the
screen wraps. DejaVu has Latin, Greek and Cyrillic but no Chinese, Japanese or Korean: those
characters are drawn in the first fallback font the machine has that holds them. reportlab
(unlike Qt) does not fall back by itself, so text is cut into runs, one per font.
"""

from __future__ import annotations

import math
import struct
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFError, TTFont

from journey_editor.layout import (
    DEFAULT_FONTS,
    FontRole,
    FontTable,
    WidthCache,
    WrappedText,
    line_width,
    wrap_words,
)
from journey_editor.model import JourneyError

FONT_FOLDERS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts")
MAIN_FILES = {False: "DejaVuSans.ttf", True: "DejaVuSans-Bold.ttf"}
# TrueType-outline fonts with CJK, in order of preference. (Noto Sans CJK, the other common
# one, has PostScript outlines, which reportlab cannot embed.)
FALLBACK_FILES = (
    "ipag.ttf",  # fonts-ipafont-gothic: Japanese, with the common Chinese ideographs
    "fonts-japanese-gothic.ttf",
    "DroidSansFallbackFull.ttf",  # fonts-droid-fallback: Chinese, Japanese, Korean
    "NanumGothic.ttf",  # fonts-nanum: Korean
)
INSTALL_HINT = (
    "for Chinese, Japanese or Korean, install fonts-ipafont-gothic or fonts-droid-fallback"
)


@dataclass(frozen=True, slots=True)
class Face:
    """One registered TrueType font: its reportlab name, the characters it has, its metrics."""

    name: str
    font: TTFont = field(repr=False)
    characters: frozenset[int] = field(repr=False)
    ascent: float  # in ems, from the font's horizontal header as Qt reads it
    descent: float
    line_gap: float

    def width(self, text: str, size: float) -> float:
        return float(self.font.stringWidth(text, size))


@cache
def load_face(path: Path) -> Face:
    """The font at ``path``, registered with reportlab once per process."""
    name = "JourneyEditor-" + path.stem
    try:
        font = TTFont(name, str(path))
    except (TTFError, OSError) as error:
        raise JourneyError(f"cannot use the font {path}: {error}") from None
    pdfmetrics.registerFont(font)
    face = font.face
    ascent, descent, line_gap = _horizontal_header(face, path)
    return Face(name, font, frozenset(face.charToGlyph), ascent, descent, line_gap)


def _horizontal_header(face: object, path: Path) -> tuple[float, float, float]:
    """Ascender, descender and line gap in ems from the 'hhea' table, as Qt measures lines."""
    try:
        data = Path(path).read_bytes()
        offset = face.table["hhea"]["offset"]  # type: ignore[attr-defined]
        units = float(face.unitsPerEm)  # type: ignore[attr-defined]
        ascender, descender, gap = struct.unpack(">hhh", data[offset + 4 : offset + 10])
    except (KeyError, OSError, struct.error) as error:
        raise JourneyError(f"cannot read the metrics of the font {path}: {error}") from None
    return ascender / units, -descender / units, gap / units


@cache
def find_font_file(name: str) -> Path | None:
    for folder in FONT_FOLDERS:
        if folder.is_dir():
            found = next(folder.rglob(name), None)
            if found is not None:
                return found
    return None


@cache
def _fallback_paths() -> tuple[Path, ...]:
    found = (find_font_file(name) for name in FALLBACK_FILES)
    # Debian links one file under several names: use each font once.
    return tuple(dict.fromkeys(path.resolve() for path in found if path is not None))


def _invisible(character: str) -> bool:
    """Format and control characters: nothing to draw."""
    return unicodedata.category(character) in ("Cc", "Cf")


class ExportFonts:
    """The faces of every font role, with fallbacks, and what no face on this machine has."""

    def __init__(
        self, table: FontTable = DEFAULT_FONTS, fallbacks: tuple[Path, ...] | None = None
    ) -> None:
        self.table = table
        self._main: dict[FontRole, Face] = {}
        for role, spec in table.items():
            path = find_font_file(MAIN_FILES[spec.bold])
            if path is None:
                raise JourneyError(
                    f"the font {MAIN_FILES[spec.bold]} is missing (Debian: fonts-dejavu-core)"
                )
            self._main[role] = load_face(path)
        paths = _fallback_paths() if fallbacks is None else fallbacks
        self.fallbacks = tuple(load_face(path) for path in paths)
        self.missing: set[str] = set()  # characters drawn as a missing-glyph box
        self._face_of: dict[tuple[str, str], Face] = {}

    def size(self, role: FontRole) -> int:
        return self.table[role].pixel_size

    def main_face(self, role: FontRole) -> Face:
        return self._main[role]

    def runs(self, text: str, role: FontRole) -> Iterator[tuple[Face, str]]:
        """``text`` cut into runs that one face each can draw, in order; characters that
        show nothing (a soft hyphen, direction marks, controls) left out, as Qt leaves them."""
        main = self._main[role]
        if text.isascii() and text.isprintable():
            yield main, text
            return
        run: list[str] = []
        current = main
        for character in text:
            if character == "\t":
                character = " "
            elif _invisible(character):
                continue
            face = self._face_for(character, main)
            if face is not current and run:
                yield current, "".join(run)
                run = []
            current = face
            run.append(character)
        if run:
            yield current, "".join(run)

    def _face_for(self, character: str, main: Face) -> Face:
        key = (character, main.name)
        face = self._face_of.get(key)
        if face is None:
            code = ord(character)
            if code in main.characters or character.isspace():  # any space: the main font's
                face = main
            else:
                face = next((f for f in self.fallbacks if code in f.characters), None)
                if face is None:
                    self.missing.add(character)
                    face = main
            self._face_of[key] = face
        return face

    def advance(self, role: FontRole) -> Callable[[str], float]:
        size = self.size(role)

        def width(text: str) -> float:
            return sum(face.width(run, size) for face, run in self.runs(text, role))

        return width

    def line_height(self, role: FontRole) -> float:
        """As Qt spaces lines of this font, rounded up as the canvas's measure rounds them."""
        face = self._main[role]
        return math.ceil(self.size(role) * (face.ascent + face.descent + face.line_gap))

    def baseline_in(self, role: FontRole, top: float, height: float) -> float:
        """The baseline of one line vertically centred in a box, as Qt's AlignVCenter puts it."""
        face = self._main[role]
        size = self.size(role)
        return top + (height - size * (face.ascent + face.descent)) / 2 + size * face.ascent

    def missing_note(self) -> str | None:
        if not self.missing:
            return None
        shown = " ".join(f"{character} (U+{ord(character):04X})"
                         for character in sorted(self.missing)[:8])
        tried = ", ".join(face.name.removeprefix("JourneyEditor-")
                          for face in (self._main[FontRole.CARD_BODY], *self.fallbacks))
        return (
            f"{len(self.missing)} characters are in none of the fonts the export uses "
            f"({tried}) and may show as boxes: {shown}; {INSTALL_HINT}"
        )


class ExportMeasure:
    """A TextMeasure on the TrueType files themselves: the layout of every export."""

    def __init__(self, fonts: ExportFonts) -> None:
        self.fonts = fonts
        self._widths = {role: WidthCache(fonts.advance(role)) for role in fonts.table}
        self._heights = {role: fonts.line_height(role) for role in fonts.table}

    def wrap(self, text: str, role: FontRole, max_width: float, max_lines: int) -> WrappedText:
        lines, elided = wrap_words(text, max_width, max_lines, self._widths[role].__getitem__)
        return WrappedText(lines, self._heights[role], elided)

    def line_width(self, line: str, role: FontRole) -> float:
        return line_width(line, self._widths[role].__getitem__)
