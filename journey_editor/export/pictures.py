"""The map as a picture: laid out with the export fonts, turned into shapes, and written as
SVG or PNG (the PDF's first page draws the same shapes)."""

from __future__ import annotations

from pathlib import Path

from journey_editor.export.drawing import Sheet
from journey_editor.export.files import (
    ExportOptions,
    ExportReport,
    MapLayout,
    Progress,
    go_on,
)
from journey_editor.export.fonts import ExportFonts, ExportMeasure
from journey_editor.export.map_sheet import map_sheet
from journey_editor.layout import JourneyLayout, layout_journey
from journey_editor.model import Journey


def export_layout(journey: Journey, options: ExportOptions, fonts: ExportFonts) -> JourneyLayout:
    """The layout an export draws: the journey grid, or the service blueprint's zones."""
    measure = ExportMeasure(fonts)
    if options.layout is MapLayout.BLUEPRINT:
        from journey_editor.layout.blueprint import layout_blueprint

        return layout_blueprint(journey, measure, emotion_line=options.emotion_line)
    return layout_journey(journey, measure)


def sheet_for(
    journey: Journey, options: ExportOptions, fonts: ExportFonts, progress: Progress
) -> Sheet:
    """The map's shapes; on a big map the layout and shapes take a second, so the user
    may stop the export between them."""
    go_on(progress, 0.0)
    layout = export_layout(journey, options, fonts)
    go_on(progress, 0.0)
    sheet = map_sheet(journey, layout, fonts)
    go_on(progress, 0.0)
    return sheet


def write_svg(
    journey: Journey, path: Path, options: ExportOptions, progress: Progress
) -> ExportReport:
    from journey_editor.export.svg import svg_document

    fonts = ExportFonts()
    sheet = sheet_for(journey, options, fonts, progress)
    path.write_text(svg_document(sheet, fonts.table, progress), encoding="utf-8")
    return _report(fonts)


def write_png(
    journey: Journey, path: Path, options: ExportOptions, progress: Progress
) -> ExportReport:
    from journey_editor.export.image import render_png

    fonts = ExportFonts()
    sheet = sheet_for(journey, options, fonts, progress)
    render_png(sheet, path, options.dpi, fonts.table, progress)
    return _report(fonts)


def _report(fonts: ExportFonts) -> ExportReport:
    """Characters no font has: measured with a fallback width, drawn as boxes (PNG and SVG
    viewers fall back by themselves, and may do better on another machine)."""
    note = fonts.missing_note()
    return ExportReport(notes=[note] if note else [])
