"""Opening a .journey file from anyone: the checks, in the order that keeps each one safe.

1. the bytes: a regular file, within the size limit (file_bytes.py);
2. the header: SQLite's, ours, a format we know, pages that add up (file_checks.py);
3. a guarded in-memory database (guard.py), the bytes copied in; the user's path is never
   opened by SQLite, so nothing beside it is created and the file stays as it was;
4. the schema: exactly ours for the file's format, so nothing of theirs can run;
5. ``PRAGMA quick_check``: the pages hold together;
6. row counts within the limits, counted before a single row is read;
7. older formats stepped forward, in memory (migrations.py);
8. the rows turned into the map, each object checking its own limits, then the map's rules.

Every refusal is a JourneyError with one line fit for a person; whatever else the reading
raises (SQLite errors, memory, a recursion in broken JSON) becomes one too.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from journey_editor.layout.text import one_line
from journey_editor.model import Journey, JourneyError, check_invariants, limits
from journey_editor.store import guard, migrations, tables
from journey_editor.store.file_bytes import read_file_bytes
from journey_editor.store.file_checks import as_rollback_journal, check_header, check_schema
from journey_editor.store.rows import journey_from_rows
from journey_editor.store.tables import Table

MESSAGE_MAX = 300
# Python's words when a text value is not UTF-8; they quote the text, which may be megabytes.
_UNDECODABLE = re.compile(r"Could not decode to UTF-8 (column '.{0,60}?') with text")

# Table -> what its rows are called, and how many a map may have.
_ROW_LIMITS: tuple[tuple[Table, str, int], ...] = (
    (tables.JOURNEY, "map rows", 1),
    (tables.PERSONA, "persona rows", 1),
    (tables.STAGE, "stages", limits.MAX_STAGES),
    (tables.LANE, "lanes", limits.MAX_LANES),
    (tables.CARD, "cards", limits.MAX_CARDS),
    (tables.CARD_PLACE, "card places", limits.MAX_CARDS),
    (tables.EMOTION_POINT, "emotion points", limits.MAX_EMOTION_POINTS),
    (tables.LINK, "links", limits.MAX_LINKS),
)
# Table, its owner's key, what one row is: at most LIST_MAX of them per owner.
_LIST_LIMITS: tuple[tuple[Table, str, str], ...] = (
    (tables.CONVERSION_GOAL, "stage_id", "conversion goals of a stage"),
    (tables.KPI, "stage_id", "KPIs of a stage"),
    (tables.EVIDENCE, "card_id", "pieces of evidence of a card"),
)
_CONVERTED = (
    sqlite3.Error,
    MemoryError,
    RecursionError,
    OverflowError,
    ValueError,  # with UnicodeDecodeError and json's errors
    TypeError,
    KeyError,
    IndexError,
)


def read_journey_file(path: Path) -> Journey:
    """The map in a .journey file; JourneyError with a one-line reason when it cannot be."""
    try:
        return _read(path)
    except JourneyError as error:
        raise JourneyError(one_line(str(error), MESSAGE_MAX)) from None
    except _CONVERTED as error:
        raise refusal(error) from None


def _read(path: Path) -> Journey:
    data = read_file_bytes(path)
    header = check_header(data)
    as_rollback_journal(data)
    database = guard.GuardedDatabase()
    try:
        database.load(data)
        del data  # SQLite holds its own copy now
        connection = database.connection
        check_schema(connection, migrations.schema_of(header.version))
        check_intact(connection)
        check_row_counts(connection)
        with database.writable() as writable:
            migrations.step_forward(writable, header.version)
        journey = journey_from_rows(connection)
    finally:
        database.close()
    check_invariants(journey)
    journey.changes.drain()
    return journey


def check_intact(connection: sqlite3.Connection) -> None:
    """SQLite's own check of every page, stopping at the first problem found."""
    problem = connection.execute("PRAGMA quick_check(1)").fetchone()
    if problem is None or problem[0] != "ok":
        found = "no answer" if problem is None else str(problem[0])
        found = found.removeprefix("*** in database main ***").strip()
        raise JourneyError(f"the file is damaged ({one_line(found, 200)})")


def check_row_counts(connection: sqlite3.Connection) -> None:
    """Refuse a map too large to hold, by counting rows before any is read."""
    for table, what, limit in _ROW_LIMITS:
        (count,) = connection.execute(f'SELECT count(*) FROM "{table.name}"').fetchone()
        if count > limit:
            raise JourneyError(f"the map has {count:,} {what}; the limit is {limit:,}")
    for table, owner, what in _LIST_LIMITS:
        query = f'SELECT max(n) FROM (SELECT count(*) AS n FROM "{table.name}" GROUP BY "{owner}")'
        (most,) = connection.execute(query).fetchone()
        if most is not None and most > limits.LIST_MAX:
            raise JourneyError(f"the map has {most:,} {what}; the limit is {limits.LIST_MAX}")


def refusal(error: BaseException) -> JourneyError:
    """What a person is told when reading failed in a way no check foresaw."""
    if isinstance(error, MemoryError):
        return JourneyError("the file is too large to open in the memory available")
    if isinstance(error, RecursionError):
        return JourneyError("the file is damaged (values nested too deeply)")
    if isinstance(error, UnicodeDecodeError):  # SQLite's own message quoted broken text
        return JourneyError("the file is damaged (it holds text that is not UTF-8)")
    if isinstance(error, sqlite3.Error):
        name = getattr(error, "sqlite_errorname", "")
        if name == "SQLITE_TOOBIG":
            return JourneyError(
                f"the file holds a value of more than {guard.VALUE_MAX_BYTES // 2**20} MiB, "
                "larger than anything a map holds: refused"
            )
        if name == "SQLITE_INTERRUPT":
            return JourneyError(
                f"the file took more than {guard.TIME_LIMIT_SECONDS:g} s to check: refused"
            )
        if name == "SQLITE_NOMEM":
            return JourneyError("the file is too large to open in the memory available")
        if name == "SQLITE_AUTH":
            return JourneyError(f"the file asks for something never allowed ({error}): refused")
        if undecodable := _UNDECODABLE.match(str(error)):
            return JourneyError(f"the file is damaged (text in {undecodable[1]} is not UTF-8)")
        return JourneyError(f"the file is damaged ({one_line(str(error), 200)})")
    reason = one_line(str(error), MESSAGE_MAX)
    return JourneyError(f"the file is damaged ({type(error).__name__}: {reason})")
