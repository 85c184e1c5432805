"""Exporting a map to a file, chosen by the file's suffix: the one entry point the command
line and the editor's File → Export… both call.

Every export is written whole or not at all (a temporary file renamed over the target), so
a failed or cancelled export leaves the target as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from journey_editor.model import Journey, JourneyError

# Share of the work done, 0 to 1; returns False when the user asked to stop.
Progress = Callable[[float], bool]


class MapLayout(StrEnum):
    JOURNEY = "journey"  # stages across, lanes in the map's own order
    BLUEPRINT = "blueprint"  # lanes grouped by zone, with the three lines between them


class PageSize(StrEnum):
    """A PDF's first page: the whole map fitted to the smallest page that keeps it readable,
    a poster cut into A4 tiles, or one named page size (always landscape)."""

    FIT = "fit"
    TILE = "tile"
    A4 = "A4"
    A3 = "A3"
    A2 = "A2"
    A1 = "A1"
    A0 = "A0"
    LETTER = "letter"
    TABLOID = "tabloid"

    @classmethod
    def parse(cls, text: str) -> PageSize:
        for size in cls:
            if size.value.casefold() == text.strip().casefold():
                return size
        allowed = ", ".join(size.value for size in cls)
        raise JourneyError(f"page must be one of {allowed}; got {text!r}")


DRAWN_SUFFIXES = (".pdf", ".svg", ".png")
DPI_RANGE = (24.0, 600.0)


@dataclass(frozen=True)
class ExportOptions:
    layout: MapLayout = MapLayout.JOURNEY
    page: PageSize = PageSize.FIT  # PDF only
    dpi: float = 96.0  # PNG only: 96 draws one map pixel as one image pixel
    emotion_line: bool = True  # a blueprint may leave out its emotions lanes


class ExportCancelled(Exception):
    """The user stopped the export; nothing was written."""


def go_on(progress: Progress, share: float) -> None:
    """Tell ``progress`` how far the export is; stop it if the user asked."""
    if not progress(share):
        raise ExportCancelled


@dataclass
class ExportReport:
    """What a finished export wants the user to know: pages written, characters no font on
    this machine could draw, and the like. Empty when there is nothing to say."""

    pages: int = 1
    notes: list[str] = field(default_factory=list)


def export_suffixes() -> tuple[str, ...]:
    from journey_editor.interop.text_forms import WRITERS

    return (*DRAWN_SUFFIXES, *WRITERS)


def export_journey(
    journey: Journey,
    target: Path,
    options: ExportOptions = ExportOptions(),
    progress: Progress | None = None,
) -> ExportReport:
    """Write ``journey`` to ``target`` in the format its suffix names.

    Raises JourneyError (one line) for an unknown suffix, bad options or an unwritable
    target, and ExportCancelled when ``progress`` returned False; the target is then as it was.
    """
    from journey_editor.store.atomic import atomic_write

    suffix = target.suffix.lower()
    if suffix not in export_suffixes():
        known = ", ".join(sorted(export_suffixes()))
        raise JourneyError(f"cannot export to '{target.suffix or target.name}' (known: {known})")
    if not DPI_RANGE[0] <= options.dpi <= DPI_RANGE[1]:
        raise JourneyError(
            f"dpi must be between {DPI_RANGE[0]:g} and {DPI_RANGE[1]:g}; got {options.dpi:g}"
        )
    tick = progress or (lambda share: True)
    report = ExportReport()

    def write(temporary: Path) -> None:
        nonlocal report
        report = _writer(suffix)(journey, temporary, options, tick)

    atomic_write(target, write)
    return report


Writer = Callable[[Journey, Path, ExportOptions, Progress], ExportReport]


def _writer(suffix: str) -> Writer:
    if suffix == ".pdf":
        from journey_editor.export.pdf import write_pdf

        return write_pdf
    if suffix == ".svg":
        from journey_editor.export.pictures import write_svg

        return write_svg
    if suffix == ".png":
        from journey_editor.export.pictures import write_png

        return write_png
    from journey_editor.interop.text_forms import WRITERS

    to_text = WRITERS[suffix]

    def write_text_form(
        journey: Journey, path: Path, options: ExportOptions, progress: Progress
    ) -> ExportReport:
        path.write_text(to_text(journey), encoding="utf-8")
        return ExportReport()

    return write_text_form
