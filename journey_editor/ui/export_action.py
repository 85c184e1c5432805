"""File → Export… for one window: the dialog, then the export, behind a progress dialog
that can stop it; the last choices are remembered for the next export."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog

from journey_editor.export.files import (
    DPI_RANGE,
    ExportCancelled,
    ExportOptions,
    ExportReport,
    MapLayout,
    PageSize,
    Progress,
    export_journey,
)
from journey_editor.model import JourneyError
from journey_editor.ui.errors import show_journey_error
from journey_editor.ui.export_dialog import DEFAULT_SUFFIX, FORMATS, ExportChoice, ExportDialog

if TYPE_CHECKING:
    from journey_editor.ui.main_window import MainWindow

SHOW_PROGRESS_AFTER_MS = 400
PROGRESS_STEPS = 1000
NAME_BYTES = 120  # room for a suffix and a "(2)" well within the 255 bytes a name may have
# Characters one file system or another refuses in a name, and control characters.
UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def file_name_for(title: str) -> str:
    """A file name, without suffix, from a map's title: 'Q3: onboarding' -> 'Q3 onboarding'."""
    name = " ".join(UNSAFE_IN_NAMES.sub(" ", title).split())
    # File systems count a name's bytes, not its characters: 80 Japanese characters are 240.
    while len(name.encode("utf-8")) > NAME_BYTES:
        name = name[:-1]
    return name.strip(" .") or "map"  # a leading dot would hide the file


class ExportMemory:
    """The last export's folder, format and options, kept in the editor's settings, so the
    next export, in any window, starts from them."""

    FOLDER = "export/folder"
    SUFFIX = "export/suffix"
    PAGE = "export/page"
    DPI = "export/dpi"
    EMOTION_LINE = "export/emotion_line"

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def folder(self) -> Path | None:
        """The last export's folder, while it still exists."""
        stored = self._settings.value(self.FOLDER, "")
        if not (isinstance(stored, str) and stored):  # Path("") would be the working folder
            return None
        return Path(stored) if Path(stored).is_dir() else None

    def suffix(self) -> str:
        stored = self._settings.value(self.SUFFIX, DEFAULT_SUFFIX)
        return stored if isinstance(stored, str) and stored in FORMATS else DEFAULT_SUFFIX

    def options(self) -> ExportOptions:
        """The options last chosen; a value the settings file garbled falls back to its default."""
        default = ExportOptions()
        try:
            page = PageSize.parse(str(self._settings.value(self.PAGE, default.page.value)))
        except JourneyError:
            page = default.page
        dpi = self._settings.value(self.DPI, default.dpi, type=float)
        if not (isinstance(dpi, float) and DPI_RANGE[0] <= dpi <= DPI_RANGE[1]):
            dpi = default.dpi
        emotion_line = self._settings.value(self.EMOTION_LINE, default.emotion_line, type=bool)
        return ExportOptions(page=page, dpi=dpi, emotion_line=bool(emotion_line))

    def remember(self, choice: ExportChoice) -> None:
        for key, value in (
            (self.FOLDER, str(choice.target.parent)),
            (self.SUFFIX, choice.target.suffix.lower()),
            (self.PAGE, choice.options.page.value),
            (self.DPI, choice.options.dpi),
            (self.EMOTION_LINE, choice.options.emotion_line),
        ):
            self._settings.setValue(key, value)


class MapExporter:
    """File → Export… for one window: the dialog, then the export.

    The export runs in the GUI thread: the PNG and SVG writers paint with QtGui and need not be
    thread-safe. Each step of progress lets the window-modal progress dialog pump events, so
    the window repaints and Cancel works, while the map cannot be edited or closed.
    """

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.memory = ExportMemory(window.editor.settings)
        self.running = False

    def export(self, map_folder: Path) -> None:
        """Ask where and how, then export; ``map_folder`` is proposed when no export went
        anywhere before."""
        if self.running:  # a step of progress pumps events: a second Export could arrive
            return
        self.window.commit_typing()
        proposed = (self.memory.folder() or map_folder) / (
            file_name_for(self.window.document.journey.title) + self.memory.suffix()
        )
        dialog = ExportDialog(self.window, proposed, self._proposed_options())
        choice = dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None
        dialog.deleteLater()
        if choice is not None:
            self.memory.remember(choice)
            self.run(choice)

    def run(self, choice: ExportChoice) -> None:
        """Export; report success in the status bar, a failure in one line, nothing on stop."""
        # A copy: nothing done while progress pumps events can change the map mid-write.
        journey = copy.deepcopy(self.window.document.journey)
        name = choice.target.name
        self.running = True
        try:
            with self._progress(name) as progress:
                report = export_journey(journey, choice.target, choice.options, progress)
        except ExportCancelled:
            self.window.tell(f"Export cancelled: {name} was left as it was")
            return
        except JourneyError as error:
            show_journey_error(self.window, f"Could not export {name}", error)
            return
        finally:
            self.running = False
        self._tell_done(name, report)

    def _proposed_options(self) -> ExportOptions:
        """The last options, in the layout the window shows; a window without a blueprint
        view exports the journey layout."""
        remembered = self.memory.options()
        blueprint = bool(getattr(self.window, "blueprint_view", False))
        emotion_line = getattr(self.window, "blueprint_emotion_line", remembered.emotion_line)
        return replace(
            remembered,
            layout=MapLayout.BLUEPRINT if blueprint else MapLayout.JOURNEY,
            emotion_line=bool(emotion_line),
        )

    @contextmanager
    def _progress(self, name: str) -> Iterator[Progress]:
        """A progress callback whose dialog shows only once the export proves slow."""
        dialog = QProgressDialog(f"Exporting {name}…", "Cancel", 0, PROGRESS_STEPS, self.window)
        dialog.setWindowTitle("Export map")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_PROGRESS_AFTER_MS)
        # Reset at the top would hide the dialog while the file is still being renamed in.
        dialog.setAutoReset(False)
        dialog.setValue(0)  # starts the clock the minimum duration counts from

        def step(share: float) -> bool:
            # After Cancel the dialog is hidden; a further value would show it again.
            if dialog.wasCanceled():
                return False
            dialog.setValue(round(min(max(share, 0.0), 1.0) * PROGRESS_STEPS))
            return not dialog.wasCanceled()

        try:
            yield step
        finally:
            # Stops the timer too, which would otherwise show the dialog in the next event loop.
            dialog.reset()
            dialog.deleteLater()

    def _tell_done(self, name: str, report: ExportReport) -> None:
        done = f"Exported {name}" + (f" ({report.pages} pages)" if report.pages > 1 else "")
        self.window.tell(done)
        if report.notes:
            box = QMessageBox(
                QMessageBox.Icon.Information, "Export map",
                "\n".join([f"{done}, with notes:", *(f"• {note}" for note in report.notes)]),
                QMessageBox.StandardButton.Ok, self.window,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)  # notes quote the map's text
            box.exec()
