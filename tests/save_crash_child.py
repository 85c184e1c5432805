"""Processes that die on purpose, for tests/test_save_faults.py (not a test module itself).

Run as ``python tests/save_crash_child.py MODE SPEC``, SPEC a JSON object; each mode prints
one JSON line saying what happened, and the test checks it. Modes that crash or kill fork
one child per crash from this clean process (no threads, no Qt), so the library is
imported once and each crash costs a fork, not a start of Python.

Crashes are injected from the outside: module attributes and ``os`` functions are
replaced in the child, never hooks in the product. A child that dies where it was told
exits with status CRASHED (``os._exit``: no ``finally``, no clean-up, as in a crash), or is
killed by SIGXFSZ when its write passes RLIMIT_FSIZE (the kernel stops it in the middle of
SQLite's write, after the bytes below the limit are in the file).
"""

from __future__ import annotations

import contextlib
import copy
import ctypes
import functools
import itertools
import json
import os
import random
import resource
import shutil
import signal
import sqlite3
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from journey_editor.model import (
    CardKind,
    Journey,
    add_card,
    move_cards,
    remove_cards,
    update_card,
)
from journey_editor.store import backups, journey_file, working_copy
from journey_editor.store.atomic import atomic_write
from journey_editor.store.journey_file import read_journey, save_journey
from journey_editor.store.sessions import WorkingFolder
from journey_editor.store.working_copy import WorkingCopy

CRASHED = 77  # the exit status of a child that died at the step it was told to
FAILED = 3  # the exit status of a child whose setup raised (the test then fails)
TARGET_NAME = "map.journey"
PR_SET_DUMPABLE = 4

Spec = dict[str, Any]


# The maps: a base read from a file (so ids are the same in every process) and edits that
# are a pure function of the map and a number, so a test can replay them.


def edited(journey: Journey, added: int = 300) -> Journey:
    """The "new" version of a map for the save tests: cards added, retitled, moved, removed."""
    ids = sorted(journey.cards)
    first_stage, first_lane = journey.stages[0], journey.lanes[0]
    for number in range(added):
        add_card(
            journey, CardKind.NOTE, first_stage.id, first_lane.id, f"Added card {number}",
            card_id=f"card-added-{number:04d}", body="Heard in the follow-up interviews. " * 3,
        )
    for card_id in ids[:50]:
        update_card(journey, card_id, title=f"Retitled {card_id}")
    move_cards(journey, ids[50:60], journey.stages[-1].id, journey.lanes[-1].id, index=0)
    remove_cards(journey, ids[60:70])
    return journey


def edit_step(journey: Journey, number: int) -> None:
    """Edit number ``number`` (1, 2, 3 ...) of the sequence the commit tests replay."""
    ids = sorted(journey.cards)
    stage = journey.stages[number % len(journey.stages)]
    lane = journey.lanes[number % len(journey.lanes)]
    pick = ids[(number * 7) % len(ids)]
    step = number % 5
    if step == 0 or len(ids) < 20:
        add_card(journey, CardKind.NOTE, stage.id, lane.id, f"Edit {number}", index=0,
                 card_id=f"card-edit-{number:05d}")
    elif step == 1:
        update_card(journey, pick, title=f"Title of edit {number}")
    elif step == 2:
        start = ids.index(pick)
        move_cards(journey, ids[start : start + 3], stage.id, lane.id, index=0)
    elif step == 3:
        remove_cards(journey, [pick])
    else:
        update_card(journey, pick, body=f"Body of edit {number}. " * (number % 4))


def big_edit(journey: Journey) -> None:
    """One edit that is many statements in one transaction: removals, moves, new cards."""
    ids = sorted(journey.cards)
    remove_cards(journey, ids[:3])
    move_cards(journey, ids[3:8], journey.stages[1].id, journey.lanes[1].id, index=0)
    for card_id in ids[8:12]:
        update_card(journey, card_id, title=f"Big edit {card_id}")
    add_card(journey, CardKind.NOTE, journey.stages[0].id, journey.lanes[0].id, "Big edit",
             card_id="card-big-edit")


def copy_of(journey: Journey) -> Journey:
    """A copy of a map with an empty change log."""
    duplicate = copy.deepcopy(journey)
    duplicate.changes.drain()
    return duplicate


def intact(data: bytes) -> bool:
    """SQLite's integrity check on a file's bytes, in memory (the file is not opened)."""
    if data[18:20] == b"\x02\x02":  # a working copy: write-ahead log, none in memory
        data = data[:18] + b"\x01\x01" + data[20:]
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(data)
        return connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    except sqlite3.Error:
        return False
    finally:
        connection.close()


# Dying on purpose.


def die() -> None:
    os._exit(CRASHED)


def die_past(limit: int) -> None:
    """From now on, a write that reaches byte ``limit`` of any file kills this process.

    SIGXFSZ's default action stops the process in the middle of SQLite's write (Python
    ignores the signal, so it is put back). No core file: the process is made undumpable.
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.getrlimit(resource.RLIMIT_FSIZE)[1]))


def inject_save_crash(point: str, limit: int | None) -> None:
    """Make the next save of a map die at ``point`` (the names are the test's crash points)."""
    armed = False
    fsyncs = 0
    real_replace, real_fsync, real_connect = os.replace, os.fsync, sqlite3.connect

    def saving(target: Path, fill: Callable[[Path], None]) -> None:
        nonlocal armed

        def filling(temporary: Path) -> None:
            nonlocal armed
            if point == "before_fill":
                die()
            if point == "fill_bytes":
                assert limit is not None
                die_past(limit)
            armed = True
            fill(temporary)
            if point == "before_fsync":
                die()

        atomic_write(target, filling)
        armed = False
        if point == "done":
            die()

    def replace(source: Any, destination: Any) -> None:
        if armed and point == "before_replace":
            die()
        real_replace(source, destination)
        if armed and point == "after_replace":
            die()

    def fsync(descriptor: int) -> None:
        nonlocal fsyncs
        real_fsync(descriptor)
        if armed:
            fsyncs += 1
            if point == "after_fsync" and fsyncs == 1:  # the temporary file's, not the folder's
                die()

    def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        if armed and point == "fill_connect":
            die()
        return real_connect(*args, **kwargs)

    def keeping(target: Path, fill: Callable[[Path], None]) -> None:
        def filling(temporary: Path) -> None:
            fill(temporary)
            if point == "backup_filled":
                die()

        atomic_write(target, filling)

    real_keep_previous = backups.BackupShelf.keep_previous

    def keep_previous(shelf: backups.BackupShelf, target: Path) -> None:
        if point == "backup_before":
            die()
        real_keep_previous(shelf, target)
        if point == "backup_done":
            die()

    journey_file.atomic_write = saving  # type: ignore[assignment]
    working_copy.atomic_write = saving  # type: ignore[assignment]
    backups.atomic_write = keeping  # type: ignore[assignment]
    backups.BackupShelf.keep_previous = keep_previous  # type: ignore[method-assign]
    os.replace, os.fsync = replace, fsync  # type: ignore[assignment]
    sqlite3.connect = connect  # type: ignore[assignment]


def prepare_save(api: str, folder: Path, journey: Journey) -> Callable[[], object]:
    """Set up a save of ``edited(journey)`` over ``folder/maps/map.journey`` through ``api``.

    ``journey`` is the old map, the one in the target (read from it, or from a copy of it
    once for many forked children); it is edited here.
    """
    target = folder / "maps" / TARGET_NAME
    if api == "save_journey":
        return functools.partial(save_journey, edited(journey), target)
    if api == "save_to":
        working = WorkingCopy(folder / "work.journey", journey)
        working.commit(edited(journey))
        return functools.partial(working.save_to, target)
    assert api == "session", api
    session = WorkingFolder(folder / "data").start(journey, target, target.name)
    session.record_edit(edited(journey), 1, True)
    return functools.partial(session.save, journey, target)


def in_child(work: Callable[[], object]) -> int:
    """Run ``work`` in a forked child; its exit status (negative: killed by that signal)."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        try:
            work()
        except BaseException:
            traceback.print_exc()
            os._exit(FAILED)
        os._exit(0)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


# The modes.


def crash_points(spec: Spec) -> list[int]:
    """Each scenario's save, dying at its point; the children's exit statuses."""
    statuses = []
    old = read_journey(Path(spec["old"]))  # read once: each child edits its own copy
    for scenario in spec["scenarios"]:

        def work(scenario: Spec = scenario) -> None:
            save = prepare_save(scenario["api"], Path(scenario["folder"]), old)
            inject_save_crash(scenario["point"], scenario.get("limit"))
            save()

        statuses.append(in_child(work))
    return statuses


def save_once(spec: Spec) -> list[dict[str, Any]]:
    """Saves that are expected to fail (a full disk, a read-only folder): what each raised.

    ``limit`` sets RLIMIT_FSIZE just before the save; Python ignores SIGXFSZ, so a write
    past it fails with EFBIG as on a full disk.
    """
    results = []
    for api in spec["apis"]:
        folder = Path(spec["folders"][api])
        target = folder / "maps" / TARGET_NAME
        before = target.read_bytes()
        save = prepare_save(api, folder, read_journey(target))  # as the editor opens it
        hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
        if spec.get("limit") is not None:
            assert signal.getsignal(signal.SIGXFSZ) == signal.SIG_IGN
            resource.setrlimit(resource.RLIMIT_FSIZE, (spec["limit"], hard))
        try:
            note = save()
            result: dict[str, Any] = {"error": None, "message": None, "note": note}
        except Exception as error:
            result = {"error": type(error).__name__, "message": str(error)}
        finally:
            resource.setrlimit(resource.RLIMIT_FSIZE, (hard, hard))
        result["unchanged"] = target.read_bytes() == before
        result["listing"] = sorted(path.name for path in target.parent.iterdir())
        shelf = folder / "data" / "backups"
        result["backup_strays"] = sorted(
            path.name for path in shelf.rglob("*") if path.name.endswith(".tmp")
        ) if shelf.exists() else []
        results.append(result)
    return results


def kill_saves(spec: Spec) -> dict[str, Any]:
    """Save two versions of a big map over one file in turn; SIGKILL the saver at random."""
    folder = Path(spec["folder"])
    target = folder / TARGET_NAME
    versions = {name: read_journey(Path(spec[name])) for name in ("a", "b")}
    known = {Path(spec[name]).read_bytes(): name for name in ("a", "b")}
    rng = random.Random(spec["seed"])
    started = time.perf_counter()
    save_journey(versions["b"], target)
    save_journey(versions["a"], target)
    save_seconds = (time.perf_counter() - started) / 2
    assert known.get(target.read_bytes()) == "a", "save_journey wrote other bytes than the test's"
    current = "a"
    counts = {"kills": 0, "mid_save": 0, "mid_transaction": 0, "after_fill": 0, "changed": 0,
              "a": 0, "b": 0}
    bad = []
    for number in range(spec["rounds"]):
        order = ["b", "a"] if current == "a" else ["a", "b"]

        def saving(order: list[str] = order) -> None:
            for turn in itertools.count():
                save_journey(versions[order[turn % 2]], target)

        pid = fork_doing(saving)
        time.sleep(rng.uniform(0, spec["window_saves"] * save_seconds))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        counts["kills"] += os.waitstatus_to_exitcode(status) == -signal.SIGKILL
        names = sorted(os.listdir(folder))
        strays = [name for name in names if name != TARGET_NAME]
        temporaries = [name for name in strays if name.endswith(".tmp")]
        if temporaries:
            counts["mid_save"] += 1
            if any(name.endswith(".tmp-journal") for name in strays):
                counts["mid_transaction"] += 1
            else:
                counts["after_fill"] += 1
        data = target.read_bytes()
        name = known.get(data)
        sidecars = [name for name in names if name.startswith(TARGET_NAME + "-")]
        if name is None or sidecars or not intact(data) or len(temporaries) > 1:
            bad.append({"round": number, "version": name, "names": names})
        else:
            counts[name] += 1
            counts["changed"] += name != current
            current = name
        for stray in strays:
            (folder / stray).unlink()
    return {"counts": counts, "bad": bad, "save_seconds": save_seconds}


def kill_session_saves(spec: Spec) -> dict[str, Any]:
    """The same through the editor's session: edit, commit, back up, save; SIGKILL at random."""
    folder = Path(spec["folder"])
    maps, root = folder / "maps", folder / "data"
    maps.mkdir()
    target = maps / TARGET_NAME
    shutil.copyfile(spec["a"], target)
    base = read_journey(target)
    ids = sorted(base.cards)[:20]
    titles = {"a": {i: base.cards[i].title for i in ids}, "b": {i: f"B: {i}" for i in ids}}

    def turn_into(journey: Journey, name: str) -> Journey:
        for card_id in ids:
            update_card(journey, card_id, title=titles[name][card_id])
        return journey

    versions = {"a": base, "b": turn_into(copy_of(base), "b")}
    versions["b"].changes.drain()
    rng = random.Random(spec["seed"])
    counts = {"kills": 0, "mid_save": 0, "mid_backup": 0, "changed": 0, "a": 0, "b": 0}
    bad = []
    current = "a"
    cycle_seconds = measure_session_cycle(folder / "measure", base, turn_into)
    for number in range(spec["rounds"]):

        def editing_and_saving(ready: int, start: str = current) -> None:
            journey = versions[start]  # this child's own copy of the map
            session = WorkingFolder(root).start(journey, target, target.name)
            os.write(ready, b"r")
            names = ["b", "a"] if start == "a" else ["a", "b"]
            for turn in itertools.count():
                turn_into(journey, names[turn % 2])
                session.record_edit(journey, 1, True)
                session.save(journey, target)

        pid, ready = fork_when_ready(editing_and_saving)
        time.sleep(rng.uniform(0, spec["window_saves"] * cycle_seconds))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        os.close(ready)
        counts["kills"] += os.waitstatus_to_exitcode(status) == -signal.SIGKILL
        names = sorted(os.listdir(maps))
        strays = [name for name in names if name != TARGET_NAME]
        backup_strays = [path for path in (root / "backups").rglob("*.tmp")]
        counts["mid_save"] += bool(strays)
        counts["mid_backup"] += bool(backup_strays)
        data = target.read_bytes()
        try:
            found = read_journey(target)
        except Exception:
            found = None
        name = next((name for name, journey in versions.items() if journey == found), None)
        sidecars = [name for name in names if name.startswith(TARGET_NAME + "-")]
        if name is None or sidecars or not intact(data) or len(strays) > 2:
            bad.append({"round": number, "version": name, "names": names})
        else:
            counts[name] += 1
            counts["changed"] += name != current
            current = name
        for stray in [*(maps / name for name in strays), *backup_strays]:
            stray.unlink()
        shutil.rmtree(root / "working")
    return {"counts": counts, "bad": bad, "cycle_seconds": cycle_seconds}


def measure_session_cycle(
    folder: Path, base: Journey, turn_into: Callable[[Journey, str], Journey]
) -> float:
    """Seconds one edit-and-save of the session takes on this machine (in a child)."""
    read, write = os.pipe()

    def measure() -> None:
        (folder / "maps").mkdir(parents=True)
        target = folder / "maps" / TARGET_NAME
        save_journey(base, target)
        journey = copy_of(base)
        session = WorkingFolder(folder / "data").start(journey, target, target.name)
        started = time.perf_counter()
        for name in ("b", "a", "b", "a"):
            session.record_edit(turn_into(journey, name), 1, True)
            session.save(journey, target)
        os.write(write, str((time.perf_counter() - started) / 4).encode())

    assert in_child(measure) == 0
    os.close(write)
    with os.fdopen(read, "rb") as pipe:
        seconds = float(pipe.read())
    shutil.rmtree(folder)
    return seconds


def kill_commits(spec: Spec) -> dict[str, Any]:
    """Commit edits one by one to a working copy, reporting each; SIGKILL at random.

    In lock step with the test: after each kill one JSON line gives the last edit the
    child reported as committed, and the working copy (with its log) is left untouched
    until the test, having read it, answers with a line on stdin.
    """
    folder = Path(spec["folder"])
    path = folder / "working.journey"
    base = read_journey(Path(spec["base"]))
    rng = random.Random(spec["seed"])
    for number in range(spec["rounds"]):

        def committing(reports: int) -> None:
            journey = base  # this child's own copy
            working = WorkingCopy(path, journey)
            os.write(reports, b"0\n")
            for edit in range(1, spec["max_edits"] + 1):
                edit_step(journey, edit)
                working.commit(journey)
                os.write(reports, f"{edit}\n".encode())

        pid, reports = fork_when_ready(committing, first=b"0\n")
        time.sleep(rng.uniform(0, spec["window_seconds"]))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        with os.fdopen(reports, "rb") as pipe:
            lines = pipe.read().split()
        print(json.dumps({
            "round": number,
            "path": str(path),
            "killed": os.waitstatus_to_exitcode(status) == -signal.SIGKILL,
            "reported": int(lines[-1]) if lines else 0,
        }), flush=True)
        sys.stdin.readline()
        for leftover in folder.glob("working.journey*"):
            leftover.unlink()
    return {"rounds": spec["rounds"]}


def commit_crash_points(spec: Spec) -> dict[str, Any]:
    """Edits 1 .. n committed, then one big edit whose commit dies at each point.

    Points: ``statements:K`` dies as SQLite starts statement K+1 of the transaction (K
    done; ``half`` and ``last`` are worked out from a first run that counts them),
    ``before_commit`` as it starts COMMIT, ``wal_bytes`` in the middle of writing the log
    (RLIMIT_FSIZE), ``after_commit`` once the commit returned. Each working copy is left in
    ``<point>.journey`` for the test to read.
    """
    base = read_journey(Path(spec["base"]))
    folder = Path(spec["folder"])

    def commit_dying_at(point: str, path: Path) -> None:
        made: list[sqlite3.Connection] = []
        real_connect = sqlite3.connect

        def connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
            made.append(real_connect(*args, **kwargs))
            return made[-1]

        sqlite3.connect = connect  # type: ignore[assignment]
        journey = base  # this child's own copy
        working = WorkingCopy(path, journey)
        for edit in range(1, spec["edits_before"] + 1):
            edit_step(journey, edit)
            working.commit(journey)
        big_edit(journey)
        seen: list[str] = []

        def trace(statement: str) -> None:
            seen.append(statement)
            if point.startswith("statements:") and len(seen) == int(point[11:]) + 1:
                die()
            if point == "before_commit" and statement.startswith("COMMIT"):
                die()

        made[-1].set_trace_callback(trace)  # the working copy's own connection
        if point == "wal_bytes":
            size = path.with_name(path.name + "-wal").stat().st_size
            die_past(size + (32 if size == 0 else 0) + 24 + 1000)  # inside the first frame
        working.commit(journey)
        if point == "after_commit":
            die()
        if point == "count":
            (folder / "statements.json").write_text(json.dumps(seen))

    assert in_child(functools.partial(commit_dying_at, "count", folder / "count.journey")) == 0
    statements = json.loads((folder / "statements.json").read_text())
    named = {"statements:half": f"statements:{len(statements) // 2}",
             "statements:last": f"statements:{len(statements) - 1}"}
    statuses = {}
    for asked in spec["points"]:
        point = named.get(asked, asked)
        path = folder / f"{point.replace(':', '-')}.journey"
        statuses[point] = {"status": in_child(functools.partial(commit_dying_at, point, path)),
                           "path": str(path)}
    return {"statuses": statuses, "statements": statements}


def fork_doing(work: Callable[[], object]) -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        try:
            work()
        finally:
            os._exit(FAILED)
    return pid


def fork_when_ready(work: Callable[[int], object], first: bytes = b"r") -> tuple[int, int]:
    """A child doing ``work(pipe)``, once it wrote ``first`` to the pipe; (pid, read end)."""
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read)
            work(write)
        finally:
            os._exit(FAILED)
    os.close(write)
    got = b""
    while len(got) < len(first):
        chunk = os.read(read, len(first) - len(got))
        if not chunk:
            os.waitpid(pid, 0)
            raise RuntimeError("the child stopped before it was ready")
        got += chunk
    assert got == first, got
    return pid, read


MODES: dict[str, Callable[[Spec], object]] = {
    "crash-points": crash_points,
    "save-once": save_once,
    "kill-saves": kill_saves,
    "kill-session-saves": kill_session_saves,
    "kill-commits": kill_commits,
    "commit-crash-points": commit_crash_points,
}

if __name__ == "__main__":
    mode, spec_text = sys.argv[1], sys.argv[2]
    print(json.dumps(MODES[mode](json.loads(spec_text))), flush=True)
