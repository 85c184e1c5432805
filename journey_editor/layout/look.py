"""How the map looks, as plain numbers and hex colours: the canvas and every export read
the same table, so a printed map has the screen's colours and proportions."""

from __future__ import annotations

from dataclasses import dataclass

from journey_editor.layout.geometry import Point

# Ink and paper of the frame and grid.
INK = "#1C2733"
SOFT_INK = "#45525F"
HEADER_FILL = "#263545"
HEADER_INK = "#FFFFFF"
HEADER_SOFT_INK = "#B7C6D6"
LANE_FILL = "#E9EDF2"
RULE = "#C3CCD6"
FAINT_RULE = "#DCE2E8"
ROW_TINTS = ("#FFFFFF", "#F5F7FA")
LINK = "#5B6572"
SELECTION = "#0B57D0"  # what is chosen; on paper, the tiles of a poster
PAPER = "#FFFFFF"

CARD_RADIUS = 6.0
DASH = (5.0, 4.0)  # on, off, in map pixels: dashed outlines and lines, on screen and paper
CARD_OUTLINE_WIDTH = 1.2
BOLD_OUTLINE_WIDTH = 2.5  # a moment of truth
SEVERITY_PEN_WIDTH = 1.2
LINK_WIDTH = 2.0

# The emotion line. Colours with a fourth byte are translucent (#RRGGBBAA).
EMOTION_LINE = "#3F46A8"
EMOTION_LINE_WIDTH = 3.0
NEUTRAL = "#8C96A3"
NEUTRAL_WIDTH = 1.2
SCORE_RULES = "#E3E7EC"
SHADE = "#C8372D2E"
DIP = "#C8372D"
LABEL_BACKING = "#FFFFFFBE"
LABEL_PAD = 3.0
DOT_SIZE = 14.0  # diameter, map pixels
DOT_RIM = 2.0
DIP_SIZE = 13.0
FACE_SIZE = 18.0  # the faces labelling the score scale in the lane header
FACE_GAP = 6.0  # between a face and its word

# A service blueprint's zones and the lines between them.
ZONE_FILL = "#F0F3F7"
ZONE_LINE = "#263545"
ZONE_LINE_WIDTH = 1.6

_WORST, _NEUTRAL_GREY, _BEST = (0xC8, 0x37, 0x2D), (0x8C, 0x96, 0xA3), (0x23, 0x89, 0x4E)


def score_colour(score: float) -> str:
    """Red for the worst feeling, grey for neutral, green for the best, blended between."""
    if score < 3:
        low, high, share = _WORST, _NEUTRAL_GREY, (score - 1) / 2
    else:
        low, high, share = _NEUTRAL_GREY, _BEST, (score - 3) / 2
    share = min(1.0, max(0.0, share))
    channels = (round(a + (b - a) * share) for a, b in zip(low, high, strict=True))
    return "#" + "".join(f"{channel:02X}" for channel in channels)


def mixed(colour: str, other: str, share: float) -> str:
    """``colour`` moved ``share`` of the way to ``other`` (both #RRGGBB)."""

    def rgb(text: str) -> tuple[int, ...]:
        return tuple(int(text[index : index + 2], 16) for index in (1, 3, 5))

    channels = (round(a + (b - a) * share) for a, b in zip(rgb(colour), rgb(other), strict=True))
    return "#" + "".join(f"{channel:02X}" for channel in channels)


@dataclass(frozen=True, slots=True)
class FeelingFace:
    """A face for a score, from a frown (1) through flat (3) to a smile (5): drawn, not an
    emoji, so it needs no emoji font and looks the same on screen and on paper."""

    centre: Point
    radius: float
    fill: str
    rim: str
    rim_width: float
    eyes: tuple[Point, Point]
    eye_radius: float
    # The mouth: a quadratic curve from ``mouth[0]`` through control ``mouth[1]`` to ``mouth[2]``.
    mouth: tuple[Point, Point, Point]
    mouth_width: float


def feeling_face(centre: Point, radius: float, score: float) -> FeelingFace:
    mood = (score - 3.0) / 2.0  # -1 .. 1
    colour = score_colour(score)
    x, y = centre.x, centre.y
    corner_y = y + radius * (0.38 - 0.12 * mood)
    return FeelingFace(
        centre=centre,
        radius=radius,
        fill=mixed(colour, "#FFFFFF", 0.6),
        rim=mixed(colour, "#000000", 0.25),
        rim_width=radius * 0.16,
        eyes=(
            Point(x - radius * 0.36, y - radius * 0.22),
            Point(x + radius * 0.36, y - radius * 0.22),
        ),
        eye_radius=radius * 0.12,
        mouth=(
            Point(x - radius * 0.45, corner_y),
            Point(x, y + radius * (0.38 + 0.42 * mood)),
            Point(x + radius * 0.45, corner_y),
        ),
        mouth_width=radius * 0.14,
    )
