"""The one way any .journey (or exported) file is written: whole, or not at all.

A complete temporary file is written beside the target, flushed to disk, and renamed over
the target; the folder is flushed so the rename survives a power cut. A crash at any step
leaves either the old file or the new one, never a mixture.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import sqlite3
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from journey_editor.model import JourneyError

SQLITE_SIDECARS = ("-journal", "-wal", "-shm")
LEFTOVER_AGE_S = 3600


def atomic_write(target: Path, fill: Callable[[Path], None]) -> None:
    """Have ``fill`` write a complete file at the temporary path it is given; then swap it in.

    Raises JourneyError with a one-line reason when the target cannot be written; the
    target is then exactly as it was.
    """
    target = Path(target)
    # A link is saved through, not over: the renamed file takes the place of the file it
    # points to, and the link (a map kept in a synced folder, say) stays a link.
    destination = Path(os.path.realpath(target))
    check_writable_target(destination)
    # Named after the target to explain a leftover, but short: the target's own name may be
    # near the file system's limit of 255 bytes.
    temporary = destination.with_name(
        f"{_temporary_prefix(destination)}{uuid.uuid4().hex[:8]}.tmp"
    )
    try:
        fill(temporary)
        _flush(temporary)
        os.replace(temporary, destination)
    except OSError as error:
        raise JourneyError(f"cannot write {target}: {error.strerror or error}") from None
    except sqlite3.Error as error:  # a fill that writes with SQLite
        raise JourneyError(f"cannot write {target}: {_sqlite_refusal(temporary, error)}") from None
    finally:
        for leftover in (temporary, *(temporary.with_name(temporary.name + sidecar)
                                      for sidecar in SQLITE_SIDECARS)):
            with contextlib.suppress(OSError):
                leftover.unlink()
    _sweep_leftovers(destination)
    # The new file is in place now. A folder the file system will not flush (some refuse,
    # EINVAL) must not turn this into a failed write, which would say the old file is still
    # there; either way a power cut leaves one of the two, complete.
    with contextlib.suppress(OSError):
        _flush(destination.parent)


def _temporary_prefix(target: Path) -> str:
    return f".{target.stem[:24]}."


def _sweep_leftovers(target: Path) -> None:
    """Remove what an earlier write of ``target`` left when the process was killed mid-way.

    Such a file can be as big as the map. Only ones older than an hour go: a younger one may
    be another editor's save in progress.
    """
    pattern = re.compile(
        re.escape(_temporary_prefix(target)) + r"[0-9a-f]{8}\.tmp(-journal|-wal|-shm)?"
    )
    now = time.time()
    with contextlib.suppress(OSError):
        for leftover in target.parent.iterdir():
            if pattern.fullmatch(leftover.name) and now - leftover.stat().st_mtime > LEFTOVER_AGE_S:
                leftover.unlink()


def write_text_atomically(target: Path, text: str) -> None:
    def fill(temporary: Path) -> None:
        temporary.write_text(text, encoding="utf-8")

    atomic_write(target, fill)


def check_writable_target(target: Path) -> None:
    """Refuse, before any work is done, a target that can never be written."""
    folder = target.parent
    try:
        if not folder.exists():
            raise JourneyError(f"cannot write {target}: the folder {folder} does not exist")
        if not folder.is_dir():
            raise JourneyError(f"cannot write {target}: {folder} is not a folder")
        if target.is_dir():
            raise JourneyError(f"cannot write {target}: it is a folder")
    except OSError as error:  # a name too long, a folder that cannot be looked into
        raise JourneyError(f"cannot write {target}: {error.strerror or error}") from None


def _sqlite_refusal(temporary: Path, error: sqlite3.Error) -> str:
    """Why SQLite could not write the temporary file, in the system's words where it can.

    SQLite says "database or disk is full", "disk I/O error" or "unable to open database
    file" and keeps the system's reason (ENOSPC, EFBIG, EROFS ...) to itself; it has also
    rolled the file back, so writing where it failed cannot be tried again.
    """
    code = error.sqlite_errorcode
    if code == sqlite3.SQLITE_FULL:
        return os.strerror(errno.ENOSPC)
    if (code & 0xFF) == sqlite3.SQLITE_IOERR and _file_size_limited():
        return os.strerror(errno.EFBIG)
    try:  # a folder that is read-only, not ours, or gone: making the file again says which
        with open(temporary, "ab") as probe:
            probe.write(b"\0")
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as probe_error:
        return probe_error.strerror or str(probe_error)
    return str(error)


def _file_size_limited() -> bool:
    """This process may not write files past a size (RLIMIT_FSIZE; writes past it: EFBIG)."""
    try:
        import resource
    except ImportError:  # not on this system
        return False
    return resource.getrlimit(resource.RLIMIT_FSIZE)[0] != resource.RLIM_INFINITY


def _flush(path: Path) -> None:
    """fsync a file, or a folder (so that a rename in it is on disk)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
