"""The main window, offscreen: files, the modified mark, menus named after commands, clipboard."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from journey_editor.interop.templates import load_template
from journey_editor.model import CardKind, Journey, JourneyError, add_card, add_lane, add_stage
from journey_editor.store import read_journey
from journey_editor.ui import editor as editor_module
from journey_editor.ui import errors, recovery
from journey_editor.ui.app import run_editor
from journey_editor.ui.editor import Editor
from journey_editor.ui.main_window import MainWindow, counts_text


@pytest.fixture
def window(editor: Editor, saved_map: Path, qtbot: QtBot) -> MainWindow:
    shown = editor.open_file(saved_map)
    assert shown is not None
    shown.resize(1280, 800)
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def reported(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages that would have been shown in a warning dialog."""
    messages: list[str] = []

    def record(parent: object, title: str, error: JourneyError) -> None:
        messages.append(str(error))

    for module in (editor_module, errors):
        monkeypatch.setattr(module, "show_journey_error", record)
    return messages


Button = QMessageBox.StandardButton


def answer_unsaved(monkeypatch: pytest.MonkeyPatch, button: Button) -> list[str]:
    """Answer the unsaved-changes question with ``button``; returns the questions asked."""
    asked: list[str] = []

    def answer(box: QMessageBox) -> int:
        assert box.textFormat() == Qt.TextFormat.PlainText  # a file name is never markup
        asked.append(box.text())
        return button.value

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return asked


def test_title_header_and_counts_name_the_map(window: MainWindow, sample: Journey) -> None:
    assert window.windowTitle() == "studio-books.journey[*] — Journey Editor"
    assert not window.isWindowModified()
    assert window.map_header.title.text() == sample.title
    assert sample.persona.name in window.map_header.about.text()
    assert window.counts.text() == (
        f"{len(sample.stages)} stages · {len(sample.lanes)} lanes · {len(sample.cards)} cards"
    )


def test_counts_use_the_singular_for_one() -> None:
    journey = Journey(title="Tiny")
    stage = add_stage(journey, "Visit")
    lane = add_lane(journey, "Actions")
    add_card(journey, CardKind.ACTION, stage.id, lane.id, "Walks in")
    assert counts_text(journey) == "1 stage · 1 lane · 1 card"


def test_the_modified_mark_and_edit_menu_follow_the_undo_stack(window: MainWindow) -> None:
    journey = window.document.journey
    moved = [card.id for card in journey.cards_in_order()[-3:]]
    window.document.move_cards(moved, journey.stages[0].id, journey.lanes[0].id, 0)
    assert window.isWindowModified()
    assert window.edit_actions.undo_action.text() == "&Undo Move 3 cards"
    window.edit_actions.undo_action.trigger()
    assert not window.isWindowModified()
    assert window.edit_actions.redo_action.text() == "&Redo Move 3 cards"
    assert window.history.stack() is window.document.undo_stack
    redo_keys = [key.toString() for key in window.edit_actions.redo_action.shortcuts()]
    assert "Ctrl+Shift+Z" in redo_keys and "Ctrl+Y" in redo_keys


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(
    window: MainWindow, editor: Editor, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.document.add_stage("Referral")
    asked = answer_unsaved(monkeypatch, Button.Cancel)
    assert window.close() is False
    assert asked == ["Save the changes to “studio-books.journey” before closing?"]
    assert window in editor.windows
    answer_unsaved(monkeypatch, Button.Discard)
    assert editor.quit() is True


def test_save_as_writes_the_map_and_remembers_it(
    window: MainWindow, editor: Editor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.document.add_stage("Referral")
    target = tmp_path / "copy"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), ""))
    assert window.file_actions.save_as() is True
    saved = tmp_path / "copy.journey"
    assert read_journey(saved) == window.document.journey
    assert window.windowTitle() == "copy.journey[*] — Journey Editor"
    assert not window.isWindowModified()
    assert editor.recent.paths()[0] == saved.resolve()


def test_a_save_that_fails_says_why_and_keeps_the_changes(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reported: list[str]
) -> None:
    monkeypatch.setattr("journey_editor.ui.file_actions.show_journey_error",
                        lambda parent, title, error: reported.append(str(error)))
    window.document.add_stage("Referral")
    missing = tmp_path / "gone" / "map.journey"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(missing), ""))
    assert window.file_actions.save_as() is False
    assert len(reported) == 1 and "gone" in reported[0]
    assert window.isWindowModified()


def test_opening_a_bad_file_reports_one_line(editor: Editor, reported: list[str]) -> None:
    assert editor.open_file(Path("/maps/broken.journey")) is None
    assert reported == ["broken.journey: no such file"]
    assert editor.windows == []


def test_an_untouched_window_gives_way_to_the_next_map(
    editor: Editor, saved_map: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = editor.show_journey(load_template("four-stages"), None, name="New map")
    assert first.document.pristine
    opened = editor.open_file(saved_map, first)
    assert opened is not None and editor.windows == [opened]
    monkeypatch.setattr(recovery, "ask_open_again", lambda *a, **k: recovery.OpenChoice.SHOW_OPEN)
    assert editor.open_file(saved_map) is opened  # already open: brought forward
    second = editor.new_from_template("service-blueprint", opened)
    assert editor.windows == [opened, second]


def test_open_recent_lists_what_was_opened(window: MainWindow, saved_map: Path) -> None:
    window.file_actions.recent_menu.aboutToShow.emit()
    texts = [action.text() for action in window.file_actions.recent_menu.actions()]
    assert texts[0].startswith("studio-books.journey")


def test_cards_copied_in_one_window_paste_into_another(
    window: MainWindow, editor: Editor, qtbot: QtBot
) -> None:
    source = window.document.journey
    copied = source.cards_in_order()[:2]
    window.scene.select_cards([card.id for card in copied])
    window.edit_actions.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == "\n".join(card.title for card in copied)

    other = editor.new_from_template("sample", window)
    journey = other.document.journey
    target = journey.cards_in_order()[0]
    other.scene.select_cards([target.id])
    other.edit_actions.paste_action.trigger()
    pasted = journey.cards_in(target.stage_id, target.lane_id)[-2:]
    assert [card.title for card in pasted] == [card.title for card in copied]
    assert other.edit_actions.undo_action.text() == "&Undo Paste 2 cards"


def test_delete_and_duplicate_act_on_the_selection(window: MainWindow) -> None:
    journey = window.document.journey
    card = journey.cards_in_order()[0]
    window.scene.select_cards([card.id])
    window.edit_actions.duplicate_action.trigger()
    assert len(journey.cards) == 61
    window.edit_actions.delete_action.trigger()
    assert len(journey.cards) == 60 and card.id in journey.cards


def test_zoom_actions_change_the_view(window: MainWindow) -> None:
    view = window.view
    assert view.transform().m11() == pytest.approx(1.0)
    window.zoom_in_action.trigger()
    assert view.transform().m11() == pytest.approx(1.25)
    assert window.zoom_label.text() == "125%"
    window.zoom_out_action.trigger()
    window.zoom_out_action.trigger()
    assert view.transform().m11() == pytest.approx(0.8)
    window.fit_action.trigger()
    map_rect = view.mapFromScene(window.scene.map_rect()).boundingRect()
    assert view.viewport().rect().contains(map_rect)
    window.actual_size_action.trigger()
    assert view.transform().m11() == pytest.approx(1.0)


def test_ctrl_wheel_zooms_and_plain_wheel_does_not(window: MainWindow) -> None:
    view = window.view

    def wheel(modifiers: Qt.KeyboardModifier) -> None:
        centre = QPointF(view.viewport().rect().center())
        event = QWheelEvent(
            centre, view.viewport().mapToGlobal(centre), QPoint(), QPoint(0, 120),
            Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
        )
        QApplication.sendEvent(view.viewport(), event)

    wheel(Qt.KeyboardModifier.NoModifier)
    assert view.transform().m11() == pytest.approx(1.0)
    wheel(Qt.KeyboardModifier.ControlModifier)
    assert view.transform().m11() > 1.1


def test_a_journey_error_escaping_a_slot_is_shown(
    window: MainWindow, reported: list[str]
) -> None:
    with errors.journey_errors_shown(window):
        sys.excepthook(JourneyError, JourneyError("stage name must not be empty"), None)
    assert reported == ["stage name must not be empty"]


def _colours(image: QImage) -> set[int]:
    step_x, step_y = max(1, image.width() // 60), max(1, image.height() // 60)
    return {
        image.pixel(x, y)
        for x in range(0, image.width(), step_x)
        for y in range(0, image.height(), step_y)
    }


def test_screenshot_writes_a_painted_png_of_the_size_asked(
    qtbot: QtBot, sample: Journey, tmp_path: Path
) -> None:
    shot = tmp_path / "map.png"
    assert run_editor(sample, None, screenshot=shot, size=(1000, 720)) == 0
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1000, 720)
    assert len(_colours(image)) > 20


def test_screenshot_to_an_unwritable_place_is_a_journey_error(
    qtbot: QtBot, sample: Journey, tmp_path: Path
) -> None:
    with pytest.raises(JourneyError, match="cannot write"):
        run_editor(sample, None, screenshot=tmp_path / "missing" / "map.png")


def test_delete_acts_on_the_map_only_while_the_map_has_the_focus(
    window: MainWindow, qtbot: QtBot
) -> None:
    journey = window.document.journey
    card = journey.cards_in_order()[0]
    window.scene.select_cards([card.id])
    window.activateWindow()
    window.properties.show_item("stage", journey.stages[0].id)
    table = window.properties.field("metrics")
    table.setFocus()
    qtbot.keyClick(QApplication.focusWidget() or table, Qt.Key.Key_Delete)
    assert card.id in journey.cards
    window.view.setFocus()
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Delete)
    assert card.id not in journey.cards
    assert window.edit_actions.undo_action.text() == "&Undo Delete card"


def test_a_clicked_stage_is_renamed_with_f2_and_deleted_with_delete(
    window: MainWindow, qtbot: QtBot
) -> None:
    journey = window.document.journey
    stage = journey.stages[1]
    header = window.scene.stage_items[stage.id].sceneBoundingRect().center()
    window.view.centerOn(header)
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=window.view.mapFromScene(header)
    )
    assert window.scene.focus == ("stage", stage.id)
    window.edit_actions.rename_action.trigger()
    editor = window.scene.editor
    assert editor is not None
    window.scene.close_editor()
    window.edit_actions.delete_action.trigger()
    assert stage not in journey.stages
    assert window.edit_actions.undo_action.text() == f"&Undo Delete stage {stage.name!r}"
    window.edit_actions.undo_action.trigger()
    assert journey.stages[1] is stage


def test_a_title_being_typed_is_saved_with_the_map(window: MainWindow, saved_map: Path) -> None:
    card = window.document.journey.cards_in_order()[0]
    window.scene.edit_title(card.id)
    editor = window.scene.editor
    assert editor is not None
    editor.line_edit.setText("Typed, not yet committed")
    assert window.file_actions.save() is True
    assert read_journey(saved_map).card(card.id).title == "Typed, not yet committed"


def test_an_ampersand_in_a_name_shows_in_the_menu_as_typed(window: MainWindow) -> None:
    document = window.document
    stage = document.journey.stages[0]
    document.update_stage(stage.id, name="R&D")
    document.move_stage(stage.id, 2)
    stack = document.undo_stack
    assert stack.text(stack.count() - 1) == "Move stage 'R&D'"  # the history panel
    assert window.edit_actions.undo_action.text() == "&Undo Move stage 'R&&D'"


def test_no_edit_starts_while_an_undo_is_telling_the_views(window: MainWindow) -> None:
    document = window.document
    journey = document.journey
    refused: list[str] = []

    def edit_during_undo() -> None:
        try:
            document.update_map(title="Pushed mid-undo")
        except JourneyError as error:
            refused.append(str(error))

    document.add_stage("Referral")
    document.changed.connect(edit_during_undo)
    document.undo_stack.undo()
    document.changed.disconnect(edit_during_undo)
    assert refused == ["an edit cannot start while another is being undone or redone"]
    assert journey.title != "Pushed mid-undo"
    assert (document.undo_stack.index(), document.undo_stack.count()) == (0, 1)
