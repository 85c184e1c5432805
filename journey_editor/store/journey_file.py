"""Opening and saving .journey files.

A file is read as bytes, its header checked (SQLite magic, our application id, a schema
version we know), and only then loaded into an in-memory database with
``Connection.deserialize``: SQLite never opens the user's path, so no journal or sidecar of
theirs is created or touched, and the file stays byte-for-byte as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from journey_editor.model import Journey, JourneyError, check_invariants
from journey_editor.store.atomic import atomic_write
from journey_editor.store.database import create_database
from journey_editor.store.rows import journey_from_rows
from journey_editor.store.tables import APPLICATION_ID, SCHEMA_VERSION, TABLES

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
MAX_FILE_BYTES = 512 * 1024 * 1024
SUFFIX = ".journey"


def read_journey(path: Path) -> Journey:
    """The map in a .journey file; JourneyError with a one-line reason when it cannot be."""
    data = read_file_bytes(path)
    check_header(data)
    connection = sqlite3.connect(":memory:")
    try:
        connection.deserialize(_as_rollback_journal(data))
        _check_tables(connection)
        journey = journey_from_rows(connection)
    except (sqlite3.Error, TypeError, KeyError) as error:
        raise JourneyError(f"the file is damaged ({error})") from None
    finally:
        connection.close()
    check_invariants(journey)
    journey.changes.drain()
    return journey


def save_journey(journey: Journey, path: Path) -> None:
    """Write the whole map to ``path``, replacing any file there whole or not at all."""
    atomic_write(path, lambda temporary: create_database(temporary, journey))


def read_file_bytes(path: Path) -> bytes:
    path = Path(path)
    if path.is_dir():
        raise JourneyError("is a folder, not a file")
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise JourneyError(
                f"is {size / 2**20:,.0f} MiB; the editor opens files up to "
                f"{MAX_FILE_BYTES // 2**20} MiB"
            )
        return path.read_bytes()
    except FileNotFoundError:
        raise JourneyError("no such file") from None
    except OSError as error:
        raise JourneyError(f"cannot be read ({error.strerror or error})") from None


def read_text_file(path: Path) -> str:
    """A UTF-8 text file someone gives the editor to import (the same size limit)."""
    try:
        return read_file_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise JourneyError(f"not UTF-8 text (byte {error.start})") from None


def check_header(data: bytes) -> None:
    """Refuse anything that is not a .journey file we can read, before SQLite sees it."""
    if len(data) < HEADER_BYTES or not data.startswith(SQLITE_MAGIC):
        raise JourneyError("not a .journey file (not a SQLite database)")
    application_id = int.from_bytes(data[68:72], "big")
    if application_id != APPLICATION_ID:
        raise JourneyError(
            f"a SQLite database, but not a .journey file (application id {application_id:#x})"
        )
    version = int.from_bytes(data[60:64], "big")
    if version > SCHEMA_VERSION:
        raise JourneyError(
            f"written by a newer Journey Editor (file format {version}; "
            f"this version reads up to {SCHEMA_VERSION}): update Journey Editor to open it"
        )
    if version < 1:
        raise JourneyError("the file is damaged (no file format version)")


def _as_rollback_journal(data: bytes) -> bytes:
    """Mark a write-ahead-log file as an ordinary one: in memory there is no log to read.

    A log beside the user's file is never read (nor created): what counts is the file itself.
    """
    if data[18:20] == b"\x02\x02":
        return data[:18] + b"\x01\x01" + data[20:]
    return data


def _check_tables(connection: sqlite3.Connection) -> None:
    found = {
        name for (name,) in connection.execute("SELECT name FROM sqlite_schema WHERE type='table'")
    }
    for table in TABLES:
        if table.name not in found:
            raise JourneyError(f"the file is damaged (it has no {table.name} table)")
