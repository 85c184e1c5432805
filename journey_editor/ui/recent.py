"""The maps opened or saved lately, newest first, kept between runs in the editor's settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "recent_files"
KEEP = 10


class RecentFiles:
    """Read when the Open Recent menu opens, so every window shows the same list."""

    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def paths(self) -> list[Path]:
        """The remembered maps that still exist: a file moved away is not offered again."""
        stored = self._settings.value(KEY, [])
        # QSettings gives back a lone string, not a list, when one path was stored.
        names = [stored] if isinstance(stored, str) else list(stored or [])
        return [Path(name) for name in names if isinstance(name, str) and Path(name).is_file()]

    def add(self, path: Path) -> None:
        path = path.resolve()
        kept = [path] + [known for known in self.paths() if known != path]
        self._settings.setValue(KEY, [str(p) for p in kept[:KEEP]])

    def clear(self) -> None:
        self._settings.remove(KEY)
