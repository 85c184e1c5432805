"""Work kept safe in the editor: the working copy follows every edit, a killed editor's edits
are offered back, a map open elsewhere opens read-only, and saved versions can be gone back to.
"""

from __future__ import annotations

import copy
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from journey_editor.model import Journey, JourneyError, update_card
from journey_editor.store import read_journey, save_journey
from journey_editor.store.sessions import WorkingFolder
from journey_editor.store.working_copy import read_working_copy
from journey_editor.ui import recovery
from journey_editor.ui.editor import Editor

KILLED_EDITOR = Path(__file__).with_name("editor_killed_mid_workshop.py")


def click_in_next_question(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Answer the next message boxes by clicking the buttons named ``answers``, in turn;
    returns the texts of the questions asked."""
    asked: list[str] = []
    queue = list(answers)

    def answer(box: QMessageBox) -> int:
        asked.append(f"{box.text()} {box.informativeText()}")
        wanted = queue.pop(0)
        button = next(b for b in box.buttons() if b.text().replace("&", "") == wanted)
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return asked


def leave_behind(editor: Editor, journey: Journey, source: Path) -> None:
    """A session of ``source`` with one unsaved edit, as a killed editor leaves it: the
    system has dropped its lock, its files stay."""
    crashed = editor.working.start(journey, source, source.name)
    update_card(journey, journey.cards_in_order()[0].id, title="Unsaved idea")
    crashed.record_edit(journey, 1, True)
    assert crashed._lock is not None
    crashed._lock.close()
    crashed._lock = None


def test_every_edit_is_in_the_working_copy_at_once(editor: Editor, saved_map: Path) -> None:
    window = editor.open_file(saved_map)
    assert window is not None
    document = window.document
    session = document.session
    assert session is not None and session.working_copy.path.is_relative_to(editor.working.root)
    card = document.journey.cards_in_order()[0]
    document.update_card(card.id, title="Typed in the workshop")
    assert read_working_copy(session.working_copy.path) == document.journey
    assert (session.note.unsaved_edits, session.note.modified) == (1, True)
    document.undo_stack.undo()
    assert read_working_copy(session.working_copy.path) == read_journey(saved_map)
    assert (session.note.unsaved_edits, session.note.modified) == (0, False)
    window.close()
    assert list(editor.working.folder.iterdir()) == []  # closed: nothing left behind


def test_a_killed_editor_s_edits_are_offered_and_restored(
    editor: Editor, saved_map: Path, settings_path: Path, monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
) -> None:
    before = saved_map.read_bytes()
    child = subprocess.Popen(
        [sys.executable, str(KILLED_EDITOR), str(saved_map), str(settings_path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "edited"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert child.returncode == -signal.SIGKILL
    assert saved_map.read_bytes() == before  # the crash never touched the user's file

    start = editor.show_journey(read_journey(saved_map.with_name("studio-books.journey")), None)
    asked = click_in_next_question(monkeypatch, "Restore")
    assert editor.offer_recovery(start) == 1
    assert len(asked) == 1
    # Three edits stand between the map and its file: the delete was undone.
    assert "“studio-books.journey”" in asked[0] and "3 unsaved edits" in asked[0]
    assert "today at" in asked[0]

    restored = editor.windows[-1]
    journey = restored.document.journey
    assert journey.cards_in_order()[0].title == "Renamed in the workshop"
    assert [s.name for s in journey.stages][-1] == "Referral"
    assert any(card.title == "Found after lunch" for card in journey.cards.values())
    assert restored.document.path == saved_map and restored.document.modified
    assert restored.document.unsaved_edits == 3
    # Restored into a working copy of its own; the crashed one is gone.
    assert editor.working.left_behind() == []
    assert restored.file_actions.save()
    assert read_journey(saved_map) == journey


def test_declined_recovery_is_kept_until_discarded(
    editor: Editor, saved_map: Path, sample: Journey, monkeypatch: pytest.MonkeyPatch
) -> None:
    leave_behind(editor, sample, saved_map)

    start = editor.show_journey(copy.deepcopy(sample), None)
    click_in_next_question(monkeypatch, "Not Now")
    assert editor.offer_recovery(start) == 0
    asked = click_in_next_question(monkeypatch, "Not Now")
    assert editor.offer_recovery(start) == 0 and len(asked) == 1  # offered again
    click_in_next_question(monkeypatch, "Discard")
    assert editor.offer_recovery(start) == 0
    assert editor.working.left_behind() == []


def test_a_map_open_in_another_window_opens_read_only(
    editor: Editor, saved_map: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = editor.open_file(saved_map)
    asked = click_in_next_question(monkeypatch, "Open Read-Only")
    second = editor.open_file(saved_map)
    assert second is not None and second is not first
    assert "already open in another window" in asked[0]
    document = second.document
    assert document.read_only and document.session is None
    assert "(read-only)" in second.windowTitle()
    card = document.journey.cards_in_order()[0]
    with pytest.raises(JourneyError, match="open read-only"):
        document.update_card(card.id, title="Not here")
    assert document.journey.cards[card.id].title == card.title

    copy_path = tmp_path / "studio-books (copy).journey"
    suggested: list[str] = []

    def choose(_parent: object, _title: str, where: str, _filter: str) -> tuple[str, str]:
        suggested.append(where)
        return str(copy_path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", choose)
    assert second.file_actions.save()  # Save on a read-only map asks where
    assert suggested == [str(copy_path)]
    assert not document.read_only and document.session is not None
    document.update_card(card.id, title="Now editable")
    assert "(read-only)" not in second.windowTitle()


def test_a_map_open_in_another_editor_opens_read_only(
    editor: Editor, saved_map: Path, sample: Journey, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Another editor's session of the file: another process, as far as the lock knows.
    elsewhere = WorkingFolder(editor.working.root).start(sample, saved_map, saved_map.name)
    try:
        asked = click_in_next_question(monkeypatch, "Cancel")
        assert editor.open_file(saved_map) is None
        assert "already open in another Journey Editor" in asked[0]
        click_in_next_question(monkeypatch, "Open Read-Only")
        window = editor.open_file(saved_map)
        assert window is not None and window.document.read_only
    finally:
        elsewhere.end()
    window.close()
    assert editor.open_file(saved_map) is not None  # nobody else has it now: no question


def test_a_full_working_folder_warns_and_keeps_editing(
    editor: Editor, saved_map: Path
) -> None:
    window = editor.open_file(saved_map)
    assert window is not None
    document = window.document
    session = document.session
    assert session is not None

    def full_disk(*_args: object) -> int:
        raise OSError(28, "No space left on device")

    told: list[str] = []
    document.working_copy_failed.connect(told.append)
    session.working_copy.commit = full_disk  # type: ignore[method-assign]
    card = document.journey.cards_in_order()[0]
    document.update_card(card.id, title="Typed while the disk was full")
    assert told and "No space left on device" in told[0]
    assert document.journey.cards[card.id].title == "Typed while the disk was full"
    del session.working_copy.commit  # space again: the next edit writes the copy whole
    document.update_card(card.id, title="And after")
    assert read_working_copy(session.working_copy.path) == document.journey


def test_a_restored_map_takes_the_place_of_its_file_opened_unedited(
    editor: Editor, saved_map: Path, sample: Journey, monkeypatch: pytest.MonkeyPatch
) -> None:
    leave_behind(editor, sample, saved_map)

    opened = editor.open_file(saved_map)  # `journey-editor map.journey` after the crash
    assert opened is not None
    click_in_next_question(monkeypatch, "Restore")
    assert editor.offer_recovery(opened) == 1
    [restored] = editor.windows
    assert restored is not opened and restored.document.journey == sample
    assert restored.document.path == saved_map and not restored.document.read_only


def test_a_restored_map_is_read_only_while_another_editor_edits_its_file(
    editor: Editor, saved_map: Path, sample: Journey, monkeypatch: pytest.MonkeyPatch
) -> None:
    leave_behind(editor, copy.deepcopy(sample), saved_map)
    start = editor.show_journey(copy.deepcopy(sample), None, name="Untitled")
    elsewhere = WorkingFolder(editor.working.root).start(sample, saved_map, saved_map.name)
    try:
        click_in_next_question(monkeypatch, "Restore")
        assert editor.offer_recovery(start) == 1
    finally:
        elsewhere.end()
    restored = editor.windows[-1]
    assert restored.document.read_only and restored.document.session is None
    assert restored.document.journey.cards_in_order()[0].title == "Unsaved idea"
    assert "read-only" in restored.statusBar().currentMessage()
    [crashed] = editor.working.folder.glob("*.json")  # kept until the restored map is saved

    kept = saved_map.with_name("restored.journey")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(kept), ""))
    assert restored.file_actions.save()
    assert read_journey(kept).cards_in_order()[0].title == "Unsaved idea"
    session = restored.document.session
    assert session is not None and not crashed.exists()
    assert list(editor.working.folder.glob("*.json")) == [crashed.with_stem(session.id)]


def test_a_map_restored_read_only_and_closed_unsaved_is_offered_again(
    editor: Editor, saved_map: Path, sample: Journey, monkeypatch: pytest.MonkeyPatch
) -> None:
    leave_behind(editor, copy.deepcopy(sample), saved_map)
    editing = editor.open_file(saved_map)
    assert editing is not None
    card = editing.document.journey.cards_in_order()[1]
    editing.document.update_card(card.id, title="Edited here since")
    click_in_next_question(monkeypatch, "Restore")
    assert editor.offer_recovery(editing) == 1
    restored = editor.windows[-1]
    assert restored.document.read_only  # the file has edits of its own in the other window

    monkeypatch.setattr(QMessageBox, "exec", lambda _box: int(QMessageBox.StandardButton.Discard))
    assert restored.close()
    [again] = editor.working.left_behind()
    assert again.journey().cards_in_order()[0].title == "Unsaved idea"
    again.let_go()


def test_two_maps_left_of_one_file_are_not_each_other_s_other_editor(
    editor: Editor, saved_map: Path, sample: Journey, monkeypatch: pytest.MonkeyPatch
) -> None:
    leave_behind(editor, copy.deepcopy(sample), saved_map)
    leave_behind(editor, copy.deepcopy(sample), saved_map)
    start = editor.show_journey(copy.deepcopy(sample), None, name="Untitled")
    click_in_next_question(monkeypatch, "Restore", "Not Now")
    assert editor.offer_recovery(start) == 1
    restored = editor.windows[-1]
    assert not restored.document.read_only and restored.document.session is not None


def test_the_questions_go_on_when_their_window_closes_meanwhile(
    editor: Editor, saved_map: Path, sample: Journey, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = tmp_path / "other.journey"
    save_journey(sample, other)
    leave_behind(editor, copy.deepcopy(sample), saved_map)
    leave_behind(editor, copy.deepcopy(sample), other)
    near = editor.show_journey(copy.deepcopy(sample), None, name="Untitled")
    asked: list[str] = []

    def near_closed_meanwhile(box: QMessageBox) -> int:
        asked.append(box.text())
        if shiboken6.isValid(near):
            assert near.close()
            shiboken6.delete(near)  # and the question with it
        return 0

    monkeypatch.setattr(QMessageBox, "exec", near_closed_meanwhile)
    assert editor.offer_recovery(near) == 0
    assert len(asked) == 2 and editor.windows == []
    left = editor.working.left_behind()  # neither answered: both offered again
    assert len(left) == 2
    for each in left:
        each.let_go()


def test_a_question_whose_window_goes_while_it_is_asked_is_no_answer(
    editor: Editor, saved_map: Path, sample: Journey, monkeypatch: pytest.MonkeyPatch
) -> None:
    leave_behind(editor, copy.deepcopy(sample), saved_map)
    near = editor.show_journey(copy.deepcopy(sample), None, name="Untitled")

    def window_closed_meanwhile(box: QMessageBox) -> int:
        shiboken6.delete(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", window_closed_meanwhile)
    assert recovery.ask_open_again(near, saved_map, True) is recovery.OpenChoice.CANCEL
    assert editor.offer_recovery(near) == 0
    [kept] = editor.working.left_behind()  # not restored, not discarded: offered again
    kept.let_go()


def test_a_map_restored_read_only_does_not_stop_the_file_s_editor_saving(
    editor: Editor, saved_map: Path, sample: Journey, settings_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    leave_behind(editor, copy.deepcopy(sample), saved_map)
    other = Editor(QSettings(str(settings_path) + ".other", QSettings.Format.IniFormat))
    editing = other.open_file(saved_map)  # another running editor, on the same data folder
    assert editing is not None
    card = editing.document.journey.cards_in_order()[1]
    editing.document.update_card(card.id, title="Saved by the file's editor")

    start = editor.show_journey(copy.deepcopy(sample), None, name="Untitled")
    click_in_next_question(monkeypatch, "Restore")
    assert editor.offer_recovery(start) == 1
    assert editor.windows[-1].document.read_only
    try:
        assert editing.file_actions.save()  # the restored map only reads the file
        assert read_journey(saved_map).cards[card.id].title == "Saved by the file's editor"
        assert other.working.left_behind() == []  # nor is it offered there meanwhile
    finally:
        editing.close()
