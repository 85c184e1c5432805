"""The file an open map lives in while it is edited: every edit is committed as it happens."""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
from pathlib import Path

from journey_editor.model import Journey, JourneyError
from journey_editor.store.atomic import SQLITE_SIDECARS, atomic_write
from journey_editor.store.database import create_database, write_changes
from journey_editor.store.journey_file import read_journey


class WorkingCopy:
    """A .journey database the editor owns, kept one edit behind the model at most.

    The write-ahead log makes a commit one append and one flush, so an edit costs about the
    same on any size of map; ``save_to`` then writes a compact file in the ordinary journal
    mode, with no deleted content left in it.
    """

    def __init__(self, path: Path, journey: Journey) -> None:
        self.path = Path(path)
        create_database(self.path, journey)
        journey.changes.drain()
        self._connection = sqlite3.connect(self.path)
        self._connection.execute("PRAGMA journal_mode=WAL")
        self._connection.execute("PRAGMA synchronous=FULL")
        self._connection.execute("PRAGMA secure_delete=ON")

    def commit(self, journey: Journey) -> None:
        """Write what changed in ``journey`` since the last commit."""
        write_changes(self._connection, journey)

    def save_to(self, target: Path) -> None:
        """A complete, compacted copy at ``target``, swapped in whole."""
        atomic_write(target, self._vacuum_into)

    def close(self) -> None:
        self._connection.close()

    def _vacuum_into(self, temporary: Path) -> None:
        self._connection.execute("VACUUM INTO ?", (str(temporary),))
        copy = sqlite3.connect(temporary)
        try:
            copy.execute("PRAGMA journal_mode=DELETE")
        finally:
            copy.close()


def remove_working_copy(path: Path) -> None:
    """Remove a (closed) working copy with its log, whatever of them is there."""
    for leftover in [path, *(path.with_name(path.name + s) for s in SQLITE_SIDECARS)]:
        with contextlib.suppress(OSError):
            leftover.unlink()


def read_working_copy(path: Path) -> Journey:
    """The map in a working copy an editor left behind, up to its last committed edit.

    The last edits may still be in the write-ahead log beside it. The copy and its log are
    replayed together in a temporary folder, not where they lie: the data folder may have
    turned read-only since the crash (replaying writes), and what the crash left stays as
    it was until the user discards it. SQLite opens the copy directly, as this is our own
    file in our own folder, not a stranger's; the result is then read as any other file.
    """
    if not path.is_file():
        raise JourneyError("the working copy is gone")
    try:
        with tempfile.TemporaryDirectory(prefix="journey-editor-restore-") as folder:
            replayed = Path(folder) / path.name
            shutil.copyfile(path, replayed)
            # The log holds the last edits; a rollback journal is a crash while the copy
            # was first written, which SQLite then undoes.
            for sidecar in ("-wal", "-journal"):
                beside = path.with_name(path.name + sidecar)
                if beside.is_file():
                    shutil.copyfile(beside, replayed.with_name(replayed.name + sidecar))
            _replay(replayed)
            return read_journey(replayed)
    except OSError as error:
        raise JourneyError(
            f"the working copy cannot be copied to {tempfile.gettempdir()} to be read "
            f"({error.strerror or error})"
        ) from None


def _replay(copy: Path) -> None:
    """Bring the edits in the copy's log (or undo those in its journal) into the copy."""
    try:
        connection = sqlite3.connect(copy)
        try:
            # Opening the file rolls a journal back; the checkpoint then replays a log.
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise JourneyError(f"the working copy cannot be read ({error})") from None
