"""Painting a map's shapes to SVG and PNG against their floors. Run:
.venv/bin/python bench/bench_export_paint.py

Floor (issue: export): a sheet of 2,000 cards' worth of shapes (about ten a card: the card,
three to six lines of text, severity pips, an accent line; plus headers, lane rules and an
emotion curve) painted to an SVG document within 1.0 s, and to a PNG file at 96 dpi within
1.0 s. The sheet is made by hand here, twelve stages wide, so this measures the painters
alone, not the layout. Prints the median of five runs and its ratio to the floor (below 1.0
is within it); lines without a floor are for information.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path as FilePath

sys.path.insert(0, str(FilePath(__file__).parent))

from bench_store import median_seconds, report

from journey_editor.export.drawing import Box, Circle, Cubic, Path, Pen, Sheet, Text, line
from journey_editor.export.image import ensure_gui_application, image_size, render_png
from journey_editor.export.svg import svg_document
from journey_editor.layout import FontRole, Point, Rect, look

PAINT_FLOOR_S = 1.0
RUNS = 5
CARDS = 2000
STAGES = 12
HEADER_W, STAGE_W, HEADER_H, CARD_W, CARD_H, GAP = 190.0, 280.0, 64.0, 260.0, 104.0, 8.0
ACCENTS = ("#C77700", "#C8372D", "#238940", "#3F46A8", "#5B6572")
SENTENCE = "the customer compares three offers on a phone after work and calls support"


def sample_sheet(cards: int = CARDS, stages: int = STAGES) -> Sheet:
    rows = -(-cards // stages)
    sheet = Sheet(HEADER_W + stages * STAGE_W, HEADER_H + rows * (CARD_H + GAP) + GAP)
    for stage in range(stages):
        x = HEADER_W + stage * STAGE_W
        sheet.add(Box(Rect(x, 0, STAGE_W, HEADER_H), look.HEADER_FILL, Pen(look.RULE, 1.0)))
        sheet.add(Text(f"Stage {stage + 1}", FontRole.CAPTION, x + 12, 22, look.HEADER_SOFT_INK))
        sheet.add(
            Text(f"Consideration {stage}", FontRole.STAGE_HEADER, x + 12, 48, look.HEADER_INK)
        )
    for number in range(cards):
        add_card(
            sheet,
            number,
            HEADER_W + number % stages * STAGE_W + 10,
            HEADER_H + GAP + number // stages * (CARD_H + GAP),
        )
    # The emotion line across the stages, drawn over the first rows.
    bends = tuple(
        Cubic(
            Point(HEADER_W + (s + 0.4) * STAGE_W, 100 + 60 * (s % 3)),
            Point(HEADER_W + (s + 0.6) * STAGE_W, 160 - 40 * (s % 2)),
            Point(HEADER_W + (s + 1) * STAGE_W, 120 + 30 * (s % 4)),
        )
        for s in range(stages)
    )
    sheet.add(
        Path(
            Point(HEADER_W, 130),
            bends,
            pen=Pen(look.EMOTION_LINE, look.EMOTION_LINE_WIDTH, round_cap=True),
        )
    )
    sheet.add(Path(Point(HEADER_W, 130), bends, fill=look.SHADE, closed=True))
    return sheet


def add_card(sheet: Sheet, number: int, x: float, y: float) -> None:
    """About ten shapes, as a laid-out card has: its box, an accent line, a caption, title
    and body lines (three to six texts in all) and three severity pips."""
    accent = ACCENTS[number % len(ACCENTS)]
    dash = (5.0, 3.0) if number % 7 == 0 else ()
    sheet.add(Box(Rect(x, y, CARD_W, CARD_H), "#FFF8E6", Pen(accent, 1.2, dash), look.CARD_RADIUS))
    sheet.add(line(Point(x + 6, y + 4), Point(x + CARD_W - 6, y + 4), Pen(accent, 3.0)))
    sheet.add(Text("PAIN POINT", FontRole.CAPTION, x + 10, y + 20, look.SOFT_INK))
    words = SENTENCE.split()[number % 5 :]
    title = (f"Card {number}: {' '.join(words[:3])}", " ".join(words[3:7]))
    for at, text in enumerate(title):
        sheet.add(Text(text, FontRole.CARD_TITLE, x + 10, y + 38 + 17 * at, look.INK))
    for at in range(number % 4):
        body = " ".join(words[at * 3 : at * 3 + 5])
        sheet.add(Text(body, FontRole.CARD_BODY, x + 10, y + 72 + 14 * at, look.SOFT_INK))
    for pip in range(3):
        fill = accent if pip <= number % 3 else None
        sheet.add(Circle(Point(x + CARD_W - 40 + 11 * pip, y + 16), 4.0, fill, Pen(accent, 1.2)))


def main() -> None:
    sheet = sample_sheet()
    width, height = image_size(sheet, 96.0)
    print(
        f"sheet: {len(sheet.shapes):,} shapes, {width:,} × {height:,} px "
        f"({width * height / 1e6:.0f} megapixels at 96 dpi)"
    )
    svg_bytes = len(svg_document(sheet).encode())
    report(
        f"SVG document, {CARDS:,} cards ({svg_bytes / 1e6:.1f} MB)",
        median_seconds(lambda: svg_document(sheet), RUNS),
        PAINT_FLOOR_S,
    )
    ensure_gui_application()
    with tempfile.TemporaryDirectory() as folder:
        target = FilePath(folder) / "map.png"
        png_seconds = median_seconds(lambda: render_png(sheet, target), RUNS)
        report(
            f"PNG file at 96 dpi, {CARDS:,} cards ({target.stat().st_size / 1e6:.1f} MB)",
            png_seconds,
            PAINT_FLOOR_S,
        )


if __name__ == "__main__":
    main()
