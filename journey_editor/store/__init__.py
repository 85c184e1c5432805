"""The .journey file: a SQLite database (docs/file-format.md). No Qt here."""

from journey_editor.store.atomic import atomic_write, write_text_atomically
from journey_editor.store.journey_file import SUFFIX, read_journey, save_journey
from journey_editor.store.working_copy import WorkingCopy

__all__ = [
    "SUFFIX",
    "WorkingCopy",
    "atomic_write",
    "read_journey",
    "save_journey",
    "write_text_atomically",
]
