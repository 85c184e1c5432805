"""Reading files of earlier formats: each format's schema, and a step to the next format.

A file's ``user_version`` is its format. It is checked against the schema of its own format
(``SCHEMAS``), then stepped forward one format at a time to ``SCHEMA_VERSION``, in memory:
the user's file is never written, and is saved in the new format only when the user saves.

To add format 2:
1. copy the format 1 statements out of ``tables.py`` into a frozen tuple here, ``FORMAT_1``,
   and map ``1: FORMAT_1`` in ``SCHEMAS`` (``tables.py`` then holds format 2, as generated);
2. write ``_format_1_to_2(connection)`` and map ``1: _format_1_to_2`` in ``STEPS``;
3. keep a real file of format 1 in tests/files/ opening, as ``format-1.journey`` does now.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from journey_editor.model import JourneyError
from journey_editor.store.tables import SCHEMA_STATEMENTS, SCHEMA_VERSION

Step = Callable[[sqlite3.Connection], None]

# Format -> the CREATE statements of a file of that format, exactly as written then.
SCHEMAS: dict[int, tuple[str, ...]] = {
    SCHEMA_VERSION: SCHEMA_STATEMENTS,
}
# Format n -> the step that turns a file of format n into one of format n + 1.
STEPS: dict[int, Step] = {}


def newest_format() -> int:
    return max(SCHEMAS)


def schema_of(version: int) -> tuple[str, ...]:
    """The statements a file of format ``version`` was made with."""
    try:
        return SCHEMAS[version]
    except KeyError:
        raise JourneyError(
            f"written in file format {version}, which this version of Journey Editor cannot "
            "read"
        ) from None


def step_forward(connection: sqlite3.Connection, version: int) -> int:
    """Bring an in-memory file of format ``version`` to the newest format; returns it."""
    while version < newest_format():
        step = STEPS.get(version)
        if step is None:
            raise JourneyError(f"file format {version} cannot be brought up to date")
        step(connection)
        version += 1
        connection.execute(f"PRAGMA user_version={version:d}")
    return version
