"""The map as a PDF: the whole map on its first page (or a poster of A4 tiles), then the
persona, the stages' details, the opportunities and an index of cards.

Drawn from the model and the shared layout, never from the live scene, with the TrueType
fonts the canvas measures with, embedded; all text stays selectable.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.pagesizes import A0, A1, A2, A3, A4, TABLOID, landscape, letter, portrait
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from journey_editor import __version__
from journey_editor.export.drawing import Sheet, bounds
from journey_editor.export.files import ExportOptions, ExportReport, PageSize, Progress
from journey_editor.export.fonts import ExportFonts
from journey_editor.export.pdf_canvas import PdfPainter, pdf_colour
from journey_editor.export.pdf_pages import write_detail_pages
from journey_editor.export.pdf_text import PageText, Style
from journey_editor.export.pictures import sheet_for
from journey_editor.layout import FontRole, look
from journey_editor.model import Journey

NAMED_SIZES = {
    PageSize.A4: A4, PageSize.A3: A3, PageSize.A2: A2, PageSize.A1: A1, PageSize.A0: A0,
    PageSize.LETTER: letter, PageSize.TABLOID: TABLOID,
}
FIT_SIZES = (PageSize.A4, PageSize.A3, PageSize.A2, PageSize.A1, PageSize.A0)
# A map is readable when its card text is at least this many points high on paper: about
# the size of small print in a report. "fit" picks the smallest page that reaches it.
READABLE_BODY_POINTS = 6.0
BODY_PIXELS = 13.0
MARGIN: float = 12 * mm
TITLE_BLOCK = 46.0  # points above the map on the first page
# A poster prints at the screen's size: one map pixel is 1/96 inch, 0.75 point.
POSTER_SCALE = 0.75
LARGEST = 1.5  # times the screen's size, for a small map on a large page
OVERLAP: float = 10 * mm

TITLE = Style(18, bold=True)
SUBTITLE = Style(9, colour=look.SOFT_INK)
SMALL = Style(7.5, colour=look.SOFT_INK)
OVERLAP_SHADE = look.SELECTION + "14"  # the strips a neighbouring tile is glued over


def write_pdf(
    journey: Journey, path: Path, options: ExportOptions, progress: Progress
) -> ExportReport:
    fonts = ExportFonts()
    sheet = sheet_for(journey, options, fonts, progress)
    # The initial font is ours, so that no unembedded standard font is listed in the file.
    canvas = Canvas(str(path), pageCompression=1,
                    initialFontName=fonts.main_face(FontRole.CARD_BODY).name)
    canvas.setTitle(journey.title)
    canvas.setSubject(f"{journey.kind.label} journey map")
    canvas.setCreator(f"Journey Editor {__version__}")
    canvas.setAuthor("")
    text = PageText(canvas, fonts)
    painter = PdfPainter(canvas, fonts)
    notes: list[str] = []
    if options.page is PageSize.TILE:
        _poster(canvas, text, painter, sheet, journey, progress)
    else:
        notes += _whole_map(canvas, text, painter, sheet, journey, options.page, progress)
    write_detail_pages(canvas, text, journey, progress)
    pages = canvas.getPageNumber() - 1
    canvas.save()
    note = fonts.missing_note()
    return ExportReport(pages=pages, notes=[*notes, *([note] if note else [])])


def _whole_map(
    canvas: Canvas, text: PageText, painter: PdfPainter, sheet: Sheet, journey: Journey,
    page: PageSize, progress: Progress,
) -> list[str]:
    """The map on one page; returns what the user should know about its scale."""
    candidates = FIT_SIZES if page is PageSize.FIT else (page,)
    for size in candidates:
        width, height = _oriented(NAMED_SIZES[size], sheet)
        scale = _fit_scale(sheet, width, height)
        if scale * BODY_PIXELS >= READABLE_BODY_POINTS:
            break
    notes = []
    if scale * BODY_PIXELS < READABLE_BODY_POINTS:
        notes.append(
            f"on {size.value} the map's text is only {scale * BODY_PIXELS:.1f} pt high; "
            "export with --page tile for a poster at full size"
        )
    canvas.setPageSize((width, height))
    _title_block(text, journey, width, height, f"{size.value}, {scale / POSTER_SCALE:.0%}")
    canvas.saveState()
    left = (width - sheet.width * scale) / 2
    painter.place(left, height - MARGIN - TITLE_BLOCK, scale)
    painter.paint(sheet.shapes, progress, (0.0, 0.8))
    canvas.restoreState()
    _footer(text, width)
    canvas.showPage()
    return notes


def _oriented(size: tuple[float, float], sheet: Sheet) -> tuple[float, float]:
    """Landscape, as journey maps are wide; portrait for a map taller than it is wide."""
    oriented = portrait(size) if sheet.height > sheet.width else landscape(size)
    return float(oriented[0]), float(oriented[1])


def _fit_scale(sheet: Sheet, width: float, height: float) -> float:
    """As large as fits, but no larger than the screen's size on paper: a small map is not
    blown up to fill the page."""
    room_w = width - 2 * MARGIN
    room_h = height - 2 * MARGIN - TITLE_BLOCK
    return min(room_w / sheet.width, room_h / sheet.height, POSTER_SCALE * LARGEST)


def _title_block(text: PageText, journey: Journey, width: float, height: float, scale: str) -> None:
    """Title, kind, date and version above the map, with a rule under them."""
    top = height - MARGIN
    title = text.wrap(journey.title, width - 2 * MARGIN - 160, TITLE, max_lines=1)[0]
    text.draw(title, MARGIN, top - TITLE.size, TITLE)
    persona = f" · Persona: {journey.persona.name}" if journey.persona.name else ""
    facts = (f"{journey.kind.label}{persona} · {len(journey.stages)} stages · "
             f"{len(journey.cards)} cards · exported {date.today():%d %B %Y}")
    text.draw(text.wrap(facts, width - 2 * MARGIN - 160, SUBTITLE, 1)[0], MARGIN,
              top - TITLE.size - 14, SUBTITLE)
    text.draw_right(f"Journey Editor {__version__}", width - MARGIN, top - TITLE.size, SUBTITLE)
    text.draw_right(f"Map at {scale}", width - MARGIN, top - TITLE.size - 14, SUBTITLE)
    canvas = text.canvas
    canvas.setStrokeColor(*pdf_colour(look.RULE))
    canvas.setLineWidth(0.8)
    rule = top - TITLE_BLOCK + 10
    canvas.line(MARGIN, rule, width - MARGIN, rule)


def _footer(text: PageText, width: float) -> None:
    text.draw_right(f"Page {text.canvas.getPageNumber()}", width - MARGIN, MARGIN / 2, SMALL)


@dataclass(frozen=True, slots=True)
class _Tiling:
    """A poster of ``rows`` × ``columns`` pages; each shows ``step`` points of new map
    and repeats ``OVERLAP`` of its neighbour's, for gluing."""

    page: tuple[float, float]
    rows: int
    columns: int
    step_x: float
    step_y: float


def _tiling(sheet: Sheet) -> _Tiling:
    width, height = (float(side) for side in landscape(A4))
    room_w, room_h = width - 2 * MARGIN, height - 2 * MARGIN - 14
    poster_w, poster_h = sheet.width * POSTER_SCALE, sheet.height * POSTER_SCALE
    step_x, step_y = room_w - OVERLAP, room_h - OVERLAP
    columns = max(1, math.ceil((poster_w - OVERLAP) / step_x))
    rows = max(1, math.ceil((poster_h - OVERLAP) / step_y))
    return _Tiling((width, height), rows, columns, step_x, step_y)


def _poster(
    canvas: Canvas, text: PageText, painter: PdfPainter, sheet: Sheet, journey: Journey,
    progress: Progress,
) -> None:
    """An assembly page (the map with its tiles marked), then one A4 page per tile."""
    tiling = _tiling(sheet)
    width, height = tiling.page
    canvas.setPageSize(tiling.page)
    scale = _fit_scale(sheet, width, height)
    _title_block(text, journey, width, height, f"{tiling.rows} × {tiling.columns} A4 tiles")
    left, top = (width - sheet.width * scale) / 2, height - MARGIN - TITLE_BLOCK
    canvas.saveState()
    painter.place(left, top, scale)
    painter.paint(sheet.shapes, progress, (0.0, 0.2))
    canvas.restoreState()
    _tile_outlines(canvas, text, tiling, (left, top), scale / POSTER_SCALE, sheet)
    _footer(text, width)
    canvas.showPage()

    sizes = {role: painter.fonts.size(role) for role in painter.fonts.table}
    boxes = [bounds(shape, sizes) for shape in sheet.shapes]
    count = tiling.rows * tiling.columns
    for row in range(tiling.rows):
        for column in range(tiling.columns):
            done = 0.2 + 0.6 * (row * tiling.columns + column) / count
            _tile(canvas, text, painter, sheet, boxes, tiling, row, column, progress, done)


def _tile_outlines(
    canvas: Canvas, text: PageText, tiling: _Tiling, corner: tuple[float, float],
    ratio: float, sheet: Sheet,
) -> None:
    """Each tile's part of the map outlined and named on the assembly page, within the map."""
    left, top = corner
    scale = POSTER_SCALE * ratio
    right, bottom = left + sheet.width * scale, top - sheet.height * scale
    label = Style(7, True, look.PAPER)
    canvas.setStrokeColor(*pdf_colour(look.SELECTION))
    canvas.setLineWidth(0.8)
    for row in range(tiling.rows):
        for column in range(tiling.columns):
            x = left + column * tiling.step_x * ratio
            y = top - row * tiling.step_y * ratio
            w = min(tiling.step_x * ratio, right - x)
            h = min(tiling.step_y * ratio, y - bottom)
            canvas.rect(x, y - h, w, h, stroke=1, fill=0)
            name = _tile_name(row, column)
            name_width = text.width(name, label) + 4
            if name_width < w and h > 12:  # a name only where it leaves the map visible
                canvas.setFillColor(*pdf_colour(look.SELECTION))
                canvas.rect(x, y - 10, name_width, 10, stroke=0, fill=1)
                text.draw(name, x + 2, y - 8, label)


def _tile(
    canvas: Canvas, text: PageText, painter: PdfPainter, sheet: Sheet,
    boxes: list[tuple[float, float, float, float]], tiling: _Tiling, row: int, column: int,
    progress: Progress, done: float,
) -> None:
    width, height = tiling.page
    canvas.setPageSize(tiling.page)
    room_w, room_h = tiling.step_x + OVERLAP, tiling.step_y + OVERLAP
    # The part of the map this tile shows, in map pixels.
    left_px, top_px = column * tiling.step_x / POSTER_SCALE, row * tiling.step_y / POSTER_SCALE
    right_px, bottom_px = left_px + room_w / POSTER_SCALE, top_px + room_h / POSTER_SCALE
    shown = [
        shape for shape, (x0, y0, x1, y1) in zip(sheet.shapes, boxes, strict=True)
        if x1 >= left_px and x0 <= right_px and y1 >= top_px and y0 <= bottom_px
    ]
    top = height - MARGIN
    canvas.saveState()
    clip = canvas.beginPath()
    clip.rect(MARGIN, top - room_h, room_w, room_h)
    canvas.clipPath(clip, stroke=0, fill=0)
    painter.place(MARGIN - left_px * POSTER_SCALE, top + top_px * POSTER_SCALE, POSTER_SCALE)
    painter.paint(shown, progress, (done, 0.0))
    canvas.restoreState()
    _assembly_marks(canvas, MARGIN, top, room_w, room_h, row, column, tiling)
    if tiling.rows * tiling.columns == 1:
        label = "The whole map at the screen's size: one tile, nothing to assemble."
    else:
        label = (f"Tile {_tile_name(row, column)}: row {row + 1} of {tiling.rows}, column "
                 f"{column + 1} of {tiling.columns}. Trim along the marks and lay each tile "
                 f"over the shaded {OVERLAP / mm:.0f} mm of its neighbour.")
    text.draw(label, MARGIN, MARGIN / 2, SMALL)
    _footer(text, width)
    canvas.showPage()


def _assembly_marks(
    canvas: Canvas, left: float, top: float, room_w: float, room_h: float,
    row: int, column: int, tiling: _Tiling,
) -> None:
    """Corner crop marks, and the overlap strips shaded where the next tiles glue on."""
    canvas.setFillColor(*pdf_colour(OVERLAP_SHADE))
    if column + 1 < tiling.columns:
        canvas.rect(left + room_w - OVERLAP, top - room_h, OVERLAP, room_h, stroke=0, fill=1)
    if row + 1 < tiling.rows:
        canvas.rect(left, top - room_h, room_w, OVERLAP, stroke=0, fill=1)
    canvas.setStrokeColor(*pdf_colour(look.SOFT_INK))
    canvas.setLineWidth(0.5)
    canvas.setDash()
    reach = 6 * mm
    for x in (left, left + room_w):
        for y in (top, top - room_h):
            out_x = -1 if x == left else 1
            out_y = 1 if y == top else -1
            canvas.line(x + out_x * 2, y, x + out_x * reach, y)
            canvas.line(x, y + out_y * 2, x, y + out_y * reach)


def _tile_name(row: int, column: int) -> str:
    """A1, B3 ...: a letter per row, a number per column, as on a map of a city."""
    letters = ""
    index = row
    while True:
        letters = chr(ord("A") + index % 26) + letters
        index = index // 26 - 1
        if index < 0:
            return f"{letters}{column + 1}"
