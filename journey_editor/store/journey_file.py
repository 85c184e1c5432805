"""Opening and saving .journey files.

Opening is hardened against files from anyone (store/opening.py): the bytes are read and
their header checked before SQLite sees them, then loaded into a guarded in-memory
database with ``Connection.deserialize``. SQLite never opens the user's path, so no
journal or sidecar of theirs is created or touched, and the file stays byte-for-byte as it
was. Saving replaces the file whole or not at all (store/atomic.py).
"""

from __future__ import annotations

from pathlib import Path

from journey_editor.model import Journey
from journey_editor.store.atomic import atomic_write
from journey_editor.store.database import create_database
from journey_editor.store.file_bytes import MAX_FILE_BYTES, read_file_bytes, read_text_file
from journey_editor.store.file_checks import HEADER_BYTES, SQLITE_MAGIC, check_header
from journey_editor.store.opening import read_journey_file

SUFFIX = ".journey"

__all__ = [
    "HEADER_BYTES",
    "MAX_FILE_BYTES",
    "SQLITE_MAGIC",
    "SUFFIX",
    "check_header",
    "read_file_bytes",
    "read_journey",
    "read_text_file",
    "save_journey",
]


def read_journey(path: Path) -> Journey:
    """The map in a .journey file; JourneyError with a one-line reason when it cannot be."""
    return read_journey_file(Path(path))


def save_journey(journey: Journey, path: Path) -> None:
    """Write the whole map to ``path``, replacing any file there whole or not at all."""
    atomic_write(path, lambda temporary: create_database(temporary, journey))
