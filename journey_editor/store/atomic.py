"""The one way any .journey (or exported) file is written: whole, or not at all.

A complete temporary file is written beside the target, flushed to disk, and renamed over
the target; the folder is flushed so the rename survives a power cut. A crash at any step
leaves either the old file or the new one, never a mixture.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable
from pathlib import Path

from journey_editor.model import JourneyError


def atomic_write(target: Path, fill: Callable[[Path], None]) -> None:
    """Have ``fill`` write a complete file at the temporary path it is given; then swap it in.

    Raises JourneyError with a one-line reason when the target cannot be written; the
    target is then exactly as it was.
    """
    target = Path(target)
    check_writable_target(target)
    # Named after the target to explain a leftover, but short: the target's own name may be
    # near the file system's limit of 255 bytes.
    temporary = target.with_name(f".{target.stem[:24]}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        fill(temporary)
        _flush(temporary)
        os.replace(temporary, target)
        _flush(target.parent)
    except OSError as error:
        raise JourneyError(f"cannot write {target}: {error.strerror or error}") from None
    finally:
        for leftover in (temporary, temporary.with_name(temporary.name + "-journal")):
            with contextlib.suppress(OSError):
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


def _flush(path: Path) -> None:
    """fsync a file, or a folder (so that a rename in it is on disk)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
