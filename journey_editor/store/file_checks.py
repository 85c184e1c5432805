"""What a file must be before its data is read: the header, and exactly our schema.

The header is checked on the bytes, before SQLite sees them (sqlite.org/fileformat2.html,
"The Database Header"). The schema is compared, row by row of ``sqlite_schema``, with the
one Journey Editor writes for the file's version: a trigger, a view, an index or a table of
anyone else's is refused before any query touches the map's tables, so nothing of theirs
ever runs. Reading ``sqlite_schema`` itself runs nothing: SQLite only parses the statements.
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass

from journey_editor.model import JourneyError
from journey_editor.model.errors import shown
from journey_editor.store.tables import APPLICATION_ID, SCHEMA_VERSION

SQLITE_MAGIC = b"SQLite format 3\x00"
HEADER_BYTES = 100
_ROLLBACK_JOURNAL, _WRITE_AHEAD_LOG = 1, 2
_MIN_USABLE_PAGE = 480  # the smallest usable part of a page SQLite accepts

SchemaRow = tuple[object, object, object, object]  # type, name, table name, sql


@dataclass(frozen=True)
class Header:
    """What the 100-byte header says that the reader needs."""

    page_size: int
    page_count: int
    version: int


def check_header(data: bytes | bytearray) -> Header:
    """Refuse anything that is not a .journey file we can read, before SQLite sees it."""
    if len(data) < HEADER_BYTES or not data.startswith(SQLITE_MAGIC):
        raise JourneyError("not a .journey file (not a SQLite database)")
    application_id = _number(data, 68, 4)
    if application_id != APPLICATION_ID:
        raise JourneyError(
            f"a SQLite database, but not a .journey file (application id {application_id:#x})"
        )
    version = _number(data, 60, 4)
    if version > SCHEMA_VERSION:
        raise JourneyError(
            f"written by a newer Journey Editor (file format {version}; "
            f"this version reads up to {SCHEMA_VERSION}): update Journey Editor to open it"
        )
    if version < 1:
        raise JourneyError("the file is damaged (no file format version)")
    page_size = _page_size(data)
    header = Header(page_size, _page_count(data, page_size), version)
    _check_length(len(data), header)
    return header


def as_rollback_journal(data: bytearray) -> None:
    """Mark a write-ahead-log file as an ordinary one: in memory there is no log to read.

    A log beside the user's file is never read (nor created): what counts is the file itself.
    Changed in place, because a copy of a large file costs as much memory again.
    """
    if data[18:20] == bytes((_WRITE_AHEAD_LOG, _WRITE_AHEAD_LOG)):
        data[18:20] = bytes((_ROLLBACK_JOURNAL, _ROLLBACK_JOURNAL))


def _number(data: bytes | bytearray, offset: int, size: int) -> int:
    return int.from_bytes(data[offset : offset + size], "big")


def _page_size(data: bytes | bytearray) -> int:
    stored = _number(data, 16, 2)
    page_size = 65_536 if stored == 1 else stored
    if page_size < 512 or page_size > 65_536 or page_size & (page_size - 1):
        raise JourneyError(f"the file is damaged (a page size of {stored})")
    if data[18] not in (1, 2) or data[19] not in (1, 2):
        raise JourneyError(f"the file is damaged (file format versions {data[18]}, {data[19]})")
    if page_size - data[20] < _MIN_USABLE_PAGE or tuple(data[21:24]) != (64, 32, 32):
        raise JourneyError("the file is damaged (its page layout is not SQLite's)")
    return page_size


def _page_count(data: bytes | bytearray, page_size: int) -> int:
    """The header's page count, trusted only while its change counter says it is current."""
    counted = _number(data, 28, 4)
    if counted and data[24:28] == data[92:96]:
        return counted
    # Written by a SQLite from before 2010 (3.7.0): the length says, a partial page included.
    return -(-len(data) // page_size)


def _check_length(length: int, header: Header) -> None:
    expected = header.page_size * header.page_count
    if length > expected:
        raise JourneyError(
            f"the file is damaged: it goes on {length - expected:,} bytes past the "
            f"{header.page_count:,} pages its header counts"
        )
    if length < expected or length % header.page_size:
        raise JourneyError(
            f"the file is truncated: it is {length:,} bytes, and its header says "
            f"{header.page_count:,} pages of {header.page_size:,} bytes"
        )


# The schema ------------------------------------------------------------------------------


def check_schema(connection: sqlite3.Connection, statements: tuple[str, ...]) -> None:
    """Refuse any object in the file that ``statements`` would not have made, and any missing."""
    expected = {row[1]: row for row in expected_schema(statements)}
    found = connection.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    for row in found:
        kind, name = row[0], row[1]
        ours = expected.pop(name, None) if isinstance(name, str) else None
        if ours is None or ours[0] != kind:
            raise JourneyError(
                f"the file contains {_a(kind)} {shown(name)}, which Journey Editor never "
                "writes: refused"
            )
        if ours != tuple(row):
            raise JourneyError(
                f"the file's {kind} {shown(name)} is not the one Journey Editor writes: refused"
            )
    if expected:
        kind, name, _, _ = next(iter(expected.values()))
        raise JourneyError(f"the file is damaged (it has no {name} {kind})")


@functools.cache
def expected_schema(statements: tuple[str, ...]) -> tuple[SchemaRow, ...]:
    """The ``sqlite_schema`` rows a file made by ``statements`` has, as SQLite words them.

    SQLite stores a statement's text from the object's name on, and names the indexes it
    makes for keys itself; running the statements on an empty database gives both exactly.
    """
    scratch = sqlite3.connect(":memory:")
    try:
        for statement in statements:
            scratch.execute(statement)
        rows = scratch.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    finally:
        scratch.close()
    return tuple((row[0], row[1], row[2], row[3]) for row in rows)


def _a(kind: object) -> str:
    if isinstance(kind, str) and kind in ("table", "index", "view", "trigger"):
        return ("an " if kind == "index" else "a ") + kind
    return f"an object of type {shown(kind)}"
