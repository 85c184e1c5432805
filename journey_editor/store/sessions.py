"""The working copies of open maps, in the user's data folder, and what a crash leaves there.

Each open map has a session: its working copy (``<id>.journey``, every edit committed as it
happens), a note of what it is (``<id>.json``: the file it came from, its name, when it was
last edited and how many edits are unsaved) and a lock (``<id>.lock``, held with ``flock``
while the editor has the map open). The lock is how a session left behind by a crash is
told from one in use: the system drops a dead process's locks, so a session whose lock can
be taken belongs to no running editor. The same lock says that a file is open elsewhere.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import sqlite3
import uuid
from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from journey_editor.model import Journey, JourneyError
from journey_editor.store.backups import BackupShelf
from journey_editor.store.journey_file import save_journey
from journey_editor.store.working_copy import (
    WorkingCopy,
    read_working_copy,
    remove_working_copy,
)

NOTE_SUFFIX = ".json"
LOCK_SUFFIX = ".lock"
COPY_SUFFIX = ".journey"


@dataclass(frozen=True)
class SessionNote:
    """What a session says of itself, for the offer to restore it after a crash."""

    source: Path | None  # the .journey file the map is saved to; None for a new map
    name: str
    last_edit_at: datetime | None
    unsaved_edits: int
    modified: bool

    def to_json(self) -> str:
        return json.dumps({
            "source": None if self.source is None else str(self.source),
            "name": self.name,
            "last_edit_at": None if self.last_edit_at is None else self.last_edit_at.isoformat(),
            "unsaved_edits": self.unsaved_edits,
            "modified": self.modified,
        })

    @classmethod
    def from_json(cls, text: str) -> SessionNote:
        """Raises ValueError (or KeyError, TypeError) for a note that is not one of ours."""
        data: dict[str, Any] = json.loads(text)
        source, last_edit = data["source"], data["last_edit_at"]
        return cls(
            source=None if source is None else Path(str(source)),
            name=str(data["name"]),
            last_edit_at=None if last_edit is None else datetime.fromisoformat(str(last_edit)),
            unsaved_edits=int(data["unsaved_edits"]),
            modified=bool(data["modified"]),
        )


class WorkingFolder:
    """The folder of working copies (and, beside it, the backups of saved versions)."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.folder = self.root / "working"
        self.backups = BackupShelf(self.root / "backups")

    def start(
        self, journey: Journey, source: Path | None, name: str, *, modified: bool = False,
        unsaved_edits: int = 0,
    ) -> Session:
        """A new session for a map just opened; JourneyError when the folder can't be used."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            return Session(self, uuid.uuid4().hex, journey, source, name, modified, unsaved_edits)
        except (OSError, sqlite3.Error) as error:
            reason = error.strerror if isinstance(error, OSError) else None
            raise JourneyError(
                f"cannot keep a working copy in {self.folder}: {reason or error}"
            ) from None

    def left_behind(self) -> list[LeftBehind]:
        """Sessions whose editor stopped without closing them, oldest edit first.

        Each is locked by the caller until it is restored, discarded or let go, so two
        editors starting at once do not both offer it. Sessions with nothing unsaved are
        removed quietly.
        """
        found = []
        for note_path in self._notes():
            try:
                lock = _try_lock(note_path.with_suffix(LOCK_SUFFIX))
            except OSError:
                continue  # cannot be told from a session in use: never take it
            if lock is None:
                continue  # a running editor has it open
            left = LeftBehind(self, note_path.stem, lock)
            if left.worth_offering:
                found.append(left)
            else:
                left.discard()
        return sorted(found, key=lambda left: left.last_edit_sort_key)

    def open_elsewhere(
        self, path: Path, ignoring: Collection[str] = ()
    ) -> SessionNote | None:
        """The session of a running editor editing ``path``, if any, other than the
        sessions ``ignoring`` (those this editor holds: its windows know their own files)."""
        for note_path in self._notes():
            if note_path.stem in ignoring:
                continue
            note = _read_note(note_path)
            if note is None or note.source is None or not same_file(note.source, path):
                continue
            try:
                # Shared: a session kept while its map is shown read-only holds it shared,
                # and does not stop anyone saving the file; editing sessions hold it alone.
                lock = _try_lock(note_path.with_suffix(LOCK_SUFFIX), fcntl.LOCK_SH)
            except OSError:
                continue  # a lock file that cannot be made was never held
            if lock is None:
                return note
            lock.close()
        return None

    def remove_session(self, session_id: str) -> None:
        """Remove a session's working copy and note (not its lock: whoever holds it does)."""
        remove_working_copy(self.folder / f"{session_id}{COPY_SUFFIX}")
        with contextlib.suppress(OSError):
            (self.folder / f"{session_id}{NOTE_SUFFIX}").unlink()

    def _notes(self) -> list[Path]:
        try:
            return sorted(self.folder.glob(f"*{NOTE_SUFFIX}"))
        except OSError:
            return []


class Session:
    """An open map's working copy, note and lock."""

    def __init__(
        self, folder: WorkingFolder, session_id: str, journey: Journey, source: Path | None,
        name: str, modified: bool, unsaved_edits: int,
    ) -> None:
        self._folder = folder
        self.id = session_id
        base = folder.folder / session_id
        self._lock = _try_lock(base.with_suffix(LOCK_SUFFIX))
        if self._lock is None:  # a fresh random name: nobody else can hold it
            raise OSError(f"cannot lock {base.with_suffix(LOCK_SUFFIX)}")
        self.note = SessionNote(source, name, None, unsaved_edits, modified)
        try:
            self._write_note()
            self.working_copy = WorkingCopy(base.with_suffix(COPY_SUFFIX), journey)
        except (OSError, sqlite3.Error):
            # A note without its copy, or half a copy, would be offered after every start.
            folder.remove_session(session_id)
            self._release()
            raise
        # After a failed commit the working copy no longer matches the map; the next commit
        # writes it whole again rather than trusting it.
        self._stale = False

    def record_edit(self, journey: Journey, unsaved_edits: int, modified: bool) -> None:
        """Commit what changed in ``journey`` to the working copy, and note the edit.

        Raises JourneyError when the working copy cannot be written (a full disk); the map
        itself is untouched, and the next edit tries again.
        """
        self._commit(journey)
        self.note = SessionNote(
            self.note.source, self.note.name, datetime.now().astimezone(), unsaved_edits,
            modified,
        )
        self._write_note_quietly()

    def save(self, journey: Journey, target: Path) -> str | None:
        """Write the map to ``target`` whole; the earlier file there goes to the backups.

        Returns a note when the earlier version could not be kept (the save still happens);
        raises JourneyError when the save itself cannot be done, with ``target`` unchanged.
        """
        try:
            self._commit(journey)
            save: Callable[[Path], None] = self.working_copy.save_to
        except JourneyError:
            # The data folder is full or gone: the user's file need not suffer for it.
            def save(path: Path) -> None:
                save_journey(journey, path)

        kept_note = self._folder.backups.save_over(target, save)
        self.note = SessionNote(target, target.name, self.note.last_edit_at, 0, False)
        self._write_note_quietly()
        return kept_note

    def _commit(self, journey: Journey) -> None:
        try:
            if self._stale:
                self._rebuild(journey)
            else:
                self.working_copy.commit(journey)
        except (OSError, sqlite3.Error) as error:
            # The change log is drained whatever happened: only a whole rewrite can be trusted.
            self._stale = True
            raise JourneyError(f"the working copy could not be updated ({error})") from None

    def end(self) -> None:
        """The map is closed: its working copy, note and lock go."""
        self.working_copy.close()
        self._folder.remove_session(self.id)
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            _unlock_and_remove(self._lock)
            self._lock = None

    def _rebuild(self, journey: Journey) -> None:
        path = self.working_copy.path
        self.working_copy.close()
        remove_working_copy(path)
        self.working_copy = WorkingCopy(path, journey)
        self._stale = False

    def _write_note(self) -> None:
        note_path = self._folder.folder / f"{self.id}{NOTE_SUFFIX}"
        # Renamed into place: a crash mid-write leaves the previous note, never half of one.
        # Not flushed: the working copy is what must survive; the note only describes it.
        temporary = note_path.with_name(note_path.name + ".tmp")
        temporary.write_text(self.note.to_json(), encoding="utf-8")
        os.replace(temporary, note_path)

    def _write_note_quietly(self) -> None:
        with contextlib.suppress(OSError):
            self._write_note()


class LeftBehind:
    """A session an editor left behind when it stopped, locked by us while we decide."""

    def __init__(self, folder: WorkingFolder, session_id: str, lock: IO[bytes]) -> None:
        self._folder = folder
        self.id = session_id
        self._lock: IO[bytes] | None = lock
        self._copy = folder.folder / f"{session_id}{COPY_SUFFIX}"
        note = _read_note(folder.folder / f"{session_id}{NOTE_SUFFIX}")
        copied_at = self._copied_at()
        if note is None and copied_at is not None:
            # The note is lost but the work may not be: offer the copy by its own time.
            note = SessionNote(None, "Untitled", copied_at, 0, True)
        elif note is not None and note.last_edit_at is None:
            # Not edited since it was opened (a restored map): its copy was written then.
            note = replace(note, last_edit_at=copied_at)
        self.note = note

    def _copied_at(self) -> datetime | None:
        try:
            return datetime.fromtimestamp(self._copy.stat().st_mtime).astimezone()
        except OSError:
            return None

    @property
    def worth_offering(self) -> bool:
        """Unsaved work is there: a modified map whose working copy exists."""
        return self.note is not None and self.note.modified and self._copy.exists()

    @property
    def last_edit_sort_key(self) -> float:
        edited = self.note.last_edit_at if self.note is not None else None
        return edited.timestamp() if edited is not None else 0.0

    def journey(self) -> Journey:
        """The map as it was at its last edit; JourneyError when the copy is unusable."""
        return read_working_copy(self._copy)

    def discard(self) -> None:
        """Remove the session's files for good."""
        self._folder.remove_session(self.id)
        if self._lock is not None:
            _unlock_and_remove(self._lock)
            self._lock = None

    def hold_without_editing(self) -> bool:
        """Go on holding the session while its map is shown read-only, so that no other
        editor offers it, but without counting as an editor of its file. False when the
        hold was lost (then it is let go, and another editor may offer it)."""
        if self._lock is None:
            return False
        try:
            # flock changes a lock by releasing it first: another editor may take it then.
            fcntl.flock(self._lock, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            self.let_go()
            return False
        return True

    def let_go(self) -> None:
        """Keep the session for another time: offered again at the next start."""
        if self._lock is not None:
            self._lock.close()
            self._lock = None


def _try_lock(path: Path, kind: int = fcntl.LOCK_EX) -> IO[bytes] | None:
    """The lock file at ``path`` opened and locked (alone, or shared), or None when someone
    else holds it in a way that excludes that.

    Raises OSError when there is no lock file and none can be made.
    """
    handle: IO[bytes]
    try:
        handle = open(path, "ab")  # noqa: SIM115 - held open for the session's life
    except OSError:
        if not path.is_file():
            raise
        # A read-only data folder (a full or remounted disk): flock needs no write access.
        handle = open(path, "rb")  # noqa: SIM115
    try:
        fcntl.flock(handle, kind | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        return None
    except OSError:
        handle.close()
        raise
    return handle


def _unlock_and_remove(lock: IO[bytes]) -> None:
    with contextlib.suppress(OSError):
        Path(lock.name).unlink()
    lock.close()


def _read_note(path: Path) -> SessionNote | None:
    try:
        return SessionNote.from_json(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def same_file(one: Path, other: Path) -> bool:
    """Whether two paths name one file (through links, or spelled differently)."""
    try:
        return one.resolve() == other.resolve() or one.samefile(other)
    except OSError:
        return False
