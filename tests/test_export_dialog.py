"""File → Export… and File → Import…, offscreen: the dialog's options per format, exports
written from the menu, a slow export's progress and its Cancel, errors in one line, imports
opened in new windows. Writers other than the text forms are stood in for, so these tests do
not depend on the PDF, SVG and PNG exporters."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pdfplumber
import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from journey_editor.export import files
from journey_editor.export.files import (
    ExportCancelled,
    ExportOptions,
    ExportReport,
    MapLayout,
    PageSize,
    Progress,
    export_suffixes,
)
from journey_editor.interop.csv_form import journey_to_csv
from journey_editor.interop.text_forms import writer_for
from journey_editor.model import Journey, JourneyError
from journey_editor.store import save_journey
from journey_editor.ui import file_actions
from journey_editor.ui.editor import Editor
from journey_editor.ui.export_action import SHOW_PROGRESS_AFTER_MS, ExportMemory, file_name_for
from journey_editor.ui.export_dialog import FORMATS, PAGES, ExportDialog, file_filter
from journey_editor.ui.main_window import MainWindow

WORKING_DAY = """journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Do work: 1: Me, Cat
    section Go home
      Sit down: 5: Me
"""


@pytest.fixture
def editor(qtbot: QtBot, tmp_path: Path) -> Iterator[Editor]:
    running = Editor(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    yield running
    for window in list(running.windows):
        window.document.undo_stack.setClean()  # nothing to ask about while tearing down
        window.close()


@pytest.fixture
def window(editor: Editor, sample: Journey, tmp_path: Path, qtbot: QtBot) -> MainWindow:
    path = tmp_path / "studio-books.journey"
    save_journey(sample, path)
    shown = editor.open_file(path)
    assert shown is not None
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture(autouse=True)
def shown_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts of the message boxes that would have been shown (each answered Ok), so that
    a box no test expects fails the test rather than waits for a click."""
    texts: list[str] = []

    def record(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText  # file names and notes are data
        texts.append(box.text())
        return QMessageBox.StandardButton.Ok.value

    monkeypatch.setattr(QMessageBox, "exec", record)
    return texts


def choose_file(
    monkeypatch: pytest.MonkeyPatch, chosen: Path, chosen_filter: str = "",
    adjust: Callable[[ExportDialog], None] = lambda dialog: None,
) -> list[ExportDialog]:
    """Answer File → Export…: Browse picks ``chosen``, ``adjust`` sets options, then Export.
    Returns the dialogs shown, to read what they proposed."""
    shown: list[ExportDialog] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(chosen), chosen_filter)
    )

    def answer(dialog: ExportDialog) -> int:
        shown.append(dialog)
        dialog.browse_button.click()
        adjust(dialog)
        dialog.export_button.click()
        return dialog.result()

    monkeypatch.setattr(ExportDialog, "exec", answer)
    return shown


def use_writer(monkeypatch: pytest.MonkeyPatch, writer: files.Writer) -> None:
    monkeypatch.setattr(files, "_writer", lambda suffix: writer)


def quick(journey: Journey, path: Path, options: ExportOptions, progress: Progress) -> ExportReport:
    path.write_bytes(b"drawn")
    return ExportReport()


# The dialog ----------------------------------------------------------------------------------


def test_the_dialog_knows_every_format_and_page_size() -> None:
    assert set(FORMATS) == set(export_suffixes())
    assert set(PAGES) == set(PageSize)
    assert file_filter(".mmd") == "Mermaid journey (*.mmd)"


def test_a_file_name_comes_from_the_title() -> None:
    assert file_name_for("Q3: onboarding / web") == "Q3 onboarding web"
    assert file_name_for('.hidden "map"') == 'hidden map'
    assert file_name_for("???") == "map"
    assert len(file_name_for("x" * 500)) == 120
    assert len(file_name_for("地図" * 60).encode("utf-8")) == 120  # bytes, not characters


def test_options_are_enabled_for_the_formats_that_use_them(
    window: MainWindow, out: Path, qtbot: QtBot
) -> None:
    dialog = ExportDialog(window, out / "map.pdf", ExportOptions())
    qtbot.addWidget(dialog)

    def enabled() -> tuple[bool, bool, bool, bool]:
        return (dialog.layout_box.isEnabled(), dialog.page_box.isEnabled(),
                dialog.dpi_box.isEnabled(), dialog.emotion_check.isEnabled())

    assert enabled() == (True, True, False, False)
    dialog.layout_box.setCurrentIndex(1)  # a service blueprint may leave out its emotions
    assert enabled() == (True, True, False, True)
    dialog.path_edit.selectAll()
    qtbot.keyClicks(dialog.path_edit, "poster.PNG")  # a typed suffix chooses the format
    assert dialog.suffix() == ".png" and dialog.path_edit.text() == "poster.PNG"
    assert enabled() == (True, False, True, True)
    assert not dialog.form.labelForField(dialog.page_box).isEnabled()
    dialog.format_box.setCurrentIndex(list(FORMATS).index(".csv"))  # the format renames
    assert dialog.path_edit.text() == "poster.csv"
    assert dialog.target() == out / "poster.csv"
    assert enabled() == (False, False, False, False)
    dialog.path_edit.setText("plain")
    assert dialog.target() == out / "plain.csv"
    dialog.path_edit.clear()
    assert not dialog.export_button.isEnabled()


def test_the_last_choices_and_the_window_s_view_are_proposed(
    window: MainWindow, out: Path, monkeypatch: pytest.MonkeyPatch, shown_boxes: list[str]
) -> None:
    use_writer(monkeypatch, quick)

    def poster(dialog: ExportDialog) -> None:
        dialog.dpi_box.setValue(300)
        dialog.page_box.setCurrentIndex(list(PAGES).index(PageSize.A2))

    choose_file(monkeypatch, out / "poster.png", adjust=poster)
    window.file_actions.export_action.trigger()
    assert (out / "poster.png").exists()

    shown = choose_file(monkeypatch, out / "again.png")
    monkeypatch.setattr(MainWindow, "blueprint_view", property(lambda self: True), raising=False)
    monkeypatch.setattr(
        MainWindow, "blueprint_emotion_line", property(lambda self: False), raising=False
    )
    window.file_actions.export_action.trigger()
    options = shown[0].choice().options
    assert options == ExportOptions(MapLayout.BLUEPRINT, PageSize.A2, 300.0, emotion_line=False)
    assert shown_boxes == []


def test_the_proposed_file_is_named_after_the_map_beside_its_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    proposed: list[str] = []

    def look(dialog: ExportDialog) -> int:
        proposed.append(dialog.path_edit.text())
        return 0  # Cancel

    monkeypatch.setattr(ExportDialog, "exec", look)
    window.file_actions.export_action.trigger()
    title = file_name_for(window.document.journey.title)
    assert proposed == [str(tmp_path / f"{title}.pdf")]


# Exporting -----------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".csv", ".json", ".mmd"])
def test_a_text_form_is_exported_from_the_menu(
    window: MainWindow, out: Path, monkeypatch: pytest.MonkeyPatch, suffix: str,
    shown_boxes: list[str],
) -> None:
    target = out / f"studio{suffix}"
    choose_file(monkeypatch, target)
    assert window.file_actions.export_action.shortcut().toString() == "Ctrl+E"
    window.file_actions.export_action.trigger()
    assert target.read_bytes().decode() == writer_for(target)(window.document.journey)
    assert window.statusBar().currentMessage() == f"Exported studio{suffix}"
    assert shown_boxes == []


def test_a_name_typed_without_suffix_takes_the_chosen_filter_s(
    window: MainWindow, out: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    choose_file(monkeypatch, out / "cards", file_filter(".csv"))
    window.file_actions.export_action.trigger()
    assert (out / "cards.csv").read_text(encoding="utf-8").startswith(
        journey_to_csv(window.document.journey).splitlines()[0]
    )
    qtbot.wait(SHOW_PROGRESS_AFTER_MS + 200)  # a quick export never shows its progress
    assert not any(dialog.isVisible() for dialog in window.findChildren(QProgressDialog))


def test_a_slow_export_shows_progress_and_cancel_leaves_the_old_file(
    window: MainWindow, out: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    target = out / "map.csv"
    target.write_text("old content", encoding="utf-8")

    def slow(
        journey: Journey, path: Path, options: ExportOptions, progress: Progress
    ) -> ExportReport:
        path.write_text("half written", encoding="utf-8")
        for step in range(300):
            time.sleep(0.01)
            if not progress(step / 300):
                raise ExportCancelled
        raise AssertionError("the export was not cancelled")

    use_writer(monkeypatch, slow)
    choose_file(monkeypatch, target)
    seen: list[str] = []

    def press_cancel() -> None:
        dialog = next(d for d in window.findChildren(QProgressDialog) if d.isVisible())
        seen.append(dialog.labelText())
        assert window.close() is False  # the window stays while its map is exported
        window.file_actions.export_action.trigger()  # no second export starts
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)

    QTimer.singleShot(SHOW_PROGRESS_AFTER_MS + 300, press_cancel)
    window.file_actions.export_action.trigger()
    assert seen == ["Exporting map.csv…"]
    assert target.read_text(encoding="utf-8") == "old content"
    assert [path.name for path in out.iterdir()] == ["map.csv"]  # no temporary file left
    assert window.statusBar().currentMessage() == "Export cancelled: map.csv was left as it was"
    assert not window.file_actions.exporter.running


def test_a_journey_error_is_one_line_and_no_traceback(
    window: MainWindow, out: Path, monkeypatch: pytest.MonkeyPatch,
    shown_boxes: list[str], capsys: pytest.CaptureFixture[str],
) -> None:
    def refuse(
        journey: Journey, path: Path, options: ExportOptions, progress: Progress
    ) -> ExportReport:
        raise JourneyError("the map is too wide for an A4 poster")

    use_writer(monkeypatch, refuse)
    target = out / "map.pdf"
    target.write_bytes(b"%PDF old")
    choose_file(monkeypatch, target)
    window.file_actions.export_action.trigger()
    assert shown_boxes == ["the map is too wide for an A4 poster"]
    assert target.read_bytes() == b"%PDF old"

    choose_file(monkeypatch, out / "gone" / "map.csv")
    window.file_actions.export_action.trigger()
    assert len(shown_boxes) == 2 and "does not exist" in shown_boxes[1]
    assert "\n" not in shown_boxes[1]
    assert "Traceback" not in capsys.readouterr().err


def test_pages_and_notes_are_reported(
    window: MainWindow, out: Path, monkeypatch: pytest.MonkeyPatch, shown_boxes: list[str]
) -> None:
    def three_pages(journey: Journey, path: Path, options: ExportOptions,
                    progress: Progress) -> ExportReport:
        path.write_bytes(b"%PDF")
        return ExportReport(pages=3, notes=["no font draws '𓀀' (card 'Greets <b>')"])

    use_writer(monkeypatch, three_pages)
    choose_file(monkeypatch, out / "map.pdf")
    window.file_actions.export_action.trigger()
    assert window.statusBar().currentMessage() == "Exported map.pdf (3 pages)"
    assert shown_boxes == [
        "Exported map.pdf (3 pages), with notes:\n• no font draws '𓀀' (card 'Greets <b>')"
    ]


def test_replacing_a_file_typed_by_hand_is_asked_first(
    window: MainWindow, out: Path, monkeypatch: pytest.MonkeyPatch, shown_boxes: list[str]
) -> None:
    target = out / "map.csv"
    target.write_text("old content", encoding="utf-8")
    dialog = ExportDialog(window, target, ExportOptions())
    dialog.export_button.click()  # the replace question is answered Ok, not Yes
    assert shown_boxes == [f"“map.csv” already exists in {out}. Replace it?"]
    assert dialog.result() != ExportDialog.DialogCode.Accepted
    dialog.deleteLater()


# Importing -----------------------------------------------------------------------------------


def import_file(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path
) -> list[str]:
    """File → Import… of ``path``; returns the errors that would have been shown."""
    reported: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args: (str(path), ""))
    monkeypatch.setattr(
        file_actions, "show_journey_error",
        lambda parent, title, error: reported.append(str(error)),
    )
    window.file_actions.import_action.trigger()
    return reported


def test_a_mermaid_journey_is_imported_into_a_new_window(
    window: MainWindow, editor: Editor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "day.mmd"
    path.write_text(WORKING_DAY, encoding="utf-8")
    assert import_file(window, monkeypatch, path) == []
    assert len(editor.windows) == 2
    imported = editor.windows[-1].document
    journey = imported.journey
    assert journey.title == "My working day"
    assert [stage.name for stage in journey.stages] == ["Go to work", "Go home"]
    assert sorted(card.title for card in journey.cards.values()) == [
        "Do work", "Make tea", "Sit down"
    ]
    assert imported.path is None and imported.name == "day"  # Save asks where
    # Unsaved from the start: closing asks, and the next map opened does not replace it.
    assert imported.modified and not imported.pristine
    assert imported.undo_stack.count() == 0


def test_a_csv_is_imported_into_a_new_window(
    window: MainWindow, editor: Editor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    sample: Journey,
) -> None:
    path = tmp_path / "cards.csv"
    path.write_text(journey_to_csv(sample), encoding="utf-8")
    assert import_file(window, monkeypatch, path) == []
    journey = editor.windows[-1].document.journey
    assert journey.title == "cards"
    assert [stage.name for stage in journey.stages] == [stage.name for stage in sample.stages]
    assert len(journey.cards) == len(sample.cards)


def test_a_bad_import_names_its_line_and_changes_nothing(
    window: MainWindow, editor: Editor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "day.mmd"
    path.write_text(WORKING_DAY.replace("Make tea: 5", "Make tea: 7"), encoding="utf-8")
    reported = import_file(window, monkeypatch, path)
    assert len(reported) == 1
    assert reported[0].startswith("day.mmd: line 4: ") and "got '7'" in reported[0]
    assert editor.windows == [window]
    assert import_file(window, monkeypatch, tmp_path / "missing.csv") == [
        "missing.csv: no such file"
    ]


def test_garbled_settings_fall_back_to_the_defaults(tmp_path: Path) -> None:
    ini = tmp_path / "garbled.ini"
    ini.write_text("[export]\nfolder=a, b\nsuffix=a, b\npage=B5\ndpi=9000\n", encoding="utf-8")
    memory = ExportMemory(QSettings(str(ini), QSettings.Format.IniFormat))
    assert (memory.folder(), memory.suffix(), memory.options()) == (None, ".pdf", ExportOptions())


def test_the_blueprint_view_exports_a_blueprint_pdf_with_the_real_writer(
    window: MainWindow, out: Path, monkeypatch: pytest.MonkeyPatch, shown_boxes: list[str]
) -> None:
    """From the menu, end to end: the window's view decides the layout, the PDF is drawn."""
    window.scene.set_layout_mode(blueprint=True)
    target = out / "studio.pdf"
    choose_file(monkeypatch, target)
    window.file_actions.export_action.trigger()
    with pdfplumber.open(target) as pdf:
        first_page = pdf.pages[0].extract_text() or ""
        pages = len(pdf.pages)
    assert "Line of visibility" in first_page
    assert window.statusBar().currentMessage() == f"Exported studio.pdf ({pages} pages)"
    assert shown_boxes == []


def test_a_folder_typed_as_the_file_exports_nothing(window: MainWindow, out: Path) -> None:
    dialog = ExportDialog(window, out / "map.pdf", ExportOptions())
    for typed in ("~", "..", str(out), ""):
        dialog.path_edit.setText(typed)
        dialog.accept()
        assert dialog.result() != QDialog.DialogCode.Accepted.value, typed
    assert list(out.iterdir()) == []
