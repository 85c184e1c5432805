"""Earlier saved versions of each map, kept beside the working copies so a save can be undone.

Before a save replaces a file, the file as it was is copied here; the newest few copies of
each file are kept and older ones removed. A copy keeps the time the old file was saved.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from journey_editor.model import JourneyError
from journey_editor.store.atomic import atomic_write

KEEP = 5
SUFFIX = ".journey"
ORIGIN_FILE = "origin.txt"


@dataclass(frozen=True)
class SavedVersion:
    """A map as it was before one of its saves."""

    path: Path
    saved_at: datetime  # when that version was written (the replaced file's own time)


class BackupShelf:
    """The earlier versions of every map saved on this machine, one folder per file."""

    def __init__(self, root: Path, keep: int = KEEP) -> None:
        self.root = Path(root)
        self.keep = keep

    def save_over(self, target: Path, save: Callable[[Path], None]) -> str | None:
        """Have ``save`` write ``target`` whole, keeping the file it replaces as a version.

        Returns a note for the user when the earlier version could not be kept (the save
        still happens). JourneyError from ``save`` passes on, with ``target`` and the kept
        versions as they were.
        """
        kept, kept_note = None, None
        try:
            kept = self.keep_previous(target)
        except (OSError, JourneyError) as error:
            reason = (error.strerror if isinstance(error, OSError) else None) or error
            kept_note = f"the earlier version of {target.name} could not be kept ({reason})"
        try:
            save(target)
        except JourneyError:
            if kept is not None:  # the file it copied is still there, unchanged
                with contextlib.suppress(OSError):
                    kept.unlink()
            raise
        self.prune(target)
        return kept_note

    def keep_previous(self, target: Path) -> Path | None:
        """Copy the file at ``target`` (if there is one) before a save replaces it; the copy.

        Raises OSError or JourneyError when the copy cannot be made. Old copies are removed
        by ``prune`` once the save has worked: a failed save must not push a real version out.
        """
        target = Path(target)
        if not target.is_file():
            return None
        folder = self._folder_of(target)
        folder.mkdir(parents=True, exist_ok=True)
        # For a person looking through the backups: which file these are the versions of.
        (folder / ORIGIN_FILE).write_text(str(_resolved(target)), encoding="utf-8")
        saved_at = target.stat().st_mtime
        stamp = datetime.fromtimestamp(saved_at, UTC).strftime("%Y%m%dT%H%M%S%f")
        copy = _free_name(folder, stamp)

        def fill(temporary: Path) -> None:
            shutil.copyfile(target, temporary)

        atomic_write(copy, fill)
        os.utime(copy, (saved_at, saved_at))
        return copy

    def prune(self, target: Path) -> None:
        """Keep only the newest copies of ``target``."""
        for old in self._copies(self._folder_of(Path(target)))[self.keep :]:
            with contextlib.suppress(OSError):
                old.unlink()

    def versions(self, target: Path) -> list[SavedVersion]:
        """The kept versions of ``target``, newest first."""
        folder = self._folder_of(Path(target))
        versions = []
        for copy in self._copies(folder):
            with contextlib.suppress(OSError):
                saved_at = datetime.fromtimestamp(copy.stat().st_mtime).astimezone()
                versions.append(SavedVersion(copy, saved_at))
        return versions

    def _folder_of(self, target: Path) -> Path:
        # Named for people browsing the folder, keyed by the full path so two "map.journey"
        # files in different folders keep their own versions.
        key = hashlib.sha256(str(_resolved(target)).encode("utf-8", "surrogateescape"))
        return self.root / f"{target.stem[:40]}-{key.hexdigest()[:12]}"

    @staticmethod
    def _copies(folder: Path) -> list[Path]:
        try:
            copies = [path for path in folder.iterdir() if path.suffix == SUFFIX]
        except OSError:
            return []
        return sorted(copies, key=lambda path: path.name, reverse=True)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _free_name(folder: Path, stamp: str) -> Path:
    """A copy's name: its time, so names sort by age; numbered when two share a time."""
    candidate = folder / f"{stamp}{SUFFIX}"
    number = 1
    while candidate.exists():
        candidate = folder / f"{stamp}-{number}{SUFFIX}"
        number += 1
    return candidate
