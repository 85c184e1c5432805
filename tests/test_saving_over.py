"""Saving over a file that is open elsewhere: never over another editor's or another
window's edits, and a window showing the file as it was gives way (undoing a save by saving
an earlier version over the file)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from journey_editor.model import CardKind, Journey, JourneyError
from journey_editor.store import read_journey, save_journey
from journey_editor.store.sessions import WorkingFolder
from journey_editor.ui import file_actions
from journey_editor.ui.editor import Editor
from journey_editor.ui.main_window import MainWindow


def test_a_save_can_be_undone_from_the_saved_versions(
    editor: Editor, saved_map: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = editor.open_file(saved_map)
    assert window is not None
    original = read_journey(saved_map)
    document = window.document
    stage, lane = document.journey.stages[0], document.journey.lanes[0]
    for number in range(3):
        document.add_card(CardKind.NOTE, stage.id, lane.id, f"Saved note {number}")
        assert window.file_actions.save()
    menu = window.file_actions.versions_menu
    menu.aboutToShow.emit()
    labels = [action.text() for action in menu.actions()]
    assert len(labels) == 3 and all(label.startswith("Saved ") for label in labels)
    menu.actions()[-1].trigger()  # the oldest: the file as it was opened
    earlier = editor.windows[-1]
    assert earlier.document.journey == original and earlier.document.modified
    assert earlier.document.path is None

    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda _p, _t, where, _f: (where, "")
    )
    assert earlier.file_actions.save()  # Save As offers the file it is a version of
    assert read_journey(saved_map) == original
    # The window showing the file as it was before has nothing unsaved: it gives way.
    assert editor.windows == [earlier] and earlier.document.path == saved_map.absolute()


def refusals_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The messages of the save errors shown from now on."""
    shown: list[str] = []
    monkeypatch.setattr(
        file_actions, "show_journey_error", lambda _p, _t, error: shown.append(str(error))
    )
    return shown


def new_map(editor: Editor, sample: Journey) -> MainWindow:
    """A window with a map not saved anywhere yet."""
    return editor.show_journey(copy.deepcopy(sample), None, name="Untitled", unsaved=True)


def save_as(window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(path), ""))
    return window.file_actions.save_as()


def test_saving_over_another_window_s_unsaved_changes_is_refused(
    editor: Editor, saved_map: Path, sample: Journey, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = editor.open_file(saved_map)
    assert first is not None
    card = first.document.journey.cards_in_order()[0]
    first.document.update_card(card.id, title="Edited in the first window")
    before = saved_map.read_bytes()
    second = new_map(editor, sample)

    shown = refusals_shown(monkeypatch)
    assert not save_as(second, saved_map, monkeypatch)
    assert shown == [
        "studio-books.journey has unsaved changes in another window: save or close that "
        "window first, or save under another name"
    ]
    assert saved_map.read_bytes() == before and second.document.modified
    assert first in editor.windows and first.document.modified


def test_saving_over_a_file_another_editor_has_open_is_refused(
    editor: Editor, saved_map: Path, sample: Journey, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    save_journey(sample, tmp_path / "mine.journey")
    window = editor.open_file(tmp_path / "mine.journey")
    assert window is not None
    card = window.document.journey.cards_in_order()[0]
    window.document.update_card(card.id, title="Mine, saved over theirs")
    before = saved_map.read_bytes()
    elsewhere = WorkingFolder(editor.working.root).start(sample, saved_map, saved_map.name)
    shown = refusals_shown(monkeypatch)
    try:
        assert not save_as(window, saved_map, monkeypatch)
    finally:
        elsewhere.end()
    assert shown == [
        "studio-books.journey is open in another Journey Editor: save under another name, "
        "or close it there first"
    ]
    assert saved_map.read_bytes() == before
    assert save_as(window, saved_map, monkeypatch)  # closed there: now it may
    assert read_journey(saved_map) == window.document.journey


def test_a_title_half_typed_in_another_window_is_an_unsaved_change(
    editor: Editor, saved_map: Path, sample: Journey, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = editor.open_file(saved_map)
    assert first is not None
    card = first.document.journey.cards_in_order()[0]
    first.scene.edit_title(card.id)
    assert first.scene.editor is not None
    first.scene.editor.line_edit.setText("Typed in the first window, not yet committed")
    before = saved_map.read_bytes()
    second = new_map(editor, sample)

    shown = refusals_shown(monkeypatch)
    assert not save_as(second, saved_map, monkeypatch)
    assert "has unsaved changes in another window" in shown[0]
    assert saved_map.read_bytes() == before and first in editor.windows
    assert first.document.journey.cards[card.id].title.startswith("Typed in the first")


def test_a_window_too_busy_to_give_way_stops_editing_the_file(
    editor: Editor, saved_map: Path, sample: Journey, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = editor.open_file(saved_map)
    assert first is not None
    edited = first.document.journey.cards_in_order()[1]
    first.document.update_card(edited.id, title="Saved from the first window")
    assert first.file_actions.save()
    monkeypatch.setattr(first.file_actions, "may_close", lambda: False)  # exporting
    second = new_map(editor, sample)
    card = second.document.journey.cards_in_order()[0]
    second.document.update_card(card.id, title="Saved from the second window")
    assert save_as(second, saved_map, monkeypatch)

    # Still showing the file as it was: saving it now would undo the save just made.
    assert first in editor.windows and first.document.read_only
    assert first.document.session is None and "(read-only)" in first.windowTitle()
    assert "this one is read-only" in first.statusBar().currentMessage()
    with pytest.raises(JourneyError, match="open read-only"):
        first.document.update_card(card.id, title="Would undo that save")
    assert not first.document.undo_stack.canUndo()  # nor can its history change it
    assert read_journey(saved_map) == second.document.journey
