"""The .journey file: round trips, incremental commits, atomic saves, refusals on open."""

from __future__ import annotations

import copy
import os
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import apply_edit, edits, journeys

from journey_editor.model import CardKind, Journey, JourneyError, add_card, remove_cards
from journey_editor.store import (
    WorkingCopy,
    atomic_write,
    migrations,
    read_journey,
    save_journey,
    tables,
)
from journey_editor.store.guard import GuardedDatabase
from journey_editor.store.schema import tables_module_source
from journey_editor.store.tables import APPLICATION_ID, SCHEMA_STATEMENTS, SCHEMA_VERSION

FILE_SETTINGS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@FILE_SETTINGS
@given(journey=journeys())
def test_any_map_saved_and_opened_again_is_equal(tmp_path: Path, journey: Journey) -> None:
    path = tmp_path / "map.journey"
    save_journey(journey, path)
    assert read_journey(path) == journey


@FILE_SETTINGS
@given(data=st.data())
def test_edits_committed_one_by_one_give_the_same_file(data: st.DataObject) -> None:
    journey = data.draw(journeys())
    folder = tempfile.TemporaryDirectory()
    tmp_path = Path(folder.name)
    working = WorkingCopy(tmp_path / "working.journey", copy.deepcopy(journey))
    try:
        for _ in range(data.draw(st.integers(1, 12))):
            apply_edit(journey, data.draw(edits(journey)))
            working.commit(journey)
        saved = tmp_path / "saved.journey"
        working.save_to(saved)
        assert read_journey(saved) == journey
        working.close()
        assert read_journey(working.path) == journey
    finally:
        working.close()
        folder.cleanup()


def test_a_saved_file_is_marked_as_ours_and_has_no_sidecars(
    tmp_path: Path, sample: Journey
) -> None:
    path = tmp_path / "sample.journey"
    save_journey(sample, path)
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert connection.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    finally:
        connection.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.journey"]


def test_save_from_a_working_copy_is_compact_and_in_delete_mode(
    tmp_path: Path, sample: Journey
) -> None:
    working = WorkingCopy(tmp_path / "working.journey", sample)
    working.close()
    reopened = read_journey(tmp_path / "working.journey")
    working = WorkingCopy(tmp_path / "again.journey", reopened)
    try:
        target = tmp_path / "out" / "saved.journey"
        target.parent.mkdir()
        working.save_to(target)
    finally:
        working.close()
    assert sorted(p.name for p in target.parent.iterdir()) == ["saved.journey"]
    connection = sqlite3.connect(target)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert connection.execute("PRAGMA freelist_count").fetchone() == (0,)
    finally:
        connection.close()


def test_opening_leaves_the_file_byte_for_byte_as_it_was(tmp_path: Path, sample: Journey) -> None:
    path = tmp_path / "sample.journey"
    save_journey(sample, path)
    before = path.read_bytes(), path.stat().st_mtime_ns
    read_journey(path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.journey"]


def test_a_failed_write_leaves_the_old_file_whole(tmp_path: Path, sample: Journey) -> None:
    path = tmp_path / "map.journey"
    save_journey(sample, path)
    before = path.read_bytes()

    def crash_halfway(temporary: Path) -> None:
        temporary.write_bytes(b"half a file")
        raise OSError(28, "No space left on device")

    with pytest.raises(JourneyError, match="No space left on device"):
        atomic_write(path, crash_halfway)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.journey"]


def test_saving_through_a_link_writes_the_linked_file_and_keeps_the_link(
    tmp_path: Path, sample: Journey
) -> None:
    real = tmp_path / "synced" / "map.journey"
    real.parent.mkdir()
    save_journey(Journey(title="before"), real)
    link = tmp_path / "map.journey"
    link.symlink_to(real)
    save_journey(sample, link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert read_journey(real) == sample
    assert sorted(p.name for p in real.parent.iterdir()) == ["map.journey"]


def _sqlite_file(path: Path, application_id: int, user_version: int) -> Path:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA application_id={application_id}")
    connection.execute(f"PRAGMA user_version={user_version}")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p, "no such file"),
        (lambda p: (p.mkdir(), p)[1], "is a folder"),
        (
            lambda p: (p.write_text("hello"), p)[1],
            r"not a \.journey file \(not a SQLite database\)",
        ),
        (lambda p: _sqlite_file(p, 0, 0), r"a SQLite database, but not a \.journey file"),
        (
            lambda p: _sqlite_file(p, APPLICATION_ID, SCHEMA_VERSION + 1),
            f"newer Journey Editor \\(file format {SCHEMA_VERSION + 1}; this version reads up to",
        ),
        (
            lambda p: _sqlite_file(p, APPLICATION_ID, SCHEMA_VERSION),
            "the file contains a table 't', which Journey Editor never writes: refused",
        ),
    ],
)
def test_files_that_are_not_maps_are_refused_with_one_line(
    tmp_path: Path, make, message: str
) -> None:
    path = make(tmp_path / "x.journey")
    with pytest.raises(JourneyError, match=message) as refused:
        read_journey(path)
    assert "\n" not in str(refused.value)


def test_a_file_breaking_the_rules_is_refused(tmp_path: Path, sample: Journey) -> None:
    path = tmp_path / "map.journey"
    save_journey(sample, path)
    connection = sqlite3.connect(path)
    connection.execute("UPDATE card_place SET stage_id = 'nowhere' ")
    connection.execute("UPDATE emotion_point SET score = 9")
    connection.commit()
    connection.close()
    with pytest.raises(JourneyError, match="emotion score must be between 1 and 5"):
        read_journey(path)


def test_the_generated_tables_module_is_in_step_with_the_schema() -> None:
    # The store reads tables.py so that it never imports SQLModel; schema.py stays the one
    # declaration, and this keeps the two from drifting apart.
    committed = Path(tables.__file__).read_text(encoding="utf-8")
    assert committed == tables_module_source(), (
        "tables.py is out of date: run .venv/bin/python -m journey_editor.store.schema"
    )


def test_a_deleted_card_leaves_no_trace_in_the_file_that_is_sent(
    tmp_path: Path, sample: Journey
) -> None:
    """A consultant deletes a client's note and e-mails the map: the note does not travel."""
    phrase = "CONFIDENTIAL client margin is 41 percent"
    journey = copy.deepcopy(sample)
    stage, lane = journey.stages[0], journey.lanes[0]
    working = WorkingCopy(tmp_path / "working.journey", journey)
    try:
        card = add_card(journey, CardKind.NOTE, stage.id, lane.id, phrase, body=phrase * 20)
        working.commit(journey)  # the note is on disk, in the working copy
        remove_cards(journey, [card.id])
        working.commit(journey)
        working.save_to(tmp_path / "sent.journey")
    finally:
        working.close()
    save_journey(journey, tmp_path / "saved.journey")
    for name in ("sent.journey", "saved.journey"):
        data = (tmp_path / name).read_bytes()
        assert phrase.encode() not in data and b"41 percent" not in data, name
    assert read_journey(tmp_path / "sent.journey") == journey


# Older formats ---------------------------------------------------------------------------

FORMAT_1 = Path(__file__).parent / "files" / "format-1.journey"


def test_a_real_file_of_format_1_opens_as_the_sample_untouched(sample: Journey) -> None:
    before = FORMAT_1.read_bytes()
    assert before[60:64] == (1).to_bytes(4, "big")
    assert read_journey(FORMAT_1) == sample
    assert FORMAT_1.read_bytes() == before


def test_every_earlier_format_has_its_schema_and_a_step_forward() -> None:
    assert migrations.newest_format() == SCHEMA_VERSION
    assert migrations.SCHEMAS[SCHEMA_VERSION] == SCHEMA_STATEMENTS
    assert set(migrations.SCHEMAS) == set(range(1, SCHEMA_VERSION + 1))
    assert set(migrations.STEPS) == set(range(1, SCHEMA_VERSION))


def test_a_file_is_stepped_forward_one_format_at_a_time_in_memory(
    tmp_path: Path, sample: Journey, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pretend formats 2 and 3 exist: a format-1 file goes through both steps, in order."""
    steps: list[int] = []

    def shout_titles(connection: sqlite3.Connection) -> None:
        steps.append(1)
        connection.execute("UPDATE card SET title = upper(title)")

    def mark_the_map(connection: sqlite3.Connection) -> None:
        steps.append(2)
        (version,) = connection.execute("PRAGMA user_version").fetchone()
        connection.execute("UPDATE journey SET title = title || ?", (f" (from {version})",))

    monkeypatch.setattr(migrations, "SCHEMAS", dict.fromkeys((1, 2, 3), SCHEMA_STATEMENTS))
    monkeypatch.setattr(migrations, "STEPS", {1: shout_titles, 2: mark_the_map})
    path = tmp_path / "old.journey"
    shutil.copyfile(FORMAT_1, path)
    before = path.read_bytes()
    journey = read_journey(path)
    assert steps == [1, 2]
    assert journey.title == f"{sample.title} (from 2)"
    assert [c.title for c in journey.cards.values()] == [
        c.title.upper() for c in sample.cards.values()
    ]
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.journey"]


def test_a_format_without_a_step_forward_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "SCHEMAS", dict.fromkeys((1, 2), SCHEMA_STATEMENTS))
    monkeypatch.setattr(migrations, "STEPS", {})
    with pytest.raises(JourneyError, match=r"^file format 1 cannot be brought up to date$"):
        read_journey(FORMAT_1)


def test_a_map_is_read_with_writing_refused() -> None:
    """Outside a migration the in-memory copy takes no writes, whoever asks."""
    database = GuardedDatabase()
    try:
        database.load(FORMAT_1.read_bytes())
        for statement in (
            "DELETE FROM card",
            "CREATE TABLE notes (x)",
            "PRAGMA query_only=OFF",
            "ATTACH ':memory:' AS other",
            "SELECT load_extension('evil')",
        ):
            with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
                database.connection.execute(statement)
        with database.writable() as connection:
            connection.execute("DELETE FROM link")
        with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
            database.connection.execute("DELETE FROM card")
    finally:
        database.close()


def test_a_save_clears_what_an_hour_old_killed_save_left_beside_the_file(
    tmp_path: Path, sample: Journey
) -> None:
    path = tmp_path / "map.journey"
    old = [tmp_path / ".map.0123abcd.tmp", tmp_path / ".map.0123abcd.tmp-journal"]
    young = tmp_path / ".map.89abcdef.tmp"  # perhaps another editor's save, right now
    others = [tmp_path / ".map.notours.tmp", tmp_path / ".other.0123abcd.tmp"]
    for leftover in [*old, young, *others]:
        leftover.write_bytes(b"half a map")
    for leftover in [*old, *others]:
        os.utime(leftover, (time.time() - 7200, time.time() - 7200))
    save_journey(sample, path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["map.journey", young.name, *(p.name for p in others)]
    )
