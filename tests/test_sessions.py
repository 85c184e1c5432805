"""Sessions, working copies and backups, without Qt: what a crash leaves, and what is kept."""

from __future__ import annotations

import copy
import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from journey_editor.model import CardKind, Journey, JourneyError, add_card, update_card
from journey_editor.store import read_journey, save_journey, sessions
from journey_editor.store.backups import BackupShelf
from journey_editor.store.sessions import WorkingFolder
from journey_editor.store.working_copy import read_working_copy


def crash(session: object) -> None:
    """What the system does to a killed editor's session: its lock goes, its files stay."""
    lock = session._lock  # type: ignore[attr-defined]
    lock.close()
    session._lock = None  # type: ignore[attr-defined]


def test_a_session_left_by_a_crash_is_offered_with_its_last_edit(
    tmp_path: Path, sample: Journey
) -> None:
    folder = WorkingFolder(tmp_path / "data")
    source = tmp_path / "map.journey"
    save_journey(sample, source)
    journey = copy.deepcopy(sample)
    session = folder.start(journey, source, source.name)
    for number in range(3):
        update_card(journey, journey.cards_in_order()[0].id, title=f"Idea {number}")
        session.record_edit(journey, number + 1, True)
    assert folder.left_behind() == []  # in use: not offered
    crash(session)

    [left] = folder.left_behind()
    assert left.note is not None
    assert (left.note.source, left.note.name, left.note.unsaved_edits) == (
        source, "map.journey", 3
    )
    assert left.note.last_edit_at is not None
    assert left.journey() == journey
    assert folder.left_behind() == []  # locked by the one deciding: not offered twice
    left.let_go()
    [again] = folder.left_behind()
    again.discard()
    assert folder.left_behind() == []
    assert list(folder.folder.iterdir()) == []


def test_a_session_with_nothing_unsaved_is_cleared_quietly(
    tmp_path: Path, sample: Journey
) -> None:
    folder = WorkingFolder(tmp_path / "data")
    crash(folder.start(sample, None, "Untitled"))
    assert folder.left_behind() == []
    assert list(folder.folder.iterdir()) == []


def test_a_lost_note_still_offers_the_work(tmp_path: Path, sample: Journey) -> None:
    folder = WorkingFolder(tmp_path / "data")
    journey = copy.deepcopy(sample)
    session = folder.start(journey, None, "Untitled")
    add_card(journey, CardKind.NOTE, journey.stages[0].id, journey.lanes[0].id, "Keep me")
    session.record_edit(journey, 1, True)
    crash(session)
    (folder.folder / f"{session.id}.json").write_text("{half a no", encoding="utf-8")
    [left] = folder.left_behind()
    assert left.note is not None and left.note.name == "Untitled"
    assert left.journey() == journey


def test_a_damaged_working_copy_is_refused_in_one_line(tmp_path: Path, sample: Journey) -> None:
    folder = WorkingFolder(tmp_path / "data")
    journey = copy.deepcopy(sample)
    session = folder.start(journey, None, "Untitled")
    update_card(journey, journey.cards_in_order()[0].id, title="Edited")
    session.record_edit(journey, 1, True)
    crash(session)
    session.working_copy.close()
    copy_path = session.working_copy.path
    copy_path.write_bytes(copy_path.read_bytes()[:5000])
    for sidecar in ("-wal", "-shm"):
        copy_path.with_name(copy_path.name + sidecar).unlink(missing_ok=True)
    [left] = folder.left_behind()
    with pytest.raises(JourneyError) as refused:
        left.journey()
    assert "\n" not in str(refused.value)


LOCK_HOLDER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from journey_editor.interop.templates import load_template
    from journey_editor.store.sessions import WorkingFolder
    folder = WorkingFolder(Path(sys.argv[1]))
    session = folder.start(load_template("sample"), Path(sys.argv[2]), "map.journey",
                           modified=True, unsaved_edits=2)
    print("open", flush=True)
    time.sleep(60)
""")


def test_a_file_open_in_another_editor_is_seen_until_that_editor_dies(
    tmp_path: Path, sample: Journey
) -> None:
    root, source = tmp_path / "data", tmp_path / "map.journey"
    save_journey(sample, source)
    other = subprocess.Popen(
        [sys.executable, "-c", LOCK_HOLDER, str(root), str(source)],
        stdout=subprocess.PIPE, text=True,
    )
    folder = WorkingFolder(root)
    try:
        assert other.stdout is not None and other.stdout.readline().strip() == "open"
        held = folder.open_elsewhere(tmp_path / "." / "map.journey")
        assert held is not None and held.source == source
        assert folder.open_elsewhere(tmp_path / "other.journey") is None
        assert folder.left_behind() == []  # alive: not a crash
    finally:
        os.kill(other.pid, signal.SIGKILL)
        other.wait()
    assert folder.open_elsewhere(source) is None
    [left] = folder.left_behind()
    assert left.note is not None and left.note.unsaved_edits == 2
    left.discard()


def test_saving_keeps_the_replaced_file_and_rotates_five(
    tmp_path: Path, sample: Journey
) -> None:
    folder = WorkingFolder(tmp_path / "data")
    target = tmp_path / "map.journey"
    journey = copy.deepcopy(sample)
    session = folder.start(journey, None, "Untitled")
    titles = []
    for number in range(8):
        title = f"Version {number}"
        update_card(journey, journey.cards_in_order()[0].id, title=title)
        session.record_edit(journey, 1, True)
        assert session.save(journey, target) is None
        titles.append(title)
        # Saves within one second would share a modification time on coarse file systems.
        os.utime(target, (1_700_000_000 + number, 1_700_000_000 + number))
    versions = folder.backups.versions(target)
    assert len(versions) == 5
    kept = [read_journey(v.path).cards_in_order()[0].title for v in versions]
    assert kept == titles[-2:-7:-1]  # the five before the last save, newest first
    assert [v.saved_at.timestamp() for v in versions] == [
        1_700_000_000 + n for n in range(6, 1, -1)
    ]
    assert read_journey(target) == journey


def test_two_files_with_one_name_keep_their_own_versions(
    tmp_path: Path, sample: Journey
) -> None:
    shelf = BackupShelf(tmp_path / "backups")
    first, second = tmp_path / "a" / "map.journey", tmp_path / "b" / "map.journey"
    for path in (first, second):
        path.parent.mkdir()
        save_journey(sample, path)
        shelf.keep_previous(path)
    assert [len(shelf.versions(p)) for p in (first, second)] == [1, 1]
    assert shelf.versions(first)[0].path.parent != shelf.versions(second)[0].path.parent


def test_a_save_goes_on_when_the_backup_cannot_be_kept(
    tmp_path: Path, sample: Journey
) -> None:
    root = tmp_path / "data"
    folder = WorkingFolder(root)
    target = tmp_path / "map.journey"
    save_journey(sample, target)
    journey = copy.deepcopy(sample)
    session = folder.start(journey, target, target.name)
    (root / "backups").write_text("not a folder", encoding="utf-8")
    update_card(journey, journey.cards_in_order()[0].id, title="Saved anyway")
    session.record_edit(journey, 1, True)
    note = session.save(journey, target)
    assert note is not None and "could not be kept" in note and "\n" not in note
    assert read_journey(target) == journey


def test_a_working_folder_that_cannot_be_made_is_one_line(
    tmp_path: Path, sample: Journey
) -> None:
    blocked = tmp_path / "data"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(JourneyError, match="cannot keep a working copy") as refused:
        WorkingFolder(blocked).start(sample, None, "Untitled")
    assert "\n" not in str(refused.value)


def test_a_failed_save_keeps_no_extra_version_and_no_version_is_pushed_out(
    tmp_path: Path, sample: Journey
) -> None:
    folder = WorkingFolder(tmp_path / "data")
    target = tmp_path / "map.journey"
    save_journey(sample, target)
    journey = copy.deepcopy(sample)
    session = folder.start(journey, target, target.name)
    before = target.read_bytes()

    def refused(_path: Path) -> None:
        raise JourneyError(f"cannot write {target}: Read-only file system")

    session.working_copy.save_to = refused  # type: ignore[method-assign]
    for _ in range(7):
        with pytest.raises(JourneyError, match="Read-only"):
            session.save(journey, target)
    assert folder.backups.versions(target) == [] and target.read_bytes() == before


def test_a_save_does_not_need_the_working_copy(tmp_path: Path, sample: Journey) -> None:
    """The data folder's disk is full: the user's file, elsewhere, is still saved whole."""
    folder = WorkingFolder(tmp_path / "data")
    target = tmp_path / "map.journey"
    journey = copy.deepcopy(sample)
    session = folder.start(journey, None, "Untitled")

    def full(_journey: Journey) -> int:
        raise OSError(28, "No space left on device")

    session.working_copy.commit = full  # type: ignore[method-assign]
    update_card(journey, journey.cards_in_order()[0].id, title="Saved from the map itself")
    assert session.save(journey, target) is None
    assert read_journey(target) == journey
    del session.working_copy.commit
    update_card(journey, journey.cards_in_order()[0].id, title="The copy catches up")
    session.record_edit(journey, 1, True)
    assert read_working_copy(session.working_copy.path) == journey


def test_a_session_that_cannot_start_leaves_nothing_to_offer(
    tmp_path: Path, sample: Journey, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = WorkingFolder(tmp_path / "data")

    def full(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sessions, "WorkingCopy", full)  # the note is written, the copy is not
    with pytest.raises(JourneyError, match="No space left on device"):
        folder.start(sample, None, "Untitled", modified=True, unsaved_edits=3)
    assert list(folder.folder.iterdir()) == []
    assert folder.left_behind() == []


RESTORE_FIRST_TITLE = textwrap.dedent("""
    import sys
    from pathlib import Path
    from journey_editor.store.sessions import WorkingFolder
    [left] = WorkingFolder(Path(sys.argv[1])).left_behind()
    print(left.journey().cards_in_order()[0].title)
    left.let_go()
""")


def test_a_read_only_data_folder_still_restores_what_a_crash_left(
    tmp_path: Path, sample: Journey, mount_namespace: list[str]
) -> None:
    """After a crash the disk may come back read-only: the work is still there to restore."""
    root = tmp_path / "data"
    folder = WorkingFolder(root)
    journey = copy.deepcopy(sample)
    session = folder.start(journey, tmp_path / "map.journey", "map.journey")
    update_card(journey, journey.cards_in_order()[0].id, title="Kept through a read-only disk")
    session.record_edit(journey, 1, True)  # in the copy's write-ahead log, not yet the copy
    crash(session)
    left = {path.name: path.read_bytes() for path in folder.folder.iterdir()}
    assert any(name.endswith("-wal") for name in left)

    quoted = shlex.quote(str(root))
    restore = shlex.join([sys.executable, "-c", RESTORE_FIRST_TITLE, str(root)])
    completed = subprocess.run(
        [*mount_namespace, "sh", "-c",
         f"mount --bind {quoted} {quoted} && mount -o remount,bind,ro {quoted} || exit 97; "
         f"touch {quoted}/probe 2>/dev/null && exit 98; exec {restore}"],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "Kept through a read-only disk"
    assert {path.name: path.read_bytes() for path in folder.folder.iterdir()} == left


def test_a_copy_left_half_written_is_read_as_it_was_before(
    tmp_path: Path, sample: Journey
) -> None:
    """A crash while a working copy was first written leaves a rollback journal beside it:
    reading the copy undoes the half-written transaction rather than trusting it."""
    copy_path = tmp_path / "left.journey"
    save_journey(sample, copy_path)
    writer = sqlite3.connect(copy_path, isolation_level=None)
    writer.execute("PRAGMA cache_size=1")  # spill changed pages into the file mid-transaction
    writer.execute("BEGIN")
    writer.execute("UPDATE card SET title = 'half written'")
    journal = copy_path.with_name(copy_path.name + "-journal")
    assert journal.stat().st_size > 0
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for path in (copy_path, journal):  # the files as the crash left them
        shutil.copyfile(path, crashed / path.name)
    writer.execute("ROLLBACK")
    writer.close()
    assert read_working_copy(crashed / copy_path.name) == sample
