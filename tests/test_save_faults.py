"""A save or an edit cut short at any moment leaves the old file or the new one, whole.

The crashes are real processes dying. A helper (tests/save_crash_child.py, started once per
test) forks a child per crash; the child saves or commits and is made to exit at one step
(``os._exit``, patched in from outside: ``os.replace``, ``os.fsync``, the fill), is
stopped by the kernel in the middle of a write (RLIMIT_FSIZE with SIGXFSZ), or is
SIGKILLed at a random moment. The files it leaves are read here, against maps rebuilt here.
Full disks and read-only folders are real too: RLIMIT_FSIZE (EFBIG), a small tmpfs
(ENOSPC), a read-only bind mount in a private mount namespace (EROFS; CI runs as root, so
chmod would not stop a write).

A crash here is a process dying, not the machine losing power: what the kernel was given
survives, so the fsyncs themselves are not tested, only that no step leaves a mixture.
"""

from __future__ import annotations

import copy
import errno
import functools
import importlib.util
import json
import os
import re
import shlex
import shutil
import signal
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from save_crash_child import CRASHED, TARGET_NAME, big_edit, edit_step, edited, intact

from journey_editor.model import Journey, JourneyError, update_card
from journey_editor.store import WorkingCopy, read_journey, save_journey
from journey_editor.store.sessions import WorkingFolder
from journey_editor.store.working_copy import read_working_copy

HELPER = Path(__file__).with_name("save_crash_child.py")
GENERATED_MAPS = Path(__file__).parents[1] / "bench" / "generated_maps.py"
# What a crash may leave beside the target: the temporary file and SQLite's files of it.
TEMPORARY = re.compile(r"\.map\.[0-9a-f]{8}\.tmp(-journal|-wal|-shm)?")
HELPER_SECONDS = 120


def map_with_cards(count: int) -> Journey:
    spec = importlib.util.spec_from_file_location("generated_maps", GENERATED_MAPS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    journey: Journey = module.map_with_cards(count)
    return journey


@dataclass(frozen=True)
class Maps:
    """Map files saved by ``save_journey``, shared by the tests of this module."""

    old: Path  # 2,000 cards
    new: Path  # edited(old): the bytes a save of the new version writes
    big_a: Path  # 5,000 cards: a save takes tens of milliseconds
    big_b: Path  # edited(big_a)
    base: Path  # 300 cards, for the working copy's commits


@pytest.fixture(scope="module")
def maps(tmp_path_factory: pytest.TempPathFactory) -> Maps:
    folder = tmp_path_factory.mktemp("maps")
    found = Maps(*(folder / f"{name}.journey" for name in ("old", "new", "a", "b", "base")))
    for small, big, cards in ((found.old, found.new, 2000), (found.big_a, found.big_b, 5000)):
        save_journey(map_with_cards(cards), small)
        save_journey(edited(read_journey(small)), big)
        assert read_journey(big) == edited(read_journey(small))
    save_journey(map_with_cards(300), found.base)
    return found


def run_helper(mode: str, spec: dict[str, Any]) -> Any:
    completed = subprocess.run(
        [sys.executable, str(HELPER), mode, json.dumps(spec)],
        capture_output=True, text=True, timeout=HELPER_SECONDS, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.splitlines()[-1])


def old_map_in(folder: Path, maps: Maps) -> Path:
    """``folder/maps/map.journey``, a copy of the old map: the target of one save."""
    (folder / "maps").mkdir(parents=True)
    target = folder / "maps" / TARGET_NAME
    shutil.copyfile(maps.old, target)
    return target


def is_rollback_journal_file(data: bytes) -> bool:
    """The header says journal_mode=DELETE (no write-ahead log expected beside it)."""
    return data[18:20] == b"\x01\x01"


# 1. A crash at every step of a save.


SAVE_POINTS = [
    "before_fill",  # the target checked, the temporary file not yet made
    "fill_connect",  # the fill opens its database: save_journey's not made; save_to's vacuumed
    "fill_bytes:0",  # killed at the first byte written (RLIMIT_FSIZE, SIGXFSZ) ...
    "fill_bytes:4096",
    "fill_bytes:1/3",  # ... a third of the way through the new file ...
    "fill_bytes:2/3",
    "fill_bytes:end",  # ... and two pages before its end
    "before_fsync",  # the temporary file complete, not flushed
    "after_fsync",  # flushed, not renamed
    "before_replace",
    "after_replace",  # renamed, the folder not flushed
    "done",  # atomic_write returned
]
BACKUP_POINTS = [  # Session.save first copies the old file to the backups
    "backup_before",
    "backup_filled",  # the copy written, not renamed into the backups
    "backup_done",  # the copy kept, the save not started
]
NEW_FROM = {"after_replace", "done"}


def vacuumed_size(old: Path, folder: Path) -> int:
    """The size of the file ``WorkingCopy.save_to`` writes for ``edited(old)``."""
    folder.mkdir()
    journey = read_journey(old)
    working = WorkingCopy(folder / "work.journey", journey)
    try:
        working.commit(edited(journey))
        working.save_to(folder / TARGET_NAME)
    finally:
        working.close()
    size = (folder / TARGET_NAME).stat().st_size
    shutil.rmtree(folder)
    return size


@pytest.mark.parametrize("api", ["save_journey", "save_to", "session"])
def test_a_save_dying_at_any_step_leaves_the_old_file_or_the_new_one(
    tmp_path: Path, maps: Maps, api: str
) -> None:
    old_bytes, new_size = maps.old.read_bytes(), maps.new.stat().st_size
    if api != "save_journey":  # VACUUM INTO writes a few pages less
        new_size = vacuumed_size(maps.old, tmp_path / "measure")
    limits = {"0": 0, "4096": 4096, "1/3": new_size // 3, "2/3": 2 * new_size // 3,
              "end": new_size - 8192}
    points = SAVE_POINTS + (BACKUP_POINTS if api == "session" else [])
    scenarios = []
    for index, point in enumerate(points):
        name, _, at = point.partition(":")
        folder = tmp_path / f"{index:02d}-{name}"
        old_map_in(folder, maps)
        scenarios.append({"api": api, "folder": str(folder), "point": name,
                          "limit": limits[at] if at else None})
    statuses = run_helper("crash-points", {"old": str(maps.old), "scenarios": scenarios})

    expected_new = edited(read_journey(maps.old))
    new_files, strays = {}, {}
    for point, scenario, status in zip(points, scenarios, statuses, strict=True):
        killed = scenario["point"] == "fill_bytes"
        assert status == (-signal.SIGXFSZ if killed else CRASHED), (point, status)
        target = Path(scenario["folder"]) / "maps" / TARGET_NAME
        data = target.read_bytes()
        names = sorted(path.name for path in target.parent.iterdir())
        left = [name for name in names if name != TARGET_NAME]
        assert all(TEMPORARY.fullmatch(name) for name in left), (point, names)  # no sidecar
        assert intact(data) and is_rollback_journal_file(data), point
        if point in NEW_FROM:
            assert read_journey(target) == expected_new, point
            new_files[point] = data
        else:
            assert data == old_bytes, point
        shelf = Path(scenario["folder"]) / "data" / "backups"
        kept = [path.read_bytes() for path in shelf.rglob("*.journey")]
        if api == "session" and point not in {"backup_before", "backup_filled"}:
            assert kept == [old_bytes], point
        else:
            assert kept == [], point
        left += [f"backups/{path.name}" for path in shelf.rglob("*.tmp*")]
        if left:
            strays[point] = left
    if api == "save_journey":
        assert set(new_files.values()) == {maps.new.read_bytes()}
    else:
        assert len(set(new_files.values())) == 1
    print(f"\n{api}: {len(points)} crash points, all survived; stray files left by a crash:")
    for point, left in strays.items():
        shown = ", ".join(re.sub(r"\.[0-9a-f]{8}\.tmp", ".<hex>.tmp", name) for name in left)
        print(f"  {point}: {shown}")


# 2. Saves SIGKILLed at random moments.


def test_saves_killed_at_random_leave_the_old_map_or_the_new_one(
    tmp_path: Path, maps: Maps
) -> None:
    """100 kills of a process saving 5,000-card maps over one file, two versions in turn.

    The helper compares the target after each kill with the two files saved here (whose
    maps are checked to read back in the fixture) and runs SQLite's integrity check.
    """
    result = run_helper("kill-saves", {
        "folder": str(tmp_path), "a": str(maps.big_a), "b": str(maps.big_b), "rounds": 100,
        "seed": 1123, "window_saves": 1.5,
    })
    counts = result["counts"]
    print(f"\nsave_journey, 5,000 cards ({result['save_seconds'] * 1000:.0f} ms a save): "
          f"{counts['kills']} kills survived; mid-save {counts['mid_save']} (in the SQLite "
          f"transaction {counts['mid_transaction']}, after it {counts['after_fill']}); "
          f"target changed by the kill's round {counts['changed']}")
    assert result["bad"] == []
    assert counts["kills"] == counts["a"] + counts["b"] == 100
    assert counts["mid_save"] > 0 and counts["changed"] > 0
    assert read_journey(tmp_path / TARGET_NAME) in (read_journey(maps.big_a),
                                                    read_journey(maps.big_b))


def test_session_saves_killed_at_random_leave_the_old_map_or_the_new_one(
    tmp_path: Path, maps: Maps
) -> None:
    """The editor's path: commit the edit, copy the old file to the backups, save from the
    working copy; killed at random 30 times. The target is read back after every kill."""
    result = run_helper("kill-session-saves", {
        "folder": str(tmp_path), "a": str(maps.old), "rounds": 30, "seed": 1124,
        "window_saves": 2.5,
    })
    counts = result["counts"]
    print(f"\nSession.save, 2,000 cards ({result['cycle_seconds'] * 1000:.0f} ms an edit and "
          f"save): {counts['kills']} kills survived; mid-save {counts['mid_save']}, "
          f"mid-backup {counts['mid_backup']}; target changed {counts['changed']}")
    assert result["bad"] == []
    assert counts["kills"] == counts["a"] + counts["b"] == 30
    assert counts["changed"] > 0


# 3. The working copy: commits killed at random, and a commit dying inside its transaction.


def test_commits_killed_at_random_keep_every_reported_edit(tmp_path: Path, maps: Maps) -> None:
    """100 kills of a process committing edits one by one, each reported once committed.

    The working copy must hold the map after the last reported edit, or after the one
    whose commit had returned when the kill came; never a part of an edit.
    """
    base = read_journey(maps.base)
    states = [base]  # states[k]: the base map after edits 1 .. k

    def state(count: int) -> Journey:
        while len(states) <= count:
            journey = copy.deepcopy(states[-1])
            edit_step(journey, len(states))
            journey.changes.drain()
            states.append(journey)
        return states[count]

    rounds = 100
    spec = {"folder": str(tmp_path), "base": str(maps.base), "rounds": rounds, "seed": 1125,
            "window_seconds": 0.03, "max_edits": 5000}
    process = subprocess.Popen(
        [sys.executable, str(HELPER), "kill-commits", json.dumps(spec)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    outcomes = {"kills": 0, "last_reported": 0, "one_after": 0, "edits": 0}
    try:
        for _ in range(rounds):
            line = process.stdout.readline()
            assert line, process.stderr.read() if process.stderr else ""
            record = json.loads(line)
            path, reported = Path(record["path"]), record["reported"]
            assert record["killed"] and reported < spec["max_edits"], record
            found = read_working_copy(path)
            assert intact(path.read_bytes()), record
            if found == state(reported):
                outcomes["last_reported"] += 1
            else:
                assert found == state(reported + 1), record
                outcomes["one_after"] += 1
            outcomes["kills"] += 1
            outcomes["edits"] += reported
            process.stdin.write("next\n")
            process.stdin.flush()
        process.stdin.close()
        assert process.wait(timeout=HELPER_SECONDS) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    print(f"\nWorkingCopy.commit: {outcomes['kills']} kills survived, {outcomes['edits']} "
          f"edits reported; the copy held the last reported edit {outcomes['last_reported']} "
          f"times, one more (committed, not yet reported) {outcomes['one_after']} times")


def test_a_commit_dying_inside_its_transaction_leaves_the_edit_out(
    tmp_path: Path, maps: Maps
) -> None:
    edits_before = 7
    result = run_helper("commit-crash-points", {
        "folder": str(tmp_path), "base": str(maps.base), "edits_before": edits_before,
        "points": ["statements:1", "statements:half", "before_commit", "wal_bytes",
                   "after_commit"],
    })
    statements = result["statements"]
    assert statements[0].startswith("BEGIN") and statements[-1] == "COMMIT"
    assert len(statements) > 20  # a big edit: deletes, inserts, position updates
    before = read_journey(maps.base)
    for number in range(1, edits_before + 1):
        edit_step(before, number)
    after = copy.deepcopy(before)
    big_edit(after)
    for point, outcome in result["statuses"].items():
        killed = point == "wal_bytes"  # killed by SIGXFSZ in the middle of a log frame
        assert outcome["status"] == (-signal.SIGXFSZ if killed else CRASHED), point
        path = Path(outcome["path"])
        assert read_working_copy(path) == (after if point == "after_commit" else before), point
        assert intact(path.read_bytes()), point
    print(f"\nWorkingCopy.commit: {len(result['statuses'])} crash points inside a "
          f"{len(statements)}-statement transaction, all survived")


# 4. A full disk.


@pytest.mark.parametrize("api", ["save_journey", "save_to", "session"])
def test_a_file_size_limit_fails_the_save_with_one_line_and_keeps_the_old_file(
    tmp_path: Path, maps: Maps, api: str
) -> None:
    """RLIMIT_FSIZE between the old file's size and the new one's: writes fail with EFBIG.

    The session's copy of the old file to the backups fits, and is made.
    """
    target = old_map_in(tmp_path, maps)
    limit = (maps.old.stat().st_size + maps.new.stat().st_size) // 2
    [result] = run_helper("save-once", {
        "old": str(maps.old), "apis": [api], "folders": {api: str(tmp_path)}, "limit": limit,
    })
    assert result["error"] == "JourneyError", result
    assert result["message"] == f"cannot write {target}: File too large"
    assert result["unchanged"] and result["listing"] == [TARGET_NAME], result
    assert result["backup_strays"] == []
    assert target.read_bytes() == maps.old.read_bytes()


# 5. Read-only and missing folders, and a full file system, made for real in a private
# mount namespace (root only; skipped, saying why, where the system does not allow it).


def run_in_mount_namespace(
    unshare: list[str], mounts: list[str], spec: dict[str, Any]
) -> list[dict[str, Any]]:
    """``save-once`` run by the helper after ``mounts`` (shell commands) in a new namespace."""
    command = " && ".join(mounts) + " || exit 97; exec " + shlex.join(
        [sys.executable, str(HELPER), "save-once", json.dumps(spec)]
    )
    completed = subprocess.run(
        [*unshare, "sh", "-c", command],
        capture_output=True, text=True, timeout=HELPER_SECONDS, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    results: list[dict[str, Any]] = json.loads(completed.stdout.splitlines()[-1])
    return results


APIS = ["save_journey", "save_to", "session"]


def test_a_read_only_folder_fails_the_save_with_one_line_and_keeps_the_old_file(
    tmp_path: Path, maps: Maps, mount_namespace: list[str]
) -> None:
    targets = {api: old_map_in(tmp_path / api, maps) for api in APIS}
    mounts = []
    for target in targets.values():
        folder = shlex.quote(str(target.parent))
        mounts += [f"mount --bind {folder} {folder}", f"mount -o remount,bind,ro {folder}"]
    results = run_in_mount_namespace(mount_namespace, mounts, {
        "old": str(maps.old), "apis": APIS,
        "folders": {api: str(tmp_path / api) for api in APIS},
    })
    for api, result in zip(APIS, results, strict=True):
        target = targets[api]
        assert result["error"] == "JourneyError", (api, result)
        assert result["message"] == f"cannot write {target}: Read-only file system", api
        assert result["unchanged"] and result["listing"] == [TARGET_NAME], (api, result)
        assert target.read_bytes() == maps.old.read_bytes()
        assert sorted(path.name for path in target.parent.iterdir()) == [TARGET_NAME]


def test_a_full_file_system_fails_the_save_with_one_line_and_keeps_the_old_file(
    tmp_path: Path, maps: Maps, mount_namespace: list[str]
) -> None:
    """A tmpfs with room for the old file and 64 KiB more: the new one meets ENOSPC."""
    for api in APIS:
        (tmp_path / api / "maps").mkdir(parents=True)
    size = (maps.old.stat().st_size + 64 * 1024 + 4095) // 4096 * 4096
    mounts = []
    for api in APIS:
        folder = shlex.quote(str(tmp_path / api / "maps"))
        mounts += [f"mount -t tmpfs -o size={size} tmpfs {folder}",
                   f"cp {shlex.quote(str(maps.old))} {folder}/{TARGET_NAME}"]
    results = run_in_mount_namespace(mount_namespace, mounts, {
        "old": str(maps.old), "apis": APIS,
        "folders": {api: str(tmp_path / api) for api in APIS},
    })
    for api, result in zip(APIS, results, strict=True):
        target = tmp_path / api / "maps" / TARGET_NAME
        assert result["error"] == "JourneyError", (api, result)
        assert result["message"] == f"cannot write {target}: No space left on device", api
        assert result["unchanged"] and result["listing"] == [TARGET_NAME], (api, result)
        assert result["backup_strays"] == []


def test_saving_into_a_folder_that_is_gone_says_so(tmp_path: Path, maps: Maps) -> None:
    target = old_map_in(tmp_path, maps)
    journey = read_journey(target)
    session = WorkingFolder(tmp_path / "data").start(journey, target, target.name)
    working = WorkingCopy(tmp_path / "work.journey", read_journey(target))
    try:
        shutil.rmtree(target.parent)  # deleted, or its drive unplugged, after the map opened
        update_card(journey, sorted(journey.cards)[0], title="Written after the folder went")
        session.record_edit(journey, 1, True)
        saves = [functools.partial(save_journey, journey, target),
                 functools.partial(working.save_to, target),
                 functools.partial(session.save, journey, target)]
        for save in saves:
            with pytest.raises(JourneyError) as refused:
                save()
            assert str(refused.value) == (
                f"cannot write {target}: the folder {target.parent} does not exist"
            )
        assert not target.parent.exists()
    finally:
        working.close()
        session.end()


# The flushes themselves failing (patched here: a real failing fsync needs a failing disk).


def test_a_temporary_file_that_cannot_be_flushed_fails_the_save_and_keeps_the_old_file(
    tmp_path: Path, maps: Maps, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = old_map_in(tmp_path, maps)
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        if stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(JourneyError) as refused:
        save_journey(edited(read_journey(target)), target)
    assert str(refused.value) == f"cannot write {target}: Input/output error"
    assert target.read_bytes() == maps.old.read_bytes()
    assert sorted(path.name for path in target.parent.iterdir()) == [TARGET_NAME]


def test_a_folder_that_cannot_be_flushed_does_not_fail_a_save_already_in_place(
    tmp_path: Path, maps: Maps, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some file systems refuse to fsync a folder (EINVAL). The rename is done by then: a
    "cannot write" would tell the user the old file is still there when it is not."""
    target = old_map_in(tmp_path, maps)
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        if stat.S_ISDIR(os.fstat(descriptor).st_mode):
            raise OSError(errno.EINVAL, os.strerror(errno.EINVAL))
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    save_journey(edited(read_journey(target)), target)
    assert target.read_bytes() == maps.new.read_bytes()
    assert sorted(path.name for path in target.parent.iterdir()) == [TARGET_NAME]
